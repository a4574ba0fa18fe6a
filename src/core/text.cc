// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include <fmt/format.h>

namespace clusterscope::core {

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  while (i < text.size()) {
    const unsigned char lead = byte(i);
    std::size_t extra = 0;
    std::uint32_t min_code = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if ((lead & 0xE0) == 0xC0) {
      extra = 1;
      min_code = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2;
      min_code = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3;
      min_code = 0x10000;
    } else {
      return i;
    }
    if (i + extra >= text.size()) return i;  // truncated sequence
    std::uint32_t code = lead & (0x3Fu >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return i;
      code = (code << 6) | (byte(i + k) & 0x3Fu);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min_code || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return i;
    i += extra + 1;
  }
  return std::nullopt;
}

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

Result<bool> ParseYesNo(std::string_view text) {
  static constexpr std::array<std::string_view, 6> kYes = {"1", "是", "y", "yes", "true", "t"};
  static constexpr std::array<std::string_view, 6> kNo = {"0", "否", "n", "no", "false", "f"};
  std::string lower(Trim(text));
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto yes : kYes) {
    if (lower == yes) return true;
  }
  for (const auto no : kNo) {
    if (lower == no) return false;
  }
  return Error(
      Status::InvalidArgument(fmt::format("'{}' is not yes or no (write 1/0 or 是/否)", text)));
}

std::optional<int> ParseInteger(std::string_view text) {
  int value = 0;
  if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

bool ParseInteger(std::string_view text, int& out) {
  const auto value = ParseInteger(text);
  if (value) out = *value;
  return value.has_value();
}

namespace {

// `text` with full-width digits and signs (０-９ ． － ＋ ，, U+FF10.. as Chinese input methods
// type them) as ASCII; nullopt for any other byte above ASCII.
std::optional<std::string> AsciiNumber(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    // U+FF01..U+FF5E are EF BC 81..EF BD 9E: ASCII 0x21..0x7E shifted.
    if (c != 0xEF || at + 2 >= text.size()) return std::nullopt;
    const auto b1 = static_cast<unsigned char>(text[at + 1]);
    const auto b2 = static_cast<unsigned char>(text[at + 2]);
    const int code = ((b1 & 0x3F) << 6) | (b2 & 0x3F);  // the low 12 bits of U+Fxxx
    const int ascii = code - 0xF01 + 0x21;              // U+FF01 -> '!'
    if (ascii < '+' || ascii > '9' || ascii == '/') return std::nullopt;
    out += static_cast<char>(ascii);
    at += 2;
  }
  return out;
}

// "1,234,567.5" -> "1234567.5" when the commas group the whole part by threes; nullopt when a
// comma stands anywhere else ("1,5" is not a number here: it may be a decimal comma).
std::optional<std::string> WithoutGrouping(std::string_view text) {
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) return std::string(text);
  std::size_t start = text.front() == '-' || text.front() == '+' ? 1 : 0;
  const std::size_t end = std::min(text.find_first_of(".eE"), text.size());
  const std::string_view whole = text.substr(start, end - start);
  if (whole.empty() || whole.front() == ',' || whole.size() % 4 == 0) return std::nullopt;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const bool separator = (whole.size() - i) % 4 == 0;
    if (separator != (whole[i] == ',')) return std::nullopt;
  }
  std::string out(text);
  out.erase(std::remove(out.begin(), out.end(), ','), out.end());
  return out;
}

}  // namespace

Result<double> ParseDecimal(std::string_view text) { return ParseDecimal(text, 0); }

Result<double> ParseDecimal(std::string_view text, int exponent) {
  const auto fail = [&] {
    return Error(Status::InvalidArgument(fmt::format("'{}' is not a decimal number", text)));
  };
  const auto ascii = AsciiNumber(Trim(text));
  if (!ascii) return fail();
  auto plain = WithoutGrouping(Trim(*ascii));
  if (!plain) return fail();
  if (exponent != 0 && !plain->empty()) {
    // The power of ten goes into the text's own exponent, so that from_chars rounds once.
    int stated = 0;
    const auto e = plain->find_first_of("eE");
    if (e != std::string::npos) {
      const char* at = plain->data() + e + 1;
      if (at != plain->data() + plain->size() && *at == '+') ++at;
      const auto [end, ec] = std::from_chars(at, plain->data() + plain->size(), stated);
      if (ec != std::errc() || end != plain->data() + plain->size()) return fail();
      plain->resize(e);
    }
    *plain += fmt::format("e{}", static_cast<long long>(stated) + exponent);
  }
  double value = 0;
  const char* begin = plain->data();
  const char* end = plain->data() + plain->size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
  if (plain->empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return fail();
  return value;
}

int DecimalPlaces(std::string_view text, int exponent) {
  const auto ascii = AsciiNumber(Trim(text));
  if (!ascii) return 0;
  auto plain = WithoutGrouping(Trim(*ascii));
  if (!plain) return 0;
  int stated = 0;
  if (const auto e = plain->find_first_of("eE"); e != std::string::npos) {
    const char* at = plain->data() + e + 1;
    if (at != plain->data() + plain->size() && *at == '+') ++at;
    const auto [end, ec] = std::from_chars(at, plain->data() + plain->size(), stated);
    if (ec != std::errc() || end != plain->data() + plain->size()) return 0;
    plain->resize(e);
  }
  int places = 0;
  if (const auto dot = plain->find('.'); dot != std::string::npos) {
    std::size_t last = plain->size();
    while (last > dot + 1 && (*plain)[last - 1] == '0') --last;
    places = static_cast<int>(last - dot - 1);
  }
  return std::max(0, places - stated - exponent);
}

std::size_t DisplayWidth(std::string_view text) {
  // fmt pads by display width (it knows the East Asian wide ranges), so the width of `text` is
  // its byte length plus the padding fmt adds to reach a width it certainly exceeds, minus that.
  const std::size_t target = text.size() * 2 + 1;
  const std::size_t padded = fmt::formatted_size("{:<{}}", text, target);
  return text.size() + target - padded;
}

std::size_t CharacterCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string Abbreviate(std::string_view text, std::size_t max_characters) {
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    if (characters++ == max_characters) return std::string(text.substr(0, at)) + "…";
  }
  return std::string(text);
}

}  // namespace clusterscope::core

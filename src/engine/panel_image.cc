// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The panel's image on disk: its columns as they lie in memory, so that Map() only points into
// the file. Little-endian; every section starts on an 8-byte boundary:
//   header  "CSPANEL\1", u32 version, u32 measure count, i32 covers, i32 first month,
//           u32 months, u32 0, u64 enterprises, u64 code characters, 16 bytes 0
//   codes   the characters, u64 end of each code x enterprises, u32 slots in code order
//   months  u8 flags per month (bit 0: prior-year columns follow), then for each month:
//           values i64 x enterprises per measure, valid u16 x enterprises,
//           with priors: prior i64 x enterprises per measure, prior valid u16 x enterprises,
//           at quarter ends: year-to-date i64 x enterprises per measure, reported u8 x enterprises
//   footer  u64 XXH3-64 of every byte before it, "CSPEND\1\0"
#include <cstring>

#include <fmt/format.h>
#include <xxhash.h>

#include "clusterscope/core/files.h"
#include "clusterscope/engine/panel.h"

namespace clusterscope::engine {
namespace {

constexpr char kMagic[8] = {'C', 'S', 'P', 'A', 'N', 'E', 'L', '\1'};
constexpr char kEndMagic[8] = {'C', 'S', 'P', 'E', 'N', 'D', '\1', '\0'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderBytes = 64;
constexpr std::size_t kFooterBytes = 16;
constexpr std::uint8_t kWithPriors = 1;

std::size_t Padded(std::size_t bytes) { return (bytes + 7) / 8 * 8; }

// One section: its bytes, then zeros to the next multiple of 8.
Status Section(core::HashingWriter& out, const void* data, std::size_t bytes) {
  CLUSTERSCOPE_RETURN_IF_ERROR(out.Write(data, bytes));
  return out.Pad();
}

// Reads sections off a mapped image in the order Save wrote them, checking each fits.
class Cursor {
 public:
  Cursor(const char* data, std::size_t size) : data_(data), size_(size) {}
  template <typename T>
  ColumnBuffer<T> Take(std::size_t count) {
    const std::size_t bytes = count * sizeof(T);
    if (!ok_ || bytes > size_ - at_ || Padded(bytes) > size_ - at_) {
      ok_ = false;
      return {};
    }
    const auto* start = reinterpret_cast<const T*>(data_ + at_);
    at_ += Padded(bytes);
    return ColumnBuffer<T>::Borrow(start, count);
  }
  bool ok() const { return ok_; }
  std::size_t at() const { return at_; }

 private:
  const char* data_;
  std::size_t size_;
  std::size_t at_ = kHeaderBytes;
  bool ok_ = true;
};

struct Header {
  std::int32_t covers = 0;
  std::int32_t first = 0;
  std::uint32_t months = 0;
  std::uint64_t enterprises = 0;
  std::uint64_t code_chars = 0;
};

}  // namespace

Status Panel::Save(const std::string& path, std::int32_t covers) const {
  const std::size_t n = enterprises();
  return core::WriteFileAtomically(path, [&](const core::ByteSink& sink) -> Status {
    core::HashingWriter out(sink);
    char header[kHeaderBytes] = {};
    const std::uint32_t version = kVersion;
    const std::uint32_t measures = model::kMeasureCount;
    const auto months = static_cast<std::uint32_t>(months_.size());
    const std::uint64_t count = n;
    const std::uint64_t chars = code_chars_.size();
    std::memcpy(header, kMagic, 8);
    std::memcpy(header + 8, &version, 4);
    std::memcpy(header + 12, &measures, 4);
    std::memcpy(header + 16, &covers, 4);
    std::memcpy(header + 20, &first_, 4);
    std::memcpy(header + 24, &months, 4);
    std::memcpy(header + 32, &count, 8);
    std::memcpy(header + 40, &chars, 8);
    CLUSTERSCOPE_RETURN_IF_ERROR(out.Write(header, sizeof header));
    CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, code_chars_.data(), chars));
    CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, code_end_.data(), n * 8));
    CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, order_.data(), n * 4));
    std::vector<std::uint8_t> flags(months_.size(), 0);
    for (std::size_t i = 0; i < months_.size(); ++i) {
      if (!months_[i].prior_valid.empty()) flags[i] = kWithPriors;
    }
    CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, flags.data(), flags.size()));
    for (std::size_t i = 0; i < months_.size(); ++i) {
      const Month& month = months_[i];
      for (const auto& column : month.values) {
        CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, column.data(), n * sizeof(Amount)));
      }
      CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, month.valid.data(), n * 2));
      if (flags[i] == kWithPriors) {
        for (const auto& column : month.prior) {
          CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, column.data(), n * sizeof(Amount)));
        }
        CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, month.prior_valid.data(), n * 2));
      }
      if (IsQuarterEnd(first_ + static_cast<std::int32_t>(i))) {
        for (const auto& column : month.year_to_date) {
          CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, column.data(), n * sizeof(Amount)));
        }
        CLUSTERSCOPE_RETURN_IF_ERROR(Section(out, month.reported_year_to_date.data(), n));
      }
    }
    const std::uint64_t digest = out.Digest();
    char footer[kFooterBytes];
    std::memcpy(footer, &digest, 8);
    std::memcpy(footer + 8, kEndMagic, 8);
    return out.WriteUnhashed(footer, sizeof footer);
  });
}

Result<Panel> Panel::Map(const std::string& path) {
  // An image that cannot be read is unavailable (the engine is built from the segments).
  auto mapping = core::MapFile(path);
  if (!mapping) return Error(Status::Unavailable(mapping.error().message()));
  const char* data = (*mapping)->data();
  const std::size_t size = (*mapping)->size();
  const auto corrupt = [&](std::string_view why) {
    return Error(Status::DataLoss(fmt::format("panel image {} is damaged ({})", path, why)));
  };
  if (size < kHeaderBytes + kFooterBytes || std::memcmp(data, kMagic, 8) != 0 ||
      std::memcmp(data + size - 8, kEndMagic, 8) != 0) {
    return corrupt("no panel image markers");
  }
  std::uint32_t version = 0;
  std::uint32_t measures = 0;
  Header header;
  std::memcpy(&version, data + 8, 4);
  std::memcpy(&measures, data + 12, 4);
  std::memcpy(&header.covers, data + 16, 4);
  std::memcpy(&header.first, data + 20, 4);
  std::memcpy(&header.months, data + 24, 4);
  std::memcpy(&header.enterprises, data + 32, 8);
  std::memcpy(&header.code_chars, data + 40, 8);
  if (version != kVersion || measures != model::kMeasureCount) {
    return corrupt(fmt::format("format {} with {} measures", version, measures));
  }
  const std::size_t body = size - kFooterBytes;
  if (header.enterprises > body / 8 || header.code_chars > body || header.months > 12 * 1000) {
    return corrupt("impossible counts");
  }
  const std::size_t n = header.enterprises;
  Cursor in(data, body);
  Panel panel;
  panel.code_chars_ = in.Take<char>(header.code_chars);
  panel.code_end_ = in.Take<std::uint64_t>(n);
  panel.order_ = in.Take<std::uint32_t>(n);
  const ColumnBuffer<std::uint8_t> flags = in.Take<std::uint8_t>(header.months);
  panel.first_ = header.first;
  panel.covers_ = header.covers;
  panel.months_.resize(in.ok() ? header.months : 0);
  for (std::size_t i = 0; i < panel.months_.size() && in.ok(); ++i) {
    Month& month = panel.months_[i];
    for (auto& column : month.values) column = in.Take<Amount>(n);
    month.valid = in.Take<std::uint16_t>(n);
    if ((flags[i] & kWithPriors) != 0) {
      for (auto& column : month.prior) column = in.Take<Amount>(n);
      month.prior_valid = in.Take<std::uint16_t>(n);
    }
    if (IsQuarterEnd(panel.first_ + static_cast<std::int32_t>(i))) {
      for (auto& column : month.year_to_date) column = in.Take<Amount>(n);
      month.reported_year_to_date = in.Take<std::uint8_t>(n);
    }
  }
  if (!in.ok() || in.at() != body) return corrupt("its sections do not fill the file");
  // Indexes are checked (a few milliseconds): a damaged file must not send reads astray.
  std::uint64_t previous = 0;
  for (std::size_t e = 0; e < n; ++e) {
    if (panel.code_end_[e] < previous || panel.order_[e] >= n) return corrupt("bad code index");
    previous = panel.code_end_[e];
  }
  if (previous != header.code_chars) return corrupt("codes do not add up");
  panel.image_ = std::move(*mapping);
  return panel;
}

Status Panel::VerifyImage(const std::string& path) {
  auto mapping = core::MapFile(path);
  if (!mapping) return Status::Unavailable(mapping.error().message());
  const char* data = (*mapping)->data();
  const std::size_t size = (*mapping)->size();
  std::uint64_t stored = 0;
  if (size < kHeaderBytes + kFooterBytes) {
    return Status::DataLoss(fmt::format("panel image {} is damaged (truncated)", path));
  }
  std::memcpy(&stored, data + size - kFooterBytes, 8);
  if (XXH3_64bits(data, size - kFooterBytes) != stored) {
    return Status::DataLoss(
        fmt::format("panel image {} is damaged (its checksum does not match)", path));
  }
  return Status::Ok();
}

}  // namespace clusterscope::engine

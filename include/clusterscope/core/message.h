// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Text for people in both of the product's languages. A `Message` is one entry of the catalogue
// (include/clusterscope/text/): a Chinese and an English fmt pattern with the same arguments.
// `Say` fills one in: in one language for a renderer that knows its reader's, or in both (a
// `Text`) where the reader is not known yet, as with a data-quality warning that is stored and
// shown later in either language.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

namespace clusterscope::core {

enum class Language { kZh, kEn };

struct Message {
  const char* zh;
  const char* en;

  constexpr const char* In(Language language) const { return language == Language::kZh ? zh : en; }
};

// A sentence already filled in, in both languages.
struct Text {
  std::string zh;
  std::string en;

  const std::string& In(Language language) const { return language == Language::kZh ? zh : en; }
  bool empty() const { return zh.empty() && en.empty(); }
  bool operator==(const Text&) const = default;
};

namespace detail {
// An argument as `language` sees it: a Text in that language, anything else as it is.
template <typename T>
const auto& In(Language language, const T& value) {
  if constexpr (std::is_same_v<T, Text>) {
    return value.In(language);
  } else {
    return value;
  }
}
}  // namespace detail

// `message` filled in with `args` (a Text argument in the same language), in `language`.
template <typename... Args>
std::string Say(Language language, const Message& message, const Args&... args) {
  return fmt::format(fmt::runtime(message.In(language)), detail::In(language, args)...);
}

// `message` filled in with `args`, in both languages.
template <typename... Args>
Text Say(const Message& message, const Args&... args) {
  return {Say(Language::kZh, message, args...), Say(Language::kEn, message, args...)};
}

}  // namespace clusterscope::core

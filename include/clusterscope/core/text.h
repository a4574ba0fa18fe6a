// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Small text helpers shared by readers and renderers: UTF-8 validation, trimming, and the
// parsing of yes/no and decimal cells as analysts write them. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "clusterscope/core/status.h"

namespace clusterscope::core {

// Byte offset of the first byte that is not valid UTF-8, or nullopt if all is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// `text` without leading and trailing ASCII white space.
std::string_view Trim(std::string_view text);

// 1/0, 是/否, Y/N, yes/no, true/false (any case). InvalidArgument otherwise.
Result<bool> ParseYesNo(std::string_view text);

// The whole of `text` as a base-10 integer (no sign, spaces or separators), or nullopt.
std::optional<int> ParseInteger(std::string_view text);
// The same into `out`, for parsers that read several fields in a row; false leaves it as it was.
bool ParseInteger(std::string_view text, int& out);

// A finite decimal number such as "12.5", "-3" or "1.2e5"; also with thousands separators that
// group the whole part by threes ("250,000.00") and in full-width digits ("２５０．５"), as Excel
// and Chinese input methods write them. No units, no decimal comma.
Result<double> ParseDecimal(std::string_view text);
// The same times 10^exponent, rounded once: "12345.6" in 千元 (exponent -1) is exactly the
// double "1234.56" reads as, which multiplying by 0.1 would not give.
Result<double> ParseDecimal(std::string_view text, int exponent);
// How many decimal places the number `text` (as ParseDecimal reads it) has once multiplied by
// 10^exponent, trailing zeros not counted: "12.50" has 1, "1.2345" in 千元 (exponent -1) 5,
// "3e-7" 7, "1200" 0. 0 for text that is no number.
int DecimalPlaces(std::string_view text, int exponent = 0);

// Columns this text takes in a terminal (East Asian wide characters count 2).
std::size_t DisplayWidth(std::string_view text);

// Characters of UTF-8 text (bytes that do not continue a character).
std::size_t CharacterCount(std::string_view text);
// The first `max_characters` characters of UTF-8 text, and "…" when there were more: what a
// message quotes of a value a file or a client sent, so that the message stays small.
std::string Abbreviate(std::string_view text, std::size_t max_characters);

}  // namespace clusterscope::core

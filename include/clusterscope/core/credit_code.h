// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose 9th to
// 17th form an organisation code (GB 11714) with its own mod-11 check character, and whose 18th
// is a mod-31 check over the first 17. Pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

#include "clusterscope/core/status.h"

namespace clusterscope::core {

// The 31 characters a credit code may use (no I, O, S, V, Z).
inline constexpr std::string_view kCreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// OK if `code` is a well-formed credit code with both check characters right. Otherwise
// InvalidArgument whose message names the rule broken: length, a character outside the
// alphabet (with its position), the organisation-code check, or the final check character.
Status ValidateCreditCode(std::string_view code);

// The check character (18th) for the first 17 characters. Requires 17 alphabet characters.
char CreditCodeCheckCharacter(std::string_view first17);

// The check character (9th) of an organisation code for its first 8 characters (digits or
// upper-case letters).
char OrganisationCodeCheckCharacter(std::string_view first8);

// Completes a 16-character body (registration authority, category, 6-digit division code and
// the 8-character organisation-code body) with both check characters. Used by generators and
// tests; returns InvalidArgument if the body is malformed.
Result<std::string> CompleteCreditCode(std::string_view body16);

}  // namespace clusterscope::core

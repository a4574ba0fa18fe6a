// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/core/credit_code.h"

#include <array>

#include <fmt/format.h>

namespace clusterscope::core {
namespace {

// Position weights 3^(i-1) mod 31 for i = 1..17 (GB 32100-2015, 5.2).
constexpr std::array<int, 17> kCreditWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                29, 25, 13, 8,  24, 10, 30, 28};
// GB 11714-1997 organisation-code weights for its first 8 characters.
constexpr std::array<int, 8> kOrganisationWeights = {3, 7, 9, 10, 5, 8, 4, 2};

int AlphabetIndex(char c) {
  const auto pos = kCreditCodeAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// GB 11714 values: digits as themselves, letters A=10 ... Z=35.
int OrganisationValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

}  // namespace

char CreditCodeCheckCharacter(std::string_view first17) {
  int sum = 0;
  for (std::size_t i = 0; i < kCreditWeights.size() && i < first17.size(); ++i) {
    sum += AlphabetIndex(first17[i]) * kCreditWeights[i];
  }
  return kCreditCodeAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

char OrganisationCodeCheckCharacter(std::string_view first8) {
  int sum = 0;
  for (std::size_t i = 0; i < kOrganisationWeights.size() && i < first8.size(); ++i) {
    sum += OrganisationValue(first8[i]) * kOrganisationWeights[i];
  }
  const int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

Status ValidateCreditCode(std::string_view code) {
  if (code.size() != 18) {
    return Status::InvalidArgument(
        fmt::format("credit code must have 18 characters, '{}' has {}", code, code.size()));
  }
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (AlphabetIndex(code[i]) < 0) {
      return Status::InvalidArgument(fmt::format(
          "credit code '{}' has '{}' at position {}, outside the GB 32100 character set "
          "(digits and upper-case letters except I, O, S, V, Z)",
          code, code[i], i + 1));
    }
  }
  for (std::size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') {
      return Status::InvalidArgument(
          fmt::format("credit code '{}': characters 3-8 must be a 6-digit division code", code));
    }
  }
  const char org_check = OrganisationCodeCheckCharacter(code.substr(8, 8));
  if (code[16] != org_check) {
    return Status::InvalidArgument(
        fmt::format("credit code '{}': organisation-code check character (17th) is '{}', "
                    "expected '{}'",
                    code, code[16], org_check));
  }
  const char check = CreditCodeCheckCharacter(code.substr(0, 17));
  if (code[17] != check) {
    return Status::InvalidArgument(fmt::format(
        "credit code '{}': check character (18th) is '{}', expected '{}'", code, code[17], check));
  }
  return Status::Ok();
}

Result<std::string> CompleteCreditCode(std::string_view body16) {
  if (body16.size() != 16) {
    return Error(Status::InvalidArgument(fmt::format(
        "credit code body must have 16 characters, '{}' has {}", body16, body16.size())));
  }
  std::string code(body16);
  code += OrganisationCodeCheckCharacter(body16.substr(8, 8));
  code += CreditCodeCheckCharacter(code);
  CLUSTERSCOPE_RETURN_IF_ERROR(ValidateCreditCode(code));
  return code;
}

}  // namespace clusterscope::core

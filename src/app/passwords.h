// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Password hashing with libsodium's argon2id (crypto_pwhash_str): the encoded hash carries its
// salt and parameters. Private to app; libsodium stays in passwords.cc.
#pragma once

#include <string>
#include <string_view>

#include "clusterscope/core/status.h"

namespace clusterscope::app {

// InvalidArgument for a password under 10 characters; Internal if libsodium fails (memory).
Result<std::string> HashPassword(std::string_view password);
// True if `password` matches `hash`; false for a malformed hash too.
bool VerifyPassword(std::string_view password, const std::string& hash);

}  // namespace clusterscope::app

// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Password hashing with libsodium's argon2id (crypto_pwhash_str): the encoded hash carries its
// salt and parameters. Random tokens and their hashes for sessions. Private to app; libsodium stays
// in passwords.cc.
#pragma once

#include <string>
#include <string_view>

#include "clusterscope/core/status.h"

namespace clusterscope::app {

// InvalidArgument for a password under 10 characters; Internal if libsodium fails (memory).
Result<std::string> HashPassword(std::string_view password);
// True if `password` matches `hash`; false for a malformed hash too.
bool VerifyPassword(std::string_view password, const std::string& hash);

// 32 random bytes as hex: session tokens, CSRF tokens, private file names.
std::string RandomToken();
// BLAKE2b of a token as hex: what the store keeps of a session's token, so that a copy of the
// database hands out no sessions.
std::string TokenHash(std::string_view token);

}  // namespace clusterscope::app

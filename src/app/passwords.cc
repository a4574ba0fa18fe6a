// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "passwords.h"

#include <sodium.h>

#include "clusterscope/text/errors.h"

namespace clusterscope::app {
namespace {

// sodium_init() is idempotent and thread-safe; main() calls it too, this covers tests and tools.
bool Ready() {
  static const bool kReady = sodium_init() >= 0;
  return kReady;
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  if (password.size() < 10) {
    return Error(Status::Of(Status::Code::kInvalidArgument, core::Say(text::kShortPassword)));
  }
  if (!Ready()) return Error(Status::Internal("libsodium could not start"));
  char hash[crypto_pwhash_STRBYTES];
  // Interactive limits (64 MiB, about a tenth of a second): a login stays quick while a stolen
  // hash costs an attacker as much per guess.
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error(Status::Internal("out of memory hashing the password"));
  }
  return std::string(hash);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  if (!Ready() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken() {
  (void)Ready();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

std::string TokenHash(std::string_view token) {
  (void)Ready();
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(hash, sizeof hash);
}

}  // namespace clusterscope::app

// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "sessions.h"

#include <algorithm>

#include <sodium.h>

namespace clusterscope::http {
namespace {

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

std::string HashOf(const std::string& token) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(hash, sizeof hash);
}

}  // namespace

std::string RandomToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

std::pair<std::string, Session> Sessions::Open(const model::User& user) {
  Session session{user.name, user.role, user.park, RandomToken(),
                  std::chrono::system_clock::now() + lifetime_};
  std::string token = RandomToken();
  const std::lock_guard lock(mutex_);
  // Expired sessions go when new ones come, so the map stays the size of the live ones.
  std::erase_if(by_hash_, [now = std::chrono::system_clock::now()](const auto& entry) {
    return entry.second.expires <= now;
  });
  by_hash_[HashOf(token)] = session;
  return {std::move(token), std::move(session)};
}

std::optional<Session> Sessions::Find(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  const std::string hash = HashOf(token);
  const std::lock_guard lock(mutex_);
  const auto it = by_hash_.find(hash);
  if (it == by_hash_.end()) return std::nullopt;
  if (it->second.expires <= std::chrono::system_clock::now()) {
    by_hash_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void Sessions::Close(const std::string& token) {
  const std::string hash = HashOf(token);
  const std::lock_guard lock(mutex_);
  by_hash_.erase(hash);
}

void Sessions::CloseUser(const std::string& user) {
  const std::lock_guard lock(mutex_);
  std::erase_if(by_hash_, [&](const auto& entry) { return entry.second.user == user; });
}

bool Throttle::Blocked(const std::string& key) {
  const std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return false;
  const auto since = std::chrono::steady_clock::now() - window_;
  std::erase_if(it->second, [&](const auto& at) { return at < since; });
  return static_cast<int>(it->second.size()) >= limit_;
}

void Throttle::Failed(const std::string& key) {
  const std::lock_guard lock(mutex_);
  failures_[key].push_back(std::chrono::steady_clock::now());
}

void Throttle::Succeeded(const std::string& key) {
  const std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace clusterscope::http

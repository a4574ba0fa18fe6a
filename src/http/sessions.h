// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Sessions and sign-in throttling, in memory (a restart signs everyone out). Tokens are 32
// random bytes from libsodium; only their BLAKE2b hash is kept, so a memory dump does not hand
// out sessions. Thread-safe. Private to http.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "clusterscope/model/user.h"

namespace clusterscope::http {

struct Session {
  std::string user;
  model::Role role = model::Role::kViewer;
  std::string park;
  std::string csrf;  // sent back in X-CSRF-Token on every change
  std::chrono::system_clock::time_point expires;
};

class Sessions {
 public:
  explicit Sessions(std::chrono::minutes lifetime) : lifetime_(lifetime) {}

  // A new session for `user`: (token for the cookie, the session).
  std::pair<std::string, Session> Open(const model::User& user);
  // The live session of a cookie token, or nullopt (unknown, forged or expired).
  std::optional<Session> Find(const std::string& token);
  void Close(const std::string& token);
  // Ends every session of a user (removed, or its role changed).
  void CloseUser(const std::string& user);

 private:
  std::chrono::minutes lifetime_;
  std::mutex mutex_;
  std::unordered_map<std::string, Session> by_hash_;  // token hash (hex) -> session
};

// Failed sign-ins per key (a name or an address) within a sliding window.
class Throttle {
 public:
  Throttle(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}
  // True when the key has had `limit` failures within the window.
  bool Blocked(const std::string& key);
  void Failed(const std::string& key);
  void Succeeded(const std::string& key);

 private:
  int limit_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> failures_;
};

// 32 random bytes as hex.
std::string RandomToken();

}  // namespace clusterscope::http

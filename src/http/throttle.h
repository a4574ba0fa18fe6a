// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Sign-in throttling, in memory. An attempt is counted when it begins, before its password is
// checked, so that parallel guesses count as surely as sequential ones:
// - per name: one attempt at a time, a wait that doubles with each failure (1 s, 2 s, 4 s ...),
//   and none after `per_name` failures within the window;
// - per address: none after `per_address` failures within the window; a user's own failures
//   are forgiven when it signs in, so that the users behind one proxy do not lock each other
//   out, while a guesser trying many names stays counted;
// - globally: at most `concurrent` passwords checked at once (argon2id takes 64 MiB each).
// Memory stays bounded: failures older than the window go, and past `max_keys` names and
// addresses held the guard answers busy. Thread-safe. Private to http.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace clusterscope::http {

struct SignInLimits {
  int per_name = 5;
  int per_address = 20;
  std::chrono::seconds window{300};
  std::chrono::milliseconds first_wait{1000};  // after a name's first failure; doubles after
  int concurrent = 4;
  std::size_t max_keys = 100000;
};

class SignInGuard {
 public:
  using Clock = std::chrono::steady_clock;

  explicit SignInGuard(SignInLimits limits) : limits_(limits) {}

  // Zero when an attempt for `name` from `address` may check its password now (it is then in
  // flight until End()); otherwise how long to wait.
  std::chrono::seconds Begin(const std::string& name, const std::string& address);
  void End(const std::string& name, const std::string& address, bool succeeded);

 private:
  struct Failures {
    std::deque<std::pair<Clock::time_point, std::string>> at;  // when, and for which name
    int in_flight = 0;
  };
  // Drops failures older than the window; true when nothing is left to keep.
  bool Prune(Failures& failures, Clock::time_point now) const;
  std::chrono::seconds NameWait(Failures& failures, Clock::time_point now) const;
  std::chrono::seconds AddressWait(Failures& failures, Clock::time_point now) const;
  void Sweep(Clock::time_point now);

  SignInLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> names_;
  std::unordered_map<std::string, Failures> addresses_;
  int in_flight_ = 0;
};

}  // namespace clusterscope::http

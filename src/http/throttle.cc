// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "throttle.h"

#include <algorithm>
#include <iterator>

namespace clusterscope::http {
namespace {

std::chrono::seconds Ceil(SignInGuard::Clock::duration wait) {
  return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(wait));
}

}  // namespace

bool SignInGuard::Prune(Failures& failures, Clock::time_point now) const {
  while (!failures.at.empty() && failures.at.front().first <= now - limits_.window) {
    failures.at.pop_front();
  }
  return failures.at.empty() && failures.in_flight == 0;
}

std::chrono::seconds SignInGuard::NameWait(Failures& failures, Clock::time_point now) const {
  if (failures.in_flight > 0) return std::chrono::seconds(1);
  const auto count = static_cast<int>(failures.at.size());
  if (count == 0) return std::chrono::seconds(0);
  if (count >= limits_.per_name) return Ceil(failures.at.front().first + limits_.window - now);
  const auto wait = limits_.first_wait * (1 << std::min(count - 1, 20));
  const auto until = failures.at.back().first + wait;
  return until > now ? Ceil(until - now) : std::chrono::seconds(0);
}

std::chrono::seconds SignInGuard::AddressWait(Failures& failures, Clock::time_point now) const {
  const auto count = static_cast<int>(failures.at.size()) + failures.in_flight;
  if (count < limits_.per_address) return std::chrono::seconds(0);
  if (failures.at.empty()) return std::chrono::seconds(1);
  return Ceil(failures.at.front().first + limits_.window - now);
}

void SignInGuard::Sweep(Clock::time_point now) {
  for (auto* map : {&names_, &addresses_}) {
    for (auto it = map->begin(); it != map->end();) {
      it = Prune(it->second, now) ? map->erase(it) : std::next(it);
    }
  }
}

std::chrono::seconds SignInGuard::Begin(const std::string& name, const std::string& address) {
  const auto now = Clock::now();
  const std::lock_guard lock(mutex_);
  if (names_.size() + addresses_.size() >= limits_.max_keys) Sweep(now);
  if (names_.size() + addresses_.size() >= limits_.max_keys) return std::chrono::seconds(5);
  if (in_flight_ >= limits_.concurrent) return std::chrono::seconds(1);
  auto& by_name = names_[name];
  auto& by_address = addresses_[address];
  Prune(by_name, now);
  Prune(by_address, now);
  const auto wait = std::max(NameWait(by_name, now), AddressWait(by_address, now));
  if (wait > std::chrono::seconds(0)) return wait;
  ++by_name.in_flight;
  ++by_address.in_flight;
  ++in_flight_;
  return std::chrono::seconds(0);
}

void SignInGuard::End(const std::string& name, const std::string& address, bool succeeded) {
  const auto now = Clock::now();
  const std::lock_guard lock(mutex_);
  --in_flight_;
  auto& by_name = names_[name];
  auto& by_address = addresses_[address];
  --by_name.in_flight;
  --by_address.in_flight;
  if (succeeded) {
    by_name.at.clear();
    std::erase_if(by_address.at, [&](const auto& failure) { return failure.second == name; });
  } else {
    by_name.at.emplace_back(now, "");
    by_address.at.emplace_back(now, name);
  }
  if (Prune(by_name, now)) names_.erase(name);
  if (Prune(by_address, now)) addresses_.erase(address);
}

}  // namespace clusterscope::http

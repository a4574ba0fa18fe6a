// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Disclosure control of the published indicators: enterprise figures are confidential by law,
// so no published figure, alone or with every other published figure, may give one away.
// Primary rules weigh each quantity of each group (and each set of enterprises the groups can
// tell apart) at the period and every earlier month of its year; secondary suppression keeps
// every withheld figure's protection interval against an attacker who solves linear programmes
// over all of them (docs/indicators.md, "Disclosure control").
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clusterscope/core/period.h"
#include "clusterscope/core/status.h"
#include "clusterscope/disclosure/protect.h"
#include "clusterscope/disclosure/table.h"
#include "clusterscope/engine/indicators.h"

namespace clusterscope::disclosure {

struct PublishedMonth;  // internal

struct DisclosureRules {
  std::size_t min_enterprises = 3;  // fewer enterprises with a value: withheld
  double dominance = 0.85;          // the two largest above this share of the total: withheld
  double p_percent = 0;             // p% rule (0: off): withheld when the total less the two
                                    // largest is under p % of the largest, so the second could
                                    // estimate the first within p %
  double protection = 0.15;  // every withheld figure's interval reaches this share of it, both ways
  // Insiders: the attacker also knows every enterprise of this park ("", none).
  std::string insider_park;

  // InvalidArgument naming the rule that makes no sense.
  Status Validate() const;
};

// What disclosure control did, for the note and the audit.
struct ControlSummary {
  std::size_t withheld_primary = 0;    // figures (group x quantity) withheld by their own rules
  std::size_t withheld_secondary = 0;  // withheld to protect others
  std::size_t withheld_same_as = 0;
  std::size_t solves = 0;  // linear programmes solved
};

// Withholds in place: a group whose output is withheld keeps kind, code, name and enterprise
// count and loses every figure (nulls, never zeros) with the reason in `suppressed`; a published
// group's withheld quantities say why in `withheld`, their sums are zeroed and the ratios that
// read them null. Rankings and the alerts that name enterprises or read a withheld figure go.
// `engine` computed `indicators`.
ControlSummary ApplyDisclosureControl(const engine::Engine& engine,
                                      engine::MonthlyIndicators& indicators,
                                      const DisclosureRules& rules);

// What one month withheld: why, per group (kind, code) with a withheld figure and quantity.
using Pattern =
    std::map<std::pair<std::string, std::string>, std::array<Reason, engine::kQuantityCount>>;

// What one month published: each group's figures (kind, code), NaN where withheld.
using Shown =
    std::map<std::pair<std::string, std::string>, std::array<double, engine::kQuantityCount>>;

// Disclosure control of many periods over one engine (a series of months, the months a target
// reads). A figure withheld at one month of a year stays withheld for the rest of it, and a
// year to date published last month is known to floor this month's, so the months before a
// period are worked out first. Each month's pattern is kept for the process under a key of
// everything it depends on (the months' figures to then and the rules): the next request
// with the same figures applies it without a solve; a changed figure changes the key.
class Publisher {
 public:
  Publisher(const engine::Engine& engine, DisclosureRules rules);
  ~Publisher();
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  // As ApplyDisclosureControl with the publisher's engine and rules.
  ControlSummary Apply(engine::MonthlyIndicators& indicators);

 private:
  // The month worked out (once), with the named-member kinds of the month published.
  void Ensure(core::Period period, const engine::MemberKinds& member_kinds);

  const engine::Engine& engine_;
  DisclosureRules rules_;
  std::map<std::int32_t, Pattern> patterns_;  // by period index
  // by period index: the month in full, and which of its figures it published
  std::map<std::int32_t, std::unique_ptr<PublishedMonth>> months_;
  std::map<std::int32_t, Shown> shown_;         // by period index
  std::map<std::int32_t, std::uint64_t> keys_;  // by period index: what the pattern depends on
};

// A withheld figure the attacker narrows down more than its protection allows.
struct Exposure {
  core::Period period;  // the month whose figure it is
  std::string kind;     // the group's, or "enterprises" for a set of enterprises no group is
  std::string code;     // the group's, or the set's size ("1 enterprise")
  engine::Quantity quantity = engine::Quantity::kOutput;
  double value = 0;
  Interval interval;
  bool solved = true;  // false: the solver gave no answer (counted as exposed)
};

// One month's published form, audited.
struct MonthAudit {
  core::Period period;
  std::string insider_park;  // the park the attacker knows, or empty (a viewer)
  std::size_t groups = 0;
  std::size_t published = 0;  // figures (a group's quantity) published
  ControlSummary control;
  std::vector<Exposure> exposures;  // empty: nothing narrower than its protection
  double seconds = 0;               // to suppress and audit the month
};

// The attacker's audit of a year's published months, January to the period in order (each the
// answer of a Publisher on what `engine` computed), as known once the last is out: the minimum
// and maximum of every withheld figure of every month, and of every set of enterprises the
// groups tell apart that its own rules would withhold, given every published figure of the
// months, a year to date being the sum of its months (AuditLastMonth says what counts).
std::vector<Exposure> AuditDisclosure(const engine::Engine& engine,
                                      const std::vector<engine::MonthlyIndicators>& year,
                                      const DisclosureRules& rules);

}  // namespace clusterscope::disclosure

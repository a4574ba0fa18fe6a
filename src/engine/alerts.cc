// SPDX-License-Identifier: LicenseRef-ClusterScope
#include <algorithm>
#include <tuple>

#include "clusterscope/engine/indicators.h"

namespace clusterscope::engine {

namespace {

// Groups: shrinking is red; growing slower than the whole is amber. Classes and towns are too
// many and too small to watch this way.
std::vector<Alert> GroupAlerts(const MonthlyIndicators& indicators) {
  std::vector<Alert> out;
  const GroupIndicators* total = nullptr;
  for (const auto& g : indicators.groups) {
    if (g.kind == "total") total = &g;
  }
  for (const auto& g : indicators.groups) {
    if (g.kind == "total" || g.kind == "class" || g.kind == "town" || !g.suppressed.empty() ||
        !g.growth_same_basis) {
      continue;
    }
    if (*g.growth_same_basis < 0) {
      out.push_back({"red", "group_declining", g.kind, g.code, g.name, g.growth_same_basis, {}});
    } else if (total != nullptr && total->growth_same_basis &&
               *g.growth_same_basis < *total->growth_same_basis) {
      out.push_back({"amber", "group_below_total", g.kind, g.code, g.name, g.growth_same_basis,
                     total->growth_same_basis});
    }
  }
  if (total != nullptr && total->growth_same_basis && *total->growth_same_basis < 0) {
    out.push_back(
        {"red", "group_declining", "total", "total", total->name, total->growth_same_basis, {}});
  }

  return out;
}

}  // namespace

std::vector<Alert> Engine::Alerts(const MonthlyIndicators& indicators,
                                  const AlertRules& rules) const {
  std::vector<Alert> out = GroupAlerts(indicators);

  // Enterprises of the frame.
  const core::Period period = indicators.period;
  const std::int32_t p = period.Index();
  const std::uint16_t* valid_now = panel_.Valid(p);
  const std::uint16_t* valid_before = panel_.Valid(p - 1);
  for (std::size_t e = 0; e < panel_.enterprises(); ++e) {
    const model::Enterprise* enterprise = enterprise_of_[e];
    if (enterprise == nullptr || enterprise->AboveScaleIn(period.year) != true) continue;
    const auto has = [&](std::int32_t t, model::Measure m) {
      const std::uint16_t* valid = panel_.Valid(t);
      return valid != nullptr && (valid[e] >> static_cast<unsigned>(m) & 1U) != 0;
    };
    const auto amount = [&](std::int32_t t, model::Measure m) { return panel_.Column(t, m)[e]; };
    const auto value = [&](std::int32_t t, model::Measure m) { return FromAmount(amount(t, m)); };
    const auto add = [&](const char* level, const char* rule, std::optional<double> v,
                         std::optional<double> reference, int months) {
      out.push_back(
          {level, rule, "enterprise", enterprise->uscc, enterprise->name, v, reference, months});
    };
    // A combined January-February report (1-2月) is one reporting period of two months: its
    // January is reported, inside February's figures.
    const auto combined = [&](std::int32_t t) { return CombinedJanuary(t, e); };
    // 未报: reported last month, not this one.
    if (valid_before != nullptr && (valid_before[e] & 1U) != 0 &&
        (valid_now == nullptr || (valid_now[e] & 1U) == 0) && !combined(p)) {
      add("amber", "not_reported", std::nullopt, std::nullopt, 0);
    }
    // Down by more than the share on the same period of last year, N months running (a
    // combined report counts its two months, when last year's was combined too).
    int running = 0;
    double worst = 0;
    for (std::int32_t t = p; running < rules.decline_months; --t) {
      if (!has(t, model::Measure::kOutputValue) || !has(t - 12, model::Measure::kOutputValue)) {
        break;
      }
      const double before = value(t - 12, model::Measure::kOutputValue);
      if (before <= 0) break;
      const double change = value(t, model::Measure::kOutputValue) / before - 1;
      if (change > -rules.decline_share) break;
      worst = std::min(worst, change);
      ++running;
      if (combined(t - 1) && combined(t - 13)) {
        ++running;
        --t;
      }
    }
    if (rules.decline_months > 0 && running >= rules.decline_months) {
      add("red", "enterprise_declining", worst, rules.decline_share, rules.decline_months);
    }
    // At risk of leaving the frame: revenue of the last 12 months under the line, a combined
    // January being inside its February's figure.
    Amount revenue = 0;  // exact: a year at the line exactly is not under it
    bool full_year = true;
    for (int k = 0; k < 12 && full_year; ++k) {
      if (k > 0 && combined(p - k)) continue;
      full_year = has(p - k, model::Measure::kRevenue);
      if (full_year) revenue += amount(p - k, model::Measure::kRevenue);
    }
    if (full_year && revenue < ToAmount(rules.revenue_threshold_wan)) {
      add("amber", "leaving_frame", FromAmount(revenue), rules.revenue_threshold_wan, 0);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Alert& a, const Alert& b) {
    return std::make_tuple(a.enterprise_level(), a.level != "red", a.kind, a.code) <
           std::make_tuple(b.enterprise_level(), b.level != "red", b.kind, b.code);
  });
  return out;
}

}  // namespace clusterscope::engine

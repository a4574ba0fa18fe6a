// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/quality.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace clusterscope::ingest {
namespace {

using model::Measure;

double MedianOf(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

const model::MonthlyRecord* Find(const QualityContext& context, const std::string& uscc,
                                 int index) {
  const auto e = context.months.find(uscc);
  if (e == context.months.end()) return nullptr;
  const auto m = e->second.find(index);
  return m == e->second.end() ? nullptr : &m->second;
}

class Checker {
 public:
  Checker(const QualityContext& context, const model::QualityRules& rules)
      : context_(context), rules_(rules) {}

  void Check(const model::MonthlyRecord& r) {
    for (const Measure m :
         {Measure::kOutputValue, Measure::kValueAdded, Measure::kRevenue, Measure::kEnergyTce}) {
      Jump(r, m);
    }
    const auto& output = r[Measure::kOutputValue];
    const auto& value_added = r[Measure::kValueAdded];
    if (output && value_added && *output > 0) {
      const double rate = *value_added / *output;
      if (rate < rules_.va_rate_min || rate > rules_.va_rate_max) {
        Add(r, "va_rate_band", "value_added", rate,
            fmt::format("value-added rate {:.1f}% is outside {:.0f}%-{:.0f}%", rate * 100,
                        rules_.va_rate_min * 100, rules_.va_rate_max * 100));
      }
    }
    const auto& rd = r[Measure::kRdExpense];
    const auto& revenue = r[Measure::kRevenue];
    if (rd && revenue && *rd > *revenue) {
      Add(r, "rd_above_revenue", "rd_expense", *rd,
          fmt::format("R&D expense {} is above revenue {}", *rd, *revenue));
    }
    EnergyIntensity(r);
    BelowThreshold(r);
  }

  // 未报: reported the month before and not this month, for every period the file speaks of.
  void NotReported(const std::set<int>& periods) {
    for (const int index : periods) {
      for (const auto& [uscc, months] : context_.months) {
        if (months.count(index - 1) == 0 || months.count(index) != 0) continue;
        model::QualityWarning w;
        w.uscc = uscc;
        w.period = core::Period::FromIndex(index);
        w.rule = "not_reported";
        w.message = fmt::format("reported {} but not {} (未报)",
                                core::Period::FromIndex(index - 1).ToString(), w.period.ToString());
        out_.push_back(std::move(w));
      }
    }
  }

  std::vector<model::QualityWarning> Take() {
    std::sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) {
      return std::tie(a.period, a.uscc, a.rule, a.measure) <
             std::tie(b.period, b.uscc, b.rule, b.measure);
    });
    return std::move(out_);
  }

 private:
  void Add(const model::MonthlyRecord& r, std::string rule, std::string_view measure,
           std::optional<double> value, std::string message) {
    model::QualityWarning w;
    w.uscc = r.uscc;
    w.period = r.period;
    w.rule = std::move(rule);
    w.measure = std::string(measure);
    w.value = value;
    w.message = std::move(message);
    out_.push_back(std::move(w));
  }

  void Jump(const model::MonthlyRecord& r, Measure m) {
    const auto& value = r[m];
    if (!value) return;
    std::vector<double> trailing;
    for (int k = 1; k <= rules_.trailing_months; ++k) {
      const auto* earlier = Find(context_, r.uscc, r.period.Index() - k);
      if (earlier != nullptr && (*earlier)[m]) trailing.push_back(*(*earlier)[m]);
    }
    if (static_cast<int>(trailing.size()) < rules_.min_trailing_values) return;
    const double median = MedianOf(trailing);
    if (median <= 0) return;
    if (*value > median * rules_.jump_factor || *value < median / rules_.jump_factor) {
      const auto& info = model::InfoOf(m);
      Add(r, "jump", info.column, *value,
          fmt::format("{} {} is {:.1f} times the median {} of the {} earlier months", info.column,
                      *value, *value / median, median, trailing.size()));
    }
  }

  void EnergyIntensity(const model::MonthlyRecord& r) {
    const auto& energy = r[Measure::kEnergyTce];
    const auto& output = r[Measure::kOutputValue];
    const auto self = context_.enterprises.find(r.uscc);
    if (!energy || !output || *output <= 0 || self == context_.enterprises.end()) return;
    const std::string division = self->second->industry_code.substr(0, 2);
    const auto median = DivisionMedian(division, r.period.Index());
    if (!median || median->median <= 0) return;
    const double intensity = *energy / *output;
    if (intensity > median->median * rules_.energy_factor ||
        intensity < median->median / rules_.energy_factor) {
      Add(r, "energy_intensity", "energy_tce", intensity,
          fmt::format("energy {:.3f} tce per 万元 of output is far from the median {:.3f} of "
                      "{} enterprises in division {}",
                      intensity, median->median, median->peers, division));
    }
  }

  struct DivisionStats {
    double median = 0;
    std::size_t peers = 0;
  };

  // The median energy intensity of a division in a month, computed once per (division, month):
  // a scan of every enterprise per row would make the audit quadratic.
  std::optional<DivisionStats> DivisionMedian(const std::string& division, int index) {
    const auto key = std::make_pair(division, index);
    if (const auto it = medians_.find(key); it != medians_.end()) return it->second;
    if (peers_.empty()) {
      for (const auto& [uscc, months] : context_.months) {
        const auto e = context_.enterprises.find(uscc);
        if (e == context_.enterprises.end()) continue;
        const std::string d = e->second->industry_code.substr(0, 2);
        for (const auto& [month, record] : months) {
          const auto& peer_energy = record[Measure::kEnergyTce];
          const auto& peer_output = record[Measure::kOutputValue];
          if (peer_energy && peer_output && *peer_output > 0) {
            peers_[{d, month}].push_back(*peer_energy / *peer_output);
          }
        }
      }
    }
    std::optional<DivisionStats> result;
    if (const auto it = peers_.find(key);
        it != peers_.end() && static_cast<int>(it->second.size()) >= rules_.energy_min_peers) {
      result = DivisionStats{MedianOf(it->second), it->second.size()};
    }
    medians_[key] = result;
    return result;
  }

  void BelowThreshold(const model::MonthlyRecord& r) {
    const auto self = context_.enterprises.find(r.uscc);
    if (self == context_.enterprises.end()) return;
    if (self->second->AboveScaleIn(r.period.year) != true) return;
    double total = 0;
    for (int k = 0; k < 12; ++k) {
      const auto* month = k == 0 ? &r : Find(context_, r.uscc, r.period.Index() - k);
      if (month == nullptr || !(*month)[Measure::kRevenue]) return;  // a full year is needed
      total += *(*month)[Measure::kRevenue];
    }
    if (total < rules_.above_scale_revenue_wan) {
      Add(r, "below_scale_threshold", "revenue", total,
          fmt::format("revenue of the 12 months to {} is {:.1f} 万元, below the above-scale "
                      "threshold of {:.0f} 万元",
                      r.period.ToString(), total, rules_.above_scale_revenue_wan));
    }
  }

  const QualityContext& context_;
  const model::QualityRules& rules_;
  std::vector<model::QualityWarning> out_;
  std::map<std::pair<std::string, int>, std::vector<double>> peers_;  // built on first use
  std::map<std::pair<std::string, int>, std::optional<DivisionStats>> medians_;
};

}  // namespace

std::vector<model::QualityWarning> CheckQuality(const std::vector<model::MonthlyRecord>& incoming,
                                                const QualityContext& context,
                                                const model::QualityRules& rules) {
  Checker checker(context, rules);
  std::set<int> periods;
  for (const auto& r : incoming) {
    checker.Check(r);
    periods.insert(r.period.Index());
  }
  checker.NotReported(periods);
  return checker.Take();
}

}  // namespace clusterscope::ingest

// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/quality.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "clusterscope/text/quality.h"

namespace clusterscope::ingest {
namespace {

using model::Measure;

// Sorts in place: insertion sort for the trailing windows (a dozen values, run four times per
// row), a full sort for the rare large peer groups.
double MedianOf(std::vector<double>& values) {
  const std::size_t n = values.size();
  if (n <= 32) {
    for (std::size_t i = 1; i < n; ++i) {
      const double v = values[i];
      std::size_t j = i;
      for (; j > 0 && values[j - 1] > v; --j) values[j] = values[j - 1];
      values[j] = v;
    }
  } else {
    std::sort(values.begin(), values.end());
  }
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The 2-digit GB/T 4754 division of a class code as a number ("2614" -> 26), or -1.
int DivisionOf(const model::Enterprise* e) {
  if (e == nullptr || e->industry_code.size() < 2) return -1;
  return (e->industry_code[0] - '0') * 10 + (e->industry_code[1] - '0');
}

struct DivisionStats {
  double median = 0;
  std::size_t peers = 0;
};

std::int64_t PeerKey(int division, std::int32_t period) {
  return std::int64_t{division} << 32 | static_cast<std::uint32_t>(period);
}

// What every worker reads: the checked periods and the energy medians of each division and
// month, computed before the workers start.
struct Shared {
  Shared(const QualityInput& input, const model::QualityRules& rules_in)
      : in(input), months(input.months), rules(rules_in) {
    for (std::size_t r = 0; r < months.rows(); ++r) {
      if (in.incoming[r] == 0) continue;
      const std::int32_t p = months.period_index(r);
      if (checked.empty()) first_period = p;
      if (p < first_period) {  // rare: a file not in period order; widen to the left
        checked.insert(checked.begin(), static_cast<std::size_t>(first_period - p), 0);
        first_period = p;
      }
      const auto at = static_cast<std::size_t>(p - first_period);
      if (at >= checked.size()) checked.resize(at + 1, 0);
      checked[at] = 1;
    }
    std::unordered_map<std::int64_t, std::vector<double>> peers;
    for (std::size_t r = 0; r < months.rows(); ++r) {
      if (!Checked(months.period_index(r))) continue;
      const int division = DivisionOf(in.enterprises[months.slot(r)]);
      if (division < 0 || !months.has(r, Measure::kEnergyTce)) continue;
      const auto output = months.Get(r, Measure::kOutputValue);
      if (!output || *output <= 0) continue;
      peers[PeerKey(division, months.period_index(r))].push_back(
          months.value(r, Measure::kEnergyTce) / *output);
    }
    for (auto& [key, values] : peers) {
      if (static_cast<int>(values.size()) < rules.energy_min_peers) continue;
      const std::size_t count = values.size();
      medians[key] = DivisionStats{MedianOf(values), count};
    }
  }

  const QualityInput& in;
  const model::MonthlyPanel& months;
  const model::QualityRules& rules;
  // Whether the import brings period `p` (a flag per month: looked up for every row).
  bool Checked(std::int32_t p) const {
    return p >= first_period && static_cast<std::size_t>(p - first_period) < checked.size() &&
           checked[static_cast<std::size_t>(p - first_period)] != 0;
  }
  std::vector<std::uint8_t> checked;
  std::int32_t first_period = 0;
  std::unordered_map<std::int64_t, DivisionStats> medians;
};

// Checks the enterprises of a range of slots; one per thread.
class Checker {
 public:
  explicit Checker(const Shared& shared)
      : in_(shared.in), months_(shared.months), rules_(shared.rules), shared_(shared) {}

  void Run(std::uint32_t first_slot, std::uint32_t last_slot) {
    for (std::uint32_t slot = first_slot; slot < last_slot; ++slot) {
      const auto [first, last] = months_.RowsOf(slot);
      for (std::size_t r = first; r < last; ++r) {
        if (in_.incoming[r] != 0) Check(slot, first, r);
      }
      NotReported(slot, first, last);
      EntrantWithoutBase(slot, first, last);
    }
  }

  std::vector<model::QualityWarning>& out() { return out_; }

 private:
  void Check(std::uint32_t slot, std::size_t first, std::size_t r) {
    for (const Measure m :
         {Measure::kOutputValue, Measure::kValueAdded, Measure::kRevenue, Measure::kEnergyTce}) {
      Jump(first, r, m);
    }
    const auto output = months_.Get(r, Measure::kOutputValue);
    const auto value_added = months_.Get(r, Measure::kValueAdded);
    if (output && value_added && *output > 0) {
      const double rate = *value_added / *output;
      if (rate < rules_.va_rate_min || rate > rules_.va_rate_max) {
        Add(r, "va_rate_band", "value_added", rate,
            core::Say(text::kVaRateBand, rate * 100, rules_.va_rate_min * 100,
                      rules_.va_rate_max * 100));
      }
    }
    const auto rd = months_.Get(r, Measure::kRdExpense);
    const auto revenue = months_.Get(r, Measure::kRevenue);
    if (rd && revenue && *rd > *revenue) {
      Add(r, "rd_above_revenue", "rd_expense", *rd,
          core::Say(text::kRdAboveRevenue, *rd, *revenue));
    }
    EnergyIntensity(slot, r);
    BelowThreshold(slot, first, r);
  }

  // 未报: reported the month before a checked period and not in it.
  void NotReported(std::uint32_t slot, std::size_t first, std::size_t last) {
    for (std::size_t r = first; r < last; ++r) {
      const std::int32_t next = months_.period_index(r) + 1;
      if (!shared_.Checked(next)) continue;
      if (r + 1 < last && months_.period_index(r + 1) == next) continue;
      model::QualityWarning w;
      w.uscc = months_.uscc(slot);
      w.period = core::Period::FromIndex(next);
      w.rule = "not_reported";
      w.message = core::Say(text::kNotReported, core::Period::FromIndex(next - 1).ToString(),
                            w.period.ToString());
      out_.push_back(std::move(w));
    }
  }

  // An entrant to the above-scale frame that existed before the base year (or of unknown age)
  // and reports output with no base for it: once a year, at its first such month of the
  // import.
  void EntrantWithoutBase(std::uint32_t slot, std::size_t first, std::size_t last) {
    const model::Enterprise* self = in_.enterprises[slot];
    if (self == nullptr) return;
    int warned_year = 0;
    for (std::size_t r = first; r < last; ++r) {
      const core::Period period = core::Period::FromIndex(months_.period_index(r));
      if (in_.incoming[r] == 0 || period.year == warned_year) continue;
      if (!months_.has(r, Measure::kOutputValue) || months_.has_prior(r, Measure::kOutputValue)) {
        continue;
      }
      // An entrant: above scale this year and recorded below it the year before (a continuing
      // enterprise without its stored months is a gap in the database, and a year before the
      // directory's first cannot be judged; the report's unbased count shows both).
      if (self->AboveScaleIn(period.year) != true || self->AboveScaleIn(period.year - 1) != false) {
        continue;
      }
      if (self->founded && *self->founded >= core::Date{period.year - 1, 1, 1}) continue;
      const std::int32_t year_before = months_.period_index(r) - 12;
      bool stored = false;
      for (std::size_t k = r; k > first && !stored; --k) {
        const std::size_t earlier = k - 1;
        if (months_.period_index(earlier) < year_before) break;
        stored = months_.period_index(earlier) == year_before &&
                 months_.has(earlier, Measure::kOutputValue);
      }
      if (stored) continue;
      warned_year = period.year;
      Add(r, "entrant_without_base", "output_value", months_.value(r, Measure::kOutputValue),
          core::Say(text::kEntrantWithoutBase, period.ToString(),
                    core::Period::FromIndex(year_before).ToString(),
                    self->founded ? self->founded->ToString() : std::string("?")));
    }
  }

  void Add(std::size_t r, std::string rule, std::string_view measure, std::optional<double> value,
           core::Text message) {
    model::QualityWarning w;
    w.uscc = months_.uscc(months_.slot(r));
    w.period = core::Period::FromIndex(months_.period_index(r));
    w.rule = std::move(rule);
    w.measure = std::string(measure);
    w.value = value;
    w.message = std::move(message);
    out_.push_back(std::move(w));
  }

  void Jump(std::size_t first, std::size_t r, Measure m) {
    if (!months_.has(r, m)) return;
    const double value = months_.value(r, m);
    const std::int32_t p = months_.period_index(r);
    trailing_.clear();
    double low = 0;
    double high = 0;
    for (std::size_t e = r; e > first; --e) {
      const std::size_t earlier = e - 1;
      if (months_.period_index(earlier) < p - rules_.trailing_months) break;
      if (!months_.has(earlier, m)) continue;
      const double v = months_.value(earlier, m);
      low = trailing_.empty() ? v : std::min(low, v);
      high = trailing_.empty() ? v : std::max(high, v);
      trailing_.push_back(v);
    }
    if (static_cast<int>(trailing_.size()) < rules_.min_trailing_values) return;
    // The median lies in [low, high]: a value within a factor of both cannot be a jump, and
    // that is nearly every row, so the median is computed for the few others only.
    if (value <= low * rules_.jump_factor && value >= high / rules_.jump_factor) return;
    const std::size_t count = trailing_.size();
    const double median = MedianOf(trailing_);
    if (median <= 0) return;
    if (value > median * rules_.jump_factor || value < median / rules_.jump_factor) {
      const auto& info = model::InfoOf(m);
      Add(r, "jump", info.column, value,
          core::Say(text::kJump, info.column, value, value / median, median, count, info.name_zh,
                    info.unit));
    }
  }

  void EnergyIntensity(std::uint32_t slot, std::size_t r) {
    const auto energy = months_.Get(r, Measure::kEnergyTce);
    const auto output = months_.Get(r, Measure::kOutputValue);
    const int division = DivisionOf(in_.enterprises[slot]);
    if (!energy || !output || *output <= 0 || division < 0) return;
    const auto found = shared_.medians.find(PeerKey(division, months_.period_index(r)));
    if (found == shared_.medians.end() || found->second.median <= 0) return;
    const DivisionStats* median = &found->second;
    const double intensity = *energy / *output;
    if (intensity > median->median * rules_.energy_factor ||
        intensity < median->median / rules_.energy_factor) {
      Add(r, "energy_intensity", "energy_tce", intensity,
          core::Say(text::kEnergyIntensity, intensity, median->median, median->peers, division));
    }
  }

  void BelowThreshold(std::uint32_t slot, std::size_t first, std::size_t r) {
    const model::Enterprise* self = in_.enterprises[slot];
    const std::int32_t p = months_.period_index(r);
    if (self == nullptr || self->AboveScaleIn(core::Period::FromIndex(p).year) != true) return;
    // A full year is needed: every one of the 12 months to here reported, a January inside
    // its combined January-February report (1-2月) counting as reported.
    std::array<bool, 12> covered{};
    double total = 0;
    for (std::size_t k = r + 1; k-- > first && months_.period_index(k) > p - 12;) {
      if (!months_.has(k, Measure::kRevenue)) return;
      total += months_.value(k, Measure::kRevenue);
      const std::int32_t t = months_.period_index(k);
      const auto back = static_cast<std::size_t>(p - t);  // months before p: 0..11
      covered[back] = true;
      const bool combined = t % 12 == 1 && (k == first || months_.period_index(k - 1) != t - 1);
      if (combined && back + 1 < covered.size()) covered[back + 1] = true;
    }
    if (std::find(covered.begin(), covered.end(), false) != covered.end()) return;
    if (total < rules_.above_scale_revenue_wan) {
      Add(r, "below_scale_threshold", "revenue", total,
          core::Say(text::kBelowScaleThreshold, core::Period::FromIndex(p).ToString(), total,
                    rules_.above_scale_revenue_wan));
    }
  }

  const QualityInput& in_;
  const model::MonthlyPanel& months_;
  const model::QualityRules& rules_;
  const Shared& shared_;
  std::vector<model::QualityWarning> out_;
  std::vector<double> trailing_;  // scratch
};

}  // namespace

std::vector<model::QualityWarning> CheckQuality(const QualityInput& input,
                                                const model::QualityRules& rules) {
  const Shared shared(input, rules);
  // The enterprises are independent: split them over the cores, in ranges of about equal rows.
  const std::size_t rows = input.months.rows();
  const std::size_t threads =
      rows < 200000 ? 1 : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  std::vector<Checker> checkers(threads, Checker(shared));
  std::vector<std::thread> workers;
  std::uint32_t slot = 0;
  for (std::size_t t = 0; t < threads; ++t) {
    const std::uint32_t begin = slot;
    const std::size_t target = rows * (t + 1) / threads;
    while (slot < input.months.enterprises() &&
           (t + 1 == threads || input.months.RowsOf(slot).first < target)) {
      ++slot;
    }
    if (t + 1 == threads) {
      checkers[t].Run(begin, slot);  // the last range on this thread
    } else {
      workers.emplace_back([&checkers, t, begin, slot] { checkers[t].Run(begin, slot); });
    }
  }
  for (auto& worker : workers) worker.join();
  std::vector<model::QualityWarning> out;
  for (auto& checker : checkers) {
    out.insert(out.end(), std::make_move_iterator(checker.out().begin()),
               std::make_move_iterator(checker.out().end()));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.period, a.uscc, a.rule, a.measure) <
           std::tie(b.period, b.uscc, b.rule, b.measure);
  });
  return out;
}

}  // namespace clusterscope::ingest

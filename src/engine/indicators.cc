// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/engine/indicators.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <map>
#include <memory>
#include <thread>
#include <tuple>

#include "clusterscope/core/classification.h"

namespace clusterscope::engine {
namespace {

using model::Measure;

constexpr std::size_t Idx(Measure m) { return static_cast<std::size_t>(m); }

std::optional<double> Ratio(double numerator, double denominator) {
  if (denominator == 0) return std::nullopt;
  return numerator / denominator;
}

std::optional<double> GrowthOf(double current, double base) {
  if (base == 0) return std::nullopt;
  return current / base - 1;
}

}  // namespace

std::optional<double> GroupIndicators::Growth(Measure measure) const {
  if (!withheld[Idx(YearToDate(measure))].empty()) return std::nullopt;
  for (const auto& [m, base] : {std::pair{Measure::kOutputValue, Quantity::kOutputBase},
                                std::pair{Measure::kValueAdded, Quantity::kValueAddedBase},
                                std::pair{Measure::kProfit, Quantity::kProfitBase},
                                std::pair{Measure::kEnergyTce, Quantity::kEnergyBase}}) {
    if (m == measure && !withheld[Idx(base)].empty()) return std::nullopt;
  }
  return GrowthOf(ytd[Idx(measure)], ytd_base[Idx(measure)]);
}

std::string_view QuantityName(Quantity q) {
  static constexpr std::array<std::string_view, kQuantityCount> kNames{
      "month_output",         "month_output_base", "ytd_output",          "ytd_value_added",
      "ytd_revenue",          "ytd_profit",        "ytd_rd_expense",      "ytd_new_product_revenue",
      "ytd_export_value",     "ytd_energy_tce",    "employee_months",     "ytd_output_base",
      "ytd_value_added_base", "ytd_profit_base",   "ytd_energy_tce_base", "loss_amount",
      "ytd_value_added_real"};
  return kNames[Idx(q)];
}

bool MayBeNegative(Quantity q) {
  return q == Quantity::kProfit || q == Quantity::kProfitBase || q == Quantity::kValueAdded ||
         q == Quantity::kValueAddedBase || q == Quantity::kRealValueAdded;
}

double GroupIndicators::Sum(Quantity q) const {
  switch (q) {
    case Quantity::kMonthOutput:
      return month_output;
    case Quantity::kMonthOutputBase:
      return month_output_base;
    case Quantity::kOutputBase:
      return ytd_base[Idx(Measure::kOutputValue)];
    case Quantity::kValueAddedBase:
      return ytd_base[Idx(Measure::kValueAdded)];
    case Quantity::kProfitBase:
      return ytd_base[Idx(Measure::kProfit)];
    case Quantity::kEnergyBase:
      return ytd_base[Idx(Measure::kEnergyTce)];
    case Quantity::kLossAmount:
      return loss_amount;
    case Quantity::kRealValueAdded:
      return real_value_added;
    default:
      return ytd[Idx(q) - Idx(Quantity::kOutput)];
  }
}

std::vector<MemberGroup> ListGroups(const std::map<std::string, std::vector<std::string>>& lists) {
  std::vector<MemberGroup> out;
  for (const auto& [name, members] : lists)
    out.push_back({std::string(kListKind), name, name, members});
  return out;
}

Engine::Engine(model::ClusterSystem system, std::vector<model::Enterprise> registry,
               std::vector<MemberGroup> member_groups)
    : system_(std::move(system)), registry_(std::move(registry)) {
  std::vector<std::string> codes = {"total", "tier",     "cluster", "park",
                                    "town",  "division", "class"};
  for (const auto& grouping : system_.groupings) codes.push_back(grouping.code);
  codes.emplace_back("high_tech");
  codes.emplace_back("strategic_emerging");
  for (auto& code : codes) kinds_.push_back({std::move(code), {}, false, {}, {}});
  // A group of named members may overlap any other: each is a kind of its own with one group.
  for (auto& group : member_groups) {
    Kind kind{group.kind, std::move(group.members), true, {}, {}};
    kind.groups.emplace_back(std::move(group.code), std::move(group.name));
    kinds_.push_back(std::move(kind));
  }
}

void Engine::SetPriceIndices(const std::vector<model::PriceIndex>& indices) {
  prices_.clear();
  for (const auto& p : indices) {
    if (p.division.size() != 2) continue;
    const int division = (p.division[0] - '0') * 10 + (p.division[1] - '0');
    prices_[std::int64_t{division} << 32 | static_cast<std::uint32_t>(p.period.Index())] = p.index;
  }
}

void Engine::Apply(const model::MonthlyPanel& facts) {
  panel_.Apply(facts);
  IndexNewSlots();
}

void Engine::Adopt(Panel panel) {
  assert(panel_.enterprises() == 0 && panel_.empty());
  panel_ = std::move(panel);
  IndexNewSlots();
}

namespace {

// The GB/T 4754 division of an enterprise (its code's first two digits), or -1.
std::int16_t DivisionCode(const model::Enterprise* e) {
  if (e == nullptr || e->industry_code.size() < 2 ||
      std::isdigit(static_cast<unsigned char>(e->industry_code[0])) == 0 ||
      std::isdigit(static_cast<unsigned char>(e->industry_code[1])) == 0) {
    return -1;
  }
  return static_cast<std::int16_t>((e->industry_code[0] - '0') * 10 + (e->industry_code[1] - '0'));
}

}  // namespace

namespace {

// The enterprise's field a kind's group follows, so that each distinct value is resolved
// once; none where it follows more than one field or the credit code.
std::optional<std::string_view> GroupKey(const std::string& kind, const model::Enterprise& e) {
  if (kind == "high_tech" || kind == "strategic_emerging") return std::nullopt;
  if (kind == "total") return std::string_view();
  if (kind == "tier" || kind == "cluster") return e.cluster;
  if (kind == "park") return e.park;
  if (kind == "town") return e.town;
  return e.industry_code;  // division, class and the system's groupings
}

std::string IndustryName(const std::string& code) {
  const auto* entry = core::IndustryClassification::Gbt4754().Find(code);
  return entry != nullptr ? entry->name : code;
}

}  // namespace

std::int32_t Engine::GroupOf(Kind& kind, std::map<std::string, std::int32_t>& index,
                             const model::Enterprise& e,
                             const std::map<std::string, std::string>& towns) {
  auto& groups = kind.groups;
  const auto add = [&](const std::string& code, const std::string& name) {
    const auto [it, added] = index.emplace(code, static_cast<std::int32_t>(groups.size()));
    if (added) groups.emplace_back(code, name);
    return it->second;
  };
  const std::string& code = kind.code;
  if (code == "total") return add("total", "全部规上工业");
  if (code == "tier" || code == "cluster") {
    const auto* cluster = system_.FindCluster(e.cluster);
    if (cluster == nullptr) return -1;
    if (code == "cluster") return add(cluster->code, cluster->name_zh);
    const auto* tier = system_.FindTier(cluster->tier);
    return tier != nullptr ? add(tier->code, tier->name_zh) : -1;
  }
  if (code == "park") {
    const auto* park = system_.FindPark(e.park);
    return park != nullptr ? add(park->code, park->name_zh) : -1;
  }
  if (code == "town") {
    if (e.town.empty()) return -1;
    const auto name = towns.find(e.town);
    return add(e.town, name != towns.end() ? name->second : e.town);
  }
  if (code == "division") {
    if (e.industry_code.size() < 2) return -1;
    const std::string division = e.industry_code.substr(0, 2);
    return add(division, IndustryName(division));
  }
  if (code == "class") {
    return e.industry_code.empty() ? -1 : add(e.industry_code, IndustryName(e.industry_code));
  }
  if (code == "high_tech")
    return model::IsHighTech(system_, e) ? add("high_tech", "高技术制造业") : -1;
  if (code == "strategic_emerging") {
    return e.strategic_emerging.empty() ? -1 : add("strategic_emerging", "战略性新兴产业");
  }
  if (const auto* grouping = system_.FindGrouping(code)) {
    if (const auto* category = grouping->CategoryOf(e.industry_code)) {
      return add(category->code, category->name_zh);
    }
  }
  return -1;
}

std::vector<const model::Enterprise*> Engine::RegisteredBySlot() const {
  // A merge of the slots in credit-code order with the registry in the same order: no hashing,
  // and both are read in order.
  std::vector<const model::Enterprise*> registered(registry_.size());
  for (std::size_t i = 0; i < registry_.size(); ++i) registered[i] = &registry_[i];
  const auto by_code = [](const model::Enterprise* a, const model::Enterprise* b) {
    return a->uscc < b->uscc;
  };
  if (!std::is_sorted(registered.begin(), registered.end(), by_code)) {
    std::sort(registered.begin(), registered.end(), by_code);
  }
  std::vector<const model::Enterprise*> of_slot(panel_.enterprises(), nullptr);
  std::size_t r = 0;
  for (std::size_t i = 0; i < panel_.enterprises() && r < registered.size(); ++i) {
    const std::uint32_t slot = panel_.SlotInCodeOrder(i);
    const std::string_view code = panel_.uscc(slot);
    while (r < registered.size() && std::string_view(registered[r]->uscc) < code) ++r;
    if (r < registered.size() && registered[r]->uscc == code) of_slot[slot] = registered[r];
  }
  return of_slot;
}

void Engine::IndexNewSlots() {
  const std::size_t first_new = enterprise_of_.size();
  if (first_new == panel_.enterprises()) return;  // a new month of known enterprises
  const std::vector<const model::Enterprise*> registered = RegisteredBySlot();
  std::map<std::string, std::string> towns;
  for (const auto* town : core::TownsOf(system_.region_code)) towns[town->code] = town->name;

  std::vector<std::map<std::string, std::int32_t>> index(kinds_.size());  // group code -> group
  for (std::size_t k = 0; k < kinds_.size(); ++k) {
    for (std::size_t g = 0; g < kinds_[k].groups.size(); ++g) {
      index[k].emplace(kinds_[k].groups[g].first, static_cast<std::int32_t>(g));
    }
  }
  // Most kinds' group follows one field (the cluster, the park, the class): half a million
  // enterprises have a few hundred distinct values, each resolved once. Named members are
  // looked up from their lists below.
  std::vector<std::unordered_map<std::string_view, std::int32_t>> by_key(kinds_.size());
  for (std::size_t slot = first_new; slot < panel_.enterprises(); ++slot) {
    const model::Enterprise* e = registered[slot];
    enterprise_of_.push_back(e);
    division_of_.push_back(DivisionCode(e));
    for (std::size_t k = 0; k < kinds_.size(); ++k) {
      Kind& kind = kinds_[k];
      std::int32_t group = -1;
      if (e != nullptr && !kind.named_members) {
        const auto key = GroupKey(kind.code, *e);
        const auto known = key ? by_key[k].find(*key) : by_key[k].end();
        if (known != by_key[k].end()) {
          group = known->second;
        } else {
          group = GroupOf(kind, index[k], *e, towns);
          if (key) by_key[k].emplace(*key, group);
        }
      }
      kind.member.push_back(group);
    }
  }
  for (Kind& kind : kinds_) {
    if (!kind.named_members) continue;
    for (const auto& uscc : kind.list) {
      const std::int64_t slot = panel_.Find(uscc);
      if (slot < 0 || static_cast<std::size_t>(slot) < first_new) continue;
      if (registered[static_cast<std::size_t>(slot)] != nullptr) {
        kind.member[static_cast<std::size_t>(slot)] = 0;
      }
    }
  }
}

std::vector<TrendPoint> Engine::Trend(core::Period last, int months) const {
  std::vector<TrendPoint> out;
  for (int k = months - 1; k >= 0; --k) {
    const core::Period period = core::Period::FromIndex(last.Index() - k);
    const auto indicators = Compute(period, {.top = 0});
    TrendPoint point;
    point.period = period;
    if (!indicators.groups.empty() && indicators.groups.front().kind == "total") {
      const auto& total = indicators.groups.front();
      point.month_output = total.month_output;
      point.month_growth = total.month_growth;
      point.growth_same_basis = total.growth_same_basis;
    }
    out.push_back(point);
  }
  return out;
}

std::vector<Engine::Membership> Engine::Memberships() const {
  std::vector<Membership> out;
  for (std::size_t e = 0; e < panel_.enterprises(); ++e) {
    for (const Kind& kind : kinds_) {
      if (kind.member[e] < 0) continue;
      out.push_back({std::string(panel_.uscc(e)), kind.code,
                     kind.groups[static_cast<std::size_t>(kind.member[e])].first});
    }
  }
  return out;
}

std::vector<std::optional<Amount>> Engine::YearToDateBySlot(core::Period period,
                                                            model::Measure measure) const {
  const std::size_t n = panel_.enterprises();
  std::vector<std::optional<Amount>> out(n);
  std::array<std::array<Amount, kBlock>, model::kMeasureCount> sums{};
  std::array<std::uint8_t, kBlock> reported{};
  for (std::size_t from = 0; from < n; from += kBlock) {
    const std::size_t count = std::min(kBlock, n - from);
    SumYearToDate(period.Index(), from, count, sums, &reported);
    for (std::size_t i = 0; i < count; ++i) {
      const model::Enterprise* e = enterprise_of_[from + i];
      if (e == nullptr || reported[i] == 0 || e->AboveScaleIn(period.year) != true) continue;
      out[from + i] = sums[Idx(measure)][i];
    }
  }
  return out;
}

std::vector<std::pair<std::string, double>> Engine::EnterpriseYearToDate(
    core::Period period, model::Measure measure) const {
  std::vector<std::pair<std::string, double>> out;
  const auto by_slot = YearToDateBySlot(period, measure);
  for (std::size_t slot = 0; slot < by_slot.size(); ++slot) {
    if (by_slot[slot]) out.emplace_back(enterprise_of_[slot]->uscc, FromAmount(*by_slot[slot]));
  }
  return out;
}

namespace {

// The sums of one group, plain numbers so that each thread keeps its own and they add up.
struct GroupSums {
  std::array<Amount, model::kMeasureCount> ytd{};
  std::array<Amount, model::kMeasureCount> base{};
  Amount month = 0;
  Amount month_base = 0;
  Amount loss_amount = 0;
  std::size_t enterprises = 0;
  std::size_t declining = 0;
  std::size_t losses = 0;
  std::size_t non_reporting = 0;
  double real_va = 0;          // value added deflated to last year's prices
  std::size_t price_gaps = 0;  // enterprise-months with value added but no index
  std::size_t unbased = 0;     // founded before the base window, with no base
  Amount unbased_output = 0;

  void Add(const GroupSums& other) {
    for (std::size_t k = 0; k < model::kMeasureCount; ++k) {
      ytd[k] += other.ytd[k];
      base[k] += other.base[k];
    }
    month += other.month;
    month_base += other.month_base;
    loss_amount += other.loss_amount;
    enterprises += other.enterprises;
    declining += other.declining;
    losses += other.losses;
    non_reporting += other.non_reporting;
    real_va += other.real_va;
    price_gaps += other.price_gaps;
    unbased += other.unbased;
    unbased_output += other.unbased_output;
  }
};

// The best `size` items seen so far, best first, by a strict "better" order.
template <typename Better>
class TopN {
 public:
  TopN(std::size_t size, const Better* better) : size_(size), better_(better) {}
  void Offer(std::uint32_t item) {
    if (size_ == 0) return;
    if (items_.size() == size_ && !(*better_)(item, items_.back())) return;
    const auto at = std::upper_bound(items_.begin(), items_.end(), item, *better_);
    items_.insert(at, item);
    if (items_.size() > size_) items_.pop_back();
  }
  const std::vector<std::uint32_t>& items() const { return items_; }

 private:
  std::size_t size_;
  const Better* better_;  // outlives the list
  std::vector<std::uint32_t> items_;
};

std::size_t Threads(std::size_t work) {
  if (work < 50000) return 1;
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

// Runs fn(t) for t in 0..threads-1, the last on this thread.
template <typename Fn>
void Parallel(std::size_t threads, Fn fn) {
  std::vector<std::thread> workers;
  for (std::size_t t = 0; t + 1 < threads; ++t) workers.emplace_back([&fn, t] { fn(t); });
  fn(threads - 1);
  for (auto& worker : workers) worker.join();
}

}  // namespace

void Engine::SumYearToDate(std::int32_t period, std::size_t from, std::size_t count,
                           std::array<std::array<Amount, kBlock>, model::kMeasureCount>& sums,
                           std::array<std::uint8_t, kBlock>* reported) const {
  // The checkpoint at the latest quarter end, then the months after it, in month order (the
  // same additions, in the same order, as summing every month from January).
  const std::int32_t checkpoint = panel_.YearToDateCheckpoint(period);
  for (std::size_t k = 0; k < model::kMeasureCount; ++k) {
    if (checkpoint < 0) {
      std::fill_n(sums[k].begin(), count, 0);
    } else {
      std::copy_n(panel_.YearToDate(checkpoint, static_cast<Measure>(k)) + from, count,
                  sums[k].begin());
    }
  }
  if (reported != nullptr) {
    if (checkpoint < 0) {
      std::fill_n(reported->begin(), count, 0);
    } else {
      std::copy_n(panel_.ReportedYearToDate(checkpoint) + from, count, reported->begin());
    }
  }
  const std::int32_t january = period / 12 * 12;
  for (std::int32_t p = std::max(checkpoint + 1, january); p <= period; ++p) {
    if (!panel_.HasMonth(p)) continue;
    for (std::size_t k = 0; k < model::kMeasureCount; ++k) {
      const Amount* column = panel_.Column(p, static_cast<Measure>(k)) + from;
      Amount* sum = sums[k].data();
      for (std::size_t i = 0; i < count; ++i) sum[i] += column[i];
    }
    if (reported != nullptr) {
      const std::uint16_t* valid = panel_.Valid(p) + from;
      for (std::size_t i = 0; i < count; ++i) {
        (*reported)[i] |= static_cast<std::uint8_t>(valid[i] & 1U);
      }
    }
  }
  // The combined January-February report (1-2月) is one reporting period: its flows cover both
  // months already, and the headcount it gives stands for January too.
  const std::int32_t february = january + 1;
  if (period < february || !panel_.HasMonth(february)) return;
  const std::uint16_t* january_valid = panel_.Valid(january);
  const std::uint16_t* february_valid = panel_.Valid(february) + from;
  const Amount* headcount = panel_.Column(february, Measure::kEmployees) + from;
  Amount* employee_months = sums[Idx(Measure::kEmployees)].data();
  constexpr unsigned kHeadcountBit = 1U << Idx(Measure::kEmployees);
  for (std::size_t i = 0; i < count; ++i) {
    const bool combined = january_valid == nullptr || january_valid[from + i] == 0;
    if (combined && (february_valid[i] & kHeadcountBit) != 0) employee_months[i] += headcount[i];
  }
}

bool Engine::CombinedJanuary(std::int32_t january, std::size_t e) const {
  if (january % 12 != 0) return false;
  const std::uint16_t* valid = panel_.Valid(january);
  const std::uint16_t* february = panel_.Valid(january + 1);
  return (valid == nullptr || valid[e] == 0) && february != nullptr && (february[e] & 1U) != 0;
}

void Engine::SumBaseYearToDate(std::int32_t period, std::size_t from, std::size_t count,
                               std::array<std::array<Amount, kBlock>, model::kMeasureCount>& sums,
                               std::array<std::uint8_t, kBlock>& based) const {
  // The stored year a year earlier, then, for the months whose rows reported prior-year
  // figures, each reported figure in place of the stored one.
  SumYearToDate(period - 12, from, count, sums, &based);
  const std::int32_t january = period / 12 * 12;
  for (std::int32_t p = january; p <= period; ++p) {
    const std::uint16_t* prior_valid = panel_.PriorValid(p);
    if (prior_valid == nullptr) continue;
    prior_valid += from;
    for (std::size_t k = 0; k < model::kMeasureCount; ++k) {
      const auto measure = static_cast<Measure>(k);
      if (!model::HasPrior(measure)) continue;
      const Amount* prior = panel_.Prior(p, measure) + from;
      const Amount* stored = panel_.Column(p - 12, measure);
      Amount* sum = sums[k].data();
      for (std::size_t i = 0; i < count; ++i) {
        if ((prior_valid[i] >> k & 1U) == 0) continue;
        sum[i] += prior[i] - (stored != nullptr ? stored[from + i] : 0);
      }
    }
    for (std::size_t i = 0; i < count; ++i)
      based[i] |= static_cast<std::uint8_t>(prior_valid[i] & 1U);
  }
}

Amount Engine::MonthOutputBase(std::int32_t period, std::size_t e) const {
  if (const std::uint16_t* prior_valid = panel_.PriorValid(period);
      prior_valid != nullptr && (prior_valid[e] & 1U) != 0) {
    return panel_.Prior(period, Measure::kOutputValue)[e];
  }
  const Amount* stored = panel_.Column(period - 12, Measure::kOutputValue);
  return stored != nullptr ? stored[e] : 0;
}

// One Compute() call. Each thread takes a range of enterprises and sums it in blocks small
// enough to stay in cache while every month of both windows is added in, then adds each
// enterprise of the frame into its group of every kind (threads keep their own group sums);
// then the rankings; then each group's indicators.
class Engine::Pass {
 public:
  Pass(const Engine& engine, core::Period period, const IndicatorOptions& options)
      : engine_(engine),
        period_(period),
        options_(options),
        n_(engine.panel_.enterprises()),
        last_(period.Index()),
        first_(core::Period{period.year, 1}.Index()),
        base_founded_before_{period.year - 1, 1, 1},
        months_in_w_(static_cast<std::size_t>(last_ - first_) + 1),
        threads_(Threads(n_)),
        ytd_output_(n_, 0),
        base_output_(n_, 0),
        in_frame_(n_, 0) {}

  // Each frame enterprise's quantities, by panel slot (others left as they are).
  void Record(std::vector<std::array<double, kQuantityCount>>& per_slot) {
    per_slot_ = &per_slot;
    SumGroups();
  }
  const std::vector<std::uint8_t>& in_frame() const { return in_frame_; }

  MonthlyIndicators Run() {
    SumGroups();
    Rank();
    MonthlyIndicators out;
    out.period = period_;
    out.member_kinds = options_.member_kinds;
    for (std::size_t k = 0; k < kinds().size(); ++k) {
      if (!Asked(kinds()[k])) continue;
      for (std::size_t g = 0; g < kinds()[k].groups.size(); ++g) {
        if (sums_[0][k][g].enterprises == 0) continue;
        out.groups.push_back(GroupOf(k, g));
      }
    }
    FillRatios(out.groups);
    // Total first, then by kind in the engine's order and by code.
    std::vector<std::string> kind_order;
    for (const auto& kind : kinds()) kind_order.push_back(kind.code);
    std::stable_sort(out.groups.begin(), out.groups.end(),
                     [&](const GroupIndicators& a, const GroupIndicators& b) {
                       const auto ka = std::find(kind_order.begin(), kind_order.end(), a.kind);
                       const auto kb = std::find(kind_order.begin(), kind_order.end(), b.kind);
                       return std::tie(ka, a.code) < std::tie(kb, b.code);
                     });
    return out;
  }

 private:
  using Block = std::array<std::array<Amount, kBlock>, model::kMeasureCount>;
  static constexpr auto kOutput = Idx(Measure::kOutputValue);
  static constexpr auto kProfit = Idx(Measure::kProfit);

  // Ranking orders over panel slots; ties go by credit code.
  struct ByOutput {
    const Pass* pass;
    bool operator()(std::uint32_t a, std::uint32_t b) const {
      if (pass->ytd_output_[a] != pass->ytd_output_[b]) {
        return pass->ytd_output_[a] > pass->ytd_output_[b];
      }
      return pass->engine_.panel_.uscc(a) < pass->engine_.panel_.uscc(b);
    }
  };
  struct ByGrowth {
    const Pass* pass;
    bool operator()(std::uint32_t a, std::uint32_t b) const {
      const double ga =
          static_cast<double>(pass->ytd_output_[a]) / static_cast<double>(pass->base_output_[a]);
      const double gb =
          static_cast<double>(pass->ytd_output_[b]) / static_cast<double>(pass->base_output_[b]);
      if (ga != gb) return ga > gb;
      return pass->engine_.panel_.uscc(a) < pass->engine_.panel_.uscc(b);
    }
  };

  const std::vector<Kind>& kinds() const { return engine_.kinds_; }
  bool Asked(const Kind& kind) const {
    return !kind.named_members || !options_.member_kinds ||
           options_.member_kinds->count(kind.code) != 0;
  }

  // Deflators 100 / index by division and month of W; 0 where no index was given.
  void BuildDeflators() {
    deflator_.assign(100 * months_in_w_, 0.0);
    for (int d = 0; d < 100; ++d) {
      for (std::int32_t p = first_; p <= last_; ++p) {
        const auto it = engine_.prices_.find(std::int64_t{d} << 32 | static_cast<std::uint32_t>(p));
        if (it != engine_.prices_.end() && it->second > 0) {
          deflator_[static_cast<std::size_t>(d) * months_in_w_ +
                    static_cast<std::size_t>(p - first_)] = 100 / it->second;
        }
      }
    }
  }

  void SumGroups() {
    with_prices_ = !engine_.prices_.empty();
    if (with_prices_) BuildDeflators();
    sums_.assign(threads_, std::vector<std::vector<GroupSums>>(kinds().size()));
    for (auto& per_thread : sums_) {
      for (std::size_t k = 0; k < kinds().size(); ++k) {
        per_thread[k].resize(kinds()[k].groups.size());
      }
    }
    Parallel(threads_, [&](std::size_t t) { SumRange(t); });
    for (std::size_t t = 1; t < threads_; ++t) {
      for (std::size_t k = 0; k < kinds().size(); ++k) {
        for (std::size_t g = 0; g < kinds()[k].groups.size(); ++g) {
          sums_[0][k][g].Add(sums_[t][k][g]);
        }
      }
    }
  }

  // The blocks' working sums of one thread.
  struct Work {
    std::array<double, kBlock> real_va{};
    std::array<std::uint16_t, kBlock> gaps{};
    Block ytd{};
    Block base{};
    std::array<std::uint8_t, kBlock> reported{};
    std::array<std::uint8_t, kBlock> based{};
  };

  void SumRange(std::size_t t) {
    const auto work = std::make_unique<Work>();
    const std::size_t begin = n_ * t / threads_;
    const std::size_t end = n_ * (t + 1) / threads_;
    for (std::size_t from = begin; from < end; from += kBlock) {
      const std::size_t count = std::min(kBlock, end - from);
      engine_.SumYearToDate(last_, from, count, work->ytd, &work->reported);
      engine_.SumBaseYearToDate(last_, from, count, work->base, work->based);
      DeflateValueAdded(from, count, *work);
      AddToGroups(sums_[t], from, count, *work);
    }
  }

  // Value added of W at last year's prices, and the enterprise-months without an index.
  void DeflateValueAdded(std::size_t from, std::size_t count, Work& work) const {
    std::fill_n(work.real_va.begin(), count, 0.0);
    std::fill_n(work.gaps.begin(), count, 0);
    const Panel& panel = engine_.panel_;
    for (std::int32_t p = first_; with_prices_ && p <= last_; ++p) {
      if (!panel.HasMonth(p)) continue;
      const Amount* va = panel.Column(p, Measure::kValueAdded) + from;
      for (std::size_t i = 0; i < count; ++i) {
        if (va[i] == 0) continue;
        const std::int16_t d = engine_.division_of_[from + i];
        const double factor = d < 0 ? 0.0
                                    : deflator_[static_cast<std::size_t>(d) * months_in_w_ +
                                                static_cast<std::size_t>(p - first_)];
        if (factor == 0) {
          ++work.gaps[i];
        } else {
          work.real_va[i] += FromAmount(va[i]) * factor;
        }
      }
    }
  }

  // Adds each enterprise of the block that is in the frame into its group of every kind.
  void AddToGroups(std::vector<std::vector<GroupSums>>& sums, std::size_t from, std::size_t count,
                   const Work& work) {
    const Panel& panel = engine_.panel_;
    const Amount* month = panel.Column(last_, Measure::kOutputValue);
    const std::uint16_t* valid_now = panel.Valid(last_);
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t e = from + i;
      const model::Enterprise* enterprise = engine_.enterprise_of_[e];
      if (enterprise == nullptr || work.reported[i] == 0 ||
          enterprise->AboveScaleIn(period_.year) != true) {
        continue;
      }
      in_frame_[e] = 1;
      ytd_output_[e] = work.ytd[kOutput][i];
      base_output_[e] = work.base[kOutput][i];
      const Amount month_base = engine_.MonthOutputBase(last_, e);
      const bool unbased = work.based[i] == 0 && (!enterprise->founded.has_value() ||
                                                  *enterprise->founded < base_founded_before_);
      for (std::size_t k = 0; k < kinds().size(); ++k) {
        const std::int32_t g = kinds()[k].member[e];
        if (g < 0) continue;
        GroupSums& acc = sums[k][static_cast<std::size_t>(g)];
        ++acc.enterprises;
        for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
          acc.ytd[m] += work.ytd[m][i];
          acc.base[m] += work.base[m][i];
        }
        if (month != nullptr) acc.month += month[e];
        acc.month_base += month_base;
        if (unbased) {
          ++acc.unbased;
          acc.unbased_output += work.ytd[kOutput][i];
        }
        if (work.base[kOutput][i] > 0 && work.ytd[kOutput][i] < work.base[kOutput][i]) {
          ++acc.declining;
        }
        if (work.ytd[kProfit][i] < 0) {
          ++acc.losses;
          acc.loss_amount += work.ytd[kProfit][i];
        }
        if (valid_now == nullptr || (valid_now[e] & 1U) == 0) ++acc.non_reporting;
        acc.real_va += work.real_va[i];
        acc.price_gaps += work.gaps[i];
      }
      if (per_slot_ != nullptr) RecordSlot(e, i, work);
    }
  }

  void RecordSlot(std::size_t e, std::size_t i, const Work& work) const {
    const Panel& panel = engine_.panel_;
    auto& v = (*per_slot_)[e];
    const Amount* month = panel.Column(last_, Measure::kOutputValue);
    v[Idx(Quantity::kMonthOutput)] = month != nullptr ? FromAmount(month[e]) : 0;
    v[Idx(Quantity::kMonthOutputBase)] = FromAmount(engine_.MonthOutputBase(last_, e));
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
      v[Idx(YearToDate(static_cast<Measure>(m)))] = FromAmount(work.ytd[m][i]);
    }
    v[Idx(Quantity::kOutputBase)] = FromAmount(work.base[kOutput][i]);
    v[Idx(Quantity::kValueAddedBase)] = FromAmount(work.base[Idx(Measure::kValueAdded)][i]);
    v[Idx(Quantity::kProfitBase)] = FromAmount(work.base[kProfit][i]);
    v[Idx(Quantity::kEnergyBase)] = FromAmount(work.base[Idx(Measure::kEnergyTce)][i]);
    v[Idx(Quantity::kLossAmount)] =
        FromAmount(std::max<Amount>(-work.ytd[kProfit][i], 0));  // its size
    v[Idx(Quantity::kRealValueAdded)] = work.real_va[i];
  }

  // Rankings, a kind per thread: the best N of each group by output (at least two: disclosure
  // control needs the two largest contributions), and by growth among those with a base.
  void Rank() {
    const std::size_t ranked_by_output = std::max<std::size_t>(options_.top, 2);
    top_output_.resize(kinds().size());
    top_growth_.resize(kinds().size());
    const std::size_t ranking_threads = std::min(Threads(n_), kinds().size());
    Parallel(ranking_threads, [&](std::size_t t) {
      for (std::size_t k = t; k < kinds().size(); k += ranking_threads) {
        top_output_[k].assign(kinds()[k].groups.size(), OutputTop(ranked_by_output, &by_output_));
        top_growth_[k].assign(kinds()[k].groups.size(), GrowthTop(options_.top, &by_growth_));
        for (std::size_t e = 0; e < n_; ++e) {
          const std::int32_t g = kinds()[k].member[e];
          if (in_frame_[e] == 0 || g < 0) continue;
          top_output_[k][static_cast<std::size_t>(g)].Offer(static_cast<std::uint32_t>(e));
          if (base_output_[e] > 0) {
            top_growth_[k][static_cast<std::size_t>(g)].Offer(static_cast<std::uint32_t>(e));
          }
        }
      }
    });
  }

  Ranked RankedOf(std::uint32_t e) const {
    Ranked r;
    r.uscc = engine_.panel_.uscc(e);
    r.name = engine_.enterprise_of_[e]->name;
    r.ytd_output = FromAmount(ytd_output_[e]);
    r.growth = GrowthOf(FromAmount(ytd_output_[e]), FromAmount(base_output_[e]));
    return r;
  }

  // Group g of kind k: its sums, largest contributions, rankings and parent.
  GroupIndicators GroupOf(std::size_t k, std::size_t g) {
    const GroupSums& s = sums_[0][k][g];
    GroupIndicators acc;
    acc.kind = kinds()[k].code;
    acc.code = kinds()[k].groups[g].first;
    acc.name = kinds()[k].groups[g].second;
    acc.enterprises = s.enterprises;
    for (std::size_t m = 0; m < model::kMeasureCount; ++m) {
      acc.ytd[m] = FromAmount(s.ytd[m]);
      acc.ytd_base[m] = FromAmount(s.base[m]);
    }
    acc.month_output = FromAmount(s.month);
    acc.month_output_base = FromAmount(s.month_base);
    acc.employee_months = FromAmount(s.ytd[Idx(Measure::kEmployees)]);
    acc.declining_count = s.declining;
    acc.loss_count = s.losses;
    acc.loss_amount = FromAmount(s.loss_amount);
    acc.non_reporting_count = s.non_reporting;
    acc.price_gaps = s.price_gaps;
    acc.real_value_added = s.real_va;
    acc.unbased_count = s.unbased;
    acc.unbased_output = FromAmount(s.unbased_output);
    if (with_prices_ && s.price_gaps == 0) {
      acc.value_added_growth_real = GrowthOf(s.real_va, acc.ytd_base[Idx(Measure::kValueAdded)]);
    }
    const auto& best = top_output_[k][g].items();
    for (std::size_t i = 0; i < best.size() && i < 2; ++i) {
      acc.largest[i] = FromAmount(ytd_output_[best[i]]);
    }
    for (std::size_t i = 0; i < best.size() && i < options_.top; ++i) {
      acc.top_by_output.push_back(RankedOf(best[i]));
    }
    if (acc.kind == "cluster") {
      const auto* cluster = engine_.system_.FindCluster(acc.code);
      acc.parent_kind = "tier";
      acc.parent_code = cluster != nullptr ? cluster->tier : "";
    } else if (acc.kind == "class") {
      acc.parent_kind = "division";
      acc.parent_code = acc.code.substr(0, 2);
    } else if (acc.kind != "total" && !kinds()[k].named_members) {  // these overlap
      acc.parent_kind = "total";
      acc.parent_code = "total";
    }
    for (const auto e : top_growth_[k][g].items()) acc.top_by_growth.push_back(RankedOf(e));
    if (acc.kind == "total") {
      total_change_ = acc.ytd[kOutput] - acc.ytd_base[kOutput];
      total_base_ = acc.ytd_base[kOutput];
      if (acc.value_added_growth_real) {
        total_va_real_change_ = acc.real_value_added - acc.ytd_base[Idx(Measure::kValueAdded)];
        total_va_base_ = acc.ytd_base[Idx(Measure::kValueAdded)];
      }
    }
    return acc;
  }

  // The ratios of every group, from its sums and the total's change.
  void FillRatios(std::vector<GroupIndicators>& groups) const {
    const int months = period_.month;
    for (auto& g : groups) {
      const auto& y = g.ytd;
      const auto& b = g.ytd_base;
      g.growth_same_basis = GrowthOf(y[kOutput], b[kOutput]);
      g.month_growth = GrowthOf(g.month_output, g.month_output_base);
      g.contribution_rate = Ratio(y[kOutput] - b[kOutput], total_change_);
      if (total_base_ != 0) g.pull_pp = (y[kOutput] - b[kOutput]) / total_base_ * 100;
      if (g.value_added_growth_real && total_va_real_change_) {
        const double change = g.real_value_added - b[Idx(Measure::kValueAdded)];
        g.contribution_rate_va_real = Ratio(change, *total_va_real_change_);
        if (total_va_base_ != 0) g.pull_pp_va_real = change / total_va_base_ * 100;
      }
      g.va_rate = Ratio(y[Idx(Measure::kValueAdded)], y[kOutput]);
      g.profit_margin = Ratio(y[Idx(Measure::kProfit)], y[Idx(Measure::kRevenue)]);
      g.rd_intensity = Ratio(y[Idx(Measure::kRdExpense)], y[Idx(Measure::kRevenue)]);
      g.new_product_share = Ratio(y[Idx(Measure::kNewProductRevenue)], y[Idx(Measure::kRevenue)]);
      g.export_share = Ratio(y[Idx(Measure::kExportValue)], y[kOutput]);
      g.energy_per_va = Ratio(y[Idx(Measure::kEnergyTce)], y[Idx(Measure::kValueAdded)]);
      const auto energy_base = Ratio(b[Idx(Measure::kEnergyTce)], b[Idx(Measure::kValueAdded)]);
      if (g.energy_per_va && energy_base && *energy_base != 0) {
        g.energy_per_va_change_nominal = *g.energy_per_va / *energy_base - 1;
      }
      // The fall the plans set is at comparable prices on the same enterprises: energy's
      // growth against value added's real growth.
      const auto energy_growth = GrowthOf(y[Idx(Measure::kEnergyTce)], b[Idx(Measure::kEnergyTce)]);
      if (energy_growth && g.value_added_growth_real && *g.value_added_growth_real != -1) {
        g.energy_per_va_change = (1 + *energy_growth) / (1 + *g.value_added_growth_real) - 1;
      }
      // Average employees = Σ headcount over F and W / m, so productivity = VA x 12 / m / average.
      const double average_employees = g.employee_months / months;
      if (average_employees > 0) {
        g.labor_productivity = y[Idx(Measure::kValueAdded)] * 12 / months / average_employees;
      }
      if (g.kind == "park") {
        if (const auto* park = engine_.system_.FindPark(g.code);
            park != nullptr && park->land_km2 && *park->land_km2 > 0) {
          g.output_per_km2 = y[kOutput] / *park->land_km2;
        }
      }
    }
  }

  using OutputTop = TopN<ByOutput>;
  using GrowthTop = TopN<ByGrowth>;

  const Engine& engine_;
  const core::Period period_;
  const IndicatorOptions& options_;
  const std::size_t n_;
  const std::int32_t last_, first_;
  const core::Date base_founded_before_;  // the first day of W'
  const std::size_t months_in_w_;
  const std::size_t threads_;
  bool with_prices_ = false;
  std::vector<double> deflator_;
  std::vector<std::array<double, kQuantityCount>>* per_slot_ = nullptr;  // when recording
  // What the rankings need of each enterprise; the rest stays in the blocks.
  std::vector<Amount> ytd_output_;
  std::vector<Amount> base_output_;
  std::vector<std::uint8_t> in_frame_;
  std::vector<std::vector<std::vector<GroupSums>>> sums_;  // thread, kind, group
  const ByOutput by_output_{this};
  const ByGrowth by_growth_{this};
  std::vector<std::vector<OutputTop>> top_output_;
  std::vector<std::vector<GrowthTop>> top_growth_;
  double total_change_ = 0;
  double total_base_ = 0;
  std::optional<double> total_va_real_change_;  // with price indices for the whole total
  double total_va_base_ = 0;
};

MonthlyIndicators Engine::Compute(core::Period period, const IndicatorOptions& options) const {
  return Pass(*this, period, options).Run();
}

Contributions Engine::ContributionsTo(const MonthlyIndicators& indicators) const {
  const IndicatorOptions options{.top = 0};
  Pass pass(*this, indicators.period, options);
  std::vector<std::array<double, kQuantityCount>> per_slot(panel_.enterprises());
  pass.Record(per_slot);
  // Each kind's groups as positions in the indicators (-1: not there).
  std::map<std::pair<std::string, std::string>, std::int32_t> position;
  for (std::size_t i = 0; i < indicators.groups.size(); ++i) {
    position[{indicators.groups[i].kind, indicators.groups[i].code}] = static_cast<std::int32_t>(i);
  }
  std::vector<std::vector<std::int32_t>> at(kinds_.size());
  for (std::size_t k = 0; k < kinds_.size(); ++k) {
    for (const auto& [code, name] : kinds_[k].groups) {
      const auto it = position.find({kinds_[k].code, code});
      at[k].push_back(it == position.end() ? -1 : it->second);
    }
  }
  Contributions out;
  out.period = indicators.period;
  out.members.resize(indicators.groups.size());
  for (std::size_t e = 0; e < panel_.enterprises(); ++e) {
    if (pass.in_frame()[e] == 0) continue;
    const auto index = static_cast<std::uint32_t>(out.uscc.size());
    out.uscc.emplace_back(panel_.uscc(e));
    out.park.push_back(enterprise_of_[e]->park);
    out.values.push_back(per_slot[e]);
    for (std::size_t k = 0; k < kinds_.size(); ++k) {
      const std::int32_t g = kinds_[k].member[e];
      if (g < 0) continue;
      const std::int32_t i = at[k][static_cast<std::size_t>(g)];
      if (i >= 0) out.members[static_cast<std::size_t>(i)].push_back(index);
    }
  }
  return out;
}

}  // namespace clusterscope::engine

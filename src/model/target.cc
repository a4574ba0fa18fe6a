// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/target.h"

#include <array>
#include <set>

#include <fmt/format.h>

#include "clusterscope/model/monthly.h"

namespace clusterscope::model {
namespace {

using D = Dimension;

constexpr std::array kUnits = {
    Unit{"万元", D::kMoney, D::kNone, 1},
    Unit{"亿元", D::kMoney, D::kNone, 1e-4},
    Unit{"元", D::kMoney, D::kNone, 1e4},
    Unit{"吨标准煤", D::kEnergy, D::kNone, 1},
    Unit{"人", D::kPersons, D::kNone, 1},
    Unit{"家", D::kCount, D::kNone, 1},
    Unit{"个", D::kCount, D::kNone, 1},
    Unit{"平方公里", D::kArea, D::kNone, 1},
    Unit{"亩", D::kArea, D::kNone, 1500},  // 1 亩 = 666.67 m²: 1,500 to the km²
    Unit{"%", D::kNone, D::kNone, 100},    // a share: a ratio of like quantities
    Unit{"万元/人", D::kMoney, D::kPersons, 1},
    Unit{"元/人", D::kMoney, D::kPersons, 1e4},
    Unit{"亿元/平方公里", D::kMoney, D::kArea, 1e-4},
    Unit{"万元/亩", D::kMoney, D::kArea, 1.0 / 1500},  // 亩均: 85 亿元/平方公里 = 566.7 万元/亩
    Unit{"吨标准煤/万元", D::kEnergy, D::kMoney, 1},
};

// Engine indicators a target may read, with their dimensions.
struct IndicatorInfo {
  std::string_view name;
  D numerator;
  D denominator;
};
constexpr std::array kIndicators = {
    IndicatorInfo{"labor_productivity", D::kMoney, D::kPersons},
    IndicatorInfo{"output_per_km2", D::kMoney, D::kArea},
};

constexpr std::array<std::string_view, 4> kEnterpriseTests = {"above_scale", "revenue_over",
                                                              "rd_active", "listed"};

std::optional<Measure> MeasureNamed(std::string_view name) {
  for (const auto& info : Measures()) {
    if (info.column == name) return info.measure;
  }
  return std::nullopt;
}

}  // namespace

const Unit* FindUnit(std::string_view name) {
  for (const auto& unit : kUnits) {
    if (unit.name == name) return &unit;
  }
  return nullptr;
}

Dimension Quantity::dimension() const {
  switch (source) {
    case Source::kMeasure:
      if (const auto m = MeasureNamed(name)) {
        if (*m == Measure::kEnergyTce) return D::kEnergy;
        if (*m == Measure::kEmployees) return D::kPersons;
        return D::kMoney;
      }
      return D::kNone;
    case Source::kDesignation:
    case Source::kEnterprises:
      return D::kCount;
    case Source::kIndicator:
    case Source::kSeries:
      return D::kNone;
  }
  return D::kNone;
}

std::string_view TargetKindName(TargetKind kind) {
  switch (kind) {
    case TargetKind::kLevel:
      return "level";
    case TargetKind::kRatio:
      return "ratio";
    case TargetKind::kCount:
      return "count";
    case TargetKind::kRate:
      return "rate";
    case TargetKind::kCompare:
      return "compare";
    case TargetKind::kMilestone:
      return "milestone";
    case TargetKind::kFloor:
      return "floor";
  }
  return "level";
}

std::string SeriesValue::PeriodText() const {
  return month == 0 ? std::to_string(year) : fmt::format("{}-{:02}", year, month);
}

const SeriesDefinition* TargetPlan::FindSeries(std::string_view code) const {
  for (const auto& s : series) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

const Target* TargetPlan::FindTarget(std::string_view id) const {
  for (const auto& t : targets) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

namespace {

using Dims = std::pair<D, D>;  // numerator and denominator dimensions

// Checks a plan's rules against a system, collecting every problem (a plan with many faults
// hears of all of them at once).
class PlanChecker {
 public:
  PlanChecker(const TargetPlan& plan, const ClusterSystem& system) : plan_(plan), system_(system) {}

  std::vector<Problem> Run() && {
    if (system_.code != plan_.system_code) {
      Add("system", fmt::format("the plan is for system '{}', the database holds '{}'",
                                plan_.system_code, system_.code));
    }
    if (plan_.amber_gap < 0 || plan_.red_gap < plan_.amber_gap || plan_.red_gap > 1 ||
        plan_.ahead_gap <= 0 || plan_.ahead_gap > 1) {
      Add("status", "gaps must satisfy 0 <= amber_gap <= red_gap <= 1 and 0 < ahead_gap <= 1");
    }
    CheckSeries();
    std::set<std::string> ids;
    for (std::size_t i = 0; i < plan_.targets.size(); ++i) {
      const Target& t = plan_.targets[i];
      const std::string key = fmt::format("targets[{}]", i);
      if (t.id.empty()) Add(key + ".id", "a target needs an id");
      if (!ids.insert(t.id).second) Add(key + ".id", fmt::format("duplicate id '{}'", t.id));
      CheckTarget(t, key);
    }
    return std::move(problems_);
  }

 private:
  void Add(std::string key, std::string message) {
    problems_.push_back({std::move(key), std::move(message)});
  }

  void CheckSeries() {
    std::set<std::string> codes;
    for (std::size_t i = 0; i < plan_.series.size(); ++i) {
      const auto& s = plan_.series[i];
      const std::string key = fmt::format("series[{}]", i);
      if (s.code.empty()) Add(key + ".code", "a series needs a code");
      if (!codes.insert(s.code).second) {
        Add(key + ".code", fmt::format("duplicate series '{}'", s.code));
      }
      if (s.unit != "date" && FindUnit(s.unit) == nullptr) {
        Add(key + ".unit", fmt::format("unknown unit '{}'", s.unit));
      }
    }
  }

  // Whether "kind:code" names groups of the system (code * for all of a kind).
  bool KnownGroup(const std::string& group) const {
    const auto colon = group.find(':');
    const std::string kind = group.substr(0, colon);
    const std::string code = colon == std::string::npos ? "" : group.substr(colon + 1);
    const bool known_kind = kind == "tier" || kind == "cluster" || kind == "park" ||
                            kind == "division" || kind == "high_tech" ||
                            kind == "strategic_emerging" || system_.FindGrouping(kind);
    bool known_code = code == "*" || kind == "high_tech" || kind == "strategic_emerging";
    if (kind == "tier") known_code = known_code || system_.FindTier(code) != nullptr;
    if (kind == "cluster") known_code = known_code || system_.FindCluster(code) != nullptr;
    if (kind == "park") known_code = known_code || system_.FindPark(code) != nullptr;
    if (kind == "division") known_code = known_code || code.size() == 2;
    if (const auto* grouping = system_.FindGrouping(kind)) {
      for (const auto& c : grouping->categories) known_code = known_code || c.code == code;
    }
    return known_kind && known_code;
  }

  // The dimensions of a measure or an engine indicator of a group, or a problem and nullopt.
  std::optional<Dims> EngineQuantity(const Quantity& q, const std::string& key) {
    if (q.source == Quantity::Source::kMeasure && !MeasureNamed(q.name)) {
      Add(key + ".measure", fmt::format("unknown measure '{}'", q.name));
      return std::nullopt;
    }
    if (q.group != "total" && !KnownGroup(q.group)) {
      Add(key + ".group", fmt::format("unknown group '{}' (total, tier:T, cluster:C, park:P, "
                                      "division:DD, high_tech, strategic_emerging or a grouping; "
                                      "code * for all groups of a kind)",
                                      q.group));
      return std::nullopt;
    }
    if (q.source == Quantity::Source::kIndicator) {
      for (const auto& info : kIndicators) {
        if (info.name == q.name) return std::make_pair(info.numerator, info.denominator);
      }
      Add(key + ".indicator", fmt::format("unknown indicator '{}'", q.name));
      return std::nullopt;
    }
    return std::make_pair(q.dimension(), D::kNone);
  }

  // The dimensions of a quantity, or a problem and nullopt.
  std::optional<Dims> CheckQuantity(const Quantity& q, const std::string& key) {
    switch (q.source) {
      case Quantity::Source::kMeasure:
      case Quantity::Source::kIndicator:
        return EngineQuantity(q, key);
      case Quantity::Source::kDesignation:
        if (system_.FindDesignationType(q.name) == nullptr) {
          Add(key + ".designation", fmt::format("unknown designation type '{}'", q.name));
          return std::nullopt;
        }
        return std::make_pair(D::kCount, D::kNone);
      case Quantity::Source::kEnterprises: {
        bool known = false;
        for (const auto test : kEnterpriseTests) known = known || test == q.name;
        if (!known) {
          Add(key + ".enterprises",
              fmt::format("unknown test '{}' (above_scale, revenue_over, rd_active, listed)",
                          q.name));
          return std::nullopt;
        }
        if (q.name == "revenue_over" && (!q.threshold || *q.threshold <= 0)) {
          Add(key + ".threshold", "revenue_over needs a threshold in 万元 above zero");
          return std::nullopt;
        }
        return std::make_pair(D::kCount, D::kNone);
      }
      case Quantity::Source::kSeries: {
        const auto* s = plan_.FindSeries(q.name);
        if (s == nullptr) {
          Add(key + ".series",
              fmt::format("unknown series '{}' (declare it under [[series]])", q.name));
          return std::nullopt;
        }
        const auto* unit = FindUnit(s->unit);
        if (unit == nullptr) return std::nullopt;  // reported with the series
        return std::make_pair(unit->numerator, unit->denominator);
      }
    }
    return std::nullopt;
  }

  // The target's state: its key and unit, for the checks of its parts.
  struct At {
    const Target& t;
    const std::string& key;
    const Unit* unit;  // null for a milestone or an unknown unit
  };

  void CheckTarget(const Target& t, const std::string& key) {
    if (t.target_year < t.base_year) {
      Add(key + ".target_year",
          fmt::format("target year {} is before the base year {}", t.target_year, t.base_year));
    }
    if (t.scope != "region") {
      const auto colon = t.scope.find(':');
      const std::string kind = t.scope.substr(0, colon);
      const std::string code = colon == std::string::npos ? "" : t.scope.substr(colon + 1);
      if (!((kind == "cluster" && system_.FindCluster(code)) ||
            (kind == "park" && system_.FindPark(code)))) {
        Add(key + ".scope",
            fmt::format("unknown scope '{}' (region, cluster:C or park:P)", t.scope));
      }
    }
    const Unit* unit = t.kind == TargetKind::kMilestone ? nullptr : FindUnit(t.unit);
    if (t.kind != TargetKind::kMilestone && unit == nullptr) {
      Add(key + ".unit", fmt::format("unknown unit '{}'", t.unit));
    }
    const At at{t, key, unit};
    CheckDecomposition(at);
    CheckCoverage(at);
    switch (t.kind) {
      case TargetKind::kLevel:
      case TargetKind::kCount:
        if (Needs(at, t.value, "value")) {
          if (const auto d = CheckQuantity(*t.value, key + ".value"); d && unit != nullptr) {
            Fits(at, *d, unit->numerator, unit->denominator);
          }
        }
        if (!t.target_value) Add(key + ".target", "a level or count target needs a target");
        break;
      case TargetKind::kRatio:
      case TargetKind::kRate:
        CheckRatio(at);
        break;
      case TargetKind::kFloor:
        if (t.value) {
          if (const auto d = CheckQuantity(*t.value, key + ".value"); d && unit != nullptr) {
            Fits(at, *d, unit->numerator, unit->denominator);
          }
        } else {
          CheckRatio(at);
        }
        if (!t.target_value) Add(key + ".target", "a floor target needs a target");
        if (t.direction == Direction::kAtMost) {
          Add(key + ".direction", "a floor holds a figure above a line: direction at_least");
        }
        break;
      case TargetKind::kCompare:
        if (Needs(at, t.value, "value")) static_cast<void>(CheckQuantity(*t.value, key + ".value"));
        if (Needs(at, t.reference, "reference")) CheckPercentSeries(at, "compared change");
        break;
      case TargetKind::kMilestone: {
        const auto* s = plan_.FindSeries(t.milestone_series);
        if (s == nullptr || s->unit != "date") {
          Add(key + ".series", fmt::format("a milestone needs a declared series of unit "
                                           "\"date\"; '{}' is not one",
                                           t.milestone_series));
        }
        break;
      }
    }
  }

  bool Needs(const At& at, const std::optional<Quantity>& q, const char* name) {
    if (!q) Add(at.key, fmt::format("a {} target needs '{}'", TargetKindName(at.t.kind), name));
    return q.has_value();
  }

  // A problem when the dimensions read do not fit the target's unit.
  void Fits(const At& at, Dims got, D numerator, D denominator) {
    if (at.unit == nullptr) return;
    if (got.first != numerator || got.second != denominator) {
      Add(at.key + ".unit", fmt::format("unit '{}' does not fit what the target reads", at.t.unit));
    }
  }

  // The reference of a rate or compare target: a series in %.
  void CheckPercentSeries(const At& at, std::string_view what) {
    if (const auto d = CheckQuantity(*at.t.reference, at.key + ".reference");
        d && (d->first != D::kNone || d->second != D::kNone)) {
      Add(at.key + ".reference", fmt::format("the {} must be a series in %", what));
    }
  }

  void CheckDecomposition(const At& at) {
    const Target& t = at.t;
    if (t.decompose.empty()) {
      if (!t.parts.empty()) {
        Add(at.key + ".parts", "parts need decompose = \"cluster\", \"park\" or \"tier\"");
      }
      return;
    }
    if (t.kind != TargetKind::kLevel || !t.value || t.value->source != Quantity::Source::kMeasure ||
        t.value->group != "total") {
      Add(at.key + ".decompose",
          "only a level target of a measure over the whole region can be split");
    } else if (t.decompose != "cluster" && t.decompose != "park" && t.decompose != "tier") {
      Add(at.key + ".decompose",
          fmt::format("cannot split by '{}' (cluster, park or tier)", t.decompose));
    }
    double set = 0;
    for (const auto& [code, goal] : t.parts) {
      const bool known = (t.decompose == "cluster" && system_.FindCluster(code)) ||
                         (t.decompose == "park" && system_.FindPark(code)) ||
                         (t.decompose == "tier" && system_.FindTier(code));
      if (!known) Add(at.key + ".parts." + code, fmt::format("unknown {} '{}'", t.decompose, code));
      set += goal;
    }
    if (t.target_value && set > *t.target_value) {
      Add(at.key + ".parts", "the parts set add up to more than the target");
    }
  }

  // A whole-industry level reads a money measure and has a way to the whole: a declared series,
  // a share in (0, 1], or both; a split target needs the share (its parts have no series).
  void CheckCoverage(const At& at) {
    const Target& t = at.t;
    if (t.coverage == "above_scale") return;
    if (t.coverage != "whole_industry") {
      Add(at.key + ".coverage.basis",
          fmt::format("unknown basis '{}' (above_scale or whole_industry)", t.coverage));
      return;
    }
    if (t.kind != TargetKind::kLevel || !t.value || t.value->source != Quantity::Source::kMeasure) {
      Add(at.key + ".coverage", "only a level target of a measure can count the whole industry");
    }
    if (!t.coverage_series.empty() && plan_.FindSeries(t.coverage_series) == nullptr) {
      Add(at.key + ".coverage.series",
          fmt::format("'{}' is not a declared series", t.coverage_series));
    }
    if (t.above_scale_share && (*t.above_scale_share <= 0 || *t.above_scale_share > 1)) {
      Add(at.key + ".coverage.above_scale_share",
          fmt::format("the above-scale share of the whole must be in (0, 1], not {}",
                      *t.above_scale_share));
    }
    if (t.coverage_series.empty() && !t.above_scale_share) {
      Add(at.key + ".coverage",
          "a whole-industry figure needs a series, an above_scale_share, or both");
    } else if (!t.decompose.empty() && !t.above_scale_share) {
      Add(at.key + ".coverage.above_scale_share",
          "a split whole-industry target needs the share: its parts are derived from it");
    }
  }

  void CheckRatio(const At& at) {
    const Target& t = at.t;
    // Both are checked, so that a plan missing both hears of both.
    const bool has_numerator = Needs(at, t.numerator, "numerator");
    const bool has_denominator = Needs(at, t.denominator, "denominator");
    if (has_numerator && has_denominator) {
      const auto n = CheckQuantity(*t.numerator, at.key + ".numerator");
      const auto d = CheckQuantity(*t.denominator, at.key + ".denominator");
      if (n && d && at.unit != nullptr) {
        if (n->second != D::kNone || d->second != D::kNone) {
          Add(at.key, "a ratio's numerator and denominator must be plain quantities");
        } else if (at.unit->numerator == D::kNone && at.unit->denominator == D::kNone) {
          if (n->first != d->first) {
            Add(at.key + ".unit", fmt::format("a share in '{}' needs numerator and "
                                              "denominator of the same kind",
                                              t.unit));
          }
        } else {
          Fits(at, {n->first, d->first}, at.unit->numerator, at.unit->denominator);
        }
      }
    }
    if (t.kind == TargetKind::kRatio && !t.target_value) {
      Add(at.key + ".target", "a ratio target needs a target");
    }
    if (t.kind == TargetKind::kRate && Needs(at, t.reference, "reference")) {
      CheckPercentSeries(at, "set rate");
    }
  }

  const TargetPlan& plan_;
  const ClusterSystem& system_;
  std::vector<Problem> problems_;
};

}  // namespace

std::vector<Problem> TargetPlan::Check(const ClusterSystem& system) const {
  return PlanChecker(*this, system).Run();
}

}  // namespace clusterscope::model

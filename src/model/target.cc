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
    Unit{"%", D::kNone, D::kNone, 100},  // a share: a ratio of like quantities
    Unit{"万元/人", D::kMoney, D::kPersons, 1},
    Unit{"元/人", D::kMoney, D::kPersons, 1e4},
    Unit{"亿元/平方公里", D::kMoney, D::kArea, 1e-4},
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

std::vector<Problem> TargetPlan::Check(const ClusterSystem& system) const {
  std::vector<Problem> problems;
  const auto problem = [&](std::string key, std::string message) {
    problems.push_back({std::move(key), std::move(message)});
  };
  if (system.code != system_code) {
    problem("system", fmt::format("the plan is for system '{}', the database holds '{}'",
                                  system_code, system.code));
  }
  if (amber_gap < 0 || red_gap < amber_gap || red_gap > 1) {
    problem("status", "gaps must satisfy 0 <= amber_gap <= red_gap <= 1");
  }
  std::set<std::string> series_codes;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto& s = series[i];
    const std::string key = fmt::format("series[{}]", i);
    if (s.code.empty()) problem(key + ".code", "a series needs a code");
    if (!series_codes.insert(s.code).second) {
      problem(key + ".code", fmt::format("duplicate series '{}'", s.code));
    }
    if (s.unit != "date" && FindUnit(s.unit) == nullptr) {
      problem(key + ".unit", fmt::format("unknown unit '{}'", s.unit));
    }
  }

  // The dimensions of a quantity, or a problem and nullopt.
  const auto check_quantity = [&](const Quantity& q,
                                  const std::string& key) -> std::optional<std::pair<D, D>> {
    switch (q.source) {
      case Quantity::Source::kMeasure:
      case Quantity::Source::kIndicator: {
        if (q.source == Quantity::Source::kMeasure && !MeasureNamed(q.name)) {
          problem(key + ".measure", fmt::format("unknown measure '{}'", q.name));
          return std::nullopt;
        }
        if (q.group != "total") {
          const auto colon = q.group.find(':');
          const std::string kind = q.group.substr(0, colon);
          const std::string code = colon == std::string::npos ? "" : q.group.substr(colon + 1);
          const bool known_kind = kind == "tier" || kind == "cluster" || kind == "park" ||
                                  kind == "division" || kind == "high_tech" ||
                                  kind == "strategic_emerging" || system.FindGrouping(kind);
          bool known_code = code == "*" || kind == "high_tech" || kind == "strategic_emerging";
          if (kind == "tier") known_code = known_code || system.FindTier(code) != nullptr;
          if (kind == "cluster") known_code = known_code || system.FindCluster(code) != nullptr;
          if (kind == "park") known_code = known_code || system.FindPark(code) != nullptr;
          if (kind == "division") known_code = known_code || code.size() == 2;
          if (const auto* grouping = system.FindGrouping(kind)) {
            for (const auto& c : grouping->categories) known_code = known_code || c.code == code;
          }
          if (!known_kind || !known_code) {
            problem(key + ".group",
                    fmt::format("unknown group '{}' (total, tier:T, cluster:C, park:P, "
                                "division:DD, high_tech, strategic_emerging or a grouping; "
                                "code * for all groups of a kind)",
                                q.group));
            return std::nullopt;
          }
        }
        if (q.source == Quantity::Source::kIndicator) {
          for (const auto& info : kIndicators) {
            if (info.name == q.name) return std::make_pair(info.numerator, info.denominator);
          }
          problem(key + ".indicator", fmt::format("unknown indicator '{}'", q.name));
          return std::nullopt;
        }
        return std::make_pair(q.dimension(), D::kNone);
      }
      case Quantity::Source::kDesignation:
        if (system.FindDesignationType(q.name) == nullptr) {
          problem(key + ".designation", fmt::format("unknown designation type '{}'", q.name));
          return std::nullopt;
        }
        return std::make_pair(D::kCount, D::kNone);
      case Quantity::Source::kEnterprises: {
        bool known = false;
        for (const auto test : kEnterpriseTests) known = known || test == q.name;
        if (!known) {
          problem(key + ".enterprises",
                  fmt::format("unknown test '{}' (above_scale, revenue_over, rd_active, listed)",
                              q.name));
          return std::nullopt;
        }
        if (q.name == "revenue_over" && (!q.threshold || *q.threshold <= 0)) {
          problem(key + ".threshold", "revenue_over needs a threshold in 万元 above zero");
          return std::nullopt;
        }
        return std::make_pair(D::kCount, D::kNone);
      }
      case Quantity::Source::kSeries: {
        const auto* s = FindSeries(q.name);
        if (s == nullptr) {
          problem(key + ".series",
                  fmt::format("unknown series '{}' (declare it under [[series]])", q.name));
          return std::nullopt;
        }
        const auto* unit = FindUnit(s->unit);
        if (unit == nullptr) return std::nullopt;  // reported with the series
        return std::make_pair(unit->numerator, unit->denominator);
      }
    }
    return std::nullopt;
  };

  std::set<std::string> ids;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const Target& t = targets[i];
    const std::string key = fmt::format("targets[{}]", i);
    if (t.id.empty()) problem(key + ".id", "a target needs an id");
    if (!ids.insert(t.id).second) problem(key + ".id", fmt::format("duplicate id '{}'", t.id));
    if (t.target_year < t.base_year) {
      problem(key + ".target_year",
              fmt::format("target year {} is before the base year {}", t.target_year, t.base_year));
    }
    if (t.scope != "region") {
      const auto colon = t.scope.find(':');
      const std::string kind = t.scope.substr(0, colon);
      const std::string code = colon == std::string::npos ? "" : t.scope.substr(colon + 1);
      if (!((kind == "cluster" && system.FindCluster(code)) ||
            (kind == "park" && system.FindPark(code)))) {
        problem(key + ".scope",
                fmt::format("unknown scope '{}' (region, cluster:C or park:P)", t.scope));
      }
    }
    const Unit* unit = t.kind == TargetKind::kMilestone ? nullptr : FindUnit(t.unit);
    if (t.kind != TargetKind::kMilestone && unit == nullptr) {
      problem(key + ".unit", fmt::format("unknown unit '{}'", t.unit));
    }
    const auto needs = [&](const std::optional<Quantity>& q, const char* name) {
      if (!q) problem(key, fmt::format("a {} target needs '{}'", TargetKindName(t.kind), name));
      return q.has_value();
    };
    const auto mixes = [&](std::pair<D, D> got, D numerator, D denominator) {
      if (unit == nullptr) return;
      if (got.first != numerator || got.second != denominator) {
        problem(key + ".unit", fmt::format("unit '{}' does not fit what the target reads", t.unit));
      }
    };
    if (!t.decompose.empty()) {
      if (t.kind != TargetKind::kLevel || !t.value ||
          t.value->source != Quantity::Source::kMeasure || t.value->group != "total") {
        problem(key + ".decompose",
                "only a level target of a measure over the whole region can be split");
      } else if (t.decompose != "cluster" && t.decompose != "park" && t.decompose != "tier") {
        problem(key + ".decompose",
                fmt::format("cannot split by '{}' (cluster, park or tier)", t.decompose));
      }
      double set = 0;
      for (const auto& [code, goal] : t.parts) {
        const bool known = (t.decompose == "cluster" && system.FindCluster(code)) ||
                           (t.decompose == "park" && system.FindPark(code)) ||
                           (t.decompose == "tier" && system.FindTier(code));
        if (!known) {
          problem(key + ".parts." + code, fmt::format("unknown {} '{}'", t.decompose, code));
        }
        set += goal;
      }
      if (t.target_value && set > *t.target_value) {
        problem(key + ".parts", "the parts set add up to more than the target");
      }
    } else if (!t.parts.empty()) {
      problem(key + ".parts", "parts need decompose = \"cluster\", \"park\" or \"tier\"");
    }
    switch (t.kind) {
      case TargetKind::kLevel:
      case TargetKind::kCount:
        if (needs(t.value, "value")) {
          if (const auto d = check_quantity(*t.value, key + ".value"); d && unit != nullptr) {
            mixes(*d, unit->numerator, unit->denominator);
          }
        }
        if (!t.target_value) problem(key + ".target", "a level or count target needs a target");
        break;
      case TargetKind::kRatio:
      case TargetKind::kRate: {
        // Both are checked, so that a plan missing both hears of both.
        const bool has_numerator = needs(t.numerator, "numerator");
        const bool has_denominator = needs(t.denominator, "denominator");
        const bool both = has_numerator && has_denominator;
        if (both) {
          const auto n = check_quantity(*t.numerator, key + ".numerator");
          const auto d = check_quantity(*t.denominator, key + ".denominator");
          if (n && d && unit != nullptr) {
            if (n->second != D::kNone || d->second != D::kNone) {
              problem(key, "a ratio's numerator and denominator must be plain quantities");
            } else if (unit->numerator == D::kNone && unit->denominator == D::kNone) {
              if (n->first != d->first) {
                problem(key + ".unit", fmt::format("a share in '{}' needs numerator and "
                                                   "denominator of the same kind",
                                                   t.unit));
              }
            } else {
              mixes({n->first, d->first}, unit->numerator, unit->denominator);
            }
          }
        }
        if (t.kind == TargetKind::kRatio && !t.target_value) {
          problem(key + ".target", "a ratio target needs a target");
        }
        if (t.kind == TargetKind::kRate && needs(t.reference, "reference")) {
          if (const auto d = check_quantity(*t.reference, key + ".reference");
              d && (d->first != D::kNone || d->second != D::kNone)) {
            problem(key + ".reference", "the set rate must be a series in %");
          }
        }
        break;
      }
      case TargetKind::kCompare:
        if (needs(t.value, "value")) check_quantity(*t.value, key + ".value");
        if (needs(t.reference, "reference")) {
          if (const auto d = check_quantity(*t.reference, key + ".reference");
              d && (d->first != D::kNone || d->second != D::kNone)) {
            problem(key + ".reference", "the compared change must be a series in %");
          }
        }
        break;
      case TargetKind::kMilestone: {
        const auto* s = FindSeries(t.milestone_series);
        if (s == nullptr || s->unit != "date") {
          problem(key + ".series", fmt::format("a milestone needs a declared series of unit "
                                               "\"date\"; '{}' is not one",
                                               t.milestone_series));
        }
        break;
      }
    }
  }
  return problems;
}

}  // namespace clusterscope::model

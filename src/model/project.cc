// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/project.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "clusterscope/text/imports.h"
#include "clusterscope/text/projects.h"

namespace clusterscope::model {
namespace {

constexpr std::size_t Idx(Stage s) { return static_cast<std::size_t>(s); }

// Months from `a` to `b`, days counted as fractions of an average month.
double MonthsBetween(const core::Date& a, const core::Date& b) {
  return (b.year - a.year) * 12.0 + (b.month - a.month) + (b.day - a.day) / 30.4375;
}

}  // namespace

const std::array<StageInfo, kStageCount>& Stages() {
  static const std::array<StageInfo, kStageCount> kStages = {{
      {Stage::kLead, "lead", "线索", "lead"},
      {Stage::kSigned, "signed", "签约", "signed"},
      {Stage::kRegistered, "registered", "落地", "registered"},
      {Stage::kConstruction, "construction", "开工", "under construction"},
      {Stage::kProduction, "production", "投产", "in production"},
      {Stage::kFullProduction, "full_production", "达产", "at full production"},
  }};
  return kStages;
}

const StageInfo& InfoOf(Stage stage) { return Stages()[Idx(stage)]; }

std::optional<Stage> ParseStage(std::string_view text) {
  for (const auto& info : Stages()) {
    if (text == info.code || text == info.name_zh) return info.stage;
  }
  return std::nullopt;
}

std::string_view RampCurveName(RampCurve curve) {
  switch (curve) {
    case RampCurve::kLinear:
      return "linear";
    case RampCurve::kSCurve:
      return "s_curve";
    case RampCurve::kStep:
      return "step";
  }
  return "linear";
}

std::optional<RampCurve> ParseRampCurve(std::string_view text) {
  for (const auto curve : {RampCurve::kLinear, RampCurve::kSCurve, RampCurve::kStep}) {
    if (text == RampCurveName(curve)) return curve;
  }
  return std::nullopt;
}

std::optional<core::Date> Project::ProductionStart() const {
  if (reached[Idx(Stage::kProduction)]) return reached[Idx(Stage::kProduction)];
  return planned[Idx(Stage::kProduction)];
}

std::vector<Problem> Project::Check() const {
  std::vector<Problem> problems;
  const auto problem = [&](std::string key, core::Text message) {
    problems.push_back(Problem::Of(std::move(key), std::move(message)));
  };
  if (code.empty()) problem("code", core::Say(text::kProjectNeedsCode));
  if (name.empty()) problem("name", core::Say(text::kProjectNeedsName));
  if (!link.empty() && chain.empty()) problem("link", core::Say(text::kLinkNeedsChain));
  if (total_investment && *total_investment < 0) {
    problem("total_investment", core::Say(text::kNegative));
  }
  if (ramp_months < 0 || ramp_months > 120) {
    problem("ramp_months", core::Say(text::kMustBeZeroTo120Months));
  }
  double phase_investment = 0;
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const auto& phase = phases[i];
    const std::string key = fmt::format("phase {}", phase.number);
    if (phase.number != static_cast<int>(i) + 1) {
      problem(key, core::Say(text::kPhasesInOrder, i + 1));
    }
    if (phase.capacity && phase.capacity_unit.empty()) {
      problem(key + ": capacity_unit", core::Say(text::kCapacityWithoutUnit));
    }
    if (!phase.capacity && !phase.capacity_unit.empty()) {
      problem(key + ": capacity", core::Say(text::kUnitWithoutCapacity));
    }
    for (const auto& [field, value] :
         {std::pair{"investment", phase.investment}, std::pair{"capacity", phase.capacity},
          std::pair{"annual_sales", phase.annual_sales}}) {
      if (value && *value < 0) problem(key + ": " + field, core::Say(text::kNegative));
    }
    phase_investment += phase.investment.value_or(0);
  }
  if (total_investment && phase_investment > *total_investment * (1 + 1e-9)) {
    problem("total_investment",
            core::Say(text::kPhasesAboveTotal, phase_investment, *total_investment));
  }
  // Reached stages: dated, in order, none after the current stage.
  const core::Date* last = nullptr;
  const StageInfo* last_info = nullptr;
  for (const auto& info : Stages()) {
    const auto& date = reached[Idx(info.stage)];
    if (info.stage > stage && date) {
      problem(std::string(info.code) + "_date", core::Say(text::kNotReachedYet, InfoOf(stage).code,
                                                          InfoOf(stage).name_zh, info.code));
      continue;
    }
    if (info.stage == stage && !date) {
      problem(std::string(info.code) + "_date", core::Say(text::kStageDateMissing, info.code));
    }
    if (!date) continue;
    if (last != nullptr && *date < *last) {
      problem(std::string(info.code) + "_date",
              core::Say(text::kDatesOutOfOrder, info.code, date->ToString(), last_info->code,
                        last->ToString()));
    }
    last = &*date;
    last_info = &info;
  }
  for (const auto& info : Stages()) {
    const auto& date = planned[Idx(info.stage)];
    if (!date || info.stage <= stage) continue;
    if (last != nullptr && *date < *last) {
      problem("planned_" + std::string(info.code),
              core::Say(text::kPlannedBeforeReached, info.code, date->ToString(), last_info->code,
                        last->ToString()));
    }
  }
  return problems;
}

Status CheckMove(const Project& project, Stage to, const core::Date& date,
                 std::string_view reason) {
  const auto& from = InfoOf(project.stage);
  const auto& next = InfoOf(to);
  const auto refuse = [](core::Text message) {
    return Status::Of(Status::Code::kInvalidArgument, std::move(message));
  };
  if (to == project.stage) {
    return refuse(core::Say(text::kAlreadyAtStage, project.code, next.code, next.name_zh));
  }
  if (to < project.stage && reason.empty()) {
    return refuse(core::Say(text::kMovesBack, project.code, from.code, from.name_zh, next.code,
                            next.name_zh));
  }
  if (Idx(to) > Idx(project.stage) + 1 && reason.empty()) {
    const auto& after = InfoOf(static_cast<Stage>(Idx(project.stage) + 1));
    return refuse(core::Say(text::kSkipsStages, project.code, from.code, from.name_zh, next.code,
                            next.name_zh, after.code, after.name_zh));
  }
  if (const auto& since = project.reached[Idx(project.stage)]; since && date < *since) {
    return refuse(core::Say(text::kMoveBeforeReached, project.code, from.code, since->ToString(),
                            date.ToString()));
  }
  return Status::Ok();
}

void ApplyMove(Project& project, Stage to, const core::Date& date) {
  if (to < project.stage) {
    for (std::size_t s = Idx(to) + 1; s < kStageCount; ++s) project.reached[s].reset();
  } else {
    project.reached[Idx(to)] = date;
  }
  project.stage = to;
}

std::vector<Problem> PipelineRules::Check() const {
  std::vector<Problem> problems;
  for (std::size_t i = 0; i < stage_months.size(); ++i) {
    if (stage_months[i] < 1) {
      problems.push_back({fmt::format("stage_months[{}]", i), "must be at least 1 month"});
    }
  }
  for (std::size_t i = 0; i < realisation.size(); ++i) {
    if (realisation[i] < 0 || realisation[i] > 1) {
      problems.push_back({fmt::format("realisation[{}]", i), "must be between 0 and 1"});
    }
    if (i > 0 && realisation[i] < realisation[i - 1]) {
      problems.push_back(
          {fmt::format("realisation[{}]", i),
           "a later stage cannot be less likely to be realised than an earlier one"});
    }
  }
  return problems;
}

double RampShare(RampCurve curve, int ramp_months, double months) {
  if (months < 0) return 0;
  if (ramp_months <= 0 || months >= ramp_months) return 1;
  const double t = months / ramp_months;
  switch (curve) {
    case RampCurve::kLinear:
      return t;
    case RampCurve::kSCurve:
      return t * t * (3 - 2 * t);  // smoothstep: slow start, fast middle, slow finish
    case RampCurve::kStep:
      return 0;  // nothing until full output
  }
  return t;
}

double SalesInYearTo(const Project& project, const core::Date& end) {
  double total = 0;
  for (const auto& phase : project.phases) {
    if (!phase.annual_sales) continue;
    const auto start = phase.production ? phase.production : project.ProductionStart();
    if (!start) continue;
    double share = 0;
    for (int k = 11; k >= 0; --k) {
      // The middle of each of the 12 months ending with end's month.
      const core::Date month = core::Date{end.year, end.month, 15}.AddMonths(-k);
      share += RampShare(project.curve, project.ramp_months, MonthsBetween(*start, month));
    }
    total += *phase.annual_sales * share / 12;
  }
  return total;
}

std::optional<Overdue> FindOverdue(const Project& project, const PipelineRules& rules,
                                   const core::Date& today) {
  if (project.stage == Stage::kFullProduction) return std::nullopt;
  const auto next = static_cast<Stage>(Idx(project.stage) + 1);
  std::optional<core::Date> due = project.planned[Idx(next)];
  if (!due) {
    const auto& since = project.reached[Idx(project.stage)];
    if (!since) return std::nullopt;
    due = since->AddMonths(rules.stage_months[Idx(project.stage)]);
  }
  if (!(*due < today)) return std::nullopt;
  return Overdue{next, *due, static_cast<int>(std::floor(MonthsBetween(*due, today)))};
}

}  // namespace clusterscope::model

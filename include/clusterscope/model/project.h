// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Investment projects (招商项目) from the first lead to full production, and the rules of the
// pipeline: the stage order, how long a stage may take before it is overdue, how likely a
// project at each stage is to be realised, and the ramp-up from production to full output that
// the targets' projection adds. Money in 万元. Plain value types and pure functions.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/core/date.h"
#include "clusterscope/core/status.h"
#include "clusterscope/model/problem.h"

namespace clusterscope::model {

enum class Stage { kLead = 0, kSigned, kRegistered, kConstruction, kProduction, kFullProduction };
inline constexpr std::size_t kStageCount = 6;

struct StageInfo {
  Stage stage;
  std::string_view code;     // "lead", "signed", ... (files, commands, JSON)
  std::string_view name_zh;  // 线索, 签约, 落地, 开工, 投产, 达产
  std::string_view name_en;
};
const std::array<StageInfo, kStageCount>& Stages();
const StageInfo& InfoOf(Stage stage);
// By code or Chinese name.
std::optional<Stage> ParseStage(std::string_view text);

enum class RampCurve { kLinear = 0, kSCurve, kStep };
std::string_view RampCurveName(RampCurve curve);
std::optional<RampCurve> ParseRampCurve(std::string_view text);

// A phase of a project: what it invests, what it can make and sell at full production, and
// when it starts producing (a phase without a date starts with the project's production stage).
struct ProjectPhase {
  int number = 1;
  std::optional<double> investment;  // 万元
  std::optional<double> capacity;
  std::string capacity_unit;             // "GWh/年", "km/年", "吨/年": required with a capacity
  std::optional<double> annual_sales;    // 万元 a year at full production
  std::optional<core::Date> production;  // planned start of production
};

struct Project {
  std::string code;  // "P2023-08-LH"
  std::string name;
  std::string investor;
  std::string cluster;  // Cluster::code or empty
  std::string chain;    // Chain::code or empty
  std::string link;     // ChainLink::code within the chain, or empty
  std::string park;     // Park::code or empty
  std::string uscc;     // the local enterprise that runs it once registered, or empty
  std::optional<double> total_investment;  // 万元
  std::vector<ProjectPhase> phases;
  Stage stage = Stage::kLead;
  std::array<std::optional<core::Date>, kStageCount> reached;  // dates of the stages reached
  std::array<std::optional<core::Date>, kStageCount> planned;  // dates planned for the others
  int ramp_months = 24;                                        // production to full output
  RampCurve curve = RampCurve::kLinear;
  std::string note;

  // Problems with the record: codes, a capacity without a unit, negative money, dates of the
  // reached stages out of order, a planned date before the last reached one, phases.
  std::vector<Problem> Check() const;
  // When production starts (reached, else planned), or nullopt.
  std::optional<core::Date> ProductionStart() const;
};

// One move of a project in the pipeline, as kept in its history.
struct StageMove {
  Stage from = Stage::kLead;
  Stage to = Stage::kLead;
  core::Date date;
  std::string reason;
};

// Whether `project` may move to `to` on `date`: forwards one stage at a time, unless a reason
// says why a stage is skipped or why it goes back; never on a date before the stage it leaves.
// InvalidArgument saying which rule failed.
Status CheckMove(const Project& project, Stage to, const core::Date& date, std::string_view reason);
// Applies a move CheckMove allowed: a forward move dates the new stage; a move back clears the
// dates of the stages after the new one (the history keeps them).
void ApplyMove(Project& project, Stage to, const core::Date& date);

struct PipelineRules {
  // Months a project may stay in a stage before it is overdue, when no date is planned for the
  // next one: lead, signed, registered, construction, production (to full output).
  std::array<int, kStageCount - 1> stage_months = {6, 6, 6, 18, 24};
  // Chance that a project at each stage reaches production: the weight of its sales in the
  // targets' projection.
  std::array<double, kStageCount> realisation = {0.1, 0.5, 0.7, 0.9, 1.0, 1.0};
  std::vector<Problem> Check() const;
};

// Share of full output a phase makes `months` months after it starts producing (0 before).
double RampShare(RampCurve curve, int ramp_months, double months);

// Sales of the project's phases over the 12 months ending with the month of `end` (万元, not
// weighted): each phase's annual sales times its mean ramp share over those months.
double SalesInYearTo(const Project& project, const core::Date& end);

// A project behind its plan on `today`.
struct Overdue {
  Stage waiting_for = Stage::kSigned;  // the stage it should have reached
  core::Date due;
  int months_late = 0;
};
// The next stage's planned date, else the rules' allowance after the current stage's date.
std::optional<Overdue> FindOverdue(const Project& project, const PipelineRules& rules,
                                   const core::Date& today);

}  // namespace clusterscope::model

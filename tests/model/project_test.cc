// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The project pipeline's rules: stage order (skips and moves back need a reason), dates in order,
// a capacity needs its unit, overdue stages, and the ramp-up from production to full output.
#include "clusterscope/model/project.h"

#include <gtest/gtest.h>

namespace clusterscope::model {
namespace {

core::Date D(const char* text) { return *core::Date::Parse(text); }

Project Signed() {
  Project p;
  p.code = "P1";
  p.name = "电芯项目";
  p.stage = Stage::kSigned;
  p.reached[0] = D("2023-01-10");
  p.reached[1] = D("2023-03-01");
  return p;
}

TEST(ProjectTest, StagesMoveForwardOneAtATime) {
  Project p = Signed();
  EXPECT_TRUE(CheckMove(p, Stage::kRegistered, D("2023-05-01"), "").ok());
  const Status skip = CheckMove(p, Stage::kConstruction, D("2023-05-01"), "");
  EXPECT_EQ(skip.message(),
            "project P1 would skip from signed (签约) to construction (开工); the next stage is "
            "registered (落地): give the reason with --reason");
  EXPECT_TRUE(CheckMove(p, Stage::kConstruction, D("2023-05-01"),
                        "registered and started the "
                        "same week")
                  .ok());
  const Status back = CheckMove(p, Stage::kLead, D("2023-05-01"), "");
  EXPECT_NE(back.message().find("would move back from signed (签约) to lead (线索)"),
            std::string::npos);
  EXPECT_TRUE(CheckMove(p, Stage::kLead, D("2023-05-01"), "investor withdrew").ok());
  EXPECT_FALSE(CheckMove(p, Stage::kSigned, D("2023-05-01"), "x").ok());  // already there
}

TEST(ProjectTest, DatesMustNotGoBackwards) {
  Project p = Signed();
  const Status early = CheckMove(p, Stage::kRegistered, D("2023-02-28"), "");
  EXPECT_EQ(early.message(),
            "dates out of order: project P1 reached signed on 2023-03-01; it cannot move on "
            "2023-02-28");
  EXPECT_TRUE(CheckMove(p, Stage::kRegistered, D("2023-03-01"), "").ok());  // same day is fine
  p.reached[0] = D("2023-04-01");  // the lead after the signing
  bool found = false;
  for (const auto& problem : p.Check()) {
    found = found || problem.message ==
                         "dates out of order: signed 2023-03-01 is before lead "
                         "2023-04-01";
  }
  EXPECT_TRUE(found);
}

TEST(ProjectTest, MovingBackClearsLaterDatesAndForwardDatesTheStage) {
  Project p = Signed();
  ApplyMove(p, Stage::kRegistered, D("2023-06-01"));
  EXPECT_EQ(p.stage, Stage::kRegistered);
  EXPECT_EQ(p.reached[2]->ToString(), "2023-06-01");
  ApplyMove(p, Stage::kSigned, D("2023-07-01"));
  EXPECT_EQ(p.stage, Stage::kSigned);
  EXPECT_FALSE(p.reached[2].has_value());
  EXPECT_TRUE(p.reached[1].has_value());
  EXPECT_TRUE(p.Check().empty());
}

TEST(ProjectTest, CapacityNeedsItsUnit) {
  Project p = Signed();
  p.phases.push_back({1, 15000, 5000, "", 30000, std::nullopt});
  const auto problems = p.Check();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "phase 1: capacity_unit");
  p.phases[0].capacity_unit = "km/年";
  EXPECT_TRUE(p.Check().empty());
}

TEST(ProjectTest, OverdueByPlanOrByTheRulesAllowance) {
  Project p = Signed();
  PipelineRules rules;  // signed: 6 months to registration
  EXPECT_FALSE(FindOverdue(p, rules, D("2023-09-01")).has_value());
  auto late = FindOverdue(p, rules, D("2023-12-15"));
  ASSERT_TRUE(late.has_value());
  EXPECT_EQ(late->waiting_for, Stage::kRegistered);
  EXPECT_EQ(late->due.ToString(), "2023-09-01");
  EXPECT_EQ(late->months_late, 3);
  p.planned[2] = D("2024-01-31");  // a plan overrides the allowance
  EXPECT_FALSE(FindOverdue(p, rules, D("2023-12-15")).has_value());
}

TEST(ProjectTest, RampUpCurves) {
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kLinear, 24, -1), 0);
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kLinear, 24, 0), 0);
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kLinear, 24, 6), 0.25);
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kLinear, 24, 24), 1);
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kLinear, 24, 40), 1);
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kSCurve, 24, 12), 0.5);
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kSCurve, 24, 6), 0.15625);  // 3/16 - 2/64
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kStep, 24, 23.9), 0);
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kStep, 24, 24), 1);
  EXPECT_DOUBLE_EQ(RampShare(RampCurve::kLinear, 0, 0), 1);  // no ramp: full at once
}

TEST(ProjectTest, SalesOfTheYearFollowTheRamp) {
  // Production from 2024-01-15, linear over 12 months, 1200 万元 a year at full output: the
  // mid-month points of 2024 are 0, 1, ..., 11 months in, so 2024 makes 1200 x 66/144 = 550.
  Project p = Signed();
  p.ramp_months = 12;
  p.planned[4] = D("2024-01-15");
  p.phases.push_back({1, std::nullopt, std::nullopt, "", 1200, std::nullopt});
  EXPECT_NEAR(SalesInYearTo(p, D("2024-12-31")), 550, 1e-9);
  EXPECT_NEAR(SalesInYearTo(p, D("2025-12-31")), 1200, 1e-9);
  EXPECT_NEAR(SalesInYearTo(p, D("2023-12-31")), 0, 1e-9);
  // A second phase from its own date.
  p.phases.push_back({2, std::nullopt, std::nullopt, "", 2400, D("2025-01-15")});
  EXPECT_NEAR(SalesInYearTo(p, D("2025-12-31")), 1200 + 1100, 1e-9);
}

}  // namespace
}  // namespace clusterscope::model

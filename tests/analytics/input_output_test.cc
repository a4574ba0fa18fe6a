// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Input-output against Miller and Blair's two-sector example (Input-Output Analysis, 2nd ed.,
// section 2.3), and the tables it must refuse.
#include "clusterscope/analytics/input_output.h"

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::analytics {
namespace {

InputOutputTable MillerBlair() {
  return {{"agriculture", "manufacturing"}, {{150, 500}, {200, 100}}, {350, 1700}};
}

TEST(InputOutputTest, ReproducesMillerAndBlair) {
  auto io = AnalyseInputOutput(MillerBlair());
  ASSERT_OK(io);
  EXPECT_DOUBLE_EQ(io->output[0], 1000);
  EXPECT_DOUBLE_EQ(io->output[1], 2000);
  EXPECT_NEAR(io->coefficients[0][0], 0.15, 1e-12);
  EXPECT_NEAR(io->coefficients[0][1], 0.25, 1e-12);
  EXPECT_NEAR(io->coefficients[1][0], 0.2, 1e-12);
  EXPECT_NEAR(io->coefficients[1][1], 0.05, 1e-12);
  EXPECT_NEAR(io->leontief_inverse[0][0], 1.25412541, 1e-8);
  EXPECT_NEAR(io->leontief_inverse[0][1], 0.330033, 1e-6);
  EXPECT_NEAR(io->leontief_inverse[1][0], 0.2640264, 1e-7);
  EXPECT_NEAR(io->leontief_inverse[1][1], 1.12211221, 1e-8);
  // Output multipliers: column sums 1.5181518 and 1.4521452.
  EXPECT_NEAR(io->output_multipliers[0], 1.25412541 + 0.2640264, 1e-7);
  EXPECT_NEAR(io->output_multipliers[1], 0.330033 + 1.12211221, 1e-6);
  auto change = OutputChange(*io, {600, 1500});
  ASSERT_OK(change);
  EXPECT_NEAR((*change)[0], 1247.5248, 1e-4);
  EXPECT_NEAR((*change)[1], 1841.5842, 1e-4);
}

TEST(InputOutputTest, LinkagesAndKeySectorsByHand) {
  auto io = AnalyseInputOutput(MillerBlair());
  ASSERT_OK(io);
  // ΣL = 2.9702970; backward = 2 · colsum / ΣL, forward = 2 · rowsum / ΣL.
  const double total = 1.25412541 + 0.330033 + 0.2640264 + 1.12211221;
  EXPECT_NEAR(io->backward_linkage[0], 2 * (1.25412541 + 0.2640264) / total, 1e-6);
  EXPECT_NEAR(io->forward_linkage[0], 2 * (1.25412541 + 0.330033) / total, 1e-6);
  // Agriculture: backward 1.0222 and forward 1.0667 — a key sector; manufacturing neither.
  EXPECT_EQ(io->key_sectors[0], "key");
  EXPECT_EQ(io->key_sectors[1], "none");
  // Ghosh: B = x̂⁻¹Z = [[0.15, 0.5], [0.1, 0.05]]; G = (I − B)⁻¹ by hand: det 0.7575.
  const double g00 = 0.95 / 0.7575, g01 = 0.5 / 0.7575, g10 = 0.1 / 0.7575, g11 = 0.85 / 0.7575;
  const double sum_g = g00 + g01 + g10 + g11;
  EXPECT_NEAR(io->forward_linkage_ghosh[0], 2 * (g00 + g01) / sum_g, 1e-9);
  EXPECT_NEAR(io->forward_linkage_ghosh[1], 2 * (g10 + g11) / sum_g, 1e-9);
}

TEST(InputOutputTest, RefusesBadTablesNamingTheProblem) {
  auto table = MillerBlair();
  table.flows[1].pop_back();
  auto io = AnalyseInputOutput(table);
  ASSERT_FALSE(io);
  EXPECT_NE(io.error().message().find("not square"), std::string::npos);

  table = MillerBlair();
  table.sectors[1] = "agriculture";
  io = AnalyseInputOutput(table);
  ASSERT_FALSE(io);
  EXPECT_NE(io.error().message().find("named twice"), std::string::npos);

  table = MillerBlair();
  table.flows[0][1] = -5;
  io = AnalyseInputOutput(table);
  ASSERT_FALSE(io);
  EXPECT_NE(io.error().message().find("0 or more"), std::string::npos);

  // Every sector's output is used up by the other: I − A has no inverse.
  table = {{"a", "b"}, {{0, 10}, {10, 0}}, {0, 0}};
  io = AnalyseInputOutput(table);
  ASSERT_FALSE(io);
  EXPECT_NE(io.error().message().find("singular"), std::string::npos) << io.error().message();

  table = {{"a", "b"}, {{0, 0}, {0, 5}}, {0, 1}};  // sector a produces nothing
  io = AnalyseInputOutput(table);
  ASSERT_FALSE(io);
  EXPECT_NE(io.error().message().find("no output"), std::string::npos);

  auto good = AnalyseInputOutput(MillerBlair());
  ASSERT_OK(good);
  EXPECT_FALSE(OutputChange(*good, {1, 2, 3}));
}

}  // namespace
}  // namespace clusterscope::analytics

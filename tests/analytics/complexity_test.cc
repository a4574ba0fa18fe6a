// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Complexity worked by hand on a nested 3 x 3 presence matrix (eigenvalue 1/4, eigenvector
// (2, −1, −4)), the solver against a full eigendecomposition, and the edge cases.
#include "clusterscope/analytics/complexity.h"

#include <cmath>
#include <random>

#include "testutil.h"
#include <gtest/gtest.h>

namespace clusterscope::analytics {
namespace {

// A makes x, y, z; B makes x, y; C makes x (presence given directly).
RegionIndustryMatrix Nested() {
  RegionIndustryMatrix m;
  for (const auto& [r, p] :
       {std::pair{"A", "x"}, {"A", "y"}, {"A", "z"}, {"B", "x"}, {"B", "y"}, {"C", "x"}}) {
    EXPECT_OK(m.Add(r, p, 1));
  }
  return m;
}

TEST(ComplexityTest, NestedRegionsByHand) {
  auto c = Complexity(Nested(), {.presence = ComplexityOptions::Presence::kManual});
  ASSERT_OK(c);
  EXPECT_EQ(c->diversity, (std::vector<double>{3, 2, 1}));
  EXPECT_EQ(c->ubiquity, (std::vector<double>{3, 2, 1}));
  // M̃ = D⁻¹ M U⁻¹ Mᵀ has eigenvalues 1, 1/4, 1/9; the second's eigenvector is (2, −1, −4):
  // mean −1, population sd √6, so ECI = (3, 0, −3) / √6.
  EXPECT_NEAR(c->eigenvalue, 0.25, 1e-12);
  const double s6 = std::sqrt(6.0);
  EXPECT_NEAR(*c->eci[0], 3 / s6, 1e-9);
  EXPECT_NEAR(*c->eci[1], 0, 1e-9);
  EXPECT_NEAR(*c->eci[2], -3 / s6, 1e-9);
  // kp = U⁻¹ Mᵀ kc / λ = (−4, 2, 8), standardised with ECI's mean and sd.
  EXPECT_NEAR(*c->pci[0], -3 / s6, 1e-9);
  EXPECT_NEAR(*c->pci[1], 3 / s6, 1e-9);
  EXPECT_NEAR(*c->pci[2], 9 / s6, 1e-9);
  // A region's ECI is the mean PCI of its industries.
  EXPECT_NEAR((*c->pci[0] + *c->pci[1] + *c->pci[2]) / 3, *c->eci[0], 1e-9);
  EXPECT_NEAR((*c->pci[0] + *c->pci[1]) / 2, *c->eci[1], 1e-9);
  // Proximity: C = MᵀM over the larger ubiquity.
  ASSERT_EQ(c->proximity.size(), 3u);
  EXPECT_NEAR(c->proximity[0].phi, 2.0 / 3, 1e-12);  // x, y
  EXPECT_NEAR(c->proximity[1].phi, 1.0 / 3, 1e-12);  // x, z
  EXPECT_NEAR(c->proximity[2].phi, 1.0 / 2, 1e-12);  // y, z
  // C's density in y: φ_yx / (φ_yx + φ_yy + φ_yz) = (2/3) / (13/6); in z: (1/3) / (11/6).
  EXPECT_NEAR(c->density[2 * 3 + 1], 4.0 / 13, 1e-12);
  EXPECT_NEAR(c->density[2 * 3 + 2], 2.0 / 11, 1e-12);
  EXPECT_NEAR(c->density[2 * 3 + 0], 1.0 / (1 + 2.0 / 3 + 1.0 / 3), 1e-12);
  const double pci_y = 3 / s6, pci_z = 9 / s6;
  EXPECT_NEAR(*c->coi[2], 4.0 / 13 * pci_y + 2.0 / 11 * pci_z, 1e-9);
  EXPECT_NEAR(*c->coi[0], 0, 1e-12);  // A has everything
  // C's gain from y: what y and z (both absent) bring through their proximity to y.
  EXPECT_NEAR(c->cog[2 * 3 + 1], 1 * pci_y / (13.0 / 6) + 0.5 * pci_z / (11.0 / 6), 1e-9);
  EXPECT_DOUBLE_EQ(c->cog[2 * 3 + 0], 0);  // present: no gain
}

// A chain link's industries for region C of the nested case, with x, y, z as classes 3811,
// 3812 and 3821: those it lacks first, by density (y 4/13 before z 2/11), then what it has.
TEST(ComplexityTest, RelatedIndustriesOfALinkRankByDensityThenGain) {
  RegionIndustryMatrix m;
  for (const auto& [r, p] : {std::pair{"A", "3811"},
                             {"A", "3812"},
                             {"A", "3821"},
                             {"B", "3811"},
                             {"B", "3812"},
                             {"C", "3811"}}) {
    ASSERT_OK(m.Add(r, p, 1));
  }
  auto c = Complexity(m, {.presence = ComplexityOptions::Presence::kManual});
  ASSERT_OK(c);
  auto related = RelatedIndustries(m, *c, 2, {"38"}, 0);
  ASSERT_EQ(related.size(), 3u);
  EXPECT_EQ(related[0].industry, "3812");
  EXPECT_NEAR(related[0].density, 4.0 / 13, 1e-12);
  EXPECT_FALSE(related[0].present);
  EXPECT_EQ(related[1].industry, "3821");
  EXPECT_NEAR(related[1].density, 2.0 / 11, 1e-12);
  EXPECT_EQ(related[2].industry, "3811");
  EXPECT_TRUE(related[2].present);
  EXPECT_DOUBLE_EQ(related[2].cog, 0);
  // A group code takes its classes only; a limit cuts the list.
  related = RelatedIndustries(m, *c, 2, {"381"}, 1);
  ASSERT_EQ(related.size(), 1u);
  EXPECT_EQ(related[0].industry, "3812");
  // A division-level matrix answers for a link's class.
  RegionIndustryMatrix divisions;
  ASSERT_OK(divisions.Add("A", "38", 1));
  ASSERT_OK(divisions.Add("A", "13", 1));
  ASSERT_OK(divisions.Add("B", "13", 1));
  auto d = Complexity(divisions, {.presence = ComplexityOptions::Presence::kManual});
  ASSERT_OK(d);
  related = RelatedIndustries(divisions, *d, 1, {"3841", "3842"}, 0);
  ASSERT_EQ(related.size(), 1u);
  EXPECT_EQ(related[0].industry, "38");
  EXPECT_FALSE(related[0].present);
}

// An industry present nowhere takes no part: every other figure is as without it, in its own
// column, and its own are 0 or undefined.
TEST(ComplexityTest, AnIndustryPresentNowhereChangesNothing) {
  RegionIndustryMatrix with;
  with.AddIndustry("v");  // first, so that every other column moves by one
  for (const auto& [r, p] :
       {std::pair{"A", "x"}, {"A", "y"}, {"A", "z"}, {"B", "x"}, {"B", "y"}, {"C", "x"}}) {
    ASSERT_OK(with.Add(r, p, 1));
  }
  const ComplexityOptions manual{.presence = ComplexityOptions::Presence::kManual};
  auto a = Complexity(with, manual);
  auto b = Complexity(Nested(), manual);
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_FALSE(a->pci[0].has_value());
  for (std::size_t r = 0; r < 3; ++r) {
    EXPECT_NEAR(*a->eci[r], *b->eci[r], 1e-12);
    EXPECT_NEAR(*a->coi[r], *b->coi[r], 1e-12);
    EXPECT_DOUBLE_EQ(a->density[r * 4], 0);
    EXPECT_DOUBLE_EQ(a->cog[r * 4], 0);
    for (std::size_t p = 0; p < 3; ++p) {
      EXPECT_NEAR(a->density[r * 4 + p + 1], b->density[r * 3 + p], 1e-12) << r << " " << p;
      EXPECT_NEAR(a->cog[r * 4 + p + 1], b->cog[r * 3 + p], 1e-12) << r << " " << p;
    }
  }
}

TEST(ComplexityTest, PresenceFromRcaCountsTheThresholdItself) {
  RegionIndustryMatrix m;
  // A/x: (50/100) / (100/200) = 1 exactly: present (RCA >= 1).
  ASSERT_OK(m.Add("A", "x", 50));
  ASSERT_OK(m.Add("A", "y", 50));
  ASSERT_OK(m.Add("B", "x", 50));
  ASSERT_OK(m.Add("B", "y", 10));
  ASSERT_OK(m.Add("B", "z", 40));
  m.AddRegion("E");  // a region with nothing: diversity 0, ECI undefined
  auto c = Complexity(m);
  ASSERT_OK(c);
  EXPECT_NEAR(*c->rca[0], 1.0, 1e-15);
  EXPECT_EQ(c->presence[0], 1);
  EXPECT_EQ(c->diversity[2], 0);
  EXPECT_FALSE(c->eci[2].has_value());
  EXPECT_FALSE(c->rca[2 * 3].has_value());  // E has no total
  EXPECT_EQ(Complexity(m, {.rca_threshold = 0}).error().code(), Status::Code::kInvalidArgument);
  RegionIndustryMatrix empty;
  empty.AddRegion("A");
  empty.AddIndustry("x");
  EXPECT_EQ(Complexity(empty).error().code(), Status::Code::kInvalidArgument);
}

// The Lanczos solver (two eigenvectors of the sparse operator) gives the dense
// decomposition's second eigenvector on a random sparse matrix.
TEST(ComplexityTest, TheSparseSolverAgreesWithTheDenseOne) {
  std::mt19937 random(2349);
  std::bernoulli_distribution present(0.12);
  const std::size_t regions = 300, industries = 80;
  std::vector<std::vector<std::size_t>> rows(regions);
  for (auto& row : rows) {
    for (std::size_t p = 0; p < industries; ++p) {
      if (present(random)) row.push_back(p);
    }
    if (row.empty()) row.push_back(random() % industries);
  }
  auto sparse = detail::SecondEigenvector(rows, industries, false);
  auto dense = detail::SecondEigenvector(rows, industries, true);
  ASSERT_OK(sparse);
  ASSERT_OK(dense);
  EXPECT_NEAR(sparse->value, dense->value, 1e-9);
  // Equal up to sign: compare through their dot product over their norms.
  double dot = 0, a = 0, b = 0;
  for (std::size_t i = 0; i < regions; ++i) {
    dot += sparse->vector[i] * dense->vector[i];
    a += sparse->vector[i] * sparse->vector[i];
    b += dense->vector[i] * dense->vector[i];
  }
  EXPECT_NEAR(std::abs(dot) / std::sqrt(a * b), 1.0, 1e-8);
}

}  // namespace
}  // namespace clusterscope::analytics

// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/disclosure/protect.h"

#include <random>
#include <set>

#include <gtest/gtest.h>

#include "clusterscope/disclosure/attacker.h"

namespace clusterscope::disclosure {
namespace {

// Cells as sums of members with the members' values; one atom per member unless cells merge
// them.
struct Built {
  LinearTable table;
  std::vector<double> cost;
};
Built Build(const std::vector<double>& member_values,
            const std::vector<std::vector<std::uint32_t>>& cell_members) {
  const Atoms atoms = MakeAtoms(member_values.size(), cell_members);
  Built out;
  out.table.atoms = atoms.count;
  out.table.cells = atoms.cells;
  out.table.atom_values.assign(atoms.count, 0);
  for (std::size_t m = 0; m < member_values.size(); ++m) {
    if (atoms.atom_of[m] >= 0) {
      out.table.atom_values[static_cast<std::size_t>(atoms.atom_of[m])] += member_values[m];
    }
  }
  for (const auto& members : cell_members) {
    double sum = 0;
    for (const auto m : members) sum += member_values[m];
    out.table.values.push_back(sum);
    out.cost.push_back(sum);
  }
  return out;
}

TEST(AtomsTest, MembersInTheSameCellsAreOneAtom) {
  // Members 0 and 1 are in cells 0 and 1; member 2 only in cell 0; member 3 in none.
  const Atoms atoms = MakeAtoms(4, {{0, 1, 2}, {0, 1}});
  EXPECT_EQ(atoms.count, 2U);
  EXPECT_EQ(atoms.atom_of[0], atoms.atom_of[1]);
  EXPECT_NE(atoms.atom_of[0], atoms.atom_of[2]);
  EXPECT_EQ(atoms.atom_of[3], -1);
  EXPECT_EQ(atoms.cells[0].size(), 2U);
  EXPECT_EQ(atoms.cells[1].size(), 1U);
}

TEST(AttackerTest, BoundsAWithheldCellByItsPublishedNeighbours) {
  // total = a + b + c = 100, a + b = 70 (cell 1), c = 30 (cell 2), a = 20 (cell 3), b = 50.
  const Built b = Build({20, 50, 30}, {{0, 1, 2}, {0, 1}, {2}, {0}});
  Attacker attacker(b.table);
  attacker.Withhold(3);
  const auto interval = attacker.Bounds(3);
  ASSERT_TRUE(interval);
  EXPECT_NEAR(interval->low, 0, 1e-9);    // b may hold all of 70
  EXPECT_NEAR(interval->high, 70, 1e-9);  // or none of it
  // Cell 1 holds the bound from above (cell 0 with cell 2 too; either widens it once withheld).
  const auto binding = attacker.Binding(Side::kHigh);
  EXPECT_FALSE(binding.empty());
  attacker.Withhold(1);
  attacker.Withhold(0);
  EXPECT_EQ(attacker.Bounds(3)->high, kUnbounded);
}

TEST(AttackerTest, ARowLessItsPartIsTheSameSystemAsCellsAreWithheld) {
  // Nested cells, as a year to date and the months before: A = a + b + c = 6 holds B = a + b = 3,
  // which holds C = a = 1; D = b = 2 is withheld. The attacker's rows are A - B and B - C, yet
  // D comes back exactly while B and C are published, and both are what binds it.
  const Built b = Build({1, 2, 3}, {{0, 1, 2}, {0, 1}, {0}, {1}});
  Attacker attacker(b.table, {false, false, false, true});
  auto d = attacker.Bounds(3);
  ASSERT_TRUE(d);
  EXPECT_NEAR(d->low, 2, 1e-9);
  EXPECT_NEAR(d->high, 2, 1e-9);
  const auto binding = attacker.Binding(Side::kHigh);
  EXPECT_EQ(std::set<std::size_t>(binding.begin(), binding.end()), (std::set<std::size_t>{1, 2}));
  // B withheld: A's row takes away C instead, so b + c = 5 and b is anywhere in [0, 5].
  attacker.Withhold(1);
  d = attacker.Bounds(3);
  ASSERT_TRUE(d);
  EXPECT_NEAR(d->low, 0, 1e-9);
  EXPECT_NEAR(d->high, 5, 1e-9);
  // C withheld too: A alone, b + a + c = 6.
  attacker.Withhold(2);
  EXPECT_NEAR(attacker.Bounds(3)->high, 6, 1e-9);
}

TEST(AttackerTest, AFloorLessItsPartStillFloorsTheCell) {
  // January's year to date J = a = 10 published; February's A = a + b = 15 withheld, floored at
  // 10 (January's figure), with February's month M = b = 5 withheld too. A's row is A - J >= 0.
  Built b = Build({10, 5}, {{0}, {0, 1}, {1}});
  b.table.floors = {-kUnbounded, 10, -kUnbounded};
  Attacker attacker(b.table, {false, true, true});
  auto a = attacker.Bounds(1);
  ASSERT_TRUE(a);
  EXPECT_NEAR(a->low, 10, 1e-9);
  EXPECT_EQ(a->high, kUnbounded);
  // J withheld too: A's row is whole again, and still at least 10.
  attacker.Withhold(0);
  a = attacker.Bounds(1);
  ASSERT_TRUE(a);
  EXPECT_NEAR(a->low, 10, 1e-9);
  EXPECT_NEAR(attacker.Bounds(2)->low, 0, 1e-9);
}

TEST(AttackerTest, ProfitMayBeNegativeSoOnlyExactFiguresAreBounded) {
  Built b = Build({-20, 50, 30}, {{0, 1, 2}, {0, 1}, {2}, {0}});
  b.table.non_negative = false;
  Attacker attacker(b.table);
  attacker.Withhold(3);
  const auto interval = attacker.Bounds(3);
  ASSERT_TRUE(interval);
  EXPECT_EQ(interval->low, -kUnbounded);
  EXPECT_EQ(interval->high, kUnbounded);
  attacker.Withhold(2);  // c withheld too: c = total - (a + b) all the same
  EXPECT_NEAR(attacker.Bounds(2)->high, 30, 1e-9);
  EXPECT_NEAR(attacker.Bounds(2)->low, 30, 1e-9);
}

// Where values may be negative, the audit tells a fixed cell from a free one by one direction
// of the null space, without the solver: on random tables (members sharing their published
// cells, so atoms that only the withheld cells tell apart) it must say what the solver says.
TEST(AttackerTest, TheNullSpaceShortcutAgreesWithTheSolver) {
  std::mt19937 random(2349);
  std::size_t pinned_cells = 0;
  std::size_t free_cells = 0;
  for (int round = 0; round < 25; ++round) {
    std::vector<double> values;
    for (int m = 0; m < 20; ++m)
      values.push_back(std::uniform_real_distribution(-50.0, 80.0)(random));
    std::vector<std::vector<std::uint32_t>> cells;
    for (int c = 0; c < 30; ++c) {
      auto& cell = cells.emplace_back();
      for (std::uint32_t m = 0; m < values.size(); ++m) {
        if (std::bernoulli_distribution(0.2)(random)) cell.push_back(m);
      }
      if (cell.empty()) cell.push_back(static_cast<std::uint32_t>(c) % 20);
    }
    Built b = Build(values, cells);
    b.table.non_negative = false;
    std::vector<Reason> reasons(cells.size(), Reason::kNone);
    Attacker attacker(b.table);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (std::bernoulli_distribution(0.25)(random)) {
        reasons[c] = Reason::kPrimary;
        attacker.Withhold(c);
      }
    }
    std::set<std::size_t> exposed;
    for (const auto& f : Audit(b.table, reasons, {})) exposed.insert(f.cell);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (reasons[c] == Reason::kNone) continue;
      const auto interval = attacker.Bounds(c);
      ASSERT_TRUE(interval);
      const bool pinned = interval->high - interval->low < 1e-6;
      EXPECT_EQ(exposed.count(c) != 0, pinned) << "round " << round << " cell " << c;
      ++(pinned ? pinned_cells : free_cells);
    }
  }
  EXPECT_GT(pinned_cells, 10U);  // both answers were put to the test
  EXPECT_GT(free_cells, 10U);
}

// The trap of the issue: a sector made of divisions 07, 44 and 45, division 07 withheld and the
// sector and the other two shown gives 07 = ENERGY - 44 - 45, although each hierarchy alone has
// two withheld cells or none.
TEST(ProtectTest, ASectorMadeOfDivisionsIsOneSystem) {
  // Members: 0 (division 07: one enterprise), 1-3 (44), 4-6 (45), 7-9 (division X), 10-12 (Y).
  const std::vector<double> values{10, 20, 15, 15, 20, 20, 20, 60, 70, 70, 100, 100, 100};
  enum Cell { kTotal, kEnergy, kOther, k07, k44, k45, kX, kY };
  const Built b = Build(values, {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                                 {0, 1, 2, 3, 4, 5, 6},
                                 {7, 8, 9, 10, 11, 12},
                                 {0},
                                 {1, 2, 3},
                                 {4, 5, 6},
                                 {7, 8, 9},
                                 {10, 11, 12}});
  std::vector<Reason> reasons(b.table.cells.size(), Reason::kNone);
  reasons[k07] = Reason::kPrimary;
  const ProtectionOptions options;
  // Left as it was, 07 comes back exactly.
  const auto before = Audit(b.table, reasons, options);
  ASSERT_EQ(before.size(), 1U);
  EXPECT_NEAR(before[0].interval.low, 10, 1e-9);
  EXPECT_NEAR(before[0].interval.high, 10, 1e-9);
  Protect(b.table, reasons, b.cost, options);
  // The cheapest complement every bound rests on is division 44 (50): 07 + 44 = 60 leaves 07
  // anywhere in [0, 60] and 44 in [0, 60].
  std::vector<Reason> expected(b.table.cells.size(), Reason::kNone);
  expected[k07] = Reason::kPrimary;
  expected[k44] = Reason::kSecondary;
  EXPECT_EQ(reasons, expected);
  EXPECT_TRUE(Audit(b.table, reasons, options).empty());
  // The same without the shortcuts: every interval from the solver.
  LinearTable solver_only = b.table;
  solver_only.atom_values.clear();
  std::vector<Reason> again(b.table.cells.size(), Reason::kNone);
  again[k07] = Reason::kPrimary;
  Protect(solver_only, again, b.cost, options);
  EXPECT_EQ(again, expected);
}

// Atoms that the same published cells hold can trade value: the shortcut's interval is one the
// attacker cannot narrow, and it agrees with the solver's.
TEST(ProtectTest, TheShortcutNeverClaimsMoreThanTheSolverFinds) {
  // Members 0 and 1 are in the total and in cell 1 (withheld); 2 only in the total; 3 in cell 2.
  const Built b = Build({30, 10, 40, 20}, {{0, 1, 2, 3}, {0}, {3}, {1, 3}});
  std::vector<Reason> reasons(4, Reason::kNone);
  reasons[1] = Reason::kPrimary;
  Attacker attacker(b.table);
  attacker.Withhold(1);
  const auto solved = attacker.Bounds(1);
  ASSERT_TRUE(solved);
  // Published: total 100, {3} 20, {1, 3} 30: so 1 = 10 and 0 + 2 = 70: 0 lies in [0, 70].
  EXPECT_NEAR(solved->low, 0, 1e-9);
  EXPECT_NEAR(solved->high, 70, 1e-9);
  EXPECT_TRUE(Audit(b.table, reasons, {}).empty());
}

TEST(ProtectTest, CellsOfTheSameAtomsShareOneFate) {
  // Cluster F2 is division 27: one withheld withholds the other without a solve.
  const Built b = Build({5, 50, 60, 70}, {{0, 1, 2, 3}, {0}, {0}, {1, 2, 3}});
  std::vector<Reason> reasons(4, Reason::kNone);
  reasons[1] = Reason::kPrimary;
  Protect(b.table, reasons, b.cost, {});
  EXPECT_EQ(reasons[2], Reason::kSameAs);
  EXPECT_TRUE(Audit(b.table, reasons, {}).empty());
}

TEST(ProtectTest, AComplementTooSmallToProtectIsJoinedByAnother) {
  // total 100 = a 40 + b 1 + c 59, a withheld: b alone as complement leaves a in [40, 41].
  const Built b = Build({40, 1, 59}, {{0, 1, 2}, {0}, {1}, {2}});
  std::vector<Reason> reasons(4, Reason::kNone);
  reasons[1] = Reason::kPrimary;
  Protect(b.table, reasons, b.cost, {});
  EXPECT_EQ(reasons[2], Reason::kSecondary);
  EXPECT_EQ(reasons[3], Reason::kSecondary);  // then c, since a + b = 41 keeps a below 46
  EXPECT_TRUE(Audit(b.table, reasons, {}).empty());
}

TEST(ProtectTest, TheAuditReportsWhatIsLeftExposed) {
  const Built b = Build({40, 1, 59}, {{0, 1, 2}, {0}, {1}, {2}});
  std::vector<Reason> reasons(4, Reason::kNone);
  reasons[1] = Reason::kPrimary;
  reasons[2] = Reason::kSecondary;
  const auto findings = Audit(b.table, reasons, {});
  // a + b = 41: a (40) is anywhere in [0, 41], short of 46 above; b (1) is protected.
  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].cell, 1U);
  EXPECT_NEAR(findings[0].interval.low, 0, 1e-9);
  EXPECT_NEAR(findings[0].interval.high, 41, 1e-9);
}

TEST(ProtectTest, AFloorIsKnownAndWhatGrewSinceIsProtected) {
  // total = a + b + c = 100 with a = 20, b = 50, c = 30; cells: total, a, b, c. Last month's a
  // was published at 18: this month's a is at least that, withheld or not.
  Built b = Build({20, 50, 30}, {{0, 1, 2}, {0}, {1}, {2}});
  b.table.floors = {-kUnbounded, 18, -kUnbounded, -kUnbounded};
  Attacker attacker(b.table);
  attacker.Withhold(1);
  attacker.Withhold(2);
  const auto interval = attacker.Bounds(1);
  ASSERT_TRUE(interval);
  EXPECT_NEAR(interval->low, 18, 1e-9);  // the floor holds it, though 0 would fit the rest
  EXPECT_NEAR(interval->high, 70, 1e-9);

  // What is protected is a's growth since the floor (2): control withholds the cheapest
  // complement, not the total, and the audit finds nothing.
  std::vector<Reason> reasons{Reason::kNone, Reason::kPrimary, Reason::kNone, Reason::kNone};
  Protect(b.table, reasons, b.cost, {});
  EXPECT_EQ(reasons[0], Reason::kNone);
  EXPECT_EQ(reasons[3], Reason::kSecondary);  // c, the cheapest complement
  EXPECT_TRUE(Audit(b.table, reasons, {}).empty());

  // With the floor below the line (10 < 17), 15 % of a itself is protected: a + c = 50 leaves a
  // in [10, 50].
  b.table.floors[1] = 10;
  EXPECT_TRUE(Audit(b.table, reasons, {}).empty());
}

TEST(ProtectTest, AnInsidersFloorIsLessTheirShareOfItThen) {
  // total = a + b + c with a = 50 the insider's own (known), b = 68, c = 2; b is published. Last
  // month's total was published at 100, of which a was 35 then: the insider knew the rest (now
  // 70) was 65 then, so what is protected is its growth since, 5: the rest must be able to lie
  // below 70 - 0.75, and b's 68 leaves it anywhere from 68 up.
  Built b = Build({50, 68, 2}, {{0, 1, 2}, {1}, {0}});
  b.table.known = {{b.table.cells[2].front(), 50}};  // a's own cell tells its atom
  b.table.floors = {100, -kUnbounded, -kUnbounded};
  b.table.floor_known = {35, 0, 0};
  const std::vector<Reason> reasons{Reason::kPrimary, Reason::kNone, Reason::kPrimary};
  EXPECT_TRUE(Audit(b.table, reasons, {}).empty());
  // Taken as a's share now (50), the floor would make the rest's growth 20 and ask for the
  // rest to lie below 67: b's 68 would look like a narrowing.
  b.table.floor_known = {50, 0, 0};
  EXPECT_EQ(Audit(b.table, reasons, {}).size(), 1U);
}

TEST(ProtectTest, ABoundThatRestsOnFixedCellsWithholdsNothingElse) {
  // a + b is an earlier month's published total and b its published part, both fixed: a is
  // pinned whatever this month withholds, so the neighbour {a, d} stays published (the audit
  // tells), where withholding it would lose a figure and save nothing.
  const Built b = Build({40, 60, 30}, {{0, 1}, {1}, {0}, {0, 2}});
  std::vector<Reason> reasons{Reason::kNone, Reason::kNone, Reason::kPrimary, Reason::kNone};
  std::vector<double> cost = b.cost;
  cost[0] = cost[1] = kUnbounded;
  Protect(b.table, reasons, cost, {});
  EXPECT_EQ(reasons[3], Reason::kNone);
  EXPECT_EQ(reasons[0], Reason::kNone);
  EXPECT_EQ(Audit(b.table, reasons, {}).size(), 1U);
  // Were the part this month's, it would be the complement.
  cost[1] = b.cost[1];
  Protect(b.table, reasons, cost, {});
  EXPECT_EQ(reasons[1], Reason::kSecondary);
  EXPECT_TRUE(Audit(b.table, reasons, {}).empty());
}

}  // namespace
}  // namespace clusterscope::disclosure

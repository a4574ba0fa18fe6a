// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Specialisation and concentration (docs/analytics.md names each convention). An undefined
// figure (a zero total, a log of zero) is nullopt, never 0. Pure.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "clusterscope/analytics/matrix.h"

namespace clusterscope::analytics {

// (x_rj / x_r.) / (x_.j / x..); undefined where x_r., x_.j or x.. is 0.
std::optional<double> LocationQuotient(double x_rj, double x_r, double x_j, double x);
// Every region x industry cell, row-major (region * industries + industry).
std::vector<std::optional<double>> LocationQuotients(const RegionIndustryMatrix& matrix);

// Σ_i |a_i/Σa − b_i/Σb| over two distributions of the same items (0 to 2); undefined when a
// total is 0 or the lengths differ.
std::optional<double> Krugman(std::span<const double> a, std::span<const double> b);
// Half of Krugman's sum: the share that would have to move for the two to match (0 to 1).
std::optional<double> Hoover(std::span<const double> a, std::span<const double> b);
// A region's industries against the nation's (all regions summed): Krugman specialisation.
std::optional<double> KrugmanSpecialisation(const RegionIndustryMatrix& matrix, std::size_t region);
// An industry's regions against the regions' totals: Hoover's coefficient of localisation.
std::optional<double> HooverLocalisation(const RegionIndustryMatrix& matrix, std::size_t industry);

// Σ s_i² of the shares; undefined for a zero total.
std::optional<double> Herfindahl(std::span<const double> values);
// (H − 1/n) / (1 − 1/n), 0 for equal shares and 1 for one holder; undefined for n < 2.
std::optional<double> HerfindahlNormalised(std::span<const double> values);
// ΣΣ |x_i − x_j| / (2 n² μ); undefined for n = 0 or μ = 0.
std::optional<double> Gini(std::span<const double> values);
// Theil as REAT's theil() (Stoermann 2009): (1/n) Σ ln(μ / x_i), the mean log deviation, GE(0);
// undefined with a value of 0 or less.
std::optional<double> Theil(std::span<const double> values);
// Theil's T, GE(1): (1/n) Σ (x_i/μ) ln(x_i/μ), with 0 ln 0 = 0; undefined for μ = 0.
std::optional<double> TheilT(std::span<const double> values);

// The Litzenberger–Sternberg cluster index of industry i in region j (as REAT's
// litzenberger()): industrial density (e_ij/a_j)/(e_i/a) times industrial stock
// (e_ij/p_j)/(e_i/p), over the relative size of establishments (e_ij/b_ij)/(e_i/b_i).
// e: employment (or output), a: area, p: population, b: number of establishments. Undefined
// where a divisor is 0.
std::optional<double> LitzenbergerSternberg(double e_ij, double e_i, double a_j, double a,
                                            double p_j, double p, double b_ij, double b_i);

// The Ellison–Glaeser agglomeration index of an industry (1997):
//   γ = (G − (1 − Σx_r²) H) / ((1 − Σx_r²)(1 − H)),
// G = Σ_r (s_r − x_r)², s_r the region's share of the industry, x_r its share of all
// industries, H the Herfindahl of the industry's plants. 0: as if plants fell like darts;
// above 0: agglomerated. Undefined for a zero total, a single region holding everything
// (Σx² = 1) or a single plant (H = 1).
std::optional<double> EllisonGlaeser(std::span<const double> industry_by_region,
                                     std::span<const double> total_by_region,
                                     std::span<const double> plant_sizes);

}  // namespace clusterscope::analytics

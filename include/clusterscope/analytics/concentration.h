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

}  // namespace clusterscope::analytics

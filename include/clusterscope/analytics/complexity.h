// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Relatedness and economic complexity of a region x industry matrix (docs/analytics.md):
// revealed comparative advantage and presence, diversity and ubiquity, proximity, density, the
// economic and product complexity indices by the eigenvector method (the py-ecomplexity
// conventions), the complexity outlook index and gain. Pure; Eigen and Spectra inside.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clusterscope/analytics/matrix.h"

namespace clusterscope::analytics {

struct ComplexityOptions {
  // kRca: presence where RCA (the location quotient) >= threshold; kManual: the matrix gives
  // presence itself (a value above 0 is present).
  enum class Presence { kRca, kManual } presence = Presence::kRca;
  double rca_threshold = 1.0;
  // Whether to list the proximity pairs (ComplexityResult::proximity): a ranking of related
  // industries needs only the density and gain they give.
  bool list_proximity = true;
};

struct ComplexityResult {
  // Per region (the matrix's order).
  std::vector<double> diversity;           // k_r = Σ_p M_rp
  std::vector<std::optional<double>> eci;  // undefined for a region with no industry present
  std::vector<std::optional<double>> coi;  // Σ_p d_rp (1 − M_rp) PCI_p
  // Per industry.
  std::vector<double> ubiquity;            // k_p = Σ_r M_rp
  std::vector<std::optional<double>> pci;  // undefined for an industry present nowhere
  // Per cell, row-major (region * industries + industry).
  std::vector<std::optional<double>> rca;  // the location quotient (kRca), else undefined
  std::vector<std::uint8_t> presence;      // M_rp
  std::vector<double> density;             // Σ_k M_rk φ_pk / Σ_k φ_pk
  std::vector<double> cog;                 // complexity outlook gain (0 where present)
  // Proximity φ = C / max(k_p, k_p'), C = MᵀM, diagonal 1: the pairs a < b with φ > 0.
  struct Proximity {
    std::size_t a = 0;
    std::size_t b = 0;
    double phi = 0;
  };
  std::vector<Proximity> proximity;
  double eigenvalue = 0;  // the second-largest eigenvalue of the region matrix
};

// InvalidArgument for a bad threshold or when nothing is present anywhere.
Result<ComplexityResult> Complexity(const RegionIndustryMatrix& matrix,
                                    const ComplexityOptions& options = {});

// An industry of the matrix beside a chain link's codes, for one region: how close it is to what
// the region already does (density) and how much it would open up (outlook gain).
struct RelatedIndustry {
  std::string industry;
  double density = 0;
  double cog = 0;
  std::optional<double> pci;
  std::optional<double> rca;
  bool present = false;
};
// The matrix's industries under one of `codes` or holding one (GB/T codes, by prefix, so that a
// division-level matrix answers for a class), for `region`: those not present first, then by
// density, outlook gain and code; at most `limit` (0: all).
std::vector<RelatedIndustry> RelatedIndustries(const RegionIndustryMatrix& matrix,
                                               const ComplexityResult& result, std::size_t region,
                                               const std::vector<std::string>& codes,
                                               std::size_t limit);

namespace detail {
// The second eigenvector of S = D^-1/2 M U^-1 Mᵀ D^-1/2 for a 0/1 matrix M given by rows of
// column indices (each row and column non-empty), and its eigenvalue. `dense`: by a full
// eigendecomposition (the check in tests and the benchmark), else by Lanczos (Spectra) on the
// sparse matrix, two eigenvectors only.
struct SecondEigen {
  std::vector<double> vector;
  double value = 0;
};
Result<SecondEigen> SecondEigenvector(const std::vector<std::vector<std::size_t>>& rows,
                                      std::size_t columns, bool dense);
}  // namespace detail

}  // namespace clusterscope::analytics

// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Input-output analysis of a table of intermediate flows (docs/analytics.md): technical
// coefficients, the Leontief inverse, output multipliers, Rasmussen linkages (and the
// Ghosh-based forward linkage), key sectors, and the output change a final-demand change
// brings. Matrices are row-major vectors of vectors. Pure; Eigen in the implementation.
#pragma once

#include <string>
#include <vector>

#include "clusterscope/core/status.h"

namespace clusterscope::analytics {

struct InputOutputTable {
  std::vector<std::string> sectors;
  std::vector<std::vector<double>> flows;  // z_ij: from sector i to sector j
  std::vector<double> final_demand;        // f_i
};

struct InputOutputAnalysis {
  std::vector<double> output;                         // x_i = Σ_j z_ij + f_i
  std::vector<std::vector<double>> coefficients;      // A = Z x̂⁻¹: a_ij = z_ij / x_j
  std::vector<std::vector<double>> leontief_inverse;  // L = (I − A)⁻¹
  std::vector<double> output_multipliers;             // column sums of L
  std::vector<double> backward_linkage;               // n · colsum_j(L) / ΣL (Rasmussen)
  std::vector<double> forward_linkage;                // n · rowsum_i(L) / ΣL (Rasmussen)
  std::vector<double> forward_linkage_ghosh;  // n · rowsum_i(G) / ΣG, G = (I − x̂⁻¹Z)⁻¹
  std::vector<std::string> key_sectors;       // "key" (both > 1), "backward", "forward", "none"
};

// InvalidArgument naming the problem: a table that is not square, a sector named twice, a
// negative or non-finite entry, a sector with no output, or I − A singular.
Result<InputOutputAnalysis> AnalyseInputOutput(const InputOutputTable& table);

// ΔX = L Δf; InvalidArgument if the sizes differ.
Result<std::vector<double>> OutputChange(const InputOutputAnalysis& analysis,
                                         const std::vector<double>& demand_change);

}  // namespace clusterscope::analytics

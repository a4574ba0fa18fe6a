// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/analytics/complexity.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <Spectra/SymEigsSolver.h>
#include <fmt/format.h>

#include "clusterscope/analytics/concentration.h"

namespace clusterscope::analytics {
namespace {

using Eigen::Index;
using Eigen::VectorXd;
using Sparse = Eigen::SparseMatrix<double, Eigen::RowMajor>;
// Row-major dense: a row-major sparse matrix times it reads whole rows, not strided columns.
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Sparse Build(const std::vector<std::vector<std::size_t>>& rows, std::size_t columns) {
  std::vector<Eigen::Triplet<double>> triplets;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t p : rows[r]) {
      triplets.emplace_back(static_cast<Index>(r), static_cast<Index>(p), 1.0);
    }
  }
  Sparse m(static_cast<Index>(rows.size()), static_cast<Index>(columns));
  m.setFromTriplets(triplets.begin(), triplets.end());
  return m;
}

// y = S x with S = D^-1/2 M U^-1 Mᵀ D^-1/2, never formed: two sparse products.
class RegionOperator {
 public:
  using Scalar = double;
  RegionOperator(const Sparse& m, VectorXd region_scale, VectorXd industry_scale)
      : m_(m), region_scale_(std::move(region_scale)), industry_scale_(std::move(industry_scale)) {}
  Index rows() const { return m_.rows(); }
  Index cols() const { return m_.rows(); }
  void perform_op(const double* in, double* out) const {
    const Eigen::Map<const VectorXd> x(in, m_.rows());
    const VectorXd by_industry =
        (m_.transpose() * region_scale_.cwiseProduct(x)).cwiseProduct(industry_scale_);
    Eigen::Map<VectorXd>(out, m_.rows()) = region_scale_.cwiseProduct(m_ * by_industry);
  }

 private:
  const Sparse& m_;
  VectorXd region_scale_;    // k_r^-1/2
  VectorXd industry_scale_;  // k_p^-1
};

double Mean(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double PopulationSd(const std::vector<double>& v, double mean) {
  double sum = 0;
  for (double x : v) sum += (x - mean) * (x - mean);
  return std::sqrt(sum / static_cast<double>(v.size()));
}

double Correlation(const std::vector<double>& a, const std::vector<double>& b) {
  const double ma = Mean(a), mb = Mean(b);
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) * (a[i] - ma);
    bb += (b[i] - mb) * (b[i] - mb);
  }
  return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0;
}

}  // namespace

namespace detail {

Result<SecondEigen> SecondEigenvector(const std::vector<std::vector<std::size_t>>& rows,
                                      std::size_t columns, bool dense) {
  const Sparse m = Build(rows, columns);
  const Index n = m.rows();
  if (n < 2) return Error(Status::InvalidArgument("complexity needs two regions or more"));
  VectorXd region_scale(n);
  for (Index r = 0; r < n; ++r) {
    region_scale(r) = 1 / std::sqrt(static_cast<double>(rows[static_cast<std::size_t>(r)].size()));
  }
  VectorXd ubiquity = VectorXd::Zero(static_cast<Index>(columns));
  for (const auto& row : rows) {
    for (std::size_t p : row) ubiquity(static_cast<Index>(p)) += 1;
  }
  const VectorXd industry_scale = ubiquity.cwiseInverse();
  RegionOperator op(m, region_scale, industry_scale);
  SecondEigen out;
  VectorXd v;
  if (dense || n < 4) {
    // S as a dense matrix and every eigenvector (ascending eigenvalues): the second-largest last
    // but one.
    Eigen::MatrixXd s(n, n);
    for (Index j = 0; j < n; ++j) {
      VectorXd e = VectorXd::Unit(n, j);
      op.perform_op(e.data(), s.col(j).data());
    }
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(s);
    if (solver.info() != Eigen::Success) {
      return Error(Status::Internal("the eigendecomposition did not converge"));
    }
    v = solver.eigenvectors().col(n - 2);
    out.value = solver.eigenvalues()(n - 2);
  } else {
    // Lanczos for the two largest; the first is known (eigenvalue 1, vector k_r^1/2).
    Spectra::SymEigsSolver<RegionOperator> solver(op, 2, std::min<Index>(n, 24));
    solver.init();
    solver.compute(Spectra::SortRule::LargestAlge, 2000, 1e-12);
    if (solver.info() != Spectra::CompInfo::Successful) {
      return Error(Status::Internal("the eigenvector solver did not converge"));
    }
    v = solver.eigenvectors().col(1);
    out.value = solver.eigenvalues()(1);
  }
  // Back to the eigenvector of M̃ = D^-1 M U^-1 Mᵀ: D^-1/2 v.
  v = region_scale.cwiseProduct(v);
  out.vector.assign(v.data(), v.data() + v.size());
  return out;
}

}  // namespace detail

namespace {

// Presence of each industry in each region (by RCA or by any activity), and the diversity and
// ubiquity counts.
void FindPresence(const RegionIndustryMatrix& matrix, const ComplexityOptions& options,
                  ComplexityResult& out) {
  const std::size_t regions = matrix.regions().size();
  const std::size_t industries = matrix.industries().size();
  out.presence.assign(regions * industries, 0);
  out.rca.assign(regions * industries, std::nullopt);
  if (options.presence == ComplexityOptions::Presence::kRca) {
    out.rca = LocationQuotients(matrix);
    for (std::size_t i = 0; i < out.rca.size(); ++i) {
      out.presence[i] = out.rca[i] && *out.rca[i] >= options.rca_threshold ? 1 : 0;
    }
  } else {
    for (const auto& c : matrix.cells()) {
      out.presence[c.region * industries + c.industry] = c.value > 0;
    }
  }
  out.diversity.assign(regions, 0);
  out.ubiquity.assign(industries, 0);
  for (std::size_t r = 0; r < regions; ++r) {
    for (std::size_t p = 0; p < industries; ++p) {
      if (!out.presence[r * industries + p]) continue;
      out.diversity[r] += 1;
      out.ubiquity[p] += 1;
    }
  }
}

// The regions and industries with something present: they take part, the rest stay undefined.
struct Active {
  std::vector<std::size_t> regions, industries;
  std::vector<std::vector<std::size_t>> rows;  // per active region: its industries' slots
};

Active ActiveOf(const ComplexityResult& out, std::size_t regions, std::size_t industries) {
  Active active;
  std::vector<std::size_t> industry_slot(industries, 0);
  for (std::size_t r = 0; r < regions; ++r) {
    if (out.diversity[r] > 0) active.regions.push_back(r);
  }
  for (std::size_t p = 0; p < industries; ++p) {
    if (out.ubiquity[p] > 0) {
      industry_slot[p] = active.industries.size();
      active.industries.push_back(p);
    }
  }
  active.rows.resize(active.regions.size());
  for (std::size_t i = 0; i < active.regions.size(); ++i) {
    for (std::size_t p = 0; p < industries; ++p) {
      if (out.presence[active.regions[i] * industries + p]) {
        active.rows[i].push_back(industry_slot[p]);
      }
    }
  }
  return active;
}

// ECI and PCI from the second eigenvector.
Status ComplexityIndices(const Active& active, std::size_t regions, std::size_t industries,
                         ComplexityResult& out) {
  out.eci.assign(regions, std::nullopt);
  out.pci.assign(industries, std::nullopt);
  auto eigen = detail::SecondEigenvector(active.rows, active.industries.size(), false);
  if (!eigen) return eigen.error();
  out.eigenvalue = eigen->value;
  std::vector<double> kc = eigen->vector;
  // The sign that makes ECI rise with diversity.
  std::vector<double> diversity(active.regions.size());
  for (std::size_t i = 0; i < active.regions.size(); ++i) {
    diversity[i] = out.diversity[active.regions[i]];
  }
  if (Correlation(kc, diversity) < 0) {
    for (double& x : kc) x = -x;
  }
  const double mean = Mean(kc);
  const double sd = PopulationSd(kc, mean);
  // PCI from the same eigenvector: kp = U^-1 Mᵀ kc / λ, the industry matrix's eigenvector with
  // its sign and scale tied to kc, so that a region's ECI is the mean PCI of its industries.
  std::vector<double> kp(active.industries.size(), 0.0);
  for (std::size_t i = 0; i < active.rows.size(); ++i) {
    for (std::size_t slot : active.rows[i]) kp[slot] += kc[i];
  }
  if (sd > 0) {
    for (std::size_t i = 0; i < active.regions.size(); ++i) {
      out.eci[active.regions[i]] = (kc[i] - mean) / sd;
    }
    if (eigen->value > 1e-12) {
      for (std::size_t s = 0; s < active.industries.size(); ++s) {
        const std::size_t p = active.industries[s];
        out.pci[p] = (kp[s] / out.ubiquity[p] / eigen->value - mean) / sd;
      }
    }
  }
  return Status::Ok();
}

// Proximity of the active industries: co-occurrence over the larger ubiquity, diagonal 1. Also
// lists the pairs in the result when asked. The co-occurrences are counted pair by pair over each
// region's industries (Σ diversity² additions, what a sparse MᵀM multiplies too, without its
// assembly).
Eigen::MatrixXd Proximity(const Active& active, bool list, ComplexityResult& out) {
  const auto k = static_cast<Index>(active.industries.size());
  Eigen::MatrixXd phi = Eigen::MatrixXd::Zero(k, k);
  for (const auto& row : active.rows) {  // each row ascending
    for (std::size_t i = 0; i < row.size(); ++i) {
      double* column = phi.col(static_cast<Index>(row[i])).data();
      for (std::size_t j = 0; j <= i; ++j) column[row[j]] += 1;  // the upper triangle
    }
  }
  for (Index b = 0; b < k; ++b) {
    const double ubiquity_b = out.ubiquity[active.industries[static_cast<std::size_t>(b)]];
    for (Index a = 0; a < b; ++a) {
      const double co = phi(a, b);
      if (co == 0) continue;
      const double larger =
          std::max(out.ubiquity[active.industries[static_cast<std::size_t>(a)]], ubiquity_b);
      phi(a, b) = phi(b, a) = co / larger;
    }
    phi(b, b) = 1.0;
  }
  for (Index a = 0; list && a < k; ++a) {
    for (Index b = a + 1; b < k; ++b) {
      if (phi(a, b) == 0) continue;
      out.proximity.push_back({active.industries[static_cast<std::size_t>(a)],
                               active.industries[static_cast<std::size_t>(b)], phi(a, b)});
    }
  }
  return phi;
}

// Density, COI and COG over the active industries (an industry present nowhere has density 0
// and no PCI: it adds nothing), as sparse x dense products over every region.
void DensityAndGain(const Active& active, const Eigen::MatrixXd& phi, std::size_t regions,
                    std::size_t industries, ComplexityResult& out) {
  const auto k = static_cast<Index>(active.industries.size());
  const VectorXd phi_sums = phi.colwise().sum().transpose();
  VectorXd pci_active(k);
  for (Index s = 0; s < k; ++s) {
    pci_active(s) = out.pci[active.industries[static_cast<std::size_t>(s)]].value_or(0);
  }
  // w[p][p'] = φ_pp' PCI_p / Σ φ_p·: what p, if absent, adds to the gain of p'.
  const RowMatrix weighted = phi.array().colwise() * (pci_active.array() / phi_sums.array());
  std::vector<std::vector<std::size_t>> all_rows(regions);
  for (std::size_t i = 0; i < active.regions.size(); ++i) {
    all_rows[active.regions[i]] = active.rows[i];
  }
  const Sparse presence = Build(all_rows, active.industries.size());
  // Written straight into the result (the active industries' columns first, spread out below):
  // fresh pages are the dearest part of this on a virtual machine.
  out.density.assign(regions * industries, 0.0);
  out.cog.assign(regions * industries, 0.0);
  const auto rows_n = static_cast<Index>(regions);
  Eigen::Map<RowMatrix> density(out.density.data(), rows_n, k);
  Eigen::Map<RowMatrix> gain(out.cog.data(), rows_n, k);
  density.noalias() = presence * RowMatrix(phi);  // Σ_k M_rk φ_kp, before dividing
  // Σ_p (1 − M_rp) w_pp' = Σ_p w_pp' − Σ_p M_rp w_pp': the absent industries by subtraction.
  gain.noalias() = presence * weighted;
  const Eigen::RowVectorXd all_absent = weighted.colwise().sum();
  out.coi.assign(regions, std::nullopt);
  std::vector<double> density_row(static_cast<std::size_t>(k)),
      gain_row(static_cast<std::size_t>(k));
  // Last region first: region r's full row ends where compact rows after r begin, so it may be
  // written only once those have been read; compact rows before r lie below r · k.
  for (std::size_t r = regions; r-- > 0;) {
    const auto row = static_cast<Index>(r);
    for (Index s = 0; s < k; ++s) {
      density_row[static_cast<std::size_t>(s)] = density(row, s) / phi_sums(s);
      gain_row[static_cast<std::size_t>(s)] = all_absent(s) - gain(row, s);
    }
    // Spread over all industries, in place.
    double* d = out.density.data() + r * industries;
    double* g = out.cog.data() + r * industries;
    std::fill(d, d + industries, 0.0);
    std::fill(g, g + industries, 0.0);
    double coi = 0;
    for (Index s = 0; s < k; ++s) {
      const std::size_t p = active.industries[static_cast<std::size_t>(s)];
      d[p] = density_row[static_cast<std::size_t>(s)];
      if (out.presence[r * industries + p] != 0) continue;
      g[p] = gain_row[static_cast<std::size_t>(s)];
      coi += d[p] * pci_active(s);
    }
    out.coi[r] = coi;
  }
}

}  // namespace

Result<ComplexityResult> Complexity(const RegionIndustryMatrix& matrix,
                                    const ComplexityOptions& options) {
  if (!(options.rca_threshold > 0) || !std::isfinite(options.rca_threshold)) {
    return Error(Status::InvalidArgument("the RCA threshold must be above 0"));
  }
  const std::size_t regions = matrix.regions().size();
  const std::size_t industries = matrix.industries().size();
  ComplexityResult out;
  FindPresence(matrix, options, out);
  const Active active = ActiveOf(out, regions, industries);
  if (active.regions.empty()) {
    return Error(Status::InvalidArgument("no industry is present in any region"));
  }
  CLUSTERSCOPE_RETURN_IF_ERROR(ComplexityIndices(active, regions, industries, out));
  const Eigen::MatrixXd phi = Proximity(active, options.list_proximity, out);
  DensityAndGain(active, phi, regions, industries, out);
  return out;
}

std::vector<RelatedIndustry> RelatedIndustries(const RegionIndustryMatrix& matrix,
                                               const ComplexityResult& result, std::size_t region,
                                               const std::vector<std::string>& codes,
                                               std::size_t limit) {
  const std::size_t n = matrix.industries().size();
  std::vector<RelatedIndustry> out;
  for (std::size_t j = 0; j < n; ++j) {
    const std::string& industry = matrix.industries()[j];
    const bool related = std::any_of(codes.begin(), codes.end(), [&](const std::string& code) {
      return industry.starts_with(code) || code.starts_with(industry);
    });
    if (!related) continue;
    const std::size_t cell = region * n + j;
    out.push_back({industry, result.density[cell], result.cog[cell], result.pci[j],
                   result.rca[cell], result.presence[cell] != 0});
  }
  std::sort(out.begin(), out.end(), [](const RelatedIndustry& a, const RelatedIndustry& b) {
    if (a.present != b.present) return !a.present;
    if (a.density != b.density) return a.density > b.density;
    if (a.cog != b.cog) return a.cog > b.cog;
    return a.industry < b.industry;
  });
  if (limit != 0 && out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace clusterscope::analytics

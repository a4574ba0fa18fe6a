// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/chains/cultivation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace clusterscope::chains {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

std::optional<double> At(const std::vector<double>* column, std::size_t row) {
  if (column == nullptr || std::isnan((*column)[row])) return std::nullopt;
  return (*column)[row];
}

// A criterion with its figures' columns looked up once for a whole ladder.
struct BoundCriterion {
  const model::Criterion* criterion;
  const std::vector<double>* value;
  const std::vector<double>* band_by;

  BoundCriterion(const model::Criterion& c, const FigureTable& figures)
      : criterion(&c),
        value(figures.Find(c.figure)),
        band_by(c.bands.empty() ? nullptr : figures.Find(c.band_by)) {}
  CriterionResult Test(std::size_t row) const {
    return TestCriterion(*criterion, At(value, row), At(band_by, row));
  }
};

std::vector<BoundCriterion> Bind(const std::vector<model::Criterion>& criteria,
                                 const FigureTable& figures) {
  std::vector<BoundCriterion> out;
  out.reserve(criteria.size());
  for (const auto& c : criteria) out.emplace_back(c, figures);
  return out;
}

}  // namespace

std::size_t FigureTable::AddEnterprise(std::string_view uscc, std::string_view name) {
  usccs_.push_back(uscc);
  names_.push_back(name);
  for (auto& [code, column] : columns_) column.push_back(kMissing);
  return usccs_.size() - 1;
}

std::vector<double>& FigureTable::Column(std::string_view code) {
  auto it = columns_.find(code);
  if (it == columns_.end()) {
    it = columns_.emplace(std::string(code), std::vector<double>(size(), kMissing)).first;
  }
  return it->second;
}

const std::vector<double>* FigureTable::Find(std::string_view code) const {
  const auto it = columns_.find(code);
  return it == columns_.end() ? nullptr : &it->second;
}

std::optional<double> FigureTable::Get(std::size_t row, std::string_view code) const {
  return At(Find(code), row);
}

CriterionResult TestCriterion(const model::Criterion& criterion, std::optional<double> value,
                              std::optional<double> band_value) {
  CriterionResult r;
  r.criterion = &criterion;
  r.min = criterion.min;
  r.max = criterion.max;
  r.value = value;
  if (!criterion.bands.empty()) {
    if (!band_value) return r;  // the band cannot be chosen: not met
    for (const auto& [up_to, min] : criterion.bands) {
      if (!up_to || *band_value <= *up_to) {
        r.min = min;
        break;
      }
    }
  }
  if (!r.value) return r;
  const double v = *r.value;
  r.met = (!r.min || v >= *r.min) && (!r.max || v <= *r.max);
  if (r.met) {
    r.progress = 1;
  } else if (r.min && *r.min > 0 && v < *r.min && (!r.max || v <= *r.max)) {
    r.progress = std::max(0.0, v / *r.min);
  }
  return r;
}

CriterionResult TestCriterion(const model::Criterion& criterion, const FigureTable& figures,
                              std::size_t row) {
  return BoundCriterion(criterion, figures).Test(row);
}

LadderResult EvaluateLadder(const model::Ladder& ladder, const FigureTable& enterprises,
                            std::size_t limit) {
  LadderResult out;
  out.ladder = &ladder;
  const auto population = Bind(ladder.population, enterprises);
  const auto criteria = Bind(ladder.criteria, enterprises);
  // The listed as (row, readiness, ready) first; their criteria are tested again only for the
  // entries kept, so that no vector is made per enterprise.
  struct Listed {
    std::size_t row;
    double readiness;
    bool ready;
  };
  std::vector<Listed> listed;
  for (std::size_t row = 0; row < enterprises.size(); ++row) {
    const bool on_ladder = std::all_of(population.begin(), population.end(),
                                       [&](const BoundCriterion& c) { return c.Test(row).met; });
    if (!on_ladder) continue;
    ++out.population;
    bool ready = true;
    double progress = 0;
    for (const auto& c : criteria) {
      const CriterionResult tested = c.Test(row);
      progress += tested.progress;
      ready = ready && tested.met;
    }
    const double readiness =
        ladder.criteria.empty() ? 0 : progress / static_cast<double>(ladder.criteria.size());
    if (ready) ++out.ready;
    if (ready || readiness >= ladder.list_from) listed.push_back({row, readiness, ready});
  }
  out.listed = listed.size();
  const auto first = [&](const Listed& a, const Listed& b) {
    if (a.ready != b.ready) return a.ready;
    if (a.readiness != b.readiness) return a.readiness > b.readiness;
    return enterprises.uscc(a.row) < enterprises.uscc(b.row);
  };
  const std::size_t kept = limit == 0 ? listed.size() : std::min(limit, listed.size());
  std::partial_sort(listed.begin(), listed.begin() + static_cast<std::ptrdiff_t>(kept),
                    listed.end(), first);
  out.entries.reserve(kept);
  for (std::size_t i = 0; i < kept; ++i) {
    LadderEntry entry{std::string(enterprises.uscc(listed[i].row)),
                      std::string(enterprises.name(listed[i].row)),
                      {},
                      listed[i].readiness,
                      listed[i].ready};
    entry.criteria.reserve(criteria.size());
    for (const auto& c : criteria) entry.criteria.push_back(c.Test(listed[i].row));
    out.entries.push_back(std::move(entry));
  }
  return out;
}

}  // namespace clusterscope::chains

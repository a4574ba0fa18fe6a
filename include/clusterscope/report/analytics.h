// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The regional analytics as JSON (field names are a contract, docs/analytics.md) and as CSV
// (one row per item, labels quoted as RFC 4180). Undefined figures are null in JSON and empty
// cells in CSV. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clusterscope/analytics/agglomeration.h"
#include "clusterscope/analytics/cluster_quotients.h"
#include "clusterscope/analytics/complexity.h"
#include "clusterscope/analytics/input_output.h"
#include "clusterscope/analytics/matrix.h"
#include "clusterscope/analytics/shift_share.h"
#include "clusterscope/report/document.h"
#include "clusterscope/report/monthly_report.h"

namespace clusterscope::report {

// {"lq": [{"region", "industry", "lq"}]}, every region x industry pair.
std::string LocationQuotientJson(const analytics::RegionIndustryMatrix& matrix);
std::string LocationQuotientCsv(const analytics::RegionIndustryMatrix& matrix);

// {"regions": [{"region", "total", "krugman"}], "industries": [{"industry", "total", "hoover",
// "herfindahl", "herfindahl_normalised", "gini", "theil", "theil_t"}]}: each region's
// specialisation, each industry's concentration across the regions.
std::string ConcentrationJson(const analytics::RegionIndustryMatrix& matrix);
std::string ConcentrationCsv(const analytics::RegionIndustryMatrix& matrix);

// {"region", "from", "to", "growth", "national_share", "industry_mix", "regional_share",
// "net_total_shift", "competitive", "allocation", "gerfin": {"industry_mix", "regional_share",
// "net_total_shift"}, "method": "classic" | "dynamic", "industries": [{"industry", ...}]}.
std::string ShiftShareJson(const analytics::ShiftShareResult& result, int from, int to,
                           bool dynamic);
std::string ShiftShareCsv(const analytics::ShiftShareResult& result);

// {"regions": [{"region", "diversity", "eci", "coi"}], "industries": [{"industry", "ubiquity",
// "pci"}], "cells": [{"region", "industry", "rca", "presence", "density", "cog"}],
// "proximity": [{"a", "b", "phi"}]}.
std::string ComplexityJson(const analytics::RegionIndustryMatrix& matrix,
                           const analytics::ComplexityResult& result);
std::string ComplexityCsv(const analytics::RegionIndustryMatrix& matrix,
                          const analytics::ComplexityResult& result);

// {"sectors", "output", "leontief_inverse", "output_multipliers", "backward_linkage",
// "forward_linkage", "key_sectors"}, with "forward_linkage_ghosh" when asked and
// "output_change" when a demand change is given.
std::string InputOutputJson(const analytics::InputOutputTable& table,
                            const analytics::InputOutputAnalysis& analysis, bool ghosh,
                            const std::optional<std::vector<double>>& output_change);
std::string InputOutputCsv(const analytics::InputOutputTable& table,
                           const analytics::InputOutputAnalysis& analysis, bool ghosh,
                           const std::optional<std::vector<double>>& output_change);

// {"year", "period", "by": "town" | "park", "level", "plants", "without_area", "areas",
//  "industries": [{"industry", "name", "plants", "total", "plant_herfindahl",
//                  "ellison_glaeser"}],
//  "cluster_index": [{"area", "industry", "plants", "index"}], "areas_without_facts"}.
struct AgglomerationContext {
  int year = 0;
  std::string period;
  std::string by;
  std::string level;
  std::size_t without_area = 0;
};
std::string AgglomerationJson(const analytics::Agglomeration& result,
                              const AgglomerationContext& context);
// industry,name,plants,total,plant_herfindahl,ellison_glaeser
std::string AgglomerationCsv(const analytics::Agglomeration& result);

// The clusters against a benchmark (analytics::ClusterView):
// {"benchmark", "benchmark_year", "region", "year", "period", "annualised", "level", "regions",
//  "clusters": [{"code", "name", "name_en", "tier", "lq", "region_share", "benchmark_share",
//                "industries", "withheld"}],
//  "split_industries", "outside_clusters",
//  "shift_share": {"from", "to", "note", "total": {components},
//                  "clusters": [{"code", "base", "growth_rate", components}]}}
// with components {"growth", "national_share", "industry_mix", "regional_share",
// "net_total_shift", "competitive", "allocation"}; a withheld cluster's figures are null.
std::string ClusterViewJson(const analytics::ClusterView& view);
// cluster,name,lq,region_share,benchmark_share,growth,national_share,industry_mix,regional_share
std::string ClusterViewCsv(const analytics::ClusterView& view);
// The monthly report's section: each cluster's location quotient and shift-share, in words.
Document ClusterViewDocument(const analytics::ClusterView& view, Language language);

}  // namespace clusterscope::report

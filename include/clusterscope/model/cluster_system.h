// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A ClusterSystem is a region's modern-manufacturing cluster system: tiers, clusters mapped to
// GB/T 4754-2017 classes, parks, further industry groupings (such as the city's sector
// categories), the designation types it tracks, and optionally the parent system its clusters
// roll up into. Plain structs filled by a loader, then checked once with Validate(); immutable
// and safe to share between threads after that.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clusterscope/core/classification.h"
#include "clusterscope/model/designation.h"
#include "clusterscope/model/problem.h"

namespace clusterscope::model {

// Industry classes that belong to a cluster or category: every 4-digit class under one of the
// `include` codes (section letter, 2-, 3- or 4-digit) and under none of the `exclude` codes.
struct ClassMapping {
  std::vector<std::string> include;
  std::vector<std::string> exclude;

  bool Covers(std::string_view class_code) const;
  bool empty() const { return include.empty(); }
};

struct Tier {
  std::string code;
  std::string name_zh;
  std::string name_en;
  std::string scale_class;                      // "千亿级", or empty
  std::optional<double> output_threshold_yuan;  // output a cluster of this tier aims at, yuan
};

struct Cluster {
  std::string code;  // stable: exchanged files and other issues rely on it ("L1", "P3")
  std::string name_zh;
  std::string name_en;
  std::string tier;  // Tier::code
  ClassMapping classes;
  std::string parent_cluster;  // cluster code in the parent system, or empty
  // Classes that serve two clusters: an enterprise of one of them belongs here only when the
  // registry names this cluster for it; otherwise it takes the class's own cluster (`classes`
  // of another cluster, or none). Lightweight car parts (3670) are P3's by class and L2's by
  // enterprise, for example.
  ClassMapping by_enterprise;
};

struct Park {
  std::string code;
  std::string name_zh;
  std::string name_en;
  std::optional<double> land_km2;  // industrial land area, km²; unknown if unset
};

// One category of a further grouping (a sector category such as "materials").
struct Category {
  std::string code;
  std::string name_zh;
  std::string name_en;
  ClassMapping classes;
};

// A further partition (possibly partial) of industry classes, e.g. the city's sector categories.
struct Grouping {
  std::string code;
  std::string name_zh;
  std::string name_en;
  std::vector<Category> categories;

  // The category covering `class_code`, or nullptr.
  const Category* CategoryOf(std::string_view class_code) const;
};

struct ClusterSystem {
  std::string code;  // "fuling-2349"
  std::string name_zh;
  std::string name_en;
  std::string region_code;  // 6-digit administrative division code, "500102"
  std::vector<Tier> tiers;
  std::vector<Cluster> clusters;
  std::vector<Park> parks;
  std::vector<Grouping> groupings;
  std::vector<DesignationType> designation_types;
  // Classes of the high-tech manufacturing list of which only part is high-tech (marked * in
  // 国统字〔2017〕200号): their enterprises count only when the registry flags them.
  std::vector<std::string> high_tech_by_enterprise;
  // The system this one rolls up into (Chongqing's "33618" for Fuling), or null. Shared because
  // it is immutable and every copy of the system may point at it.
  std::shared_ptr<const ClusterSystem> parent;

  const Tier* FindTier(std::string_view tier_code) const;
  const Cluster* FindCluster(std::string_view cluster_code) const;
  const Park* FindPark(std::string_view park_code) const;
  const Grouping* FindGrouping(std::string_view grouping_code) const;
  const DesignationType* FindDesignationType(std::string_view code_or_name) const;
  // The term of a designation type in years (0: none, or an unknown type).
  int DesignationTerm(std::string_view type_code) const {
    const auto* type = FindDesignationType(type_code);
    return type != nullptr ? type->term_years : 0;
  }
  // The cluster whose mapping covers `class_code`, or nullptr. After Validate() at most one does.
  const Cluster* ClusterOfClass(std::string_view class_code) const;
  // True when `cluster_code` may take enterprises of `class_code` by explicit assignment: the
  // class is its own or one of its `by_enterprise` classes.
  bool ClusterMayHoldClass(std::string_view cluster_code, std::string_view class_code) const;
  // The clusters holding any class under `industry_code` (a class, group or division), in system
  // order: none, one, or several for a division split between clusters.
  std::vector<const Cluster*> ClustersUnder(std::string_view industry_code,
                                            const core::IndustryClassification& industries) const;
  std::vector<const Cluster*> ClustersOfTier(std::string_view tier_code) const;

  // Every problem with the system (and its parent): missing or duplicate codes, unknown tiers,
  // unknown or malformed industry codes, a class covered by two clusters (or two categories of
  // one grouping), unknown parent clusters, negative figures, a bad region code.
  std::vector<Problem> Check(const core::IndustryClassification& industries) const;
  Status Validate(const core::IndustryClassification& industries) const;
};

}  // namespace clusterscope::model

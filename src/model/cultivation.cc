// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/cultivation.h"

#include <set>

#include <fmt/format.h>

namespace clusterscope::model {

const std::vector<FigureInfo>& CultivationFigures() {
  static const std::vector<FigureInfo> kFigures = {
      {"above_scale", "当年规上", "above scale this year", ""},
      {"listed", "上市公司", "listed company", ""},
      {"joint_stock", "股份有限公司", "joint-stock company", ""},
      {"age_years", "成立年限", "years since founding", "年"},
      {"revenue_12m", "近12个月营业收入", "revenue of the last 12 months", "万元"},
      {"revenue_last_year", "上年营业收入", "revenue last year", "万元"},
      {"revenue_growth", "上年营业收入增速", "revenue growth last year", "%"},
      {"output_12m", "近12个月工业总产值", "output of the last 12 months", "万元"},
      {"profit_last_year", "上年利润总额", "profit last year", "万元"},
      {"profit_prev_year", "前年利润总额", "profit the year before last", "万元"},
      {"rd_intensity", "上年研发投入强度", "R&D intensity last year", "%"},
      {"rd_intensity_3y", "近三年研发投入强度", "R&D intensity of the last three years", "%"},
      {"new_product_share", "上年新产品收入占比", "new products' share of revenue last year", "%"},
      {"employees", "从业人员", "employees", "人"},
      {"holds:", "持有认定", "holds the designation", ""},
  };
  return kFigures;
}

const FigureInfo* FindFigure(std::string_view code) {
  for (const auto& figure : CultivationFigures()) {
    if (figure.code == code || (figure.code == "holds:" && code.starts_with("holds:"))) {
      return &figure;
    }
  }
  return nullptr;
}

namespace {

void CheckCriterion(const Criterion& c, const ClusterSystem& system, const std::string& key,
                    std::vector<Problem>& problems) {
  const auto known = [&](const std::string& figure, const std::string& at) {
    if (FindFigure(figure) == nullptr) {
      problems.push_back({at, fmt::format("unknown figure '{}'", figure)});
      return false;
    }
    if (figure.starts_with("holds:") && system.FindDesignationType(figure.substr(6)) == nullptr) {
      problems.push_back({at, fmt::format("unknown designation type '{}'", figure.substr(6))});
      return false;
    }
    return true;
  };
  known(c.figure, key + ".figure");
  if (!c.min && !c.max && c.bands.empty()) {
    problems.push_back({key, "give min, max or bands"});
  }
  if (c.min && c.max && *c.min > *c.max) problems.push_back({key + ".max", "is below min"});
  if (!c.bands.empty()) {
    if (c.band_by.empty()) {
      problems.push_back({key + ".band_by", "bands need the figure they depend on"});
    } else {
      known(c.band_by, key + ".band_by");
    }
    if (c.min) problems.push_back({key + ".min", "give either min or bands"});
    for (std::size_t i = 0; i < c.bands.size(); ++i) {
      const bool last = i + 1 == c.bands.size();
      if (!c.bands[i].first && !last) {
        problems.push_back({fmt::format("{}.bands[{}]", key, i), "only the last band may be open"});
      }
      if (i > 0 && c.bands[i].first && c.bands[i - 1].first &&
          *c.bands[i].first <= *c.bands[i - 1].first) {
        problems.push_back({fmt::format("{}.bands[{}].up_to", key, i), "bands must rise"});
      }
    }
  }
}

}  // namespace

std::vector<Problem> CheckLadders(const std::vector<Ladder>& ladders, const ClusterSystem& system,
                                  std::string_view key) {
  std::vector<Problem> problems;
  std::set<std::string> codes;
  for (std::size_t i = 0; i < ladders.size(); ++i) {
    const auto& ladder = ladders[i];
    const std::string at = fmt::format("{}[{}]", key, i);
    if (ladder.code.empty()) problems.push_back({at + ".code", "a ladder needs a code"});
    if (!codes.insert(ladder.code).second) {
      problems.push_back({at + ".code", fmt::format("duplicate ladder '{}'", ladder.code)});
    }
    if (ladder.name_zh.empty()) problems.push_back({at + ".name_zh", "a ladder needs a name"});
    if (ladder.criteria.empty()) problems.push_back({at + ".criteria", "a ladder needs criteria"});
    if (ladder.list_from < 0 || ladder.list_from > 1) {
      problems.push_back({at + ".list_from", "must be between 0 and 1"});
    }
    if (!ladder.goal_designation.empty() &&
        system.FindDesignationType(ladder.goal_designation) == nullptr) {
      problems.push_back({at + ".goal_designation",
                          fmt::format("unknown designation type '{}'", ladder.goal_designation)});
    }
    for (std::size_t c = 0; c < ladder.population.size(); ++c) {
      CheckCriterion(ladder.population[c], system, fmt::format("{}.population[{}]", at, c),
                     problems);
    }
    for (std::size_t c = 0; c < ladder.criteria.size(); ++c) {
      CheckCriterion(ladder.criteria[c], system, fmt::format("{}.criteria[{}]", at, c), problems);
    }
  }
  return problems;
}

}  // namespace clusterscope::model

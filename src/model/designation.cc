// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/model/designation.h"

namespace clusterscope::model {

// Terms as the issuing rules set them (高新技术企业 and 专精特新 certificates run three years,
// 科技型中小企业 is evaluated every year); a system file may set others (`term_years`).
std::vector<DesignationType> DefaultDesignationTypes() {
  return {
      {"smart_factory", "智能工厂", "smart factory"},
      {"digital_workshop", "数字化车间", "digital workshop"},
      {"green_factory", "绿色工厂", "green factory"},
      {"innovation_demo_factory", "创新示范工厂", "innovation demonstration factory"},
      {"high_tech", "高新技术企业", "high-tech enterprise", 3},
      {"sci_tech", "科技型企业", "sci-tech enterprise", 1},
      {"srdi_sme", "专精特新中小企业", "specialised, refined, distinctive and innovative SME", 3},
      {"little_giant", "专精特新“小巨人”企业", "little giant", 3},
      {"single_champion", "制造业单项冠军", "manufacturing single champion", 3},
      {"rd_institution", "有研发机构", "has an R&D institution"},
      {"on_cloud", "上云企业", "on the cloud"},
      {"intelligent_mfg", "智能制造企业", "intelligent-manufacturing enterprise"},
      {"innovative_sme", "创新型中小企业", "innovative SME", 3},
  };
}

}  // namespace clusterscope::model

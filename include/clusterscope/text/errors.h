// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The catalogue's errors that a person meets on the dashboard or the command line: who may not
// see what, what is not loaded yet, a month without statistics (Status::Of keeps both
// languages; the HTTP error body gives the request's). Part of the one catalogue of
// user-facing text (text/README.md).
#pragma once

#include "clusterscope/core/message.h"

namespace clusterscope::text {

inline constexpr core::Message kEnterpriseDataForAnalysts{
    "企业数据仅供分析人员和园区编辑查看", "enterprise data is for analysts and park editors"};
inline constexpr core::Message kCultivationNotForViewers{
    "梯度培育名单列有企业名称：浏览用户不可查看",
    "the cultivation lists name enterprises: not for viewers"};
inline constexpr core::Message kAuditLogForAnalysts{"审计日志仅供管理员和分析人员查看",
                                                    "the audit log is for admins and analysts"};
inline constexpr core::Message kViewersDoNotChange{"浏览用户不能修改企业数据",
                                                   "viewers do not change enterprise data"};
inline constexpr core::Message kAdminsOnly{"仅限管理员", "admins only"};
inline constexpr core::Message kViewersDoNotUpload{"浏览用户不能上报数据", "viewers do not upload"};
inline constexpr core::Message kNotPublished{"企业数据不对外公开",
                                             "enterprise data is not published"};
inline constexpr core::Message kPlantsAreEnterprises{
    "工厂数据属于企业数据：仅供管理员和分析人员",
    "plants are enterprises: for admins and analysts"};
inline constexpr core::Message kNoStatisticsYet{
    "尚无月度统计数据；请用 `import monthly FILE` 导入",
    "there are no monthly statistics yet; import some with `import monthly FILE`"};
inline constexpr core::Message kNoStatisticsForYear{
    "{} 年无月度统计数据：最新月份为 {}", "no monthly statistics for {}: the latest month is {}"};
inline constexpr core::Message kNoTargetPlan{
    "尚未载入目标方案；请用 clusterscope targets load FILE 载入",
    "no target plan is loaded; load one with: clusterscope targets load FILE"};
inline constexpr core::Message kNoChainPlan{
    "尚未载入产业链方案；请用 clusterscope chain load FILE 载入",
    "no chain plan is loaded; load one with: clusterscope chain load FILE"};
inline constexpr core::Message kNoAnalyticsPlan{
    "尚未载入分析方案；请用 clusterscope analyze load FILE 载入",
    "no analytics plan is loaded; load one with: clusterscope analyze load FILE"};
inline constexpr core::Message kNoInputOutputTable{
    "尚无投入产出表；请用 clusterscope import io FILE 导入",
    "no input-output table is held; import one with: clusterscope import io FILE"};

}  // namespace clusterscope::text

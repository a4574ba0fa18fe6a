// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The catalogue's messages about an investment project's own rules (model::Project::Check) and
// its moves through the pipeline (model::CheckMove): an upload, `project move` and the
// dashboard say them in the reader's language. Part of the one catalogue of user-facing text
// (text/README.md).
#pragma once

#include "clusterscope/core/message.h"

namespace clusterscope::text {

inline constexpr core::Message kMustBeZeroTo120Months{"应为 0 到 120 个月",
                                                      "must be 0 to 120 months"};
inline constexpr core::Message kPhasesInOrder{"期次应按 1、2……依次编号（此处应为 {}）",
                                              "phases must be numbered 1, 2, ... in order "
                                              "(expected {})"};
inline constexpr core::Message kCapacityWithoutUnit{
    "产能须注明单位，如 GWh/年、km/年、吨/年",
    "a capacity needs its unit, e.g. GWh/年, km/年, 吨/年"};
inline constexpr core::Message kUnitWithoutCapacity{"有产能单位而无产能",
                                                    "a capacity unit without a capacity"};
inline constexpr core::Message kPhasesAboveTotal{
    "各期投资合计 {:.0f} 万元，超过总投资 {:.0f} 万元",
    "the phases invest {:.0f} 万元, more than the total {:.0f}"};
inline constexpr core::Message kNotReachedYet{"项目处于 {}（{}）阶段，尚未到达 {}",
                                              "the project is at {} ({}); it has not reached {} "
                                              "yet"};
inline constexpr core::Message kStageDateMissing{"缺少项目到达当前阶段 {} 的日期",
                                                 "the date the project reached its stage {} is "
                                                 "missing"};
inline constexpr core::Message kDatesOutOfOrder{"日期顺序有误：{} {} 早于 {} {}",
                                                "dates out of order: {} {} is before {} {}"};
inline constexpr core::Message kPlannedBeforeReached{
    "计划 {} 日期 {} 早于已到达的 {} {}", "planned {} {} is before {} {}, already reached"};

// Moves through the pipeline.
inline constexpr core::Message kAlreadyAtStage{"项目 {} 已处于 {}（{}）阶段",
                                               "project {} is already at {} ({})"};
inline constexpr core::Message kMovesBack{
    "项目 {} 将从 {}（{}）退回 {}（{}）：请用 --reason 说明原因",
    "project {} would move back from {} ({}) to {} ({}): give the reason with --reason"};
inline constexpr core::Message kSkipsStages{
    "项目 {} 将从 {}（{}）跳到 {}（{}），下一阶段应为 {}（{}）：请用 --reason 说明原因",
    "project {} would skip from {} ({}) to {} ({}); the next stage is {} ({}): give the reason "
    "with --reason"};
inline constexpr core::Message kMoveBeforeReached{
    "日期顺序有误：项目 {0} 于 {2} 到达 {1}，不能在 {3} 变更阶段",
    "dates out of order: project {0} reached {1} on {2}; it cannot move on {3}"};

}  // namespace clusterscope::text

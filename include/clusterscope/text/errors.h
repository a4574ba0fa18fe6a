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
inline constexpr core::Message kDisclosureAuditIsConfidential{
    "保密审查列出企业的真实数据：仅供管理员和分析人员",
    "the disclosure audit shows confidential figures: for admins and analysts"};
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
inline constexpr core::Message kNoSuchEnterprise{"没有统一社会信用代码为 {} 的企业",
                                                 "no enterprise with credit code {}"};
inline constexpr core::Message kMonthsRange{"月数应在 1 到 120 之间",
                                            "months must be between 1 and 120"};
inline constexpr core::Message kNoBenchmarkChosen{
    "尚未选定对标数据：请指定一个（`--benchmark NAME`），或在分析方案中设置 `benchmark`"
    "（`analyze load FILE`）",
    "no benchmark is chosen: name one (`--benchmark NAME`) or set `benchmark` in the analytics "
    "plan (`analyze load FILE`)"};
inline constexpr core::Message kRegionRowNotPublished{
    "本区按行业的数据不对外公开：可能泄露企业信息",
    "the region's row by industry is not published: it can give an enterprise away"};

// Signing in and managing users.
inline constexpr core::Message kWrongSignIn{"用户名或密码错误", "wrong user name or password"};
inline constexpr core::Message kTooManySignIns{"登录失败次数过多；请几分钟后再试",
                                               "too many failed sign-ins; wait a few minutes and "
                                               "try again"};
inline constexpr core::Message kTrySignInAgain{"请 {} 秒后再试", "try again in {} s"};
inline constexpr core::Message kLongUserName{"用户名最多 64 个字符",
                                             "a user name has at most 64 characters"};
inline constexpr core::Message kSignInAsJson{
    "登录请求须为 JSON（Content-Type: application/json），且来自本站页面",
    "sign in with a JSON body (Content-Type: application/json) from this site's own pages"};
inline constexpr core::Message kSignInFirst{"请先登录：POST /api/v1/login",
                                            "sign in first: POST /api/v1/login"};
inline constexpr core::Message kCsrfToken{
    "缺少 X-CSRF-Token 请求头或其值有误（登录时给出的 csrf_token）",
    "missing or wrong X-CSRF-Token header (the csrf_token given at sign-in)"};
inline constexpr core::Message kShortPassword{"密码至少需要 10 个字符",
                                              "a password needs at least 10 characters"};
inline constexpr core::Message kUserExists{"用户 '{}' 已存在", "user '{}' exists"};
inline constexpr core::Message kNoSuchUser{"没有用户 '{}'", "no user '{}'"};
inline constexpr core::Message kNotAUserName{"'{}' 不是有效的用户名：2—64 个 a-z、0-9、_ . -",
                                             "'{}' is not a user name: 2-64 of a-z, 0-9, _ . -"};
inline constexpr core::Message kParkEditorNeedsPark{
    "园区编辑须指定集群体系中的园区（'{}' 不是）",
    "a park editor needs a park of the system ('{}' is not one)"};
inline constexpr core::Message kOnlyParkEditorsHavePark{"只有园区编辑才有所属园区",
                                                        "only a park editor has a park"};
inline constexpr core::Message kUnknownRole{"角色应为 admin、analyst、park_editor 或 viewer",
                                            "role must be admin, analyst, park_editor or viewer"};

// A park editor's scope.
inline constexpr core::Message kParkEditorChangesOwnPark{
    "{} 的园区编辑只能修改本园区的企业",
    "a park editor of {} changes only that park's enterprises"};
inline constexpr core::Message kParkEditorSeesOwnPark{
    "{} 的园区编辑只能查看本园区的企业", "a park editor of {} sees only that park's enterprises"};
inline constexpr core::Message kParkEditorUploadsOwnFiles{
    "园区编辑只上报本园区企业的文件，不能上报{}",
    "a park editor uploads its enterprises' files, not {}"};
inline constexpr core::Message kImportedOnCommandLine{"{}须在命令行导入",
                                                      "{} files are imported on the command line"};
inline constexpr core::Message kNotOfYourPark{
    "{} 第 {} 行：{} 不是园区 {} 的企业；园区编辑只上报本园区的企业",
    "{} line {}: {} is not an enterprise of park {}; a park editor uploads its park's "
    "enterprises only"};
inline constexpr core::Message kNoSuchImportKind{"没有 '{}' 这种导入", "no kind of import '{}'"};
inline constexpr core::Message kSeveralSheetsMonthlyOnly{
    "一次读多个工作表仅用于月度数据；{}文件请逐个工作表导入",
    "several sheets are read at once for monthly files only; import the sheets of {} files one "
    "at a time"};
inline constexpr core::Message kNoSuchProfile{"没有名为“{}”的导入方案（已有：{}）",
                                              "no import profile '{}' (there are: {})"};
inline constexpr core::Message kProfileOtherKind{"导入方案“{}”用于读取{}文件，不能读取{}文件",
                                                 "import profile '{}' reads {} files, not {}"};
inline constexpr core::Message kProfileUnknownColumns{
    "{}：以下列无法识别：{}。请用 --column \"表头=列名\" 指明其含义，或用 "
    "--ignore-unknown-columns 不读入",
    "{}: these columns are not known: {}. Name them with --column \"header=column\", or leave "
    "them out with --ignore-unknown-columns"};
inline constexpr core::Message kProfileBadColumn{
    "导入方案的列名“{}”不是{}文件的列（可用：{}）",
    "'{}' is not a column of {} files (the columns: {})"};
inline constexpr core::Message kProfilesByAnalysts{
    "只有管理员和分析人员可以保存或删除导入方案",
    "only admins and analysts save or delete import profiles"};
inline constexpr core::Message kNoProfileForKind{"{}文件不使用导入方案",
                                                 "{} files take no import profile"};
inline constexpr core::Message kBadProfileName{
    "导入方案名称“{}”无效：请用 1 到 64 个字母、数字、汉字、- 或 _",
    "import profile name '{}' is not valid: use 1 to 64 letters, digits, Chinese characters, - "
    "or _"};

// Requests the API cannot read (a client's mistake, answered in the request's language).
inline constexpr core::Message kSendFileField{
    "请以 multipart/form-data 在字段 \"file\" 中发送文件",
    "send the file as multipart/form-data in the field \"file\""};
inline constexpr core::Message kWholeNumberRange{
    "{} 应为 {} 到 {} 的整数，而不是 '{}'", "{} must be a whole number from {} to {}, not '{}'"};
inline constexpr core::Message kOneOf{"{} 应为以下之一：{}", "{} must be {}"};
inline constexpr core::Message kMalformedJson{"JSON 格式有误：{}", "malformed JSON: {}"};
inline constexpr core::Message kBodyNotObject{"请求体应为 JSON 对象",
                                              "the body must be a JSON object"};
inline constexpr core::Message kUnknownField{"未知字段 '{}'", "unknown field '{}'"};
inline constexpr core::Message kFieldType{"字段 '{}' 应为 {}", "field '{}' must be a {}"};
inline constexpr core::Message kMissingField{"缺少字段 '{}'", "missing field '{}'"};

}  // namespace clusterscope::text

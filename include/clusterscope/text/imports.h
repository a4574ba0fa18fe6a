// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// The catalogue's messages about the rows of an imported file (ingest/): why a row is rejected
// or warned about, by rule (docs/file_formats.md). Each is written in both languages when the
// file is read; the command line prints the English, the upload's answer and the dashboard the
// reader's language. Part of the one catalogue of user-facing text (text/README.md).
#pragma once

#include <string>
#include <string_view>

#include "clusterscope/core/message.h"
#include "clusterscope/text/imports.h"

namespace clusterscope::text {

// Cells that do not parse. The English is the parser's own, more precise message; the Chinese
// names the rule and the cell.
inline constexpr core::Message kNotANumber{"'{}' 不是数字", "'{}' is not a number"};
inline constexpr core::Message kFigureTooLarge{
    "'{0}' 过大：一家企业一个月的数值应小于 10 亿（以{1}计），请检查单位",
    "'{0}' is too large: an enterprise's month is below 10⁹ {1}; check the unit"};
inline constexpr core::Message kTooManyDecimals{
    "'{0}' 有 {1} 位小数（以{2}计）：最多保留 6 位小数，金额即 0.01 元；请在表中四舍五入后再导入",
    "'{0}' has {1} decimal places in {2}: at most 6 are kept (0.01 yuan of money); round the "
    "figure in the sheet and import again"};
inline constexpr core::Message kNotYesNo{"'{}' 不是“是/否”", "'{}' is not yes or no"};
inline constexpr core::Message kNotADate{"'{}' 不是日期（如 2024-06-30）", "'{}' is not a date"};
inline constexpr core::Message kNotAMonth{"'{}' 不是月份（如 2024-06）", "'{}' is not a month"};
inline constexpr core::Message kCreditCodeCheck{"统一社会信用代码 {} 的校验位不对",
                                                "the check character of credit code {} is wrong"};
inline constexpr core::Message kCreditCodeFormat{"'{}' 不是 18 位统一社会信用代码",
                                                 "'{}' is not an 18-character credit code"};
inline constexpr core::Message kUnknownIndustryClass{"'{}' 不是 GB/T 4754-2017 的行业小类",
                                                     "'{}' is not a GB/T 4754-2017 class"};
inline constexpr core::Message kMalformedIndustryCode{"'{}' 不是四位行业代码",
                                                      "'{}' is not a four-digit industry code"};

// A cell a parser refused: the catalogue's Chinese naming the cell, the parser's own English.
inline core::Text Refused(const core::Message& message, std::string_view cell,
                          const std::string& english) {
  return {core::Say(core::Language::kZh, message, cell), english};
}

// Rows that break a rule.
inline constexpr core::Message kNotAStage{
    "'{}' 不是项目阶段（lead 线索、signed 签约、registered 落地、construction 开工、production "
    "投产、"
    "full_production 达产）",
    "'{}' is not a stage (lead, signed, registered, construction, production, full_production)"};
inline constexpr core::Message kIndexRange{
    "价格指数（上年同月 = 100）应大于 0（且很少超过 200）",
    "a price index with the same month of last year = 100 lies above 0 (and is rarely above 200)"};
inline constexpr core::Message kMilestoneValue{
    "里程碑序列在实现当期取值 1",
    "a milestone's series takes the value 1 in the period it was reached"};
// A project's own rule (text/projects.h), located by its field.
inline constexpr core::Message kProjectRule{"{}：{}", "{}: {}"};
inline constexpr core::Message kStageOrder{"{}", "{}"};
inline constexpr core::Message kRequired{"{} 为必填项", "{} is required"};
inline constexpr core::Message kMustNotBeNegative{"{} 不能为负数", "{} must not be negative"};
inline constexpr core::Message kNotAClusterOf{"'{}' 不是 {} 的集群代码或名称",
                                              "'{}' is not a cluster code or name of {}"};
inline constexpr core::Message kNotAParkOf{"'{}' 不是 {} 的园区代码或名称",
                                           "'{}' is not a park code or name of {}"};
inline constexpr core::Message kNotATownOf{"'{}' 不是地区 {} 的乡镇街道代码或名称",
                                           "'{}' is not a town code or name of region {}"};
inline constexpr core::Message kNotASeiCategory{
    "'{}' 不是 2018 年战略性新兴产业分类的类别（1..9, 1.1..9.2）",
    "'{}' is not a category of the 2018 strategic emerging industries classification (1..9, "
    "1.1..9.2)"};
inline constexpr core::Message kNotADesignationType{"'{}' 不是认定类型；可选：{}",
                                                    "'{}' is not a designation type; known: {}"};
inline constexpr core::Message kWithdrawnBeforeGranted{"撤销日期 {} 早于认定日期 {}",
                                                       "withdrawn {} is before granted {}"};
inline constexpr core::Message kUsccRequired{"uscc（统一社会信用代码）为必填项",
                                             "uscc is required"};
inline constexpr core::Message kPeriodRequired{"period（月份）为必填项", "period is required"};
inline constexpr core::Message kUnknownProductionStatus{
    "生产状态“{}”无法识别：应为 正常 或 停产",
    "production status '{}' is not 正常 (normal) or 停产 (stopped)"};
inline constexpr core::Message kOutputRequired{"output_value（工业总产值）为必填项",
                                               "output_value is required"};
inline constexpr core::Message kMeasureMustNotBeNegative{"{0}（{1}）不能为负数",
                                                         "{0} must not be negative"};
inline constexpr core::Message kValueAddedAboveOutput{"增加值 {} 高于产值 {}",
                                                      "value added {} is above output {}"};
inline constexpr core::Message kCreditCodeRepeated{"统一社会信用代码 {} 已在第 {} 行出现",
                                                   "credit code {} already appears on line {}"};
inline constexpr core::Message kNotAYear{"'{}' 不是年份（1990—2100）",
                                         "'{}' is not a year (1990-2100)"};
inline constexpr core::Message kNotInRegistry{"企业 {} 不在企业名录中",
                                              "enterprise {} is not in the registry"};
inline constexpr core::Message kPairRepeated{"{} {} 已在第 {} 行出现",
                                             "{} {} already appears on line {}"};
inline constexpr core::Message kNotADivision{
    "'{}' 不是 GB/T 4754-2017 的行业大类（两位数字，06..46）",
    "'{}' is not a GB/T 4754-2017 division (two digits, 06..46)"};
inline constexpr core::Message kNotASeries{"'{}' 不是目标方案中的指标序列（{}）",
                                           "'{}' is not a series of the target plan ({})"};
inline constexpr core::Message kNotYearOrMonth{
    "'{}' 既不是年份（2024）也不是月份（2024-06）",
    "'{}' is neither a year (2024) nor a month (2024-06)"};
inline constexpr core::Message kNotAHighTechClass{
    "行业小类 {} 不在高技术产业（制造业）分类（2017）中，其企业不能标为高技术制造业",
    "class {} is not on the high-tech manufacturing list (2017): its enterprises cannot be "
    "flagged high-tech"};
inline constexpr core::Message kOutsideIndustrialFrame{
    "企业 {} 的行业小类 {} 属于门类 {}，不在规模以上工业统计范围（B 采矿业、C 制造业、D "
    "电力热力燃气及水"
    "生产和供应业）内；其数据按服务业统计另行导入为序列",
    "enterprise {} has class {} in section {}, outside the above-scale industrial frame (sections "
    "B mining, C manufacturing, D power, heat, gas and water); import its figures as a series "
    "from the services statistics instead"};
// The registry columns a monthly sheet carries beside its figures, checked, not imported.
inline constexpr core::Message kNameDiffers{
    "单位名称“{}”与企业名录中的“{}”不一致（按信用代码导入；如已更名，请更新名录）",
    "the name '{}' differs from the registry's '{}' (imported by credit code; if the enterprise "
    "was renamed, update the registry)"};
inline constexpr core::Message kIndustryDiffers{
    "行业代码 {} 与企业名录中的 {} 不一致（统计按名录的行业归属）",
    "industry code {} differs from the registry's {} (statistics use the registry's)"};
inline constexpr core::Message kNotInRegistryImportFirst{
    "企业 {} 不在企业名录中；请先导入企业",
    "enterprise {} is not in the registry; import it first"};
inline constexpr core::Message kDesignationRepeated{
    "企业 {1} 于 {2} 获得的认定 {0} 已在第 {3} 行出现",
    "designation {0} of {1} granted {2} already appears on line {3}"};
inline constexpr core::Message kNegative{"不能为负数", "must not be negative"};
inline constexpr core::Message kBuyerNotLocal{
    "采购方 {} 不在企业名录中；供应关系指本地企业的采购",
    "buyer {} is not in the registry; relations are purchases of local enterprises"};
inline constexpr core::Message kSelfSupply{"企业不能自己供应自己",
                                           "an enterprise cannot supply itself"};
inline constexpr core::Message kPurchaseNeedsValue{"采购记录需要金额",
                                                   "a purchase needs its value"};
inline constexpr core::Message kNameRequired{"名称为必填项", "a name is required"};
inline constexpr core::Message kAlreadyLocal{
    "该企业已在企业名录中，属于本地企业", "the enterprise is in the registry already: it is local"};
inline constexpr core::Message kProjectNeedsCode{"项目需要编号", "a project needs a code"};
inline constexpr core::Message kProjectNeedsName{"项目需要名称", "a project needs a name"};
inline constexpr core::Message kNotAClusterOfSystem{"'{}' 不是集群体系中的集群",
                                                    "'{}' is not a cluster of the system"};
inline constexpr core::Message kNotAParkOfSystem{"'{}' 不是集群体系中的园区",
                                                 "'{}' is not a park of the system"};
inline constexpr core::Message kNotAChain{"'{}' 不是已载入的产业链方案中的产业链",
                                          "'{}' is not a chain of the loaded chain plan"};
inline constexpr core::Message kNotALink{"'{}' 不是产业链 '{}' 的环节",
                                         "'{}' is not a link of chain '{}'"};
inline constexpr core::Message kLinkNeedsChain{"填写环节时须同时填写产业链",
                                               "a link needs its chain"};
inline constexpr core::Message kCapacityNeedsUnit{
    "产能须注明单位，如 GWh/年、km/年、吨/年",
    "a capacity needs its unit, e.g. GWh/yr, km/yr, t/yr"};
inline constexpr core::Message kNotACurve{"'{}' 不是 linear、s_curve 或 step",
                                          "'{}' is not linear, s_curve or step"};
inline constexpr core::Message kKeyRepeated{"{} 已在第 {} 行出现", "{} already appears on line {}"};
inline constexpr core::Message kDiffersFromLine{"与同一项目（{1}）第 {0} 行不一致",
                                                "differs from line {0} of the same project ({1})"};
inline constexpr core::Message kStageSkipped{
    "项目 {0} 已到 {1} 阶段，但缺少 {2}（{3}）的日期：请填写日期，或在 reason 列说明原因",
    "project {0} reached {1} without a date for {2} ({3}): give the date or the reason in the "
    "reason column"};
inline constexpr core::Message kProjectHasErrors{"项目 {} 有错误（第 {} 行）",
                                                 "project {} has errors (line {})"};
inline constexpr core::Message kCumulativeGap{
    "{0}-{1:02}..{2:02} 无数据；{3} 的当月值包含这些月份",
    "no value for {0}-{1:02}..{2:02}; the month value of {3} covers them"};
inline constexpr core::Message kCumulativeUnderivable{
    "{1} 的 {0} 无法推算：缺少此前的累计值；留空",
    "{0} of {1} cannot be derived: an earlier year-to-date value is missing; left empty"};
inline constexpr core::Message kDerivedNegative{
    "由累计值推算的当月值 {} − {} = {} 为负数",
    "the month value derived from the year-to-date, {} - {} = {}, is negative"};
inline constexpr core::Message kDerivedVaAboveOutput{
    "推算的当月增加值 {} 高于产值 {}", "the derived month value added {} is above output {}"};
inline constexpr core::Message kFieldCount{"该行有 {} 个字段，表头有 {} 个",
                                           "the row has {} fields but the header has {}"};
inline constexpr core::Message kClassMapsToNoCluster{
    "行业小类 {} 不属于任何集群；保留填写的集群 {}",
    "class {} maps to no cluster; kept the given cluster {}"};
inline constexpr core::Message kClassMapsToOtherCluster{
    "行业小类 {} 属于集群 {}，但填写的是 {}；保留 {}",
    "class {} maps to cluster {} but {} was given; kept {}"};
inline constexpr core::Message kClassInNoCluster{
    "行业小类 {} 不属于 {} 的任何集群；该企业无所属集群",
    "class {} maps to no cluster of {}; the enterprise has no cluster"};

// Files that cannot be read row by row.
inline constexpr core::Message kUnknownColumn{"第 {} 列 '{}' 不是可识别的列",
                                              "column {} '{}' is not a known column"};
inline constexpr core::Message kRepeatedColumn{"第 {} 列 '{}' 与第 {} 列（'{}'）重复",
                                               "column {} '{}' repeats column {} ('{}')"};
inline constexpr core::Message kMissingColumn{"缺少必需的列 '{}'",
                                              "required column '{}' is missing"};
inline constexpr core::Message kClauses{"；", "; "};
// table_layout.cc: finding the table in a sheet.
inline constexpr core::Message kTwoMoneyUnits{"{}：表中写明了两种金额单位：{} 和 {}",
                                              "{}: the sheet states two money units: {} and {}"};
inline constexpr core::Message kMixedSpans{
    "{}：部分指标只有“本月”列、部分只有“本年累计”列（如 '{}' 与 '{}'），无法按同一口径导入",
    "{}: some indicators have only month columns and others only year-to-date ones ('{}' and "
    "'{}'); one file is read on one basis"};
inline constexpr core::Message kOldExcelFile{
    "{}：这是 Excel 97-2003 工作簿（.xls）或加了密码的工作簿，无法读取：请在 Excel 或 WPS 中打开，"
    "去掉密码后另存为“Excel 工作簿（.xlsx）”或 CSV 再导入",
    "{}: an Excel 97-2003 workbook (.xls) or a password-protected workbook cannot be read: open "
    "it in Excel or WPS, remove any password and save it as an Excel Workbook (.xlsx) or as CSV"};
inline constexpr core::Message kSheetsDiffer{
    "{}：工作表“{}”的列、金额单位或口径与“{}”不同：请分别导入",
    "{}: sheet '{}' differs from '{}' in its columns, money unit or basis: import them one by "
    "one"};
inline constexpr core::Message kTooManySheets{"{}：共 {} 个工作表，一次最多读 {} 个",
                                              "{}: {} worksheets; at most {} are read at once"};
inline constexpr core::Message kProfileHeaderRow{
    "{}：导入方案“{}”的表头在第 {} 行，文件没有这一行",
    "{}: import profile '{}' has the header on row {}, and the file has no such row"};
inline constexpr core::Message kMoreHeaderProblems{"另有 {} 处问题", "and {} more"};
inline constexpr core::Message kBadHeader{"{}:{}：表头有误：{}。可用的列：{}",
                                          "{}:{}: bad header: {}. Accepted columns: {}"};
inline constexpr core::Message kEmptyFile{
    "{}：文件为空；应有一行表头和若干数据行",
    "{}: the file is empty; expected a header row and data rows"};
inline constexpr core::Message kUnknownMoneyUnit{
    "金额单位“{}”无法识别：应为 元、千元、万元 或 亿元",
    "money unit '{}' is not one of 元, 千元, 万元, 亿元"};
inline constexpr core::Message kReadAsGbk{
    "文件不是 UTF-8 编码，已按 GBK（GB18030，中文 Windows 上 Excel 保存的“CSV”）读取并转换",
    "the file is not UTF-8: it was read as GBK (GB18030, the \"CSV\" Excel saves on Chinese "
    "Windows) and converted"};
inline constexpr core::Message kColumnIgnored{
    "第 {} 列“{}”不是可识别的列，按要求未导入",
    "column {} '{}' is not a known column: left out, as asked"};
inline constexpr core::Message kColumnLeftOut{
    "第 {} "
    "列“{}”未读入：增速由系统计算；全表按一种口径读入（本月数，或本年累计数，及相应的上年同期数）",
    "column {} '{}' is not read: growth is computed here, and the sheet is read on one basis "
    "(month figures, or year-to-date ones, with the matching prior-year figures)"};
inline constexpr core::Message kSubtotalDiffers{
    "合计行为 {:.6g}，与其上各行之和 {:.6g} 不符（差 {:.6g}）：请核对是否漏行或合计有误",
    "the total row reads {:.6g} but the rows above it sum to {:.6g} (a difference of {:.6g}): a "
    "row may be missing, or the total wrong"};
// {0} the file, {1} the unit given, {2} the unit the file states.
inline constexpr core::Message kUnitDiffersFromFile{
    "{0}：导入时指定的金额单位为{1}，但文件注明为{2}；请核对后按文件单位导入（不指定单位即可）",
    "{0}: the money unit given is {1} but the file states {2}; check, and import without a unit "
    "to take the file's"};
inline constexpr core::Message kCumulativeButMonthColumns{
    "{}：指定了“累计”，但表头的指标列为“本月”数",
    "{}: year-to-date was asked for, but the header's columns are month figures (本月)"};
inline constexpr core::Message kNotUtf8{"{}:{}：文件不是有效的 UTF-8 编码（第 {} 个字节）",
                                        "{}:{}: the file is not valid UTF-8 (byte {} of the file)"};
inline constexpr core::Message kLooksLikeGbk{
    "{}:{}：文件不是 UTF-8 编码，看来是 GBK（中文 Windows 上 Excel 的普通“CSV”）。请用 --encoding "
    "gbk "
    "导入，或另存为“CSV UTF-8”",
    "{}:{}: the file is not UTF-8; it looks like GBK (Excel's plain \"CSV\" on Chinese Windows). "
    "Import it with --encoding gbk, or save it as \"CSV UTF-8\""};
inline constexpr core::Message kNoDataRows{"{}：文件只有表头，没有数据行",
                                           "{}: the file has a header but no data rows"};
inline constexpr core::Message kNotGbkEither{"{}:{}：也不是 GBK 编码的文本",
                                             "{}:{}: not GBK text either"};
inline constexpr core::Message kSheetOnlyForXlsx{
    "{}：--sheet 只适用于 .xlsx 工作簿，不适用于 CSV 文件",
    "{}: --sheet applies to .xlsx workbooks, not CSV files"};
inline constexpr core::Message kCannotOpen{"{}：无法打开文件（{}）",
                                           "{}: cannot open the file ({})"};
inline constexpr core::Message kUnreadableXlsx{
    "{}：不是可读的 .xlsx 工作簿（{}）；文件是否不完整，或是旧的 .xls？请另存为 .xlsx 或“CSV "
    "UTF-8”",
    "{}: not a readable .xlsx workbook ({}); is it truncated, or an old .xls? Save it as .xlsx or "
    "CSV UTF-8"};
inline constexpr core::Message kXlsxPartTooLarge{
    "{}：部件 {} 有 {:.0f} MB 的 XML，超过这里允许的 {:.0f} MB；请另存为“CSV "
    "UTF-8”，CSV 按流读取，不限大小",
    "{}: part {} is {:.0f} MB of XML, more than the {:.0f} MB an .xlsx sheet may have here; save "
    "the data as CSV UTF-8, which is read as a stream at any size"};
inline constexpr core::Message kXlsxOverBudget{
    "{}：工作表的单元格在内存中超过 {:.0f} MB（64 MB 加文件大小的 8 倍）；请拆分文件",
    "{}: the sheet's cells take more than {:.0f} MB in memory (64 MB and 8 times the file's "
    "size); split the file"};
inline constexpr core::Message kXlsxOutsideGrid{
    "{}：单元格 {} 超出 Excel 的表格范围（最大 XFD1048576）",
    "{}: cell {} is outside Excel's grid (at most XFD1048576)"};
inline constexpr core::Message kXlsxLongCell{"{}：{} 超过 Excel 单元格的 32767 个字符",
                                             "{}: {} is longer than Excel's 32,767 characters"};
inline constexpr core::Message kCorruptXlsx{"{}：不是有效的 .xlsx 工作簿：{}",
                                            "{}: not a valid .xlsx workbook: {}"};
inline constexpr core::Message kNoSuchSheet{"{}：没有名为 '{}' 的工作表；工作簿中有：{}",
                                            "{}: no sheet named '{}'; the workbook has {}"};
inline constexpr core::Message kEmptySheet{
    "{}：工作表 '{}' 为空；应有一行表头和若干数据行",
    "{}: sheet '{}' is empty; expected a header row and data rows"};

// Benchmark matrices and input-output tables (read whole: the first problems are listed).
inline constexpr core::Message kTableProblems{"{}：{} 处问题，未读入任何数据：{}{}",
                                              "{}: {} problem(s), nothing read:{}{}"};
inline constexpr core::Message kMoreProblems{"\n  ……另有 {} 处", "\n  ... and {} more"};
inline constexpr core::Message kNotAYearYyyy{"'{}' 不是年份（YYYY）", "'{}' is not a year (YYYY)"};
inline constexpr core::Message kEmptyCell{"为空", "empty"};
inline constexpr core::Message kIsNegative{"{} 是负数", "{} is negative"};
inline constexpr core::Message kGivenTwice{"{} / {}{} 出现了两次", "{} / {}{} is given twice"};
inline constexpr core::Message kInYear{"（{} 年）", " in {}"};
inline constexpr core::Message kNoRows{"{}：没有数据行", "{}: no data rows"};
inline constexpr core::Message kEmptyTable{"{}：表为空", "{}: empty table"};
inline constexpr core::Message kInputOutputHeader{
    "{}:1：表头应为 sector,<部门 1>,...,<部门 n>,final_demand",
    "{}:1: the header must be sector,<sector 1>,...,<sector n>,final_demand"};
inline constexpr core::Message kNoSuchSector{"表中没有部门 '{}'", "no sector '{}' in the table"};
inline constexpr core::Message kNamedTwice{"'{}' 出现了两次", "'{}' is given twice"};
inline constexpr core::Message kNotAboveZero{"{} 不大于 0", "{} is not above 0"};
inline constexpr core::Message kSectorTwice{"表头中部门重复", "sector named twice in the header"};
inline constexpr core::Message kNotSquare{"{} 行对 {} 个部门列：表不是方阵",
                                          "{} rows for {} sector columns: the table is not square"};
inline constexpr core::Message kCellCount{"{} 个单元格，表头有 {} 个",
                                          "{} cells, the header has {}"};
inline constexpr core::Message kSectorOrder{"此行为 '{}'，而表头第 {} 个部门是 '{}'",
                                            "row '{}' where the header's sector {} is '{}'"};

}  // namespace clusterscope::text

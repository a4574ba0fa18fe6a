// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/ingest/record_parser.h"

#include <cmath>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "clusterscope/core/classification.h"
#include "clusterscope/core/credit_code.h"
#include "clusterscope/core/text.h"
#include "clusterscope/text/imports.h"
#include "clusterscope/text/units.h"

namespace clusterscope::ingest {
namespace {

// An enterprise-month's figure of 10⁹ of its unit (10¹³ 元) or more is refused.
constexpr double kLargestFigure = 1e9;

// What is wrong with the size of a figure, as (rule, message), or nothing. Figures are kept as
// fixed-point millionths of their unit (engine::Amount): a seventh decimal would be lost, so it
// is refused rather than rounded away unseen; and one far above any enterprise's month (the
// largest make about 3 × 10⁷ 万元 a month) is a unit or typing error.
std::optional<std::pair<const char*, core::Text>> SizeProblem(const model::MeasureInfo& info,
                                                              std::string_view cell, double value,
                                                              int money_exponent) {
  const core::Text unit{std::string(info.unit), text::UnitIn(core::Language::kEn, info.unit)};
  if (const int places = core::DecimalPlaces(cell, info.money ? money_exponent : 0); places > 6) {
    return std::pair{"too_many_decimals", core::Say(text::kTooManyDecimals, cell, places, unit)};
  }
  if (std::abs(value) >= kLargestFigure) {
    return std::pair{"too_large", core::Say(text::kFigureTooLarge, cell, unit)};
  }
  return std::nullopt;
}

}  // namespace
std::optional<CellIssue> CheckCreditCode(std::string_view column, std::string_view code) {
  const Status status = core::ValidateCreditCode(code);
  if (status.ok()) return std::nullopt;
  // A typo in a check character is a different mistake from a code that is not one at all.
  const bool well_formed =
      code.size() == 18 && code.find_first_not_of(core::kCreditCodeAlphabet) == std::string::npos;
  return CellIssue{std::string(column), well_formed ? "credit_code_check" : "credit_code_format",
                   text::Refused(well_formed ? text::kCreditCodeCheck : text::kCreditCodeFormat,
                                 code, status.message())};
}

namespace {

// Reads the cells of one record and collects what is wrong with them.
class CellReader {
 public:
  CellReader(const Cells& cells, ParsedRecord& out) : cells_(cells), out_(out) {}

  bool Has(std::string_view column) const { return cells_.find(column) != cells_.end(); }
  std::string Cell(std::string_view column) const {
    const auto it = cells_.find(column);
    return it == cells_.end() ? std::string() : std::string(core::Trim(it->second));
  }
  void Fail(std::string_view column, std::string_view rule, core::Text message) {
    out_.errors.push_back({std::string(column), std::string(rule), std::move(message)});
  }
  void Warn(std::string_view column, std::string_view rule, core::Text message) {
    out_.warnings.push_back({std::string(column), std::string(rule), std::move(message)});
  }
  bool failed() const { return !out_.errors.empty(); }

  std::string Required(std::string_view column) {
    std::string cell = Cell(column);
    if (cell.empty()) Fail(column, "missing_required", core::Say(text::kRequired, column));
    return cell;
  }

  std::string CreditCode(std::string_view column) {
    std::string code = Required(column);
    if (code.empty()) return code;
    if (auto issue = CheckCreditCode(column, code)) out_.errors.push_back(std::move(*issue));
    return code;
  }

  std::optional<bool> YesNo(std::string_view column) {
    const std::string cell = Cell(column);
    if (cell.empty()) return std::nullopt;
    auto value = core::ParseYesNo(cell);
    if (!value) {
      Fail(column, "malformed_boolean",
           text::Refused(text::kNotYesNo, cell, value.error().message()));
      return std::nullopt;
    }
    return *value;
  }

  std::optional<core::Date> Date(std::string_view column) {
    const std::string cell = Cell(column);
    if (cell.empty()) return std::nullopt;
    auto value = core::Date::Parse(cell);
    if (!value) {
      Fail(column, "malformed_date", text::Refused(text::kNotADate, cell, value.error().message()));
      return std::nullopt;
    }
    return *value;
  }

  std::optional<double> NonNegative(std::string_view column) {
    const std::string cell = Cell(column);
    if (cell.empty()) return std::nullopt;
    auto value = core::ParseDecimal(cell);
    if (!value) {
      Fail(column, "malformed_number",
           text::Refused(text::kNotANumber, cell, value.error().message()));
      return std::nullopt;
    }
    if (*value < 0) {
      Fail(column, "negative_value", core::Say(text::kMustNotBeNegative, column));
      return std::nullopt;
    }
    return *value;
  }

 private:
  const Cells& cells_;
  ParsedRecord& out_;
};

// The code of the item whose code or Chinese name is `cell`; empty if none.
template <typename T>
std::string CodeOrName(const std::vector<T>& items, std::string_view cell) {
  for (const auto& item : items) {
    if (item.code == cell || item.name_zh == cell) return item.code;
  }
  return {};
}

}  // namespace

namespace {

// The park and the town of an enterprise row, by code or name.
void ReadParkAndTown(CellReader& in, const model::ClusterSystem& system, model::Enterprise& e) {
  if (in.Has("park")) {
    const std::string cell = in.Cell("park");
    e.park = cell.empty() ? std::string() : CodeOrName(system.parks, cell);
    if (!cell.empty() && e.park.empty()) {
      in.Fail("park", "unknown_park", core::Say(text::kNotAParkOf, cell, system.code));
    }
  }

  if (in.Has("town")) {
    const std::string cell = in.Cell("town");
    e.town = cell;
    const auto towns = core::TownsOf(system.region_code);
    if (!cell.empty() && !towns.empty()) {  // no list shipped for the region: keep as given
      e.town.clear();
      for (const auto* town : towns) {
        if (town->code == cell || town->name == cell) e.town = town->code;
      }
      if (e.town.empty()) {
        in.Fail("town", "unknown_town", core::Say(text::kNotATownOf, cell, system.region_code));
      }
    }
  }
}

}  // namespace

ParsedEnterprise ParseEnterpriseCells(const Cells& cells, const model::Enterprise* existing,
                                      const model::ClusterSystem& system, int year) {
  ParsedEnterprise out;
  CellReader in(cells, out);
  model::Enterprise& e = out.enterprise;
  if (existing != nullptr) e = *existing;

  e.uscc = in.CreditCode("uscc");
  if (existing == nullptr || in.Has("name")) e.name = in.Required("name");
  if (existing == nullptr || in.Has("industry_code")) {
    e.industry_code = in.Required("industry_code");
    if (!e.industry_code.empty()) {
      const Status status = core::IndustryClassification::Gbt4754().CheckClass(e.industry_code);
      if (!status.ok()) {
        const bool digits = e.industry_code.size() == 4 &&
                            e.industry_code.find_first_not_of("0123456789") == std::string::npos;
        in.Fail("industry_code", digits ? "unknown_industry_class" : "malformed_industry_code",
                text::Refused(digits ? text::kUnknownIndustryClass : text::kMalformedIndustryCode,
                              e.industry_code, status.message()));
      }
    }
  }

  std::string explicit_cluster;
  if (in.Has("cluster")) {
    const std::string cell = in.Cell("cluster");
    if (!cell.empty()) {
      explicit_cluster = CodeOrName(system.clusters, cell);
      if (explicit_cluster.empty()) {
        in.Fail("cluster", "unknown_cluster", core::Say(text::kNotAClusterOf, cell, system.code));
      }
    }
  } else if (e.cluster_source == model::ClusterSource::kExplicit) {
    explicit_cluster = e.cluster;  // nothing said of the cluster: keep the one chosen before
  }

  ReadParkAndTown(in, system, e);

  if (in.Has("above_scale")) {
    if (const auto above = in.YesNo("above_scale")) {
      e.above_scale[year] = *above;
    } else if (in.Cell("above_scale").empty()) {
      e.above_scale.erase(year);
    }
  }
  if (in.Has("founded")) e.founded = in.Date("founded");
  if (in.Has("listed")) e.listed = in.YesNo("listed");
  if (in.Has("land_km2")) e.land_km2 = in.NonNegative("land_km2");
  if (in.Has("high_tech")) {
    e.high_tech = in.YesNo("high_tech");
    if (e.high_tech == true && !core::HighTechCategoryOf(e.industry_code)) {
      in.Fail("high_tech", "not_a_high_tech_class",
              core::Say(text::kNotAHighTechClass, e.industry_code));
    }
  }
  if (in.Has("strategic_emerging")) {
    e.strategic_emerging = in.Cell("strategic_emerging");
    if (!e.strategic_emerging.empty() &&
        core::FindStrategicEmerging(e.strategic_emerging) == nullptr) {
      in.Fail("strategic_emerging", "unknown_sei_category",
              core::Say(text::kNotASeiCategory, e.strategic_emerging));
    }
  }

  if (!in.failed()) {
    const auto assignment = model::AssignCluster(system, e.industry_code, explicit_cluster);
    e.cluster = assignment.cluster;
    e.cluster_source = assignment.source;
    if (!assignment.warning.empty()) {
      const bool unmapped = assignment.source == model::ClusterSource::kNone;
      in.Warn(unmapped ? "industry_code" : "cluster",
              unmapped ? "cluster_unmapped" : "cluster_conflict", assignment.warning);
    }
  }
  return out;
}

ParsedDesignation ParseDesignationCells(const Cells& cells, const model::ClusterSystem& system,
                                        const FindDesignation& find_existing) {
  ParsedDesignation out;
  CellReader in(cells, out);
  model::Designation& d = out.designation;
  d.uscc = in.CreditCode("uscc");
  const std::string type_cell = in.Required("designation");
  const model::DesignationType* type = system.FindDesignationType(type_cell);
  if (!type_cell.empty() && type == nullptr) {
    std::vector<std::string> codes;
    for (const auto& t : system.designation_types) codes.push_back(t.code);
    in.Fail("designation", "unknown_designation",
            core::Say(text::kNotADesignationType, type_cell, fmt::join(codes, ", ")));
  }
  const std::string granted_cell = in.Required("granted");
  const auto granted = in.Date("granted");
  const auto withdrawn = in.Date("withdrawn");
  if (type == nullptr || !granted) return out;

  if (const auto* existing = find_existing(d.uscc, type->code, *granted)) d = *existing;
  d.type = type->code;
  d.granted = *granted;
  if (in.Has("withdrawn")) d.withdrawn = withdrawn;
  if (in.Has("level")) d.level = in.Cell("level");
  if (in.Has("note")) d.note = in.Cell("note");
  if (d.withdrawn && *d.withdrawn < d.granted) {
    in.Fail(
        "withdrawn", "withdrawn_before_granted",
        core::Say(text::kWithdrawnBeforeGranted, d.withdrawn->ToString(), d.granted.ToString()));
  }
  return out;
}

void ParseMonthlyCells(const MonthlyCells& cells, int money_exponent, bool uscc_checked,
                       ParsedMonthly& out) {
  out.errors.clear();
  out.warnings.clear();
  const auto fail = [&](std::string_view column, std::string_view rule, core::Text message) {
    out.errors.push_back({std::string(column), std::string(rule), std::move(message)});
  };
  out.uscc = cells.uscc;
  if (cells.uscc.empty()) {
    fail("uscc", "missing_required", core::Say(text::kUsccRequired));
  } else if (!uscc_checked) {
    if (auto issue = CheckCreditCode("uscc", cells.uscc)) out.errors.push_back(std::move(*issue));
  }
  if (cells.period.empty()) {
    fail("period", "missing_required", core::Say(text::kPeriodRequired));
  } else if (auto parsed = core::Period::Parse(cells.period)) {
    out.period = *parsed;
  } else {
    fail("period", "malformed_period",
         text::Refused(text::kNotAMonth, cells.period, parsed.error().message()));
  }
  bool stopped = false;
  if (cells.status && !cells.status->empty()) {
    const std::string_view status = *cells.status;
    stopped = status == "停产" || status == "stopped";
    if (!stopped && status != "正常" && status != "normal") {
      fail("status", "unknown_status", core::Say(text::kUnknownProductionStatus, status));
    }
  }
  const auto& output_cell = cells.measures[static_cast<std::size_t>(model::Measure::kOutputValue)];
  const bool no_output = !output_cell || output_cell->empty();
  if (no_output && !stopped) {
    fail("output_value", "missing_required", core::Say(text::kOutputRequired));
  }
  // A figure of the measure in `column`: a number, of the measure's sign, in 万元 if money.
  const auto figure = [&](const model::MeasureInfo& info, std::string_view column,
                          const std::optional<std::string_view>& cell) -> std::optional<double> {
    if (!cell || cell->empty()) return std::nullopt;  // missing, not zero
    auto value = core::ParseDecimal(*cell, info.money ? money_exponent : 0);
    if (!value) {
      fail(column, "malformed_number",
           text::Refused(text::kNotANumber, *cell, value.error().message()));
      return std::nullopt;
    }
    if (auto problem = SizeProblem(info, *cell, *value, money_exponent)) {
      fail(column, problem->first, std::move(problem->second));
      return std::nullopt;
    }
    if (*value < 0 && !info.may_be_negative) {
      fail(column, "negative_value",
           core::Say(text::kMeasureMustNotBeNegative, column, info.name_zh));
      return std::nullopt;
    }
    return *value;
  };
  for (const auto& info : model::Measures()) {
    const auto m = static_cast<std::size_t>(info.measure);
    out.values[m] = figure(info, info.column, cells.measures[m]);
    out.prior[m] = model::HasPrior(info.measure) ? figure(info, info.prior_column, cells.priors[m])
                                                 : std::nullopt;
  }
  if (no_output && stopped)
    out.values[static_cast<std::size_t>(model::Measure::kOutputValue)] = 0.0;
  const auto& output = out.values[static_cast<std::size_t>(model::Measure::kOutputValue)];
  const auto& value_added = out.values[static_cast<std::size_t>(model::Measure::kValueAdded)];
  if (output && value_added && *value_added > *output) {
    fail("value_added", "va_above_output",
         core::Say(text::kValueAddedAboveOutput,
                   *cells.measures[static_cast<std::size_t>(model::Measure::kValueAdded)],
                   *output_cell));
  }
}

}  // namespace clusterscope::ingest

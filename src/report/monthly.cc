// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/monthly.h"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clusterscope/report/text_table.h"
#include "clusterscope/text/report.h"

namespace clusterscope::report {
namespace {

using nlohmann::json;

struct Version {
  const model::MonthlyRecord* record;
  std::int64_t batch_id;
  std::optional<std::int64_t> replaced_by;  // empty for the current value
};

// Versions of each period, oldest first, the current one last.
std::map<core::Period, std::vector<Version>> ByPeriod(
    const std::vector<model::MonthlyFact>& current,
    const std::vector<model::MonthlyRevision>& revisions) {
  std::map<core::Period, std::vector<Version>> out;
  for (const auto& r : revisions) {
    out[r.record.period].push_back({&r.record, r.batch_id, r.replaced_by});
  }
  for (const auto& f : current) out[f.record.period].push_back({&f.record, f.batch_id, {}});
  return out;
}

const model::ImportBatch* FindBatch(const std::vector<model::ImportBatch>& batches,
                                    std::int64_t id) {
  for (const auto& batch : batches) {
    if (batch.id == id) return &batch;
  }
  return nullptr;
}

std::string Number(const std::optional<double>& value) {
  return value ? fmt::format("{:.2f}", *value) : "";
}

}  // namespace

std::string HistoryText(const std::vector<model::MonthlyFact>& current,
                        const std::vector<model::MonthlyRevision>& revisions,
                        const std::vector<model::ImportBatch>& batches) {
  std::vector<std::string> headers = {"period", "version"};
  for (const auto& info : model::Measures()) headers.emplace_back(info.column);
  for (const char* h : {"batch", "file", "imported", "by"}) headers.emplace_back(h);
  TextTable table(headers);
  for (std::size_t i = 2; i < 2 + model::kMeasureCount; ++i) table.AlignRight(i);
  for (const auto& [period, versions] : ByPeriod(current, revisions)) {
    for (const auto& version : versions) {
      std::vector<std::string> row = {
          period.ToString(), version.replaced_by
                                 ? fmt::format("replaced by batch {}", *version.replaced_by)
                                 : "current"};
      for (const auto& value : version.record->values) row.push_back(Number(value));
      const auto* batch = FindBatch(batches, version.batch_id);
      row.push_back(std::to_string(version.batch_id));
      row.push_back(batch != nullptr ? batch->file : "");
      row.push_back(batch != nullptr ? batch->at : "");
      row.push_back(batch != nullptr ? batch->actor : "");
      table.AddRow(std::move(row));
    }
  }
  return table.Render() + "money in 万元, energy in tonnes of standard coal\n";
}

std::string HistoryJson(const std::vector<model::MonthlyFact>& current,
                        const std::vector<model::MonthlyRevision>& revisions,
                        const std::vector<model::ImportBatch>& batches) {
  json periods = json::array();
  for (const auto& [period, versions] : ByPeriod(current, revisions)) {
    json list = json::array();
    for (const auto& version : versions) {
      json values = json::object();
      for (const auto& info : model::Measures()) {
        const auto& value = (*version.record)[info.measure];
        values[std::string(info.column)] = value ? json(*value) : json(nullptr);
      }
      const auto* batch = FindBatch(batches, version.batch_id);
      list.push_back(
          {{"current", !version.replaced_by.has_value()},
           {"values", values},
           {"batch_id", version.batch_id},
           {"file", batch != nullptr ? json(batch->file) : json(nullptr)},
           {"imported_at", batch != nullptr ? json(batch->at) : json(nullptr)},
           {"imported_by", batch != nullptr ? json(batch->actor) : json(nullptr)},
           {"replaced_by", version.replaced_by ? json(*version.replaced_by) : json(nullptr)}});
    }
    periods.push_back({{"period", period.ToString()}, {"versions", list}});
  }
  return json({{"periods", periods}}).dump(2) + "\n";
}

std::string QualityWarningsText(const std::vector<model::QualityWarning>& warnings,
                                core::Language language) {
  const auto in = [language](const core::Message& m) { return std::string(m.In(language)); };
  TextTable table({in(text::kId), in(text::kPeriod), in(text::kCreditCode), in(text::kRule),
                   in(text::kWarningMeasure), in(text::kMessage), in(text::kStatus),
                   in(text::kConfirmNote)});
  for (const auto& w : warnings) {
    const auto* status = w.status == "open"        ? &text::kWarningOpen
                         : w.status == "confirmed" ? &text::kWarningConfirmed
                                                   : &text::kWarningSuperseded;
    table.AddRow({std::to_string(w.id), w.period.ToString(), w.uscc, w.rule, w.measure,
                  w.message.In(language), in(*status), w.note});
  }
  return table.Render() + core::Say(language,
                                    warnings.size() == 1 ? text::kOneWarning : text::kWarnings,
                                    warnings.size());
}

std::string QualityWarningsJson(const std::vector<model::QualityWarning>& warnings,
                                core::Language language) {
  json out = json::array();
  for (const auto& w : warnings) {
    out.push_back({{"id", w.id},
                   {"batch_id", w.batch_id},
                   {"uscc", w.uscc},
                   {"period", w.period.ToString()},
                   {"rule", w.rule},
                   {"measure", w.measure.empty() ? json(nullptr) : json(w.measure)},
                   {"value", w.value ? json(*w.value) : json(nullptr)},
                   {"message", w.message.In(language)},
                   {"status", w.status},
                   {"note", w.note},
                   {"resolved_by", w.resolved_by.empty() ? json(nullptr) : json(w.resolved_by)},
                   {"resolved_at", w.resolved_at.empty() ? json(nullptr) : json(w.resolved_at)}});
  }
  return json({{"warnings", out}}).dump(2) + "\n";
}

std::string QualitySummaryText(const std::vector<model::QualityWarning>& warnings) {
  if (warnings.empty()) return "";
  std::map<std::string, std::size_t> by_rule;
  std::map<core::Period, bool> periods;
  for (const auto& w : warnings) {
    ++by_rule[w.rule];
    periods[w.period] = true;
  }
  std::string out = fmt::format("data-quality warnings ({}):", warnings.size());
  for (const auto& [rule, count] : by_rule) out += fmt::format(" {} {}", rule, count);
  out += fmt::format("; see: clusterscope audit list --period {}\n",
                     periods.rbegin()->first.ToString());
  return out;
}

}  // namespace clusterscope::report

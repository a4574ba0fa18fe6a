// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/disclosure.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clusterscope/report/text_table.h"

namespace clusterscope::report {
namespace {

using nlohmann::json;

std::string Bound(double value) {
  if (std::isinf(value)) return value > 0 ? "+inf" : "-inf";
  return fmt::format("{:.2f}", value);
}

json BoundJson(double value) { return std::isinf(value) ? json(nullptr) : json(value); }

}  // namespace

std::string DisclosureAuditText(const std::vector<disclosure::MonthAudit>& months) {
  TextTable summary({"period", "insider", "groups", "published", "primary", "secondary", "same_as",
                     "solves", "seconds", "exposed"});
  // "period": when the attacker reads; "month": the figure's.
  TextTable exposed(
      {"period", "insider", "month", "kind", "code", "figure", "value", "low", "high"});
  std::size_t exposures = 0;
  for (const auto& m : months) {
    summary.AddRow({m.period.ToString(), m.insider_park.empty() ? "-" : m.insider_park,
                    std::to_string(m.groups), std::to_string(m.published),
                    std::to_string(m.control.withheld_primary),
                    std::to_string(m.control.withheld_secondary),
                    std::to_string(m.control.withheld_same_as), std::to_string(m.control.solves),
                    fmt::format("{:.2f}", m.seconds), std::to_string(m.exposures.size())});
    for (const auto& e : m.exposures) {
      ++exposures;
      exposed.AddRow({m.period.ToString(), m.insider_park.empty() ? "-" : m.insider_park,
                      e.period.ToString(), e.kind, e.code,
                      std::string(engine::QuantityName(e.quantity)), fmt::format("{:.2f}", e.value),
                      e.solved ? Bound(e.interval.low) : "?",
                      e.solved ? Bound(e.interval.high) : "?"});
    }
  }
  std::string out = summary.Render();
  if (exposures == 0) {
    out += "\nno withheld figure can be narrowed down more than its protection allows\n";
  } else {
    out += fmt::format("\n{} withheld figure(s) narrowed down more than their protection:\n\n",
                       exposures);
    out += exposed.Render();
  }
  return out;
}

std::string DisclosureAuditJson(const std::vector<disclosure::MonthAudit>& months) {
  json out = json::object();
  json list = json::array();
  std::size_t exposures = 0;
  for (const auto& m : months) {
    json month = {{"period", m.period.ToString()},
                  {"insider_park", m.insider_park},
                  {"groups", m.groups},
                  {"published", m.published},
                  {"withheld",
                   {{"primary", m.control.withheld_primary},
                    {"secondary", m.control.withheld_secondary},
                    {"same_as", m.control.withheld_same_as}}},
                  {"solves", m.control.solves},
                  {"seconds", m.seconds}};
    json found = json::array();
    for (const auto& e : m.exposures) {
      found.push_back({{"period", e.period.ToString()},
                       {"kind", e.kind},
                       {"code", e.code},
                       {"quantity", engine::QuantityName(e.quantity)},
                       {"value", e.value},
                       {"low", e.solved ? BoundJson(e.interval.low) : json(nullptr)},
                       {"high", e.solved ? BoundJson(e.interval.high) : json(nullptr)},
                       {"solved", e.solved}});
    }
    exposures += found.size();
    month["exposures"] = std::move(found);
    list.push_back(std::move(month));
  }
  out["months"] = std::move(list);
  out["exposed"] = exposures;
  return out.dump(2) + "\n";
}

}  // namespace clusterscope::report

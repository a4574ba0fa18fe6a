// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope enterprise add|update|show|list`: the enterprise registry.
#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/registry_service.h"
#include "clusterscope/report/registry.h"

namespace clusterscope::cli {
namespace {

// The record options of add and update. Only options given on the command line become cells,
// so that update changes just those; an empty value ("") clears an optional field.
struct RecordOptions {
  std::vector<std::pair<std::string, std::string>> given;  // column -> value
  int year = 0;

  void Add(CLI::App& command, bool for_add) {
    struct Spec {
      const char* flag;
      const char* column;
      const char* help;
    };
    static constexpr Spec kSpecs[] = {
        {"--name", "name", "Enterprise name (企业名称)"},
        {"--industry", "industry_code", "4-digit GB/T 4754-2017 class (行业代码)"},
        {"--cluster", "cluster", "Cluster code or name; empty: derive from the industry class"},
        {"--park", "park", "Park code or name"},
        {"--town", "town", "Town (乡镇街道) code or name"},
        {"--above-scale", "above_scale", "Above-scale (规上) in --year: 1/0/是/否"},
        {"--founded", "founded", "Founding date, YYYY-MM-DD"},
        {"--listed", "listed", "Listed company: 1/0/是/否"},
        {"--land-km2", "land_km2", "Industrial land used, km²"},
        {"--strategic-emerging", "strategic_emerging",
         "Strategic emerging industry category (2018), e.g. 3 or 3.1"},
    };
    for (const auto& spec : kSpecs) {
      const std::string column = spec.column;
      auto* option = command.add_option_function<std::string>(
          spec.flag,
          [this, column](const std::string& value) { given.emplace_back(column, value); },
          spec.help);
      if (for_add && (column == "name" || column == "industry_code")) option->required();
    }
    command.add_option("--year", year,
                       "Year the --above-scale value describes (default: this year)");
  }

  model::Cells Cells(const std::string& uscc) const {
    model::Cells cells{{"uscc", uscc}};
    for (const auto& [column, value] : given) cells[column] = value;
    return cells;
  }
};

void PrintWarnings(const std::vector<model::CellIssue>& warnings) {
  for (const auto& warning : warnings) {
    fmt::print(stderr, "warning: {}: {} [{}]\n", warning.column, warning.message.en, warning.rule);
  }
}

std::string_view ChangeName(model::Change change) {
  switch (change) {
    case model::Change::kInserted:
      return "added";
    case model::Change::kUpdated:
      return "updated";
    case model::Change::kUnchanged:
      return "unchanged";
  }
  return "";
}

void AddEnterpriseWrites(CLI::App& group, Context& ctx) {
  for (const bool is_add : {true, false}) {
    auto* command = AddCommand(
        group, is_add ? "add" : "update",
        is_add ? "Register an enterprise" : "Change fields of a registered enterprise (audited)");
    auto uscc = std::make_shared<std::string>();
    auto record = std::make_shared<RecordOptions>();
    command->add_option("uscc", *uscc, "Unified social credit code (18 characters)")->required();
    record->Add(*command, is_add);
    command->callback([&ctx, uscc, record, is_add] {
      ctx.action = [&ctx, uscc, record, is_add] {
        int code = 0;
        auto opened = OpenDatabase(ctx, code);
        if (!opened) return code;
        const int year = record->year != 0 ? record->year : app::CurrentYear();
        auto registry = opened->Service<app::RegistryService>();
        auto result = is_add ? registry.AddEnterprise(record->Cells(*uscc), year)
                             : registry.UpdateEnterprise(record->Cells(*uscc), year);
        if (!result) return Fail(result.error());
        PrintWarnings(result->warnings);
        fmt::print("{} {}\n", ChangeName(result->change), *uscc);
        return static_cast<int>(kExitOk);
      };
    });
  }
}

void AddEnterpriseShow(CLI::App& group, Context& ctx) {
  auto* show = AddCommand(group, "show", "Show one enterprise with its designations");
  auto show_uscc = std::make_shared<std::string>();
  auto show_format = std::make_shared<std::string>();
  show->add_option("uscc", *show_uscc, "Unified social credit code")->required();
  AddFormatOption(*show, *show_format);
  show->callback([&ctx, show_uscc, show_format] {
    ctx.action = [&ctx, show_uscc, show_format] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto grant = opened->Grant(app::Subject::kEnterprises, *show_uscc, "enterprise show");
      if (!grant) return Fail(grant.error());
      auto registry = opened->Service<app::RegistryService>();
      auto enterprise = registry.Enterprise(*grant, *show_uscc);
      if (!enterprise) return Fail(enterprise.error());
      auto designations = registry.Designations(*grant, {*show_uscc, "", std::nullopt});
      if (!designations) return Fail(designations.error());
      fmt::print("{}", *show_format == "json"
                           ? report::EnterpriseJson(*enterprise, opened->system(), *designations)
                           : report::EnterpriseText(*enterprise, opened->system(), *designations));
      return static_cast<int>(kExitOk);
    };
  });
}

void AddEnterpriseList(CLI::App& group, Context& ctx) {
  auto* list = AddCommand(group, "list", "List enterprises, filtered");
  auto filter = std::make_shared<model::EnterpriseFilter>();
  auto list_format = std::make_shared<std::string>();
  auto above_scale_in = std::make_shared<int>(0);
  list->add_option("--cluster", filter->cluster, "Cluster code");
  list->add_option("--park", filter->park, "Park code");
  list->add_option("--town", filter->town, "Town code");
  list->add_option("--industry", filter->industry_prefix, "GB/T 4754 class or prefix, e.g. 38");
  list->add_option("--name", filter->name_contains, "Part of the name");
  list->add_option("--above-scale-in", *above_scale_in, "Only those above scale in this year");
  list->add_option("--limit", filter->limit, "At most this many");
  AddFormatOption(*list, *list_format);
  list->callback([&ctx, filter, list_format, above_scale_in] {
    ctx.action = [&ctx, filter, list_format, above_scale_in] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      if (*above_scale_in != 0) filter->above_scale_in = *above_scale_in;
      auto grant = opened->Grant(
          app::Subject::kEnterprises, "enterprise list",
          fmt::format("cluster={} park={} town={} industry={} name={}", filter->cluster,
                      filter->park, filter->town, filter->industry_prefix, filter->name_contains));
      if (!grant) return Fail(grant.error());
      auto enterprises = opened->Service<app::RegistryService>().Enterprises(*grant, *filter);
      if (!enterprises) return Fail(enterprises.error());
      fmt::print("{}",
                 *list_format == "json"
                     ? report::EnterpriseListJson(*enterprises, opened->system())
                     : report::EnterpriseListText(*enterprises, opened->system(), *above_scale_in));
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace

void RegisterEnterprise(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "enterprise", "The enterprise registry");
  group->require_subcommand(1);
  AddEnterpriseWrites(*group, ctx);
  AddEnterpriseShow(*group, ctx);
  AddEnterpriseList(*group, ctx);
}

}  // namespace clusterscope::cli

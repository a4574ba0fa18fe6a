// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope project add|advance|list`: the investment pipeline from lead to full production.
#include <memory>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/chains_service.h"
#include "clusterscope/report/chains.h"

namespace clusterscope::cli {
namespace {

Result<model::Stage> StageOption(const std::string& text) {
  if (const auto stage = model::ParseStage(text)) return *stage;
  return Error(Status::InvalidArgument(fmt::format(
      "'{}' is not a stage: lead (线索), signed (签约), registered (落地), construction (开工), "
      "production (投产), full_production (达产)",
      text)));
}

Result<std::optional<core::Date>> DateOption(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<core::Date>();
  auto date = core::Date::Parse(text);
  if (!date) return Error(date.error().WithContext(option));
  return std::optional<core::Date>(*date);
}

std::string StagesHelp() {
  std::string out;
  for (const auto& s : model::Stages()) {
    out += (out.empty() ? "" : ", ") + fmt::format("{} ({})", s.code, s.name_zh);
  }
  return out;
}

void AddProjectAdd(CLI::App& group, Context& ctx) {
  struct AddArgs {
    model::Project project;
    std::optional<double> investment, capacity, sales;
    std::string capacity_unit, stage = "lead", date, production, curve = "linear";
  };
  auto a = std::make_shared<AddArgs>();
  auto* add = AddCommand(group, "add",
                         "Add a project at its stage (one phase; import a file for "
                         "several)");
  add->add_option("--code", a->project.code, "Project code, unique")->required();
  add->add_option("--name", a->project.name, "Project name")->required();
  add->add_option("--investor", a->project.investor, "Investor");
  add->add_option("--cluster", a->project.cluster, "Cluster code");
  add->add_option("--chain", a->project.chain, "Chain code");
  add->add_option("--link", a->project.link, "Link code within the chain");
  add->add_option("--park", a->project.park, "Park code");
  add->add_option("--uscc", a->project.uscc, "Credit code of the local project company");
  add->add_option("--investment", a->investment, "Total investment, 万元");
  add->add_option("--capacity", a->capacity, "Capacity at full production");
  add->add_option("--capacity-unit", a->capacity_unit,
                  "Unit of the capacity: GWh/年, km/年, 吨/年");
  add->add_option("--annual-sales", a->sales, "Sales a year at full production, 万元");
  add->add_option("--stage", a->stage, "Stage: " + StagesHelp())->default_val("lead");
  add->add_option("--date", a->date, "Date the project reached its stage, YYYY-MM-DD")->required();
  add->add_option("--production", a->production, "Planned start of production, YYYY-MM-DD");
  add->add_option("--ramp-months", a->project.ramp_months, "Months from production to full output")
      ->default_val(24);
  add->add_option("--curve", a->curve, "Ramp-up curve: linear, s_curve, step")
      ->check(CLI::IsMember({"linear", "s_curve", "step"}))
      ->default_val("linear");
  add->add_option("--note", a->project.note, "Note");
  add->callback([&ctx, a] {
    ctx.action = [&ctx, a] {
      auto stage = StageOption(a->stage);
      if (!stage) return Fail(stage.error());
      auto date = DateOption(a->date, "--date");
      if (!date) return Fail(date.error());
      auto production = DateOption(a->production, "--production");
      if (!production) return Fail(production.error());
      model::Project p = a->project;
      p.stage = *stage;
      p.reached[static_cast<std::size_t>(*stage)] = **date;
      if (*production) {
        if (*stage >= model::Stage::kProduction) {
          return Fail(Status::InvalidArgument(
              "--production is the planned start; a project in production has its --date"));
        }
        p.planned[static_cast<std::size_t>(model::Stage::kProduction)] = **production;
      }
      p.total_investment = a->investment;
      p.curve = *model::ParseRampCurve(a->curve);
      if (a->capacity || a->sales || !a->capacity_unit.empty()) {
        p.phases.push_back(
            {1, a->investment, a->capacity, a->capacity_unit, a->sales, std::nullopt});
      }
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      if (const Status added = opened->Service<app::ChainsService>().AddProject(p); !added.ok()) {
        return Fail(added);
      }
      fmt::print("added project {} at {} ({}) on {}\n", p.code, model::InfoOf(p.stage).code,
                 model::InfoOf(p.stage).name_zh, (*date)->ToString());
      return static_cast<int>(kExitOk);
    };
  });
}

void AddProjectAdvance(CLI::App& group, Context& ctx) {
  struct AdvanceArgs {
    std::string code, to, date, reason;
  };
  auto v = std::make_shared<AdvanceArgs>();
  auto* advance = AddCommand(group, "advance",
                             "Move a project to its next stage; skipping a stage or moving back "
                             "needs --reason");
  advance->add_option("code", v->code, "Project code")->required();
  advance->add_option("--to", v->to, "Stage: " + StagesHelp())->required();
  advance->add_option("--date", v->date, "Date of the move, YYYY-MM-DD")->required();
  advance->add_option("--reason", v->reason, "Why a stage is skipped or the project goes back");
  advance->callback([&ctx, v] {
    ctx.action = [&ctx, v] {
      auto stage = StageOption(v->to);
      if (!stage) return Fail(stage.error());
      auto date = DateOption(v->date, "--date");
      if (!date) return Fail(date.error());
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto moved =
          opened->Service<app::ChainsService>().AdvanceProject(v->code, *stage, **date, v->reason);
      if (!moved) return Fail(moved.error());
      fmt::print("project {} is at {} ({}) since {}\n", v->code, model::InfoOf(*stage).code,
                 model::InfoOf(*stage).name_zh, (*date)->ToString());
      return static_cast<int>(kExitOk);
    };
  });
}

void AddProjectList(CLI::App& group, Context& ctx) {
  struct ListArgs {
    std::string stage, as_of, format = "table", out, lang = "zh";
  };
  auto l = std::make_shared<ListArgs>();
  auto* list = AddCommand(group, "list", "The pipeline by stage, every project, what is overdue");
  list->add_option("--stage", l->stage, "Only projects at this stage");
  list->add_option(
      "--as-of", l->as_of,
      "Day overdue stages are judged on (default: the last day of the latest month held)");
  list->add_option("--format", l->format,
                   "table, md (Markdown), json, html, or xlsx (Excel, needs --out)")
      ->check(CLI::IsMember({"table", "md", "json", "html", "xlsx"}))
      ->default_val("table");
  list->add_option("--out", l->out, "Write to this file instead of the terminal");
  list->add_option("--lang", l->lang, "zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->default_val("zh");
  list->callback([&ctx, l] {
    ctx.action = [&ctx, l] {
      auto as_of = DateOption(l->as_of, "--as-of");
      if (!as_of) return Fail(as_of.error());
      std::optional<model::Stage> only;
      if (!l->stage.empty()) {
        auto stage = StageOption(l->stage);
        if (!stage) return Fail(stage.error());
        only = *stage;
      }
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto pipeline = opened->Service<app::ChainsService>().Projects(*as_of);
      if (!pipeline) return Fail(pipeline.error());
      if (only) {
        chains::Pipeline kept;
        kept.rules = pipeline->rules;
        kept.as_of = pipeline->as_of;
        for (std::size_t i = 0; i < pipeline->projects.size(); ++i) {
          if (pipeline->projects[i].stage != *only) continue;
          kept.projects.push_back(pipeline->projects[i]);
          kept.overdue.push_back(pipeline->overdue[i]);
        }
        *pipeline = std::move(kept);
      }
      if (l->format == "json") return PrintOrWrite(report::PipelineJson(*pipeline), l->out);
      const auto language = l->lang == "en" ? report::Language::kEn : report::Language::kZh;
      return Emit(report::RenderDocument(report::PipelineDocument(*pipeline, language), l->format),
                  l->format, l->out);
    };
  });
}

}  // namespace

void RegisterProject(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "project",
                           "Investment projects from lead to full production (docs/chains.md)");
  group->require_subcommand(1);
  AddProjectAdd(*group, ctx);
  AddProjectAdvance(*group, ctx);
  AddProjectList(*group, ctx);
}

void RegisterCultivate(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "cultivate",
                           "Enterprise cultivation ladders: who is close to the next step, with "
                           "the criteria met and missed (docs/cultivation.md)");
  group->require_subcommand(1);
  struct Args {
    std::string ladder, period, format = "table", out, lang = "zh";
    std::size_t limit = 30;
  };
  auto a = std::make_shared<Args>();
  auto* list = AddCommand(*group, "list", "The enterprises on a ladder (or on every ladder)");
  list->add_option("--ladder", a->ladder,
                   "Ladder code: small_to_above, to_joint_stock, to_listing, innovative_sme, "
                   "srdi_sme, little_giant, high_tech (default: every ladder)");
  list->add_option("--period", a->period, "Month, YYYY-MM (default: the latest held)");
  list->add_option("--limit", a->limit, "Enterprises listed per ladder (0: all)")->default_val(30);
  list->add_option("--format", a->format,
                   "table, md (Markdown), json, html, or xlsx (Excel, needs --out)")
      ->check(CLI::IsMember({"table", "md", "json", "html", "xlsx"}))
      ->default_val("table");
  list->add_option("--out", a->out, "Write to this file instead of the terminal");
  list->add_option("--lang", a->lang, "zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->default_val("zh");
  list->callback([&ctx, a] {
    ctx.action = [&ctx, a] {
      auto period = PeriodOption(a->period);
      if (!period) return Fail(period.error());
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto grant = opened->Grant(
          app::Subject::kCultivation, "cultivate list",
          fmt::format("{} {}", a->ladder, period->has_value() ? (*period)->ToString() : "latest"));
      if (!grant) return Fail(grant.error());
      auto report = opened->Service<app::ChainsService>().Cultivate(*grant, a->ladder, *period);
      if (!report) return Fail(report.error());
      if (a->format == "json") {
        return PrintOrWrite(report::CultivationJson(**report, a->limit), a->out);
      }
      const auto language = a->lang == "en" ? report::Language::kEn : report::Language::kZh;
      return Emit(report::RenderDocument(report::CultivationDocument(**report, a->limit, language),
                                         a->format),
                  a->format, a->out);
    };
  });
}

}  // namespace clusterscope::cli

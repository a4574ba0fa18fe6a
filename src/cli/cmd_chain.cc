// SPDX-License-Identifier: LicenseRef-ClusterScope
// `clusterscope chain list|show|assess|load`: industry chains, their links and 补链 candidates.
#include <memory>

#include "command.h"
#include <fmt/format.h>

#include "clusterscope/app/chains_service.h"
#include "clusterscope/report/chains.h"

namespace clusterscope::cli {
namespace {

struct ChainArgs {
  std::string period, format = "table", out, lang = "zh", code, file;
  std::size_t candidates = 5;
};

void AddOutputOptions(CLI::App& command, ChainArgs& args) {
  command.add_option("--period", args.period, "Month, YYYY-MM (default: the latest held)");
  command
      .add_option("--format", args.format,
                  "table, md (Markdown), json, html, or xlsx (Excel, needs --out)")
      ->check(CLI::IsMember({"table", "md", "json", "html", "xlsx"}))
      ->default_val("table");
  command.add_option("--out", args.out, "Write to this file instead of the terminal");
  command.add_option("--lang", args.lang, "zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->default_val("zh");
}

// Renders the chain report in the chosen format.
int Show(Context& ctx, const ChainArgs& args, report::ChainView view) {
  if (const Status checked = CheckOut(args.format, args.out); !checked.ok()) return Fail(checked);
  auto period = PeriodOption(args.period);
  if (!period) return Fail(period.error());
  int code = 0;
  auto opened = OpenDatabase(ctx, code);
  if (!opened) return code;
  // The enterprises of each link are an export; the overview names none.
  auto grant = opened->Grant(view.details ? app::Subject::kChains : app::Subject::kChainOverview,
                             "chain", view.chain.empty() ? "all" : view.chain);
  if (!grant) return Fail(grant.error());
  view.public_view = !grant->full();
  auto chains = opened->Service<app::ChainsService>().Chains(*grant, *period, args.candidates);
  if (!chains) return Fail(chains.error());
  if (!view.chain.empty() && (*chains)->plan.FindChain(view.chain) == nullptr) {
    std::vector<std::string> codes;
    for (const auto& c : (*chains)->plan.chains) codes.push_back(c.code);
    return Fail(Status::NotFound(
        fmt::format("no chain '{}' (chains: {})", view.chain, fmt::join(codes, ", "))));
  }
  if (args.format == "json") return PrintOrWrite(report::ChainsJson(**chains, view), args.out);
  const auto language = args.lang == "en" ? report::Language::kEn : report::Language::kZh;
  return Emit(report::RenderDocument(report::ChainsDocument(**chains, view, language), args.format),
              args.format, args.out);
}

}  // namespace

void RegisterChain(CLI::App& app, Context& ctx) {
  auto* group = AddCommand(app, "chain",
                           "Industry chains (链长制): links rated strong, weak, at risk or "
                           "missing, their enterprises and candidates to attract (docs/chains.md)");
  group->require_subcommand(1);

  auto list_args = std::make_shared<ChainArgs>();
  auto* list = AddCommand(*group, "list", "Every chain: chief, completeness, statuses, output");
  AddOutputOptions(*list, *list_args);
  list->callback([&ctx, list_args] {
    ctx.action = [&ctx, list_args] {
      return Show(ctx, *list_args,
                  {.chain = "", .links = false, .details = false, .public_view = false});
    };
  });

  auto show_args = std::make_shared<ChainArgs>();
  auto* show = AddCommand(*group, "show",
                          "One chain: its links upstream to downstream with status, reasons, "
                          "enterprises, and candidates for the weak and missing links");
  show->add_option("code", show_args->code, "Chain code, e.g. battery")->required();
  show->add_option("--candidates", show_args->candidates,
                   "Candidates listed per weak or missing link")
      ->default_val(5);
  AddOutputOptions(*show, *show_args);
  show->callback([&ctx, show_args] {
    ctx.action = [&ctx, show_args] {
      return Show(ctx, *show_args,
                  {.chain = show_args->code, .links = true, .details = true, .public_view = false});
    };
  });

  auto assess_args = std::make_shared<ChainArgs>();
  auto* assess =
      AddCommand(*group, "assess", "Every chain with every link rated, enterprises and candidates");
  assess
      ->add_option("--candidates", assess_args->candidates,
                   "Candidates listed per weak or missing link")
      ->default_val(5);
  AddOutputOptions(*assess, *assess_args);
  assess->callback([&ctx, assess_args] {
    ctx.action = [&ctx, assess_args] {
      return Show(ctx, *assess_args,
                  {.chain = "", .links = true, .details = true, .public_view = false});
    };
  });

  auto load_args = std::make_shared<ChainArgs>();
  auto* load = AddCommand(*group, "load",
                          "Check a chain plan (TOML: chains, link rules, pipeline rules, "
                          "ladders) against the system and make it current");
  load->add_option("file", load_args->file, "The plan, e.g. systems/fuling-2349-chains.toml")
      ->required();
  load->callback([&ctx, load_args] {
    ctx.action = [&ctx, load_args] {
      int code = 0;
      auto opened = OpenDatabase(ctx, code);
      if (!opened) return code;
      auto plan = opened->Service<app::ChainsService>().LoadPlan(load_args->file);
      if (!plan) return Fail(plan.error());
      std::size_t links = 0;
      for (const auto& c : plan->chains) links += c.links.size();
      fmt::print("loaded chain plan {}: {} chains, {} links, {} ladders\n", load_args->file,
                 plan->chains.size(), links, plan->ladders.size());
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace clusterscope::cli

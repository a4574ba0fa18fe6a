// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/disclosure/control.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <thread>

#include <fmt/format.h>

#include "clusterscope/disclosure/protect.h"

namespace clusterscope::disclosure {
namespace {

using engine::Quantity;

// Whether figures made of these contributions would reveal one of them: too few contributors,
// two that dominate, or (p %) a second that could estimate the first. Absolute values, so a
// loss weighs like a profit; a figure nobody contributes to reveals nothing.
bool Sensitive(std::vector<double>& values, const DisclosureRules& rules) {
  double total = 0;
  std::size_t contributors = 0;
  for (auto& v : values) {
    v = std::abs(v);
    total += v;
    if (v > 0) ++contributors;
  }
  if (contributors == 0) return false;
  if (contributors < rules.min_enterprises) return true;
  std::partial_sort(values.begin(), values.begin() + 2, values.end(), std::greater<>());
  const double top2 = values[0] + values[1];
  if (top2 > rules.dominance * total) return true;
  return rules.p_percent > 0 && total - top2 < rules.p_percent / 100 * values[0];
}

// The groups of one period as atoms, with what each atom and group holds.
struct Frame {
  engine::Contributions contributions;
  Atoms atoms;
  std::vector<std::vector<std::uint32_t>> atom_members;  // per atom
};

Frame FrameOf(const engine::Engine& engine, const engine::MonthlyIndicators& indicators) {
  Frame out;
  out.contributions = engine.ContributionsTo(indicators);
  const auto& c = out.contributions;
  out.atoms = MakeAtoms(c.uscc.size(), c.members);
  out.atom_members.resize(out.atoms.count);
  for (std::size_t m = 0; m < c.uscc.size(); ++m) {
    if (out.atoms.atom_of[m] >= 0) {
      out.atom_members[static_cast<std::size_t>(out.atoms.atom_of[m])].push_back(
          static_cast<std::uint32_t>(m));
    }
  }
  return out;
}

// Whether the members' values of `q` are sensitive.
bool SensitiveMembers(const Frame& frame, const std::vector<std::uint32_t>& members, Quantity q,
                      const DisclosureRules& rules) {
  std::vector<double> values;
  values.reserve(members.size());
  for (const auto m : members) values.push_back(frame.contributions.values[m][engine::Idx(q)]);
  return Sensitive(values, rules);
}

// One quantity's table: the groups' cells, then a cell for each atom its own rules would
// withhold (never published; the attacker must not pin one down either).
struct QuantityTable {
  LinearTable table;
  std::size_t groups = 0;                 // cells below this are the groups'
  std::vector<std::size_t> atom_of_cell;  // for the atoms' cells, from `groups` on
};

QuantityTable TableOf(const Frame& frame, Quantity q, const DisclosureRules& rules) {
  QuantityTable out;
  const auto& c = frame.contributions;
  std::vector<double> atom_value(frame.atoms.count, 0);
  for (std::size_t m = 0; m < c.uscc.size(); ++m) {
    if (frame.atoms.atom_of[m] >= 0) {
      atom_value[static_cast<std::size_t>(frame.atoms.atom_of[m])] += c.values[m][engine::Idx(q)];
    }
  }
  out.table.atoms = frame.atoms.count;
  out.table.non_negative = !engine::MayBeNegative(q);
  out.table.cells = frame.atoms.cells;
  out.table.atom_values = atom_value;
  out.groups = out.table.cells.size();
  for (const auto& atoms : out.table.cells) {
    double sum = 0;
    for (const auto a : atoms) sum += atom_value[a];
    out.table.values.push_back(sum);
  }
  for (std::size_t a = 0; a < frame.atoms.count; ++a) {
    const bool insider =
        !rules.insider_park.empty() && c.park[frame.atom_members[a].front()] == rules.insider_park;
    if (insider) {
      out.table.known.emplace_back(static_cast<std::uint32_t>(a), atom_value[a]);
    } else if (SensitiveMembers(frame, frame.atom_members[a], q, rules)) {
      out.table.cells.push_back({static_cast<std::uint32_t>(a)});
      out.table.values.push_back(atom_value[a]);
      out.atom_of_cell.push_back(a);
    }
  }
  return out;
}

// The groups whose own figures of `q` are sensitive.
std::vector<bool> PrimaryOf(const Frame& frame, Quantity q, const DisclosureRules& rules) {
  std::vector<bool> out;
  for (const auto& members : frame.contributions.members) {
    out.push_back(SensitiveMembers(frame, members, q, rules));
  }
  return out;
}

}  // namespace

Status DisclosureRules::Validate() const {
  if (min_enterprises < 1)
    return Status::InvalidArgument("the minimum enterprises must be 1 or more");
  if (!(dominance > 0 && dominance <= 1)) {
    return Status::InvalidArgument(
        fmt::format("the dominance share {} must be above 0 and at most 1", dominance));
  }
  if (!(p_percent >= 0 && p_percent <= 100)) {
    return Status::InvalidArgument(fmt::format("the p % rule's p {} must be 0..100", p_percent));
  }
  if (!(protection >= 0 && protection < 1)) {
    return Status::InvalidArgument(
        fmt::format("the protection share {} must be at least 0 and below 1", protection));
  }
  return Status::Ok();
}

}  // namespace clusterscope::disclosure

namespace clusterscope::disclosure {
namespace {

// The order control weighs the quantities in: output first, since a group whose output is
// withheld shows nothing, then its base and month, then the rest.
constexpr std::array<Quantity, engine::kQuantityCount> kOrder{Quantity::kOutput,
                                                              Quantity::kOutputBase,
                                                              Quantity::kMonthOutput,
                                                              Quantity::kMonthOutputBase,
                                                              Quantity::kValueAdded,
                                                              Quantity::kValueAddedBase,
                                                              Quantity::kRealValueAdded,
                                                              Quantity::kRevenue,
                                                              Quantity::kProfit,
                                                              Quantity::kProfitBase,
                                                              Quantity::kLossAmount,
                                                              Quantity::kRdExpense,
                                                              Quantity::kNewProductRevenue,
                                                              Quantity::kExportValue,
                                                              Quantity::kEnergyTce,
                                                              Quantity::kEnergyBase,
                                                              Quantity::kEmployeeMonths};

// Runs work(i) for i in [from, count) on every core; each call is independent (the solver's
// state is per thread).
template <typename Work>
void InParallel(std::size_t from, std::size_t count, Work work) {
  std::atomic<std::size_t> next{from};
  const auto run = [&] {
    for (std::size_t i = next++; i < count; i = next++) work(i);
  };
  std::vector<std::thread> threads;
  const std::size_t extra = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8) - 1;
  for (std::size_t t = 0; t < extra && t + from + 1 < count; ++t) threads.emplace_back(run);
  run();
  for (auto& thread : threads) thread.join();
}

// Sets a published group's quantity aside: its sum zeroed, the ratios that read it null.
void WithholdQuantity(engine::GroupIndicators& g, Quantity q, Reason reason) {
  using model::Measure;
  g.withheld[engine::Idx(q)] = std::string(ReasonName(reason));
  const auto reads = [&](std::initializer_list<Quantity> parts) {
    return std::find(parts.begin(), parts.end(), q) != parts.end();
  };
  if (reads({Quantity::kOutput, Quantity::kOutputBase})) {
    g.growth_same_basis.reset();
    g.contribution_rate.reset();
    g.pull_pp.reset();
  }
  if (reads({Quantity::kMonthOutput, Quantity::kMonthOutputBase})) g.month_growth.reset();
  if (reads({Quantity::kValueAdded, Quantity::kOutput})) g.va_rate.reset();
  if (reads({Quantity::kProfit, Quantity::kRevenue})) g.profit_margin.reset();
  if (reads({Quantity::kRdExpense, Quantity::kRevenue})) g.rd_intensity.reset();
  if (reads({Quantity::kNewProductRevenue, Quantity::kRevenue})) g.new_product_share.reset();
  if (reads({Quantity::kExportValue, Quantity::kOutput})) g.export_share.reset();
  if (reads({Quantity::kEnergyTce, Quantity::kValueAdded})) g.energy_per_va.reset();
  if (reads({Quantity::kEnergyTce, Quantity::kValueAdded, Quantity::kEnergyBase,
             Quantity::kValueAddedBase})) {
    g.energy_per_va_change.reset();
  }
  if (reads({Quantity::kValueAdded, Quantity::kEmployeeMonths})) g.labor_productivity.reset();
  if (reads({Quantity::kOutput})) g.output_per_km2.reset();
  if (reads({Quantity::kRealValueAdded, Quantity::kValueAddedBase})) {
    g.value_added_growth_real.reset();
  }
  switch (q) {
    case Quantity::kMonthOutput:
      g.month_output = 0;
      break;
    case Quantity::kMonthOutputBase:
      g.month_output_base = 0;
      break;
    case Quantity::kOutputBase:
      g.ytd_base[static_cast<std::size_t>(Measure::kOutputValue)] = 0;
      break;
    case Quantity::kValueAddedBase:
      g.ytd_base[static_cast<std::size_t>(Measure::kValueAdded)] = 0;
      break;
    case Quantity::kProfitBase:
      g.ytd_base[static_cast<std::size_t>(Measure::kProfit)] = 0;
      break;
    case Quantity::kEnergyBase:
      g.ytd_base[static_cast<std::size_t>(Measure::kEnergyTce)] = 0;
      break;
    case Quantity::kLossAmount:
      g.loss_amount = 0;
      break;
    case Quantity::kRealValueAdded:
      g.real_value_added = 0;
      break;
    case Quantity::kEmployeeMonths:
      g.employee_months = 0;
      g.ytd[static_cast<std::size_t>(Measure::kEmployees)] = 0;
      break;
    default:
      g.ytd[engine::Idx(q) - engine::Idx(Quantity::kOutput)] = 0;
      break;
  }
}

// A withheld group: kind, code, name, parent and enterprise count stay; every figure goes.
void WithholdGroup(engine::GroupIndicators& g, Reason reason) {
  engine::GroupIndicators kept;
  kept.kind = std::move(g.kind);
  kept.code = std::move(g.code);
  kept.name = std::move(g.name);
  kept.parent_kind = std::move(g.parent_kind);
  kept.parent_code = std::move(g.parent_code);
  kept.enterprises = g.enterprises;
  kept.suppressed = std::string(ReasonName(reason));
  g = std::move(kept);
}

// One call: the frame of the period, the primary rules at every month of its year to the
// period, and secondary suppression quantity by quantity.
class Control {
 public:
  // `earlier`: the primary cells of each earlier month of the period's year.
  Control(const engine::Engine& engine, const engine::MonthlyIndicators& indicators,
          const DisclosureRules& rules, const std::vector<const Primaries*>& earlier)
      : indicators_(indicators),
        rules_(rules),
        frame_(FrameOf(engine, indicators)),
        earlier_(EarlierPrimaries(earlier)) {
    reasons_.fill(std::vector<Reason>(indicators.groups.size(), Reason::kNone));
  }

  ControlSummary Run() {
    ControlSummary summary;
    summary.solves += Suppress(Quantity::kOutput);
    // The other quantities depend on the output alone: in parallel.
    std::atomic<std::size_t> solves{0};
    InParallel(1, kOrder.size(), [&](std::size_t i) { solves += Suppress(kOrder[i]); });
    summary.solves += solves;
    return summary;
  }

  const std::vector<Reason>& reasons(Quantity q) const { return reasons_[engine::Idx(q)]; }

 private:
  // One quantity's cells: primary, then secondary suppression; the solves it took.
  std::size_t Suppress(Quantity q) {
    const QuantityTable t = TableOf(frame_, q, rules_);
    std::vector<Reason> reasons(t.table.cells.size(), Reason::kNone);
    const auto primary = PrimaryOf(frame_, q, rules_);
    const auto& output = reasons_[engine::Idx(Quantity::kOutput)];
    for (std::size_t i = 0; i < t.groups; ++i) {
      if (q != Quantity::kOutput && output[i] != Reason::kNone) {
        reasons[i] = output[i];  // the group shows nothing
      } else if (primary[i] || earlier_[engine::Idx(q)][i]) {
        reasons[i] = Reason::kPrimary;
      }
    }
    for (std::size_t c = t.groups; c < reasons.size(); ++c) reasons[c] = Reason::kPrimary;
    const std::size_t solves =
        Protect(t.table, reasons, Costs(t), ProtectionOptions{.share = rules_.protection});
    reasons.resize(t.groups);
    reasons_[engine::Idx(q)] = std::move(reasons);
    return solves;
  }

  // What withholding each cell loses: its value; the total's, all but never.
  std::vector<double> Costs(const QuantityTable& t) const {
    std::vector<double> out;
    for (std::size_t c = 0; c < t.table.cells.size(); ++c) {
      double cost = std::abs(t.table.values[c]);
      if (c < t.groups && indicators_.groups[c].kind == "total") cost = cost * 1e6 + 1e12;
      out.push_back(cost);
    }
    return out;
  }

  // The groups (by position in the indicators) each quantity's rules withhold at an earlier
  // month of the year: withheld from then on, so a month's figure never comes out as the
  // difference of two year-to-date sums.
  std::array<std::vector<bool>, engine::kQuantityCount> EarlierPrimaries(
      const std::vector<const Primaries*>& earlier) const {
    std::array<std::vector<bool>, engine::kQuantityCount> out;
    out.fill(std::vector<bool>(indicators_.groups.size(), false));
    for (std::size_t i = 0; i < indicators_.groups.size(); ++i) {
      const std::pair key{indicators_.groups[i].kind, indicators_.groups[i].code};
      for (const auto* month : earlier) {
        const auto at = month->find(key);
        if (at == month->end()) continue;
        for (std::size_t q = 0; q < engine::kQuantityCount; ++q) {
          if (at->second[q]) out[q][i] = true;
        }
      }
    }
    return out;
  }

  const engine::MonthlyIndicators& indicators_;
  const DisclosureRules& rules_;
  const Frame frame_;
  const std::array<std::vector<bool>, engine::kQuantityCount> earlier_;
  std::array<std::vector<Reason>, engine::kQuantityCount> reasons_;
};

void Count(ControlSummary& summary, Reason reason) {
  if (reason == Reason::kPrimary) ++summary.withheld_primary;
  if (reason == Reason::kSecondary) ++summary.withheld_secondary;
  if (reason == Reason::kSameAs) ++summary.withheld_same_as;
}

}  // namespace

ControlSummary ApplyDisclosureControl(const engine::Engine& engine,
                                      engine::MonthlyIndicators& indicators,
                                      const DisclosureRules& rules) {
  return Publisher(engine, rules).Apply(indicators);
}

const Primaries& Publisher::PrimariesAt(core::Period period) {
  const auto [at, fresh] = primaries_.try_emplace(period.Index());
  if (!fresh) return at->second;
  const auto then = engine_.Compute(period, {.top = 0});
  const Frame frame = FrameOf(engine_, then);
  for (const auto q : kOrder) {
    const auto primary = PrimaryOf(frame, q, rules_);
    for (std::size_t i = 0; i < then.groups.size(); ++i) {
      if (primary[i]) at->second[{then.groups[i].kind, then.groups[i].code}][engine::Idx(q)] = true;
    }
  }
  return at->second;
}

ControlSummary Publisher::Apply(engine::MonthlyIndicators& indicators) {
  std::vector<const Primaries*> earlier;
  for (int month = 1; month < indicators.period.month; ++month) {
    earlier.push_back(&PrimariesAt({indicators.period.year, month}));
  }
  Control control(engine_, indicators, rules_, earlier);
  ControlSummary summary = control.Run();
  auto& groups = indicators.groups;
  const auto& output = control.reasons(Quantity::kOutput);
  const auto& base = control.reasons(Quantity::kOutputBase);
  // Alerts name enterprises, or give a withheld group's growth.
  std::erase_if(indicators.alerts, [&](const engine::Alert& alert) {
    if (alert.enterprise_level()) return true;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      if (groups[i].kind == alert.kind && groups[i].code == alert.code) {
        return output[i] != Reason::kNone || base[i] != Reason::kNone;
      }
    }
    return false;
  });
  for (std::size_t i = 0; i < groups.size(); ++i) {
    auto& g = groups[i];
    g.top_by_output.clear();
    g.top_by_growth.clear();
    for (const auto q : kOrder) {
      const Reason reason = control.reasons(q)[i];
      if (reason == Reason::kNone) continue;
      Count(summary, reason);
      if (output[i] == Reason::kNone) WithholdQuantity(g, q, reason);
    }
    if (output[i] != Reason::kNone) WithholdGroup(g, output[i]);
  }
  // The trend is the total's: withheld with it.
  if (!groups.empty() && groups.front().kind == "total" && !groups.front().suppressed.empty()) {
    indicators.trend.clear();
  }
  return summary;
}

std::vector<Exposure> AuditDisclosure(const engine::Engine& engine,
                                      const engine::MonthlyIndicators& published,
                                      const DisclosureRules& rules) {
  const auto full = engine.Compute(published.period, {.top = 0});
  const Frame frame = FrameOf(engine, full);
  std::map<std::pair<std::string, std::string>, const engine::GroupIndicators*> shown;
  for (const auto& g : published.groups) shown[{g.kind, g.code}] = &g;
  std::array<std::vector<Exposure>, engine::kQuantityCount> found;
  InParallel(0, kOrder.size(), [&](std::size_t k) {
    const Quantity q = kOrder[k];
    const QuantityTable t = TableOf(frame, q, rules);
    std::vector<Reason> reasons(t.table.cells.size(), Reason::kPrimary);
    for (std::size_t i = 0; i < t.groups; ++i) {
      const auto it = shown.find({full.groups[i].kind, full.groups[i].code});
      if (it != shown.end() && it->second->Shown(q)) reasons[i] = Reason::kNone;
    }
    for (const auto& finding :
         Audit(t.table, reasons, ProtectionOptions{.share = rules.protection})) {
      Exposure e;
      if (finding.cell < t.groups) {
        e.kind = full.groups[finding.cell].kind;
        e.code = full.groups[finding.cell].code;
      } else {
        e.kind = "enterprises";
        const auto size = frame.atom_members[t.atom_of_cell[finding.cell - t.groups]].size();
        e.code = fmt::format("{} enterprise{}", size, size == 1 ? "" : "s");
      }
      e.quantity = q;
      e.value = finding.value;
      e.interval = finding.interval;
      e.solved = finding.solved;
      found[k].push_back(std::move(e));
    }
  });
  std::vector<Exposure> out;
  for (auto& list : found) std::move(list.begin(), list.end(), std::back_inserter(out));
  return out;
}

}  // namespace clusterscope::disclosure

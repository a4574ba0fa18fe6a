// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Each enterprise is a plan (size, growth path, ratios, years in the frame); a month's figures
// are a pure function of the plan, the period and the seed, so monthly rows are streamed to
// disk without holding the panel. The fuling profile calibrates plan-level factors from the
// first-half sums before anything is written. std::mt19937_64 and the <random> distributions
// of libstdc++ make the output deterministic for a seed on this toolchain.
#include "clusterscope/synth/generator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <set>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "clusterscope/core/classification.h"
#include "clusterscope/core/credit_code.h"
#include "clusterscope/model/designation.h"
#include "clusterscope/model/monthly.h"
#include "clusterscope/synth/matrix.h"

namespace clusterscope::synth {
namespace {

using model::Measure;

// Relative month weights (mean 1): the Spring Festival dip in January and February, the
// year-end push in December.
constexpr double kSeason[12] = {0.80, 0.70, 1.02, 0.98, 1.00, 1.08,
                                0.97, 0.98, 1.05, 1.00, 1.08, 1.34};

struct Plan {
  std::string uscc;
  std::string name;
  std::string industry;
  std::string cluster;  // explicit cluster, or empty to derive
  std::string park;
  std::string town;
  std::string founded;
  bool listed = false;
  double land_km2 = 0;
  std::string category;               // sector category code, or empty
  double annual_2023 = 0;             // output of 2023, 万元, before calibration
  std::map<int, double> growth;       // year -> output growth over the year before
  int first_year = 0, last_year = 0;  // in the above-scale frame (inclusive)
  double scale = 1, pre_2023 = 1;     // calibration factors
  double va_rate = 0.3, revenue_ratio = 1, margin = 0.06, rd_share = 0.01, new_product = 0.1,
         export_share = 0, energy_intensity = 0.05, productivity = 150;  // 万元 per person-year
  std::uint64_t noise_seed = 0;
};

double Uniform(std::uint64_t key);
constexpr int kFulingFirstYear = 2021;  // the fuling profile's series starts in January

// The strategic emerging industry (SEI 2018 top level) of a made-up enterprise, or empty: by its
// division, for a share of the division's enterprises (new materials in chemicals and metals,
// biomedicine, equipment, NEVs, new energy in batteries, electronics). Drawn from the
// enterprise's own seed so that no other figure of the profile changes.
std::string StrategicEmergingOf(const Plan& p) {
  struct Share {
    const char* division;
    const char* category;
    double share;
  };
  constexpr Share kShares[] = {
      {"26", "3", 0.4},  {"28", "3", 0.6}, {"29", "3", 0.2}, {"30", "3", 0.2}, {"32", "3", 0.3},
      {"33", "3", 0.15}, {"27", "4", 1.0}, {"34", "2", 0.4}, {"35", "2", 0.4}, {"36", "5", 0.35},
      {"37", "2", 0.5},  {"38", "6", 0.6}, {"39", "1", 1.0}, {"40", "2", 0.5}, {"44", "6", 0.3}};
  for (const auto& s : kShares) {
    if (p.industry.rfind(s.division, 0) == 0) {
      return Uniform(p.noise_seed ^ 0x5E1ULL) < s.share ? s.category : "";
    }
  }
  return "";
}

// A deterministic uniform in [0, 1) from a key: splitmix64.
double Uniform(std::uint64_t key) {
  key += 0x9E3779B97F4A7C15ULL;
  key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9ULL;
  key = (key ^ (key >> 27)) * 0x94D049BB133111EBULL;
  key ^= key >> 31;
  return static_cast<double>(key >> 11) * 0x1.0p-53;
}

double MonthOutput(const Plan& plan, core::Period period) {
  double level = plan.annual_2023;
  for (int y = 2024; y <= period.year; ++y) level *= 1 + plan.growth.at(y);
  for (int y = period.year; y < 2023; ++y) level /= 1 + plan.growth.at(y + 1);
  if (period.year <= 2022) level *= plan.pre_2023;
  const double noise =
      0.92 + 0.16 * Uniform(plan.noise_seed ^ static_cast<std::uint64_t>(period.Index()));
  return level / 12 * kSeason[period.month - 1] * noise * plan.scale;
}

bool InFrame(const Plan& plan, int year) {
  return plan.first_year <= year && year <= plan.last_year;
}

// Whether the plan's class is industrial (sections B, C, D): the monthly survey's scope.
bool Industrial(const Plan& plan) {
  const auto* entry = core::IndustryClassification::Gbt4754().Find(plan.industry);
  return entry == nullptr || core::IsIndustrialSection(entry->section);
}

// Whether the plan's rows of `year` carry prior-year figures (上年同期): its first year above
// scale, after the series' first (`first_year`), for four enterprises in five.
bool ReportsPriorsIn(const Plan& plan, int year, int first_year) {
  return plan.first_year > first_year && year == plan.first_year &&
         Uniform(plan.noise_seed * 53 + 7) < 0.8;
}

// Whether `year`'s figures have a base a year earlier: stored months, or reported priors.
bool HasBaseIn(const Plan& plan, int year, int first_year) {
  return InFrame(plan, year - 1) || ReportsPriorsIn(plan, year, first_year);
}

model::MonthlyRecord Month(const Plan& plan, core::Period period, double profit_factor) {
  model::MonthlyRecord r;
  r.uscc = plan.uscc;
  r.period = period;
  const double output = MonthOutput(plan, period);
  const double wobble =
      0.97 + 0.06 * Uniform(plan.noise_seed * 31 + static_cast<std::uint64_t>(period.Index()));
  const double revenue = output * plan.revenue_ratio * wobble;
  r[Measure::kOutputValue] = output;
  r[Measure::kValueAdded] = output * plan.va_rate;
  r[Measure::kRevenue] = revenue;
  r[Measure::kProfit] = revenue * plan.margin * profit_factor;
  r[Measure::kRdExpense] = revenue * plan.rd_share;
  r[Measure::kNewProductRevenue] = revenue * plan.new_product;
  r[Measure::kExportValue] = revenue * plan.export_share;
  r[Measure::kEnergyTce] = output * plan.energy_intensity;
  r[Measure::kEmployees] =
      std::round(MonthOutput(plan, {period.year, 6}) / kSeason[5] * 12 / plan.productivity);
  return r;
}

double Sum(const std::vector<Plan>& plans, int year, const std::function<bool(const Plan&)>& in) {
  double total = 0;
  for (const auto& plan : plans) {
    if (!InFrame(plan, year) || !in(plan)) continue;
    for (int m = 1; m <= 6; ++m) total += MonthOutput(plan, {year, m});
  }
  return total;
}

// Classes an enterprise of each cluster may have, and manufacturing classes of no cluster. A
// cluster's service classes (software) are drawn too: their enterprises are in the registry only
// (DrawLife), as the monthly statistics are the industrial survey's.
std::map<std::string, std::vector<std::string>> ClassesByCluster(const model::ClusterSystem& s) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& entry : core::IndustryClassification::Gbt4754().entries()) {
    if (entry.level != 4) continue;
    const auto* cluster = s.ClusterOfClass(entry.code);
    if (cluster != nullptr) {
      out[cluster->code].push_back(entry.code);
    } else if (entry.section == "C") {
      out[""].push_back(entry.code);
    }
  }
  return out;
}

// Writes one interchange table. The generator hands it CSV lines (its values never contain a
// comma or a quote), which a CSV writer copies and an Excel writer splits into typed cells.
class Writer {
 public:
  virtual ~Writer() = default;
  virtual void Line(std::string_view line) = 0;
  virtual Status Close() = 0;
};

class CsvWriter final : public Writer {
 public:
  static Result<std::unique_ptr<Writer>> Open(const std::string& path, const std::string& header) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) return Error(Status::Unavailable(fmt::format("{}: cannot write", path)));
    std::unique_ptr<CsvWriter> writer(new CsvWriter(path, file));
    writer->Line(header);
    return std::unique_ptr<Writer>(std::move(writer));
  }
  void Line(std::string_view line) override {
    ok_ = ok_ && std::fwrite(line.data(), 1, line.size(), file_.get()) == line.size() &&
          std::fputc('\n', file_.get()) != EOF;
  }
  Status Close() override {
    ok_ = ok_ && std::fflush(file_.get()) == 0;
    file_.reset();
    return ok_ ? Status::Ok() : Status::Unavailable(fmt::format("{}: write error", path_));
  }

 private:
  CsvWriter(std::string path, std::FILE* file)
      : path_(std::move(path)), file_(file, &std::fclose) {}
  std::string path_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  bool ok_ = true;
};

// One worksheet in libxlsxwriter's constant-memory mode (rows stream to a temporary file, so a
// sheet of a million rows takes no more memory than a small one). Cells of the `numeric`
// columns are written as numbers, the others as text (credit codes and periods stay text, as
// statistical offices export them).
class XlsxWriter final : public Writer {
 public:
  static Result<std::unique_ptr<Writer>> Open(const std::string& path, const std::string& header,
                                              std::vector<bool> numeric) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (book == nullptr) {
      return Error(Status::Unavailable(fmt::format("{}: cannot write", path)));
    }
    std::unique_ptr<XlsxWriter> writer(new XlsxWriter(path, book, std::move(numeric)));
    writer->header_ = true;
    writer->Line(header);
    writer->header_ = false;
    return std::unique_ptr<Writer>(std::move(writer));
  }
  ~XlsxWriter() override {
    if (book_ != nullptr) workbook_close(book_);
  }
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  void Line(std::string_view line) override {
    if (row_ >= kExcelRows) {
      ok_ = false;
      return;
    }
    lxw_col_t col = 0;
    std::size_t start = 0;
    while (start <= line.size()) {
      const std::size_t comma = std::min(line.find(',', start), line.size());
      cell_.assign(line.substr(start, comma - start));
      const bool number = !header_ && col < numeric_.size() && numeric_[col];
      lxw_error error = LXW_NO_ERROR;
      if (cell_.empty()) {
        // an empty cell: missing, not zero
      } else if (number) {
        double value = 0;
        std::from_chars(cell_.data(), cell_.data() + cell_.size(), value);
        error = worksheet_write_number(sheet_, row_, col, value, nullptr);
      } else {
        error = worksheet_write_string(sheet_, row_, col, cell_.c_str(), nullptr);
      }
      ok_ = ok_ && error == LXW_NO_ERROR;
      ++col;
      start = comma + 1;
    }
    ++row_;
  }
  Status Close() override {
    const lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (row_ >= kExcelRows && !ok_) {
      return Status::InvalidArgument(fmt::format(
          "{}: more than Excel's {} rows; generate CSV files for this scale", path_, kExcelRows));
    }
    if (!ok_ || error != LXW_NO_ERROR) {
      return Status::Unavailable(fmt::format("{}: write error ({})", path_, lxw_strerror(error)));
    }
    return Status::Ok();
  }

 private:
  static constexpr lxw_row_t kExcelRows = 1'048'576;

  XlsxWriter(std::string path, lxw_workbook* book, std::vector<bool> numeric)
      : path_(std::move(path)),
        book_(book),
        sheet_(workbook_add_worksheet(book, nullptr)),
        numeric_(std::move(numeric)) {}

  std::string path_;
  lxw_workbook* book_;
  lxw_worksheet* sheet_;
  std::vector<bool> numeric_;
  std::string cell_;
  lxw_row_t row_ = 0;
  bool header_ = false;
  bool ok_ = true;
};

std::string Cell(const std::optional<double>& value) {
  return value ? fmt::format("{:.2f}", *value) : "";
}

struct Named {
  const char* name;
  const char* industry;
  const char* cluster;
  const char* park;
  const char* town;
  double share;  // of the 2023 output
  int first_year;
};

// The enterprises the source article names, with shares that put the top seven near 37 % of
// output (domain §6: 35-45 %). The shares are the generator's, not published figures.
constexpr Named kNamed[] = {
    {"重庆华峰化工有限公司", "2614", "", "BT", "白涛街道", 0.09, 2021},
    {"重庆万凯新材料科技有限公司", "2651", "", "LG", "龙桥街道", 0.06, 2021},
    {"重庆涪陵示例页岩气开发有限公司", "0721", "", "", "焦石镇", 0.06, 2021},
    {"重庆华峰氨纶有限公司", "2826", "", "BT", "白涛街道", 0.05, 2021},
    {"重庆涪陵示例化肥股份有限公司", "2621", "", "BT", "白涛街道", 0.04, 2021},
    {"华晨鑫源重庆汽车有限公司", "3611", "", "LG", "龙桥街道", 0.04, 2021},
    {"瑞浦兰钧能源（重庆）有限公司", "3841", "", "GXQ", "李渡街道", 0.03, 2023},
    {"重庆涪陵示例榨菜食品股份有限公司", "1371", "", "", "敦仁街道", 0.025, 2021},
    {"赣锋锂电（重庆）有限公司", "3841", "", "GXQ", "李渡街道", 0.012, 2024},
    {"重庆万丰奥威铝轮有限公司", "3670", "", "LG", "龙桥街道", 0.008, 2021},
    {"重庆新铝时代科技股份有限公司", "3670", "L2", "GXQ", "李渡街道", 0.006, 2021},
    {"卡深复合材料（重庆）有限公司", "3670", "L2", "GXQ", "李渡街道", 0.003, 2023},
    {"重庆三爱海陵实业有限责任公司", "3670", "", "LG", "龙桥街道", 0.004, 2021},
    {"重庆川东船舶重工有限责任公司", "3731", "", "LG", "龙桥街道", 0.005, 2021},
    {"重庆中江船业有限公司", "3734", "", "LG", "李渡街道", 0.002, 2021},
    {"重庆南瑞博瑞变压器有限公司", "3821", "", "GXQ", "李渡街道", 0.004, 2021},
    {"华兰生物疫苗（重庆）有限公司", "2761", "", "GXQ", "李渡街道", 0.006, 2021},
    {"重庆首键药用包装材料有限公司", "2780", "", "GXQ", "李渡街道", 0.002, 2021},
    {"理工清科（重庆）先进材料研究院有限公司", "2669", "N1", "BT", "白涛街道", 0.001, 2023},
};

// Cluster mix of the other enterprises (weights), and the parks they sit in.
const std::vector<std::pair<std::string, double>> kClusterMix = {
    {"L1", 15},  {"L2", 6}, {"P1", 12},  {"P2", 3},   {"P3", 16},  {"F1", 8},   {"F2", 4},
    {"F3", 3},   {"F4", 5}, {"N1", 1.5}, {"N2", 1.5}, {"N3", 1.5}, {"N4", 1.5}, {"N5", 2},
    {"N6", 1.5}, {"N7", 1}, {"N8", 2},   {"N9", 1},   {"", 14}};

std::string ParkFor(const std::string& cluster, std::mt19937_64& rng) {
  static const std::map<std::string, std::vector<std::string>> kParks = {
      {"L1", {"BT", "BT", "LG"}},
      {"L2", {"GXQ", "GXQ", "LG"}},
      {"P3", {"LG", "LG", "GXQ"}},
      {"F2", {"GXQ"}},
      {"F3", {"GXQ", "ZBQ"}},
      {"N9", {"HGH"}},
      {"N7", {"HGH"}},
      {"F1", {"", "LG"}},
      {"P2", {""}}};
  const auto it = kParks.find(cluster);
  const std::vector<std::string> fallback = {"GXQ", "LG", "BT", "ZBQ", ""};
  const auto& options = it != kParks.end() ? it->second : fallback;
  return options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(rng)];
}

std::string CreditCodeFor(std::size_t index, std::string_view region) {
  // The organisation body counts in the credit-code alphabet so that millions stay distinct.
  std::string body = "MA";
  std::string digits;
  for (std::size_t n = index, i = 0; i < 6; ++i, n /= 31) {
    digits.insert(digits.begin(), core::kCreditCodeAlphabet[n % 31]);
  }
  auto code = core::CompleteCreditCode(fmt::format("91{}{}{}", region, body, digits));
  return code.value_or("");
}

void FillRatios(Plan& plan, std::mt19937_64& rng) {
  std::normal_distribution<double> va(0.29, 0.06), margin(0.065, 0.06);
  std::uniform_real_distribution<double> unit(0, 1);
  plan.va_rate = std::clamp(va(rng), 0.10, 0.50);
  plan.revenue_ratio = 0.95 + 0.1 * unit(rng);
  plan.margin = std::clamp(margin(rng), -0.15, 0.25);  // about one in seven makes a loss
  plan.rd_share = 0.003 + 0.03 * unit(rng) * unit(rng);
  plan.new_product = 0.35 * unit(rng);
  plan.export_share = unit(rng) < 0.3 ? 0.05 + 0.4 * unit(rng) : 0.0;
  const std::string division = plan.industry.substr(0, 2);
  const bool heavy = division == "25" || division == "26" || division == "28" || division == "30" ||
                     division == "31" || division == "32" || division == "44";
  plan.energy_intensity = (heavy ? 0.4 : 0.02) * (0.6 + 0.8 * unit(rng));
  plan.productivity = 100 + 200 * unit(rng);
}

// Purchases of the above-scale enterprises in the last two years (buyer, supplier, year,
// value 万元): a third to a half of output bought from two to five suppliers, some local (other
// enterprises of the district, most often of the same cluster), the rest from outside.
Status WriteRelations(const std::vector<Plan>& plans, std::size_t above_count, int last_year,
                      const std::string& file) {
  auto out = CsvWriter::Open(file, "buyer,supplier,period,value");
  if (!out) return out.error();
  constexpr const char* kOutside[] = {"330100", "440300", "320500", "510100", "420100"};
  for (std::size_t i = 0; i < above_count; ++i) {
    const Plan& p = plans[i];
    const std::uint64_t seed = p.noise_seed * 41;
    const int suppliers = 2 + static_cast<int>(Uniform(seed) * 4);
    std::map<std::string, double> split;  // supplier -> weight (one drawn twice buys more)
    double weights = 0;
    for (int k = 0; k < suppliers; ++k) {
      const auto key = seed + 100 + static_cast<std::uint64_t>(k);
      std::string supplier;
      if (Uniform(key) < 0.45) {  // local: a same-cluster enterprise when one is drawn
        const auto pick =
            static_cast<std::size_t>(Uniform(key + 7) * static_cast<double>(above_count));
        const auto& other = plans[pick];
        if (other.uscc != p.uscc && (other.cluster == p.cluster || Uniform(key + 9) < 0.5)) {
          supplier = other.uscc;
        }
      }
      if (supplier.empty()) {
        supplier = CreditCodeFor(2'000'000 + i * 8 + static_cast<std::size_t>(k),
                                 kOutside[static_cast<std::size_t>(Uniform(key + 3) * 5)]);
      }
      const double w = 0.2 + Uniform(key + 5);
      weights += w;
      split[supplier] += w;
    }
    const double bought = 0.3 + 0.2 * Uniform(seed + 1);
    for (int year = last_year - 1; year <= last_year; ++year) {
      if (!InFrame(p, year)) continue;
      double output = 0;
      for (int m = 1; m <= 12; ++m) output += MonthOutput(p, {year, m});
      for (const auto& [supplier, w] : split) {
        (*out)->Line(
            fmt::format("{},{},{},{:.2f}", p.uscc, supplier, year, output * bought * w / weights));
      }
    }
  }
  return (*out)->Close();
}

// What a run covers: the profile, its months and frame sizes, and the sector grouping that the
// fuling profile calibrates on.
struct Frame {
  bool fuling = false;
  core::Period first, last;
  const model::Grouping* sectors = nullptr;
  std::size_t above_count = 0;  // enterprises in the above-scale frame some year
  std::size_t below_count = 0;  // registered, never above scale
  std::string region;           // six-digit code the credit codes carry
};

// The random draws of the plans in one place: their order fixes the output for a seed, and the
// lognormal draw keeps state between calls (it makes normal deviates in pairs).
struct Draws {
  Draws(std::uint64_t seed, const std::vector<double>& cluster_weights)
      : rng(seed), pick_cluster(cluster_weights.begin(), cluster_weights.end()) {}
  double Unit() { return unit(rng); }

  std::mt19937_64 rng;
  std::uniform_real_distribution<double> unit{0, 1};
  std::lognormal_distribution<double> size{0, 1.3};
  std::discrete_distribution<std::size_t> pick_cluster;
};

void DrawNamed(Plan& plan, const Named& n, const std::vector<const core::Division*>& towns,
               double total_2023) {
  plan.name = n.name;
  plan.industry = n.industry;
  plan.cluster = n.cluster;
  plan.park = n.park;
  for (const auto* town : towns) {
    if (town->name == n.town) plan.town = town->code;
  }
  plan.annual_2023 = total_2023 * n.share;
  plan.first_year = n.first_year;
}

void DrawUnnamed(Plan& plan, std::size_t i, const Frame& frame,
                 const std::map<std::string, std::vector<std::string>>& classes,
                 const std::vector<const core::Division*>& towns, Draws& draws) {
  const std::string& cluster = kClusterMix[draws.pick_cluster(draws.rng)].first;
  const auto& pool = classes.at(cluster);
  plan.industry = pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(draws.rng)];
  plan.park = frame.fuling ? ParkFor(cluster, draws.rng) : "";
  if (!towns.empty()) {
    plan.town =
        towns[std::uniform_int_distribution<std::size_t>(0, towns.size() - 1)(draws.rng)]->code;
  }
  const auto* entry = core::IndustryClassification::Gbt4754().Find(plan.industry);
  plan.name =
      fmt::format("重庆涪陵{}{}有限公司", entry != nullptr ? entry->name.substr(0, 12) : "", i + 1);
  plan.annual_2023 = draws.size(draws.rng);  // relative, scaled to the remainder later
  plan.first_year = frame.first.year;
  if (frame.fuling && i >= std::size(kNamed) + 330 && i < frame.above_count) {
    plan.first_year = 2022 + static_cast<int>((i - std::size(kNamed) - 330) % 4);  // entrants
  }
}

// The years in the frame, the growth path, the registry facts and the ratios of plan i.
void DrawLife(Plan& plan, std::size_t i, bool named, const Frame& frame, Draws& draws) {
  const core::Period first = frame.first, last = frame.last;
  plan.last_year = last.year;
  if (frame.fuling && !named && i < frame.above_count && draws.Unit() < 0.08) {
    plan.last_year = 2021 + static_cast<int>(draws.Unit() * 4);  // exits, 2021..2024
    if (plan.last_year == 2023) plan.last_year = 2024;           // keep the 2023 frame near 350-400
  }
  if (!frame.fuling && draws.Unit() < 0.05 && last.year > first.year) {
    // Exits (closures, falling below scale): the audit's 未报 at national scale.
    plan.last_year = first.year + static_cast<int>(draws.Unit() * (last.year - first.year));
  }
  if (i >= frame.above_count ||
      !Industrial(plan)) {  // below scale or services: in the registry only
    plan.first_year = last.year + 1;
    plan.last_year = last.year;
  }
  if (frame.sectors != nullptr) {
    const auto* category = frame.sectors->CategoryOf(plan.industry);
    plan.category = category != nullptr ? category->code : "";
  }
  // Levels are anchored on 2023, so the path must reach it from either side.
  for (int y = std::min(first.year, 2023); y <= std::max(last.year, 2023) + 1; ++y) {
    plan.growth[y] = FulingSectorGrowth(plan.category) + 0.06 * (draws.Unit() - 0.5);
  }
  // One draw per statement: a function's arguments are evaluated in an order the compiler picks
  // (g++ from the last, clang++ from the first), and a seed must give one district. The order is
  // the one g++ gave when the draws were arguments, so that the district stays as it was.
  const int day = 1 + static_cast<int>(draws.Unit() * 28);
  const int month = 1 + static_cast<int>(draws.Unit() * 12);
  const int year = std::min(plan.first_year, 2020) - static_cast<int>(draws.Unit() * 20);
  plan.founded = fmt::format("{}-{:02}-{:02}", year, month, day);
  plan.listed = named && (plan.industry == "2621" || plan.industry == "1371");
  plan.land_km2 = std::round((0.01 + 0.3 * draws.Unit()) * 100) / 100;
  FillRatios(plan, draws.rng);
}

// The plans: the named enterprises, then the others; then enterprises below scale throughout.
// Output levels of 2023 are set, before the fuling profile's calibration.
std::vector<Plan> MakePlans(const model::ClusterSystem& system, const Frame& frame,
                            std::uint64_t seed) {
  const auto classes = ClassesByCluster(system);
  std::vector<double> weights;
  for (const auto& [cluster, weight] : kClusterMix) {
    weights.push_back(classes.count(cluster) != 0 && system.FindCluster(cluster) != nullptr
                          ? weight
                          : (cluster.empty() ? weight : 0));
  }
  Draws draws(seed, weights);
  const auto towns = core::TownsOf(system.region_code);
  const double total_2023 = FulingTargets::kOutputH1 * 2;  // a first guess; calibrated later
  const std::size_t count = frame.above_count + frame.below_count;
  std::vector<Plan> plans;
  plans.reserve(count);
  double named_share = 0;
  for (std::size_t i = 0; i < count; ++i) {
    Plan plan;
    plan.uscc = CreditCodeFor(i + 1, frame.region);
    plan.noise_seed = seed * 1'000'003 + i;
    const bool named = frame.fuling && i < std::size(kNamed);
    if (named) {
      DrawNamed(plan, kNamed[i], towns, total_2023);
      named_share += kNamed[i].share;
    } else {
      DrawUnnamed(plan, i, frame, classes, towns, draws);
    }
    DrawLife(plan, i, named, frame, draws);
    plans.push_back(std::move(plan));
  }
  // Unnamed enterprises share what the named ones leave.
  const std::size_t unnamed = frame.fuling ? std::size(kNamed) : 0;
  double random_total = 0;
  for (std::size_t i = unnamed; i < plans.size(); ++i) random_total += plans[i].annual_2023;
  const double remainder =
      frame.fuling ? total_2023 * (1 - named_share) : 1e4 * static_cast<double>(plans.size());
  for (std::size_t i = unnamed; i < plans.size(); ++i) {
    plans[i].annual_2023 *= remainder / random_total;
    // Above-scale enterprises sell at least 20 M yuan a year, in every year of the series;
    // those below scale stay under the line or near it, and some cross it by the last year:
    // the 小升规 candidates of the cultivation ladder.
    plans[i].annual_2023 = i < frame.above_count
                               ? std::max(plans[i].annual_2023, 3500.0)
                               : 400 + 1100 * Uniform(plans[i].noise_seed * 29 + 3);
  }
  return plans;
}

// Sets each fuling plan's factors so that the first half of 2023 reproduces the published
// output, automobile output and same-enterprise growth by sector; returns the profit factor
// that reproduces the published profit.
double CalibrateFuling(std::vector<Plan>& plans, const model::Grouping& sectors) {
  const auto all = [](const Plan&) { return true; };
  const auto auto36 = [](const Plan& p) { return p.industry.starts_with("36"); };
  const auto not36 = [](const Plan& p) { return !p.industry.starts_with("36"); };
  // 1. Output of the first half of 2023, and of automobile manufacturing within it.
  const double s = Sum(plans, 2023, all);
  for (auto& p : plans) p.scale = FulingTargets::kOutputH1 / s;
  const double s36 = Sum(plans, 2023, auto36);
  const double rest = Sum(plans, 2023, not36);
  for (auto& p : plans) {
    p.scale *= auto36(p) ? FulingTargets::kAutomobileH1 / s36
                         : (FulingTargets::kOutputH1 - FulingTargets::kAutomobileH1) / rest;
  }
  // 2. Same-enterprise growth: the 2022 level of each group of the 2023 frame, over those with
  // a base (stored 2022 months, or the priors an entrant reports).
  const auto calibrate_base = [&](const std::function<bool(const Plan&)>& in, double target) {
    const auto member = [&](const Plan& p) { return InFrame(p, 2023) && in(p); };
    double base = 0;
    for (const auto& p : plans) {
      if (!member(p) || !HasBaseIn(p, 2023, kFulingFirstYear)) continue;
      for (int m = 1; m <= 6; ++m) base += MonthOutput(p, {2022, m});
    }
    if (base <= 0) return;
    for (auto& p : plans) {
      if (member(p)) p.pre_2023 *= target / base;
    }
  };
  const double h1_36 = Sum(plans, 2023, auto36);
  calibrate_base(auto36, h1_36 / (1 + FulingTargets::kAutomobileGrowth));
  for (const auto& category : sectors.categories) {
    const std::string code = category.code;
    const auto in_category = [code](const Plan& p) { return p.category == code; };
    const double h1 = Sum(plans, 2023, in_category);
    double target = h1 / (1 + FulingSectorGrowth(code));
    if (code == "AUTO") {  // division 36 is set already: the rest of the category makes up
      target -= h1_36 / (1 + FulingTargets::kAutomobileGrowth);
      calibrate_base(
          [code](const Plan& p) { return p.category == code && !p.industry.starts_with("36"); },
          target);
    } else {
      calibrate_base(in_category, target);
    }
  }
  // 3. Profit of the first half of 2023.
  double profit = 0;
  for (const auto& p : plans) {
    if (!InFrame(p, 2023)) continue;
    for (int m = 1; m <= 6; ++m) profit += *Month(p, {2023, m}, 1)[Measure::kProfit];
  }
  return FulingTargets::kProfitH1 / profit;
}

// Price indices by division and month (same month of last year = 100): a spread around a level
// that, for the fuling profile, makes the first half of 2023's value-added growth at comparable
// prices the published 8.8 % (producer prices fell in 2023: the level is below 100).
class PriceIndices {
 public:
  PriceIndices(const std::vector<Plan>& plans, bool fuling, std::uint64_t seed) : seed_(seed) {
    for (const auto& p : plans) divisions_.insert(p.industry.substr(0, 2));
    if (fuling) level_2023_ = Level2023(plans);
  }
  const std::set<std::string>& divisions() const { return divisions_; }
  // The index of `division` for the month of `index`, as written.
  double Index(const std::string& division, int index, bool fuling) const {
    const core::Period period = core::Period::FromIndex(index);
    const double level = period.year == 2023 && fuling ? level_2023_ : 1.0;
    return 100 * level * Spread(division, index);
  }

 private:
  double Spread(const std::string& division, int index) const {
    return 1 + 0.04 * (Uniform(seed_ * 7919 + std::hash<std::string>{}(division) +
                               static_cast<std::uint64_t>(index)) -
                       0.5);
  }
  double Level2023(const std::vector<Plan>& plans) const {
    double deflated = 0;  // Σ over the 2023 frame of H1 value added / the division's spread
    double base = 0;      // the same frame's value added in H1 2022
    for (const auto& p : plans) {
      if (!InFrame(p, 2023)) continue;
      for (int m = 1; m <= 6; ++m) {
        const core::Period now{2023, m};
        deflated +=
            *Month(p, now, 1)[Measure::kValueAdded] / Spread(p.industry.substr(0, 2), now.Index());
        if (HasBaseIn(p, 2023, kFulingFirstYear)) {
          base += *Month(p, {2022, m}, 1)[Measure::kValueAdded];
        }
      }
    }
    return deflated / ((1 + FulingTargets::kValueAddedGrowthReal) * base);
  }

  std::uint64_t seed_;
  std::set<std::string> divisions_;
  double level_2023_ = 1;
};

// The five interchange tables of a run, open for writing.
class Tables {
 public:
  static Result<Tables> Open(const Options& options) {
    std::error_code error;
    std::filesystem::create_directories(options.out_dir, error);
    if (error) {
      return Error(Status::Unavailable(
          fmt::format("{}: cannot create the directory: {}", options.out_dir, error.message())));
    }
    Tables t(options);
    std::string monthly_header = "uscc,period";
    for (const auto& info : model::Measures()) monthly_header += fmt::format(",{}", info.column);
    std::size_t monthly_columns = 2 + model::kMeasureCount;
    if (options.profile == "fuling") {  // the district's entrants report 上年同期 figures
      for (const auto& info : model::Measures()) {
        if (!model::HasPrior(info.measure)) continue;
        monthly_header += fmt::format(",{}", info.prior_column);
        ++monthly_columns;
      }
    }
    std::vector<bool> monthly_numeric(monthly_columns, true);
    monthly_numeric[0] = monthly_numeric[1] = false;
    t.enterprises = t.OpenOne(
        "enterprises",
        "uscc,name,industry_code,cluster,park,town,founded,listed,land_km2,strategic_emerging",
        {false, false, false, false, false, false, false, true, true, false});
    t.scale = t.OpenOne("scale", "uscc,year,above_scale", {false, true, true});
    t.designations = t.OpenOne("designations", "uscc,designation,granted,level", {});
    t.monthly = t.OpenOne("monthly", monthly_header, monthly_numeric);
    t.prices = t.OpenOne("prices", "division,period,index", {false, false, true});
    for (auto* w : t.All()) {
      if (!*w) return Error(w->error());
    }
    return t;
  }
  std::string Path(const std::string& name) const {
    return (std::filesystem::path(options_->out_dir) / name).string();
  }
  // Closes every table; returns their paths in import order.
  Result<std::vector<std::string>> Close() {
    for (auto* w : All()) CLUSTERSCOPE_RETURN_IF_ERROR((**w)->Close());
    std::vector<std::string> files;
    for (const char* name : {"enterprises", "scale", "designations", "monthly", "prices"}) {
      files.push_back(Path(name + ext_));
    }
    return files;
  }

  using Table = Result<std::unique_ptr<Writer>>;
  Table enterprises{nullptr}, scale{nullptr}, designations{nullptr}, monthly{nullptr},
      prices{nullptr};

 private:
  explicit Tables(const Options& options)
      : options_(&options), ext_(options.xlsx ? ".xlsx" : ".csv") {}
  // Opens table `name`; `numeric` marks the columns an Excel file holds as numbers.
  Table OpenOne(const std::string& name, const std::string& header,
                std::vector<bool> numeric) const {
    return options_->xlsx ? XlsxWriter::Open(Path(name + ext_), header, std::move(numeric))
                          : CsvWriter::Open(Path(name + ext_), header);
  }
  std::vector<Table*> All() { return {&enterprises, &scale, &designations, &monthly, &prices}; }

  const Options* options_;
  std::string ext_;
};

int TermOf(std::string_view type) {
  static const auto kTypes = model::DefaultDesignationTypes();
  for (const auto& t : kTypes) {
    if (t.code == type) return t.term_years;
  }
  return 0;
}

// The designations a fuling plan holds: each kind drawn from the plan's own seed, the larger
// enterprises more likely.
void WriteDesignations(const Plan& p, Writer& out) {
  struct Award {
    const char* type;
    double share;  // of enterprises, the larger more likely
  };
  constexpr Award kAwards[] = {{"high_tech", 0.35},       {"sci_tech", 0.5},
                               {"rd_institution", 0.4},   {"on_cloud", 0.6},
                               {"digital_workshop", 0.2}, {"smart_factory", 0.05},
                               {"green_factory", 0.04},   {"srdi_sme", 0.1},
                               {"little_giant", 0.02},    {"intelligent_mfg", 0.1}};
  for (const auto& award : kAwards) {
    const double boost = std::min(3.0, std::sqrt(p.annual_2023 * p.scale / 50'000));
    if (Uniform(p.noise_seed * 7 + static_cast<std::uint64_t>(award.share * 1000)) <
        award.share * boost) {
      const int year = 2018 + static_cast<int>(Uniform(p.noise_seed + 11) * 7);
      const int month = 1 + static_cast<int>(Uniform(p.noise_seed + 13) * 12);
      const char* level = award.share < 0.1 ? "市级" : "区级";
      out.Line(fmt::format("{},{},{}-{:02}-15,{}", p.uscc, award.type, year, month, level));
      // A designation with a term lapses unless renewed: most holders renew on time, while the
      // enterprise is in the frame; one in eight lets it go, and then the chain ends.
      const int term = TermOf(award.type);
      for (int renewal = year + term; term > 0 && renewal <= p.last_year; renewal += term) {
        const auto draw = p.noise_seed * 31 +
                          static_cast<std::uint64_t>(award.share * 1000) * 4099 +
                          static_cast<std::uint64_t>(renewal);
        if (Uniform(draw) < 0.125) break;
        out.Line(fmt::format("{},{},{}-{:02}-15,{}", p.uscc, award.type, renewal, month, level));
      }
    }
  }
}

// The prior-year cells (上年同期) of a month row of the district: an enterprise in its first
// year above scale reports them, as the forms ask (four in five do; the rest leave the base
// to the audit's entrant_without_base); the others' bases are their stored months.
void AppendPriors(const Plan& p, core::Period period, const Frame& frame, double profit_factor,
                  std::string& line) {
  model::MonthlyRecord prior;
  if (ReportsPriorsIn(p, period.year, frame.first.year))
    prior = Month(p, core::Period::FromIndex(period.Index() - 12), profit_factor);
  for (const auto& info : model::Measures()) {
    if (model::HasPrior(info.measure)) line += "," + Cell(prior[info.measure]);
  }
}

// Writes plan i's registry row, frame years, designations and months; returns the month rows.
std::size_t WritePlan(const Plan& p, std::size_t i, const Frame& frame, double profit_factor,
                      Tables& tables) {
  (*tables.enterprises)
      ->Line(fmt::format("{},{},{},{},{},{},{},{},{:.2f},{}", p.uscc, p.name, p.industry, p.cluster,
                         p.park, p.town, p.founded, p.listed ? 1 : 0, p.land_km2,
                         StrategicEmergingOf(p)));
  for (int y = frame.first.year; y <= frame.last.year; ++y) {
    (*tables.scale)->Line(fmt::format("{},{},{}", p.uscc, y, InFrame(p, y) ? 1 : 0));
  }
  if (frame.fuling) WriteDesignations(p, **tables.designations);
  // Below-scale enterprises of the district report their last two years too (the
  // commission's watch list of 小微企业), outside the above-scale frame.
  const bool watched = frame.fuling && i >= frame.above_count && Industrial(p);
  std::size_t rows = 0;
  std::string line;
  for (int index = frame.first.Index(); index <= frame.last.Index(); ++index) {
    const core::Period period = core::Period::FromIndex(index);
    if (!InFrame(p, period.year) && !(watched && period.year >= frame.last.year - 1)) continue;
    auto r = Month(p, period, profit_factor);
    if (!frame.fuling && Uniform(p.noise_seed * 131 + static_cast<std::uint64_t>(index)) < 0.001) {
      // A reporting slip of the kind the audit exists for: output entered in yuan.
      r[Measure::kOutputValue] = *r[Measure::kOutputValue] * 1e4;
    }
    line = fmt::format("{},{}", p.uscc, period.ToString());
    for (const auto& value : r.values) line += "," + Cell(value);
    if (frame.fuling) AppendPriors(p, period, frame, profit_factor, line);
    (*tables.monthly)->Line(line);
    ++rows;
  }
  return rows;
}

Result<Frame> FrameOf(const model::ClusterSystem& system, const Options& options) {
  Frame frame;
  frame.fuling = options.profile == "fuling";
  frame.sectors = system.FindGrouping("sector");
  if (frame.fuling && frame.sectors == nullptr) {
    return Error(Status::InvalidArgument(
        "the fuling profile needs the system's 'sector' grouping (systems/fuling-2349.toml)"));
  }
  frame.first = frame.fuling ? core::Period{kFulingFirstYear, 1} : options.start;
  frame.last = frame.fuling ? core::Period{2025, 12}
                            : core::Period::FromIndex(frame.first.Index() + options.months - 1);
  frame.above_count = frame.fuling ? 420 : options.enterprises;
  frame.below_count = frame.fuling ? 60 : 0;
  frame.region = system.region_code.size() == 6 ? system.region_code : "500102";
  return frame;
}

}  // namespace

double FulingSectorGrowth(std::string_view category) {
  if (category == "ENERGY") return 0.112;
  if (category == "MAT") return 0.012;
  if (category == "CON") return 0.077;
  if (category == "AUTO") return 0.103;
  if (category == "ELEC") return 0.048;
  return 0.06;  // classes outside the five categories: an ordinary year
}

Status Options::Validate() const {
  if (profile != "fuling" && profile != "generic") {
    return Status::InvalidArgument(fmt::format("unknown profile '{}': fuling or generic", profile));
  }
  if (out_dir.empty()) return Status::InvalidArgument("--out is required");
  if (profile == "generic" && (enterprises < 1 || months < 1 || months > 600)) {
    return Status::InvalidArgument("--enterprises must be at least 1 and --months 1..600");
  }
  if (xlsx && profile == "generic" &&
      static_cast<double>(enterprises) * static_cast<double>(months) >= 1'048'576) {
    return Status::InvalidArgument(fmt::format(
        "{} enterprises x {} months is more rows than an Excel sheet holds (1,048,576); "
        "generate CSV files for this scale",
        enterprises, months));
  }
  return Status::Ok();
}

Result<Summary> Generate(const model::ClusterSystem& system, const Options& options,
                         const Progress& progress) {
  CLUSTERSCOPE_RETURN_IF_ERROR(options.Validate());
  auto frame = FrameOf(system, options);
  if (!frame) return Error(frame.error());
  std::vector<Plan> plans = MakePlans(system, *frame, options.seed);
  const double profit_factor = frame->fuling ? CalibrateFuling(plans, *frame->sectors) : 1;
  const PriceIndices prices(plans, frame->fuling, options.seed);

  auto tables = Tables::Open(options);
  if (!tables) return Error(tables.error());
  Summary summary;
  summary.first = frame->first;
  summary.last = frame->last;
  summary.enterprises = plans.size();
  for (const auto& division : prices.divisions()) {
    for (int index = frame->first.Index() + 12; index <= frame->last.Index(); ++index) {
      (*tables->prices)
          ->Line(fmt::format("{},{},{:.4f}", division, core::Period::FromIndex(index).ToString(),
                             prices.Index(division, index, frame->fuling)));
    }
  }
  for (std::size_t i = 0; i < plans.size(); ++i) {
    summary.monthly_rows += WritePlan(plans[i], i, *frame, profit_factor, *tables);
    if (progress && (i % 1024 == 0 || i + 1 == plans.size())) progress(i + 1, plans.size());
  }
  auto files = tables->Close();
  if (!files) return Error(files.error());
  summary.files = std::move(*files);
  if (frame->fuling) {
    auto relations =
        WriteRelations(plans, frame->above_count, frame->last.year, tables->Path("relations.csv"));
    if (!relations.ok()) return Error(relations);
    summary.files.push_back(tables->Path("relations.csv"));
    auto benchmark = WriteProvinceBenchmark(tables->Path("benchmark.csv"), system.region_code,
                                            frame->first.year, frame->last.year, options.seed);
    if (!benchmark) return Error(benchmark.error());
    summary.files.push_back(tables->Path("benchmark.csv"));
  }
  return summary;
}

}  // namespace clusterscope::synth

// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// Every output of the demo district in one language says nothing in the other. The district is
// the demo's (synth --profile fuling with the shipped plans, series, projects and prospects);
// each report is rendered in Chinese and in English as Markdown, HTML, text table, JSON and
// Excel, and the text meant for people is read:
// - Chinese: no English word, but codes (all capitals, or with _ / . - or digits in them, or
//   a code the data gives: chain, link and group codes), text in `code spans` (commands),
//   and units written in Latin letters (GWh, km).
// - English: no Chinese, but the names the data gives (enterprises, projects, industries,
//   chain links, plan texts): a run of Chinese characters must be one the data holds.
// JSON is read in the fields written for people (messages, notes, reasons, headlines).
#include <algorithm>
#include <cstdint>
#include <map>
#include <regex>
#include <set>
#include <string_view>

#include "cli_fixture.h"
#include "workbook_cells.h"
#include <nlohmann/json.hpp>

namespace {

using nlohmann::json;

// The Chinese characters of `text` in runs, as UTF-8 (CJK unified ideographs and extension A).
std::vector<std::string> HanRuns(std::string_view text) {
  std::vector<std::string> runs;
  std::string run;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    length = std::min(length, text.size() - i);
    std::uint32_t point = 0;
    if (length == 3) {
      point = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
              (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
    }
    const bool han = (point >= 0x4E00 && point <= 0x9FFF) || (point >= 0x3400 && point <= 0x4DBF);
    if (han) {
      run.append(text.substr(i, length));
    } else if (!run.empty()) {
      runs.push_back(std::move(run));
      run.clear();
    }
    i += length;
  }
  if (!run.empty()) runs.push_back(std::move(run));
  return runs;
}

// The English words of `text`: Latin words that are not codes.
std::vector<std::string> EnglishWords(const std::string& text, const std::set<std::string>& codes) {
  // `code spans` are commands the reader types, not prose.
  static const std::regex kCode("`[^`]*`");
  const std::string prose = std::regex_replace(text, kCode, " ");
  static const std::regex kWord(R"([A-Za-z][A-Za-z0-9_'./-]*)");
  static const std::regex kIdentifier(R"(.*[0-9_./-].*|[A-Z0-9]+|GWh|km|[A-Z]?[a-z]?)");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(prose.begin(), prose.end(), kWord);
       it != std::sregex_iterator(); ++it) {
    std::string word = it->str();
    while (!word.empty() && (word.back() == '.' || word.back() == '\'')) word.pop_back();
    if (std::regex_match(word, kIdentifier) || codes.count(word) != 0) continue;
    out.push_back(word);
  }
  return out;
}

// Strings of `doc` under the keys in `keys` (people's text), and every other string (data).
void Strings(const json& doc, const std::set<std::string>& keys, const std::string& key,
             std::vector<std::string>& people, std::vector<std::string>& data) {
  if (doc.is_object()) {
    for (const auto& [k, v] : doc.items()) Strings(v, keys, k, people, data);
  } else if (doc.is_array()) {
    for (const auto& v : doc) Strings(v, keys, key, people, data);
  } else if (doc.is_string()) {
    // Words the renderer chose in Chinese, not the data's: never names.
    static const std::set<std::string> kNotData = {"text_zh", "stage_zh", "why", "unit",
                                                   "money_unit"};
    if (keys.count(key) != 0) {
      people.push_back(doc.get<std::string>());
    } else if (kNotData.count(key) == 0) {
      data.push_back(doc.get<std::string>());
    }
  }
}

std::string WithoutTags(std::string html) {
  html = std::regex_replace(html, std::regex("<style>[^]*?</style>|<script>[^]*?</script>"), " ");
  html = std::regex_replace(html, std::regex("&[a-z]+;|&#[0-9]+;"), " ");
  return std::regex_replace(html, std::regex("<[^>]*>"), " ");
}

class LanguageTest : public CliTest {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(LoadDemoDistrict()); }

  // Reads one rendering: its people's text, and (JSON) the data's strings.
  void Read(const std::string& name, const std::string& args, const std::string& language) {
    const std::string command = args + " --lang " + language;
    std::string out;
    if (name.ends_with(".xlsx")) {
      const CliRun run = Cli(command + " --out out.xlsx");
      ASSERT_EQ(run.exit_code, 0) << command << "\n" << run.out;
      out = testutil::XlsxCells(dir_.Path("out.xlsx"));
    } else if (name.ends_with(".docx")) {
      const CliRun run = Cli(command + " --out out.docx");
      ASSERT_EQ(run.exit_code, 0) << command << "\n" << run.out;
      // Its paragraphs and table cells, as python-docx reads them.
      const CliRun read = Shell(
          "/usr/bin/python3 -c \"import docx\n"
          "d = docx.Document('out.docx')\n"
          "print('\\n'.join(p.text for p in d.paragraphs))\n"
          "print('\\n'.join(c.text for t in d.tables for r in t.rows for c in r.cells))\"");
      ASSERT_EQ(read.exit_code, 0) << read.out;
      out = read.out;
    } else {
      const CliRun run = Cli(command);
      ASSERT_EQ(run.exit_code, 0) << command << "\n" << run.out;
      out = run.out;
    }
    auto& texts = language == "zh" ? zh_ : en_;
    if (name.ends_with(".json")) {
      static const std::set<std::string> kZh = {"message", "note", "notes",   "headline",
                                                "title",   "why",  "text_zh", "reason"};
      static const std::set<std::string> kEn = {"message", "note",   "notes",   "headline",
                                                "title",   "why_en", "text_en", "reason"};
      std::vector<std::string> people, data;
      Strings(json::parse(out), language == "zh" ? kZh : kEn, "", people, data);
      for (auto& p : people) texts.emplace_back(name, std::move(p));
      for (auto& d : data) data_.push_back(std::move(d));
    } else {
      texts.emplace_back(name, name.ends_with(".html") ? WithoutTags(out) : out);
    }
  }

  std::vector<std::pair<std::string, std::string>> zh_, en_;
  std::vector<std::string> data_;  // the data's own strings (names, codes), from the JSON
};

TEST_F(LanguageTest, EachLanguagesOutputsSayNothingInTheOther) {
  const std::map<std::string, std::string> outputs = {
      {"report.md", "report monthly --format md"},
      {"report.html", "report monthly --format html"},
      {"report.json", "report monthly --format json"},
      {"report.xlsx", "report monthly --format xlsx"},
      {"report.docx", "report monthly --format docx"},
      {"report-public.docx", "report monthly --format docx --public"},
      {"report-public.md", "report monthly --format md --public"},
      {"targets.txt", "targets"},
      {"targets.md", "targets --format md"},
      {"targets.html", "targets --format html"},
      {"targets.json", "targets --format json"},
      {"targets.xlsx", "targets --format xlsx"},
      {"targets.docx", "targets --format docx"},
      {"chain.txt", "chain show battery"},
      {"chain.md", "chain show battery --format md"},
      {"chain.json", "chain show battery --format json"},
      {"chains.md", "chain list --format md"},
      {"assess.xlsx", "chain assess --format xlsx"},
      {"projects.md", "project list --as-of 2025-12-31 --format md"},
      {"projects.json", "project list --as-of 2025-12-31 --format json"},
      {"cultivate.md", "cultivate list --format md"},
      {"cultivate.json", "cultivate list --format json"},
      {"audit.txt", "audit list --status all"},
      {"audit.json", "audit list --status all --format json"},
  };
  for (const auto& [name, args] : outputs) {
    for (const char* language : {"zh", "en"}) {
      Read(name, args, language);
      if (HasFatalFailure()) return;
    }
  }
  // The names and codes the data holds, from every JSON rendering and the registry.
  std::vector<std::string> people_unused;
  for (const char* args : {"system show --format json", "enterprise list --format json"}) {
    const CliRun run = Cli(args);
    ASSERT_EQ(run.exit_code, 0) << run.out;
    Strings(json::parse(run.out), {}, "", people_unused, data_);
  }
  // And the files the demo imported: projects' notes, prospects' names and regions.
  for (const char* file : {"fuling-projects.csv", "fuling-prospects.csv"}) {
    data_.push_back(testutil::ReadFile(std::string(CLUSTERSCOPE_SOURCE_DIR) + "/demo/" + file));
  }
  std::set<std::string> codes, names;
  for (const auto& d : data_) {
    if (HanRuns(d).empty() && d.find(' ') == std::string::npos) codes.insert(d);
    for (auto& run : HanRuns(d)) names.insert(std::move(run));
  }

  std::map<std::string, std::set<std::string>> english_in_zh, chinese_in_en;
  for (const auto& [name, text] : zh_) {
    for (auto& word : EnglishWords(text, codes)) english_in_zh[name].insert(std::move(word));
  }
  for (const auto& [name, text] : en_) {
    for (auto& run : HanRuns(text)) {
      if (names.count(run) != 0) continue;
      // A name cut short to fit a column is still the data's.
      const bool part = std::any_of(names.begin(), names.end(), [&](const std::string& n) {
        return n.find(run) != std::string::npos;
      });
      if (!part) chinese_in_en[name].insert(std::move(run));
    }
  }
  for (const auto& [name, words] : english_in_zh) {
    ADD_FAILURE() << name << " (zh) has English: " << fmt::format("{}", fmt::join(words, ", "));
  }
  for (const auto& [name, runs] : chinese_in_en) {
    ADD_FAILURE() << name << " (en) has Chinese: " << fmt::format("{}", fmt::join(runs, ", "));
  }
}

}  // namespace

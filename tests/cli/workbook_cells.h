// SPDX-License-Identifier: LicenseRef-ClusterScope
//
// A workbook's cells as text, for tests that compare or read what an .xlsx file says.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

namespace testutil {

// A file of an .xlsx package, or empty.
inline std::string ZipEntry(zip_t* archive, const std::string& name) {
  zip_stat_t stat;
  if (zip_stat(archive, name.c_str(), 0, &stat) != 0) return {};
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(archive, name.c_str(), 0),
                                                         &zip_fclose);
  if (!file) return {};
  std::string out(static_cast<std::size_t>(stat.size), '\0');
  zip_fread(file.get(), out.data(), stat.size);
  return out;
}

// Every cell of every sheet of a workbook, one line each: "sheet!A1<TAB>value", in the order of
// the sheets and of the cells in them. Styles and the file's dates are left out.
inline std::string XlsxCells(const std::string& path) {
  int error = 0;
  std::unique_ptr<zip_t, int (*)(zip_t*)> archive(zip_open(path.c_str(), ZIP_RDONLY, &error),
                                                  &zip_close);
  if (!archive) return "not a workbook: " + path;
  std::vector<std::string> strings;
  pugi::xml_document shared;
  const std::string shared_text = ZipEntry(archive.get(), "xl/sharedStrings.xml");
  if (shared.load_buffer(shared_text.data(), shared_text.size())) {
    for (const auto& si : shared.child("sst").children("si")) {
      std::string text;
      for (const auto& t : si.select_nodes(".//t")) text += t.node().text().get();
      strings.push_back(text);
    }
  }
  pugi::xml_document workbook;
  const std::string workbook_text = ZipEntry(archive.get(), "xl/workbook.xml");
  workbook.load_buffer(workbook_text.data(), workbook_text.size());
  std::string out;
  int index = 0;
  for (const auto& sheet : workbook.child("workbook").child("sheets").children("sheet")) {
    ++index;
    pugi::xml_document doc;
    const std::string text =
        ZipEntry(archive.get(), fmt::format("xl/worksheets/sheet{}.xml", index));
    doc.load_buffer(text.data(), text.size());
    for (const auto& row : doc.child("worksheet").child("sheetData").children("row")) {
      for (const auto& c : row.children("c")) {
        std::string value = c.child("v").text().get();
        if (std::string(c.attribute("t").value()) == "s" && !value.empty()) {
          value = strings.at(std::stoul(value));
        } else if (std::string(c.attribute("t").value()) == "inlineStr") {
          value = c.child("is").child("t").text().get();
        }
        if (!c.child("f").empty()) value = "=" + std::string(c.child("f").text().get());
        out += fmt::format("{}!{}\t{}\n", sheet.attribute("name").value(), c.attribute("r").value(),
                           value);
      }
    }
  }
  return out;
}

}  // namespace testutil

// SPDX-License-Identifier: LicenseRef-ClusterScope
#include "clusterscope/report/docx.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "monthly_parts.h"
#include <fmt/format.h>
#include <zip.h>

namespace clusterscope::report {
namespace {

// GB/T 9704-2012 in Word's units: twentieths of a point (twips) and half-points.
constexpr int kPageWidth = 11906;    // A4, 210 mm
constexpr int kPageHeight = 16838;   // 297 mm
constexpr int kMarginTop = 2098;     // 37 mm
constexpr int kMarginBottom = 1984;  // 35 mm
constexpr int kMarginLeft = 1587;    // 28 mm
constexpr int kMarginRight = 1474;   // 26 mm
// 22 lines in the 225 mm of the type area: the line grid's pitch. 28 characters of 三号 (16 pt)
// in its 156 mm (442 pt) need them 0.2 pt closer: a spacing of -4 twentieths of a point. (A
// character grid narrower than the font would put each character in two cells.)
constexpr int kLinePitch = 579;
constexpr int kCharSpacing = -4;
constexpr int kSize2 = 44;  // 二号, 22 pt
constexpr int kSize3 = 32;  // 三号, 16 pt
constexpr int kSize4 = 28;  // 四号, 14 pt
constexpr int kSize5 = 21;  // 五号, 10.5 pt: tables

// Text for XML: escaped, and without the control characters XML 1.0 cannot hold.
std::string Text(std::string_view text) {
  std::string kept;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
  }
  return detail::Escape(kept);
}

// Runs in a font: Latin letters and digits in Times New Roman, Chinese in `east_asia`.
std::string Fonts(std::string_view east_asia) {
  return fmt::format(
      R"(<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{0}" w:cs="Times New Roman"/>)",
      east_asia);
}

std::string Styles() {
  const auto style = [](std::string_view id, std::string_view name, std::string_view paragraph,
                        std::string_view run) {
    return fmt::format(
        R"(<w:style w:type="paragraph" w:styleId="{0}"><w:name w:val="{1}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{2}</w:pPr><w:rPr>{3}</w:rPr></w:style>)",
        id, name, paragraph, run);
  };
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)";
  out += fmt::format(
      R"(<w:docDefaults><w:rPrDefault><w:rPr>{0}<w:spacing w:val="{3}"/><w:sz w:val="{1}"/><w:szCs w:val="{1}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="{2}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>)",
      Fonts("仿宋_GB2312"), kSize3, kLinePitch, kCharSpacing);
  out +=
      R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>)";
  out += style(
      "Title", "Title",
      R"(<w:jc w:val="center"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:spacing w:line="700" w:lineRule="exact"/>)",
      Fonts("方正小标宋简体") + fmt::format(R"(<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>)", kSize2));
  out += style("Subtitle", "Subtitle",
               R"(<w:jc w:val="center"/><w:ind w:firstLineChars="0" w:firstLine="0"/>)",
               Fonts("楷体_GB2312"));
  out += style("Heading1", "heading 1", R"(<w:keepNext/><w:outlineLvl w:val="0"/>)", Fonts("黑体"));
  out += style("Heading2", "heading 2", R"(<w:keepNext/><w:outlineLvl w:val="1"/>)",
               Fonts("楷体_GB2312"));
  out +=
      style("Caption", "caption",
            R"(<w:keepNext/><w:jc w:val="center"/><w:ind w:firstLineChars="0" w:firstLine="0"/>)",
            Fonts("黑体") + fmt::format(R"(<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>)", kSize4));
  out += style(
      "TableText", "Table Text",
      R"(<w:ind w:firstLineChars="0" w:firstLine="0"/><w:spacing w:line="240" w:lineRule="auto"/><w:snapToGrid w:val="0"/>)",
      fmt::format(R"(<w:spacing w:val="0"/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/>)", kSize5));
  out += style("AnalystNote", "Analyst Note",
               R"(<w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/>)", Fonts("楷体_GB2312"));
  out += style("Footer", "footer",
               R"(<w:ind w:firstLineChars="0" w:firstLine="0"/><w:snapToGrid w:val="0"/>)",
               fmt::format(R"(<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>)", kSize4));
  out +=
      R"(<w:style w:type="table" w:styleId="ThreeLine"><w:name w:val="Three-line table"/><w:tblPr><w:jc w:val="center"/><w:tblBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="12" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>)";
  out += "</w:styles>";
  return out;
}

std::string Paragraph(std::string_view style, std::string_view text) {
  return fmt::format(
      R"(<w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>)",
      style, Text(text));
}

// A cell of a three-line table: the header row has a thin rule under it.
std::string Cell(std::string_view text, bool header, bool numeric, int width) {
  const std::string border =
      header
          ? R"(<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>)"
          : "";
  return fmt::format(
      R"(<w:tc><w:tcPr><w:tcW w:w="{4}" w:type="dxa"/>{0}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="{1}"/></w:pPr><w:r>{2}<w:t xml:space="preserve">{3}</w:t></w:r></w:p></w:tc>)",
      border,
      header    ? "center"
      : numeric ? "right"
                : "left",
      header ? "<w:rPr><w:b/></w:rPr>" : "", Text(text), width);
}

// How wide a text prints, in half-width characters: CJK and full-width forms take two.
double PrintedWidth(std::string_view text) {
  double width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    width += c >= 0xE2 ? 2 : 1;        // U+2000 and up: CJK, punctuation, full-width
  }
  return width;
}

// The columns' widths in twips: each as wide as its widest cell (a header may fold over two
// lines) in 五号 half-width characters of 105 twips, plus the cell's margins; when they do not
// all fit, the widest are cut to one width (names fold, figures do not), and what is left over
// is shared out.
std::vector<int> ColumnWidths(const Section& table) {
  constexpr double kTypeArea = kPageWidth - kMarginLeft - kMarginRight;
  constexpr double kUnit = 105;     // a half-width character of 五号 (10.5 pt), in twips
  constexpr double kMargins = 2.5;  // the cell's margins and a little air, in characters
  std::vector<double> wanted(table.headers.size(), 4);
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    wanted[c] = std::max(wanted[c], PrintedWidth(table.headers[c]) / 2 + kMargins);
    for (const auto& row : table.rows) {
      if (c < row.size()) wanted[c] = std::max(wanted[c], PrintedWidth(row[c]) + kMargins);
    }
  }
  // The cut: the largest width such that the columns fit, each at most its own want.
  const double room = kTypeArea / kUnit;
  double cut = *std::max_element(wanted.begin(), wanted.end());
  const auto fitted = [&](double limit) {
    double sum = 0;
    for (const double w : wanted) sum += std::min(w, limit);
    return sum;
  };
  while (cut > 6 && fitted(cut) > room) cut -= 0.5;
  double sum = fitted(cut);
  std::vector<int> widths;
  for (const double w : wanted) {
    widths.push_back(static_cast<int>(kTypeArea * std::min(w, cut) / sum));
  }
  return widths;
}

std::string Table(const Section& table) {
  std::string out;
  if (!table.title.empty()) out += Paragraph("Caption", table.title);
  for (const auto& note : table.notes) out += Paragraph("TableText", note);
  const auto widths = ColumnWidths(table);
  out +=
      R"(<w:tbl><w:tblPr><w:tblStyle w:val="ThreeLine"/><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>)";
  for (const int width : widths) out += fmt::format(R"(<w:gridCol w:w="{}"/>)", width);
  out += R"(</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>)";
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    out += Cell(table.headers[c], true, false, widths[c]);
  }
  out += "</w:tr>";
  for (const auto& row : table.rows) {
    out += R"(<w:tr><w:trPr><w:cantSplit/></w:trPr>)";
    for (std::size_t c = 0; c < row.size(); ++c) {
      const bool numeric =
          std::find(table.numeric.begin(), table.numeric.end(), c) != table.numeric.end();
      out += Cell(row[c], false, numeric, c < widths.size() ? widths[c] : 0);
    }
    out += "</w:tr>";
  }
  out += "</w:tbl>";
  out += R"(<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>)";  // space below
  return out;
}

// A number as a chart caches it: shortest round-trip form.
std::string Number(double value) { return fmt::format("{}", value); }

// A series of a chart: its name, then the categories and values, cached (the chart draws from
// the cache; its formulas name the columns of a sheet of the same data).
std::string Series(int index, std::string_view name, const std::vector<std::string>& categories,
                   const std::vector<std::optional<double>>& values, std::string_view style) {
  const char column = static_cast<char>('B' + index);
  const std::size_t n = categories.size();
  std::string out = fmt::format(
      R"(<c:ser><c:idx val="{0}"/><c:order val="{0}"/><c:tx><c:strRef><c:f>Sheet1!${1}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{2}</c:v></c:pt></c:strCache></c:strRef></c:tx>{3})",
      index, column, Text(name), style);
  out += fmt::format(
      R"(<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${}</c:f><c:strCache><c:ptCount val="{}"/>)", n + 1,
      n);
  for (std::size_t i = 0; i < n; ++i) {
    out += fmt::format(R"(<c:pt idx="{}"><c:v>{}</c:v></c:pt>)", i, Text(categories[i]));
  }
  out += fmt::format(
      R"(</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!${0}$2:${0}${1}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{2}"/>)",
      column, n + 1, n);
  for (std::size_t i = 0; i < n && i < values.size(); ++i) {
    if (values[i])
      out += fmt::format(R"(<c:pt idx="{}"><c:v>{}</c:v></c:pt>)", i, Number(*values[i]));
  }
  return out + "</c:numCache></c:numRef></c:val>";
}

// An axis pair: a category axis and a value axis, the second pair on the right and unseen.
// Bars start at zero unless some are negative: a bar's length is its value.
// Horizontal bars read from the top: their categories run downwards, the values along the foot.
std::string Axes(int category, int value, bool secondary, bool from_zero, bool horizontal) {
  if (horizontal) {
    return fmt::format(
        R"(<c:catAx><c:axId val="{0}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="{1}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx><c:valAx><c:axId val="{1}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="{0}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>)",
        category, value);
  }
  return fmt::format(
      R"(<c:catAx><c:axId val="{0}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="{2}"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="{1}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx><c:valAx><c:axId val="{1}"/><c:scaling><c:orientation val="minMax"/>{6}</c:scaling><c:delete val="0"/><c:axPos val="{3}"/>{4}<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="{0}"/><c:crosses val="{5}"/><c:crossBetween val="between"/></c:valAx>)",
      category, value, secondary ? 1 : 0, secondary ? "r" : "l",
      secondary ? "" : "<c:majorGridlines/>", secondary ? "max" : "autoZero",
      from_zero ? R"(<c:min val="0"/>)" : "");
}

// The chart part: bars, and a line on a second axis when there is one. Its title is the caption
// above it, in the text.
std::string ChartPart(const DocxChart& chart) {
  std::string out = std::string(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>)");
  out += fmt::format(
      R"(<c:barChart><c:barDir val="{}"/><c:grouping val="clustered"/><c:varyColors val="0"/>)",
      chart.horizontal ? "bar" : "col");
  out += Series(
      0, chart.bars_name, chart.categories, chart.bars,
      R"(<c:spPr><a:solidFill><a:srgbClr val="2F5597"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>)");
  out += R"(</c:ser><c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>)";
  const bool line = !chart.line_name.empty();
  if (line) {
    out += R"(<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>)";
    out += Series(
        1, chart.line_name, chart.categories, chart.line,
        R"(<c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>)");
    out +=
        R"(<c:smooth val="0"/></c:ser><c:marker val="1"/><c:axId val="1003"/><c:axId val="1004"/></c:lineChart>)";
  }
  const bool from_zero =
      std::none_of(chart.bars.begin(), chart.bars.end(), [](const auto& v) { return v && *v < 0; });
  out += Axes(1001, 1002, false, from_zero, chart.horizontal);
  if (line) out += Axes(1003, 1004, true, false, false);
  out +=
      R"(</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>)";
  out +=
      R"(<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="Times New Roman"/><a:ea typeface="仿宋_GB2312"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>)";
  // The data as a workbook inside the document, for Word's and WPS's "edit data".
  out +=
      R"(<c:externalData r:id="rIdData"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>)";
  return out;
}

// The paragraph that holds chart `number` (1-based), as wide as the type area; horizontal bars
// take 6 mm each.
std::string ChartParagraph(int number, const DocxChart& chart) {
  constexpr long kWidth = 5616000;  // 156 mm in EMU
  constexpr long kMillimetre = 36000;
  const long height =
      chart.horizontal
          ? std::clamp(static_cast<long>(30 + 6 * chart.categories.size()), 60L, 200L) * kMillimetre
          : 90 * kMillimetre;
  return fmt::format(
      R"(<w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{1}" cy="{2}"/><wp:docPr id="{0}" name="Chart {0}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart{0}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>)",
      number, kWidth, height);
}

// The section: A4, the margins, the 22 x 28 grid, odd and even footers.
std::string SectionProperties() {
  return fmt::format(
      R"(<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/><w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="{}"/></w:sectPr>)",
      kPageWidth, kPageHeight, kMarginTop, kMarginRight, kMarginBottom, kMarginLeft, kLinePitch);
}

std::string Body(const OfficialDocument& document) {
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>)";
  int charts = 0;
  out += Paragraph("Title", document.title);
  if (!document.subtitle.empty()) out += Paragraph("Subtitle", document.subtitle);
  for (const auto& block : document.blocks) {
    switch (block.kind) {
      case DocxBlock::Kind::kHeading1:
        out += Paragraph("Heading1", block.text);
        break;
      case DocxBlock::Kind::kHeading2:
        out += Paragraph("Heading2", block.text);
        break;
      case DocxBlock::Kind::kParagraph:
        out += Paragraph("Normal", block.text);
        break;
      case DocxBlock::Kind::kTable:
        out += Table(block.table);
        break;
      case DocxBlock::Kind::kChart:
        out += Paragraph("Caption", block.chart.title) + ChartParagraph(++charts, block.chart);
        break;
      case DocxBlock::Kind::kAnalystNote:
        out += Paragraph("AnalystNote", block.text);
        break;
    }
  }
  out += SectionProperties() + "</w:body></w:document>";
  return out;
}

// "— 1 —" in 四号 宋体 at the outer side: right on odd pages, left on even ones.
std::string Footer(bool odd) {
  const std::string run =
      R"(<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/></w:rPr>)";
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="{0}"/><w:ind w:left="{1}" w:right="{2}"/></w:pPr>{3}<w:t xml:space="preserve">— </w:t></w:r>{3}<w:fldChar w:fldCharType="begin"/></w:r>{3}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>{3}<w:fldChar w:fldCharType="separate"/></w:r>{3}<w:t>1</w:t></w:r>{3}<w:fldChar w:fldCharType="end"/></w:r>{3}<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>)",
      odd ? "right" : "left", odd ? 0 : 280, odd ? 280 : 0, run);
}

// A chart's data as the workbook Word and WPS open to edit it: the categories in column A, the
// bars in B, the line in C, the series' names in row 1 (the cells the chart's formulas name).
Result<std::string> ChartWorkbook(const DocxChart& chart) {
  auto book = detail::Workbook::Open();
  if (!book) return Error(book.error());
  lxw_worksheet* sheet = workbook_add_worksheet(book->get(), "Sheet1");
  worksheet_write_string(sheet, 0, 1, chart.bars_name.c_str(), nullptr);
  if (!chart.line_name.empty())
    worksheet_write_string(sheet, 0, 2, chart.line_name.c_str(), nullptr);
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    const auto row = static_cast<lxw_row_t>(i + 1);
    worksheet_write_string(sheet, row, 0, chart.categories[i].c_str(), nullptr);
    if (i < chart.bars.size() && chart.bars[i]) {
      worksheet_write_number(sheet, row, 1, *chart.bars[i], nullptr);
    }
    if (i < chart.line.size() && chart.line[i]) {
      worksheet_write_number(sheet, row, 2, *chart.line[i], nullptr);
    }
  }
  worksheet_set_column(sheet, 0, 0, 24, nullptr);
  return std::move(*book).Bytes();
}

std::string ChartRels(int number) {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdData" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/chart{}.xlsx"/></Relationships>)",
      number);
}

// The package's content types, with `charts` chart parts.
std::string ContentTypes(int charts) {
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)";
  for (int n = 1; n <= charts; ++n) {
    out += fmt::format(
        R"(<Override PartName="/word/charts/chart{}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>)",
        n);
  }
  return out + "</Types>";
}
constexpr std::string_view kPackageRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>)";
std::string DocumentRels(int charts) {
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>)";
  for (int n = 1; n <= charts; ++n) {
    out += fmt::format(
        R"(<Relationship Id="rIdChart{0}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart{0}.xml"/>)",
        n);
  }
  return out + "</Relationships>";
}
// Odd and even pages have footers of their own (the page number at the outer side).
constexpr std::string_view kSettings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>)";

std::string Core(const OfficialDocument& document) {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>ClusterScope</dc:creator></cp:coreProperties>)",
      Text(document.title));
}

// The parts, written into a zip in memory.
Result<std::string> Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return Error(Status::Internal("cannot make a zip buffer"));
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    return Error(Status::Internal("cannot open a zip buffer"));
  }
  zip_source_keep(buffer);  // it outlives the archive, to be read back
  for (const auto& [name, bytes] : parts) {
    zip_source_t* part = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (part == nullptr || zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8) < 0) {
      if (part != nullptr) zip_source_free(part);
      zip_discard(archive);
      zip_source_free(buffer);
      return Error(Status::Internal(fmt::format("cannot add {} to the document", name)));
    }
  }
  if (zip_close(archive) < 0) {
    zip_discard(archive);
    zip_source_free(buffer);
    return Error(Status::Internal("cannot write the document"));
  }
  std::string out;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    out.resize(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)));
    const zip_int64_t read = zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
    if (read != size) out.clear();
  }
  zip_source_free(buffer);
  if (out.empty()) return Error(Status::Internal("cannot read the document back"));
  return out;
}

// The styles part of a template .docx.
Result<std::string> TemplateStyles(const std::string& path) {
  int code = 0;
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive(zip_open(path.c_str(), ZIP_RDONLY, &code),
                                                   &zip_discard);
  const auto not_word = [&] {
    return Error(Status::InvalidArgument(
        fmt::format("{}: not a Word document (.docx) with styles to take", path)));
  };
  if (!archive) return not_word();
  zip_stat_t stat;
  if (zip_stat(archive.get(), "word/styles.xml", 0, &stat) != 0) return not_word();
  constexpr zip_uint64_t kMaxStyles = zip_uint64_t{16} << 20;
  if (stat.size > kMaxStyles) return not_word();
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
      zip_fopen(archive.get(), "word/styles.xml", 0), &zip_fclose);
  if (!file) return not_word();
  std::string styles(static_cast<std::size_t>(stat.size), '\0');
  if (zip_fread(file.get(), styles.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) {
    return not_word();
  }
  return styles;
}

// A template's styles with ours added for each style the document uses that it lacks (a
// template from Chinese Word names its headings "1" and "2", not Heading1), so that every
// paragraph has a style; the template's own win wherever both have one.
Result<std::string> MergeStyles(std::string taken, const std::string& path) {
  const std::size_t close = taken.rfind("</w:styles>");
  if (close == std::string::npos) {
    return Error(Status::InvalidArgument(
        fmt::format("{}: not a Word document (.docx) with styles to take", path)));
  }
  const std::string ours = Styles();
  std::string added;
  for (std::size_t at = ours.find("<w:style "); at != std::string::npos;
       at = ours.find("<w:style ", at + 1)) {
    const std::size_t end = ours.find("</w:style>", at) + std::string_view("</w:style>").size();
    const std::size_t id = ours.find("w:styleId=\"", at) + std::string_view("w:styleId=\"").size();
    const std::string name = ours.substr(id, ours.find('"', id) - id);
    if (taken.find(fmt::format("w:styleId=\"{}\"", name)) == std::string::npos) {
      std::string element = ours.substr(at, end - at);
      // Not as the default paragraph style: the template has its own.
      constexpr std::string_view kDefault = R"( w:default="1")";
      if (const auto d = element.find(kDefault); d != std::string::npos) {
        element.erase(d, kDefault.size());
      }
      added += element;
    }
  }
  taken.insert(close, added);
  return taken;
}

}  // namespace

Result<std::string> DocxBytes(const OfficialDocument& document, const std::string& template_docx) {
  std::string styles = Styles();
  if (!template_docx.empty()) {
    auto taken = TemplateStyles(template_docx);
    if (!taken) return Error(taken.error());
    auto merged = MergeStyles(std::move(*taken), template_docx);
    if (!merged) return Error(merged.error());
    styles = std::move(*merged);
  }
  std::vector<std::pair<std::string, std::string>> charts;
  int count = 0;
  for (const auto& block : document.blocks) {
    if (block.kind != DocxBlock::Kind::kChart) continue;
    ++count;
    auto data = ChartWorkbook(block.chart);
    if (!data) return Error(data.error());
    charts.emplace_back(fmt::format("word/charts/chart{}.xml", count), ChartPart(block.chart));
    charts.emplace_back(fmt::format("word/charts/_rels/chart{}.xml.rels", count), ChartRels(count));
    charts.emplace_back(fmt::format("word/embeddings/chart{}.xlsx", count), std::move(*data));
  }
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", ContentTypes(count)},
      {"_rels/.rels", std::string(kPackageRels)},
      {"word/_rels/document.xml.rels", DocumentRels(count)},
      {"word/document.xml", Body(document)},
      {"word/styles.xml", std::move(styles)},
      {"word/settings.xml", std::string(kSettings)},
      {"word/footer1.xml", Footer(true)},
      {"word/footer2.xml", Footer(false)},
      {"docProps/core.xml", Core(document)}};
  for (auto& chart : charts) parts.push_back(std::move(chart));
  return Zip(parts);
}

}  // namespace clusterscope::report

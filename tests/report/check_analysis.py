#!/usr/bin/python3
# SPDX-License-Identifier: LicenseRef-ClusterScope
"""The monthly analysis as Word reads it, held against the report's JSON for the same period.

    check_analysis.py ANALYSIS.docx REPORT.json [--full FULL.json]

python-docx (Debian's python3-docx) opens the document; its first paragraph, cluster and park
tables and both charts (the cached values and the workbook inside the document, read by
openpyxl) must hold the JSON's figures. With --full (the published form's check), no enterprise
the full report ranks may be named anywhere in the document. Prints what differs and exits 1.
"""
import io
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import docx
import openpyxl

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def close(text, value, digits):
    """A cell written to `digits` decimals holds `value`."""
    if value is None:
        return text in ("—", "保密")
    try:
        return abs(float(text) - value) <= 0.5 * 10 ** -digits + 1e-9
    except ValueError:
        return False


def words(growth):
    """A growth in words, as the bureau writes it: 增长5.9%, 下降1.1%, 持平."""
    points = round(growth * 1000) / 10
    if points == 0:
        return "持平"
    return f"{'增长' if points > 0 else '下降'}{abs(points):.1f}%"


def tables_by_header(document):
    return {t.rows[0].cells[0].text: t for t in document.tables}


def chart_series(archive, number):
    """(categories, [values of each series]) from a chart's caches."""
    root = ET.fromstring(archive.read(f"word/charts/chart{number}.xml"))
    series = root.iter(f"{C}ser")
    out = []
    categories = None
    for ser in series:
        cats = [pt.find(f"{C}v").text for pt in ser.find(f"{C}cat").iter(f"{C}pt")]
        categories = categories or cats
        values = {int(pt.get("idx")): float(pt.find(f"{C}v").text)
                  for pt in ser.find(f"{C}val").iter(f"{C}pt")}
        out.append([values.get(i) for i in range(len(cats))])
    return categories, out


def main():
    args = sys.argv[1:]
    full = None
    if "--full" in args:
        i = args.index("--full")
        full = json.load(open(args[i + 1], encoding="utf-8"))
        del args[i:i + 2]
    path, report_path = args
    report = json.load(open(report_path, encoding="utf-8"))
    document = docx.Document(path)
    groups = report["groups"]
    total = next(g for g in groups if g["kind"] == "total")
    by_name = {(g["kind"], g["name"]): g for g in groups}

    # The first paragraph: the year to date's output and growth, value added.
    paragraphs = [p for p in document.paragraphs if p.text]
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    expect(headings and headings[0] == "一、总体运行情况", f"headings {headings}")
    first = next(p.text for p in paragraphs if p.style.name == "Normal")
    if total["suppressed"] is None:
        output = f"{total['ytd_output'] / 1e4:.1f}亿元"
        expect(output in first, f"first paragraph lacks {output}: {first}")
        if total["growth_same_basis"] is not None:
            expect(f"同比{words(total['growth_same_basis'])}" in first,
                   f"first paragraph lacks {words(total['growth_same_basis'])}: {first}")
        if total["value_added_growth_real"] is not None:
            expect(f"规上工业增加值{words(total['value_added_growth_real'])}（可比价）" in first,
                   f"first paragraph lacks value added: {first}")
    expect(any(re.fullmatch(r"[一二三四五六七]、\d{4}年目标进度", h) for h in headings),
           f"no targets section in {headings}")
    expect(headings[-1].endswith("下一步工作建议"), f"last heading {headings[-1]}")

    # The cluster and park tables: each row the JSON's group.
    tables = tables_by_header(document)
    for header, kinds in (("集群", ("total", "tier", "cluster")), ("园区", ("park",))):
        expect(header in tables, f"no table of {header}")
        if header not in tables:
            continue
        rows = tables[header].rows[1:]
        expect(len(rows) == sum(1 for g in groups if g["kind"] in kinds),
               f"{header}: {len(rows)} rows")
        for row in rows:
            cells = [c.text for c in row.cells]
            name = cells[0].strip("\u3000")
            group = next((by_name[(k, name)] for k in kinds if (k, name) in by_name), None)
            if name == "合计":
                group = total
            expect(group is not None, f"{header}: {name} is no group of the JSON")
            if group is None:
                continue
            expect(cells[1] == str(group["enterprises"]), f"{name}: enterprises {cells[1]}")
            if group["suppressed"] is not None:
                expect(cells[2:] == ["保密"] * 4, f"{name}: withheld, yet {cells[2:]}")
                continue
            scaled = lambda v, k: None if v is None else v * k
            for text, value, digits, what in (
                    (cells[2], scaled(group["ytd_output"], 1e-4), 1, "output"),
                    (cells[3], scaled(group["growth_same_basis"], 100), 1, "growth"),
                    (cells[4], scaled(group["contribution_rate"], 100), 1, "contribution"),
                    (cells[5], group["pull_pp"], 2, "pull")):
                expect(close(text, value, digits), f"{name}: {what} {text} against {value}")

    # The charts: the trend ends at this month, the pulls are the published clusters'.
    archive = zipfile.ZipFile(path)
    categories, (bars, line) = chart_series(archive, 1)
    expect(len(categories) == 12, f"trend of {len(categories)} months")
    if total["suppressed"] is None:
        expect(abs(bars[-1] - total["month_output"] / 1e4) < 0.006,
               f"trend ends at {bars[-1]}, month output {total['month_output']}")
        expect(abs(line[-1] - round(total["growth_same_basis"] * 1000) / 10) < 1e-9,
               f"trend's growth ends at {line[-1]}")
    categories, (pulls,) = chart_series(archive, 2)
    shown = [g for g in groups if g["kind"] == "cluster" and g["suppressed"] is None]
    expect(categories == [g["name"] for g in shown], f"pull chart's clusters {categories}")
    for g, value in zip(shown, pulls):
        expect(abs(value - g["pull_pp"]) < 0.006, f"pull chart: {g['name']} {value}")
    # The workbook inside the document holds the same numbers ("edit data" in Word and WPS).
    for number, cached in ((2, pulls),):
        book = openpyxl.load_workbook(io.BytesIO(archive.read(f"word/embeddings/chart{number}.xlsx")))
        sheet = book["Sheet1"]
        kept = [sheet.cell(row=r, column=2).value for r in range(2, len(cached) + 2)]
        expect(kept == cached, f"chart {number}'s workbook {kept} against {cached}")

    # No sentence about a withheld group.
    for g in groups:
        if g["suppressed"] is not None and g["kind"] != "total":
            said = [p.text for p in paragraphs
                    if f"{g['name']}完成产值" in p.text or f"{g['name']}（" in p.text]
            expect(not said, f"{g['name']} is withheld, yet: {said[:1]}")

    # The published form names no enterprise the full report ranks.
    if full is not None:
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        names = {r["name"] for g in full["groups"] for key in ("top", "top_by_growth")
                 for r in g.get(key) or []}
        named = sorted(n for n in names if n in text)
        expect(not named, f"the published form names {named[:5]}")
        expect(not any(h.startswith("位次") for h in tables), "a ranking table in the published form")

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

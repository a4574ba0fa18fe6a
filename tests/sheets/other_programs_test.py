#!/usr/bin/python3
# SPDX-License-Identifier: LicenseRef-ClusterScope
"""Sheets as the offices and the bureau make them, written by other programs, import to exactly
the values of the plain interchange CSV.

Workbooks are written by openpyxl (python3-openpyxl) and rewritten by LibreOffice headless
(libreoffice-calc-nogui), each with its own XML: shared or inline strings, its merged cells, its
date styles. Each is imported into a fresh store and every enterprise's stored figures are
compared, value for value (as doubles, not within a tolerance), with the plain CSV's:

- titled: a title merged across the columns, a units line in 千元, 序号 and 单位详细名称
  columns, the month as a real Excel date in a Chinese number format (yyyy"年"m"月"), a figure
  in full-width digits, a blank row, a 合计 row that is the sum of the rows, a 其中 row and a
  注 row;
- two_level: a two-level header merged over 本月 / 本年累计 / 上年同期累计 under each indicator
  (read as year-to-date, months derived), the month as text ("2025年3月"), 合计 and 注 rows;
- and an Excel 97-2003 workbook (.xls) from LibreOffice is refused with what to do instead.

Usage: other_programs_test.py CLUSTERSCOPE
"""

import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

MONTHS = [f"2025-{m:02}" for m in range(1, 13)]
MONEY = ["output_value", "value_added", "revenue", "profit"]
HEADERS = {"output_value": "工业总产值", "value_added": "工业增加值", "revenue": "营业收入",
           "profit": "利润总额"}


def run(binary, db, *args, check=True):
    done = subprocess.run([binary, "--db", str(db), *args], capture_output=True, text=True)
    if check and done.returncode != 0:
        raise AssertionError(f"{' '.join(args)}: exit {done.returncode}\n{done.stdout}{done.stderr}")
    return done


def figures(usccs):
    """Month figures in 万元 with two decimals (profit may be negative), and last year's."""
    rng = random.Random(2349)
    rows = []
    for uscc in usccs:
        base = Decimal(rng.randint(5_000_00, 90_000_00)) / 100
        for month in MONTHS:
            row = {"uscc": uscc, "period": month}
            for measure in MONEY:
                share = {"output_value": 1, "value_added": Decimal("0.3"), "revenue": Decimal("0.95"),
                         "profit": Decimal("0.06")}[measure]
                value = (base * share * Decimal(rng.randint(80, 120)) / 100).quantize(Decimal("0.01"))
                if measure == "profit" and rng.random() < 0.2:
                    value = -value
                row[measure] = value
                prior = (value * Decimal(rng.randint(85, 105)) / 100).quantize(Decimal("0.01"))
                row[measure + "_prior"] = prior
            row["employees"] = rng.randint(50, 3000)
            rows.append(row)
    return rows


def write_plain(rows, path):
    columns = ["uscc", "period", *MONEY, *[m + "_prior" for m in MONEY], "employees"]
    with open(path, "w", encoding="utf-8") as out:
        out.write(",".join(columns) + "\n")
        for row in rows:
            out.write(",".join(str(row[c]) for c in columns) + "\n")


def full_width(text):
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def write_titled(rows, names, path):
    """One month (December) as a park office sends it: money in 千元."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "12月"
    heads = ["序号", "统一社会信用代码", "单位详细名称", "报告期", *[HEADERS[m] for m in MONEY],
             "期末从业人员"]
    sheet.append(["涪陵区2025年12月规模以上工业企业主要经济指标"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(["单位：千元、人"])
    sheet.append(heads)
    totals = {m: Decimal(0) for m in MONEY}
    december = [r for r in rows if r["period"] == "2025-12"]
    for n, row in enumerate(december, start=1):
        cells = [n, row["uscc"], names[row["uscc"]], None]
        for measure in MONEY:
            thousands = row[measure] * 10
            totals[measure] += thousands
            cells.append(float(thousands))
        # One headcount typed with a Chinese input method: full-width digits, as text.
        cells.append(full_width(str(row["employees"])) if n == 2 else row["employees"])
        sheet.append(cells)
        date = sheet.cell(row=sheet.max_row, column=4)
        date.value = datetime.datetime(2025, 12, 1)
        date.number_format = 'yyyy"年"m"月"'
    sheet.append([])
    sheet.append(["合计", None, None, None, *[float(totals[m]) for m in MONEY], None])
    first_two = sum(r["output_value"] * 10 for r in december[:2])
    sheet.append(["其中：重点企业", None, None, None, float(first_two)])
    sheet.append(["注：本表数据为快报数。"])
    book.save(path)


def write_two_level(rows, path):
    """The year to date, January to December, under a two-level header: money in 万元."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "1-12月"
    sheet.append(["涪陵区2025年规模以上工业企业主要指标（按月）"])
    sheet.append(["单位：万元"])
    top = ["统一社会信用代码", "报告期", "期末从业人员"]
    sub = [None, None, None]
    for measure in MONEY:
        top += [HEADERS[measure], None, None]
        sub += ["本月", "本年累计", "上年同期累计"]
    width = len(top)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(top)
    sheet.append(sub)
    for column in "ABC":
        sheet.merge_cells(f"{column}3:{column}4")
    for i in range(len(MONEY)):
        sheet.merge_cells(start_row=3, start_column=4 + 3 * i, end_row=3, end_column=6 + 3 * i)
    ytd = {}
    for row in rows:  # in month order for each enterprise
        key = row["uscc"]
        if row["period"] == "2025-01":
            ytd[key] = {m: Decimal(0) for m in MONEY} | {m + "_prior": Decimal(0) for m in MONEY}
        for m in MONEY:
            ytd[key][m] += row[m]
            ytd[key][m + "_prior"] += row[m + "_prior"]
        month = int(row["period"][5:])
        cells = [row["uscc"], f"2025年{month}月", row["employees"]]
        for m in MONEY:
            cells += [float(row[m]), float(ytd[key][m]), float(ytd[key][m + "_prior"])]
        sheet.append(cells)
    sheet.append(["合计"])
    sheet.append(["注：本年累计数据由各月快报累加。"])
    book.save(path)


def write_parks(rows, path, repeat=False):
    """December a sheet per park (two parks, two enterprises each), each with its own title and
    合计; with `repeat` the second sheet repeats the first's first enterprise."""
    book = openpyxl.Workbook()
    december = [r for r in rows if r["period"] == "2025-12"]
    for n, (park, part) in enumerate([("高新区", december[:2]), ("白涛", december[2:])]):
        sheet = book.active if n == 0 else book.create_sheet()
        sheet.title = park
        sheet.append([f"{park}2025年12月规上工业企业产值"])
        sheet.append(["统一社会信用代码", "报告期", "工业总产值（万元）"])
        if repeat and n == 1:
            part = [december[0]]
        for row in part:
            sheet.append([row["uscc"], "2025-12", float(row["output_value"])])
        sheet.append(["合计", None, float(sum(r["output_value"] for r in part))])
    book.save(path)


def with_libreoffice(source, out_dir, profile):
    """The workbook opened and saved again by LibreOffice Calc."""
    out_dir.mkdir(exist_ok=True)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir),
                    str(source)], check=True, capture_output=True, timeout=300)
    written = out_dir / source.name
    assert written.exists(), f"LibreOffice wrote no {written}"
    return written


def stored(binary, db, usccs):
    """Every enterprise's current figures by month, as the store has them."""
    out = {}
    for uscc in usccs:
        history = json.loads(run(binary, db, "history", uscc, "--format", "json").stdout)
        for period in history["periods"]:
            current = next(v for v in period["versions"] if v["current"])
            out[(uscc, period["period"])] = current["values"]
    return out


def main():
    binary = sys.argv[1]
    work = Path(tempfile.mkdtemp(prefix="cs-sheets-"))
    try:
        run(binary, work / "synth.db", "synth", "--profile", "generic", "--enterprises", "4",
            "--months", "1", "--start", "2025-01", "--seed", "7", "--out", str(work / "synth"))
        registry = (work / "synth" / "enterprises.csv").read_text(encoding="utf-8").splitlines()
        header = registry[0].split(",")
        usccs, names = [], {}
        for line in registry[1:]:
            cells = dict(zip(header, line.split(",")))
            usccs.append(cells["uscc"])
            names[cells["uscc"]] = cells["name"]
        rows = figures(usccs)
        write_plain(rows, work / "plain.csv")
        books = {"titled": work / "titled.xlsx", "two_level": work / "two_level.xlsx"}
        write_titled(rows, names, books["titled"])
        write_two_level(rows, books["two_level"])
        profile = work / "lo-profile"
        for name, path in list(books.items()):
            books[name + " (LibreOffice)"] = with_libreoffice(path, work / "lo", profile)

        def fresh(name):
            db = work / f"{name.replace(' ', '_')}.db"
            run(binary, db, "init")
            run(binary, db, "import", "enterprises", str(work / "synth" / "enterprises.csv"))
            return db

        plain_db = fresh("plain")
        run(binary, plain_db, "import", "monthly", str(work / "plain.csv"))
        expected = stored(binary, plain_db, usccs)
        december = {k: v for k, v in expected.items() if k[1] == "2025-12"}
        failures = []
        for name, path in books.items():
            db = fresh(name)
            preview = json.loads(run(binary, db, "import", "monthly", str(path), "--dry-run",
                                     "--format", "json").stdout)
            assert preview["dry_run"] and not preview["written"], name
            assert preview["header_line"] == 3, (name, preview["header_line"])
            report = json.loads(run(binary, db, "import", "monthly", str(path), "--format",
                                    "json").stdout)
            kinds = sorted({s["kind"] for s in report["skipped"]})
            want = december if name.startswith("titled") else expected
            got = stored(binary, db, usccs)
            if name.startswith("titled"):
                assert report["unit_stated"] == "千元", (name, report["unit_stated"])
                assert "subtotal" in kinds and "note" in kinds, (name, kinds)
                assert not [w for w in report["warnings"] if w["rule"] == "subtotal_differs"], name
            else:
                assert report["header_rows"] == 2 and report["year_to_date_stated"], name
            # The whole year with its priors (which no history shows): December's report, growth
            # and all, is the plain CSV's.
            report_args = ("report", "monthly", "--period", "2025-12", "--format", "json")
            if name.startswith("two_level") and (run(binary, db, *report_args).stdout !=
                                                 run(binary, plain_db, *report_args).stdout):
                failures.append(f"{name}: the report of 2025-12 differs from the plain CSV's")
            if got != want:
                wrong = [(k, want.get(k), got.get(k)) for k in sorted(set(want) | set(got))
                         if want.get(k) != got.get(k)]
                failures.append(f"{name}: {len(wrong)} enterprise-months differ, first {wrong[0]}")
            else:
                print(f"{name}: {len(got)} enterprise-months equal the plain CSV's "
                      f"(rows left out: {', '.join(kinds)})")
        # A sheet per park, read as one file: every sheet, or by a profile that says so.
        write_parks(rows, work / "parks.xlsx")
        want = {k: {"output_value": v["output_value"]} for k, v in december.items()}
        for how in (["--sheet", "*"], ["--profile", "parks"]):
            db = fresh("parks" + how[0])
            if how[0] == "--profile":
                run(binary, db, "import", "profile", "save", "parks", "--from",
                    str(work / "parks.xlsx"), "--sheet", "*")
            report = json.loads(run(binary, db, "import", "monthly", str(work / "parks.xlsx"),
                                    *how, "--format", "json").stdout)
            got = {k: {"output_value": v["output_value"]} for k, v in stored(binary, db, usccs).items()}
            sheets = sorted({s["sheet"] for s in report["skipped"]})
            if got != want or report["rows_read"] != 4 or sheets != ["白涛", "高新区"]:
                failures.append(f"parks {how}: {got} against {want}, {report['rows_read']} rows, "
                                f"sheets {sheets}")
            else:
                print(f"parks {' '.join(how)}: both sheets read, {len(got)} enterprises")
        # The same enterprise on two sheets: refused, naming the sheet and row of each.
        write_parks(rows, work / "twice.xlsx", repeat=True)
        twice = run(binary, fresh("twice"), "import", "monthly", str(work / "twice.xlsx"),
                    "--sheet", "*", "--format", "json", check=False)
        errors = json.loads(twice.stdout)["errors"] if twice.stdout else []
        if twice.returncode != 3 or not any(e["rule"] == "duplicate_key" and e["sheet"] == "白涛"
                                            and "高新区!3" in e["message"] for e in errors):
            failures.append(f"an enterprise on two sheets: exit {twice.returncode}, {errors}")

        # The old binary format, as LibreOffice writes it: refused with what to do.
        office = shutil.which("soffice") or shutil.which("libreoffice")
        subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "xls", "--outdir", str(work / "xls"),
                        str(books["titled"])], check=True, capture_output=True, timeout=300)
        refused = run(binary, plain_db, "import", "monthly", str(work / "xls" / "titled.xls"),
                      check=False)
        if refused.returncode != 3 or "save it as an Excel Workbook (.xlsx)" not in refused.stderr:
            failures.append(f"an .xls file: exit {refused.returncode}, {refused.stderr}")
        if failures:
            print("\n".join(failures), file=sys.stderr)
            return 1
        return 0
    finally:
        if os.environ.get("CLUSTERSCOPE_KEEP_SHEETS"):
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

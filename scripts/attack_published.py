#!/usr/bin/python3
"""An attacker's linear programmes over a published monthly report, written apart from the
C++ code and solved with another solver (SciPy's HiGHS), to check disclosure control from
outside (issue 17).

The attacker knows every figure of the published report (report monthly --public --format
json) and which enterprises make up each group (report members, the registry being public),
and that values are not negative where they cannot be. For every figure the report withholds,
it solves for the least and the most the figure can be; a figure whose whole interval lies
within +-10 % of the truth (from the full report, which the attacker does not have) is
recovered. Prints the count by figure and exits 1 if any is recovered.

    attack_published.py PUBLISHED.json FULL.json MEMBERS.csv [--within 0.10]
"""
import argparse
import csv
import json
import sys
from collections import defaultdict

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

# HiGHS's presolve (SciPy 1.10.1, Debian 12) aborts the process with std::length_error on some
# programmes of free variables (profit); the simplex alone solves them.
HIGHS = {"presolve": False}

# The money figures a group publishes, with the sign they may take.
FIELDS = {
    "month_output": "nonneg", "month_output_base": "nonneg", "ytd_output": "nonneg",
    "ytd_output_base": "nonneg", "ytd_value_added": "free", "ytd_value_added_base": "free",
    "ytd_revenue": "nonneg", "ytd_profit": "free", "ytd_rd_expense": "nonneg",
    "ytd_new_product_revenue": "nonneg", "ytd_export_value": "nonneg",
    "ytd_energy_tce": "nonneg", "loss_amount": "nonpos",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("published")
    parser.add_argument("full")
    parser.add_argument("members")
    parser.add_argument("--within", type=float, default=0.10)
    args = parser.parse_args()

    published = {(g["kind"], g["code"]): g for g in json.load(open(args.published))["groups"]}
    full = {(g["kind"], g["code"]): g for g in json.load(open(args.full))["groups"]}
    members = defaultdict(list)
    with open(args.members, newline="") as f:
        for row in csv.DictReader(f):
            members[(row["kind"], row["code"])].append(row["uscc"])
    enterprises = sorted({u for group in members.values() for u in group})
    column = {u: i for i, u in enumerate(enterprises)}
    n = len(enterprises)

    def row_of(key):
        r = np.zeros(n)
        for u in members[key]:
            r[column[u]] = 1
        return r

    rows = {key: row_of(key) for key in members}
    recovered = []
    withheld_count = 0
    for field, sign in FIELDS.items():
        visible = [k for k, g in published.items()
                   if k in rows and isinstance(g.get(field), (int, float))]
        hidden = [k for k, g in published.items()
                  if k in rows and g.get(field) is None and
                  isinstance(full.get(k, {}).get(field), (int, float)) and full[k][field] != 0]
        withheld_count += len(hidden)
        if not hidden:
            continue
        a_eq = csr_matrix(np.array([rows[k] for k in visible])) if visible else None
        b_eq = np.array([published[k][field] for k in visible]) if visible else None
        bounds = {"nonneg": (0, None), "free": (None, None), "nonpos": (None, 0)}[sign]
        for key in hidden:
            truth = full[key][field]
            interval = []
            for direction in (1, -1):
                result = linprog(direction * rows[key], A_eq=a_eq, b_eq=b_eq, bounds=bounds,
                                 method="highs", options=HIGHS)
                if result.status == 2:
                    # HiGHS says "infeasible" for "infeasible or unbounded": the published
                    # figures are consistent (the truth fits them), so unbounded.
                    check = linprog(np.zeros(n), A_eq=a_eq, b_eq=b_eq, bounds=bounds,
                                    method="highs", options=HIGHS)
                    if check.status == 0:
                        result.status = 3
                if result.status == 3:  # unbounded
                    interval.append(-np.inf if direction == 1 else np.inf)
                elif result.status == 0:
                    interval.append(direction * result.fun)
                else:
                    print(f"{key} {field}: solver status {result.status}", file=sys.stderr)
                    interval.append(np.nan)
            low, high = interval
            margin = args.within * abs(truth)
            if low >= truth - margin and high <= truth + margin:
                recovered.append((key, field, truth, low, high))
    print(f"{withheld_count} withheld figures attacked; {len(recovered)} recovered within "
          f"+-{args.within:.0%}")
    for key, field, truth, low, high in recovered:
        print(f"  {key[0]}:{key[1]} {field} = {truth:.2f} in [{low:.2f}, {high:.2f}]")
    return 1 if recovered else 0


if __name__ == "__main__":
    sys.exit(main())

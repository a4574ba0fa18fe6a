#!/usr/bin/env python3
# SPDX-License-Identifier: LicenseRef-ClusterScope
"""A soak test of `clusterscope serve` on loopback: for a bounded time (at most 10 minutes), at
once, readers as a viewer and an analyst asking every kind of page, a user signing in and out
(now and then with a wrong password), an analyst uploading monthly files and the command line
importing monthly files into the same database. It fails on any 5xx or broken connection, on an
import that fails, on the server's resident memory or open files still growing in the last third
of the run, on the server not stopping cleanly at SIGTERM, or on `status --verify` failing after.

    scripts/soak.py BINARY [--seconds N]

It builds its own database (synthetic Fuling data) in a temporary folder and removes it after.
The answer cache gets a small budget, so that it is full early and its growth is not mistaken
for a leak. Python's standard library only.
"""
import argparse
import csv
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

from loopback_server import Server

ANALYST = ("analyst", "soak-analyst-pass")
VIEWER = ("viewer", "soak-viewer-pass")
SIGNER = ("signer", "soak-signer-pass")
READS = [
    "/api/v1/me", "/api/v1/system", "/api/v1/report/monthly?format=json&lang=zh",
    "/api/v1/report/monthly?format=json&lang=en", "/api/v1/cockpit", "/api/v1/alerts",
    "/api/v1/targets", "/api/v1/targets?history", "/api/v1/chains", "/api/v1/projects",
    "/api/v1/analytics/clusters", "/api/v1/indicators?kind=cluster&months=12",
    "/api/v1/imports", "/api/v1/enterprises?q=%E6%B6%AA", "/api/v1/cultivation",
]


def run(binary, *args, stdin=None, check=True):
    result = subprocess.run([binary, *args], input=stdin, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"soak: {' '.join(args)} failed: {result.stderr.strip()[:400]}")
    return result


def build_database(binary, folder):
    """A database like `make demo-db` builds, with this run's users; the monthly rows to replay."""
    data = os.path.join(folder, "data")
    db = os.path.join(folder, "soak.db")
    run(binary, "synth", "--profile", "fuling", "--out", data)
    os.environ["CLUSTERSCOPE_USER"] = "soak"
    run(binary, "--db", db, "init")
    for kind in ["enterprises", "scale", "designations", "monthly", "prices"]:
        run(binary, "--db", db, "import", kind, os.path.join(data, f"{kind}.csv"))
    run(binary, "--db", db, "import", "relations", os.path.join(data, "relations.csv"))
    run(binary, "--db", db, "import", "matrix", os.path.join(data, "benchmark.csv"),
        "--name", "chongqing-districts")
    for name, password in [ANALYST, VIEWER, SIGNER]:
        role = "analyst" if name == "analyst" else "viewer"
        run(binary, "--db", db, "user", "add", name, "--role", role, stdin=password + "\n")
    with open(os.path.join(data, "monthly.csv"), newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return db, rows[0], rows[1:]


def revised_file(header, rows, rng, count=40):
    """A monthly file revising `count` enterprise-months of the last period (new output)."""
    period = header.index("period")
    output = header.index("output_value")
    last = max(r[period] for r in rows)
    chosen = rng.sample([r for r in rows if r[period] == last], count)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in chosen:
        row = list(row)
        row[output] = f"{float(row[output]) * rng.uniform(0.98, 1.02):.1f}"
        writer.writerow(row)
    return out.getvalue()


class Soak:
    def __init__(self, binary, server, header, rows, seconds):
        self.binary, self.server = binary, server
        self.header, self.rows = header, rows
        self.deadline = time.monotonic() + seconds
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.failures = []
        # (seconds since start, resident MiB, of which anonymous, open files)
        self.samples = []
        self.imports = 0

    def running(self):
        return time.monotonic() < self.deadline and len(self.failures) < 20

    def note(self, what, status, body=b""):
        with self.lock:
            self.statuses[(what, status)] += 1
            if status >= 500:
                self.failures.append(f"{what}: {status} {body[:200]!r}")

    def ask(self, what, method, path, body=None, headers=None):
        try:
            status, data, response = self.server.request(method, path, body, headers, timeout=60)
        except OSError as error:
            with self.lock:
                self.failures.append(f"{what}: {method} {path}: {error}")
            return 0, b"", None
        self.note(what, status, data)
        return status, data, response

    def reader(self, who, headers, seed):
        rng = random.Random(seed)
        while self.running():
            path = rng.choice(READS)
            status, _, _ = self.ask(f"read as {who[0]}", "GET", path, headers=headers)
            if status not in (200, 403):  # a viewer may not read enterprise rows
                with self.lock:
                    self.failures.append(f"read as {who[0]}: {path}: {status}")

    def signer(self):
        n = 0
        while self.running():
            n += 1
            wrong = n % 25 == 0
            body = json.dumps({"name": SIGNER[0], "password": "wrong" if wrong else SIGNER[1]})
            status, data, response = self.ask("sign in", "POST", "/api/v1/login", body,
                                              {"Content-Type": "application/json"})
            if status == 200:
                headers = {"Cookie": response.getheader("Set-Cookie").split(";")[0],
                           "X-CSRF-Token": json.loads(data)["csrf_token"]}
                self.ask("signed in", "GET", "/api/v1/me", headers=headers)
                self.ask("sign out", "POST", "/api/v1/logout", b"", headers)
            time.sleep(0.2)

    def uploader(self, headers):
        rng = random.Random(7)
        while self.running():
            content = revised_file(self.header, self.rows, rng).encode()
            status, data, _ = self.server.upload(headers, "monthly", "revision.csv", content)
            self.note("upload", status, data)
            if status != 200:
                with self.lock:
                    self.failures.append(f"upload: {status} {data[:200]!r}")
            time.sleep(1.0)

    def importer(self, folder):
        rng = random.Random(11)
        path = os.path.join(folder, "cli-revision.csv")
        while self.running():
            with open(path, "w", encoding="utf-8") as f:
                f.write(revised_file(self.header, self.rows, rng))
            result = run(self.binary, "--db", self.server.db, "import", "monthly", path,
                         check=False)
            with self.lock:
                self.imports += 1
                if result.returncode != 0:
                    self.failures.append(f"command-line import: {result.stderr.strip()[:300]}")
            time.sleep(2.0)

    def sampler(self, start):
        while self.running():
            self.samples.append((time.monotonic() - start, self.server.status_mib("VmRSS"),
                                 self.server.status_mib("RssAnon"), self.server.open_files()))
            time.sleep(1.0)


def slope(points):
    """Least-squares growth per second of (t, value) points."""
    mean_t = statistics.fmean(t for t, _ in points)
    mean_v = statistics.fmean(v for _, v in points)
    num = sum((t - mean_t) * (v - mean_v) for t, v in points)
    den = sum((t - mean_t) ** 2 for t, _ in points)
    return num / den if den else 0.0


def growth_problems(samples, seconds):
    """Resident memory or open files still growing over the run's last third. Memory is the
    anonymous part: the database's pages mapped from its files count as resident too, and grow
    with every month written, but they are the kernel's to drop, not a leak.

    Under load the anonymous part swings by a hundred MiB and more (each worker's arena fills and
    is trimmed), so a straight line through the samples measures the swing, not a trend. A leak
    raises the floor the swings return to: the last third's lower quartile and median against the
    middle third's, both higher by more than the allowance, is the finding."""
    third = [s for s in samples if s[0] >= seconds * 2 / 3]
    middle = [s for s in samples if seconds / 3 <= s[0] < seconds * 2 / 3]
    if len(third) < 10 or len(middle) < 10:
        return ["too few samples of the server's memory"]
    problems = []
    before = statistics.quantiles([anon for _, _, anon, _ in middle], n=4)
    after = statistics.quantiles([anon for _, _, anon, _ in third], n=4)
    allowance = max(24.0, 0.1 * before[1])
    if after[0] > before[0] + allowance and after[1] > before[1] + allowance:
        problems.append(f"anonymous resident memory rose from the middle third to the last: "
                        f"lower quartile {before[0]:.0f} to {after[0]:.0f} MiB, median "
                        f"{before[1]:.0f} to {after[1]:.0f} MiB (allowance {allowance:.0f} MiB)")
    span = third[-1][0] - third[0][0]
    files_growth = slope([(t, files) for t, _, _, files in third]) * span
    if files_growth > 4 and max(f for *_, f in third) > max(f for *_, f in middle) + 4:
        problems.append(f"open files grew by {files_growth:.0f} over the last third")
    return problems


def report(soak, seconds):
    print("| what | status | requests |")
    print("|---|---|---|")
    for (what, status), count in sorted(soak.statuses.items()):
        print(f"| {what} | {status} | {count} |")
    print(f"command-line imports: {soak.imports}")
    for part, name in [(0, "first"), (1, "middle"), (2, "last")]:
        chunk = [s for s in soak.samples if seconds * part / 3 <= s[0] < seconds * (part + 1) / 3]
        if chunk:
            spans = [f"{min(s[i] for s in chunk)}..{max(s[i] for s in chunk)}" for i in (1, 2, 3)]
            print(f"{name} third: resident {spans[0]} MiB (anonymous {spans[1]} MiB), "
                  f"open files {spans[2]}")
    print(f"samples: {len(soak.samples)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--serve", default="", help="more options for serve, as one string")
    args = parser.parse_args()
    seconds = min(args.seconds, 540)  # with the set-up, within 10 minutes
    folder = tempfile.mkdtemp(prefix="soak-")
    try:
        db, header, rows = build_database(args.binary, folder)
        server = Server(args.binary, db, ["--answer-cache", str(32 << 20), *args.serve.split()])
        soak = Soak(args.binary, server, header, rows, seconds)
        start = time.monotonic()
        # One sign-in of a name at a time (the server answers a second one in flight with 429).
        viewer, analyst = server.sign_in(VIEWER), server.sign_in(ANALYST)
        threads = [threading.Thread(target=soak.reader, args=(who, headers, seed)) for
                   seed, (who, headers) in enumerate([(VIEWER, viewer), (ANALYST, analyst),
                                                      (VIEWER, viewer)])]
        threads += [threading.Thread(target=soak.signer),
                    threading.Thread(target=soak.uploader, args=(analyst,)),
                    threading.Thread(target=soak.importer, args=(folder,)),
                    threading.Thread(target=soak.sampler, args=(start,))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        problems = list(soak.failures)
        problems += growth_problems(soak.samples, soak.samples[-1][0] if soak.samples else 0)
        server.stop(keep=True)
        if server.proc.returncode != 0:
            problems.append(f"the server exited {server.proc.returncode} at SIGTERM")
        verify = run(args.binary, "--db", server.db, "status", "--verify", check=False)
        if verify.returncode != 0:
            problems.append(f"status --verify: {verify.stdout[-300:]} {verify.stderr[-300:]}")
        server.remove()
        report(soak, seconds)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if problems:
        print("soak: FAILED\n  " + "\n  ".join(problems[:20]))
        sys.exit(1)
    print("soak: passed")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: LicenseRef-ClusterScope
"""The attacks of issue 18 against `clusterscope serve`, each on a fresh server over a copy of a
database, with the server's peak resident memory (VmHWM) under each: to compare two builds.

    scripts/attack_server.py BINARY DATABASE [ATTACK...]

DATABASE needs the demo users (analyst/demo-analyst-2349, viewer/demo-viewer-2349), as `make
demo-db` makes them. Loopback only; every attack ends by itself. Python's standard library only.
"""
import io
import json
import socket
import sys
import threading
import time
import zipfile

from loopback_server import Server

ANALYST = ("analyst", "demo-analyst-2349")
VIEWER = ("viewer", "demo-viewer-2349")


def raw(port, data, read=True, timeout=30):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        for piece in data:
            s.sendall(piece)
    except OSError:
        pass
    answer = b""
    if read:
        try:
            answer = s.recv(4096)
        except OSError:
            pass
    s.close()
    return answer


def chunked_body(server):
    def pieces():
        yield (b"POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
               b"boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"100000\r\n" + b"a" * 0x100000 + b"\r\n"
        for _ in range(120):
            yield chunk
        yield b"0\r\n\r\n"
    answer = raw(server.port, pieces())
    return answer.split(b"\r\n", 1)[0].decode(errors="replace")


def endless_request_line(server):
    def pieces():
        yield b"GET /"
        block = b"a" * (1 << 20)
        for _ in range(600):
            yield block
    answer = raw(server.port, pieces())
    return answer.split(b"\r\n", 1)[0].decode(errors="replace")


def slowloris(server):
    held = []
    for _ in range(64):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        held.append(s)
    worst = 0.0
    failures = 0
    end = time.time() + 12
    while time.time() < end:
        for s in held:
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except OSError:
                pass
        started = time.time()
        try:
            server.request("GET", "/api/v1/openapi.json", timeout=10)
        except OSError:
            failures += 1
        worst = max(worst, time.time() - started)
        time.sleep(3)
    for s in held:
        s.close()
    return f"slowest other request {worst:.2f} s, {failures} failed"


def parallel_guesses(server):
    statuses = []
    def guess():
        try:
            status, _, _ = server.request(
                "POST", "/api/v1/login",
                json.dumps({"name": "viewer", "password": "wrong-password"}),
                {"Content-Type": "application/json"})
            statuses.append(status)
        except OSError:
            statuses.append(-1)
    threads = [threading.Thread(target=guess) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return f"401: {statuses.count(401)}, 429: {statuses.count(429)}, other: " \
           f"{len(statuses) - statuses.count(401) - statuses.count(429)}"


def long_names(server):
    statuses = []
    for _ in range(16):
        status, _, _ = server.request(
            "POST", "/api/v1/login",
            json.dumps({"name": "n" * (8 << 20), "password": "wrong-password"}),
            {"Content-Type": "application/json"})
        statuses.append(status)
    return f"statuses {sorted(set(statuses))}"


def junk_parameters(server):
    who = server.sign_in(VIEWER)
    for i in range(120):
        server.request("GET", f"/api/v1/cockpit?junk={i}", headers=who)
    return f"resident after: {server.status_mib('VmRSS')} MiB"


def workbook(sheet_data, strings=""):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="s" '
                   'r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml",
                   f"<worksheet><sheetData>{sheet_data}</sheetData></worksheet>")
        if strings:
            z.writestr("xl/sharedStrings.xml", f"<sst>{strings}</sst>")
    return out.getvalue()


def xlsx_far_cell(server):
    book = workbook('<row r="1"><c r="A1"><v>1</v></c><c r="AAAAAA2"><v>1</v></c></row>')
    status, body, _ = server.upload(server.sign_in(ANALYST), "monthly", "far.xlsx", book)
    return f"{len(book)} bytes: {status} {body[:120].decode(errors='replace')}"


def xlsx_shared_string(server):
    cells = '<c t="s"><v>0</v></c>' * 200
    book = workbook(f'<row r="1">{cells}</row>', "<si><t>" + "x" * (4 << 20) + "</t></si>")
    status, body, _ = server.upload(server.sign_in(ANALYST), "monthly", "shared.xlsx", book)
    return f"{len(book)} bytes: {status} {body[:120].decode(errors='replace')}"


def xlsx_empty_rows(server):
    book = workbook('<row r="1"><c><v>1</v></c></row>' + "<row/>" * 50_000_000)
    status, body, _ = server.upload(server.sign_in(ANALYST), "monthly", "rows.xlsx", book)
    return f"{len(book)} bytes: {status} {body[:120].decode(errors='replace')}"


def wide_header(server):
    header = ",".join(f"c{i}" for i in range(1_000_000)) + "\n"
    status, body, _ = server.upload(server.sign_in(ANALYST), "monthly", "wide.csv",
                                    header.encode())
    return f"{status}, an answer of {len(body)} bytes"


ATTACKS = [chunked_body, endless_request_line, slowloris, parallel_guesses, long_names,
           junk_parameters, xlsx_far_cell, xlsx_shared_string, xlsx_empty_rows, wide_header]


def main():
    binary, database = sys.argv[1], sys.argv[2]
    chosen = [a for a in ATTACKS if len(sys.argv) == 3 or a.__name__ in sys.argv[3:]]
    print("| attack | peak resident (MiB) | outcome | log (bytes) |")
    print("|---|---|---|---|")
    for attack in chosen:
        server = Server(binary, database)
        try:
            outcome = attack(server)
        except Exception as error:  # the attack's own failure is an outcome too
            outcome = f"{type(error).__name__}: {error}"[:160]
        time.sleep(0.5)
        peak = server.status_mib("VmHWM") if server.alive() else -1
        alive = server.alive()
        log_bytes = server.stop()
        outcome = outcome.replace("|", "/").replace("\n", " ")
        print(f"| {attack.__name__} | {peak if alive else 'died'} | {outcome} | {log_bytes} |",
              flush=True)


if __name__ == "__main__":
    main()

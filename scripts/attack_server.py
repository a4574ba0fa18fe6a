#!/usr/bin/env python3
# SPDX-License-Identifier: LicenseRef-ClusterScope
"""The attacks of issue 18 against `clusterscope serve`, each on a fresh server over a copy of a
database, with the server's peak resident memory (VmHWM) under each: to compare two builds.

    scripts/attack_server.py BINARY DATABASE [ATTACK...]

DATABASE needs the demo users (analyst/demo-analyst-2349, viewer/demo-viewer-2349), as `make
demo-db` makes them. Loopback only; every attack ends by itself. Python's standard library only.
"""
import http.client
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

ANALYST = ("analyst", "demo-analyst-2349")
VIEWER = ("viewer", "demo-viewer-2349")


class Server:
    def __init__(self, binary, database):
        self.dir = tempfile.mkdtemp(prefix="attack-")
        db = os.path.join(self.dir, "a.db")
        shutil.copy(database, db)
        if os.path.isdir(database + ".facts"):
            shutil.copytree(database + ".facts", db + ".facts")
        self.log = open(os.path.join(self.dir, "server.log"), "wb")
        self.proc = subprocess.Popen(
            [binary, "--db", db, "--log-level", "info", "serve", "--port", "0"],
            stdout=subprocess.PIPE, stderr=self.log)
        line = self.proc.stdout.readline().decode()
        self.port = int(line.rsplit(":", 1)[1].split("/")[0])

    def status_mib(self, field):
        """A memory figure of the server's /proc status: VmHWM (peak), VmRSS (now)."""
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) // 1024
        return -1

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
        log_bytes = os.path.getsize(os.path.join(self.dir, "server.log"))
        shutil.rmtree(self.dir, ignore_errors=True)
        return log_bytes

    def request(self, method, path, body=None, headers=None, timeout=120):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, data, response

    def sign_in(self, who):
        status, body, response = self.request(
            "POST", "/api/v1/login", json.dumps({"name": who[0], "password": who[1]}),
            {"Content-Type": "application/json"})
        assert status == 200, (status, body)
        cookie = response.getheader("Set-Cookie").split(";")[0]
        return {"Cookie": cookie, "X-CSRF-Token": json.loads(body)["csrf_token"]}

    def upload(self, who, kind, name, content):
        boundary = "----attack"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                f"filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()
        body += content + f"\r\n--{boundary}--\r\n".encode()
        headers = dict(who)
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        return self.request("POST", f"/api/v1/uploads/{kind}?lang=en", body, headers)


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

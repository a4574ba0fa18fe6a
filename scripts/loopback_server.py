# SPDX-License-Identifier: LicenseRef-ClusterScope
"""`clusterscope serve` on a loopback port over a copy of a database, as the attack and soak scripts
drive it: start, sign in, ask, upload, read the server's memory and open files, stop. Python's
standard library only."""
import http.client
import json
import os
import shutil
import subprocess
import tempfile


class Server:
    def __init__(self, binary, database, serve_args=()):
        self.dir = tempfile.mkdtemp(prefix="loopback-")
        self.db = os.path.join(self.dir, "a.db")
        shutil.copy(database, self.db)
        if os.path.isdir(database + ".facts"):
            shutil.copytree(database + ".facts", self.db + ".facts")
        self.log = open(os.path.join(self.dir, "server.log"), "wb")
        self.proc = subprocess.Popen(
            [binary, "--db", self.db, "--log-level", "info", "serve", "--port", "0",
             *serve_args],
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

    def open_files(self):
        """How many file descriptors the server holds (sockets, the database, logs)."""
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    def alive(self):
        return self.proc.poll() is None

    def stop(self, keep=False):
        """SIGTERM, then the log's size; the folder (database, log) is removed unless `keep`."""
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
        log_bytes = os.path.getsize(os.path.join(self.dir, "server.log"))
        if not keep:
            self.remove()
        return log_bytes

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)

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

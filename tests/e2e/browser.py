"""Headless Chromium over the DevTools protocol, for the tests that open
pages as a reader would (report_render_test, pages_test)."""

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket  # Debian's python3-websocket.

import harness

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class DevTools:
    """A headless Chromium and a DevTools session on its first page."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="lges-chromium-")
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
             "--window-size=1240,1754", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        def read_port():
            if not os.path.exists(port_file):
                return ""
            with open(port_file) as f:
                return f.read().split("\n")[0].strip()
        if not harness.wait_until(read_port, 30):
            raise RuntimeError("chromium did not open its DevTools port")
        port = read_port()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            page = next(t for t in json.load(r) if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            self.events.append(message)

    def wait_for_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if any(e.get("method") == method for e in self.events):
                return
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(method)

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"]["value"]

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.profile, ignore_errors=True)

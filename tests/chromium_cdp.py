"""Open a page in headless Chromium (Debian's `chromium`) and look at it through the DevTools
protocol over a pipe (--remote-debugging-pipe: commands on fd 3, replies on fd 4, NUL-separated
JSON): console errors, uncaught exceptions, failed loads, a value computed in the page, a screenshot.

Used by tests/test_report.py; `python tests/chromium_cdp.py page.html shot.png` takes a screenshot.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-pipe"]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


@dataclass
class PageResult:
    errors: list[str] = field(default_factory=list)  # console errors, exceptions, failed loads
    value: object = None  # what `expression` returned
    screenshot: bytes = b""


class _Pipe:
    def __init__(self, proc, wfd: int, rfd: int):
        self.proc, self.wfd, self.rfd = proc, wfd, rfd
        self.buf = b""
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.wfd, json.dumps(msg).encode() + b"\0")
        while True:
            m = self.read(timeout)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def read(self, timeout: float) -> dict:
        end = time.monotonic() + timeout
        while b"\0" not in self.buf:
            if time.monotonic() > end:
                raise TimeoutError("no reply from chromium")
            chunk = os.read(self.rfd, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def wait_event(self, method: str, timeout: float = 60) -> dict:
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            m = self.read(end - time.monotonic())
            if m.get("method") == method:
                return m
            self.events.append(m)
        raise TimeoutError(f"no {method} from chromium")


def open_page(url: str, expression: str, width: int = 1400, height: int = 2400) -> PageResult:
    """Load url; return its errors, the JSON value of expression, and a PNG of the first screen."""
    exe = chromium()
    if exe is None:
        raise FileNotFoundError("chromium is not installed")
    cmd_r, cmd_w = os.pipe()
    res_r, res_w = os.pipe()
    profile = tempfile.mkdtemp(prefix="sqlsynth_chromium_")

    def fds() -> None:  # the child reads commands on fd 3 and writes replies on fd 4
        a, b = os.dup(cmd_r), os.dup(res_w)  # out of the way of 3 and 4 first
        os.dup2(a, 3)
        os.dup2(b, 4)

    proc = subprocess.Popen([exe, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                             "about:blank"], pass_fds=(3, 4), preexec_fn=fds,
                            stdout=subprocess.DEVNULL, stderr=None if os.environ.get("CDP_DEBUG") else subprocess.DEVNULL)
    os.close(cmd_r)
    os.close(res_w)
    pipe = _Pipe(proc, cmd_w, res_r)
    out = PageResult()
    try:
        target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = pipe.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            pipe.send(f"{domain}.enable", session=session)
        pipe.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1,
                                                         "mobile": False}, session=session)
        pipe.send("Page.navigate", {"url": url}, session=session)
        pipe.wait_event("Page.loadEventFired")
        got = pipe.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
        out.value = json.loads(got["result"]["value"])
        shot = pipe.send("Page.captureScreenshot", {"format": "png"}, session=session)
        out.screenshot = base64.b64decode(shot["data"])
        for e in pipe.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.errors.append(f"console.{p['type']}: {p.get('args')}")
            elif m == "Runtime.exceptionThrown":
                out.errors.append(f"exception: {p.get('exceptionDetails', {}).get('text')}")
            elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.errors.append(f"log: {p['entry'].get('text')}")
            elif m == "Network.loadingFailed":
                out.errors.append(f"failed load: {p.get('errorText')}")
            elif m == "Network.requestWillBeSent" and not p.get("request", {}).get("url", "").startswith(
                    ("file:", "data:", "about:")):
                out.errors.append(f"network request: {p['request']['url']}")  # the page must work offline
        try:
            pipe.send("Browser.close", timeout=10)
        except (RuntimeError, TimeoutError):
            pass
    finally:
        os.close(cmd_w)
        os.close(res_r)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    return out


if __name__ == "__main__":
    page, png = sys.argv[1], sys.argv[2]
    r = open_page("file://" + os.path.abspath(page), "JSON.stringify(document.title)")
    with open(png, "wb") as fh:
        fh.write(r.screenshot)
    print(f"{png}: {len(r.screenshot)} bytes; errors: {r.errors or 'none'}")

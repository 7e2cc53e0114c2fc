"""The worker in a real module Web Worker (headless Chromium), on a page nested like /nl/…/.

The calculator's own browser tests drive the worker through the page; these check what only the
runtime can break: URLs resolved from the worker's own URL, the browser checking the wheel
against the lock's sha256 (a tampered wheel must give a `fatal` message, never a silent or
stale core), and nothing fetched from another origin.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

from tools.bundle_runtime import OUT_DIR, bundle

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "docs" / "assets" / "calculator" / "worker.js"
WORKER_MODULES = (WORKER, WORKER.with_name("download.js"))  # the worker and what it imports
PROBE = """<!doctype html><meta charset="utf-8"><title>probe</title><script type="module">
window.messages = [];
const worker = new Worker("/assets/calculator/worker.js", { type: "module" });
worker.onmessage = (event) => window.messages.push(event.data);
worker.onerror = (event) => window.messages.push({ type: "worker_error", message: event.message });
worker.postMessage({ id: 7, type: "evaluate", lang: "nl",
  case: { workplace_region: "brussels", start_date: "2026-01-05", age: "abc" } });
worker.postMessage({ id: 8, type: "evaluate", lang: "fr", case: { workplace_region: "brussels" } });
</script>"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the stdlib's own class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _site(root: Path, tamper: bool) -> Path:
    bundle()  # incremental
    shutil.copytree(OUT_DIR, root / "assets" / "pyodide", ignore=shutil.ignore_patterns(".*"))
    (root / "assets" / "calculator").mkdir(parents=True)
    for module in WORKER_MODULES:
        shutil.copy(module, root / "assets" / "calculator" / module.name)
    (root / "nl" / "probe").mkdir(parents=True)
    (root / "nl" / "probe" / "index.html").write_text(PROBE, "utf-8")
    if tamper:  # same name, same size, one byte changed: only the sha256 can tell
        wheel = next((root / "assets" / "pyodide").glob("*.whl"))
        data = bytearray(wheel.read_bytes())
        data[-100] ^= 0xFF
        wheel.write_bytes(bytes(data))
    return root


def _run(browser: Browser, root: Path, until: str) -> tuple[list[dict[str, Any]], list[str]]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    foreign: list[str] = []
    context = browser.new_context()
    try:

        def refuse(route: Any) -> None:
            foreign.append(route.request.url)
            route.abort()

        context.route(lambda url: not url.startswith(origin + "/"), refuse)
        context.on("request", lambda r: None if r.url.startswith(origin) else foreign.append(r.url))
        page = context.new_page()
        page.goto(f"{origin}/nl/probe/")
        page.wait_for_function(until, timeout=60_000)
        messages: list[dict[str, Any]] = page.evaluate("window.messages")
    finally:
        context.close()
        server.shutdown()
    return messages, foreign


def test_worker_boots_and_answers_in_chromium(browser: Browser, tmp_path: Path) -> None:
    messages, foreign = _run(
        browser, _site(tmp_path, tamper=False), "window.messages.filter(m => m.id).length >= 2"
    )
    assert foreign == []
    statuses = [m for m in messages if m["type"] == "status"]
    assert statuses[0]["stage"] == "runtime" and statuses[-1]["stage"] == "ready"
    replies = {m["id"]: m for m in messages if "id" in m}
    assert replies[7]["type"] == "input_error"
    assert [e["field"] for e in replies[7]["errors"]] == ["age"]
    assert replies[8]["type"] == "result" and replies[8]["result"]["lang"] == "fr"


def test_tampered_wheel_is_refused_with_a_fatal_message(browser: Browser, tmp_path: Path) -> None:
    messages, foreign = _run(
        browser, _site(tmp_path, tamper=True), "window.messages.some(m => m.type === 'fatal')"
    )
    assert foreign == []
    assert not any(m["type"] in ("result", "input_error") for m in messages)
    assert not any(m.get("stage") == "ready" for m in messages)
    fatal = [m for m in messages if m["type"] == "fatal"]
    assert fatal and all(m["message"] for m in fatal)

"""Speed and size of the calculator, against a naive Pyodide page, in the same run.

Run with `make bench` (after `make build`). Serves site/ with gzip and a cache lifetime like a
real static host (GitHub Pages: Cache-Control max-age=600, ETag), drives headless Chromium and
prints medians of RUNS runs:

- cold time from navigation on a permalink to its verdict (fresh browser context);
- repeat-visit time to verdict (same context, second navigation);
- time from a field change to the updated verdict;
- compressed bytes transferred, first and repeat visit;
- bytes of Pyodide loaded by a fact-sheet page (must be 0);
- first-visit bytes with and without the host compressing .zip and .whl (GitHub Pages may not);
- a network-throttled cold visit (Fast 4G, network only: the CPU is not slowed), calculator
  against the naive page, with and without that compression;
- `mkdocs build` time.

The naive page does everything on the main thread: loadPyodide(), loadPackage(wheel), evaluate,
with Pyodide as the npm package ships it (node_modules/pyodide, served at /naive/pyodide/): the
reference the calculator's optimisations (trimmed, compiled stdlib; service worker...) are
judged against.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tests.browser_support import launch_chromium  # noqa: E402

SITE = Path(os.environ.get("BENCH_SITE", ROOT / "site"))  # another built site to compare
STOCK_PYODIDE = ROOT / "node_modules" / "pyodide"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
VERBOSE = os.environ.get("BENCH_VERBOSE") == "1"  # also print the bytes of each file
QUERY = (
    "workplace_region=brussels&language=fr&start_date=2026-01-05&duration_months=3"
    "&weekly_hours=38&age=25&trainee_region=brussels&employer_seat_brussels=no"
    "&employment_contract=no&short_study_internship=no&diploma_curriculum=no"
    "&regulated_profession=no&monthly_allowance=1100"
)
CASE = dict(pair.split("=", 1) for pair in QUERY.split("&"))
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".zip", ".svg", ".xml", ".txt",
                ".whl", ".map")  # fmt: skip
TARGETS = {
    "cold_ratio": 0.6,
    "repeat_ratio": 0.3,
    "change_ms": 50,
    "first_bytes": 4_000_000,
    "repeat_bytes": 100_000,
    "sheet_pyodide_bytes": 0,
    "build_s": 20,
}

NAIVE_PAGE = """<!doctype html><html lang="fr"><meta charset="utf-8"><title>naive</title>
<div id="out">…</div>
<script type="module">
import { loadPyodide } from "/naive/pyodide/pyodide.mjs";
const py = await loadPyodide({ indexURL: "/naive/pyodide/" });
await py.loadPackage("/assets/pyodide/VERSION/WHEEL");
const answer = py.runPython(`
import json
from cip_core import evaluate, parse_case
json.dumps(evaluate(parse_case(json.loads(CASE), "fr"), "fr").to_dict())
`.replace("CASE", JSON.stringify(JSON.stringify(CASEOBJ))));
document.body.dataset.verdict = JSON.parse(answer).verdict;
</script></html>
"""


class StaticHost(SimpleHTTPRequestHandler):
    """Like a static host: gzip when asked, max-age=600, ETag and 304 revalidation."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }
    gz_cache: ClassVar[dict[str, bytes]] = {}
    extra: ClassVar[dict[str, bytes]] = {}
    gzip_zip: ClassVar[bool] = True  # does the host compress .zip and .whl?
    throttle: ClassVar[Throttle | None] = None

    def log_message(self, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        # Measure the header block before the base class flushes (and empties) it.
        self._headers_buffer.append(b"\r\n")
        self._header_bytes = sum(len(line) for line in self._headers_buffer)
        self.flush_headers()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path in self.extra:
            body, ctype = self.extra[path], "text/html; charset=utf-8"
        elif path.startswith("/naive/pyodide/") and "/" not in path[15:]:
            stock = STOCK_PYODIDE / path[15:]
            if not stock.is_file():
                self.send_error(404)
                return
            body, ctype = stock.read_bytes(), self.guess_type(str(stock))
        else:
            fs_path = Path(self.translate_path(path))
            if fs_path.is_dir():
                fs_path = fs_path / "index.html"
            if not fs_path.is_file():
                self.send_error(404)
                return
            body, ctype = fs_path.read_bytes(), self.guess_type(str(fs_path))
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            ByteCounter.add(path, self._header_bytes)
            return
        encoding = None
        skipped = () if self.gzip_zip else (".zip", ".whl")
        if (
            "gzip" in self.headers.get("Accept-Encoding", "")
            and path.endswith((*COMPRESSIBLE, "/"))
            and not path.endswith(skipped)
        ):
            key = etag
            if key not in self.gz_cache:
                self.gz_cache[key] = gzip.compress(body, 6)
            body, encoding = self.gz_cache[key], "gzip"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", formatdate(usegmt=True))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if self.throttle:
            self.throttle.wait_latency()
        self.end_headers()
        if self.throttle:
            self.throttle.send(self.wfile, body)
        else:
            self.wfile.write(body)
        ByteCounter.add(path, len(body) + self._header_bytes)


class Throttle:
    """A shared link at the host, like Chrome DevTools' "Fast 4G" preset (download 9 Mbit/s x 0.9,
    latency 60 ms x 2.75): every response waits one round trip, then all bodies share the
    bandwidth. At the host, so the page's, the worker's and the service worker's requests are all
    slowed alike (CDP throttling does not reach workers)."""

    def __init__(self, bytes_per_s: float = 9e6 / 8 * 0.9, latency_s: float = 0.060 * 2.75):
        self.rate = bytes_per_s
        self.latency = latency_s
        self.lock = threading.Lock()
        self.free_at = 0.0

    def wait_latency(self) -> None:
        time.sleep(self.latency)

    def send(self, stream: Any, body: bytes, chunk: int = 16_384) -> None:
        for start in range(0, len(body), chunk):
            piece = body[start : start + chunk]
            with self.lock:
                now = time.monotonic()
                self.free_at = max(now, self.free_at) + len(piece) / self.rate
                wait = self.free_at - now
            time.sleep(wait)
            stream.write(piece)


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(StaticHost, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class ByteCounter:
    """Sums the bytes the host sends (headers and encoded bodies), per URL path.

    Counted at the server, so the requests of the page, its Web Worker and a service worker are
    all seen, and a response served from a browser cache (HTTP or service worker) counts 0.
    """

    lock = threading.Lock()
    total = 0
    by_path: ClassVar[dict[str, int]] = {}

    @classmethod
    def add(cls, path: str, size: int) -> None:
        with cls.lock:
            cls.total += size
            cls.by_path[path] = cls.by_path.get(path, 0) + size

    @classmethod
    def reset(cls) -> None:
        with cls.lock:
            cls.total = 0
            cls.by_path = {}


VERDICT_PROBE = """
window.__verdictAt = null;
new MutationObserver((_, obs) => {
  const el = document.querySelector('#cip-result[data-verdict], body[data-verdict]');
  if (el && el.dataset.verdict && window.__verdictAt === null) {
    window.__verdictAt = performance.now();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-verdict']});
"""


def probed_page(browser: Any) -> tuple[Any, Any]:
    """A fresh context (cold caches) whose page reports its verdict; the byte count starts at 0."""
    context = browser.new_context()
    context.add_init_script(VERDICT_PROBE)
    ByteCounter.reset()
    return context, context.new_page()


def time_to_verdict(page: Any, url: str, selector: str) -> float:
    page.goto(url, wait_until="commit")
    page.wait_for_selector(selector, state="attached", timeout=60_000)
    value = page.evaluate("window.__verdictAt")
    return float(value)


def settle(page: Any, quiet_ms: int = 500) -> None:
    """Waits until the host has sent nothing for ``quiet_ms`` (at most 10 s)."""
    deadline = time.monotonic() + 10
    last = -1
    while time.monotonic() < deadline and ByteCounter.total != last:
        last = ByteCounter.total
        page.wait_for_timeout(quiet_ms)


def show_bytes(name: str, first: dict[str, int], repeat: dict[str, int]) -> None:
    print(f"{name}: bytes sent per path (first visit / repeat visit)")
    for path in sorted(first.keys() | repeat.keys(), key=lambda k: -first.get(k, 0)):
        print(f"  {first.get(path, 0):>10,} {repeat.get(path, 0):>8,}  {path}")


def field_change_ms(page: Any) -> float:
    """Flip a yes/no answer (eligible <-> not eligible) and time until the verdict changes."""
    return float(page.evaluate((HERE / "field_change.js").read_text()))


def build_seconds() -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out],
            cwd=ROOT, check=True, capture_output=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
        return time.perf_counter() - start


def format_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not (SITE / "calculateur" / "index.html").exists():
        print("site/ is missing: run `make build` first", file=sys.stderr)
        return 2
    manifest_file = next((SITE / "assets" / "pyodide").glob("*/manifest.json"))
    manifest = json.loads(manifest_file.read_text())
    wheel = manifest.get("wheel") or manifest.get("wheel_file") or manifest.get("wheel_name")
    StaticHost.extra["/naive/"] = (
        NAIVE_PAGE.replace("VERSION", manifest_file.parent.name)
        .replace("WHEEL", wheel)
        .replace("CASEOBJ", json.dumps(CASE))
        .encode()
    )
    server, base = serve(SITE)
    calc_url = f"{base}/calculateur/?{QUERY}"
    naive_url = f"{base}/naive/"
    figures: dict[str, list[float]] = {}

    def record(key: str, value: float) -> None:
        figures.setdefault(key, []).append(value)

    with sync_playwright() as p:
        browser = launch_chromium(p)
        for _ in range(RUNS):
            for name, url, selector in (
                ("calc", calc_url, "#cip-result[data-verdict]"),
                ("naive", naive_url, "body[data-verdict]"),
            ):
                context, page = probed_page(browser)
                record(f"{name}_cold_ms", time_to_verdict(page, url, selector))
                settle(page)  # late requests (service worker install, preloads) count too
                record(f"{name}_first_bytes", ByteCounter.total)
                first = dict(ByteCounter.by_path)
                ByteCounter.reset()
                record(f"{name}_repeat_ms", time_to_verdict(page, url, selector))
                settle(page)
                record(f"{name}_repeat_bytes", ByteCounter.total)
                if VERBOSE:
                    show_bytes(name, first, dict(ByteCounter.by_path))
                if name == "calc":
                    record("calc_change_ms", field_change_ms(page))
                context.close()
            context = browser.new_context()
            page = context.new_page()
            ByteCounter.reset()
            page.goto(f"{base}/", wait_until="load")
            settle(page)
            record("sheet_pyodide_bytes", sum(
                size for path, size in ByteCounter.by_path.items() if "pyodide" in path
            ))  # fmt: skip
            context.close()
        # Bytes with and without the host compressing .zip/.whl; then the throttled cold visit.
        for gzip_zip in (True, False):
            StaticHost.gzip_zip = gzip_zip
            tag = "zipgz" if gzip_zip else "nozipgz"
            for throttled in (False, True):
                StaticHost.throttle = Throttle() if throttled else None
                for name, url, selector in (
                    ("calc", calc_url, "#cip-result[data-verdict]"),
                    ("naive", naive_url, "body[data-verdict]"),
                ):
                    context, page = probed_page(browser)
                    cold = time_to_verdict(page, url, selector)
                    if throttled:
                        record(f"{name}_{tag}_fast4g_ms", cold)
                    else:
                        settle(page)
                        record(f"{name}_{tag}_first_bytes", ByteCounter.total)
                    context.close()
        StaticHost.gzip_zip, StaticHost.throttle = True, None
        browser.close()
    server.shutdown()
    for _ in range(min(RUNS, 3)):
        record("build_s", build_seconds())

    med = {key: statistics.median(values) for key, values in figures.items()}
    ratios = {
        "cold_ratio": med["calc_cold_ms"] / med["naive_cold_ms"],
        "repeat_ratio": med["calc_repeat_ms"] / med["naive_repeat_ms"],
        "first_bytes_ratio": med["calc_first_bytes"] / med["naive_first_bytes"],
        # The naive page's repeat visit comes whole from the HTTP cache (0 bytes): no ratio.
        "repeat_bytes_ratio": (
            med["calc_repeat_bytes"] / med["naive_repeat_bytes"]
            if med["naive_repeat_bytes"]
            else None
        ),
        "change_ratio": None,
    }
    checks = {
        "cold_ratio": ratios["cold_ratio"],
        "repeat_ratio": ratios["repeat_ratio"],
        "change_ms": med["calc_change_ms"],
        "first_bytes": med["calc_first_bytes"],
        "repeat_bytes": med["calc_repeat_bytes"],
        "sheet_pyodide_bytes": med["sheet_pyodide_bytes"],
        "build_s": med["build_s"],
    }
    print(f"machine: {platform.node()} · {platform.machine()} · {os.cpu_count()} cores · "
          f"Python {platform.python_version()} · runs: {RUNS} (medians)")  # fmt: skip
    rows = [
        ("cold time to verdict (ms)", "calc_cold_ms", "naive_cold_ms", "cold_ratio"),
        ("repeat visit time to verdict (ms)", "calc_repeat_ms", "naive_repeat_ms", "repeat_ratio"),
        ("first visit bytes (compressed)", "calc_first_bytes", "naive_first_bytes",
         "first_bytes_ratio"),
        ("repeat visit bytes (compressed)", "calc_repeat_bytes", "naive_repeat_bytes",
         "repeat_bytes_ratio"),
    ]  # fmt: skip
    print(f"{'figure':38} {'calculator':>12} {'naive':>12} {'ratio':>7}")
    for label, calc_key, naive_key, ratio_key in rows:
        print(f"{label:38} {med[calc_key]:>12,.0f} {med[naive_key]:>12,.0f} "
              f"{format_ratio(ratios[ratio_key]):>7}")  # fmt: skip
    print(f"{'field change to verdict (ms)':38} {med['calc_change_ms']:>12.1f}")
    print(f"{'Pyodide bytes on a fact-sheet page':38} {med['sheet_pyodide_bytes']:>12,.0f}")
    print(f"{'mkdocs build (s)':38} {med['build_s']:>12.2f}")
    print("host compression of .zip/.whl (one cold visit each):")
    for tag, label in (("zipgz", "host gzips .zip/.whl"), ("nozipgz", "host does not")):
        calc_b, naive_b = med[f"calc_{tag}_first_bytes"], med[f"naive_{tag}_first_bytes"]
        calc_t, naive_t = med[f"calc_{tag}_fast4g_ms"], med[f"naive_{tag}_fast4g_ms"]
        print(f"  {'first visit bytes, ' + label:36} {calc_b:>12,.0f} {naive_b:>12,.0f} "
              f"{calc_b / naive_b:>7.2f}")  # fmt: skip
        print(f"  {'Fast 4G cold to verdict (ms), ' + label:36} {calc_t:>12,.0f} "
              f"{naive_t:>12,.0f} {calc_t / naive_t:>7.2f}")  # fmt: skip
    print("targets:")
    failed = 0
    for key, target in TARGETS.items():
        ok = checks[key] <= target
        failed += not ok
        print(f"  {key:22} {checks[key]:>12,.2f} <= {target:<12,} {'met' if ok else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

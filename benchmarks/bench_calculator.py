"""Speed and size of the calculator, against a naive Pyodide page, in the same run.

Run with `make bench` (after `make build`). Serves site/ with gzip and a cache lifetime like a
real static host (GitHub Pages: Cache-Control max-age=600, ETag; benchmarks/static_host.py),
drives headless Chromium and writes medians of BENCH_RUNS runs, dated, with the machine, to
benchmarks/RESULTS.md (benchmarks/results.py) — the one place the README's figures live:

- cold time from navigation on a permalink to its verdict (fresh browser context);
- repeat-visit time to verdict (same context, second navigation);
- time from a field change to the updated verdict;
- compressed bytes transferred, first and repeat visit;
- bytes of Pyodide loaded by a fact-sheet page (must be 0);
- first-visit bytes with and without the host compressing .zip and .whl (GitHub Pages may not);
- a network-throttled cold visit (Fast 4G, network only: the CPU is not slowed), calculator
  against the naive page, with and without that compression;
- `mkdocs build` time;
- the size of each file of the runtime, stored and gzipped.

BENCH_NOTE="..." adds a line about the run (a shared machine...); BENCH_SITE=dir measures another
built site (printed only, unless BENCH_RESULTS=file says where to write it).

The naive page does everything on the main thread: loadPyodide(), loadPackage(wheel), evaluate,
with Pyodide as the npm package ships it (node_modules/pyodide, served at /naive/pyodide/): the
reference the calculator's optimisations (trimmed, compiled stdlib; service worker...) are
judged against.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.results import RESULTS, Machine, Row, kilo, load_average, render  # noqa: E402
from benchmarks.static_host import ByteCounter, StaticHost, Throttle, serve  # noqa: E402
from tests.browser_support import launch_chromium  # noqa: E402

SITE = Path(os.environ.get("BENCH_SITE", ROOT / "site"))  # another built site to compare
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
VERBOSE = os.environ.get("BENCH_VERBOSE") == "1"  # also print the bytes of each file
NOTE = os.environ.get("BENCH_NOTE", "")  # a line about the run, written with the figures
# Where the figures go: benchmarks/RESULTS.md for the project's own site, nowhere (printed only)
# for another site unless BENCH_RESULTS names a file.
_given = os.environ.get("BENCH_RESULTS")
OUTPUT = Path(_given) if _given else (None if "BENCH_SITE" in os.environ else RESULTS)
QUERY = (
    "workplace_region=brussels&language=fr&start_date=2026-01-05&duration_months=3"
    "&weekly_hours=38&age=25&trainee_region=brussels&employer_seat_brussels=no"
    "&employment_contract=no&short_study_internship=no&diploma_curriculum=no"
    "&regulated_profession=no&monthly_allowance=1100"
)
CASE = dict(pair.split("=", 1) for pair in QUERY.split("&"))
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


def measure(browser: Any, base: str) -> dict[str, list[float]]:
    """Every figure of every run (the medians are taken by the caller)."""
    calc_url = f"{base}/calculateur/?{QUERY}"
    naive_url = f"{base}/naive/"
    pages = (("calc", calc_url, "#cip-result[data-verdict]"),
             ("naive", naive_url, "body[data-verdict]"))  # fmt: skip
    figures: dict[str, list[float]] = {}

    def record(key: str, value: float) -> None:
        figures.setdefault(key, []).append(value)

    for _ in range(RUNS):
        for name, url, selector in pages:
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
            for name, url, selector in pages:
                context, page = probed_page(browser)
                cold = time_to_verdict(page, url, selector)
                if throttled:
                    record(f"{name}_{tag}_fast4g_ms", cold)
                else:
                    settle(page)
                    record(f"{name}_{tag}_first_bytes", ByteCounter.total)
                context.close()
    StaticHost.gzip_zip, StaticHost.throttle = True, None
    return figures


def _ms(value: float) -> str:
    return f"{value:,.0f} ms"


def table(med: dict[str, float]) -> list[Row]:
    """The figures as rows, each beside its target (benchmarks/results.py writes them)."""

    def compared(label: str, key: str, show: Callable[[float], str], target: str = "",
                 met: bool | None = None) -> Row:  # fmt: skip
        calc, naive = med[f"calc_{key}"], med[f"naive_{key}"]
        # The naive page's repeat visit comes whole from the HTTP cache (0 bytes): no ratio.
        ratio = f"{calc / naive:.2f}×" if naive else ""
        return Row(label, show(calc), show(naive), ratio, target, met)

    cold = med["calc_cold_ms"] / med["naive_cold_ms"]
    repeat = med["calc_repeat_ms"] / med["naive_repeat_ms"]
    rows = [
        compared("cold time to verdict", "cold_ms", _ms,
                 f"≤ {TARGETS['cold_ratio']}×", cold <= TARGETS["cold_ratio"]),
        compared("repeat visit, time to verdict", "repeat_ms", _ms,
                 f"≤ {TARGETS['repeat_ratio']}×", repeat <= TARGETS["repeat_ratio"]),
        compared("first visit, bytes (compressed)", "first_bytes", kilo,
                 f"≤ {kilo(TARGETS['first_bytes'])}",
                 med["calc_first_bytes"] <= TARGETS["first_bytes"]),
        compared("repeat visit, bytes (compressed)", "repeat_bytes", kilo,
                 f"≤ {kilo(TARGETS['repeat_bytes'])}",
                 med["calc_repeat_bytes"] <= TARGETS["repeat_bytes"]),
        Row("field change → verdict", f"{med['calc_change_ms']:.1f} ms", "", "",
            f"≤ {TARGETS['change_ms']} ms", med["calc_change_ms"] <= TARGETS["change_ms"]),
        Row("Pyodide bytes on a fact-sheet page", kilo(med["sheet_pyodide_bytes"]), "", "",
            "0 B", med["sheet_pyodide_bytes"] <= TARGETS["sheet_pyodide_bytes"]),
        Row("`mkdocs build`", f"{med['build_s']:.2f} s", "", "", f"≤ {TARGETS['build_s']} s",
            med["build_s"] <= TARGETS["build_s"]),
    ]  # fmt: skip
    for tag, host in (("zipgz", "host gzips .zip/.whl"), ("nozipgz", "host does not")):
        rows.append(compared(f"first visit, bytes, {host} (one visit)",
                             f"{tag}_first_bytes", kilo))  # fmt: skip
        rows.append(compared(f"Fast 4G cold to verdict, {host} (one visit)",
                             f"{tag}_fast4g_ms", _ms))  # fmt: skip
    return rows


def shipped(runtime: Path) -> list[tuple[str, int, int]]:
    """Each file of the runtime: name, size, gzip -6 size (largest first)."""
    files = [p for p in runtime.iterdir() if p.is_file() and not p.name.startswith(".")]
    sizes = [(p.name, p.stat().st_size, len(gzip.compress(p.read_bytes(), 6))) for p in files]
    return sorted(sizes, key=lambda entry: -entry[1])


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not (SITE / "calculateur" / "index.html").exists():
        print("site/ is missing: run `make build` first", file=sys.stderr)
        return 2
    manifest_file = next((SITE / "assets" / "pyodide").glob("*/manifest.json"))
    manifest = json.loads(manifest_file.read_text())
    StaticHost.extra["/naive/"] = (
        NAIVE_PAGE.replace("VERSION", manifest_file.parent.name)
        .replace("WHEEL", manifest["wheel"])
        .replace("CASEOBJ", json.dumps(CASE))
        .encode()
    )
    machine = Machine(chromium="", pyodide=manifest["pyodide_version"], runs=RUNS,
                      load_before=load_average(), note=NOTE)  # fmt: skip
    server, base = serve(SITE)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        machine.chromium = browser.version
        figures = measure(browser, base)
        browser.close()
    server.shutdown()
    for _ in range(min(RUNS, 3)):
        figures.setdefault("build_s", []).append(build_seconds())
    machine.load_after = load_average()

    med = {key: statistics.median(values) for key, values in figures.items()}
    report = render(machine, table(med), shipped(manifest_file.parent))
    print(report)
    if OUTPUT is not None:
        OUTPUT.write_text(report, "utf-8")
        print(f"written to {OUTPUT.relative_to(ROOT) if OUTPUT.is_relative_to(ROOT) else OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

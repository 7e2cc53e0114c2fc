"""The core inside Pyodide (Python 3.14, wasm) under Node, from the files the site ships.

One Node run (run_in_pyodide.mjs) boots Pyodide through the worker's own code
(docs/assets/calculator/worker.js), answers protocol requests (cip_core/protocol.py, the very
function CPython runs for the expected replies) and runs every golden case; the tests below read
its JSON summary. The bundle is brought up to date first, so the run always
tests the current core (a core change that breaks under Pyodide fails here).

Why Node directly and not pytest-pyodide: it needs no extra wheels (pytest and its dependencies
would have to be fetched and registered in a second lock), it runs the very lock and wheel the
browser gets, and it exercises the worker's boot code, not a test harness's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cip_core.protocol import answer
from tests.build_languages import UNKNOWN
from tests.core.golden import CASES_FILE, load_cases
from tools.bundle_runtime import OUT_DIR, bundle
from tools.node_job import NodeJobError, run_node_job

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("run_in_pyodide.mjs")
WORKER = ROOT / "docs" / "assets" / "calculator" / "worker.js"
GOLDEN = load_cases()
# Requests for the differential check: a dozen golden inputs in both languages, plus edge cases.
SAMPLED = GOLDEN[:: max(1, len(GOLDEN) // 12)]
EXTRA_REQUESTS: list[dict[str, Any]] = [
    {"type": "evaluate", "lang": "fr", "case": {}},
    {"type": "evaluate", "lang": "nl", "case": {"age": "abc", "start_date": "31/02/2026"}},
    {"type": "evaluate", "lang": "fr", "case": {"workplace_region": "brussels", "age": "25"}},
    {"type": "compute", "lang": "fr", "case": {}},  # not in the protocol
    # A bad field among good ones: the answer without it comes along (the retry).
    {"type": "evaluate", "lang": "fr", "case": {"workplace_region": "brussels", "age": "abc"}},
    {"type": "evaluate", "lang": UNKNOWN, "case": {"lang": "x", "age": "25"}},  # no such language
    {"type": "evaluate", "lang": "nl", "case": ["workplace_region"]},  # not an object
]


def _requests() -> list[dict[str, Any]]:
    cases = [{"type": "evaluate", "lang": c["lang"], "case": c["input"]} for c in SAMPLED]
    return [{"id": n, **r} for n, r in enumerate([*cases, *EXTRA_REQUESTS], start=1)]


def _expected(request: dict[str, Any]) -> dict[str, Any]:
    """What the same protocol function answers in CPython (JSON round trip, as the page gets it)."""
    return json.loads(json.dumps(answer(request)))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    bundle()  # incremental: a no-op unless the core or the runtime changed
    job = {
        "runtime_dir": str(OUT_DIR),
        "worker": str(WORKER),
        "golden_runner": str(ROOT / "tests" / "core" / "golden.py"),
        "golden_cases": str(CASES_FILE),
        "golden_helper": str(Path(__file__).with_name("golden_in_pyodide.py")),
        "requests": _requests(),
    }
    job_file = tmp_path_factory.mktemp("pyodide") / "job.json"
    try:
        summary = run_node_job(SCRIPT, job, job_file, timeout=180)
    except NodeJobError as error:
        pytest.fail(f"the core failed inside Pyodide:\n{error}")
    summary["requests"] = job["requests"]
    return summary


def test_runs_in_pyodide_python_314(run: dict[str, Any]) -> None:
    assert run["golden"]["platform"] == "emscripten"
    assert run["golden"]["python"].startswith("3.14")
    # The core came from the wheel installed by loadPackage, not from the source tree.
    assert "site-packages/cip_core/" in run["golden"]["core_file"]
    # ... and the stdlib from the trimmed zip the site ships, as compiled bytecode.
    assert run["golden"]["json_origin"].endswith("python314.zip/json/__init__.pyc")


def test_golden_cases_pass_inside_pyodide(run: dict[str, Any]) -> None:
    assert run["golden"]["cases"] == len(GOLDEN)
    problems = run["golden"]["problems"]
    assert problems == [], "\n".join(problems)


def test_worker_answers_like_cpython(run: dict[str, Any]) -> None:
    for request, reply in zip(run["requests"], run["replies"], strict=True):
        assert reply == _expected(request), f"request {request}"
    kinds = {reply["type"] for reply in run["replies"]}
    assert kinds == {"result", "input_error", "fatal"}
    # The retry without the bad fields ran inside Pyodide too.
    assert any(r["type"] == "input_error" and r.get("result") for r in run["replies"])


def test_worker_reports_honest_progress(run: dict[str, Any]) -> None:
    stages = [s["stage"] for s in run["statuses"]]
    assert stages[0] == "runtime" and stages[-1] == "ready"
    assert set(stages) == {"runtime", "core", "ready"}
    progress = [s["progress"] for s in run["statuses"]]
    assert progress == sorted(progress) and progress[0] == 0 and progress[-1] == 1
    assert all(set(s) == {"type", "stage", "progress", "at_ms"} for s in run["statuses"])


def test_nothing_is_fetched(run: dict[str, Any]) -> None:
    assert run["fetched"] == []
    # A package outside our lock is refused at once instead of being looked for on a CDN.
    assert run["foreign"].startswith("refused: No known package"), run["foreign"]

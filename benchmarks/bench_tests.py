"""How long the test suite takes, and where the time goes. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_tests.py            # times `make test`
    .venv/bin/python benchmarks/bench_tests.py check      # times `make check`
    WORKERS=0 .venv/bin/python benchmarks/bench_tests.py  # the same in one process

Prints the date, the machine (cores, load average before and after: the machine may be shared,
and timings move with its load), the wall time of the whole target, the CPU time of everything
it ran, and from pytest's JUnit report the time spent in each test folder and the slowest
tests. With several workers the folders' times add up to more than the wall time: they overlap.

Targets (issue 19): `make test` under 8 minutes, `make check` under 1 minute, on the project's
2-core machine.
"""

from __future__ import annotations

import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"test": 8 * 60, "check": 60}


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _durations(report: Path) -> list[tuple[float, str]]:
    """(seconds, test id) of every test case in a JUnit XML report (setup and teardown in)."""
    cases = ET.parse(report).getroot().iter("testcase")
    return [
        (float(case.get("time", 0)), f"{case.get('classname', '')}::{case.get('name', '')}")
        for case in cases
    ]


def main(argv: list[str]) -> int:
    target = argv[0] if argv else "test"
    if target not in TARGETS:
        print(f"usage: bench_tests.py [{' | '.join(TARGETS)}]", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        command = ["make", "--no-print-directory", target, f"PYTEST_ARGS=--junitxml={report}"]
        print(f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.node()}")
        print(f"workers: {os.environ.get('WORKERS', '2 (Makefile default)')}")
        print(f"load average before (1, 5, 15 min): {_load()}")
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"load average after: {_load()}")
        print(f"make {target}: exit {done.returncode}, wall {wall:.0f} s "
              f"({wall / 60:.1f} min; target {TARGETS[target]} s), "
              f"CPU {used.ru_utime + used.ru_stime:.0f} s")  # fmt: skip
        lines = done.stdout.splitlines()
        summary = [line for line in lines if " passed" in line or " failed" in line]
        print("pytest: " + (summary[-1].strip("= ") if summary else "no summary"))
        if done.returncode != 0:
            print(done.stdout[-3000:] + done.stderr[-2000:])
        if not report.is_file():
            return done.returncode
        durations = _durations(report)
    by_folder: Counter[str] = Counter()
    by_file: Counter[str] = Counter()
    for seconds, test in durations:
        parts = test.split(".")
        by_folder[parts[1] if len(parts) > 2 and parts[0] == "tests" else "other"] += seconds
        by_file["/".join(test.split("::")[0].split(".")[:3]) + ".py"] += seconds
    print(f"time in tests, by folder (sum over workers, {len(durations)} tests):")
    for folder, seconds in by_folder.most_common():
        print(f"  {folder:10s} {seconds:7.1f} s")
    # xdist hands out whole files (--dist loadfile): the longest files decide how well two
    # workers share the run (tests/conftest.py starts the longest folders first).
    print("slowest files:")
    for file, seconds in by_file.most_common(12):
        print(f"  {seconds:7.1f} s  {file}")
    print("slowest tests:")
    for seconds, test in sorted(durations, reverse=True)[:12]:
        print(f"  {seconds:7.1f} s  {test}")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The benchmark's figures as a dated Markdown file (benchmarks/RESULTS.md), with the machine.

README and CONTRIBUTING copy no figure: they link this file, which only `make bench` writes
(issue 21: hand-copied numbers went stale and contradicted each other). Timings depend on the
machine and its load, so the file says which processor, how many cores, the load average before
and after the run, and the versions of Python, Chromium and Pyodide that were measured.
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "# Benchmark results"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass
    return "unknown"


def load_average() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


@dataclass
class Machine:
    """Where and when the figures were measured."""

    chromium: str
    pyodide: str
    runs: int
    load_before: str
    load_after: str = ""
    note: str = ""
    date: str = field(default_factory=lambda: f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    cpu: str = field(default_factory=_cpu_model)
    cores: int = field(default_factory=lambda: os.cpu_count() or 0)
    memory: str = field(default_factory=_memory_gib)
    system: str = field(default_factory=lambda: f"{platform.system()} {platform.release()}")
    python: str = field(default_factory=platform.python_version)


@dataclass
class Row:
    """One figure: the calculator's, the naive page's if compared, its target if it has one."""

    label: str
    calculator: str
    naive: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None


def kilo(size: float) -> str:
    """Bytes as people read them (decimal units, as browsers' network panels show)."""
    if size >= 1e6:
        return f"{size / 1e6:.2f} MB"
    if size >= 1e3:
        return f"{size / 1e3:.1f} KB"
    return f"{size:.0f} B"


def render(machine: Machine, rows: list[Row], shipped: list[tuple[str, int, int]]) -> str:
    """The whole file: the machine, the figures, and the runtime's files (size, gzipped)."""
    lines = [
        HEADING,
        "",
        "Written by `make bench` (benchmarks/bench_calculator.py); do not edit by hand: run it",
        "again. Timings move with the machine's load (below): compare the calculator with the",
        "naive page of the same run (the ratio), not with another run's milliseconds.",
        "",
        "## Machine",
        "",
        f"- date: {machine.date}",
        f"- processor: {machine.cpu}, {machine.cores} cores, {machine.memory} RAM",
        f"- system: {machine.system}",
        f"- Python {machine.python}, Chromium {machine.chromium} (headless), "
        f"Pyodide {machine.pyodide}",
        f"- runs: {machine.runs} (each figure is their median)",
        f"- load average (1 / 5 / 15 min) before: {machine.load_before}; "
        f"after: {machine.load_after}",
    ]
    if machine.note:
        lines.append(f"- note: {machine.note}")
    lines += [
        "",
        "## Figures",
        "",
        "| figure | calculator | naive page | ratio | target | |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        met = "" if row.met is None else ("met" if row.met else "**not met**")
        lines.append(
            f"| {row.label} | {row.calculator} | {row.naive} | {row.ratio} | {row.target} | {met} |"
        )
    lines += [
        "",
        "## What the calculator's runtime ships",
        "",
        "The files of `build/runtime/` (`make runtime`), as stored and as gzip -6 sends them.",
        "",
        "| file | size | gzipped |",
        "|---|---:|---:|",
    ]
    lines += [f"| `{name}` | {kilo(size)} | {kilo(packed)} |" for name, size, packed in shipped]
    return "\n".join(lines) + "\n"

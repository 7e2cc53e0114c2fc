"""A standard-library zip holding only what the calculator imports, compiled for Pyodide.

Pyodide's ``python_stdlib.zip`` holds ~600 modules as source (2.5 MB over the wire) and Python
compiles each one it imports at every start (~1.8 s of the ~2 s start on a 2-core machine).
:func:`trim_stdlib` runs the worker's boot code and the protocol on a fixed probe set
(tools/stdlib_probes.json) inside Pyodide under Node (tools/trace_stdlib.mjs), records the
modules imported from the zip, adds a safety margin (what error paths import), and replaces
the zip by one with those modules only, as ``.pyc`` compiled by that very interpreter. The
in-Pyodide tests (tests/pyodide) then run the golden cases against this trimmed zip, so a module
missing from it fails the tests. The build never runs test cases: a rules update (new data)
cannot change whether or what the build ships.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

from tools.node_job import NodeJobError, run_node_job

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).with_name("trace_stdlib.mjs")
WORKER = ROOT / "docs" / "assets" / "calculator" / "worker.js"
DOWNLOAD = WORKER.with_name("download.js")  # imported by the worker, so run by the trace too
PROBES = Path(__file__).with_name("stdlib_probes.json")
INSIDE = Path(__file__).with_name("trace_stdlib_inside.py")  # the trace's Python half
STDLIB = "python_stdlib.zip"
# Imported on paths the recorded run may not take: formatting an unexpected exception, warnings,
# text encodings a browser or a message may bring, pretty-printing while debugging.
MARGIN = (
    "traceback",
    "linecache",
    "tokenize",
    "textwrap",
    "warnings",
    "weakref",
    "reprlib",
    "string",
    "locale",
    "pprint",
    "encodings.ascii",
    "encodings.latin_1",
    "encodings.utf_8_sig",
    "encodings.utf_16",
    "encodings.unicode_escape",
    "encodings.raw_unicode_escape",
)
# What the trace depends on besides the runtime and the core (the bundle's fingerprint).
INPUTS = (SCRIPT, WORKER, DOWNLOAD, PROBES, INSIDE)


class TraceError(Exception):
    """The traced run failed; the message says why."""


def trim_stdlib(runtime_dir: Path, work_dir: Path) -> dict[str, Any]:
    """Replaces ``runtime_dir/python_stdlib.zip`` (the full one) by the trimmed one.

    Returns the modules kept, the full zip's size and the core's bytecode (wheel path: bytes),
    compiled by the same run for the wheel (tools/build_wheel.py).
    """
    full = runtime_dir / STDLIB
    output = work_dir / "trimmed-stdlib.zip"
    job = {
        "runtime_dir": str(runtime_dir),
        "worker": str(WORKER),
        "inside": str(INSIDE),
        "probes": str(PROBES),
        "margin": list(MARGIN),
        "output": str(output),
        "core_output": str(work_dir / "core-pyc.zip"),
    }
    try:
        summary = run_node_job(SCRIPT, job, work_dir / "trace-job.json", timeout=300)
    except NodeJobError as error:
        raise TraceError(str(error)) from None
    if summary["problems"]:
        raise TraceError("probes failed inside Pyodide:\n" + "\n".join(summary["problems"]))
    full_size = full.stat().st_size
    shutil.copyfile(output, full)
    with zipfile.ZipFile(work_dir / "core-pyc.zip") as core:
        compiled = {name: core.read(name) for name in core.namelist()}
    return {"modules": summary["modules"], "full_size": full_size, "core_pyc": compiled}

"""Runs a Node.js script on a JSON job file and reads the JSON summary it prints last.

Used by the build (tracing the standard library in Pyodide) and by the tests (the core's golden
cases inside Pyodide): both hand a job to a Node script and need its last stdout line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any


class NodeJobError(Exception):
    """Node is missing, the script failed, or its summary reports an error."""


def run_node_job(script: Path, job: dict[str, Any], job_file: Path, timeout: int) -> dict[str, Any]:
    """Write ``job`` to ``job_file``, run ``node script job_file``, return the summary."""
    node = shutil.which("node")
    if not node:
        raise NodeJobError(f"Node.js is needed to run {script.name}: install nodejs")
    job_file.write_text(json.dumps(job), "utf-8")
    done = subprocess.run(
        [node, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", str(script), str(job_file)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    try:
        summary: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    except ValueError:
        summary = {"error": done.stdout[-2000:]}
    if done.returncode != 0 or "error" in summary:
        raise NodeJobError(f"{summary.get('error', '')}\n{done.stderr[-2000:]}")
    return summary

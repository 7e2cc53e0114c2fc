"""The cache of the standard library's trace (tools/trim_stdlib.py), for tools/bundle_runtime.py.

Tracing runs Pyodide under Node (seconds of CPU); its result depends on Pyodide's files, the
tracing tools and the core's code, never on the core's data files. So an editor's data change,
and every project copy a test builds, takes the trace from here instead of running it again.
Each entry is a folder named by its key: the trimmed zip, the core's bytecode, a summary.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from tools.trim_stdlib import INPUTS as TRACE_INPUTS
from tools.trim_stdlib import STDLIB, trim_stdlib

ROOT = Path(__file__).resolve().parent.parent
TRACE_CACHE = Path(os.environ.get("CIP_TRACE_CACHE") or ROOT / "build" / "stdlib-trace")
TRACES_KEPT = 6  # the newest traces only (about 1.5 MB each)


def trace_key(
    node_pyodide: Path, package_dir: Path, version: str, runtime_files: tuple[str, ...]
) -> str:
    """Changes when anything the stdlib trace reads changes, except the core's data files."""
    digest = hashlib.sha256(version.encode())
    for name in runtime_files:
        stat = (node_pyodide / name).stat()
        digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    tools = Path(__file__).parent
    for path in (*sorted(tools.glob("*.py")), *sorted(tools.glob("*.mjs")), *TRACE_INPUTS):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for path in sorted(package_dir.rglob("*.py")):
        if "__pycache__" not in path.parts:
            digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _cached_trace(entry: Path, staging: Path) -> dict[str, Any] | None:
    """The trace stored in ``entry``, its trimmed zip copied into ``staging``; None if absent."""
    try:
        summary = json.loads((entry / "summary.json").read_text("utf-8"))
        with zipfile.ZipFile(entry / "core-pyc.zip") as core:
            compiled = {name: core.read(name) for name in core.namelist()}
        shutil.copyfile(entry / STDLIB, staging / STDLIB)
    except (OSError, ValueError, zipfile.BadZipFile):
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used: kept by the pruning below
    return {**summary, "core_pyc": compiled}


def _store_trace(cache: Path, key: str, staging: Path, stdlib: dict[str, Any]) -> None:
    """Writes the trace beside the cache and renames it in: readers never see half an entry."""
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".new-") as tmp:
        entry = Path(tmp) / key
        entry.mkdir()
        shutil.copyfile(staging / STDLIB, entry / STDLIB)
        with zipfile.ZipFile(entry / "core-pyc.zip", "w") as core:
            for name, data in sorted(stdlib["core_pyc"].items()):
                core.writestr(name, data)
        summary = {"modules": stdlib["modules"], "full_size": stdlib["full_size"]}
        (entry / "summary.json").write_text(json.dumps(summary), "utf-8")
        with contextlib.suppress(OSError):  # another process stored the same trace first
            entry.rename(cache / key)
    entries = sorted(
        (p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[TRACES_KEPT:]:
        shutil.rmtree(old, ignore_errors=True)


def traced_stdlib(staging: Path, work_dir: Path, key: str, cache: Path | None) -> dict[str, Any]:
    """trim_stdlib's result for ``staging`` (its full zip replaced by the trimmed one), from the
    cache when the same ``key`` (trace_key) was traced before."""
    if cache is not None:
        found = _cached_trace(cache / key, staging)
        if found is not None:
            return found
    stdlib = trim_stdlib(staging, work_dir)
    if cache is not None:
        _store_trace(cache, key, staging, stdlib)
    return stdlib

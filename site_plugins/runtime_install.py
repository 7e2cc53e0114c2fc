"""Copies the bundled runtime (build/runtime/) into a built site: a plain function, no MkDocs.

The MkDocs plugin (runtime_plugin.py) only calls :func:`install_runtime`; another generator (or
the Makefile) can call it the same way.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

# Where the worker finds the runtime, relative to the site's root (the shared agreement).
SITE_SUBDIR = Path("assets") / "pyodide"
# The one file that says the bundle is complete (written last by tools/bundle_runtime.py).
MANIFEST = "manifest.json"
# The calculator's service worker: at the site's root, so its scope covers the calculator pages
# AND /assets/ (the worker and the runtime it fetches); this build's runtime is written into it.
SERVICE_WORKER = "sw.js"
SW_TEMPLATE = Path(__file__).with_name("runtime_sw.js")
SW_PLACEHOLDER = "__CIP_RUNTIME__"


class RuntimeMissingError(Exception):
    """build/runtime/ is missing or incomplete; the message says what to run."""


def runtime_files(source: Path) -> list[Path]:
    """The files to publish: everything in the bundle except hidden bookkeeping (.inputs)."""
    if not (source / MANIFEST).is_file():
        raise RuntimeMissingError(
            f"{source} has no {MANIFEST}: the Pyodide runtime and the core's wheel are not "
            "bundled. Run `make runtime` (or `npm ci` then `.venv/bin/python -m "
            "tools.bundle_runtime`) before building the site."
        )
    return sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith("."))


def _same(a: Path, b: Path) -> bool:
    """Same file as far as a copy is concerned (copy2 keeps the mtime)."""
    if not b.is_file():
        return False
    sa, sb = a.stat(), b.stat()
    return sa.st_size == sb.st_size and sa.st_mtime_ns == sb.st_mtime_ns


def install_runtime(source: Path, site_dir: Path) -> list[str]:
    """Makes ``<site_dir>/assets/pyodide/`` an exact copy of the bundle; returns what it copied.

    Idempotent and cheap when already done: a second call (the next language of an i18n build,
    a dirty rebuild) copies nothing and removes files an older bundle left (a stale wheel).
    """
    files = runtime_files(source)
    target = site_dir / SITE_SUBDIR
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in files:
        if not _same(path, target / path.name):
            shutil.copy2(path, target / path.name)
            copied.append(path.name)
    wanted = {p.name for p in files}
    for stale in target.iterdir():
        if stale.name not in wanted:
            if stale.is_dir():
                shutil.rmtree(stale)
            else:
                stale.unlink()
    write_service_worker(source, site_dir)
    return copied


def service_worker(source: Path) -> str:
    """sw.js for this bundle: its cache is named after the manifest's hash (the runtime version)."""
    manifest = (source / MANIFEST).read_bytes()
    runtime = {
        "version": hashlib.sha256(manifest).hexdigest()[:16],
        # What the worker may fetch: every published file but the manifest itself.
        "files": [p.name for p in runtime_files(source) if p.name != MANIFEST],
    }
    template = SW_TEMPLATE.read_text("utf-8")
    return template.replace(SW_PLACEHOLDER, json.dumps(runtime, sort_keys=True), 1)


def write_service_worker(source: Path, site_dir: Path) -> None:
    text = service_worker(source)
    target = site_dir / SERVICE_WORKER
    if not target.is_file() or target.read_text("utf-8") != text:
        target.write_text(text, "utf-8")

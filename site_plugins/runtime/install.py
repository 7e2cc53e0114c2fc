"""Copies the bundled runtime (build/runtime/) into a built site: a plain function, no MkDocs.

The MkDocs plugin (plugin.py) only calls :func:`install_runtime`; another generator (or
the Makefile) can call it the same way.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

# Where the worker finds the runtime, relative to the site's root (the shared agreement).
SITE_SUBDIR = Path("assets") / "pyodide"
# The one file that says the bundle is complete (written last by tools/bundle_runtime.py).
MANIFEST = "manifest.json"
# The calculator's service worker: at the site's root, so its scope covers the calculator pages
# AND /assets/ (the worker and the runtime it fetches); this build's runtime is written into it.
SERVICE_WORKER = "sw.js"
SW_TEMPLATE = Path(__file__).with_name("sw.js")
SW_PLACEHOLDER = "__CIP_BUILD__"
# The built worker, whose runtime URL gets the runtime's version.
WORKER = Path("assets") / "calculator" / "worker.js"
WORKER_RUNTIME_URL = re.compile(r'new URL\("\.\./pyodide/(?:[0-9a-f]{16}/)?", import\.meta\.url\)')
# What marks a calculator page (served network first, kept for offline use).
CALCULATOR_MARK = b'id="cip-calculator"'


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


def runtime_version(source: Path) -> str:
    """The runtime's version: the start of its manifest's sha256 (the manifest holds every
    file's sha256), so the folder name alone lets a service worker check a cached runtime."""
    return hashlib.sha256((source / MANIFEST).read_bytes()).hexdigest()[:16]


def install_runtime(source: Path, site_dir: Path) -> list[str]:
    """Makes ``<site_dir>/assets/pyodide/<version>/`` an exact copy of the bundle, rewrites the
    built worker to load it from there, writes sw.js; returns what it copied.

    Idempotent and cheap when already done: a second call (the next language of an i18n build,
    a dirty rebuild) copies nothing and removes what an older bundle left (an older version).
    """
    files = runtime_files(source)
    version = runtime_version(source)
    root = site_dir / SITE_SUBDIR
    target = root / version
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in files:
        if not _same(path, target / path.name):
            shutil.copy2(path, target / path.name)
            copied.append(path.name)
    wanted = {p.name for p in files}
    for stale in target.iterdir():
        if stale.name not in wanted:
            stale.unlink()
    for stale in root.iterdir():
        if stale.name != version:
            if stale.is_dir():
                shutil.rmtree(stale)
            else:
                stale.unlink()
    point_worker(site_dir, version)
    write_service_worker(source, site_dir)
    return copied


def point_worker(site_dir: Path, version: str) -> None:
    """The built worker loads the runtime from its versioned folder: a new runtime is a new URL,
    so no HTTP cache can hand an old lock to a new wheel (or the reverse)."""
    worker = site_dir / WORKER
    if not worker.is_file():  # a site without the calculator (plugin test fixtures)
        return
    text = worker.read_text("utf-8")
    new, count = WORKER_RUNTIME_URL.subn(f'new URL("../pyodide/{version}/", import.meta.url)', text)
    if count != 1:
        raise RuntimeMissingError(
            f"{WORKER} must load the runtime once from "
            '`new URL("../pyodide/", import.meta.url)`; found that ' + f"{count} times"
        )
    if new != text:
        worker.write_text(new, "utf-8")


def file_sha256(path: Path) -> str:
    """The file's sha256 (the standard library reads it in blocks)."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def build_description(source: Path, site_dir: Path) -> dict[str, Any]:
    """What sw.js knows of this build: a version over every file (so any deploy changes sw.js),
    the runtime's version, and the sha256 of each static file it may store and serve."""
    everything = {
        p.relative_to(site_dir).as_posix(): file_sha256(p)
        for p in sorted(site_dir.rglob("*"))
        if p.is_file() and p.relative_to(site_dir).as_posix() != SERVICE_WORKER
    }
    version = hashlib.sha256(
        "".join(f"{path}\0{digest}\n" for path, digest in everything.items()).encode()
    ).hexdigest()[:16]
    pages = sorted(
        path
        for path in everything
        if path.endswith(".html") and CALCULATOR_MARK in (site_dir / path).read_bytes()
    )
    served = {
        path: digest
        for path, digest in everything.items()
        if path in pages
        or path.startswith("search/")
        or (path.startswith("assets/") and not path.startswith(f"{SITE_SUBDIR.as_posix()}/"))
    }
    return {
        "version": version,
        "runtime": runtime_version(source),
        "pages": pages,
        "files": served,
    }


def service_worker(source: Path, site_dir: Path) -> str:
    """sw.js for this build (see sw.js)."""
    build = build_description(source, site_dir)
    template = SW_TEMPLATE.read_text("utf-8")
    return template.replace(SW_PLACEHOLDER, json.dumps(build, sort_keys=True, indent=1), 1)


def write_service_worker(source: Path, site_dir: Path) -> None:
    text = service_worker(source, site_dir)
    target = site_dir / SERVICE_WORKER
    if not target.is_file() or target.read_text("utf-8") != text:
        target.write_text(text, "utf-8")

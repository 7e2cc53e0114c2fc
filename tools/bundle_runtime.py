"""Writes ``build/runtime/``: what the calculator's worker loads, and nothing else.

    python -m tools.bundle_runtime        (run by `make runtime`, before every site build)

- Pyodide's runtime files, copied from ``node_modules/pyodide`` (npm ``pyodide``, pinned in
  package.json) — not its source maps, its console pages or its UMD build;
- the wheel of ``cip_core`` (tools/build_wheel.py), a content hash in its name;
- ``python_stdlib.zip`` TRIMMED to the modules the calculator imports, compiled to ``.pyc``
  (tools/trim_stdlib.py): 1.4 MB gzipped instead of 2.5 MB, and Python starts ~5x faster;
- ``pyodide-lock.json``: Pyodide's lock PRUNED to that one wheel and registered with its sha256 by
  ``pyodide lockfile add-wheels`` (pyodide-build), so ``loadPackage("cip-core")`` makes the
  browser check the wheel's integrity, and no package of the lock can send it to the CDN;
- ``manifest.json``: Pyodide's version, the wheel's name and sha256, each file's size and sha256
  (for the worker, a service worker and the benchmark).

Incremental: when the inputs (runtime files, core sources, this tool) are unchanged and the
output is intact, it does nothing. The runtime plugin (site_plugins/runtime/) copies
the folder into the built site at /assets/pyodide/.

The trace of the standard library (the slow part: Pyodide under Node) is kept in a cache keyed
on what it reads: Pyodide's files, the tracing tools and the core's *code* (its ``.py`` files),
not the core's data. An editor's data change (a new RMMG row, a catalogue's sentence, a new
language) rebuilds the wheel but reuses the trace: the modules imported and the core's bytecode
come from the code alone. The cache is ``build/stdlib-trace/`` (or ``$CIP_TRACE_CACHE``, which the
tests set so that the project copies they build share the project's); ``--force`` skips it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tools.build_wheel import PACKAGE_DIR, build_wheel, content_hash, wheel_filename
from tools.bundle_runtime_cache import TRACE_CACHE, trace_key, traced_stdlib
from tools.trim_stdlib import INPUTS as TRACE_INPUTS
from tools.trim_stdlib import TraceError

ROOT = Path(__file__).resolve().parent.parent
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
OUT_DIR = ROOT / "build" / "runtime"
PACKAGE_NAME = "cip-core"  # the key of the core in the lock: loadPackage("cip-core")
# The ES-module build only: the worker is a module worker.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
LOCK = "pyodide-lock.json"
MANIFEST = "manifest.json"
STAMP = ".inputs"  # fingerprint of the inputs of the last bundle (not copied into the site)


def file_sha256(path: Path) -> str:
    """The file's sha256 (the standard library reads it in blocks)."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


class BundleError(Exception):
    """A problem the person running the build can fix; the message says how."""


def _check_node_package(node_pyodide: Path) -> None:
    needed = (*RUNTIME_FILES, LOCK, "package.json")
    missing = [name for name in needed if not (node_pyodide / name).is_file()]
    if missing:
        raise BundleError(
            f"{node_pyodide} is missing or incomplete (no {', '.join(missing)}): "
            "run `npm ci` (or `make runtime`, which runs it) to install the pinned Pyodide."
        )


def pyodide_version(node_pyodide: Path = NODE_PYODIDE) -> str:
    return str(json.loads((node_pyodide / "package.json").read_text("utf-8"))["version"])


def _fingerprint(node_pyodide: Path, package_dir: Path) -> str:
    """Changes when anything that goes into build/runtime changes; cheap (stats, small files)."""
    parts: list[str] = [pyodide_version(node_pyodide), content_hash(package_dir)]
    for name in (*RUNTIME_FILES, LOCK):
        stat = (node_pyodide / name).stat()
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    for tool in (*sorted(Path(__file__).parent.glob("*.py")), *TRACE_INPUTS):
        parts.append(hashlib.sha256(tool.read_bytes()).hexdigest())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _up_to_date(out_dir: Path, fingerprint: str) -> bool:
    stamp = out_dir / STAMP
    if not stamp.is_file() or stamp.read_text("utf-8").strip() != fingerprint:
        return False
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    # The output is intact when every file the manifest lists is there with its size.
    return all(
        (out_dir / name).is_file() and (out_dir / name).stat().st_size == entry["size"]
        for name, entry in manifest["files"].items()
    )


def _pyodide_cli() -> list[str]:
    """pyodide-build's command line from the interpreter running this tool (the project's .venv)."""
    script = Path(sys.executable).parent / "pyodide"
    if script.is_file():
        return [str(script)]
    fallback = shutil.which("pyodide")
    if fallback:
        return [fallback]
    raise BundleError(
        "`pyodide` (pyodide-build) is not installed next to "
        f"{sys.executable}: run `make .venv/.installed` and use .venv/bin/python."
    )


def _registered_lock(node_pyodide: Path, wheel: Path, work_dir: Path) -> dict[str, Any]:
    """Pyodide's lock with only our wheel in it, registered by `pyodide lockfile add-wheels`."""
    lock = json.loads((node_pyodide / LOCK).read_text("utf-8"))
    pruned = work_dir / "pruned-lock.json"
    # Keep `info` (Pyodide checks the Python/ABI version against it), drop every package: they
    # are not shipped, and Pyodide would fetch them from the CDN.
    pruned.write_text(json.dumps({**lock, "packages": {}}), "utf-8")
    registered = work_dir / "registered-lock.json"
    command = [
        *_pyodide_cli(),
        "lockfile",
        "add-wheels",
        "--input",
        str(pruned),
        "--output",
        str(registered),
        "--base-path",
        str(wheel.parent),
        str(wheel),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BundleError(f"`pyodide lockfile add-wheels` failed:\n{done.stdout}{done.stderr}")
    result: dict[str, Any] = json.loads(registered.read_text("utf-8"))
    return result


def check_lock(lock: dict[str, Any], wheel: Path) -> None:
    """The shipped lock names exactly our wheel, by a relative name, with its real sha256."""
    packages = lock.get("packages", {})
    if set(packages) != {PACKAGE_NAME}:
        raise BundleError(f"the lock must hold only {PACKAGE_NAME!r}, it has {sorted(packages)}")
    entry = packages[PACKAGE_NAME]
    if entry["file_name"] != wheel.name:
        raise BundleError(f"lock file_name {entry['file_name']!r} is not {wheel.name!r}")
    if entry["sha256"] != file_sha256(wheel):
        raise BundleError("the lock's sha256 of the wheel does not match the wheel")
    if entry["depends"]:
        raise BundleError(f"cip_core must stay stdlib-only; the lock says {entry['depends']}")


def bundle(
    out_dir: Path = OUT_DIR,
    node_pyodide: Path = NODE_PYODIDE,
    package_dir: Path = PACKAGE_DIR,
    force: bool = False,
    trace_cache: Path | None = TRACE_CACHE,
) -> bool:
    """Writes ``out_dir``; returns False when it was already up to date (nothing done).

    ``trace_cache`` None (or ``force``) traces the standard library again whatever the cache holds.
    """
    _check_node_package(node_pyodide)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # Several builds and test runs share one working tree: one bundler at a time.
    with _exclusive(out_dir.parent / f".{out_dir.name}.lock"):
        fingerprint = _fingerprint(node_pyodide, package_dir)
        if not force and _up_to_date(out_dir, fingerprint):
            return False
        cache = None if force or trace_cache is None else trace_cache
        _write(out_dir, node_pyodide, package_dir, fingerprint, cache)
    return True


@contextlib.contextmanager
def _exclusive(lock_file: Path) -> Iterator[None]:
    with lock_file.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write(
    out_dir: Path, node_pyodide: Path, package_dir: Path, fingerprint: str, cache: Path | None
) -> None:
    # Build beside the target and swap at the end: an interrupted run never leaves a half
    # runtime that the next run would take for a complete one.
    with tempfile.TemporaryDirectory(dir=out_dir.parent, prefix=".runtime-") as tmp:
        staging = Path(tmp) / "runtime"
        staging.mkdir()
        for name in RUNTIME_FILES:
            shutil.copy2(node_pyodide / name, staging / name)
        wheel = build_wheel(staging, package_dir)
        lock = _registered_lock(node_pyodide, wheel, Path(tmp))
        check_lock(lock, wheel)
        (staging / LOCK).write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", "utf-8")
        try:
            key = trace_key(node_pyodide, package_dir, pyodide_version(node_pyodide), RUNTIME_FILES)
            stdlib = traced_stdlib(staging, Path(tmp), key, cache)
        except TraceError as error:
            raise BundleError(f"trimming the standard library failed: {error}") from error
        # The same wheel plus the core's bytecode from that run, registered again.
        wheel = build_wheel(staging, package_dir, compiled=stdlib["core_pyc"])
        lock = _registered_lock(node_pyodide, wheel, Path(tmp))
        check_lock(lock, wheel)
        (staging / LOCK).write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", "utf-8")

        files = {
            path.name: {"size": path.stat().st_size, "sha256": file_sha256(path)}
            for path in sorted(staging.iterdir())
        }
        manifest = {
            "pyodide_version": pyodide_version(node_pyodide),
            "python_version": lock["info"]["python"],
            "package": PACKAGE_NAME,
            "wheel": wheel.name,
            "sha256": files[wheel.name]["sha256"],
            # python_stdlib.zip holds only these modules, compiled (tools/trim_stdlib.py).
            "stdlib": {"full_size": stdlib["full_size"], "modules": stdlib["modules"]},
            "files": files,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
        (staging / STAMP).write_text(fingerprint + "\n", "utf-8")

        if out_dir.exists():
            old = Path(tmp) / "old"
            out_dir.rename(old)
        staging.rename(out_dir)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        changed = bundle(OUT_DIR, NODE_PYODIDE, force="--force" in args)
    except BundleError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    where = OUT_DIR.relative_to(ROOT)
    if changed:
        print(f"runtime: wrote {where}/ with {wheel_filename()}")
    else:
        print(f"runtime: {where}/ is up to date ({wheel_filename()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

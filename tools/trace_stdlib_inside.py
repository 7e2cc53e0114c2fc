"""The Python half of the stdlib trace: runs INSIDE Pyodide (tools/trace_stdlib.mjs loads it
from Pyodide's file system once the worker has answered the probes), with the full stdlib zip.

:func:`record` imports the safety margin, lists the modules that came from the stdlib zip,
writes them compiled (``.pyc`` from this very interpreter: the browser's bytecode) into a small
zip, and compiles the core's sources for its wheel. Plain Python in a file of its own, so it is
linted like the rest and no Python hides in a JavaScript string.
"""

from __future__ import annotations

# Imported before the modules are listed, so they are kept (the trace always did): nothing else
# of the stdlib is imported before record() has listed what the calculator used.
import importlib
import importlib._bootstrap_external as bx
import json
import sys
import zipfile

DATE = (2020, 1, 1, 0, 0, 0)  # fixed: the zips are the same for the same inputs


def fail_for_the_error_path() -> None:
    """Raised through Pyodide into JavaScript: what formatting the error imports is recorded."""
    raise ValueError("the error path: Pyodide formats the traceback")


def record(job_json: str) -> str:
    """job: {margin: [module], problems: [str], stdlib_output, core_output} -> summary JSON."""
    job = json.loads(job_json)
    for name in job["margin"]:
        importlib.import_module(name)
    stdlib_zip = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
    used = sorted(
        m.__spec__.origin[len(stdlib_zip) + 1 :]
        for m in list(sys.modules.values())
        if getattr(m, "__spec__", None) and (m.__spec__.origin or "").startswith(stdlib_zip + "/")
    )
    _write_stdlib(stdlib_zip, used, job["stdlib_output"])
    _write_core(job["core_output"])
    summary = {"problems": job["problems"], "modules": used, "python": sys.version.split()[0]}
    return json.dumps(summary)


def _write_stdlib(stdlib_zip: str, used: list[str], output: str) -> None:
    with zipfile.ZipFile(stdlib_zip) as full, zipfile.ZipFile(output, "w") as out:
        dirs = sorted(
            {"/".join(p.split("/")[:i]) + "/" for p in used for i in range(1, p.count("/") + 1)}
        )
        for folder in dirs:
            out.writestr(zipfile.ZipInfo(folder, DATE), b"")
        for path in used:
            source = full.read(path)
            code = compile(source, f"{stdlib_zip}/{path}", "exec", dont_inherit=True)
            info = zipfile.ZipInfo(path[:-3] + ".pyc", DATE)
            info.external_attr = 0o644 << 16
            data = bx._code_to_timestamp_pyc(code, 0, len(source))
            out.writestr(info, data, zipfile.ZIP_DEFLATED, 9)


def _write_core(output: str) -> None:
    # Unchecked hash-based .pyc, valid whatever mtime unpacking gives the sources; co_filename
    # is where the wheel installs them. Imported here: after the list is made.
    import importlib.util
    import os

    import cip_core

    core_dir = os.path.dirname(cip_core.__file__)
    site = os.path.dirname(core_dir)
    with zipfile.ZipFile(output, "w") as out:
        for folder, _, names in sorted(os.walk(core_dir)):
            for name in sorted(n for n in names if n.endswith(".py")):
                origin = os.path.join(folder, name)
                with open(origin, "rb") as handle:
                    source = handle.read()
                code = compile(source, origin, "exec", dont_inherit=True)
                data = bx._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
                cached = importlib.util.cache_from_source(origin)
                out.writestr(zipfile.ZipInfo(os.path.relpath(cached, site), DATE), data)

"""The Python half of run_in_pyodide.mjs: runs INSIDE Pyodide (loaded from its file system) the
golden cases, and says where the interpreter, the core and the stdlib came from. Plain Python in
a file of its own, so it is linted like the rest and no Python hides in a JavaScript string."""

from __future__ import annotations

import json
import sys


def golden_summary(folder: str) -> str:
    """The golden cases of ``folder``/golden_cases.toml, run by its golden.py; JSON summary."""
    sys.path.insert(0, folder)
    import golden  # tests/core/golden.py, copied into ``folder``

    import cip_core

    summary = golden.run_all(f"{folder}/golden_cases.toml")
    summary["python"] = sys.version.split()[0]
    summary["platform"] = sys.platform
    summary["core_file"] = cip_core.__file__
    summary["json_origin"] = json.__spec__.origin  # from the trimmed, compiled stdlib zip
    return json.dumps(summary)

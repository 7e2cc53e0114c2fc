"""Work done once per test run, even when pytest-xdist splits the run over several processes.

A session fixture runs once per process; under `pytest -n 2` that is once per worker. Building
the site or a project copy twice would cost what running the tests side by side saves, so the
first worker that needs the thing builds it under a file lock, and the others wait and reuse it.
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable
from pathlib import Path

import pytest


def run_dir(config: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this test run, the same for all of its worker processes and for no other run.

    An xdist worker's temp folder is ``<run>/popen-gwN``: its parent is the run's folder. A plain
    run's own temp folder is already the run's.
    """
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


def once_per_run(
    config: pytest.Config,
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    make: Callable[[Path], Path],
) -> Path:
    """``make(folder)`` once per run (the path it returns is shared); a failure is not retried
    by the next worker, which reports it instead of paying for it again."""
    root = run_dir(config, tmp_path_factory) / f"once-{name}"
    root.mkdir(parents=True, exist_ok=True)
    done, failed = root / "done", root / "failed"
    with (root / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if failed.exists():
                pytest.fail(f"{name}: failed in another worker of this run:\n{failed.read_text()}")
            if done.exists():
                return Path(done.read_text("utf-8"))
            try:
                made = make(root / "out")
            except BaseException as error:
                failed.write_text(f"{type(error).__name__}: {error}", "utf-8")
                raise
            done.write_text(str(made), "utf-8")
            return made
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)

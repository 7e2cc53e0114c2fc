"""The standard library's trace is cached on the core's code, not its data
(tools/bundle_runtime_cache.py): an editor's data change reuses it, a code change traces again."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from tools import bundle_runtime_cache
from tools.build_wheel import PACKAGE_DIR
from tools.bundle_runtime import NODE_PYODIDE, RUNTIME_FILES, bundle, pyodide_version


def _key(package_dir: Path) -> str:
    return bundle_runtime_cache.trace_key(
        NODE_PYODIDE, package_dir, pyodide_version(NODE_PYODIDE), RUNTIME_FILES
    )


def _pyc(runtime: Path) -> dict[str, bytes]:
    wheel = next(runtime.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.endswith(".pyc")}


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "src" / "cip_core"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def test_the_key_follows_the_code_and_not_the_data(package_copy: Path) -> None:
    before = _key(package_copy)
    _append(package_copy / "parameters" / "rmmg.toml", "\n# a data change\n")
    (package_copy / "messages" / "xx.toml").write_text("[language]\n", "utf-8")
    assert _key(package_copy) == before
    _append(package_copy / "rules" / "duration.py", "\n# a code change\n")
    assert _key(package_copy) != before


def test_a_data_change_reuses_the_trace_and_ships_the_same_bytes(
    tmp_path: Path, package_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = tmp_path / "first" / "runtime"
    assert bundle(out_dir=first, package_dir=package_copy, trace_cache=cache) is True
    assert [p.name for p in cache.iterdir()] == [_key(package_copy)]

    def no_trace(*args: object) -> None:
        raise AssertionError("traced again")

    monkeypatch.setattr(bundle_runtime_cache, "trim_stdlib", no_trace)
    _append(package_copy / "parameters" / "rmmg.toml", "\n# an editor's change\n")
    second = tmp_path / "second" / "runtime"
    assert bundle(out_dir=second, package_dir=package_copy, trace_cache=cache) is True
    stdlib = "python_stdlib.zip"
    assert (second / stdlib).read_bytes() == (first / stdlib).read_bytes()
    assert _pyc(second) == _pyc(first) != {}
    assert next(second.glob("*.whl")).name != next(first.glob("*.whl")).name  # new data, new wheel

    # A change of code is traced again; so is every bundle without a cache (or forced).
    _append(package_copy / "rules" / "duration.py", "\n# a code change\n")
    with pytest.raises(AssertionError, match="traced again"):
        bundle(out_dir=tmp_path / "third" / "runtime", package_dir=package_copy, trace_cache=cache)
    with pytest.raises(AssertionError, match="traced again"):
        bundle(out_dir=second, package_dir=package_copy, force=True, trace_cache=cache)


def test_a_damaged_entry_is_traced_again(tmp_path: Path, package_copy: Path) -> None:
    cache = tmp_path / "cache"
    entry = cache / _key(package_copy)
    entry.mkdir(parents=True)
    (entry / "summary.json").write_text("{", "utf-8")  # half written by a killed run
    staging = tmp_path / "staging"
    staging.mkdir()
    assert bundle_runtime_cache._cached_trace(entry, staging) is None

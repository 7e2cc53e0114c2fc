"""The core's wheel and the runtime bundle (tools/build_wheel.py, tools/bundle_runtime.py)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from packaging.utils import parse_wheel_filename

from tools import bundle_runtime
from tools.build_wheel import PACKAGE_DIR, build_wheel, wheel_bytes, wheel_filename
from tools.bundle_runtime import BundleError, bundle

ROOT = Path(__file__).resolve().parents[2]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of cip_core to change without touching the real one."""
    copy = tmp_path / "src" / "cip_core"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "runtime"
    assert bundle(out_dir=out) is True
    return out


# --- The wheel ---------------------------------------------------------------------------------


def test_wheel_holds_only_the_core_and_its_data(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"cip_core", wheel.name.removesuffix("-py3-none-any.whl") + ".dist-info"}
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    # Every file of the package is in it (a new kind of data file must not be left out).
    source = {
        p.relative_to(PACKAGE_DIR.parent).as_posix()
        for p in PACKAGE_DIR.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert {n for n in names if n.startswith("cip_core/")} == source
    assert "cip_core/parameters/rmmg.toml" in source and "cip_core/py.typed" in source


def test_wheel_name_is_valid_and_carries_the_content_hash(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    assert re.fullmatch(r"cip_core-\d+\.\d+\.\d+\+h[0-9a-f]{8}-py3-none-any\.whl", wheel.name)
    name, version, build, tags = parse_wheel_filename(wheel.name)
    assert name == "cip-core" and version.local and version.local.startswith("h")
    assert build == () and {str(t) for t in tags} == {"py3-none-any"}


def test_wheel_metadata_and_record_are_right(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    archive = zipfile.ZipFile(wheel)
    version = wheel.name.split("-")[1]
    dist_info = f"cip_core-{version}.dist-info"
    metadata = archive.read(f"{dist_info}/METADATA").decode()
    assert "Name: cip-core\n" in metadata and f"Version: {version}\n" in metadata
    assert "Root-Is-Purelib: true" in archive.read(f"{dist_info}/WHEEL").decode()
    record = archive.read(f"{dist_info}/RECORD").decode().splitlines()
    assert record[-1] == f"{dist_info}/RECORD,,"
    listed = {}
    for line in record[:-1]:
        path, digest, size = line.rsplit(",", 2)
        listed[path] = (digest, int(size))
    assert set(listed) == set(archive.namelist()) - {f"{dist_info}/RECORD"}
    for path, (digest, size) in listed.items():
        data = archive.read(path)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        assert digest == "sha256=" + expected.decode() and size == len(data), path


def test_wheel_is_reproducible(package_copy: Path) -> None:
    first = wheel_bytes(package_copy)
    for path in package_copy.rglob("*"):  # new mtimes must not matter
        path.touch()
    assert wheel_bytes(package_copy) == first
    assert wheel_bytes(PACKAGE_DIR) == wheel_bytes(PACKAGE_DIR)


def test_hash_in_the_name_follows_the_content(package_copy: Path) -> None:
    before = wheel_filename(package_copy)
    assert before == wheel_filename(PACKAGE_DIR)  # same content, same name
    rmmg = package_copy / "parameters" / "rmmg.toml"
    rmmg.write_text(rmmg.read_text("utf-8") + "\n# a reviewed comment\n", "utf-8")
    assert wheel_filename(package_copy) != before
    # Files the wheel does not ship do not change the name.
    (package_copy / "notes.txt").write_text("scratch", "utf-8")
    changed = wheel_filename(package_copy)
    (package_copy / "notes.txt").unlink()
    assert wheel_filename(package_copy) == changed


# --- The bundle --------------------------------------------------------------------------------


def test_bundle_ships_only_what_the_worker_loads(bundled: Path) -> None:
    manifest = json.loads((bundled / "manifest.json").read_text("utf-8"))
    shipped = {p.name for p in bundled.iterdir() if not p.name.startswith(".")}
    assert shipped == {
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
        "manifest.json",
        manifest["wheel"],
    }
    assert set(manifest["files"]) == shipped - {"manifest.json"}
    for name, entry in manifest["files"].items():
        assert entry == {"size": (bundled / name).stat().st_size, "sha256": _sha256(bundled / name)}
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text("utf-8"))
    assert manifest["pyodide_version"] == version["version"]
    assert manifest["python_version"].startswith("3.14")


def test_stdlib_is_trimmed_to_what_the_core_imports_and_compiled(bundled: Path) -> None:
    manifest = json.loads((bundled / "manifest.json").read_text("utf-8"))
    stock = ROOT / "node_modules/pyodide/python_stdlib.zip"
    assert manifest["stdlib"]["full_size"] == stock.stat().st_size
    archive = zipfile.ZipFile(bundled / "python_stdlib.zip")
    files = [n for n in archive.namelist() if not n.endswith("/")]
    modules = manifest["stdlib"]["modules"]
    assert sorted(files) == sorted(m.removesuffix(".py") + ".pyc" for m in modules)
    assert len(files) < len(zipfile.ZipFile(stock).namelist()) / 2
    # What the core imports, what Pyodide's bootstrap imports, and the safety margin.
    for name in ("json/__init__", "decimal", "tomllib/_parser", "datetime", "dataclasses",
                 "pyodide/__init__", "_pyodide/_base", "traceback", "linecache",
                 "encodings/utf_8", "encodings/latin_1"):  # fmt: skip
        assert f"{name}.pyc" in files, name
    assert "antigravity.pyc" not in files and "tkinter/__init__.pyc" not in files
    # Deflated: its size does not depend on whether the host gzips .zip (tools/trace_stdlib.mjs);
    # every entry has one bytecode magic.
    assert {i.compress_type for i in archive.infolist() if not i.is_dir()} == {zipfile.ZIP_DEFLATED}
    assert len({archive.read(n)[:4] for n in files}) == 1


def test_shipped_wheel_carries_the_cores_bytecode(bundled: Path) -> None:
    manifest = json.loads((bundled / "manifest.json").read_text("utf-8"))
    names = zipfile.ZipFile(bundled / manifest["wheel"]).namelist()
    wheel = zipfile.ZipFile(bundled / manifest["wheel"])
    sources = [n for n in names if n.endswith(".py")]
    compiled = [n for n in names if n.endswith(".pyc")]
    expected = []
    for source in sources:
        folder, _, stem = source.rpartition("/")
        expected.append(f"{folder}/__pycache__/{stem.removesuffix('.py')}.cpython-314.pyc")
    assert sorted(compiled) == sorted(expected)
    stdlib = zipfile.ZipFile(bundled / "python_stdlib.zip")
    magic = stdlib.read("json/__init__.pyc")[:4]
    for name in compiled:
        header = wheel.read(name)[:8]
        # Pyodide's own bytecode magic; flags 0b01: hash-based, unchecked (no mtime to match).
        assert header[:4] == magic and int.from_bytes(header[4:8], "little") == 1, name
    # The sources stay too: tracebacks show lines, and the wheel still installs anywhere.
    assert "cip_core/evaluate.py" in sources


def test_lock_lists_the_wheel_with_its_sha256(bundled: Path) -> None:
    lock = json.loads((bundled / "pyodide-lock.json").read_text("utf-8"))
    manifest = json.loads((bundled / "manifest.json").read_text("utf-8"))
    assert list(lock["packages"]) == ["cip-core"]
    entry = lock["packages"]["cip-core"]
    assert entry["file_name"] == manifest["wheel"] == wheel_filename()
    assert entry["sha256"] == manifest["sha256"] == _sha256(bundled / manifest["wheel"])
    assert entry["imports"] == ["cip_core"] and entry["depends"] == []
    # Pyodide checks the lock against its runtime: the info block is the npm package's.
    original = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text("utf-8"))
    assert lock["info"] == original["info"]


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_no_absolute_or_foreign_url_in_the_shipped_lock_and_manifest(bundled: Path) -> None:
    for name in ("pyodide-lock.json", "manifest.json"):
        for text in _strings(json.loads((bundled / name).read_text("utf-8"))):
            assert "://" not in text and not text.startswith(("/", "//")), f"{name}: {text}"
            assert "jsdelivr" not in text.lower() and ".." not in text, f"{name}: {text}"


def test_worker_never_lets_pyodide_default_to_its_cdn() -> None:
    # Pyodide uses its CDN for packages only when packageBaseUrl is not given (pyodide.mjs).
    worker = (ROOT / "docs/assets/calculator/worker.js").read_text("utf-8")
    assert re.search(r"packageBaseUrl:\s*runtimeURL", worker)
    assert re.search(r"lockFileURL:\s*runtimeURL \+", worker)
    assert 'new URL("../pyodide/", import.meta.url)' in worker
    assert "location" not in worker  # never the page's URL
    assert "://" not in worker  # no absolute URL at all


def test_bundle_is_incremental(tmp_path: Path, package_copy: Path, bundled: Path) -> None:
    # Starts from the module's fresh bundle of the same core (the `bundled` fixture asserts that
    # bundling into an empty folder writes it): making a second one here would only repeat it.
    out = tmp_path / "runtime"
    shutil.copytree(bundled, out)
    assert bundle(out_dir=out, package_dir=package_copy) is False  # nothing changed
    (package_copy / "messages" / "fr.toml").write_text(
        (package_copy / "messages" / "fr.toml").read_text("utf-8") + "\n", "utf-8"
    )
    assert bundle(out_dir=out, package_dir=package_copy) is True
    wheels = sorted(p.name for p in out.glob("*.whl"))
    assert wheels == [wheel_filename(package_copy)]  # the old wheel is gone
    (out / "python_stdlib.zip").write_bytes(b"truncated")  # a damaged output is rebuilt
    assert bundle(out_dir=out, package_dir=package_copy) is True


def test_missing_node_package_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match=r"npm ci.*make runtime"):
        bundle(out_dir=tmp_path / "runtime", node_pyodide=tmp_path / "node_modules" / "pyodide")


def test_command_line_reports_errors_clearly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(bundle_runtime, "NODE_PYODIDE", tmp_path / "nowhere")
    assert bundle_runtime.main([]) == 1
    assert "npm ci" in capsys.readouterr().err


def test_concurrent_bundles_do_not_collide(tmp_path: Path, package_copy: Path) -> None:
    # Builds and test runs of several people share one tree: one writes, the other waits.
    out = tmp_path / "runtime"
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: bundle(out_dir=out, package_dir=package_copy), range(3)))
    assert sorted(results) == [False, False, True]
    assert bundle(out_dir=out, package_dir=package_copy) is False

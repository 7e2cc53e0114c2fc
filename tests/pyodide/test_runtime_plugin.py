"""The cip-runtime MkDocs plugin publishes build/runtime/ at /assets/pyodide/, once per build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from site_plugins.runtime_install import install_runtime

BUNDLE = {
    "pyodide.mjs": "export const loadPyodide = 1;",
    "pyodide.asm.wasm": "\0asm",
    "cip_core-0.1.0+h00000000-py3-none-any.whl": "wheel",
    "manifest.json": json.dumps({"wheel": "cip_core-0.1.0+h00000000-py3-none-any.whl"}),
    ".inputs": "fingerprint",
}


def _fake_bundle(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, text in BUNDLE.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def _site(tmp_path: Path, runtime_dir: str = "build/runtime", enabled: bool = True) -> Path:
    for lang in ("fr", "nl"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "index.md").write_text(f"# {lang}\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"""site_name: t
theme: {{name: mkdocs}}
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {{locale: fr, default: true, name: FR, build: true}}
        - {{locale: nl, name: NL, build: true}}
  - cip-runtime:
      enabled: {str(enabled).lower()}
      runtime_dir: {runtime_dir}
""",
        "utf-8",
    )
    return tmp_path / "mkdocs.yml"


def _build(config_file: Path, site_dir: Path) -> None:
    build(load_config(str(config_file), site_dir=str(site_dir)))


def test_copies_the_bundle_once_into_the_site_root(tmp_path: Path) -> None:
    _fake_bundle(tmp_path / "build" / "runtime")
    site = tmp_path / "site"
    _build(_site(tmp_path), site)
    published = site / "assets" / "pyodide"
    assert sorted(p.name for p in published.iterdir()) == sorted(
        n for n in BUNDLE if not n.startswith(".")
    )
    for name in BUNDLE:
        if not name.startswith("."):
            assert (published / name).read_text("utf-8") == BUNDLE[name]
    # The Dutch build (same site_dir, pages under /nl/) gets no second copy.
    assert (site / "nl" / "index.html").is_file()
    assert not list(site.glob("nl/**/pyodide*"))


def test_runtime_dir_is_relative_to_mkdocs_yml(tmp_path: Path) -> None:
    _fake_bundle(tmp_path / "elsewhere")
    site = tmp_path / "out"
    _build(_site(tmp_path, runtime_dir="elsewhere"), site)
    assert (site / "assets" / "pyodide" / "manifest.json").is_file()


def test_missing_bundle_fails_with_a_hint(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(str(_site(tmp_path)), site_dir=str(tmp_path / "site"))
    with pytest.raises(PluginError, match=r"no manifest\.json.*Run `make runtime`"):
        config.plugins["cip-runtime"].on_config(config)
    with pytest.raises(Abort):  # and the build stops, with that message in its log
        build(config)
    assert "make runtime" in caplog.text


def test_disabled_plugin_copies_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _build(_site(tmp_path, enabled=False), site)
    assert not (site / "assets" / "pyodide").exists()


def test_install_is_idempotent_and_drops_stale_files(tmp_path: Path) -> None:
    source = _fake_bundle(tmp_path / "runtime")
    site = tmp_path / "site"
    assert len(install_runtime(source, site)) == len(BUNDLE) - 1
    assert install_runtime(source, site) == []  # second language, dirty rebuild: no copy
    stale = site / "assets" / "pyodide" / "cip_core-0.0.9+hdeadbeef-py3-none-any.whl"
    stale.write_text("old core", "utf-8")
    (source / "manifest.json").write_text("{}", "utf-8")
    assert install_runtime(source, site) == ["manifest.json"]
    assert not stale.exists()


def test_service_worker_names_this_runtime(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "build" / "runtime")
    site = tmp_path / "site"
    install_runtime(bundle, site)
    text = (site / "sw.js").read_text("utf-8")
    runtime = json.loads(text.split("const RUNTIME = ", 1)[1].split(";", 1)[0])
    assert runtime["files"] == sorted(n for n in BUNDLE if n not in {"manifest.json", ".inputs"})
    assert "__CIP_RUNTIME__" not in text
    # A new runtime (another manifest) gives a new cache name, so the old cache is dropped.
    (bundle / "manifest.json").write_text(json.dumps({"wheel": "other.whl"}), "utf-8")
    install_runtime(bundle, site)
    again = json.loads(
        (site / "sw.js").read_text("utf-8").split("const RUNTIME = ")[1][:200].split(";")[0]
    )
    assert again["version"] != runtime["version"]

"""The cip-runtime MkDocs plugin publishes build/runtime/ at /assets/pyodide/<version>/, once per
build, and writes sw.js."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from site_plugins.runtime.install import install_runtime, runtime_version

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


def _published(site: Path) -> Path:
    """The one versioned runtime folder of a built site."""
    folders = list((site / "assets" / "pyodide").iterdir())
    assert len(folders) == 1, folders
    return folders[0]


def _sw_build(site: Path) -> dict[str, object]:
    found = re.search(r"const BUILD = (\{.*?\n\});", (site / "sw.js").read_text("utf-8"), re.S)
    assert found, "sw.js has no build description"
    return dict(json.loads(found.group(1)))


def _build(config_file: Path, site_dir: Path) -> None:
    build(load_config(str(config_file), site_dir=str(site_dir)))


def test_copies_the_bundle_once_into_the_site_root(tmp_path: Path) -> None:
    _fake_bundle(tmp_path / "build" / "runtime")
    site = tmp_path / "site"
    _build(_site(tmp_path), site)
    published = _published(site)
    manifest = (tmp_path / "build" / "runtime" / "manifest.json").read_bytes()
    assert published.name == hashlib.sha256(manifest).hexdigest()[:16]
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
    assert (_published(site) / "manifest.json").is_file()


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
    first = _published(site)
    stale = first / "cip_core-0.0.9+hdeadbeef-py3-none-any.whl"
    stale.write_text("old core", "utf-8")
    assert install_runtime(source, site) == []
    assert not stale.exists()  # a file the bundle does not hold is removed
    # A new bundle (another manifest): a new folder, every file copied, the old folder gone.
    (source / "manifest.json").write_text("{}", "utf-8")
    assert len(install_runtime(source, site)) == len(BUNDLE) - 1
    assert _published(site).name == runtime_version(source) != first.name
    assert not first.exists()


def test_service_worker_names_this_runtime(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "build" / "runtime")
    site = tmp_path / "site"
    (site / "assets" / "calculator").mkdir(parents=True)
    (site / "assets" / "calculator" / "app.js").write_text("1", "utf-8")
    install_runtime(bundle, site)
    text = (site / "sw.js").read_text("utf-8")
    assert "__CIP_BUILD__" not in text
    described = _sw_build(site)
    assert described["runtime"] == runtime_version(bundle)
    assert described["files"] == {
        "assets/calculator/app.js": hashlib.sha256(b"1").hexdigest()
    }  # the runtime is not listed there: its own manifest lists it
    # A new runtime (another manifest) gives another runtime version and build version.
    (bundle / "manifest.json").write_text(json.dumps({"wheel": "other.whl"}), "utf-8")
    install_runtime(bundle, site)
    again = _sw_build(site)
    assert again["runtime"] != described["runtime"]
    assert again["version"] != described["version"]
    # Any other file of the site changing changes the build version too.
    (site / "assets" / "calculator" / "app.js").write_text("2", "utf-8")
    install_runtime(bundle, site)
    assert _sw_build(site)["version"] != again["version"]

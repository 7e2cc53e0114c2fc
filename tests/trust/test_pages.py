"""Every built page, every language: axe-core in both palettes, 360 px width, privacy, policy.

One visit per page judges it on everything: axe in the light palette, then in the dark one
(Material switches without reloading), then the width at 360 px (the window narrowed, as a
phone turned upright would), then what it asked for and stored. The calculator page is visited
here too (before any answer) and again, answered, in test_calculator.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser

from tests.trust.checks import (
    DARK_SCHEME,
    LIGHT_SCHEME,
    horizontal_overflow,
    policy_problems,
    run_axe,
    storage_problems,
    switch_scheme,
)
from tests.trust.conftest import Contexts
from tests.trust.server import TrustServer
from tests.trust.site import LANGUAGES, SitePage
from tests.trust.watch import FIGURES

DESKTOP = {"width": 1280, "height": 720}
NARROW = {"width": 360, "height": 740}


@dataclass
class Findings:
    """What one visit of every page found, by kind."""

    light: list[str] = field(default_factory=list)
    dark: list[str] = field(default_factory=list)
    width: list[str] = field(default_factory=list)
    policy: list[str] = field(default_factory=list)
    privacy: list[str] = field(default_factory=list)
    visited: int = 0


@pytest.fixture(scope="module")
def findings(browser: Browser, server: TrustServer, pages: list[SitePage]) -> Iterator[Findings]:
    contexts = Contexts(browser, server.origin)
    context, watch = contexts.new(viewport=DESKTOP)
    page = context.new_page()
    found = Findings()
    for site_page in pages:
        console_before = len(watch.console)
        page.set_viewport_size(DESKTOP)
        page.goto(contexts.origin + site_page.path)
        page.wait_for_load_state("load")
        for wanted, problems in ((LIGHT_SCHEME, found.light), (DARK_SCHEME, found.dark)):
            where = f"{site_page.path} ({'dark' if wanted == DARK_SCHEME else 'light'})"
            if switch_scheme(page, wanted):
                problems += run_axe(page, where)
            else:
                problems.append(f"{where}: no palette with scheme {wanted!r} to switch to")
        page.set_viewport_size(NARROW)
        if overflow := horizontal_overflow(page):
            found.width.append(f"{site_page.path}: {overflow}px wider than {NARROW['width']}px")
        found.policy += policy_problems(page, site_page.path, watch.console[console_before:])
        found.privacy += storage_problems(page, site_page.path)
        found.visited += 1
    found.privacy += [f"request to another origin: {url}" for url in watch.foreign_requests()]
    if cookies := context.cookies():
        found.privacy.append(f"cookies set: {cookies}")
    yield found
    contexts.close()


def test_every_page_was_visited(findings: Findings, pages: list[SitePage]) -> None:
    for lang in LANGUAGES:
        FIGURES.pages[lang] = sum(1 for p in pages if p.lang == lang)
    assert findings.visited == len(pages)
    assert {p.lang for p in pages} == set(LANGUAGES)


def test_every_page_light_palette(findings: Findings) -> None:
    assert not findings.light, "\n".join(findings.light)


def test_every_page_dark_palette(findings: Findings) -> None:
    assert not findings.dark, "\n".join(findings.dark)


def test_no_page_scrolls_sideways_at_360px(findings: Findings) -> None:
    assert not findings.width, "\n".join(findings.width)


def test_no_page_breaks_the_policy_or_keeps_what_it_should_not(findings: Findings) -> None:
    problems = findings.policy + findings.privacy
    assert not problems, "\n".join(problems)

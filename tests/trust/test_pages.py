"""Every built page, every language: axe-core in both palettes, 360 px width, privacy, policy.

One visit per page judges it on everything: axe with ALL its rules (not only the WCAG tags) and
axe on the WCAG tags in the light palette, axe on the WCAG tags in the dark one (Material switches
without reloading), then the width at 360 px (the window narrowed, as a phone turned upright
would), then what it asked for and stored. The calculator page is visited here too (before any
answer) and again, answered, in test_calculator.py.

Among the rules outside the WCAG tags is aria-dialog-name: Material's search dialog had no
accessible name on every page until overrides/partials/search.html gave it one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.trust.checks import (
    AXE_PATH,
    BLOCKING_IMPACTS,
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
ALL_RULES = """async () => (await axe.run(document)).violations.map((v) => ({
  id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" "))}))"""


@dataclass
class Findings:
    """What one visit of every page found, by kind."""

    all_rules: list[str] = field(default_factory=list)
    dialog_labels: list[str | None] = field(default_factory=list)
    light: list[str] = field(default_factory=list)
    dark: list[str] = field(default_factory=list)
    width: list[str] = field(default_factory=list)
    policy: list[str] = field(default_factory=list)
    privacy: list[str] = field(default_factory=list)
    visited: int = 0


def every_rule(page: Page, where: str) -> list[str]:
    """axe-core with all its rules: the serious and critical violations, as readable lines."""
    page.add_script_tag(url=AXE_PATH)
    violations: list[dict[str, Any]] = page.evaluate(ALL_RULES)
    return [
        f"{where}: {v['id']} ({v['impact']}): {', '.join(v['nodes'][:3])}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


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
            if not switch_scheme(page, wanted):
                problems.append(f"{where}: no palette with scheme {wanted!r} to switch to")
                continue
            if wanted == LIGHT_SCHEME:
                found.all_rules += every_rule(page, site_page.path)
            problems += run_axe(page, where)
        found.dialog_labels = page.evaluate(
            "[...document.querySelectorAll('[role=dialog]')].map(d => d.getAttribute('aria-label'))"
        )
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


def test_every_page_passes_every_axe_rule(findings: Findings) -> None:
    assert findings.dialog_labels and all(findings.dialog_labels), findings.dialog_labels
    assert not findings.all_rules, "\n".join(findings.all_rules)


def test_every_page_light_palette(findings: Findings) -> None:
    assert not findings.light, "\n".join(findings.light)


def test_every_page_dark_palette(findings: Findings) -> None:
    assert not findings.dark, "\n".join(findings.dark)


def test_no_page_scrolls_sideways_at_360px(findings: Findings) -> None:
    assert not findings.width, "\n".join(findings.width)


def test_no_page_breaks_the_policy_or_keeps_what_it_should_not(findings: Findings) -> None:
    problems = findings.policy + findings.privacy
    assert not problems, "\n".join(problems)

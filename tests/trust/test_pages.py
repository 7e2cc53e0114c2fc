"""Every built page, both languages: axe-core in both palettes, 360 px width, privacy, policy.

One pass per palette visits every page once and judges it on everything; the calculator page is
visited here too (before any answer) and again, answered, in test_calculator.py.
"""

from __future__ import annotations

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
from tests.trust.site import LANGUAGES, SitePage
from tests.trust.watch import FIGURES

NARROW = {"width": 360, "height": 740}


def visit_all(
    contexts: Contexts, pages: list[SitePage], dark: bool, viewport: dict[str, int] | None = None
) -> tuple[list[str], list[str], list[str], list[str]]:
    """(axe problems, policy problems, privacy problems, width problems) over every page."""
    context, watch = contexts.new(viewport=viewport) if viewport else contexts.new()
    page = context.new_page()
    axe, policy, privacy, width = [], [], [], []
    for site_page in pages:
        where = f"{site_page.path} ({'dark' if dark else 'light'})"
        console_before = len(watch.console)
        page.goto(contexts.origin + site_page.path)
        page.wait_for_load_state("load")
        wanted = DARK_SCHEME if dark else LIGHT_SCHEME
        if not switch_scheme(page, wanted):
            axe.append(f"{where}: no palette with scheme {wanted!r} to switch to")
            break
        if viewport:
            if overflow := horizontal_overflow(page):
                width.append(f"{site_page.path}: {overflow}px wider than {viewport['width']}px")
        else:
            axe += run_axe(page, where)
        policy += policy_problems(page, where, watch.console[console_before:])
        privacy += storage_problems(page, where)
    privacy += [f"request to another origin: {url}" for url in watch.foreign_requests()]
    if cookies := context.cookies():
        privacy.append(f"cookies set: {cookies}")
    return axe, policy, privacy, width


def test_every_page_light_palette(contexts: Contexts, pages: list[SitePage]) -> None:
    for lang in LANGUAGES:
        FIGURES.pages[lang] = sum(1 for p in pages if p.lang == lang)
    axe, policy, privacy, _ = visit_all(contexts, pages, dark=False)
    assert not axe + policy + privacy, "\n".join(axe + policy + privacy)


def test_every_page_dark_palette(contexts: Contexts, pages: list[SitePage]) -> None:
    axe, policy, privacy, _ = visit_all(contexts, pages, dark=True)
    assert not axe + policy + privacy, "\n".join(axe + policy + privacy)


def test_no_page_scrolls_sideways_at_360px(contexts: Contexts, pages: list[SitePage]) -> None:
    _, policy, privacy, width = visit_all(contexts, pages, dark=False, viewport=NARROW)
    assert not width + policy + privacy, "\n".join(width + policy + privacy)

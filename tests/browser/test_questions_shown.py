"""Ask only what applies (questions.toml asked_if) and read values as the core reads them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PAGES, Watch, answers_shown, wait_answered, wait_next_answer
from tests.browser.site_server import SiteServer
from tests.build_languages import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_is_asked_only_for_a_brussels_stage(
    watched_page: tuple[Page, Watch], site_server: SiteServer, lang: str
) -> None:
    page, watch = watched_page
    # The URL holds a language answer, but the stage is in Wallonia: not asked, not sent.
    page.goto(
        f"{site_server.origin}{PAGES[lang]}?workplace_region=wallonia&trainee_region=brussels"
        "&language=nl"
    )
    assert wait_answered(page) == "answered"
    expect(page.locator("#cip-q-language")).to_be_hidden()
    expect(page.locator("#cip-q-workplace_region")).to_be_visible()
    missing = page.evaluate("window.cipChecker.lastResult.missing")
    assert "language" not in missing and "start_date" in missing
    assert page.locator("#cip-result a[href='#cip-q-language']").count() == 0
    # Choosing Brussels asks it (the answer the address kept comes back), then Wallonia hides it.
    before = answers_shown(page)
    page.locator("label[for=cip-workplace_region-brussels]").click()
    wait_next_answer(page, before)
    expect(page.locator("#cip-q-language")).to_be_visible()
    assert page.locator("#cip-language-nl").is_checked()
    assert page.evaluate("window.cipChecker.lastResult.body.code") == "vdab"
    before = answers_shown(page)
    page.locator("label[for=cip-workplace_region-wallonia]").click()
    wait_next_answer(page, before)
    expect(page.locator("#cip-q-language")).to_be_hidden()
    assert page.evaluate("window.cipChecker.lastResult.body.code") == "forem"
    assert watch.page_errors == []


@pytest.mark.parametrize(
    ("raw", "checked"),
    [
        ("%1Cyes", None),  # JS trim() keeps \x1c, Python strip() drops it: neither does now
        ("%EF%BB%BFyes", None),  # JS trim() drops U+FEFF, Python keeps it: neither does now
        ("%E2%80%83yes%C2%A0", "yes"),  # em space and no-break space: White_Space, stripped
    ],
)
def test_the_form_shows_what_the_core_read(
    watched_page: tuple[Page, Watch], site_server: SiteServer, raw: str, checked: str | None
) -> None:
    page, _ = watched_page
    page.goto(f"{site_server.origin}{PAGES['fr']}?workplace_region=brussels&jobseeker={raw}")
    state = wait_answered(page)
    radios = page.locator("input[name=jobseeker]:checked")
    if checked is None:
        # The core refuses the value; no radio claims an answer, the message sits beside it.
        assert state == "input_error"
        assert radios.count() == 0
        expect(page.locator("#cip-error-jobseeker")).to_be_visible()
    else:
        assert state == "answered"
        assert radios.count() == 1 and radios.first.get_attribute("value") == checked

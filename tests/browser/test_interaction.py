"""Typing in the form: the answer and the URL follow; the core's messages sit beside the field."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from cip_core import InputError, parse_case
from tests.browser.conftest import (
    PAGES,
    Watch,
    answers_shown,
    wait_answered,
    wait_next_answer,
)
from tests.browser.site_server import SiteServer
from tests.browser.test_differential import cip_check
from tests.build_languages import LANGUAGES


def core_message(field: str, value: str, lang: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_case({field: value}, lang)
    return " ".join(e.message for e in caught.value.errors if e.field == field)


def url_case(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_typing_updates_answer_and_url(
    watched_page: tuple[Page, Watch], site_server: SiteServer, lang: str
) -> None:
    page, watch = watched_page
    page.goto(site_server.origin + PAGES[lang])
    expect(page.locator("#cip-checker")).to_be_visible()
    # No answer yet: the page waits for answers, or says the checker is starting (#11).
    assert page.locator("#cip-result").get_attribute("data-state") in {"waiting", "loading"}

    before = answers_shown(page)
    page.locator("label[for=cip-workplace_region-brussels]").click()
    assert wait_next_answer(page, before, timeout_s=60) == "answered"
    assert page.locator("#cip-result").get_attribute("data-verdict") == "incomplete"
    assert url_case(page) == {"workplace_region": ["brussels"]}

    answers = {
        "start_date": "2026-01-05",
        "duration_months": "3",
        "weekly_hours": "19",
        "age": "17",
        "monthly_allowance": "900",
    }
    for name, value in answers.items():
        page.fill(f"#cip-{name}", value)
    for name in ("language-fr", "employment_contract-no", "short_study_internship-no",
                 "diploma_curriculum-no", "regulated_profession-no"):  # fmt: skip
        page.check(f"#cip-{name}")
    # A choice is answered at once (no debounce): wait until the newest question has its answer.
    page.wait_for_selector("#cip-result:not([aria-busy])", state="attached")
    case = {
        "workplace_region": "brussels",
        **answers,
        "language": "fr",
        "employment_contract": "no",
        "short_study_internship": "no",
        "diploma_curriculum": "no",
        "regulated_profession": "no",
    }
    assert url_case(page) == {name: [value] for name, value in case.items()}
    _, expected = cip_check(case, lang)
    assert page.evaluate("window.cipChecker.lastResult") == expected
    assert (
        page.locator("#cip-result").get_attribute("data-minimum")
        == (expected["allowance"]["minimum"])
    )

    # A negative allowance: the core's own sentence appears beside the field, then goes away.
    before = answers_shown(page)
    page.fill("#cip-monthly_allowance", "-5")
    assert wait_next_answer(page, before) == "input_error"
    field = page.locator("#cip-monthly_allowance")
    error = page.locator("#cip-error-monthly_allowance")
    expect(error).to_be_visible()
    assert error.inner_text() == core_message("monthly_allowance", "-5", lang)
    assert field.get_attribute("aria-invalid") == "true"
    assert "cip-error-monthly_allowance" in (field.get_attribute("aria-describedby") or "")
    assert url_case(page)["monthly_allowance"] == ["-5"]

    before = answers_shown(page)
    page.fill("#cip-monthly_allowance", "1200")
    assert wait_next_answer(page, before) == "answered"
    expect(error).to_be_hidden()
    assert field.get_attribute("aria-invalid") is None
    assert "cip-error-monthly_allowance" not in (field.get_attribute("aria-describedby") or "")

    # "I don't know" removes the answer from the URL again.
    before = answers_shown(page)
    page.check("#cip-language-unknown")
    wait_next_answer(page, before)
    assert "language" not in url_case(page)
    assert watch.foreign == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_impossible_date_in_url_is_shown_beside_its_field(
    watched_page: tuple[Page, Watch], site_server: SiteServer, lang: str
) -> None:
    page, _ = watched_page
    page.goto(f"{site_server.origin}{PAGES[lang]}?workplace_region=brussels&start_date=2021-02-30")
    assert wait_answered(page) == "input_error"
    error = page.locator("#cip-error-start_date")
    expect(error).to_be_visible()
    assert error.inner_text() == core_message("start_date", "2021-02-30", lang)
    assert page.locator("#cip-start_date").get_attribute("aria-invalid") == "true"
    # The summary in the result links to the field and moves the focus there.
    page.locator("#cip-result .cip-error-list a").first.click()
    expect(page.locator("#cip-start_date")).to_be_focused()


def test_missing_answers_link_to_their_questions(
    watched_page: tuple[Page, Watch], site_server: SiteServer
) -> None:
    page, _ = watched_page
    page.goto(f"{site_server.origin}{PAGES['fr']}?workplace_region=brussels")
    wait_answered(page)
    links = page.locator("#cip-result .cip-missing a")
    assert links.count() == len(page.evaluate("window.cipChecker.lastResult.missing"))
    links.filter(has_text="Âge").click()
    expect(page.locator("#cip-age")).to_be_focused()


def test_repeated_keys_in_the_url(
    watched_page: tuple[Page, Watch], site_server: SiteServer
) -> None:
    page, _ = watched_page
    # The same value twice is one answer; two different values are the core's conflict error.
    page.goto(f"{site_server.origin}{PAGES['fr']}?age=30&age=30&workplace_region=wallonia")
    assert wait_answered(page) == "answered"
    before = answers_shown(page)
    page.evaluate("q => window.cipChecker.evaluateQuery(q)", "age=30&age=31")
    assert wait_next_answer(page, before) == "input_error"
    errors = page.evaluate("window.cipChecker.lastErrors")
    assert [e["code"] for e in errors] == ["conflicting_values"]
    assert url_case(page) == {"age": ["30", "31"]}


def test_copy_link_and_print_buttons(
    watched_page: tuple[Page, Watch], site_server: SiteServer
) -> None:
    page, _ = watched_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.origin)
    page.goto(
        f"{site_server.origin}{PAGES['nl']}?workplace_region=flanders&trainee_region=flanders"
    )
    wait_answered(page)
    page.click("#cip-copy")
    expect(page.locator("#cip-copy-status")).not_to_be_empty()
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    # Print: the stylesheet for print hides the form and the site's chrome, keeps the answer.
    page.emulate_media(media="print")
    try:
        expect(page.locator("#cip-checker")).to_be_hidden()
        expect(page.locator(".md-header")).to_be_hidden()
        expect(page.locator("#cip-result .cip-verdict")).to_be_visible()
        expect(page.locator("#cip-result .cip-print-only")).to_be_visible()
    finally:
        page.emulate_media(media="screen")
    expect(page.locator("#cip-result .cip-print-only")).to_be_hidden()


def test_reminder_bar_on_a_phone(chromium_browser: Any, site_server: SiteServer) -> None:
    """At 360 px the answer sits below the long form: a bar keeps the verdict in sight."""
    context = chromium_browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(
            f"{site_server.origin}{PAGES['fr']}?workplace_region=wallonia&trainee_region=wallonia&employer_seat_brussels=no"
        )
        wait_answered(page)
        bar = page.locator("#cip-bar")
        page.locator("#cip-age").scroll_into_view_if_needed()
        expect(bar).to_be_visible()
        expect(bar).to_contain_text(page.locator("#cip-result .cip-verdict-title").inner_text())
        bar.locator("a").click()
        expect(page.locator("#cip-result .cip-verdict")).to_be_in_viewport()
        expect(bar).to_be_hidden()
    finally:
        context.close()

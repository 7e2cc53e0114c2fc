"""The checker as a conversation (issue #11, items 2-7 and 9), in every language of the build:
honest loading, calm typing, one live line, mistakes that keep the answer, answers that travel
with the links, a lost connection with a retry, no layout shift, the phone flow."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from cip_core.messages import lookup
from tests.browser.cases import BRUSSELS
from tests.browser.conftest import (
    PAGES,
    answers_shown,
    new_watched_page,
    show_case,
    touched,
    wait_answered,
    wait_next_answer,
)
from tests.browser.site_server import SiteServer
from tests.browser.test_differential import cip_check
from tests.build_languages import LANGUAGES, prefix, sentence_start

LANGS = list(LANGUAGES)
WASM = "**/assets/pyodide/*/pyodide.asm.wasm"  # the runtime sits in a versioned folder
# Every page of the sheet, both languages (mkdocs.yml nav).
SHEET = ["", "conditions/", "indemnite/", "activites-exclues/", "avant-le-stage/",
         "allocations/", "informations/", "autres-formules/", "calculateur/"]  # fmt: skip
CLS_SCRIPT = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.fixture
def fresh(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Any]:
    """Opens pages in new contexts (nothing cached, no service worker); closes them after."""
    contexts: list[Any] = []

    def open_page(**options: Any) -> Page:
        page, _ = new_watched_page(chromium_browser, site_server.origin, **options)
        contexts.append(page.context)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def open_page(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    """One page for the tests that are not about loading: each case is shown on it with
    `show_case` (the page's own query door once it has started), so Python starts once per
    language rather than once per test."""
    page, watch = new_watched_page(chromium_browser, site_server.origin)
    yield page
    watch.assert_clean()
    page.context.close()


@pytest.fixture
def shared(open_page: Page) -> Page:
    open_page.set_viewport_size({"width": 1280, "height": 720})  # Playwright's default
    return open_page


def url(site_server: SiteServer, lang: str, case: dict[str, str] | None = None) -> str:
    return site_server.origin + PAGES[lang] + (f"?{urlencode(case)}" if case else "")


def result_attr(page: Page, name: str) -> str | None:
    return page.locator("#cip-result").get_attribute(f"data-{name}")


# --- 2. honest loading -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, scope="module")
def test_loading_says_what_happens_and_answers_on_its_own(
    fresh: Any, site_server: SiteServer, lang: str
) -> None:
    page = fresh(viewport={"width": 360, "height": 640})
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    # ~3 MB/s: the runtime takes a few seconds, long enough to see the bar move by bytes.
    conditions = {"offline": False, "latency": 20, "uploadThroughput": 1_000_000}
    cdp.send("Network.emulateNetworkConditions", {**conditions, "downloadThroughput": 3_000_000})
    page.goto(url(site_server, lang, BRUSSELS))
    expected = {lang: sentence_start(lang, "ui", "loadingWithAnswers")}
    seen: set[int] = set()
    bar_seen = False
    while True:
        state, text = page.evaluate(
            "() => { const r = document.getElementById('cip-result');"
            " return [r.dataset.state, r.innerText]; }"
        )
        if state != "loading":
            break
        assert text.startswith(expected[lang]), text
        seen.add(int(re.findall(r"(\d+)\s*%", text)[-1]))
        if not bar_seen:
            # On a phone the status line is out of sight once the form is: the bar carries it.
            page.locator("#cip-age").scroll_into_view_if_needed()
            bar = page.locator("#cip-bar")
            bar_seen = bar.is_visible() and "%" in bar.inner_text()
        page.wait_for_timeout(100)
    # The bar followed the bytes (several steps between start and ready), and the answer came
    # without any click.
    assert len([p for p in seen if 0 < p < 90]) >= 3, sorted(seen)
    assert bar_seen
    assert wait_answered(page) == "answered"
    assert page.evaluate("window.cipChecker.lastResult") == cip_check(BRUSSELS, lang)[1]


# --- 3. calm typing, one live line ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, scope="module")
def test_no_verdict_while_a_number_is_partly_typed(
    shared: Page, site_server: SiteServer, lang: str
) -> None:
    page = shared
    case = {**BRUSSELS, "age": "17"}
    del case["monthly_allowance"]
    assert show_case(page, site_server.origin, lang, case) == "answered"
    before = answers_shown(page)
    field = page.locator("#cip-monthly_allowance")
    field.click()
    page.keyboard.type("9")
    page.wait_for_timeout(600)  # a reader's hesitation between two digits
    assert answers_shown(page) == before, "the page answered while '9' of '900' was typed"
    assert result_attr(page, "verdict") != "not_eligible"
    page.keyboard.type("00")
    page.keyboard.press("Tab")  # leaving the field answers at once
    assert wait_next_answer(page, before) == "answered"
    assert page.evaluate("window.cipChecker.lastResult.allowance.offered") == "900.00"
    assert result_attr(page, "verdict") == "eligible"
    # "9" alone is below the minimum: had it been answered, the verdict would have been "no".
    _, nine = cip_check({**case, "monthly_allowance": "9"}, lang)
    assert nine["verdict"] == "not_eligible"


@pytest.mark.parametrize("lang", LANGS, scope="module")
def test_the_live_region_holds_only_the_verdict_line(
    shared: Page, site_server: SiteServer, lang: str
) -> None:
    page = shared
    assert show_case(page, site_server.origin, lang, BRUSSELS) == "answered"
    title = page.locator("#cip-result .cip-verdict-title").inner_text()
    live = page.locator("#cip-calculator [aria-live]")
    assert live.count() == 1
    assert live.get_attribute("id") == "cip-live"
    assert live.inner_text() == title
    # The details are plain content: no live region, status or alert inside the answer.
    assert page.locator("#cip-result[aria-live], #cip-result [aria-live]").count() == 0
    assert page.locator("#cip-result [role=status], #cip-result [role=alert]").count() == 0
    touched(page)  # an observer of our own on the page
    page.evaluate(
        """() => { window.__liveChanges = 0;
        new MutationObserver(() => window.__liveChanges++).observe(
          document.getElementById('cip-live'),
          {childList: true, characterData: true, subtree: true}); }"""
    )
    # Another amount with the same verdict: the details change, the live line does not.
    before = answers_shown(page)
    page.fill("#cip-monthly_allowance", "1300")
    page.keyboard.press("Tab")
    wait_next_answer(page, before)
    assert page.evaluate("window.__liveChanges") == 0
    # A new verdict: announced once.
    before = answers_shown(page)
    page.fill("#cip-monthly_allowance", "100")
    page.keyboard.press("Tab")
    wait_next_answer(page, before)
    assert result_attr(page, "verdict") == "not_eligible"
    assert page.evaluate("window.__liveChanges") >= 1
    assert live.inner_text() == page.locator("#cip-result .cip-verdict-title").inner_text()


# --- 4. mistakes keep the answer ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, scope="module")
@pytest.mark.parametrize("duration", ["six mois", "abc"])  # "6 mois" is read (#9)
def test_a_bad_duration_keeps_body_and_minimum(
    shared: Page, site_server: SiteServer, lang: str, duration: str
) -> None:
    page = shared
    case = {**BRUSSELS, "duration_months": duration}
    assert show_case(page, site_server.origin, lang, case) == "input_error"
    expect(page.locator("#cip-error-duration_months")).to_be_visible()
    # The rest of the answer is the core's answer without the bad field.
    rest = {k: v for k, v in BRUSSELS.items() if k != "duration_months"}
    _, expected = cip_check(rest, lang)
    assert page.evaluate("window.cipChecker.lastResult") == expected
    assert result_attr(page, "body") == expected["body"]["code"] == "bruxelles_formation"
    assert result_attr(page, "minimum") == expected["allowance"]["minimum"]
    # The answer's card (after the errors' card) keeps the body, the figure to pay, the steps.
    card = page.locator("#cip-result .cip-verdict:not(.cip-verdict--error)")
    expect(card.locator(".cip-card-body")).to_contain_text(expected["body"]["name"])
    expect(card.locator(".cip-pay")).to_be_visible()
    expect(card.locator(".cip-steps li")).to_have_count(len(expected["steps"]))
    allowance = page.locator("#cip-result .cip-part--allowance")
    allowance.locator("summary").click()
    expect(allowance.locator(".cip-minimum")).to_contain_text(
        expected["allowance"]["display"]["minimum"]
    )
    # The bad field counts as missing, and its message sits beside it.
    assert "duration_months" in expected["missing"]


# --- 5. the answers travel ----------------------------------------------------------------------


def shown_answer(page: Page) -> dict[str, Any]:
    return {
        "case": parse_qs(urlsplit(page.url).query),
        "verdict": result_attr(page, "verdict"),
        "body": result_attr(page, "body"),
        "minimum": result_attr(page, "minimum"),
        "form": page.evaluate(
            "() => [...document.getElementById('cip-checker').elements]"
            ".filter(c => c.name && (c.type !== 'radio' || c.checked)).map(c => [c.name, c.value])"
        ),
    }


@pytest.mark.parametrize("lang", LANGS, scope="module")
def test_the_language_switch_keeps_the_answer(
    fresh: Any, site_server: SiteServer, lang: str
) -> None:
    other = LANGS[(LANGS.index(lang) + 1) % len(LANGS)]
    page = fresh()
    page.goto(url(site_server, lang, {**BRUSSELS, "age": "17"}))
    assert wait_answered(page) == "answered"
    before = answers_shown(page)
    page.fill("#cip-weekly_hours", "19")  # a change made in the page travels too
    page.keyboard.press("Tab")
    wait_next_answer(page, before)
    here = shown_answer(page)
    page.locator(f"a.md-select__link[hreflang={other}]").evaluate("a => a.click()")
    page.wait_for_url(f"**{PAGES[other]}?*")
    assert wait_answered(page) == "answered"
    there = shown_answer(page)
    assert there == here
    case = {name: values[0] for name, values in here["case"].items()}
    assert page.evaluate("window.cipChecker.lastResult") == cip_check(case, other)[1]


def test_links_between_the_sheet_and_the_calculator_keep_the_case(
    fresh: Any, site_server: SiteServer
) -> None:
    page = fresh()
    page.goto(url(site_server, "fr", BRUSSELS))
    assert wait_answered(page) == "answered"
    here = shown_answer(page)
    page.locator(".md-nav--primary a.md-nav__link[href^='../indemnite/']").first.click()
    page.wait_for_url("**/indemnite/?*")
    assert parse_qs(urlsplit(page.url).query) == here["case"]
    page.locator(".md-nav--primary a.md-nav__link[href^='../calculateur/']").first.click()
    page.wait_for_url("**/calculateur/?*")
    assert wait_answered(page) == "answered"
    assert shown_answer(page) == here
    # Nothing of the case is written to storage (Material keeps only its palette there).
    stored = page.evaluate("JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert "brussels" not in stored and "monthly_allowance" not in stored, stored


# --- 6. a lost connection ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, scope="module")
def test_network_failure_then_retry_answers(fresh: Any, site_server: SiteServer, lang: str) -> None:
    page = fresh()
    page.context.route(WASM, lambda route: route.abort("internetdisconnected"))
    page.goto(url(site_server, lang, BRUSSELS))
    retry = page.locator("#cip-retry")
    expect(retry).to_be_visible(timeout=60_000)
    expect(retry).to_have_text(lookup(lang, "ui", "retry"))
    words = {lang: sentence_start(lang, "ui", "networkFailure")}
    expect(page.locator("#cip-result")).to_contain_text(words[lang])
    expect(page.locator("#cip-checker")).to_be_visible()  # the form stays
    expect(page.locator("#cip-failure")).to_be_hidden()
    # The answers stay in the address.
    assert parse_qs(urlsplit(page.url).query) == {k: [v] for k, v in BRUSSELS.items()}
    page.context.unroute(WASM)
    retry.click()
    assert wait_answered(page) == "answered"
    assert page.evaluate("window.cipChecker.lastResult") == cip_check(BRUSSELS, lang)[1]


# --- 7. no layout shift ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, scope="module")
def test_no_layout_shift_on_any_page(fresh: Any, site_server: SiteServer, lang: str) -> None:
    page = fresh(viewport={"width": 412, "height": 915})
    page.add_init_script(CLS_SCRIPT)
    home = "/" + prefix(lang)
    shifts = {}
    for path in SHEET:
        for query in [""] if path != "calculateur/" else ["", "?" + urlencode(BRUSSELS)]:
            page.goto(site_server.origin + home + path + query)
            if path == "calculateur/":
                page.wait_for_selector(
                    "#cip-calculator[data-stage=ready]", state="attached", timeout=60_000
                )
                if query:
                    wait_answered(page)
            page.wait_for_timeout(300)
            shifts[path + query[:20]] = page.evaluate("window.__cls")
    assert all(value <= 0.02 for value in shifts.values()), shifts


# --- 9. the phone flow -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, scope="module")
def test_home_page_checker_button_is_on_the_first_phone_screen(
    fresh: Any, site_server: SiteServer, lang: str
) -> None:
    page = fresh(viewport={"width": 360, "height": 640})
    page.goto(site_server.origin + "/" + prefix(lang))
    button = page.locator(".md-content a.md-button--primary[href*='calculateur']")
    box = button.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 640, box


@pytest.mark.parametrize("lang", LANGS, scope="module")
def test_phone_jump_to_answer_and_summary_with_change_links(
    shared: Page, site_server: SiteServer, lang: str
) -> None:
    page = shared
    page.set_viewport_size({"width": 360, "height": 640})
    assert show_case(page, site_server.origin, lang, BRUSSELS) == "answered"
    page.locator("#cip-start_date").scroll_into_view_if_needed()
    bar = page.locator("#cip-bar")
    expect(bar).to_be_visible()
    bar.locator("a").click()  # one tap from the form to the answer
    expect(page.locator("#cip-result .cip-verdict")).to_be_in_viewport()
    # "What you told us" (not the form's title), folded after the card (issue 20).
    summary = page.locator("#cip-result .cip-part--answers")
    expect(summary.locator("summary")).to_contain_text(lookup(lang, "ui", "recap"))
    summary.locator("summary").click()
    rows = summary.locator(".cip-answer-row")
    assert rows.count() == len(BRUSSELS)
    # Each question's short name from the catalogue; each row's link goes back to its question.
    first = rows.filter(has=page.locator("a[href='#cip-q-duration_months']"))
    label = lookup(lang, "questions", "duration_months", "short")
    expect(first.locator("dt")).to_have_text(label)
    expect(first.locator("dd").first).to_have_text("3")
    first.locator("a").click()
    expect(page.locator("#cip-duration_months")).to_be_focused()
    # The verdict card comes first, the recap after it (issue 20: the answer first).
    order = page.evaluate(
        "() => [...document.querySelectorAll('#cip-result > *')].map(e => e.className)"
    )
    assert order[0].startswith("cip-verdict")
    assert order.index("cip-part cip-part--answers") > 0

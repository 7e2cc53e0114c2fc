"""The calculator answered in each verdict state: axe in both palettes, width, privacy, policy;
a keyboard-only session; and Pyodide's worker under the same policy sent as a header.

Every page load starts Pyodide afresh (a new worker: 3 to 8 s here), so each language's page is
opened once from a permalink, and the other verdicts' permalink queries are then answered in
that page through the page's own `cipChecker.evaluateQuery()` (the code path a permalink takes:
read the query, fill the form, answer, rewrite the URL). Each state is judged on everything.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import pytest
from playwright.sync_api import Page

from cip_core.messages import LANGUAGES
from tests.core.golden import load_cases
from tests.trust.checks import (
    DARK_SCHEME,
    LIGHT_SCHEME,
    horizontal_overflow,
    policy_problems,
    run_axe,
    scheme,
    storage_problems,
    switch_scheme,
)
from tests.trust.conftest import Contexts
from tests.trust.server import TrustServer
from tests.trust.site import SitePage
from tests.trust.watch import FIGURES

# One golden case (tests/core/golden_cases.toml) per verdict the calculator can show.
VERDICT_CASES = {
    "eligible": "brussels_french_application",
    "not_eligible": "seed_autumn_2021_fr_text",
    "refer": "refer_needs_nothing_else",
    "incomplete": "only_offer_missing",
}
ANSWER_TIMEOUT_MS = 60_000
DESKTOP = {"width": 1280, "height": 800}


def calculator(pages: list[SitePage], lang: str) -> SitePage:
    found = [p for p in pages if p.is_calculator and p.lang == lang]
    assert found, f"no calculator page in {lang}"
    return found[0]


def permalink(verdict: str) -> str:
    case = next(c for c in load_cases() if c["name"] == VERDICT_CASES[verdict])
    assert case["expect"]["verdict"] == verdict, f"golden case {case['name']} changed verdict"
    return urlencode({k: v for k, v in case["input"].items() if v != ""})


def wait_for_answer(page: Page) -> str:
    page.wait_for_selector("#cip-result[data-state='answered']", timeout=ANSWER_TIMEOUT_MS)
    verdict: str = page.get_attribute("#cip-result", "data-verdict") or ""
    return verdict


def test_calculator_in_every_verdict_state(contexts: Contexts, pages: list[SitePage]) -> None:
    context, watch = contexts.new(viewport=DESKTOP)
    page = context.new_page()
    problems: list[str] = []
    for lang in LANGUAGES:
        path = calculator(pages, lang).path
        for number, verdict in enumerate(VERDICT_CASES):
            where = f"{path} {verdict}"
            console_before = len(watch.console)
            query = permalink(verdict)
            if number == 0:
                page.goto(f"{contexts.origin}{path}?{query}")
                shown = wait_for_answer(page)
            else:
                answer = page.evaluate("(q) => window.cipChecker.evaluateQuery(q)", query)
                shown = wait_for_answer(page) if answer.get("type") == "result" else repr(answer)
                if parse_qs(page.evaluate("location.search.slice(1)")) != parse_qs(query):
                    problems.append(f"{where}: the URL is not the permalink of the answer")
            if shown != verdict:
                problems.append(f"{where}: the page shows {shown!r}")
            first = scheme(page) or LIGHT_SCHEME
            for palette in (first, DARK_SCHEME if first != DARK_SCHEME else LIGHT_SCHEME):
                if not switch_scheme(page, palette):
                    problems.append(f"{where}: no {palette!r} palette to switch to")
                    continue
                problems += run_axe(page, f"{where} ({palette})")
            page.set_viewport_size({"width": 360, "height": 740})
            if overflow := horizontal_overflow(page):
                problems.append(f"{where}: {overflow}px wider than a 360px screen")
            page.set_viewport_size(DESKTOP)
            problems += policy_problems(page, where, watch.console[console_before:])
            problems += storage_problems(page, where)
    problems += [f"request to another origin: {url}" for url in watch.foreign_requests()]
    if cookies := context.cookies():
        problems.append(f"cookies set: {cookies}")
    # The watch must see what the worker fetches, or "no foreign request" would prove nothing.
    for seen, by in ((watch.requests, "request events"), (watch.routed, "the route")):
        if not any(url.endswith(".wasm") for url in seen):
            problems.append(f"{by} did not see the worker fetch Pyodide's .wasm")
    assert not problems, "\n".join(problems)


# --- keyboard only ---------------------------------------------------------------------------

# Focus must change how the element (its label, next sibling or parent) looks: outline, shadow,
# colours or underline. Every focusable element's look is kept before the first Tab (REST) and
# compared with its look while it has the focus (FOCUS_INFO).
LOOK = """(el) => {
  document.getAnimations().forEach((a) => a.finish());  // colour transitions: their end state
  const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  return [el, label, el.nextElementSibling, el.parentElement].map((node) => {
    if (!node) return "";
    const s = getComputedStyle(node);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
            s.color, s.textDecorationLine, s.borderColor].join("|");
  }).join("#");
}"""

REST = (
    """() => {
  const look = """
    + LOOK
    + """;
  window.__cipRest = new Map();
  window.__cipStops = new Map();  // element -> index of its first stop
  const focusable = "a[href], button, input, select, textarea, [tabindex]";
  for (const el of document.querySelectorAll(focusable)) window.__cipRest.set(el, look(el));
}"""
)

FOCUS_INFO = (
    """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const look = """
    + LOOK
    + """;
  const form = document.getElementById("cip-checker");
  if (!window.__cipStops.has(el)) window.__cipStops.set(el, window.__cipStops.size);
  return {
    seen: window.__cipStops.get(el),
    shows: window.__cipRest.get(el) !== look(el),
    key: el.name ? `${el.name}` : (el.id ? `#${el.id}` : el.tagName.toLowerCase()),
    id: el.id, name: el.name || "", type: el.type || "", tag: el.tagName.toLowerCase(),
    text: (el.textContent || "").trim().slice(0, 40),
    inForm: Boolean(form && form.contains(el)),
    order: form ? [...form.elements].indexOf(el) : -1,
  };
}"""
)

REACHABLE = """() => {
  const form = document.getElementById("cip-checker");
  const usable = (c) => c.name && !c.disabled && c.type !== "hidden" && c.getClientRects().length;
  return [...new Set([...form.elements].filter(usable).map((c) => c.name))];
}"""


def test_keyboard_only_reaches_every_control_and_announces_the_answer(
    contexts: Contexts, pages: list[SitePage]
) -> None:
    context, _ = contexts.new(viewport=DESKTOP)
    page = context.new_page()
    path = calculator(pages, "fr").path
    page.goto(f"{contexts.origin}{path}?{permalink('eligible')}")
    assert wait_for_answer(page) == "eligible"
    fields: list[str] = page.evaluate(REACHABLE)
    # #11: only the verdict line is announced (#cip-live); the details are plain content.
    region = page.evaluate(
        """() => { const box = document.getElementById("cip-result");
                   const live = document.getElementById("cip-live");
                   window.__cipRegion = box;
                   return [box.closest("[aria-live]") === null, live?.getAttribute("aria-live"),
                           live?.textContent === box.querySelector(".cip-verdict-title")
                             ?.textContent]; }"""
    )
    assert region == [True, "polite", True], f"the verdict line is not the live region {region}"
    before = page.inner_text("#cip-result")

    page.evaluate(REST)
    stops: list[dict[str, object]] = []
    tried_arrows = typed = False
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS_INFO)
        if info is None:
            continue
        if stops and info["seen"] == stops[0]["seen"]:
            break  # round the page once
        if any(info["seen"] == s["seen"] for s in stops):
            continue  # a date input's day, month, year: judged when focus enters it
        stops.append(info)
        if info["name"] == "workplace_region" and not tried_arrows:
            # Arrow keys move within a radio group; the URL follows the answer.
            tried_arrows = True
            page.keyboard.press("ArrowDown")
            page.wait_for_function("() => !location.search.includes('workplace_region=brussels')")
            page.keyboard.press("ArrowUp")
            page.wait_for_function("() => location.search.includes('workplace_region=brussels')")
        if info["name"] == "monthly_allowance" and not typed:
            typed = True
            page.keyboard.press("ControlOrMeta+a")
            page.keyboard.type("500")
        if info["id"] == "cip-print":
            break

    reached = {str(s["name"]) for s in stops if s["inForm"]}
    missing = [name for name in fields if name not in reached]
    assert not missing, f"Tab never reaches: {missing}"
    assert {"cip-copy", "cip-print"} <= {s["id"] for s in stops}, "Tab skips the buttons"
    order = [int(str(s["order"])) for s in stops if s["inForm"]]
    assert order == sorted(order), f"tab order differs from the form's order: {order}"
    unseen = [f"{s['tag']} {s['key']} {s['text']!r}" for s in stops if not s["shows"]]
    assert not unseen, "focus changes nothing visible on: " + "; ".join(unseen)
    FIGURES.notes.append(f"keyboard: {len(stops)} tab stops, {len(fields)} fields all reached")

    assert tried_arrows and typed, "the keyboard never reached the region or allowance questions"
    page.wait_for_function(
        "() => document.getElementById('cip-result').dataset.verdict === 'not_eligible'"
    )
    same_node = page.evaluate("document.getElementById('cip-result') === window.__cipRegion")
    assert same_node, "the live region was replaced, not updated (screen readers miss it)"
    after = page.inner_text("#cip-result")
    assert after != before and re.search(r"\S", after), "the result's text did not change"
    announced = page.inner_text("#cip-live")
    assert announced == page.inner_text("#cip-result .cip-verdict-title"), announced


# --- the worker under a header policy --------------------------------------------------------


def meta_policy(site: Path, page: SitePage) -> str:
    html = (site / page.path.lstrip("/") / "index.html").read_text(encoding="utf-8")
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found, f"no CSP meta in {page.path}"
    return found.group(1)


@pytest.mark.parametrize("wasm_allowed", [True, False], ids=["policy", "without-wasm-eval"])
def test_pyodide_worker_under_the_policy_as_a_header(
    contexts: Contexts, pages: list[SitePage], server: TrustServer, site: Path, wasm_allowed: bool
) -> None:
    """A same-origin worker ignores the page's <meta>: only a header reaches it.

    With the site's policy sent as a header (as a host that can send headers would), Pyodide
    must still answer with zero violations; without 'wasm-unsafe-eval' the worker's WebAssembly
    compile must be refused (Chromium reports the worker's console to the page), which shows
    that the header does govern the worker and that 'wasm-unsafe-eval' is what Pyodide needs,
    not 'unsafe-eval'.
    """
    page_info = calculator(pages, "fr")
    policy = meta_policy(site, page_info) + "; frame-ancestors 'none'"
    if not wasm_allowed:
        policy = policy.replace(" 'wasm-unsafe-eval'", "")
    server.header_policy = policy
    try:
        context, watch = contexts.new(viewport=DESKTOP)
        page = context.new_page()
        page.goto(f"{contexts.origin}{page_info.path}?{permalink('eligible')}")
        if wasm_allowed:
            assert wait_for_answer(page) == "eligible"
            assert not policy_problems(page, "header policy", watch.console)
            return
        for _ in range(ANSWER_TIMEOUT_MS // 250):
            if any("WebAssembly" in line for line in watch.console):
                break
            page.wait_for_timeout(250)
        refused = [line for line in watch.console if "WebAssembly" in line]
        assert refused, f"no refused WebAssembly compile reported; console: {watch.console}"
        assert page.get_attribute("#cip-result", "data-verdict") is None
        FIGURES.notes.append(f"worker without 'wasm-unsafe-eval': {refused[0][:110]}…")
    finally:
        server.header_policy = None

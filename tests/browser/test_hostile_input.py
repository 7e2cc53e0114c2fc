"""Hostile query strings: the page always ends in a result or in field errors, never shows a
traceback, never turns input into markup or script, never opens a dialog."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from playwright.sync_api import Page

from cip_core.case import FIELD_NAMES
from tests.browser.conftest import ANSWERED, PAGES, Watch
from tests.build_languages import LANGUAGES

SEED = 20261127
COUNT = 240
PAYLOADS = [
    "", " ", "0", "-0", "-1", "-5", "+3", "1,5", "1.5", "1.5.5", "3,000.5", "1e3", "1e999",
    "NaN", "Infinity", "-Infinity", "0x10", "99999999999999999999999999", "0.0000001",
    "１２", "١٢", "۳", "2021-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "2026-1-5",
    "05/01/2026", "2026-01-05T00:00", "1900-01-01", "oui", "JA", "nee", "TRUE", "yes ", "maybe",
    "brussels", "BRUSSELS", "Bruxelles", "abroad", "mars", "fr", "nl", "xx", "cpas", "none",
    "<script>alert(1)</script>", '<img src=x onerror="window.__pwned=1;alert(1)">',
    '"><svg onload=alert(1)>', "javascript:alert(1)", "' OR 1=1 --", "{{7*7}}", "${7*7}",
    "</textarea><script>window.__pwned=2</script>", "&lt;b&gt;", "\u202e\u202dabc", "🙂",
    "é\u0301", "a\u0000b", "\r\nSet-Cookie: x=1", "%", "%zz", "%E0%A4%A", "A" * 201, "9" * 300,
    "<" * 5000, "x" * 20000,
]  # fmt: skip
YES_NO = ["yes", "no", "oui", "nee", "true", "0"]
PLAUSIBLE = {  # sensible values, so that many generated cases get through to a verdict
    "start_date": ["2026-01-05", "2025-03-01", "2021-09-01"],
    "duration_months": ["3", "6", "1,5", "12"],
    "weekly_hours": ["38", "19", "20.5"],
    "full_time_hours": ["38", "40"],
    "age": ["16", "17", "25"],
    "trainee_region": ["brussels", "flanders", "abroad"],
    "workplace_region": ["brussels", "wallonia", "german_community"],
    "language": ["fr", "nl"],
    "monthly_allowance": ["900", "1200,50", "0"],
    "benefits": ["none", "unemployment", "cpas"],
}
EXTRA_KEYS = ["lang", "__proto__", "constructor", "toString", "", "case", "id", "type"]
DANGEROUS = "script, iframe, object, embed, img, svg, style, link, base, meta, form, input"


def hostile_queries(count: int = COUNT, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            name = rng.choice([*FIELD_NAMES, *FIELD_NAMES, *EXTRA_KEYS])
            plausible = PLAUSIBLE.get(name, YES_NO if name in FIELD_NAMES else [""])
            value = rng.choice(plausible if rng.random() < 0.75 else PAYLOADS)
            encoded = quote(value, safe="") if rng.random() < 0.7 else value.replace("&", "%26")
            parts.append(f"{name}={encoded}")
            if rng.random() < 0.15:  # the same key again, same or other value
                parts.append(f"{name}={quote(rng.choice(PAYLOADS), safe='')}")
        if rng.random() < 0.1:
            parts.append(rng.choice(["&", "=", "==", "&&x", "?", "#frag"]))
        queries.append("&".join(parts))
    return queries


STATE_OF_PAGE = """([dangerous]) => {
  const app = document.getElementById("cip-app");
  const result = document.getElementById("cip-result");
  const withHandlers = [...document.querySelectorAll("#cip-calculator *")]
    .filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith("on")));
  const links = [...result.querySelectorAll("a")].map((a) => a.getAttribute("href"));
  const fieldErrors = [...document.querySelectorAll(".cip-field-error")]
    .filter((e) => !e.hidden).map((e) => e.id.replace("cip-error-", ""));
  return {
    state: result.dataset.state,
    verdict: result.dataset.verdict || null,
    dangerous: document.querySelectorAll(dangerous).length,
    handlers: withHandlers.length,
    links,
    text: app.textContent,
    fieldErrors,
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    failed: document.getElementById("cip-calculator").dataset.state === "failed",
  };
}"""


def check_page(page: Page, baseline: int, reply: dict[str, Any] | None = None) -> None:
    seen = page.evaluate(STATE_OF_PAGE, [DANGEROUS])
    assert not seen["failed"]
    assert seen["pwned"] is None
    assert seen["dangerous"] == baseline, "an element was injected"
    assert seen["handlers"] == 0, "an event-handler attribute was injected"
    assert "Traceback" not in seen["text"] and "PythonError" not in seen["text"]
    for href in seen["links"]:
        assert href.startswith(("https://", "http://", "mailto:", "tel:+", "#cip-q-")), href
    if seen["state"] == "answered":
        assert seen["verdict"] in {"eligible", "not_eligible", "refer", "incomplete"}
    elif seen["state"] == "waiting":  # nothing of the case survived: the page waits for answers
        assert page.evaluate("Object.keys(window.cipChecker.case).length") == 0
    else:
        assert seen["state"] == "input_error"
        errors = page.evaluate("window.cipChecker.lastErrors")
        assert errors, "input error without a message"
        expected = {e["field"] for e in errors if e["field"] in FIELD_NAMES}
        assert set(seen["fieldErrors"]) == expected
    if reply is not None:
        assert reply["type"] in {"result", "input_error", "empty"}, reply
    held = [name for name, _ in parse_qsl(urlsplit(page.url).query, keep_blank_values=True)]
    assert set(held) <= set(FIELD_NAMES)  # the URL keeps only the case


def test_generated_queries_are_harmless(watched_page: tuple[Page, Watch], site_server: Any) -> None:
    page, watch = watched_page
    page.goto(site_server.origin + PAGES["fr"])
    page.wait_for_selector("#cip-calculator[data-stage=ready]", state="attached", timeout=60_000)
    baseline = page.evaluate("d => document.querySelectorAll(d).length", DANGEROUS)
    queries = hostile_queries()
    assert len(queries) >= 200
    kinds: Counter[str] = Counter()
    for query in queries:
        reply = page.evaluate("q => window.cipChecker.evaluateQuery(q)", query)
        check_page(page, baseline, reply)
        kinds[reply["type"]] += 1
    # The generator must reach both ends: answers and bad input.
    assert kinds["result"] >= 20 and kinds["input_error"] >= 20, kinds
    assert watch.dialogs == [] and watch.page_errors == [] and watch.foreign == []


def test_hostile_permalinks_opened_for_real(
    watched_page: tuple[Page, Watch], site_server: Any
) -> None:
    page, watch = watched_page
    fixed = [
        "age=%3Cscript%3Ealert(1)%3C/script%3E&workplace_region=<img src=x onerror=alert(1)>",
        "__proto__=x&lang=xx&constructor=1",  # nothing of the case: the page waits, idle
    ]
    queries = [*hostile_queries(4, seed=SEED + 1), *fixed]
    for index, query in enumerate(queries):
        lang = LANGUAGES[index % len(LANGUAGES)]
        page.goto(f"{site_server.origin}{PAGES[lang]}?{query}")
        # An answer, field errors, or (when nothing of the case survived) the ready, idle page.
        page.wait_for_selector(
            f"{ANSWERED}, #cip-calculator[data-stage=ready] "
            "#cip-result[data-state=waiting]:not([aria-busy])",
            state="attached",
            timeout=60_000,
        )
        baseline = page.evaluate(
            "d => document.querySelectorAll(d).length - document.querySelectorAll("
            "'#cip-result :is(' + d + ')').length",
            DANGEROUS,
        )
        check_page(page, baseline)
    assert watch.dialogs == [] and watch.page_errors == [] and watch.foreign == []

"""asked_if in the page, from the table Python is tested on too (tests/data/asked_if_cases.json;
the Python side: tests/core/test_asked_if.py): the page's own modules, on the built page, read
each question's kind from the form and the core's reading rules from the page's data block."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from tests.browser.conftest import PAGES, Watch
from tests.browser.site_server import SiteServer
from tests.build_languages import DEFAULT

TABLE = Path(__file__).resolve().parents[1] / "data" / "asked_if_cases.json"
CASES: list[dict[str, Any]] = json.loads(TABLE.read_text("utf-8"))["cases"]

# Each case twice: its answers as given, and through the address (caseFromQuery), where a list
# is a key repeated in the query string.
IN_THE_PAGE = """async (cases) => {
  const entry = document.querySelector("script[type=module][src*='calculator.js']").src;
  const load = (name) => import(new URL(name, entry).href);
  const [{ formOf }, { reading }, { data, byId }, { caseFromQuery }] = await Promise.all(
    ["form.js", "reading.js", "page_data.js", "url.js"].map(load));
  const rules = reading(data);
  const form = formOf(byId("form"), rules);
  return cases.map((c) => {
    const query = new URLSearchParams();
    for (const [field, value] of Object.entries(c.answers)) {
      for (const v of Array.isArray(value) ? value : [value]) query.append(field, v);
    }
    const fromAddress = caseFromQuery(query.toString(), form.fields, rules.collapse);
    return [form.holds(c.asked_if, c.answers), form.holds(c.asked_if, fromAddress)];
  });
}"""


def test_the_page_reads_asked_if_as_the_core_does(
    watched_page: tuple[Page, Watch], site_server: SiteServer
) -> None:
    page, watch = watched_page
    page.goto(site_server.origin + PAGES[DEFAULT])
    got = page.evaluate(IN_THE_PAGE, CASES)
    wrong = [
        (case["name"], case["asked"], seen)
        for case, seen in zip(CASES, got, strict=True)
        if seen != [case["asked"], case["asked"]]
    ]
    assert wrong == [], wrong
    assert watch.page_errors == []

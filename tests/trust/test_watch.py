"""Control tests: the watch and axe used by the trust tests do see what they must fail on.

A page is altered on the fly (the built files stay untouched): an unhashed inline script must be
reported as a policy violation, an image without alternative text by axe, and a request to
another origin must be seen and aborted even when the policy is bypassed (the privacy check
must not lean on the policy alone).
"""

from __future__ import annotations

from playwright.sync_api import Route

from tests.trust.checks import horizontal_overflow, run_axe
from tests.trust.conftest import Contexts
from tests.trust.watch import page_violations

FOREIGN = "http://192.0.2.1/tracker.png"  # TEST-NET-1: never routed, and aborted anyway


def altered_home(route: Route) -> None:
    response = route.fetch()
    html = response.text().replace(
        "</body>",
        f'<script>document.title = "changed";</script><img src="{FOREIGN}"></body>',
    )
    route.fulfill(response=response, body=html)


def test_watch_reports_an_unhashed_inline_script(contexts: Contexts) -> None:
    context, watch = contexts.new(counted=False)
    page = context.new_page()
    page.route(f"{contexts.origin}/", altered_home)
    page.goto(f"{contexts.origin}/")
    page.wait_for_function("() => window.__cipViolations.length >= 2")
    directives = {v["directive"] for v in page_violations(page)}
    assert {"script-src-elem", "img-src"} <= directives, directives
    assert page.title() != "changed", "the unhashed inline script ran"
    # Chromium still reports the blocked attempt as a request: the privacy check flags any page
    # that even tries to reach another origin, blocked or not.
    assert watch.foreign_requests() == [FOREIGN]


def test_watch_sees_and_aborts_a_foreign_request_without_the_policy(contexts: Contexts) -> None:
    context, watch = contexts.new(counted=False, bypass_csp=True)
    page = context.new_page()
    page.route(f"{contexts.origin}/", altered_home)
    page.goto(f"{contexts.origin}/")
    page.wait_for_load_state("load")
    assert page.title() == "changed", "the policy was not bypassed"
    assert watch.foreign == [FOREIGN], "the route did not see (and abort) the foreign request"
    assert watch.foreign_requests() == [FOREIGN]


def test_axe_reports_a_serious_violation(contexts: Contexts) -> None:
    context, _ = contexts.new(counted=False)
    page = context.new_page()
    page.route(f"{contexts.origin}/", altered_home)
    page.goto(f"{contexts.origin}/")
    found = run_axe(page, "control", counted=False)
    assert any("image-alt" in line for line in found), found


def test_overflow_check_sees_a_page_wider_than_the_screen(contexts: Contexts) -> None:
    context, _ = contexts.new(counted=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{contexts.origin}/")
    assert horizontal_overflow(page) == 0
    page.evaluate(
        """() => { const wide = document.createElement("div");
                   wide.style.width = "1000px"; wide.style.height = "1px";
                   document.body.append(wide); }"""
    )
    assert horizontal_overflow(page) > 0

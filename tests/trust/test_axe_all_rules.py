"""axe-core with ALL its rules (not only the WCAG tags) on every page: 0 serious or critical.

Among the rules outside the WCAG tags is aria-dialog-name: Material's search dialog had no
accessible name on every page until overrides/partials/search.html gave it one."""

from __future__ import annotations

from typing import Any

from tests.trust.checks import AXE_PATH, BLOCKING_IMPACTS
from tests.trust.conftest import Contexts
from tests.trust.site import SitePage


def test_every_page_passes_every_axe_rule(contexts: Contexts, pages: list[SitePage]) -> None:
    context, _ = contexts.new()
    page = context.new_page()
    problems: list[str] = []
    for site_page in pages:
        page.goto(contexts.origin + site_page.path)
        page.wait_for_load_state("load")
        page.add_script_tag(url=AXE_PATH)
        violations: list[dict[str, Any]] = page.evaluate(
            """async () => (await axe.run(document)).violations.map((v) => ({
                 id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" "))}))"""
        )
        problems += [
            f"{site_page.path}: {v['id']} ({v['impact']}): {', '.join(v['nodes'][:3])}"
            for v in violations
            if v["impact"] in BLOCKING_IMPACTS
        ]
    dialogs = page.evaluate(
        "[...document.querySelectorAll('[role=dialog]')].map(d => d.getAttribute('aria-label'))"
    )
    assert dialogs and all(dialogs), dialogs
    assert problems == [], "\n".join(problems)

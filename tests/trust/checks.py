"""What the trust tests check on a loaded page: axe-core, palette, width, storage, policy."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from tests.trust.server import AXE_PATH
from tests.trust.watch import FIGURES, page_violations

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
DARK_SCHEME = "slate"
LIGHT_SCHEME = "default"

# The only keys Material for MkDocs keeps (prefixed with the site's path): UI state, no answers.
MATERIAL_STORAGE_KEYS = ("__palette", "__consent", "__tabs", "__announce", "__outdated", "__source")

# Every field of the checker's case: none may appear in the browser's storage.
CASE_FIELDS = (
    "start_date",
    "duration_months",
    "weekly_hours",
    "full_time_hours",
    "age",
    "trainee_region",
    "workplace_region",
    "employer_seat_brussels",
    "language",
    "employment_contract",
    "short_study_internship",
    "diploma_curriculum",
    "regulated_profession",
    "monthly_allowance",
    "jobseeker",
    "benefits",
    "non_eea",
)


def run_axe(page: Page, where: str, counted: bool = True) -> list[str]:
    """Run axe-core (loaded from the site's own origin, under the site's real policy).

    Returns the serious and critical violations as readable lines; counts every impact.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_PATH)
    violations: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
          const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
          return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => n.target.join(" "))}));
        }""",
        WCAG_TAGS,
    )
    FIGURES.axe_runs += counted
    blocking = []
    for violation in violations:
        impact = violation["impact"] or "unknown"
        if counted:
            nodes = FIGURES.axe_by_impact.get(impact, 0) + len(violation["nodes"])
            FIGURES.axe_by_impact[impact] = nodes
            FIGURES.axe_rules.setdefault(f"{violation['id']} ({impact})", set()).add(where)
        if impact in BLOCKING_IMPACTS:
            nodes = ", ".join(violation["nodes"][:4])
            blocking.append(f"{where}: {violation['id']} ({impact}) {violation['help']}: {nodes}")
    return blocking


def scheme(page: Page) -> str | None:
    found: str | None = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return found


def switch_scheme(page: Page, wanted: str) -> bool:
    """Choose a palette with Material's own toggle; False when the site has no such palette."""
    if scheme(page) == wanted:
        return True
    clicked = page.evaluate(
        """(wanted) => {
          const input = [...document.querySelectorAll("input[name='__palette']")]
            .find((i) => i.getAttribute("data-md-color-scheme") === wanted);
          if (!input) return false;
          input.click();
          return true;
        }""",
        wanted,
    )
    if not clicked:
        return False
    page.wait_for_function(
        "(wanted) => document.body.getAttribute('data-md-color-scheme') === wanted", arg=wanted
    )
    return True


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when it fits)."""
    overflow: int = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return max(overflow, 0)


def storage_problems(page: Page, where: str) -> list[str]:
    """Keys in localStorage/sessionStorage other than Material's UI keys, or holding a field."""
    stored: dict[str, dict[str, str]] = page.evaluate(
        """() => ({local: {...localStorage}, session: {...sessionStorage}})"""
    )
    problems = []
    for area, items in stored.items():
        for key, value in items.items():
            FIGURES.storage_keys.add(f"{area}:{key.rsplit('.', 1)[-1]}")
            if not key.endswith(tuple("." + k for k in MATERIAL_STORAGE_KEYS)):
                problems.append(f"{where}: {area}Storage key {key!r} is not a Material UI key")
            fields = [f for f in CASE_FIELDS if f in value]
            if fields:
                problems.append(f"{where}: {area}Storage {key!r} holds case fields {fields}")
    return problems


def policy_problems(page: Page, where: str, console: list[str]) -> list[str]:
    """CSP violations reported on the page, and console lines about the policy."""
    problems = [
        f"{where}: CSP blocked {v['blocked'] or 'inline'} ({v['directive']}) "
        f"at {v['source']}:{v['line']} {v['sample']!r}"
        for v in page_violations(page)
    ]
    problems += [f"{where}: console: {line}" for line in console]
    FIGURES.csp_violations += problems
    return problems

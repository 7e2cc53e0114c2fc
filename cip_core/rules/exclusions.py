"""Activities excluded from the CIP (fact sheet, "Les activités exclues"; 1819.brussels), and on
the VDAB route VDAB's own list (vdab.be, "beroepsinlevingsstage", rules-brief §2).

The federal exclusions apply whatever the region, so they win over a referral to another body.
On the VDAB route the same four answers decide, in VDAB's words and with VDAB as the source:
VDAB excludes any work done within a course at a recognised Belgian school, with no 60-day
threshold, so a "yes" to the 60-day question is excluded there too. What the questions do not ask
(a course of more than 60 days, a protected professional title, a function-specific
certification) is said once, as the warning ``vdab_exclusions``.
"""

from __future__ import annotations

from cip_core.case import Case
from cip_core.rules import Finding, Outcome
from cip_core.rules.body import VDAB

# Each flag, when answered "yes", rules the CIP out. Order = the sheet's order.
EXCLUSIONS = (
    "employment_contract",
    "short_study_internship",
    "diploma_curriculum",
    "regulated_profession",
)


def exclusions(case: Case, route: str = "") -> Outcome:
    """Every exclusion that applies (not just the first), and the ones not answered yet."""
    outcome = Outcome()
    for flag in EXCLUSIONS:
        answer = case.answer(flag)
        if answer is None:
            outcome.missing.append(flag)
        elif answer:
            key = f"{flag}_{VDAB}" if route == VDAB else ""
            outcome.reasons.append(Finding(flag, key=key))
    return outcome


def route_exclusions(route: str, outcome: Outcome) -> list[Finding]:
    """VDAB's exclusions the form does not ask about, when the stage is not excluded already."""
    if route != VDAB or outcome.reasons:
        return []
    return [Finding("vdab_exclusions")]

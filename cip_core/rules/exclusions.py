"""Activities excluded from the CIP (fact sheet, "Les activités exclues"; 1819.brussels).

Federal rules: they apply whatever the region, so they win over a referral to another body.
"""

from __future__ import annotations

from cip_core.case import Case
from cip_core.rules import Finding, Outcome

# Each flag, when answered "yes", rules the CIP out. Order = the sheet's order.
EXCLUSIONS = (
    "employment_contract",
    "short_study_internship",
    "diploma_curriculum",
    "regulated_profession",
)


def exclusions(case: Case) -> Outcome:
    """Every exclusion that applies (not just the first), and the ones not answered yet."""
    outcome = Outcome()
    for flag in EXCLUSIONS:
        answer = case.answer(flag)
        if answer is None:
            outcome.missing.append(flag)
        elif answer:
            outcome.reasons.append(Finding(flag))
    return outcome

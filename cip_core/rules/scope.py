"""The Brussels link (fact sheet: "au moins une de ces trois conditions").

The Brussels scheme applies when the trainee lives in the Brussels-Capital Region, OR the stage
takes place there, OR the employer has a seat there. Neither a jobseeker registration nor a
domicile in Belgium is required.
"""

from __future__ import annotations

from cip_core.case import Case
from cip_core.rules import Finding, Outcome

LINK_FIELDS = ("trainee_region", "workplace_region", "employer_seat_brussels")


def brussels_link(case: Case) -> tuple[bool | None, Outcome]:
    """True or False when known; None with the unanswered link fields in ``missing``."""
    links = (
        case.trainee_region == "brussels",
        case.workplace_region == "brussels",
        case.employer_seat_brussels is True,
    )
    if any(links):
        return True, Outcome()
    unanswered = [name for name in LINK_FIELDS if case.answer(name) is None]
    if unanswered:
        return None, Outcome(missing=unanswered)
    return False, Outcome(reasons=[Finding("no_brussels_link")])

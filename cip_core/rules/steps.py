"""What to do before the stage starts (fact sheet, "Avant de démarrer le stage" and "Pour les
personnes recevant des allocations"; Actiris; 1819.brussels; CAPAC; VDAB), plus the notes that
depend on the trainee (work permit, activa.brussels certificate, CPAS income).

Steps come in time order, each with who does it (trainee, employer or both) and the pages to act
on: the official page in the reader's language and the site's own section (``STEP_DETAILS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cip_core._data import load_toml
from cip_core.bodies import body as body_info
from cip_core.case import Case
from cip_core.messages import catalogue
from cip_core.parameters import parameter
from cip_core.rules import Finding, Outcome
from cip_core.rules.body import home_body
from cip_core.sources import note_in, url_in

BENEFITS_NEEDING_EXEMPTION = ("unemployment", "insertion")
BODY = "body"  # a step whose official page is the competent body's (cip_core/data/bodies.toml)
# Weeks in a month, for "at least 4 consecutive weeks" from a duration in months (52 / 12).
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


@dataclass(frozen=True)
class StepDetails:
    """Who acts, the official page (a source name of sources.toml) and the site's section."""

    actor: str  # trainee | employer | both
    source: str | None
    section: str | None  # the site's page, relative to the calculator page

    def links(self, lang: str, body: str = "") -> list[dict[str, str]]:
        links = []
        if self.source == BODY and body:  # the competent body's own page
            known = body_info(body, lang)
            links.append({"kind": "official", "url": known.url, "label": known.name})
        elif self.source not in (None, BODY):
            name = str(self.source)
            title = str(load_toml("data", "sources")["urls"][name]["title"])
            note = note_in(name, lang)
            label = f"{title} ({note})" if note else title
            links.append({"kind": "official", "url": url_in(name, lang), "label": label})
        if self.section is not None:
            label = catalogue(lang)["sections"][self.section.strip("./")]
            links.append({"kind": "site", "url": self.section, "label": label})
        return links


# In time order: agreement of the home body, plan approval, exemption, notices, signature.
STEP_DETAILS: dict[str, StepDetails] = {
    "home_body_approval": StepDetails("trainee", None, "../avant-le-stage/"),
    "await_plan_approval": StepDetails("both", BODY, "../avant-le-stage/"),
    "notify_registration_body": StepDetails("trainee", "actiris", "../avant-le-stage/"),
    "request_exemption_dv5": StepDetails("trainee", "capac", "../allocations/"),
    "stay_available": StepDetails("trainee", "onem_t58", "../allocations/"),
    "declare_benefits": StepDetails("trainee", "onem_t58", "../allocations/"),
    "contact_cpas": StepDetails("trainee", None, "../allocations/"),
    "sign_written_agreement": StepDetails("both", "info_1819", "../avant-le-stage/"),
    "employer_declarations": StepDetails("employer", "vdab_employer", "../indemnite/"),
}
STEP_ORDER = tuple(STEP_DETAILS)


def step_details(code: str) -> StepDetails | None:
    return STEP_DETAILS.get(code)


def steps_before_start(case: Case, body: str | None) -> Outcome:
    limits = parameter("limits").latest.data
    outcome = Outcome()
    steps: list[Finding] = [
        Finding("sign_written_agreement"),
        Finding("await_plan_approval", {"body": body or ""}),
        Finding("employer_declarations"),
    ]

    home = home_body(case)
    if home is not None and home != _region_body(body):
        steps.append(Finding("home_body_approval", {"home_body": home}))
        if home == "adg":
            outcome.warnings.append(Finding("body_inferred"))
    elif body == "adg":
        outcome.warnings.append(Finding("body_inferred"))

    if case.jobseeker:
        steps.append(Finding("notify_registration_body"))
    if case.benefits in BENEFITS_NEEDING_EXEMPTION:
        steps.append(Finding("request_exemption_dv5"))
        steps.append(Finding("stay_available"))
        steps.append(Finding("declare_benefits"))
        outcome.warnings.append(_dv5_check(case, limits))
    elif case.benefits == "cpas":
        steps.append(Finding("contact_cpas"))
        outcome.warnings.append(Finding("cpas_income"))

    if case.non_eea:
        outcome.warnings.append(Finding("work_permit_needed"))
    months = case.duration_months
    if (
        case.workplace_region == "brussels"
        and months is not None
        and months >= Decimal(limits["activa_months"])
        and case.trainee_region == "brussels"
        and case.jobseeker is True
    ):
        # activa.brussels "may" follow, only with a Brussels domicile and Actiris registration.
        outcome.warnings.append(Finding("certificate_activa"))
    if (
        case.trainee_region == "brussels"
        and case.workplace_region != "brussels"
        and not case.employer_seat_brussels
    ):
        # The sheet's link by domicile alone: Actiris and 1819 only speak of Brussels employers.
        outcome.warnings.append(Finding("brussels_employers_wording"))
    outcome.steps = sorted(steps, key=lambda f: STEP_ORDER.index(f.code))
    return outcome


def _dv5_check(case: Case, limits: dict[str, object]) -> Finding:
    """Which of the exemption's conditions the case already answers are met (CAPAC)."""
    min_hours = Decimal(str(limits["dv5_min_weekly_hours"]))
    min_weeks = Decimal(str(limits["dv5_min_weeks"]))
    hours, months = case.weekly_hours, case.duration_months
    hours_ok = None if hours is None else hours >= min_hours
    weeks_ok = None if months is None else months * WEEKS_PER_MONTH >= min_weeks
    params: dict[str, object] = {"min_hours": min_hours, "min_weeks": min_weeks}
    params["hours"] = hours if hours is not None else "?"
    params["months"] = months if months is not None else "?"
    if hours_ok is False or weeks_ok is False:
        return Finding("dv5_conditions", params)
    return Finding("dv5_conditions_met", params)


def _region_body(body: str | None) -> str | None:
    # VDAB's Brussels office and VDAB are one body for the prior-agreement step.
    return "vdab" if body == "vdab_brussels" else body

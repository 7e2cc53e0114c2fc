"""What to do before the stage starts (fact sheet, "Avant de démarrer le stage" and "Pour les
personnes recevant des allocations"; Actiris; 1819.brussels; CAPAC / HVW; Le Forem; VDAB), plus the
notes that depend on the trainee (work permit, activa.brussels certificate, CPAS income, the 2026
unemployment reform).

Steps come in time order, each with who does it (trainee, employer or both) and the pages to act
on: the official page in the reader's language and the site's own section (``STEP_DETAILS``).
The exemption depends on where the trainee lives: DV5 from Actiris for a Brussels resident, the
body of the trainee's region otherwise. On the VDAB route the plan's approval is requested at
least 3 weeks before the start: a dated step, and a warning once that day has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from cip_core._data import load_toml
from cip_core.bodies import body as body_info
from cip_core.case import Case
from cip_core.messages import catalogue
from cip_core.parameters import value_at
from cip_core.rules import Finding, Outcome
from cip_core.rules.body import BODY_OF_REGION, VDAB, home_body, route_of
from cip_core.rules.duration import WEEKS_PER_MONTH
from cip_core.sources import note_in, url_in

BENEFITS_NEEDING_EXEMPTION = ("unemployment", "insertion")
BODY = "body"  # a step whose official page is the competent body's (cip_core/data/bodies.toml)
# The page of the body that grants the exemption to a resident of each region (sources.toml).
EXEMPTION_SOURCE = {"wallonia": "forem_dispense", "flanders": "vdab"}
# The warnings that belong to a step: not given when the stage is not possible anyway.
STEP_WARNINGS = frozenset({"plan_deadline_passed"})


@dataclass(frozen=True)
class StepDetails:
    """Who acts, the official page (a source name of sources.toml) and the site's section."""

    actor: str  # trainee | employer | both
    source: str | None
    section: str | None  # the site's page, relative to the calculator page

    def links(self, lang: str, finding: Finding) -> list[dict[str, str]]:
        links = []
        body = str(finding.params.get("body") or "")
        # The finding's own source (VDAB's page on its route...) unless the step links the body.
        name = self.source if self.source == BODY else (finding.source or self.source)
        if name == BODY and body:  # the competent body's own page
            known = body_info(body, lang)
            links.append({"kind": "official", "url": known.url, "label": known.name})
        elif name not in (None, BODY):
            source = str(name)
            title = str(load_toml("data", "sources")["urls"][source]["title"])
            note = note_in(source, lang)
            label = f"{title} ({note})" if note else title
            links.append({"kind": "official", "url": url_in(source, lang), "label": label})
        if self.section is not None:
            label = catalogue(lang)["sections"][self.section.strip("./")]
            links.append({"kind": "site", "url": self.section, "label": label})
        return links


# In time order: agreement of the home body, plan approval, exemption, notices, signature,
# insurance and the employer's declarations.
STEP_DETAILS: dict[str, StepDetails] = {
    "home_body_approval": StepDetails("trainee", None, "../avant-le-stage/"),
    "request_plan_approval_by": StepDetails("employer", "vdab_faq", "../avant-le-stage/"),
    "await_plan_approval": StepDetails("both", BODY, "../avant-le-stage/"),
    "notify_registration_body": StepDetails("trainee", None, "../avant-le-stage/"),
    "request_exemption_dv5": StepDetails("trainee", "capac", "../allocations/"),
    "request_exemption": StepDetails("trainee", "hvw_wallonia", "../allocations/"),
    "stay_available": StepDetails("trainee", "onem_t58", "../allocations/"),
    "declare_benefits": StepDetails("trainee", "onem_t58", "../allocations/"),
    "contact_cpas": StepDetails("trainee", None, "../allocations/"),
    "sign_written_agreement": StepDetails("both", "info_1819", "../avant-le-stage/"),
    "insure_trainee": StepDetails("employer", "actiris_citizens_nl", "../avant-le-stage/"),
    "employer_declarations": StepDetails("employer", "vdab_employer", "../indemnite/"),
}
STEP_ORDER = tuple(STEP_DETAILS)


def step_details(code: str) -> StepDetails | None:
    return STEP_DETAILS.get(code)


def steps_before_start(case: Case, body: str | None, day: date, today: date) -> Outcome:
    """The steps for this case, for a stage starting on ``day``, as seen on ``today``."""
    limits = value_at("limits", day).data
    vdab = route_of(body) == VDAB
    outcome = Outcome()
    steps: list[Finding] = [
        Finding("sign_written_agreement", source="vdab_bis" if vdab else ""),
        Finding("await_plan_approval", {"body": body or ""}, source="vdab_faq" if vdab else ""),
        Finding("insure_trainee", source="vdab_employer" if vdab else ""),
        Finding("employer_declarations"),
    ]
    if vdab and case.start_date is not None:
        steps += _plan_deadline(case.start_date, body or "", limits, today, outcome)

    home = home_body(case)
    if home is not None and home != _region_body(body):
        steps.append(Finding("home_body_approval", {"home_body": home}))
        if home == "adg":
            outcome.warnings.append(Finding("body_inferred"))
    elif body == "adg":
        outcome.warnings.append(Finding("body_inferred"))

    if case.jobseeker:
        brussels = case.trainee_region == "brussels"
        registration = "actiris" if brussels else home or ""
        params = {"registration_body": registration}
        source = "actiris" if brussels else ""
        steps.append(Finding("notify_registration_body", params, source=source))
    steps += _benefits(case, limits, outcome)

    if case.non_eea:
        outcome.warnings.append(Finding("work_permit_needed"))
    months = case.duration_months
    if (
        months is not None
        and months >= Decimal(limits["activa_months"])
        and case.trainee_region == "brussels"
        and case.jobseeker is True
    ):
        # activa.brussels "may" follow, with a Brussels residence and Actiris registration; the
        # workplace need not be in Brussels (Securex).
        outcome.warnings.append(Finding("certificate_activa", {"months": limits["activa_months"]}))
    if (
        case.trainee_region == "brussels"
        and case.workplace_region != "brussels"
        and not case.employer_seat_brussels
    ):
        # The sheet's link by domicile alone: Actiris and 1819 only speak of Brussels employers.
        outcome.warnings.append(Finding("brussels_employers_wording"))
    outcome.steps = sorted(steps, key=lambda f: STEP_ORDER.index(f.code))
    return outcome


def _plan_deadline(
    start: date, body: str, limits: dict[str, object], today: date, outcome: Outcome
) -> list[Finding]:
    """VDAB: request the plan's approval at least 3 weeks, at most 3 months, before the start."""
    weeks = int(str(limits["vdab_plan_lead_weeks"]))
    months = int(str(limits["vdab_plan_max_lead_months"]))
    deadline = start - timedelta(weeks=weeks)
    earliest = _months_before(start, months)
    params = {"deadline": deadline, "earliest": earliest, "weeks": weeks, "months": months}
    if today > deadline:
        outcome.warnings.append(
            Finding("plan_deadline_passed", {**params, "start": start, "body": body})
        )
    return [Finding("request_plan_approval_by", {**params, "body": body})]


def _months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day if it has none)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def _benefits(case: Case, limits: dict[str, object], outcome: Outcome) -> list[Finding]:
    """The exemption (by the trainee's home region), availability, declaration; CPAS."""
    steps: list[Finding] = []
    if case.benefits in BENEFITS_NEEDING_EXEMPTION:
        if case.trainee_region == "brussels":
            steps.append(Finding("request_exemption_dv5"))
            outcome.warnings.append(_dv5_check(case, limits))
        else:
            region = case.trainee_region or ""
            exemption_body = BODY_OF_REGION.get(region, "")
            source = EXEMPTION_SOURCE.get(region, "")
            params = {"exemption_body": exemption_body}
            steps.append(Finding("request_exemption", params, source=source))
        steps += [Finding("stay_available"), Finding("declare_benefits")]
        outcome.warnings.append(Finding("unemployment_reform_2026"))
    elif case.benefits == "cpas":
        steps.append(Finding("contact_cpas"))
        outcome.warnings.append(Finding("cpas_income"))
    elif case.benefits == "none" and case.jobseeker:
        # A young person in the insertion period without allowances is not concerned (Le Forem).
        outcome.warnings.append(Finding("insertion_period_no_exemption"))
    return steps


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

"""What to do before the stage starts (fact sheet, "Avant de démarrer le stage" and "Pour les
personnes recevant des allocations"; Actiris; 1819.brussels; CAPAC / HVW; Le Forem; VDAB), plus the
notes that depend on the trainee (activa.brussels certificate, CPAS income, the 2026
unemployment reform, a start date already past).

Steps come in time order (the order of ``cip_core/data/steps.toml``, which also says who acts and
which pages the answer links). Blocking prerequisites are steps, with the body of the trainee's
region: the home body's agreement, the registration with the trainee's own employment service,
the exemption (DV5 from Actiris for a Brussels resident, the body of the trainee's region
otherwise) and the work permit (issued by the region where the stage takes place). On the VDAB
route the plan's approval is requested at least 3 weeks before the start: a dated step, and a
warning once that day has passed.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cip_core._data import load_toml
from cip_core.case import Case
from cip_core.messages import Term
from cip_core.parameters import value_at
from cip_core.rules import Finding, Outcome
from cip_core.rules.body import BODY_OF_REGION, VDAB, home_body, route_of
from cip_core.rules.duration import WEEKS_PER_MONTH

BENEFITS_NEEDING_EXEMPTION = ("unemployment", "insertion")
# The page of the body that grants the exemption to a resident of each region (sources.toml).
EXEMPTION_SOURCE = {"wallonia": "forem_dispense", "flanders": "vdab"}
# Work permits are issued by the region where the trainee works (economic migration is a regional
# matter since the sixth state reform: Myria): who issues it ([values] of the catalogues) and its
# page (sources.toml). ADG's page (in German, over http only) says the Community's Ministry
# handles the applications; its readers get Myria's page. A stage whose region is not known yet
# names every region's issuer.
PERMIT_ISSUER = {
    "brussels": ("permit_issuer_brussels", "bee_permit"),
    "flanders": ("permit_issuer_flanders", "permit_flanders"),
    "wallonia": ("permit_issuer_wallonia", "permit_wallonia"),
    "german_community": ("permit_issuer_german_community", "myria_migration"),
}
PERMIT_ISSUER_UNKNOWN = "permit_issuer_any"
# Where a trainee living in Brussels registers as a jobseeker: Actiris's page on registering.
BRUSSELS_REGISTRATION_SOURCE = "actiris_registration"
# The warnings that belong to a step: not given when the stage is not possible anyway.
STEP_WARNINGS = frozenset({"plan_deadline_passed"})
# The steps in time order (cip_core/data/steps.toml).
STEP_ORDER: tuple[str, ...] = tuple(load_toml("data", "steps")["step"])


def steps_before_start(case: Case, body: str | None, day: date, today: date) -> Outcome:
    """The steps for this case, for a stage starting on ``day``, as seen on ``today``."""
    limits = value_at("limits", day).data
    vdab = route_of(body) == VDAB
    start = case.start_date
    outcome = Outcome()
    steps: list[Finding] = [
        Finding("sign_written_agreement", source="vdab_bis" if vdab else "", due=start),
        Finding("await_plan_approval", {"body": body or ""}, source="vdab_faq" if vdab else ""),
        Finding("insure_trainee", source="vdab_employer" if vdab else ""),
        Finding("employer_declarations"),
    ]
    if start is not None and start < today:
        # The stage may start only once the plan is approved (Actiris): a past date is a mistake
        # or a stage that started too early.
        outcome.warnings.append(Finding("start_date_past", {"start": start, "today": today}))
    if vdab and start is not None:
        steps += _plan_deadline(start, body or "", limits, today, outcome)

    home = home_body(case)
    if home is not None and home != _region_body(body):
        steps.append(Finding("home_body_approval", {"home_body": home}))
        if home == "adg":
            outcome.warnings.append(Finding("body_inferred"))
    elif body == "adg":
        outcome.warnings.append(Finding("body_inferred"))

    if case.jobseeker:
        # The trainee's own employment service: Actiris in Brussels, else the home region's.
        brussels = case.trainee_region == "brussels"
        registration = "actiris" if brussels else home or ""
        params = {"registration_body": registration}
        source = BRUSSELS_REGISTRATION_SOURCE if brussels else ""
        steps.append(Finding("notify_registration_body", params, source=source))
    steps += _benefits(case, limits, outcome)

    if case.non_eea:
        issuer, page = PERMIT_ISSUER.get(case.workplace_region or "", (PERMIT_ISSUER_UNKNOWN, ""))
        steps.append(Finding("work_permit", {"permit_issuer": Term(issuer)}, source=page))
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
    if deadline < today <= start:  # a start already past has its own warning (start_date_past)
        outcome.warnings.append(
            Finding("plan_deadline_passed", {**params, "start": start, "body": body})
        )
    step = Finding("request_plan_approval_by", {**params, "body": body}, due=deadline)
    return [step]


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

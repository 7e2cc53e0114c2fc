"""What to do before the stage starts (fact sheet, "Avant de démarrer le stage" and "Pour les
personnes recevant des allocations"; Actiris; 1819.brussels; CAPAC), plus the notes that depend on
the trainee (work permit, activa.brussels certificate)."""

from __future__ import annotations

from decimal import Decimal

from cip_core.case import Case
from cip_core.parameters import parameter
from cip_core.rules import Finding, Outcome
from cip_core.rules.body import home_body

BENEFITS_NEEDING_EXEMPTION = ("unemployment", "insertion")


def steps_before_start(case: Case, body: str | None) -> Outcome:
    limits = parameter("limits").latest.data
    outcome = Outcome()
    outcome.steps.append(Finding("sign_written_agreement"))
    outcome.steps.append(Finding("await_plan_approval", {"body": body or ""}))

    home = home_body(case)
    if home is not None and home != _region_body(body):
        outcome.steps.append(Finding("home_body_approval", {"home_body": home}))
        if home == "adg":
            outcome.warnings.append(Finding("body_inferred"))
    elif body == "adg":
        outcome.warnings.append(Finding("body_inferred"))

    if case.jobseeker:
        outcome.steps.append(Finding("notify_registration_body"))
    if case.benefits in BENEFITS_NEEDING_EXEMPTION:
        outcome.steps.append(Finding("request_exemption_dv5"))
        outcome.steps.append(Finding("stay_available"))
        outcome.steps.append(Finding("declare_benefits"))
        hours = case.weekly_hours
        min_hours = Decimal(limits["dv5_min_weekly_hours"])
        if hours is not None and hours < min_hours:
            params: dict[str, object] = {
                "hours": hours,
                "min_hours": min_hours,
                "min_weeks": limits["dv5_min_weeks"],
            }
            outcome.warnings.append(Finding("dv5_conditions", params))
    elif case.benefits == "cpas":
        outcome.steps.append(Finding("contact_cpas"))

    if case.non_eea:
        outcome.warnings.append(Finding("work_permit_needed"))
    months = case.duration_months
    if (
        case.workplace_region == "brussels"
        and months is not None
        and months >= Decimal(limits["activa_months"])
    ):
        outcome.warnings.append(Finding("certificate_activa"))
    return outcome


def _region_body(body: str | None) -> str | None:
    # VDAB's Brussels office and VDAB are one body for the prior-agreement step.
    return "vdab" if body == "vdab_brussels" else body

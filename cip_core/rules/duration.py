"""Duration and working time (fact sheet: 1 to 6 months; Actiris: derogation up to 12 months in
Brussels, at least half-time; VDAB: at most 6 months, extensions included)."""

from __future__ import annotations

from decimal import Decimal

from cip_core.case import Case, default_full_time_hours
from cip_core.messages import Ratio
from cip_core.parameters import parameter
from cip_core.rules import Finding, Outcome


def duration(case: Case, body: str | None) -> Outcome:
    months = case.duration_months
    if months is None:
        return Outcome(missing=["duration_months"])
    limits = parameter("limits").latest.data
    shortest = Decimal(limits["duration_min_months"])
    longest = Decimal(limits["duration_max_months"])
    with_derogation = Decimal(limits["derogation_max_months"])
    if months < shortest:
        return Outcome(
            reasons=[Finding("duration_too_short", {"months": months, "min_months": shortest})]
        )
    if months <= longest:
        return Outcome()
    # Only Bruxelles Formation grants a derogation; VDAB caps at 6 months, extensions included.
    if body == "bruxelles_formation" and months <= with_derogation:
        params: dict[str, object] = {
            "months": months,
            "max_months": longest,
            "derogation_max_months": with_derogation,
        }
        return Outcome(warnings=[Finding("derogation_needed", params)])
    if body is None and months <= with_derogation:
        return Outcome()  # depends on the body, which is not known yet (already missing)
    cap = with_derogation if body == "bruxelles_formation" else longest
    return Outcome(reasons=[Finding("duration_too_long", {"months": months, "max_months": cap})])


def time_fraction(case: Case) -> Decimal | None:
    """Weekly hours as a share of the employer's full-time week (None if hours unknown)."""
    if case.weekly_hours is None:
        return None
    full_time = case.full_time_hours or default_full_time_hours()
    return min(case.weekly_hours / full_time, Decimal(1))


def working_time(case: Case) -> Outcome:
    fraction = time_fraction(case)
    if fraction is None:
        return Outcome(missing=["weekly_hours"])
    minimum = Decimal(parameter("limits").latest.data["min_time_fraction"])
    if fraction < minimum:
        full_time = case.full_time_hours or default_full_time_hours()
        return Outcome(
            reasons=[
                Finding(
                    "below_half_time",
                    {
                        "hours": case.weekly_hours,
                        "full_time": full_time,
                        "fraction": Ratio(fraction),
                    },
                )
            ]
        )
    return Outcome()

"""Duration and working time (fact sheet: 1 to 6 months; Actiris: derogation up to 12 months in
Brussels, at least half-time; VDAB: at most 6 months = 26 weeks, extensions included). Every limit
is read at the stage's start date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cip_core.case import Case, default_full_time_hours
from cip_core.messages import Ratio
from cip_core.parameters import value_at
from cip_core.rules import Finding, Outcome
from cip_core.rules.body import VDAB, route_of

# Weeks in a month, for durations in months against limits in weeks (52 / 12).
WEEKS_PER_MONTH = Decimal(52) / Decimal(12)


def duration(case: Case, body: str | None, day: date) -> Outcome:
    months = case.duration_months
    if months is None:
        return Outcome(missing=["duration_months"])
    limits = value_at("limits", day).data
    shortest = Decimal(limits["duration_min_months"])
    longest = Decimal(limits["duration_max_months"])
    with_derogation = Decimal(limits["derogation_max_months"])
    if months < shortest:
        return Outcome(
            reasons=[Finding("duration_too_short", {"months": months, "min_months": shortest})]
        )
    if route_of(body) == VDAB:
        # VDAB counts in weeks: 6 months at most, "maximum 26 weken", extensions included.
        weeks = Decimal(limits["vdab_max_weeks"])
        if months * WEEKS_PER_MONTH <= weeks:
            return Outcome()
        limit = {"months": months, "max_months": longest, "max_weeks": weeks}
        reason = Finding("duration_too_long", limit, key="duration_too_long_vdab")
        return Outcome(reasons=[reason])
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


def time_fraction(case: Case, day: date) -> Decimal | None:
    """Weekly hours as a share of the employer's full-time week (None if hours unknown)."""
    if case.weekly_hours is None:
        return None
    full_time = case.full_time_hours or default_full_time_hours(day)
    return min(case.weekly_hours / full_time, Decimal(1))


def working_time(case: Case, day: date) -> Outcome:
    fraction = time_fraction(case, day)
    if fraction is None:
        return Outcome(missing=["weekly_hours"])
    minimum = Decimal(value_at("limits", day).data["min_time_fraction"])
    if fraction < minimum:
        full_time = case.full_time_hours or default_full_time_hours(day)
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

"""Minimum monthly allowance (fact sheet: RMMG / 2; programme law of 2 August 2002, art. 107 §1;
royal decree of 11 March 2003).

- 18 and over: half the RMMG in force on the start date (Actiris), rounded to the cent half up —
  the amount bodies publish (1 658,19 / 2 = 829,10).
- Under 18: the apprentice scale, a percentage of that minimum by age (inferred for the CIP:
  warning). VDAB pays half the GGMMI whatever the age, so the scale does not apply there.
- Part time: pro-rated by weekly hours / full-time hours (VDAB states it; elsewhere inferred).
Scaled amounts are worked out from the published minimum and rounded again, so a reader who
takes 64 % of 1 055,95 € finds the same cent as the calculator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cip_core.case import Case
from cip_core.messages import Money, Ratio
from cip_core.money import to_cents
from cip_core.parameters import INFERRED, parameter
from cip_core.rules import Finding, Outcome
from cip_core.rules.duration import time_fraction

# VDAB states both rules for its BIO: pro-rated by working time, and the same minimum at any age.
VDAB_BODIES = ("vdab", "vdab_brussels")


@dataclass(frozen=True)
class AllowanceFigures:
    minimum: Decimal | None  # None: no known scale for this age (ask the body)
    rmmg: Decimal
    rmmg_since: date
    rmmg_source: str
    rmmg_certainty: str
    checked_until: date
    age_percent: Decimal | None
    fraction: Decimal
    offered: Decimal | None
    meets_minimum: bool | None


def adult_minimum(rmmg: Decimal) -> Decimal:
    """The 18+ full-time minimum: RMMG / 2, rounded to the cent (as bodies publish it)."""
    return to_cents(rmmg / 2)


def scaled_minimum(rmmg: Decimal, percent: Decimal, fraction: Decimal = Decimal(1)) -> Decimal:
    """The minimum for an age percentage and a share of full time, from the published minimum."""
    return to_cents(adult_minimum(rmmg) * percent / 100 * fraction)


def age_percent(age: int, start: date) -> Decimal | None:
    """Share (in %) of RMMG/2 owed at ``age``: 100 from 18 on; the scale below; None if unknown."""
    scale = parameter("age_scale")
    if age >= int(scale.raw["adult_age"]):
        return Decimal(100)
    percents: dict[str, int] = scale.at(start).data["percent"]
    value = percents.get(str(age))
    return None if value is None else Decimal(value)


def minimum_allowance(case: Case, body: str | None) -> tuple[AllowanceFigures | None, Outcome]:
    """The minimum for this case and how it compares with the offer."""
    outcome = Outcome()
    needed = [name for name in ("start_date", "age", "weekly_hours") if getattr(case, name) is None]
    if case.monthly_allowance is None:
        outcome.missing.append("monthly_allowance")
    if needed or case.start_date is None or case.age is None:
        outcome.missing[:0] = needed
        return None, outcome
    fraction = time_fraction(case)
    assert fraction is not None  # weekly_hours is known here

    rmmg_parameter = parameter("rmmg")
    dated = rmmg_parameter.at(case.start_date)
    rmmg = Decimal(dated.data["amount"])
    checked_until = rmmg_parameter.last_value_still_valid_on
    if case.start_date > checked_until:
        outcome.warnings.append(
            Finding(
                "parameter_may_be_outdated",
                {"rmmg": Money(rmmg), "since": dated.start, "checked": checked_until},
            )
        )
    if dated.certainty == INFERRED:
        outcome.warnings.append(Finding("rmmg_value_inferred", {"rmmg": Money(rmmg)}))

    percent = Decimal(100) if body in VDAB_BODIES else age_percent(case.age, case.start_date)
    minimum: Decimal | None = None
    if percent is None:
        outcome.warnings.append(Finding("age_scale_unknown", {"age": case.age}))
    else:
        if percent < 100:
            outcome.warnings.append(
                Finding("age_scale_inferred", {"age": case.age, "percent": Ratio(percent / 100)})
            )
        minimum = scaled_minimum(rmmg, percent, fraction)
    if fraction < 1 and body not in VDAB_BODIES:
        outcome.warnings.append(Finding("prorata_inferred", {"fraction": Ratio(fraction)}))

    offered = case.monthly_allowance
    meets: bool | None = None
    if offered is not None and minimum is not None:
        meets = offered >= minimum
        if not meets:
            outcome.reasons.append(
                Finding(
                    "allowance_below_minimum",
                    {"offered": Money(offered), "minimum": Money(minimum)},
                )
            )
    figures = AllowanceFigures(
        minimum=minimum,
        rmmg=rmmg,
        rmmg_since=dated.start,
        rmmg_source=dated.reference,
        rmmg_certainty=dated.certainty,
        checked_until=checked_until,
        age_percent=percent,
        fraction=fraction,
        offered=offered,
        meets_minimum=meets,
    )
    return figures, outcome

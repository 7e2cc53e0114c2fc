"""Minimum monthly allowance (fact sheet: RMMG / 2; programme law of 2 August 2002, art. 107 §1;
royal decree of 11 March 2003).

- 18 and over: half the RMMG in force on the start date (Actiris), rounded to the cent half up —
  the amount bodies publish (1 658,19 / 2 = 829,10). Ages 18–20: an older Actiris page tied the
  minimum to the apprentice scale "21 and over", so the answer asks to check with the body.
- Under 18: the industrial apprentice scale, a percentage of that minimum by age — the old youth
  RMMG scale, applied to the CIP by inference (warning). VDAB pays half the GGMMI whatever the age
  (Flemish BIS rules, also for Dutch-language stages in Brussels), so the scale does not apply.
- Part time: pro-rated by weekly hours / full-time hours (VDAB states it; elsewhere inferred).
- When the RMMG on the date is not known exactly (an announced step whose amount no source
  states), the minimum is a range: ``minimum`` is its top (the safe side), an offer below the
  bottom is too low, an offer inside the range is never a firm yes.
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
from cip_core.parameters import INFERRED, UNKNOWN, parameter
from cip_core.rules import Finding, Outcome
from cip_core.rules.duration import time_fraction

# VDAB states both rules for its BIO: pro-rated by working time, and the same minimum at any age.
VDAB_BODIES = ("vdab", "vdab_brussels")
FIRM = "firm"
TO_CONFIRM = "to_confirm"
# An older Actiris page tied ages 18-20 to the apprentice scale "21 and over" (rules-brief §4).
CHECK_AGES = range(18, 21)


@dataclass(frozen=True)
class RmmgOn:
    """The RMMG on a day: ``low == high`` when it is known exactly."""

    low: Decimal
    high: Decimal
    since: date
    certainty: str  # stated | inferred | unknown (see parameters/rmmg.toml)
    source: str
    reasoning: str
    checked_until: date

    @property
    def exact(self) -> bool:
        return self.low == self.high


def rmmg_on(day: date) -> RmmgOn:
    """The RMMG in force on ``day`` (``LookupError`` before the first known value)."""
    known = parameter("rmmg")
    value = known.at(day)
    if value.certainty == UNKNOWN:
        low, high = Decimal(value.data["low"]), Decimal(value.data["high"])
    else:
        low = high = Decimal(value.data["amount"])
    return RmmgOn(
        low=low,
        high=high,
        since=value.start,
        certainty=value.certainty,
        source=value.reference,
        reasoning=value.reasoning,
        checked_until=known.last_value_still_valid_on,
    )


@dataclass(frozen=True)
class AllowanceFigures:
    minimum: Decimal | None  # the top of the range (safe side); None: no known scale for this age
    rmmg: Decimal
    rmmg_since: date
    rmmg_source: str
    rmmg_certainty: str
    checked_until: date
    age_percent: Decimal | None
    fraction: Decimal
    offered: Decimal | None
    meets_minimum: bool | None  # None: not asked, or the offer lies inside the range
    low: Decimal | None = None  # the bottom of the range (== minimum when known exactly)
    for_date: date | None = None
    for_today: bool = False  # no start date was given: computed for a stage starting today
    certainty: str = FIRM
    doubts: tuple[str, ...] = ()  # the warning codes that make the figure "to confirm"
    rule_body: str | None = None  # whose rules set the minimum: bruxelles_formation | vdab
    other_minimum: Decimal | None = None  # the other language's body's minimum (Brussels)

    @property
    def range(self) -> tuple[Decimal, Decimal] | None:
        if self.minimum is None or self.low is None or self.low == self.minimum:
            return None
        return self.low, self.minimum


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


def rule_body_of(body: str | None) -> str:
    """Whose rules set the minimum: VDAB's (Flemish BIS) or the federal CIP rules."""
    return "vdab" if body in VDAB_BODIES else "bruxelles_formation"


def _percent_for(age: int, day: date, body: str | None) -> Decimal | None:
    return Decimal(100) if body in VDAB_BODIES else age_percent(age, day)


def _minimum_for(
    rmmg: Decimal, age: int, day: date, fraction: Decimal, body: str | None
) -> Decimal | None:
    percent = _percent_for(age, day, body)
    return None if percent is None else scaled_minimum(rmmg, percent, fraction)


@dataclass(frozen=True)
class CurrentMinimum:
    """The 18+ full-time minimum for a stage starting on ``day`` (the figure pages show it)."""

    day: date
    low: Decimal
    high: Decimal
    rmmg: RmmgOn

    @property
    def certainty(self) -> str:
        outdated = self.day > self.rmmg.checked_until
        return FIRM if self.rmmg.certainty == "stated" and not outdated else TO_CONFIRM


def current_minimum(day: date) -> CurrentMinimum:
    """The one function behind the calculator's minimum and the figure pages' "today" figure."""
    rmmg = rmmg_on(day)
    return CurrentMinimum(day, adult_minimum(rmmg.low), adult_minimum(rmmg.high), rmmg)


def minimum_allowance(
    case: Case, body: str | None, today: date
) -> tuple[AllowanceFigures | None, Outcome]:
    """The minimum for this case (for a stage starting ``today`` when no date is given)."""
    outcome = Outcome()
    needed = [name for name in ("age", "weekly_hours") if case.answer(name) is None]
    if case.start_date is None:
        outcome.missing.append("start_date")  # still asked: the figure below is for today
    if case.monthly_allowance is None:
        outcome.missing.append("monthly_allowance")
    if needed or case.age is None:
        outcome.missing[:0] = needed
        return None, outcome
    day = case.start_date or today
    fraction = time_fraction(case)
    assert fraction is not None  # weekly_hours is known here

    rmmg = rmmg_on(day)
    doubts: list[Finding] = []
    if day > rmmg.checked_until:
        doubts.append(
            Finding(
                "parameter_may_be_outdated",
                {"rmmg": Money(rmmg.high), "since": rmmg.since, "checked": rmmg.checked_until},
            )
        )
    if rmmg.certainty == INFERRED:
        doubts.append(
            Finding("rmmg_value_inferred", {"rmmg": Money(rmmg.high), "since": rmmg.since})
        )
    elif rmmg.certainty == UNKNOWN:
        doubts.append(
            Finding(
                "rmmg_value_unknown",
                {"since": rmmg.since, "low": Money(rmmg.low), "high": Money(rmmg.high)},
            )
        )

    vdab = body in VDAB_BODIES
    percent = _percent_for(case.age, day, body)
    minimum: Decimal | None = None
    low: Decimal | None = None
    if percent is None:
        doubts.append(Finding("age_scale_unknown", {"age": case.age}))
    else:
        if percent < 100:
            doubts.append(
                Finding("age_scale_inferred", {"age": case.age, "percent": Ratio(percent / 100)})
            )
        elif not vdab and case.age in CHECK_AGES:
            doubts.append(Finding("age_18_20_check", {"age": case.age}))
        minimum = scaled_minimum(rmmg.high, percent, fraction)
        low = scaled_minimum(rmmg.low, percent, fraction)
    if fraction < 1 and not vdab:
        doubts.append(Finding("prorata_inferred", {"fraction": Ratio(fraction)}))
    if case.start_date is None and minimum is not None:
        outcome.warnings.append(
            Finding("minimum_for_today", {"today": day, "minimum": Money(minimum)})
        )

    other: Decimal | None = None
    if case.workplace_region == "brussels" and body is not None:
        # The other language's body computes it differently (rules-brief §1): say both figures.
        other_body = "bruxelles_formation" if vdab else "vdab_brussels"
        other = _minimum_for(rmmg.high, case.age, day, fraction, other_body)
        if other is not None and minimum is not None and other != minimum:
            code = "route_vdab_brussels" if vdab else "route_other_language"
            outcome.warnings.append(
                Finding(code, {"minimum": Money(minimum), "other_minimum": Money(other)})
            )

    offered = case.monthly_allowance
    meets: bool | None = None
    if offered is not None and minimum is not None and low is not None:
        if offered >= minimum:
            meets = True
        elif offered < low:
            meets = False
            outcome.reasons.append(
                Finding(
                    "allowance_below_minimum",
                    {"offered": Money(offered), "minimum": Money(low)},
                )
            )
        else:
            outcome.warnings.append(
                Finding(
                    "allowance_within_range",
                    {"offered": Money(offered), "low": Money(low), "high": Money(minimum)},
                )
            )
    outcome.warnings[:0] = doubts
    in_range = any(f.code == "allowance_within_range" for f in outcome.warnings)
    certainty = TO_CONFIRM if doubts or in_range else FIRM
    figures = AllowanceFigures(
        minimum=minimum,
        rmmg=rmmg.high,
        rmmg_since=rmmg.since,
        rmmg_source=rmmg.source,
        rmmg_certainty=rmmg.certainty,
        checked_until=rmmg.checked_until,
        age_percent=percent,
        fraction=fraction,
        offered=offered,
        meets_minimum=meets,
        low=low,
        for_date=day,
        for_today=case.start_date is None,
        certainty=certainty,
        # The offer inside the range is the most useful "why" for the headline: first.
        doubts=(("allowance_within_range",) if in_range else ()) + tuple(f.code for f in doubts),
        rule_body=rule_body_of(body) if body is not None else None,
        other_minimum=other,
    )
    return figures, outcome

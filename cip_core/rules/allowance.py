"""Minimum monthly allowance of one case, and whether the offer meets it (fact sheet: RMMG / 2;
programme law of 2 August 2002, art. 107 §1; royal decree of 11 March 2003). The arithmetic is in
``cip_core.rules.minimum``.

- The minimum is one amount or a range (``low``..``minimum``): an offer below ``low`` is too low
  whatever the unknowns turn out to be (a firm "no"), an offer inside the range is "eligible, to
  confirm", an offer at most ``rounding_tolerance`` below ``low`` too (the bodies publish the half
  rounded to 10 cents).
- Part time: pro-rated by weekly hours / full-time hours (VDAB states it; elsewhere inferred, and
  pro-rating can only lower the minimum).
- Every figure is read at the stage's start date (today when none is given).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cip_core.case import Case
from cip_core.messages import Money, Ratio
from cip_core.parameters import INFERRED, UNKNOWN, value_at
from cip_core.rules import FIRM, TO_CONFIRM, AmountRange, Finding, Outcome
from cip_core.rules.body import VDAB, VDAB_BODIES, route_of
from cip_core.rules.duration import time_fraction
from cip_core.rules.minimum import (
    FULL,
    AgeShare,
    RmmgOn,
    adult_minimum,
    age_percent,
    age_share,
    current_minimum,
    rmmg_on,
    scaled_minimum,
)

__all__ = [
    "VDAB_BODIES",
    "AllowanceFigures",
    "adult_minimum",
    "age_percent",
    "current_minimum",
    "minimum_allowance",
    "scaled_minimum",
]

# Doubts about the figure that can only raise the minimum above ``low``: a "no" below ``low``
# stays firm. Under 18, the scale's percentage could be lower as well as higher (CCT 50 moved the
# youth scale in 2022): a "no" is to confirm too.
TWO_WAY_DOUBTS = frozenset({"age_scale_inferred"})


def amount(low: Decimal, high: Decimal) -> Money | AmountRange:
    """One amount when the bounds agree, else the range (a sentence writes "between X and Y")."""
    return Money(high) if low == high else AmountRange(low, high)


@dataclass(frozen=True)
class AllowanceFigures:
    minimum: Decimal | None  # the top of the range (safe side); None: no known scale for this age
    rmmg: Decimal  # the top of the RMMG's range
    rmmg_since: date
    rmmg_source: str
    rmmg_certainty: str
    checked_until: date
    age_percent: Decimal | None  # the share behind ``minimum`` (the highest the sources allow)
    fraction: Decimal
    offered: Decimal | None
    meets_minimum: bool | None  # None: not asked, or the offer lies inside the range
    low: Decimal | None = None  # the bottom of the range (== minimum when known exactly)
    for_date: date | None = None
    for_today: bool = False  # no start date was given: computed for a stage starting today
    certainty: str = FIRM  # the figure's: to_confirm when any doubt touches it
    # The findings that make the figure "to confirm" (in the answer's warnings too).
    doubts: tuple[Finding, ...] = ()
    # The findings that make the verdict on this offer "to confirm", the most telling first.
    verdict_doubts: tuple[Finding, ...] = ()
    rule_body: str | None = None  # whose rules set the minimum: bruxelles_formation | vdab
    other_minimum: Decimal | None = None  # the other language's body's minimum (Brussels)
    rmmg_low: Decimal | None = None  # the bottom of the RMMG's range
    rmmg_forecast: bool = False  # the RMMG row is an expected index step
    age_percent_low: Decimal | None = None  # the lowest share the sources allow

    @property
    def range(self) -> tuple[Decimal, Decimal] | None:
        if self.minimum is None or self.low is None or self.low == self.minimum:
            return None
        return self.low, self.minimum

    @property
    def rmmg_range(self) -> tuple[Decimal, Decimal] | None:
        low = self.rmmg if self.rmmg_low is None else self.rmmg_low
        return None if low == self.rmmg else (low, self.rmmg)


def rule_body_of(body: str | None) -> str:
    """Whose rules set the minimum: VDAB's (Flemish BIS) or the federal CIP rules."""
    return "vdab" if body in VDAB_BODIES else "bruxelles_formation"


def _share(age: int, day: date, body: str | None) -> AgeShare | None:
    return AgeShare(FULL, FULL, scale=False) if body in VDAB_BODIES else age_share(age, day)


def _bounds(
    rmmg: RmmgOn, share: AgeShare | None, fraction: Decimal
) -> tuple[Decimal, Decimal] | None:
    if share is None:
        return None
    return (
        scaled_minimum(rmmg.low, share.low, fraction),
        scaled_minimum(rmmg.high, share.high, fraction),
    )


def _rmmg_doubts(rmmg: RmmgOn, day: date) -> list[Finding]:
    doubts: list[Finding] = []
    shown = amount(rmmg.low, rmmg.high)
    if day > rmmg.checked_until:
        params = {"rmmg": shown, "since": rmmg.since, "checked": rmmg.checked_until}
        doubts.append(Finding("parameter_may_be_outdated", params))
    if rmmg.certainty == INFERRED:
        doubts.append(Finding("rmmg_value_inferred", {"rmmg": shown, "since": rmmg.since}))
    elif rmmg.certainty == UNKNOWN:
        code = "rmmg_forecast" if rmmg.forecast else "rmmg_value_unknown"
        params = {"since": rmmg.since, "low": Money(rmmg.low), "high": Money(rmmg.high)}
        doubts.append(Finding(code, params))
    return doubts


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
    fraction = time_fraction(case, day)
    assert fraction is not None  # weekly_hours is known here
    rmmg = rmmg_on(day)
    share = _share(case.age, day, body)
    bounds = _bounds(rmmg, share, fraction)
    body_param = body or ""

    doubts = _rmmg_doubts(rmmg, day)
    if share is None or bounds is None:
        doubts.append(Finding("age_scale_unknown", {"age": case.age, "body": body_param}))
    elif share.scale:
        params = {"age": case.age, "percent": Ratio(share.low / 100), "body": body_param}
        doubts.append(Finding("age_scale_inferred", params))
    elif share.range:
        params = {
            "age": case.age,
            "percent": Ratio(share.low / 100),
            "minimum": amount(*bounds),
            "body": body_param,
        }
        doubts.append(Finding("age_18_20_range", params))
    prorata = fraction < 1 and body not in VDAB_BODIES
    if prorata:
        doubts.append(Finding("prorata_inferred", {"fraction": Ratio(fraction)}))
    if case.start_date is None and bounds is not None:
        outcome.warnings.append(
            Finding("minimum_for_today", {"today": day, "minimum": amount(*bounds)})
        )
    other = _other_route(case, body, day, fraction, rmmg, bounds, outcome)
    meets, verdict_doubts = _offer(case, body, day, bounds, rmmg, outcome)
    if case.monthly_allowance is not None:
        if bounds is None:  # no known minimum at this age: any verdict on the offer is unsure
            verdict_doubts = list(doubts)
        else:
            full_time = _bounds(rmmg, share, Decimal(1))
            verdict_doubts += _still_unsure(doubts, meets, case.monthly_allowance, full_time)
    outcome.warnings[:0] = doubts
    figures = AllowanceFigures(
        minimum=bounds[1] if bounds else None,
        rmmg=rmmg.high,
        rmmg_since=rmmg.since,
        rmmg_source=rmmg.source,
        rmmg_certainty=rmmg.certainty,
        checked_until=rmmg.checked_until,
        age_percent=share.high if share else None,
        fraction=fraction,
        offered=case.monthly_allowance,
        meets_minimum=meets,
        low=bounds[0] if bounds else None,
        for_date=day,
        for_today=case.start_date is None,
        certainty=TO_CONFIRM if doubts else FIRM,
        doubts=tuple(doubts),
        verdict_doubts=tuple(verdict_doubts),
        rule_body=rule_body_of(body) if body is not None else None,
        other_minimum=other,
        rmmg_low=rmmg.low,
        rmmg_forecast=rmmg.forecast,
        age_percent_low=share.low if share else None,
    )
    return figures, outcome


def _other_route(
    case: Case,
    body: str | None,
    day: date,
    fraction: Decimal,
    rmmg: RmmgOn,
    bounds: tuple[Decimal, Decimal] | None,
    outcome: Outcome,
) -> Decimal | None:
    """In Brussels, the other language's body computes it differently (rules-brief §1)."""
    if case.workplace_region != "brussels" or body is None or case.age is None:
        return None
    vdab = body in VDAB_BODIES
    other_body = "bruxelles_formation" if vdab else "vdab_brussels"
    other = _bounds(rmmg, _share(case.age, day, other_body), fraction)
    if other is None or bounds is None or other == bounds:
        return None if other is None else other[1]
    code = "route_vdab_brussels" if vdab else "route_other_language"
    params = {"minimum": amount(*bounds), "other_minimum": amount(*other)}
    outcome.warnings.append(Finding(code, params))
    return other[1]


def _offer(
    case: Case,
    body: str | None,
    day: date,
    bounds: tuple[Decimal, Decimal] | None,
    rmmg: RmmgOn,
    outcome: Outcome,
) -> tuple[bool | None, list[Finding]]:
    """Whether the offer meets the minimum (None: cannot say yet) and the verdict's doubts."""
    offered = case.monthly_allowance
    if offered is None or bounds is None:
        return None, []
    low, high = bounds
    minimum = amount(low, high)
    body_param = body or ""
    if offered >= high:
        return True, []
    if offered >= low:
        params = {"offered": Money(offered), "minimum": minimum, "high": Money(high)}
        # The range's cause is its source: the age scale, a forecast or the April 2026 step.
        source = "news_belgium" if rmmg.known_exactly else "bx1_forecast" if rmmg.forecast else ""
        finding = Finding("allowance_within_range", {**params, "body": body_param}, source=source)
        outcome.warnings.append(finding)
        return None, [finding]
    tolerance = Decimal(value_at("limits", day).data["rounding_tolerance"])
    if offered >= low - tolerance:
        near: dict[str, object] = {"offered": Money(offered), "minimum": minimum}
        finding = Finding("rounding_tolerance", {**near, "body": body_param})
        outcome.warnings.append(finding)
        return None, [finding]
    key = "allowance_below_range" if low != high else ""
    source = "vdab_faq" if route_of(body) == VDAB else ""
    params = {"offered": Money(offered), "minimum": minimum}
    outcome.reasons.append(Finding("allowance_below_minimum", params, key=key, source=source))
    return False, []


def _still_unsure(
    doubts: list[Finding],
    meets: bool | None,
    offered: Decimal,
    full_time: tuple[Decimal, Decimal] | None,
) -> list[Finding]:
    """The figure's doubts that could still change the verdict on this offer.

    A "no" below the lowest possible minimum is firm unless the doubt could also lower it; a
    "yes" at or above the top of the range is firm unless the top itself could be higher.
    """
    if meets is False:
        return [d for d in doubts if d.code in TWO_WAY_DOUBTS]
    unsure = []
    for doubt in doubts:
        if doubt.code in ("rmmg_value_unknown", "rmmg_forecast", "age_18_20_range"):
            continue  # the range's top covers it: only an offer inside the range is unsure
        if doubt.code == "prorata_inferred" and full_time and offered >= full_time[1]:
            continue  # enough even without pro-rating
        unsure.append(doubt)
    return unsure

"""A way forward from every "no" and every referral (issue 20): what would make the stage a CIP,
or whom to ask instead. Each fix answers one reason, with the figures the rules used:

- the allowance: pay at least the minimum, the top of the range when only a range is known (the
  safe figure);
- the duration: shorten it to the route's maximum (VDAB counts 26 weeks, extensions included;
  Bruxelles Formation can go up to 12 months with a derogation), or plan at least a month;
- the hours: at least half of the employer's full-time week;
- an exclusion (and the duration or the hours): the other schemes for training in a company; for
  the liberal or ethics-bound profession, the labour-law inspectorate when in doubt (fact sheet);
- no link with Brussels: the body of the workplace's region, which applies its own rules.

A Brussels stage of 6 to 12 months in French also gets the derogation to ask for (Actiris).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cip_core.messages import Money
from cip_core.parameters import value_at
from cip_core.rules import Finding
from cip_core.rules.allowance import AllowanceFigures
from cip_core.rules.body import VDAB, route_of

# Reasons the employer can fix by paying more: no other scheme needs suggesting for them alone.
ALLOWANCE_REASONS = frozenset({"allowance_below_minimum"})
# The reason of a referral: the stage may be a CIP, under another region's rules.
REFERRAL = "no_brussels_link"


def ways_forward(
    reasons: list[Finding],
    warnings: list[Finding],
    body: str | None,
    allowance: AllowanceFigures | None,
    day: date,
) -> list[Finding]:
    """The fixes for these reasons (and the derogation a warning asks for), in their order."""
    limits = value_at("limits", day).data
    route = route_of(body)
    fixes: list[Finding] = []
    for reason in reasons:
        if reason.code == "allowance_below_minimum" and allowance is not None:
            fixes.append(_raise_allowance(allowance, route))
        elif reason.code == "duration_too_long":
            fixes.append(_shorten(reason, body, limits))
        elif reason.code == "duration_too_short":
            fixes.append(Finding("lengthen_duration", {"min_months": reason.params["min_months"]}))
        elif reason.code == "below_half_time":
            fixes.append(_more_hours(reason, limits))
        elif reason.code == "regulated_profession" and route != VDAB:
            fixes.append(Finding("ask_labour_inspectorate"))
    if any(w.code == "derogation_needed" for w in warnings):
        fixes.append(_derogation(limits))
    codes = {reason.code for reason in reasons}
    if codes - ALLOWANCE_REASONS - {REFERRAL}:
        fixes.append(Finding("other_formulas"))
    elif codes == {REFERRAL}:
        fixes.append(Finding("contact_other_body", {"body": body or ""}))
    return fixes


def _raise_allowance(allowance: AllowanceFigures, route: str) -> Finding:
    assert allowance.minimum is not None  # an offer is only refused against a known minimum
    key = "raise_allowance_range" if allowance.range is not None else ""
    source = "vdab_faq" if route == VDAB else ""
    return Finding("raise_allowance", {"minimum": Money(allowance.minimum)}, key, source)


def _shorten(reason: Finding, body: str | None, limits: dict[str, object]) -> Finding:
    longest = Decimal(str(limits["duration_max_months"]))
    if route_of(body) == VDAB:
        weeks = Decimal(str(limits["vdab_max_weeks"]))
        params = {"max_months": longest, "max_weeks": weeks}
        return Finding("shorten_duration", params, "shorten_duration_vdab", "vdab_faq")
    if body == "bruxelles_formation":  # longer than even the derogation allows
        with_derogation = Decimal(str(limits["derogation_max_months"]))
        params = {"max_months": longest, "derogation_max_months": with_derogation}
        return Finding("shorten_duration", params, "shorten_duration_derogation")
    return Finding("shorten_duration", {"max_months": reason.params["max_months"]})


def _more_hours(reason: Finding, limits: dict[str, object]) -> Finding:
    full_time = Decimal(str(reason.params["full_time"]))
    hours = full_time * Decimal(str(limits["min_time_fraction"]))
    return Finding("increase_hours", {"hours": hours, "full_time": full_time})


def _derogation(limits: dict[str, object]) -> Finding:
    months = Decimal(str(limits["derogation_max_months"]))
    return Finding("ask_derogation", {"derogation_max_months": months})

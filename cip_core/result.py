"""The checker's answer, shaped as the contract's JSON by ``Result.to_dict()``."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cip_core.bodies import Body
from cip_core.checked import allowance_checked_on
from cip_core.formatting import format_date, format_money, format_percent, money_str
from cip_core.messages import text
from cip_core.parameters import value_at
from cip_core.rules.allowance import AllowanceFigures
from cip_core.rules.minimum import scaled_minimum
from cip_core.sources import reference_in


@dataclass(frozen=True)
class Item:
    """A reason, warning, step or fix, in the requested language, with its source."""

    code: str
    message: str
    source: str
    actor: str | None = None  # steps only: trainee | employer | both
    links: list[dict[str, str]] | None = None  # steps and fixes: official page, site section
    # "in French" when the source's page is not in the reader's language (sources.toml fallback).
    source_note: str = ""
    actor_label: str | None = None  # steps only: who acts, in the requested language
    date: str | None = None  # steps: the last day to do it (YYYY-MM-DD), when the rules give one
    date_text: str | None = None  # the same day written for the reader ("1er février 2027")
    body: dict[str, Any] | None = None  # steps and fixes: the body to ask, with its contact

    def to_dict(self) -> dict[str, Any]:
        item: dict[str, Any] = {
            "code": self.code,
            "message": self.message,
            "source": self.source,
            "source_note": self.source_note,
        }
        if self.actor is not None:
            item["actor"] = self.actor
            item["actor_label"] = self.actor_label
        if self.links is not None:
            item["links"] = [dict(link) for link in self.links]
        if self.date is not None:
            item["date"] = self.date
            item["date_text"] = self.date_text
        if self.body is not None:
            item["body"] = dict(self.body)
        return item


@dataclass(frozen=True)
class Result:
    verdict: str
    summary: str
    certainty: str = "firm"  # firm | to_confirm (contract)
    # The verdict line as the page shows it ("…, sous réserve de confirmation par le VDAB : …").
    headline: str = ""
    reasons: list[Item] = field(default_factory=list)
    warnings: list[Item] = field(default_factory=list)
    steps: list[Item] = field(default_factory=list)
    # What would make the stage possible, or whom to ask instead (every "no" and referral has one).
    fixes: list[Item] = field(default_factory=list)
    body: Body | None = None
    allowance: AllowanceFigures | None = None
    missing: list[str] = field(default_factory=list)
    lang: str = "fr"

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "certainty": self.certainty,
            "headline": self.headline or self.summary,
            "summary": self.summary,
            "reasons": [item.to_dict() for item in self.reasons],
            "warnings": [item.to_dict() for item in self.warnings],
            "steps": [item.to_dict() for item in self.steps],
            "fixes": [item.to_dict() for item in self.fixes],
            "body": self.body.to_dict() if self.body else None,
            "allowance": _allowance_dict(self.allowance, self.lang) if self.allowance else None,
            "missing": list(self.missing),
            "lang": self.lang,
        }


def _fraction_str(value: Decimal) -> str:
    # Four decimals at most, no trailing zeros: "1", "0.5", "0.5263".
    return f"{value.quantize(Decimal('0.0001')).normalize():f}"


def _money_or_range(low: Decimal, high: Decimal, lang: str) -> str:
    if low == high:
        return format_money(high, lang)
    shown = {"low": format_money(low, lang), "high": format_money(high, lang)}
    return text(lang, "figures", "range", **shown)


def _computed(figures: AllowanceFigures) -> tuple[Decimal, Decimal] | None:
    """The RMMG's bounds × ½ × the age share's bounds × ``fraction``: what the computation line
    shows, so that it ends on the same range as every other sentence of the answer (an 18-20
    year-old's share is a range too)."""
    if figures.minimum is None or figures.age_percent is None:
        return None
    low = figures.rmmg if figures.rmmg_low is None else figures.rmmg_low
    percent, fraction = figures.age_percent, figures.fraction
    percent_low = percent if figures.age_percent_low is None else figures.age_percent_low
    high = scaled_minimum(figures.rmmg, percent, fraction)
    return scaled_minimum(low, percent_low, fraction), high


def allowance_display(figures: AllowanceFigures, lang: str) -> dict[str, str | None]:
    """The same figures written for a reader of ``lang`` (the page shows these as they are).

    ``rmmg`` and ``minimum`` are one amount, or a range when the RMMG is only known as a range,
    so that "RMMG × ½ = minimum" is true as written; ``minimum_range`` is the minimum the answer
    quotes everywhere (the age range from 18 to 20 included).
    """

    def money(value: Decimal | None) -> str | None:
        return format_money(value, lang) if value is not None else None

    def percent_text(value: Decimal) -> str:
        return format_percent(value / 100, lang)

    rmmg_low = figures.rmmg if figures.rmmg_low is None else figures.rmmg_low
    computed = _computed(figures)
    bounds = figures.range
    percent, percent_low = figures.age_percent, figures.age_percent_low
    percent_range = None
    if percent is not None and percent_low is not None and percent_low != percent:
        shown = {"low": percent_text(percent_low), "high": percent_text(percent)}
        percent_range = text(lang, "figures", "range", **shown)
    return {
        "minimum": _money_or_range(*computed, lang) if computed else None,
        "rmmg": _money_or_range(rmmg_low, figures.rmmg, lang),
        "rmmg_since": format_date(figures.rmmg_since, lang),
        "offered": money(figures.offered),
        "checked_until": format_date(figures.checked_until, lang),
        "low": money(figures.low),
        # The minimum as the page states it: one amount, or the range when it is not known exactly.
        "minimum_range": _money_or_range(*bounds, lang) if bounds is not None else None,
        "for_date": format_date(figures.for_date, lang) if figures.for_date else None,
        # The safe figure to pay (the top of the range) and the sources' check date, as the
        # card shows them.
        "to_pay": money(figures.minimum),
        "checked_on": format_date(allowance_checked_on(figures.age_percent), lang),
        "age_percent": percent_text(percent) if percent is not None else None,
        "age_percent_range": percent_range,
        "fraction": format_percent(figures.fraction, lang),
    }


def _range(bounds: tuple[Decimal, Decimal] | None) -> dict[str, str] | None:
    return None if bounds is None else {"low": money_str(bounds[0]), "high": money_str(bounds[1])}


def _percent_str(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _percent_range(figures: AllowanceFigures) -> dict[str, str] | None:
    high, low = figures.age_percent, figures.age_percent_low
    if high is None or low is None or low == high:
        return None
    return {"low": _percent_str(low), "high": _percent_str(high)}


def _allowance_dict(figures: AllowanceFigures, lang: str) -> dict[str, Any]:
    source, source_note = reference_in(value_at("rmmg", figures.rmmg_since), lang)
    return {
        "minimum": money_str(figures.minimum) if figures.minimum is not None else None,
        "rmmg": money_str(figures.rmmg),
        "rmmg_since": figures.rmmg_since.isoformat(),
        "fraction": _fraction_str(figures.fraction),
        "offered": money_str(figures.offered) if figures.offered is not None else None,
        "meets_minimum": figures.meets_minimum,
        "age_percent": _percent_str(figures.age_percent)
        if figures.age_percent is not None
        else None,
        # From 18 to 20 on the federal routes the sources disagree: the lowest and highest share.
        "age_percent_range": _percent_range(figures),
        # The page stating the RMMG, in the reader's language where it has one ("in French").
        "rmmg_source": source,
        "rmmg_source_note": source_note,
        "rmmg_certainty": figures.rmmg_certainty,
        "checked_until": figures.checked_until.isoformat(),
        "range": _range(figures.range),
        # The RMMG's own bounds when no source states its amount (forecasts included).
        "rmmg_range": _range(figures.rmmg_range),
        "rmmg_forecast": figures.rmmg_forecast,
        # The day the sources behind this minimum were last checked (issue 17; cip_core.checked).
        "checked_on": allowance_checked_on(figures.age_percent).isoformat(),
        "for_date": figures.for_date.isoformat() if figures.for_date else None,
        "for_today": figures.for_today,
        "certainty": figures.certainty,
        "rule_body": figures.rule_body,
        "other_minimum": money_str(figures.other_minimum)
        if figures.other_minimum is not None
        else None,
        "display": allowance_display(figures, lang),
    }

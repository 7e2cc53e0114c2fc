"""The checker's answer, shaped as the contract's JSON by ``Result.to_dict()``."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cip_core.bodies import Body
from cip_core.money import format_date, format_money, format_percent, money_str
from cip_core.rules.allowance import AllowanceFigures

VERDICTS = ("eligible", "not_eligible", "refer", "incomplete")


@dataclass(frozen=True)
class Item:
    """A reason, warning or step, in the requested language, with its source."""

    code: str
    message: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "source": self.source}


@dataclass(frozen=True)
class Result:
    verdict: str
    summary: str
    reasons: list[Item] = field(default_factory=list)
    warnings: list[Item] = field(default_factory=list)
    steps: list[Item] = field(default_factory=list)
    body: Body | None = None
    allowance: AllowanceFigures | None = None
    missing: list[str] = field(default_factory=list)
    lang: str = "fr"

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "summary": self.summary,
            "reasons": [item.to_dict() for item in self.reasons],
            "warnings": [item.to_dict() for item in self.warnings],
            "steps": [item.to_dict() for item in self.steps],
            "body": self.body.to_dict() if self.body else None,
            "allowance": _allowance_dict(self.allowance, self.lang) if self.allowance else None,
            "missing": list(self.missing),
            "lang": self.lang,
        }


def _fraction_str(value: Decimal) -> str:
    # Four decimals at most, no trailing zeros: "1", "0.5", "0.5263".
    return f"{value.quantize(Decimal('0.0001')).normalize():f}"


def _display(figures: AllowanceFigures, lang: str) -> dict[str, str | None]:
    """The same figures written for a reader of ``lang`` (the page shows these as they are)."""

    def money(value: Decimal | None) -> str | None:
        return format_money(value, lang) if value is not None else None

    percent = figures.age_percent
    return {
        "minimum": money(figures.minimum),
        "rmmg": money(figures.rmmg),
        "rmmg_since": format_date(figures.rmmg_since, lang),
        "offered": money(figures.offered),
        "checked_until": format_date(figures.checked_until, lang),
        "age_percent": format_percent(percent / 100, lang) if percent is not None else None,
        "fraction": format_percent(figures.fraction, lang),
    }


def _allowance_dict(figures: AllowanceFigures, lang: str) -> dict[str, Any]:
    return {
        "minimum": money_str(figures.minimum) if figures.minimum is not None else None,
        "rmmg": money_str(figures.rmmg),
        "rmmg_since": figures.rmmg_since.isoformat(),
        "fraction": _fraction_str(figures.fraction),
        "offered": money_str(figures.offered) if figures.offered is not None else None,
        "meets_minimum": figures.meets_minimum,
        "age_percent": f"{figures.age_percent.normalize():f}"
        if figures.age_percent is not None
        else None,
        "rmmg_source": figures.rmmg_source,
        "rmmg_certainty": figures.rmmg_certainty,
        "checked_until": figures.checked_until.isoformat(),
        "display": _display(figures, lang),
    }

"""The arithmetic of the minimum monthly allowance, shared by the calculator and the pages' figures.

- Half the RMMG in force on the start date, rounded to the cent half up, as the sheet publishes
  it (1 658,19 / 2 = 829,10). When the RMMG on that date is only known as a range (an announced
  step whose amount no source states, or a forecast index step), every minimum is a range too.
- The share owed by age (``parameters/age_scale.toml``), on the routes that follow the federal
  CIP rules: the apprentices' percentage under 18; from 18 to 20 a range from that percentage to
  100 % (the sources disagree); 100 % from 21. VDAB pays half the GGMMI at any age.
- Scaled amounts are worked out from the published minimum and rounded again, so a reader who
  takes 64 % of 1 055,95 € finds the same cent as the calculator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cip_core.formatting import to_cents
from cip_core.parameters import STATED, UNKNOWN, parameter
from cip_core.rules import FIRM, TO_CONFIRM

FULL = Decimal(100)


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
    forecast: bool = False  # an expected index step, not a known one

    @property
    def known_exactly(self) -> bool:
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
        forecast=value.forecast,
    )


def adult_minimum(rmmg: Decimal) -> Decimal:
    """The full-time minimum at 100 %: RMMG / 2, rounded to the cent (as bodies publish it)."""
    return to_cents(rmmg / 2)


def scaled_minimum(rmmg: Decimal, percent: Decimal, fraction: Decimal = Decimal(1)) -> Decimal:
    """The minimum for an age percentage and a share of full time, from the published minimum."""
    return to_cents(adult_minimum(rmmg) * percent / 100 * fraction)


@dataclass(frozen=True)
class AgeShare:
    """The share (in %) of RMMG / 2 owed at an age: ``low == high`` when the sources agree."""

    low: Decimal
    high: Decimal
    scale: bool  # under 18: the apprentices' percentage, whose current value is to confirm

    @property
    def range(self) -> bool:
        return self.low != self.high


def age_share(age: int, day: date) -> AgeShare | None:
    """The federal CIP share at ``age`` for a stage starting on ``day``; None: no known scale."""
    scale = parameter("age_scale").at(day).data
    if age >= int(scale["full_from_age"]):
        return AgeShare(FULL, FULL, scale=False)
    lowest = scale["range_low_percent"].get(str(age))
    if lowest is not None:
        return AgeShare(Decimal(lowest), FULL, scale=False)
    percent = scale["percent"].get(str(age))
    return None if percent is None else AgeShare(Decimal(percent), Decimal(percent), scale=True)


def age_percent(age: int, day: date) -> Decimal | None:
    """The highest share (in %) the sources allow at ``age`` (100 from 18); None if unknown."""
    share = age_share(age, day)
    return None if share is None else share.high


@dataclass(frozen=True)
class CurrentMinimum:
    """The 100 % full-time minimum for a stage starting on ``day`` (the figure pages show)."""

    day: date
    low: Decimal
    high: Decimal
    rmmg: RmmgOn

    @property
    def certainty(self) -> str:
        outdated = self.day > self.rmmg.checked_until
        return FIRM if self.rmmg.certainty == STATED and not outdated else TO_CONFIRM


def current_minimum(day: date) -> CurrentMinimum:
    """The one function behind the calculator's minimum and the figure pages' "today" figure."""
    rmmg = rmmg_on(day)
    return CurrentMinimum(day, adult_minimum(rmmg.low), adult_minimum(rmmg.high), rmmg)


def age_minimum(age: int, day: date) -> tuple[Decimal, Decimal] | None:
    """The full-time minimum at ``age`` for a stage starting on ``day``: (lowest, highest)."""
    share = age_share(age, day)
    if share is None:
        return None
    rmmg = rmmg_on(day)
    return scaled_minimum(rmmg.low, share.low), scaled_minimum(rmmg.high, share.high)

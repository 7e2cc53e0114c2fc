"""When the sources behind a figure were last checked (issue 17).

Each parameter file says, in ``last_value_still_valid_on``, the last day someone searched the
sources for a change after its newest row. A figure is only as fresh as the stalest file it was
computed from, so the check date of a figure is the oldest of those dates. The pages print it
near the minimum, the checker's answer carries it (``allowance.checked_on``), and the build warns
when a file has not been checked for more than ``STALE_AFTER_DAYS`` days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cip_core._data import toml_names
from cip_core.parameters import parameter

# rules-brief §4: "the build warns when that date is more than 3 months old".
STALE_AFTER_DAYS = 90

# The 18+ minimum: RMMG / 2 (rmmg), pro-rated on the full-time week (limits).
MINIMUM_PARAMETERS = ("rmmg", "limits")
# Under 18 on the French-language route the apprentice scale is read too.
SCALED_MINIMUM_PARAMETERS = (*MINIMUM_PARAMETERS, "age_scale")


def checked_on(names: tuple[str, ...] = MINIMUM_PARAMETERS) -> date:
    """The day the sources of these parameter files were last checked (the oldest of them)."""
    return min(parameter(name).last_value_still_valid_on for name in names)


def allowance_checked_on(age_percent: Decimal | None) -> date:
    """The check date of a minimum: the age scale counts when it was read (below 100 %, or no
    percentage known for the age)."""
    scaled = age_percent is None or age_percent < 100
    return checked_on(SCALED_MINIMUM_PARAMETERS if scaled else MINIMUM_PARAMETERS)


@dataclass(frozen=True)
class Overdue:
    """A parameter file whose sources were last checked more than ``STALE_AFTER_DAYS`` ago."""

    name: str
    checked: date
    days: int

    @property
    def path(self) -> str:
        return f"cip_core/parameters/{self.name}.toml"


def overdue(today: date, max_days: int = STALE_AFTER_DAYS) -> list[Overdue]:
    """Every parameter file not checked in the last ``max_days`` days, oldest first."""
    found = []
    for name in toml_names("parameters"):
        checked = parameter(name).last_value_still_valid_on
        days = (today - checked).days
        if days > max_days:
            found.append(Overdue(name, checked, days))
    return sorted(found, key=lambda item: (item.checked, item.name))

"""The rules. Each module encodes one part of the fact sheet and returns codes, never prose.

Every code's source (URL, passage, certainty) is in ``cip_core/data/sources.toml``; the texts are
in ``cip_core/messages/<lang>.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

# The certainty of a verdict or a figure (the contract's `certainty`): `firm` when it cannot
# change once the unsure facts are known, `to_confirm` when it rests on one of them.
FIRM = "firm"
TO_CONFIRM = "to_confirm"


@dataclass(frozen=True)
class Finding:
    """A reason, warning or step: a code plus the raw values its sentence needs.

    ``key`` names the sentence (and its source) when it is not the code's own: VDAB's wording on
    its route, a range instead of one amount. The code the contract knows stays ``code``.
    ``source`` replaces the source of ``sources.toml`` [codes] by one of its [urls] (the page of
    the body the sentence names). ``due`` is the last day to do a step, when the rules give one.
    """

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    key: str = ""
    source: str = ""
    due: date | None = None

    @property
    def text_key(self) -> str:
        return self.key or self.code


@dataclass(frozen=True)
class AmountRange:
    """An amount known only between two bounds (written "between X and Y" in a sentence)."""

    low: Decimal
    high: Decimal


@dataclass
class Outcome:
    """What one rule found. ``missing`` lists the case fields it needed but did not get."""

    reasons: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    steps: list[Finding] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def add(self, other: Outcome) -> Outcome:
        self.reasons += other.reasons
        self.warnings += other.warnings
        self.steps += other.steps
        self.missing += [m for m in other.missing if m not in self.missing]
        return self

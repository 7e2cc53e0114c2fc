"""The rules. Each module encodes one part of the fact sheet and returns codes, never prose.

Every code's source (URL, passage, certainty) is in ``cip_core/data/sources.toml``; the texts are
in ``cip_core/messages/<lang>.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    """A reason, warning or step: a code plus the raw values its sentence needs."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


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

"""What the language checks report (termbase terms and links, catalogue typography)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageFault:
    """A line of a page or catalogue that breaks one of the language rules (an official term, a
    link to another language's page, the typography), and a message saying what to write."""

    line: int
    message: str

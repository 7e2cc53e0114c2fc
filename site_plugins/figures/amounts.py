"""Finds euro amounts typed by hand in Markdown: each one goes stale at the next indexation.

What counts as an amount: a number written next to a currency sign, on either side
("829,10 €", "829,10€/mois", "€ 1.658,19", "1 658,19 €", "1658.19 EUR", "EUR 900", "900 euros").
What does not: a number without a currency sign ("35,70", "38 heures", "01/09/2021", "64 %"),
because only the sign says it is money; flagging every decimal number would stop editors from
writing dates, hours, percentages and article numbers. The check reads the Markdown as the editor
wrote it, before the figure markers are replaced, so the figures the markers print never trip it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from cip_core.parameters import parameter

# Thousands may be grouped with a dot, a space, a no-break space or a narrow no-break space.
_NUMBER = r"\d{1,3}(?:[.\u0020\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_CURRENCY = r"€|\bEUR\b|\beuros?\b"
_SPACE = r"[\u0020\u00a0\u202f]?"
AMOUNT_RE = re.compile(
    rf"(?<![\d.,])(?P<before>{_NUMBER}){_SPACE}(?:{_CURRENCY})"
    rf"|(?:{_CURRENCY}){_SPACE}(?P<after>{_NUMBER})(?![\d])",
    re.IGNORECASE,
)

# A currency sign written beside a marker: the marker prints its own ("1 658,19 € €").
SIGN_BESIDE_MARKER_RE = re.compile(
    rf"\{{\{{\s*cip\b[^{{}}]*\}}\}}{_SPACE}(?:{_CURRENCY})"
    rf"|(?:{_CURRENCY}){_SPACE}\{{\{{\s*cip\b[^{{}}]*\}}\}}",
    re.IGNORECASE,
)
SIGN_HINT = "remove the currency sign: the figure marker prints the amount with its own sign."


@dataclass(frozen=True)
class HandTypedAmount:
    line: int
    text: str
    hint: str

    def message(self) -> str:
        if self.hint == SIGN_HINT:
            return f"currency sign typed beside a figure marker: {self.text!r}; {SIGN_HINT}"
        return (
            f"euro amount typed by hand: {self.text!r}. Amounts change at each indexation: "
            f"write a figure marker instead, {self.hint}"
        )


def find_hand_typed_amounts(markdown: str) -> list[HandTypedAmount]:
    """Every euro amount in ``markdown``, with its 1-based line and a suggested marker."""
    found = []
    for number, line in enumerate(markdown.split("\n"), start=1):
        for match in AMOUNT_RE.finditer(line):
            digits = match.group("before") or match.group("after")
            found.append(HandTypedAmount(number, match.group(0).strip(), _hint(digits)))
        for match in SIGN_BESIDE_MARKER_RE.finditer(line):
            found.append(HandTypedAmount(number, match.group(0).strip(), SIGN_HINT))
    return found


def _hint(digits: str) -> str:
    """Name the marker that prints this amount when it is a known RMMG or its half."""
    amount = _parse(digits)
    for value in parameter("rmmg").values:
        if "amount" not in value.data:
            continue  # a range (an announced step whose amount is unknown): no single figure
        rmmg = Decimal(value.data["amount"])
        at = value.start.isoformat()
        if amount == rmmg:
            return f"{{{{cip rmmg at={at}}}}} (the RMMG in force from {at})."
        if amount is not None and abs(amount - rmmg / 2) < Decimal("0.01"):
            return f"{{{{cip minimum_allowance at={at}}}}} (the minimum allowance from {at})."
    return (
        "e.g. {{cip minimum_allowance}} for the newest minimum allowance, {{cip rmmg}} for the "
        "newest RMMG, or add at=YYYY-MM-DD for the value in force on that date (an amount "
        "that is not a parameter yet goes into cip_core/parameters/ first)."
    )


def _parse(digits: str) -> Decimal | None:
    """``1.658,19`` / ``1 658,19`` / ``1658.19`` as a Decimal (None when unclear)."""
    text = re.sub(r"[\u0020\u00a0\u202f]", "", digits)
    decimals = re.fullmatch(r"(?P<whole>[\d.,]*?)[.,](?P<cents>\d{1,2})", text)
    if decimals:
        text = decimals["whole"].replace(".", "").replace(",", "") + "." + decimals["cents"]
    else:
        text = text.replace(".", "").replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None

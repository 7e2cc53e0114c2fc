"""Numbers as people type them: amounts, months and hours, read the Belgian way.

Pure functions, no catalogue: a ``NumberError`` carries a code (a key of ``[errors]`` in the
message catalogues) and the decimal reader of ``readers.py`` turns it into the reader's sentence.

Amounts (euros):
- ``1.100,50`` / ``1 100,50`` (space, no-break or narrow no-break space) / ``1100,50``: Belgian;
- ``1100.50``: decimal point; ``1,100.50``: English thousands;
- ``1100 €``, ``€ 1100``, ``1100 EUR``, ``1100 euros``: the currency is dropped;
- one mark before exactly three digits depends on the page's language, given by the caller as
  ``thousands`` (the catalogue's ``format.typed_thousands``; nobody writes a euro amount with
  three decimals): that mark means thousands, the other one is ambiguous and asked back, never
  guessed. With ``"."`` (French, Dutch: Belgian usage) ``1.100`` is 1 100 and ``1,100`` — 1 100 €
  or a mistyped 1,10 €? — is asked back; with ``","`` (English) ``1,100`` is 1 100 and ``1.100``
  is asked back.
Months (``6``, ``1,5``, ``1.5``, ``6 mois``, ``6 maanden``) and hours (``30``, ``30 h``, ``30u``,
``30 uur``, ``37,5 heures``) take a decimal comma or point and no thousands separator.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_CURRENCY = re.compile(r"^(?:€|eur|euros?)\s*|\s*(?:€|eur|euros?)$", re.IGNORECASE)
_GROUPED = r"\d{{1,3}}(?:[{sep}]\d{{3}})+"
_MONTH_UNITS = ("mois", "maanden", "maand", "months", "month", "m")
_HOUR_UNITS = ("heures", "heure", "uren", "uur", "hours", "hour", "h", "u")


class NumberError(ValueError):
    """Not a number of the expected kind; ``code`` names the message, ``readings`` the options."""

    def __init__(self, code: str, readings: tuple[Decimal, ...] = ()) -> None:
        super().__init__(code)
        self.code = code
        self.readings = readings


def _decimal(text: str, code: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise NumberError(code) from None
    if not value.is_finite():
        raise NumberError(code)
    return value + 0  # -0 becomes 0: no "-0,00 €"


def _sign(text: str) -> tuple[str, str]:
    if text[:1] in ("+", "-"):
        return text[0].replace("+", ""), text[1:].strip()
    return "", text


def parse_amount(text: str, thousands: str = ".") -> Decimal:
    """Euros as typed (see the module's docstring); ``NumberError`` otherwise.

    ``thousands`` ("." or ",") is the mark read as thousands before exactly three digits.
    """
    if thousands not in (".", ","):
        raise ValueError(f"thousands must be '.' or ',', not {thousands!r}")
    code = "not_an_amount"
    raw = _CURRENCY.sub("", text.strip()).strip()
    sign, raw = _sign(raw)
    raw = _CURRENCY.sub("", raw).strip()
    if SPACES.search(raw):
        # Spaces only as thousands separators: "1 100" or "1 100,50", never "1 1".
        if not re.fullmatch(r"\d{1,3}(?:\s\d{3})+(?:[.,]\d+)?", SPACES.sub(" ", raw)):
            raise NumberError(code)
        raw = SPACES.sub("", raw)
    if not raw or not re.fullmatch(r"[\d.,]+", raw) or not raw[0].isdigit():
        raise NumberError(code)
    dots, commas = raw.count("."), raw.count(",")
    if dots and commas:
        decimal_sep = "." if raw.rfind(".") > raw.rfind(",") else ","
        group = "," if decimal_sep == "." else "."
        whole, _, fraction = raw.rpartition(decimal_sep)
        if not re.fullmatch(_GROUPED.format(sep=re.escape(group)), whole) or not fraction:
            raise NumberError(code)
        return _decimal(sign + whole.replace(group, "") + "." + fraction, code)
    sep = "." if dots else "," if commas else ""
    count = dots or commas
    if not sep:
        return _decimal(sign + raw, code)
    whole, _, fraction = raw.rpartition(sep)
    if count > 1:  # "1.100.000" or "1,100,000": thousands only
        if not re.fullmatch(_GROUPED.format(sep=re.escape(sep)), raw):
            raise NumberError(code)
        return _decimal(sign + raw.replace(sep, ""), code)
    if not whole or not fraction:
        raise NumberError(code)
    if len(fraction) == 3 and len(whole) <= 3:
        as_thousands = _decimal(sign + whole + fraction, code)
        if sep == thousands:
            return as_thousands  # the page language's thousands mark (documented above)
        as_decimal = _decimal(sign + whole + "." + fraction, code)
        raise NumberError("ambiguous_amount", (as_thousands, as_decimal))
    return _decimal(sign + whole + "." + fraction, code)


def _quantity(text: str, units: tuple[str, ...], code: str) -> Decimal:
    raw = SPACES.sub(" ", text.strip()).lower()
    for unit in units:
        if raw.endswith(unit) and re.search(r"\d\s*" + re.escape(unit) + "$", raw):
            raw = raw[: -len(unit)].strip()
            break
    if not re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?", raw):
        raise NumberError(code)
    return _decimal(raw.replace(",", "."), code)


def parse_months(text: str) -> Decimal:
    """A duration in months: ``6``, ``1,5``, ``1.5``, ``6 mois``, ``6 maanden``."""
    return _quantity(text, _MONTH_UNITS, "not_months")


def parse_hours(text: str) -> Decimal:
    """Hours per week: ``30``, ``37,5``, ``30 h``, ``30u``, ``30 uur``, ``30 heures``."""
    return _quantity(text, _HOUR_UNITS, "not_hours")

"""Figure extractors: what a page says, compared with what cip_core holds.

The extractors are data (``tools/watch/extractors.toml``): a page, the parameter it states, a
pattern whose group ``amount`` is the figure, its unit, and the date the figure is for. This
module only reads them, finds the figure in the page's text and compares.

What we hold comes from cip_core's dated accessors (``cip_core.parameters.value_at``) on the
figure's date: today, unless the page dates its own figure (``as_of``: "barema van mei 2024").
A held range (an announced change whose amount no source states) is "changed" only when the
page's figure lies outside it: a figure inside the range is what we expected, and only a person
can tell whether it is the amount that ends the uncertainty (the report shows it all the same).
"""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path

from cip_core.parameters import UNKNOWN, parameter, value_at
from cip_core.rules.allowance import adult_minimum

QUANTITIES = ("full", "half")  # the parameter's amount itself, or half of it (the 18+ minimum)
UNCHANGED = "unchanged"
CHANGED = "changed"


class ExtractorError(ValueError):
    """A mistake in the extractors file, said so that an editor can fix it."""


@dataclass(frozen=True)
class Extractor:
    id: str
    url: str
    parameter: str
    quantity: str
    unit: str
    pattern: re.Pattern[str]
    as_of: date | None  # the date the page states its figure for; None: today
    tolerance: Decimal
    decimal_mark: str
    kind: str  # official | secondary, as in sources.toml
    note: str


def load_extractors(path: Path) -> list[Extractor]:
    """Read and check the extractors file (``ExtractorError`` names the entry and the field)."""
    try:
        raw = tomllib.loads(path.read_text("utf-8"), parse_float=Decimal)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ExtractorError(f"{path}: {error}") from None
    found = [
        _extractor(entry, f"{path} [[figure]] #{n}")
        for n, entry in enumerate(raw.get("figure", []), 1)
    ]
    ids = [e.id for e in found]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ExtractorError(f"{path}: id used twice: {', '.join(twice)}")
    return found


def _extractor(entry: dict[str, object], where: str) -> Extractor:
    def field(name: str) -> str:
        value = entry.get(name)
        if not isinstance(value, str) or not value:
            raise ExtractorError(f"{where}: `{name}` is missing (a text)")
        return value

    where = f"{where} ({entry.get('id', '?')})"
    name = field("parameter")
    try:
        held_unit = parameter(name).unit
    except (OSError, KeyError, LookupError):
        raise ExtractorError(
            f"{where}: no parameter file cip_core/parameters/{name}.toml"
        ) from None
    if field("unit") != held_unit:
        raise ExtractorError(f"{where}: unit {field('unit')!r}, but {name} is in {held_unit!r}")
    if field("quantity") not in QUANTITIES:
        raise ExtractorError(f"{where}: quantity must be one of {', '.join(QUANTITIES)}")
    try:
        pattern = re.compile(field("pattern"))
    except re.error as error:
        raise ExtractorError(f"{where}: bad pattern ({error})") from None
    if "amount" not in pattern.groupindex:
        raise ExtractorError(f"{where}: the pattern needs a group (?P<amount>...)")
    as_of = entry.get("as_of")
    if as_of is not None and not isinstance(as_of, date):
        raise ExtractorError(f"{where}: as_of must be a date (YYYY-MM-DD, unquoted)")
    if field("url").split(":", 1)[0] not in ("http", "https"):
        raise ExtractorError(f"{where}: url must be an http(s) address")
    mark = str(entry.get("decimal_mark", ","))
    if mark not in (",", "."):
        raise ExtractorError(f"{where}: decimal_mark is ',' or '.'")
    return Extractor(
        id=field("id"),
        url=field("url"),
        parameter=name,
        quantity=field("quantity"),
        unit=field("unit"),
        pattern=pattern,
        as_of=as_of,
        tolerance=Decimal(str(entry.get("tolerance", "0"))),
        decimal_mark=mark,
        kind=str(entry.get("kind", "official")),
        note=str(entry.get("note", "")),
    )


@dataclass(frozen=True)
class Held:
    """What we hold for the figure's date: ``low == high`` when the amount is known."""

    day: date
    low: Decimal
    high: Decimal
    since: date

    @property
    def exact(self) -> bool:
        return self.low == self.high


def held(extractor: Extractor, today: date) -> Held:
    day = extractor.as_of or today
    try:
        value = value_at(extractor.parameter, day)
    except LookupError as error:
        raise ExtractorError(f"{extractor.id}: {error}") from None
    if value.certainty == UNKNOWN:
        low, high = Decimal(value.data["low"]), Decimal(value.data["high"])
    else:
        low = high = Decimal(value.data["amount"])
    if extractor.quantity == "half":
        low, high = adult_minimum(low), adult_minimum(high)
    return Held(day, low, high, value.start)


@dataclass(frozen=True)
class FigureCheck:
    extractor: Extractor
    held: Held
    verdict: str  # unchanged | changed
    found: Decimal | None  # None: the page no longer states the figure in the expected words
    quote: str
    page: str  # the address the page was read at (after redirects)


def check_figure(extractor: Extractor, page_html: str, page: str, today: date) -> FigureCheck:
    """Find the figure on the page and compare it with what we hold."""
    expected = held(extractor, today)
    text = page_text(page_html)
    match = extractor.pattern.search(text)
    if match is None:
        return FigureCheck(extractor, expected, CHANGED, None, "", page)
    found = read_amount(match.group("amount"), extractor.decimal_mark)
    quote = _quote(text, match)
    if found is None:
        return FigureCheck(extractor, expected, CHANGED, None, quote, page)
    low, high = expected.low - extractor.tolerance, expected.high + extractor.tolerance
    verdict = UNCHANGED if low <= found <= high else CHANGED
    return FigureCheck(extractor, expected, verdict, found, quote, page)


def read_amount(written: str, decimal_mark: str = ",") -> Decimal | None:
    """``2.111,89``, ``1 035,20``, ``€1035,20`` or ``796.90`` (with ``decimal_mark="."``)."""
    thousands = "." if decimal_mark == "," else ","
    digits = re.sub(r"[\s\u00a0\u202f€]", "", written).replace(thousands, "")
    try:
        return Decimal(digits.replace(decimal_mark, "."))
    except InvalidOperation:
        return None


def _quote(text: str, match: re.Match[str], context: int = 60) -> str:
    start = max(0, match.start() - context)
    end = min(len(text), match.end() + context)
    start = (
        text.rfind(" ", 0, match.start()) if start and " " in text[start : match.start()] else start
    )
    quoted = text[start:end].strip()
    return ("… " if start > 0 else "") + quoted + (" …" if end < len(text) else "")


class _Text(HTMLParser):
    """The visible text of a page: tags dropped, scripts and styles skipped."""

    SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def page_text(page_html: str) -> str:
    """One line of text: the page's words, no-break spaces as spaces, runs of spaces as one."""
    parser = _Text()
    parser.feed(page_html)
    parser.close()
    text = html.unescape("".join(parser.parts))
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()

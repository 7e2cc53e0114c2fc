"""Figure markers: ``{{cip NAME key=value ...}}`` in Markdown, replaced by values from cip_core.

Plain Python on purpose: the MkDocs plugin (``figures_plugin.py``), the Python-Markdown
extension (``markdown_ext.py``) and the parity checker all call this module, so a move to
another generator (Zensical has no plugin API) keeps the figures.

Every value comes from ``cip_core.parameters`` and is formatted by ``cip_core.money`` for the
page's language: a figure typed once, in the parameter files, cannot drift after an indexation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cip_core.checked import checked_on
from cip_core.messages import LANGUAGES, lookup, text
from cip_core.money import format_date, format_money, format_number, format_percent
from cip_core.parameters import UNKNOWN, DatedValue, Parameter, parameter
from cip_core.rules.allowance import (
    FIRM,
    adult_minimum,
    current_minimum,
    scaled_minimum,
)
from cip_core.rules.minimum import age_share
from site_plugins.calculator_form import render_calculator

# The build's clock: figures "for today" are those of a stage starting on the build day, computed
# by cip_core.rules.allowance.current_minimum, the function behind the calculator's minimum.
# Tests replace it to fix the day.
clock: Callable[[], date] = date.today

# `{{cip rmmg at=2021-09-01}}`; spaces inside the braces are tolerated.
MARKER_RE = re.compile(r"\{\{\s*cip(?:\s+(?P<body>[^{}]*?))?\s*\}\}")
# Something that starts like a marker but never closes on its line: a typo an editor must see.
UNCLOSED_RE = re.compile(r"\{\{\s*cip\b(?![^\n]*\}\})")
ARG_RE = re.compile(r"^(?P<key>[a-z_]+)=(?P<value>\S+)$")


class FigureError(ValueError):
    """A marker that cannot be replaced; ``line`` is 1-based within the Markdown given."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Marker:
    """One marker as written: where it is, its name and its arguments (not yet validated)."""

    line: int
    text: str
    name: str
    args: tuple[tuple[str, str], ...]
    start: int
    end: int

    @property
    def signature(self) -> str:
        """``rmmg at=2021-09-01``: what two language versions of a page must share."""
        return " ".join([self.name, *(f"{k}={v}" for k, v in self.args)])


def find_markers(markdown: str) -> Iterator[Marker]:
    """Every marker of ``markdown`` in order; ``FigureError`` for a malformed one."""
    for number, line in enumerate(markdown.split("\n"), start=1):
        unclosed = UNCLOSED_RE.search(line)
        if unclosed:
            raise FigureError(
                number,
                f"figure marker not closed: {line[unclosed.start() :].strip()!r} "
                "(write it on one line as {{cip NAME}})",
            )
    offsets = _line_offsets(markdown)
    for match in MARKER_RE.finditer(markdown):
        line = _line_of(offsets, match.start())
        words = (match.group("body") or "").split()
        name = words[0] if words else ""
        args: list[tuple[str, str]] = []
        for word in words[1:]:
            arg = ARG_RE.match(word)
            if not arg:
                raise FigureError(
                    line,
                    f"bad argument {word!r} in {match.group(0)}: write key=value, "
                    "e.g. {{cip rmmg at=2021-09-01}}",
                )
            args.append((arg["key"], arg["value"]))
        yield Marker(line, match.group(0), name, tuple(args), match.start(), match.end())


def render_figures(markdown: str, lang: str, page_url: str | None = None) -> str:
    """``markdown`` with every marker replaced by its value for ``lang`` (a catalogue's name).

    ``page_url`` (e.g. "nl/calculateur/") is the page's address from the site root: the
    calculator block makes its links relative to it.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"figures exist in {', '.join(LANGUAGES)}, not {lang!r}")
    parts: list[str] = []
    position = 0
    for marker in find_markers(markdown):
        parts.append(markdown[position : marker.start])
        if marker.name in ALONE_ON_LINE:
            _check_alone_on_line(markdown, marker)
        if marker.name == CALCULATOR:
            parts.append(_calculator(marker, lang, page_url))
        else:
            parts.append(figure(marker, lang))
        position = marker.end
    parts.append(markdown[position:])
    return "".join(parts)


CALCULATOR = "calculator"
ALONE_ON_LINE = ("rmmg_history", CALCULATOR)


def _calculator(marker: Marker, lang: str, page_url: str | None) -> str:
    """The calculator block (site_plugins.calculator_form), its hints' markers replaced."""
    if marker.args:
        raise FigureError(marker.line, f"{marker.text}: the calculator takes no argument")
    if page_url is None:
        raise FigureError(marker.line, f"{marker.text} needs the page's address (page_url)")
    return render_figures(render_calculator(lang, page_url), lang, page_url)


def figure(marker: Marker, lang: str) -> str:
    """The text that replaces one marker."""
    spec = FIGURES.get(marker.name)
    if spec is None:
        names = ", ".join(sorted([*FIGURES, CALCULATOR]))
        raise FigureError(marker.line, f"unknown figure marker {marker.text}; valid names: {names}")
    args = dict(marker.args)
    if len(args) != len(marker.args):
        raise FigureError(marker.line, f"argument given twice in {marker.text}")
    unknown = sorted(set(args) - set(spec.args))
    if unknown:
        allowed = ", ".join(f"{a}=" for a in spec.args) or "no argument"
        raise FigureError(
            marker.line,
            f"unknown argument {unknown[0]}= in {marker.text}; {marker.name} accepts {allowed}",
        )
    try:
        return spec.render(Arguments(args), lang)
    except _ArgumentError as error:
        raise FigureError(marker.line, f"{marker.text}: {error}") from None


# --- the figures -------------------------------------------------------------------------


class _ArgumentError(ValueError):
    pass


class Arguments:
    """The arguments of one marker, parsed on demand with messages an editor understands."""

    def __init__(self, raw: dict[str, str]) -> None:
        self.raw = raw

    def day(self) -> date | None:
        text = self.raw.get("at")
        if text is None:
            return None
        try:
            return date.fromisoformat(text) if len(text) == 10 else _bad_date(text)
        except ValueError:
            return _bad_date(text)

    def age(self, required: bool) -> int | None:
        text = self.raw.get("age")
        if text is None:
            if required:
                raise _ArgumentError("age= is required, e.g. age=16 (15 to 20)")
            return None
        if text not in SCALE_AGES:
            raise _ArgumentError(f"age={text} is not on the age scale: use 15 to 20")
        return int(text)


# The ages whose minimum is a share of the adult one (a range from 18 to 20: age_scale.toml).
SCALE_AGES = ("15", "16", "17", "18", "19", "20")


def _bad_date(text: str) -> date:
    raise _ArgumentError(f"bad date at={text}: write at=YYYY-MM-DD, e.g. at=2021-09-01")


def _dated(name: str, day: date | None) -> DatedValue:
    """The value in force on ``day`` (on the build's day when none is given, like the
    calculator: a forecast row for a later day never shows as today's value)."""
    known = parameter(name)
    day = day or clock()
    try:
        return known.at(day)
    except LookupError:
        raise _ArgumentError(
            f"no value of {name} is known before {known.first_date.isoformat()}"
        ) from None


def _rmmg(value: DatedValue) -> Decimal:
    """The amount (the top of the range when only a range is known)."""
    return Decimal(value.data["high" if value.certainty == UNKNOWN else "amount"])


def _low(value: DatedValue) -> Decimal:
    return Decimal(value.data["low" if value.certainty == UNKNOWN else "amount"])


def _amounts(low: Decimal, high: Decimal, lang: str) -> str:
    if low == high:
        return format_money(high, lang)
    return text(
        lang, "figures", "range", low=format_money(low, lang), high=format_money(high, lang)
    )


def _rmmg_text(value: DatedValue, lang: str) -> str:
    return _amounts(_low(value), _rmmg(value), lang)


def _today_minimum(args: Arguments, lang: str) -> str:
    """The 18+ full-time minimum for a stage starting today, labelled when it is to confirm."""
    today = current_minimum(clock())
    shown = _amounts(today.low, today.high, lang)
    if today.certainty == FIRM:
        return shown
    return text(lang, "figures", "to_confirm", amount=shown)


def _seed_history(args: Arguments, lang: str) -> str:
    """The sheet's 2021 figure, in the past tense, with the other source's figure beside it."""
    seed = _dated("rmmg", date(2021, 9, 1))
    previous = parameter("rmmg").values[parameter("rmmg").values.index(seed) - 1]
    return text(
        lang,
        "figures",
        "seed_history",
        rmmg=format_money(_rmmg(seed), lang),
        minimum=format_money(_half(_rmmg(seed)), lang),
        other=format_money(Decimal(seed.data["other_amount"]), lang),
        previous=format_money(_rmmg(previous), lang),
    )


def _half(amount: Decimal) -> Decimal:
    return adult_minimum(amount)


def _minimum(args: Arguments, lang: str) -> str:
    age = args.age(required=False)
    if args.day() is None and age is None:
        return _today_minimum(args, lang)  # the current minimum: the calculator's function
    value = _dated("rmmg", args.day() or clock())
    if age is None:
        return _amounts(_half(_low(value)), _half(_rmmg(value)), lang)
    share = age_share(age, value.start)
    if share is None:  # the scale has no such age on that date
        raise _ArgumentError(f"no percentage is known for age {age}")
    # Same arithmetic as the calculator (cip_core.rules.minimum).
    low = scaled_minimum(_low(value), share.low)
    high = scaled_minimum(_rmmg(value), share.high)
    return _amounts(low, high, lang)


def _age_percent(args: Arguments, lang: str) -> str:
    age = args.age(required=True)
    assert age is not None
    share = age_share(age, args.day() or clock())
    if share is None:
        raise _ArgumentError(f"no percentage is known for age {age}")
    low, high = (format_percent(p / 100, lang) for p in (share.low, share.high))
    return high if low == high else text(lang, "figures", "range", low=low, high=high)


def _source_link(value: DatedValue) -> str:
    title = value.reference_title or value.reference
    return f"[{_escape_link_text(title)}]({value.reference})"


def _escape_link_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _certainty_word(value: DatedValue, lang: str) -> str:
    words: dict[str, str] = lookup(lang, "figures", "certainty")
    # stated, inferred and unknown each have their word; an expected index step its own.
    return words["forecast" if value.forecast else value.certainty]


def _history(args: Arguments, lang: str) -> str:
    """Every dated RMMG value, newest first, as a Markdown table."""
    headings: list[str] = lookup(lang, "figures", "history_headings")
    rows = [
        "| " + " | ".join(headings) + " |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for value in reversed(parameter("rmmg").values):
        cells = (
            format_date(value.start, lang),
            _rmmg_text(value, lang),
            _amounts(_half(_low(value)), _half(_rmmg(value)), lang),
            _certainty_word(value, lang),
            _source_link(value).replace("|", "\\|"),
        )
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _limit(key: str, as_percent: bool = False) -> Callable[[Arguments, str], str]:
    def render(args: Arguments, lang: str) -> str:
        number = Decimal(_dated("limits", args.day()).data[key])
        return format_percent(number, lang) if as_percent else format_number(number, lang)

    return render


def _checked(args: Arguments, lang: str) -> str:
    known: Parameter = parameter("rmmg")
    return format_date(known.last_value_still_valid_on, lang)


def _sources_checked(args: Arguments, lang: str) -> str:
    """When the sources of today's minimum were last checked (cip_core.checked, issue 17)."""
    return text(lang, "figures", "sources_checked", day=format_date(checked_on(), lang))


@dataclass(frozen=True)
class FigureSpec:
    args: tuple[str, ...]
    render: Callable[[Arguments, str], str]


FIGURES: dict[str, FigureSpec] = {
    "rmmg": FigureSpec(("at",), lambda a, lang: _rmmg_text(_dated("rmmg", a.day()), lang)),
    "minimum_allowance": FigureSpec(("at", "age"), _minimum),
    "minimum_today": FigureSpec((), _today_minimum),
    "rmmg_2021_history": FigureSpec((), _seed_history),
    "rmmg_since": FigureSpec(
        ("at",), lambda a, lang: format_date(_dated("rmmg", a.day()).start, lang)
    ),
    "rmmg_source": FigureSpec(("at",), lambda a, lang: _source_link(_dated("rmmg", a.day()))),
    "rmmg_checked": FigureSpec((), _checked),
    "sources_checked": FigureSpec((), _sources_checked),
    "rmmg_history": FigureSpec((), _history),
    "age_percent": FigureSpec(("age", "at"), _age_percent),
    "duration_min_months": FigureSpec(("at",), _limit("duration_min_months")),
    "duration_max_months": FigureSpec(("at",), _limit("duration_max_months")),
    "derogation_max_months": FigureSpec(("at",), _limit("derogation_max_months")),
    "min_time_fraction": FigureSpec(("at",), _limit("min_time_fraction", as_percent=True)),
    "default_full_time_hours": FigureSpec(("at",), _limit("default_full_time_hours")),
    "activa_months": FigureSpec(("at",), _limit("activa_months")),
    "dv5_min_weeks": FigureSpec(("at",), _limit("dv5_min_weeks")),
    "dv5_min_weekly_hours": FigureSpec(("at",), _limit("dv5_min_weekly_hours")),
    "vdab_max_weeks": FigureSpec(("at",), _limit("vdab_max_weeks")),
    "vdab_plan_lead_weeks": FigureSpec(("at",), _limit("vdab_plan_lead_weeks")),
    "vdab_plan_max_lead_months": FigureSpec(("at",), _limit("vdab_plan_max_lead_months")),
}


# --- helpers -----------------------------------------------------------------------------


def _check_alone_on_line(markdown: str, marker: Marker) -> None:
    line_start = markdown.rfind("\n", 0, marker.start) + 1
    line_end = markdown.find("\n", marker.end)
    line = markdown[line_start : None if line_end < 0 else line_end]
    if line.strip() != marker.text:
        raise FigureError(
            marker.line,
            f"{marker.text} is a table: put it alone on its own line, with a blank line before",
        )


def _line_of(offsets: list[int], position: int) -> int:
    return bisect_right(offsets, position)


def _line_offsets(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]

"""Every figure marker, registered on the cip_core function whose value it prints.

A renderer reads a figure from cip_core (``rmmg_on``, ``current_minimum``, ``adult_minimum``,
``scaled_minimum``, ``age_share``, ``value_at``, ``checked_on``) and formats it for the page's
language with ``cip_core.formatting`` and the catalogue's words; it never works a figure out itself,
so the pages and the calculator cannot disagree.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cip_core.bodies import CONTACT_FIELDS, body_keys
from cip_core.bodies import body as body_info
from cip_core.checked import checked_on
from cip_core.formatting import format_date, format_money, format_number, format_percent
from cip_core.messages import lookup, text
from cip_core.parameters import DatedValue, parameter, value_at
from cip_core.rules import FIRM
from cip_core.rules.minimum import (
    RmmgOn,
    adult_minimum,
    age_share,
    current_minimum,
    rmmg_on,
    scaled_minimum,
)
from cip_core.sources import reference_in
from site_plugins.figures.calculator_form import render_calculator
from site_plugins.figures.registry import ArgumentError, Arguments, Registry
from site_plugins.language.typography import NBSP

MARKERS = Registry()
# The fact sheet's own RMMG date (its "Au 01/09/2021, le RMMG est de …").
SHEET_DAY = date(2021, 9, 1)


def _in_force(name: str, day: date) -> DatedValue:
    """``value_at`` with the error an editor understands for a day before the first value."""
    try:
        return value_at(name, day)
    except LookupError:
        first = parameter(name).first_date.isoformat()
        raise ArgumentError(f"no value of {name} is known before {first}") from None


def _rmmg(day: date) -> RmmgOn:
    try:
        return rmmg_on(day)
    except LookupError:
        first = parameter("rmmg").first_date.isoformat()
        raise ArgumentError(f"no value of rmmg is known before {first}") from None


def _amounts(low: Decimal, high: Decimal, lang: str) -> str:
    """One amount, or the catalogue's range ("between … and …") when only a range is known."""
    if low == high:
        return format_money(high, lang)
    return text(
        lang, "figures", "range", low=format_money(low, lang), high=format_money(high, lang)
    )


@MARKERS.register(
    "rmmg",
    args=("at",),
    core="rules.minimum.rmmg_on",
    prints="the RMMG (GGMMI) in force on `at=` (default: the build day); a range when only "
    "a range is known",
    example="rmmg at=2021-09-01",
)
def _rmmg_amount(args: Arguments, lang: str) -> str:
    rmmg = _rmmg(args.day() or args.today)
    return _amounts(rmmg.low, rmmg.high, lang)


@MARKERS.register(
    "minimum_today",
    core="rules.minimum.current_minimum",
    prints="the 18+ full-time minimum for a stage starting on the build day (the calculator's "
    "figure), marked “to confirm” when it is",
)
def _minimum_today(args: Arguments, lang: str) -> str:
    today = current_minimum(args.today)
    shown = _amounts(today.low, today.high, lang)
    if today.certainty == FIRM:
        return shown
    return text(lang, "figures", "to_confirm", amount=shown)


@MARKERS.register(
    "minimum_allowance",
    args=("at", "age"),
    core="rules.minimum.current_minimum, rmmg_on, adult_minimum, scaled_minimum, age_share",
    prints="RMMG / 2 rounded to the cent on `at=`, or on the build day; `age=` on the age scale "
    "(15 to 20; a range from 18 to 20); with no argument, the same as `minimum_today`",
    example="minimum_allowance at=2021-09-01",
)
def _minimum(args: Arguments, lang: str) -> str:
    day, age = args.day(), args.age(required=False)
    if day is None and age is None:
        return _minimum_today(args, lang)
    rmmg = _rmmg(day or args.today)
    if age is None:
        return _amounts(adult_minimum(rmmg.low), adult_minimum(rmmg.high), lang)
    share = age_share(age, rmmg.since)
    if share is None:  # the scale has no such age on that date
        raise ArgumentError(f"no percentage is known for age {age}")
    # Same arithmetic as the calculator (cip_core.rules.minimum).
    low, high = scaled_minimum(rmmg.low, share.low), scaled_minimum(rmmg.high, share.high)
    return _amounts(low, high, lang)


@MARKERS.register(
    "rmmg_2021_history",
    core="rules.minimum.rmmg_on, adult_minimum; parameters.value_at",
    prints="the sentence on the sheet's 2021 RMMG, its minimum and the other sources' figure",
)
def _sheet_history(args: Arguments, lang: str) -> str:
    sheet, before = rmmg_on(SHEET_DAY), rmmg_on(SHEET_DAY - timedelta(days=1))
    other = Decimal(value_at("rmmg", SHEET_DAY).data["other_amount"])
    return text(
        lang,
        "figures",
        "seed_history",
        rmmg=format_money(sheet.high, lang),
        minimum=format_money(adult_minimum(sheet.high), lang),
        other=format_money(other, lang),
        previous=format_money(before.high, lang),
    )


@MARKERS.register(
    "rmmg_since",
    args=("at",),
    core="rules.minimum.rmmg_on",
    prints="the date the RMMG in force on `at=` applies from",
    example="rmmg_since at=2021-12-31",
)
def _since(args: Arguments, lang: str) -> str:
    return format_date(_rmmg(args.day() or args.today).since, lang)


def _source_link(value: DatedValue, lang: str) -> str:
    """A link to the page stating ``value``, in the page's language where the source has one,
    followed by the language it is in otherwise ("(in French)")."""
    url, note = reference_in(value, lang)
    title = value.reference_title or url
    shown = title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f"[{shown}]({url})" + (f" ({note})" if note else "")


@MARKERS.register(
    "rmmg_source",
    args=("at",),
    core="parameters.value_at",
    prints="a Markdown link to the source of the RMMG in force on `at=`",
)
def _source(args: Arguments, lang: str) -> str:
    return _source_link(_in_force("rmmg", args.day() or args.today), lang)


@MARKERS.register(
    "rmmg_checked",
    core="parameters.parameter (last_value_still_valid_on)",
    prints="the date until which the newest RMMG was checked",
)
def _checked(args: Arguments, lang: str) -> str:
    return format_date(parameter("rmmg").last_value_still_valid_on, lang)


@MARKERS.register(
    "sources_checked",
    core="checked.checked_on",
    prints="“dernière vérification des sources : …”: the oldest `last_value_still_valid_on` "
    "behind today's minimum",
)
def _sources_checked(args: Arguments, lang: str) -> str:
    return text(lang, "figures", "sources_checked", day=format_date(checked_on(), lang))


@MARKERS.register(
    "rmmg_history",
    core="rules.minimum.rmmg_on, adult_minimum; parameters.parameter",
    prints="the table of every dated RMMG, newest first, with the minimum, how sure it is and "
    "its source",
    alone_on_line=True,
)
def _history(args: Arguments, lang: str) -> str:
    headings: list[str] = lookup(lang, "figures", "history_headings")
    certainty: dict[str, str] = lookup(lang, "figures", "certainty")
    rows = ["| " + " | ".join(headings) + " |", "| --- | ---: | ---: | --- | --- |"]
    for value in reversed(parameter("rmmg").values):
        rmmg = rmmg_on(value.start)
        cells = (
            format_date(rmmg.since, lang),
            _amounts(rmmg.low, rmmg.high, lang),
            _amounts(adult_minimum(rmmg.low), adult_minimum(rmmg.high), lang),
            # stated, inferred and unknown each have their word; an expected index step its own.
            certainty["forecast" if rmmg.forecast else rmmg.certainty],
            _source_link(value, lang).replace("|", "\\|"),
        )
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


@MARKERS.register(
    "age_percent",
    args=("age", "at"),
    core="rules.minimum.age_share",
    prints="the share of the minimum owed at `age=` (required; 15 to 20), a range from 18 to 20",
    example="age_percent age=16 at=2021-09-01",
)
def _age_percent(args: Arguments, lang: str) -> str:
    age = args.age(required=True)
    assert age is not None
    share = age_share(age, args.day() or args.today)
    if share is None:
        raise ArgumentError(f"no percentage is known for age {age}")
    low, high = (format_percent(p / 100, lang) for p in (share.low, share.high))
    return high if low == high else text(lang, "figures", "range", low=low, high=high)


def _register_limit(key: str, prints: str, as_percent: bool = False) -> None:
    def render(args: Arguments, lang: str) -> str:
        number = Decimal(_in_force("limits", args.day() or args.today).data[key])
        return format_percent(number, lang) if as_percent else format_number(number, lang)

    MARKERS.register(
        key,
        args=("at",),
        core="parameters.value_at (limits)",
        prints=prints,
        example=f"{key} at={SHEET_DAY.isoformat()}",
    )(render)


for _key, _prints in (
    ("duration_min_months", "the shortest CIP, in months"),
    ("duration_max_months", "the longest CIP without a derogation, in months"),
    ("derogation_max_months", "the longest CIP with a derogation, in months"),
    ("default_full_time_hours", "full-time weekly hours when the sector's are not given"),
    ("activa_months", "months of CIP that give the activa.brussels certificate"),
    ("dv5_min_weeks", "the shortest stage for the DV5 exemption, in weeks"),
    ("dv5_min_weekly_hours", "the fewest weekly hours for the DV5 exemption"),
    ("vdab_max_weeks", "the longest stage on the VDAB route, in weeks"),
    ("vdab_plan_lead_weeks", "weeks before the start by which VDAB must receive the plan"),
    ("vdab_plan_max_lead_months", "months before the start from which VDAB takes the plan"),
):
    _register_limit(_key, _prints)
_register_limit("min_time_fraction", "the smallest share of full time, as a percentage", True)


def phone_link(phone: str) -> str:
    """A tel: link, its number joined by no-break spaces: it never wraps inside itself."""
    return f"[{phone.replace(' ', NBSP)}](tel:{''.join(c for c in phone if c in '+0123456789')})"


@MARKERS.register(
    "body_contact",
    args=("body",),
    core="bodies.body (contact_details, from cip_core/data/bodies.toml)",
    prints="a body's phone, e-mail and address as a page states them, and that page; its own "
    "page alone when no page we read states any (`body=`: bruxelles_formation, vdab, forem…)",
    example="body_contact body=forem",
)
def _body_contact(args: Arguments, lang: str) -> str:
    key = args.raw.get("body", "")
    if key not in body_keys():
        raise ArgumentError(f"body={key} is not a body: use one of {', '.join(body_keys())}")
    details = body_info(key, lang).contact_details
    labels: dict[str, str] = lookup(lang, "labels")
    label_format = str(lookup(lang, "format", "label"))
    shown = {
        "phone": phone_link,
        "email": lambda v: f"[{v}](mailto:{v})",
        "address": lambda v: v,
    }
    parts = [
        label_format.format(label=labels[name]) + " " + shown[name](str(details[name]))
        for name in CONTACT_FIELDS
        if details.get(name)
    ]
    if not parts:  # nothing stated: the body's own page, never a guessed number
        return f"[{labels['contact_page']}]({details['page']})"
    note = f" ({details['source_note']})" if details.get("source_note") else ""
    return " · ".join([*parts, f"[{labels['source']}]({details['source']}){note}"])


@MARKERS.register(
    "calculator",
    core="questions.toml and the catalogues, through site_plugins/figures/calculator_form.py",
    prints="the whole calculator block, its links relative to the page",
    alone_on_line=True,
    needs_page=True,
    holds_markers=True,
)
def _calculator(args: Arguments, lang: str) -> str:
    assert args.page_url is not None  # markers.py checks needs_page first
    return render_calculator(lang, args.page_url)

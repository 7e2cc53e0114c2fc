"""The figure markers print cip_core's values, formatted for each language, or fail clearly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cip_core.formatting import format_date, format_money, format_number, format_percent, to_cents
from cip_core.messages import LANGUAGES, lookup
from cip_core.parameters import parameter, value_at
from cip_core.sources import reference_in
from site_plugins.figures.markers import FigureError, find_markers, render_figures
from site_plugins.figures.values import MARKERS

LANGS = LANGUAGES  # every catalogue's language


def rmmg_at(day: date | None = None) -> Decimal:
    # Without a day: the value in force today, as a marker without at= prints it.
    value = value_at("rmmg", day or date.today())
    return Decimal(value.data.get("amount", value.data.get("high")))  # a range: its top


@pytest.mark.parametrize("lang", LANGS)
def test_rmmg_and_minimum_come_from_the_core(lang: str) -> None:
    day = date(2021, 9, 1)
    text = render_figures(
        "{{cip rmmg}}|{{cip minimum_allowance}}|{{cip rmmg at=2021-09-01}}|"
        "{{cip minimum_allowance at=2021-09-01}}",
        lang,
    )
    # Without at=: today's value (a range when only a range is known) and today's minimum.
    assert format_money(rmmg_at(), lang) in text.split("|")[0]
    assert text.split("|")[1] == render_figures("{{cip minimum_today}}", lang)
    assert text.split("|")[2:] == [
        format_money(rmmg_at(day), lang),
        format_money(to_cents(rmmg_at(day) / 2), lang),
    ]


def test_the_sheet_sentence_prints_as_the_sheet_does() -> None:
    # The seed: "Au 01/09/2021, le RMMG est de 1.658,19 €. […] 829,10 €/mois." (French
    # typography now groups thousands with a narrow no-break space.)
    nbsp, nnbsp = "\u00a0", "\u202f"
    assert render_figures("{{cip rmmg at=2021-09-01}}", "fr") == f"1{nnbsp}658,19{nbsp}€"
    assert render_figures("{{cip minimum_allowance at=2021-09-01}}", "fr") == f"829,10{nbsp}€"
    assert render_figures("{{cip minimum_allowance at=2021-09-01}}", "nl") == f"€{nbsp}829,10"


@pytest.mark.parametrize("lang", LANGS)
def test_dates_source_and_checked(lang: str) -> None:
    rmmg = parameter("rmmg")
    day = date(2021, 9, 1)
    today = value_at("rmmg", date.today()).start
    assert render_figures("{{cip rmmg_since}}", lang) == format_date(today, lang)
    assert render_figures("{{cip rmmg_since at=2021-12-31}}", lang) == format_date(day, lang)
    assert render_figures("{{cip rmmg_checked}}", lang) == format_date(
        rmmg.last_value_still_valid_on, lang
    )
    source = render_figures("{{cip rmmg_source at=2021-09-01}}", lang)
    # The sheet's own page, in French: marked so on the other languages' pages.
    url, note = reference_in(value_at("rmmg", day), lang)
    assert url == value_at("rmmg", day).reference
    assert source.endswith(f"]({url})" + (f" ({note})" if note else ""))
    assert source.startswith("[") and (note == "") == (lang == "fr")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("age", [15, 16, 17])
def test_under_18_scale(lang: str, age: int) -> None:
    day = date(2025, 3, 3)  # a stated RMMG: one amount, no range
    percent = Decimal(value_at("age_scale", day).data["percent"][str(age)])
    assert render_figures(f"{{{{cip age_percent age={age}}}}}", lang, today=day) == format_percent(
        percent / 100, lang
    )
    # The published 18+ minimum first (rounded), then the percentage, rounded again.
    expected = to_cents(to_cents(rmmg_at(day) / 2) * percent / 100)
    assert render_figures(
        f"{{{{cip minimum_allowance age={age}}}}}", lang, today=day
    ) == format_money(expected, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_limits(lang: str) -> None:
    limits = value_at("limits", date.today()).data
    for name in (
        "duration_min_months",
        "duration_max_months",
        "derogation_max_months",
        "default_full_time_hours",
        "dv5_min_weeks",
        "dv5_min_weekly_hours",
        "vdab_max_weeks",
        "vdab_plan_lead_weeks",
        "vdab_plan_max_lead_months",
    ):
        expected = format_number(Decimal(limits[name]), lang)
        assert render_figures(f"{{{{cip {name}}}}}", lang) == expected, name
    assert render_figures("{{cip min_time_fraction}}", lang) == format_percent(
        Decimal(limits["min_time_fraction"]), lang
    )


@pytest.mark.parametrize("lang", LANGS)
def test_history_has_one_row_per_dated_value(lang: str) -> None:
    table = render_figures("{{cip rmmg_history}}", lang).split("\n")
    values = parameter("rmmg").values
    assert len(table) == 2 + len(values)
    assert table[0].startswith(f"| {lookup(lang, 'figures', 'history_headings')[0]} |")
    body = table[2:]
    for row, value in zip(body, reversed(values), strict=True):
        amount = Decimal(value.data.get("amount", value.data.get("high")))
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert cells[0] == format_date(value.start, lang)
        assert format_money(amount, lang) in cells[1]
        assert format_money(to_cents(amount / 2), lang) in cells[2]
        url, note = reference_in(value, lang)  # the page's language where the source has one
        assert f"]({url})" in cells[4] and note in cells[4]
    # Each row says how sure its value is, in the catalogue's words; French and Dutch by hand.
    by_hand = {
        "fr": {"stated": "publié", "inferred": "déduit", "unknown": "inconnu", "forecast": "prévu"},
        "nl": {
            "stated": "vermeld",
            "inferred": "afgeleid",
            "unknown": "onbekend",
            "forecast": "voorspeld",  # an index step forecast, not known to have happened
        },
    }
    words = by_hand.get(lang, lookup(lang, "figures", "certainty"))
    for row, value in zip(body, reversed(values), strict=True):
        assert words["forecast" if value.forecast else value.certainty] in row


def test_every_marker_name_renders_in_every_language() -> None:
    for spec in MARKERS:
        args = {"age_percent": " age=16", "body_contact": " body=forem"}.get(spec.name, "")
        for lang in LANGS:
            text = render_figures(f"{{{{cip {spec.name}{args}}}}}", lang, "calculateur/")
            assert text and "{{" not in text, spec.name
        assert "at" in spec.args or spec.name in (
            "rmmg_checked",
            "sources_checked",
            "rmmg_history",
            "minimum_today",
            "rmmg_2021_history",
            "calculator",
            "body_contact",
        )


def test_a_bodys_contact_block_shows_what_a_page_states_and_never_a_guess() -> None:
    vdab = render_figures("{{cip body_contact body=vdab}}", "en")
    assert "Phone: [0800\u00a030\u00a0700](tel:080030700)" in vdab
    assert "Address: Keizerslaan 11" in vdab
    assert "(in Dutch)" in vdab  # the Flemish government's page states them, in Dutch
    forem = render_figures("{{cip body_contact body=forem}}", "fr")
    assert forem.startswith("E-mail\u00a0: [cip@forem.be](mailto:cip@forem.be)"), forem
    assert "Téléphone" not in forem  # no page we read gives Le Forem's number
    bf = render_figures("{{cip body_contact body=bruxelles_formation}}", "nl")
    assert bf.startswith("[de webpagina](https://www.bruxellesformation.brussels/"), bf
    with pytest.raises(FigureError, match="body=nobody is not a body"):
        render_figures("{{cip body_contact body=nobody}}", "fr")


def test_text_without_markers_is_unchanged() -> None:
    text = "Du texte {{ autre chose }} et {{cipher}} restent tels quels.\n"
    assert render_figures(text, "fr") == text


@pytest.mark.parametrize(
    ("markdown", "line", "words"),
    [
        (
            "# T\n\nx {{cip foo}}",
            3,
            ["unknown figure marker {{cip foo}}", "rmmg", "minimum_allowance"],
        ),
        ("{{cip}}", 1, ["unknown figure marker"]),
        ("a\nb {{cip rmmg when=2021-09-01}}", 2, ["unknown argument when=", "accepts at="]),
        ("{{cip rmmg_checked at=2021-09-01}}", 1, ["unknown argument at=", "no argument"]),
        ("{{cip rmmg at=01/09/2021}}", 1, ["bad date at=01/09/2021", "YYYY-MM-DD"]),
        ("{{cip rmmg at=2021-02-30}}", 1, ["bad date"]),
        ("{{cip rmmg at=2001-01-01}}", 1, ["no value of rmmg is known before"]),
        (
            "{{cip minimum_allowance age=14}}",
            1,
            ["not on the age scale", "15, 16, 17, 18, 19 or 20"],
        ),
        ("{{cip age_percent age=21}}", 1, ["not on the age scale", "or 20"]),
        ("{{cip age_percent}}", 1, ["age= is required"]),
        ("{{cip rmmg at}}", 1, ["key=value"]),
        ("{{cip rmmg at=2021-09-01 at=2022-01-01}}", 1, ["twice"]),
        ("\n\nLe {{cip rmmg\n", 3, ["not closed"]),
        ("Voir {{cip rmmg_history}} ici", 1, ["alone on its own line"]),
    ],
)
def test_bad_markers_fail_with_line_and_hint(markdown: str, line: int, words: list[str]) -> None:
    with pytest.raises(FigureError) as caught:
        render_figures(markdown, "fr")
    assert caught.value.line == line
    for word in words:
        assert word in caught.value.message


def test_markers_are_found_in_order_with_their_arguments() -> None:
    found = list(find_markers("{{cip rmmg}}\n{{ cip minimum_allowance at=2021-09-01 age=16 }}"))
    assert [m.signature for m in found] == ["rmmg", "minimum_allowance at=2021-09-01 age=16"]
    assert [m.line for m in found] == [1, 2]


@pytest.mark.parametrize("lang", LANGS)
def test_ages_18_to_20_are_a_range_from_the_cores_function(lang: str) -> None:
    from cip_core import evaluate, parse_case

    day = date(2025, 7, 7)
    case = {"workplace_region": "brussels", "language": "fr", "age": "19", "weekly_hours": "38"}
    answer = evaluate(parse_case({**case, "start_date": day.isoformat()}, lang), lang).to_dict()
    shown = render_figures("{{cip minimum_allowance age=19}}", lang, today=day)
    assert shown == answer["allowance"]["display"]["minimum_range"]
    assert (
        render_figures("{{cip age_percent age=19}}", lang, today=day)
        == (answer["allowance"]["display"]["age_percent_range"])
    )

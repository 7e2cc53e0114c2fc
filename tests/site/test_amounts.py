"""Euro amounts typed by hand are found (with their line); dates, hours, percentages are not."""

from __future__ import annotations

import pytest

from site_plugins.figures.amounts import find_hand_typed_amounts

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    "text",
    [
        "829,10 €",
        "829,10 €/mois",
        "829,10€",
        "€ 1.658,19",
        "€1.658,19",
        "1 658,19€",
        f"1{NNBSP}658,19{NBSP}€",
        f"€{NBSP}829,10",
        "1658.19 EUR",
        "EUR 900",
        "900 euros",
        "12 euro per dag",
        "Le RMMG est de 1.658,19 €.",
        "une hausse de 35,70 € est prévue",
    ],
)
def test_amounts_with_a_currency_sign_are_found(text: str) -> None:
    found = find_hand_typed_amounts(f"# Titre\n\n{text}\n")
    assert len(found) == 1
    assert found[0].line == 3
    assert "{{cip" in found[0].message()


@pytest.mark.parametrize(
    "text",
    [
        "Au 01/09/2021, le stage dure 1 à 6 mois.",
        "38 heures par semaine, 20 h au moins, 4 semaines",
        "un mi-temps (50 %), 64 % à 15 ans",
        "une hausse de 35,70 est prévue",  # no currency sign: not money (documented choice)
        "CCT 43/17, article 107 §1, arrêté royal du 11 mars 2003",
        "Le RMMG est de {{cip rmmg at=2021-09-01}}, soit {{cip minimum_allowance}}/mois.",
        "Europe, Eurostat, EURES 2024 et l'euro en général",
        "[Dorifor](https://www.dorifor.be/article/fpie-866.html) 2020-2021",
    ],
)
def test_dates_hours_percentages_and_markers_are_not_amounts(text: str) -> None:
    assert find_hand_typed_amounts(text) == []


def test_the_hint_names_the_marker_of_a_known_value() -> None:
    (rmmg,) = find_hand_typed_amounts("Le RMMG est de 1.658,19 €.")
    assert "{{cip rmmg at=2021-09-01}}" in rmmg.message()
    (half,) = find_hand_typed_amounts("soit 829,10 €/mois")
    assert "{{cip minimum_allowance at=2021-09-01}}" in half.message()
    (other,) = find_hand_typed_amounts("EUR 900")
    assert "{{cip minimum_allowance}}" in other.message()


def test_every_amount_of_a_page_is_reported() -> None:
    found = find_hand_typed_amounts("a 1 €\nb\nc 2 € et € 3\n")
    assert [(f.line, f.text) for f in found] == [(1, "1 €"), (3, "2 €"), (3, "€ 3")]


@pytest.mark.parametrize(
    "text", ["{{cip rmmg}} €", "€ {{cip minimum_allowance}}", "{{cip rmmg}}EUR"]
)
def test_a_sign_beside_a_marker_is_refused(text: str) -> None:
    (found,) = find_hand_typed_amounts(f"Le minimum est de {text} par mois.")
    assert "{{cip" in found.text
    assert "prints the amount with its own sign" in found.message()

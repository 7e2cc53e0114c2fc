"""Every code has a sentence in both languages and a source; the contract's codes all exist."""

from __future__ import annotations

import re
import string

import pytest

from cip_core.case import FIELD_NAMES
from cip_core.messages import LANGUAGES, catalogue, check_catalogues, lookup
from cip_core.sources import known_codes, source_of

# The codes the contract requires (../shared/checker-contract.md).
CONTRACT = {
    "reasons": [
        "no_brussels_link", "employment_contract", "short_study_internship",
        "diploma_curriculum", "regulated_profession", "duration_too_short",
        "duration_too_long", "below_half_time", "allowance_below_minimum",
    ],
    "warnings": [
        "derogation_needed", "age_scale_inferred", "parameter_may_be_outdated",
        "work_permit_needed", "certificate_activa", "unemployment_reform_2026",
        "plan_deadline_passed", "age_18_20_range", "rounding_tolerance",
    ],
    "steps": [
        "sign_written_agreement", "await_plan_approval", "notify_registration_body",
        "request_exemption_dv5", "request_exemption", "stay_available", "home_body_approval",
        "declare_benefits", "contact_cpas", "insure_trainee", "request_plan_approval_by",
    ],
    "verdicts": ["eligible", "not_eligible", "refer", "incomplete"],
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("section", sorted(CONTRACT))
def test_contract_codes_have_messages(lang: str, section: str) -> None:
    messages = catalogue(lang)[section]
    for code in CONTRACT[section]:
        assert messages.get(code, "").strip(), f"{lang}: {section}.{code} has no message"


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _leaves(node: object, prefix: str = "") -> dict[str, object]:
    if not isinstance(node, dict):
        return {prefix: node}
    found: dict[str, object] = {}
    for key, value in node.items():
        found.update(_leaves(value, f"{prefix}.{key}" if prefix else key))
    return found


def test_every_catalogue_has_the_same_keys_and_placeholders() -> None:
    # Nested tables ([questions.age], [ui.stages]...) are compared key by key, in every language.
    reference = _leaves(catalogue(LANGUAGES[0]))
    for lang in LANGUAGES[1:]:
        other = _leaves(catalogue(lang))
        assert reference.keys() == other.keys(), lang
        for key, value in reference.items():
            if isinstance(value, str):
                assert isinstance(other[key], str), key
                assert value and other[key], f"{key} is empty"
                assert _placeholders(value) == _placeholders(str(other[key])), key
    assert check_catalogues() == []


def test_every_field_has_a_question_text() -> None:
    # The short label (errors, summary) and the legend of every case field, in every language.
    for lang in LANGUAGES:
        for name in FIELD_NAMES:
            assert lookup(lang, "questions", name, "short").strip()
            assert lookup(lang, "questions", name, "legend").strip()


def test_every_reason_warning_and_step_has_a_source_url() -> None:
    codes = [c for s in ("reasons", "warnings", "steps") for c in catalogue("fr")[s]]
    assert set(codes) <= set(known_codes())
    for code in codes:
        source = source_of(code)
        assert re.match(r"https?://[a-z0-9.-]+\.[a-z]{2,}/", source.url), code
        assert source.certainty in ("stated", "inferred")
        assert source.basis.strip()


def test_dutch_uses_official_terms() -> None:
    nl = catalogue("nl")
    text = " ".join(str(v) for v in _leaves(nl).values())
    for term in ("beroepsinlevingsovereenkomst", "GGMMI", "opleidingsplan", "OCMW", "RVA"):
        assert term in text, term

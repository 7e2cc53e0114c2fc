"""Every code has a sentence in both languages and a source; the contract's codes all exist."""

from __future__ import annotations

import re
import string

import pytest

from cip_core.case import FIELD_NAMES
from cip_core.messages import catalogue
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
        "work_permit_needed", "certificate_activa",
    ],
    "steps": [
        "sign_written_agreement", "await_plan_approval", "notify_registration_body",
        "request_exemption_dv5", "stay_available", "home_body_approval", "declare_benefits",
        "contact_cpas",
    ],
    "verdicts": ["eligible", "not_eligible", "refer", "incomplete"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("section", sorted(CONTRACT))
def test_contract_codes_have_messages(lang: str, section: str) -> None:
    messages = catalogue(lang)[section]
    for code in CONTRACT[section]:
        assert messages.get(code, "").strip(), f"{lang}: {section}.{code} has no message"


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_catalogues_have_the_same_codes_and_placeholders() -> None:
    fr, nl = catalogue("fr"), catalogue("nl")
    assert fr.keys() == nl.keys()
    for section in fr:
        assert fr[section].keys() == nl[section].keys(), section
        for code, template in fr[section].items():
            assert template.strip() and nl[section][code].strip(), f"{section}.{code} is empty"
            assert _placeholders(template) == _placeholders(nl[section][code]), code


def test_every_field_has_a_label() -> None:
    for lang in ("fr", "nl"):
        assert set(FIELD_NAMES) <= set(catalogue(lang)["fields"])


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
    text = " ".join(v for section in nl.values() for v in section.values())
    for term in ("beroepsinlevingsovereenkomst", "GGMMI", "opleidingsplan", "OCMW", "RVA"):
        assert term in text, term

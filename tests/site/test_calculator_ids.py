"""The ids the calculator's HTML and scripts share are written once, in
site_plugins/figures/calculator_form.py (ELEMENT_IDS, FIELD_IDS): the block is rendered from that
table, the scripts get it in the page's data block, and no script writes one of them itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cip_core.messages import LANGUAGES, lookup
from cip_core.questions import QUESTIONS
from site_plugins.figures.calculator_form import (
    ELEMENT_IDS,
    FIELD_IDS,
    SCRIPT_IDS,
    TEXTS_ID,
    render_calculator,
    script_texts,
)

SCRIPTS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "calculator"


def rendered_ids(lang: str) -> list[str]:
    html = render_calculator(lang, "calculateur/")
    return re.findall(r'\sid="([^"]+)"', html)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_block_is_rendered_from_the_table(lang: str) -> None:
    ids = rendered_ids(lang)
    for key, value in ELEMENT_IDS.items():
        assert ids.count(value) == 1, key
    for q in QUESTIONS:
        name = q["name"]
        field = {kind: template.replace("{name}", name) for kind, template in FIELD_IDS.items()}
        assert field["question"] in ids and field["error"] in ids, name
        assert (field["hint"] in ids) == ("hint" in lookup(lang, "questions", name)), name
        if q["kind"] in ("yes_no", "choice"):
            for value in [*q.get("choices", ["yes", "no"]), "unknown"]:
                assert field["choice"].replace("{value}", value) in ids, (name, value)
        else:
            assert field["control"] in ids, name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_scripts_get_the_table_in_the_data_block(lang: str) -> None:
    html = render_calculator(lang, "calculateur/")
    block = re.search(rf'<script type="application/json" id="{TEXTS_ID}">(.*?)</script>', html)
    assert block is not None
    expected = {**ELEMENT_IDS, **SCRIPT_IDS, "fields": FIELD_IDS}
    assert json.loads(block.group(1))["ids"] == expected
    assert script_texts(lang)["ids"] == expected


def test_no_script_writes_a_shared_id_itself() -> None:
    # Whole ids, and the fixed start of a question's ids ("cip-q-"; not the bare "cip-").
    whole = [re.escape(value) + r"(?![\w-])" for value in {**ELEMENT_IDS, **SCRIPT_IDS}.values()]
    starts = {template.split("{")[0] for template in FIELD_IDS.values()} - {"cip-"}
    patterns = [*whole, *(re.escape(start) for start in starts)]
    scripts = sorted(SCRIPTS.glob("*.js"))
    assert len(scripts) >= 10
    for script in scripts:
        code = re.sub(r"(^|\s)//[^\n]*", "", script.read_text("utf-8"))  # comments may name them
        for pattern in patterns:
            # Looked up, linked to or given as an id (class names may share the words).
            uses = rf"(getElementById\(\s*[\"'`]|[\"'`]#|\bid:\s*[\"'`]){pattern}"
            assert not re.search(uses, code), (script.name, pattern)
        # The data block's own id, the one name known beforehand, is the table's.
        for literal in re.findall(r"[\"'](cip-texts[^\"']*)[\"']", code):
            assert literal == TEXTS_ID, script.name

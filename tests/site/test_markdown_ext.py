"""The Python-Markdown extension: the same figures without MkDocs (the door to Zensical)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import markdown
import pytest

from cip_core.formatting import format_money
from cip_core.messages import LANGUAGES
from cip_core.parameters import parameter, value_at
from site_plugins.figures.markers import FigureError
from tests.site.fixture_site import CONFIG, make_site


def _top(data: dict[str, object]) -> object:
    # The amount, or the top of the range when only a range is known (cip_core.parameters).
    return data.get("amount", data.get("high"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markers_and_history_table_render(lang: str) -> None:
    html = markdown.markdown(
        "RMMG : {{cip rmmg}}\n\n{{cip rmmg_history}}\n",
        extensions=["tables", "site_plugins.figures.markdown_ext"],
        extension_configs={"site_plugins.figures.markdown_ext": {"lang": lang}},
    )
    # Without at=: the value in force today (a forecast row for a later day is not "today").
    today = format_money(Decimal(_top(value_at("rmmg", date.today()).data)), lang)
    assert "<p>RMMG : " in html and today in html.split("</p>")[0]
    assert html.count("<tr>") == 1 + len(parameter("rmmg").values)


def test_unknown_marker_raises() -> None:
    with pytest.raises(FigureError, match="unknown figure marker"):
        markdown.markdown("{{cip nope}}", extensions=["site_plugins.figures.markdown_ext"])


def test_a_build_hands_the_extension_each_pages_language(tmp_path: Path) -> None:
    # A snippet is only seen by Markdown, after the cip-figures plugin has replaced the page's
    # own markers: the extension writes its figure in the language of the page including it.
    config = CONFIG.replace("  - cip-parity\n", "").replace(
        "  - tables\n",
        f"  - tables\n  - pymdownx.snippets:\n      base_path: [{tmp_path / 'snippets'}]\n"
        "      check_paths: true\n"
        "  - site_plugins.figures.markdown_ext:\n      lang: fr\n",
    )
    site = make_site(tmp_path, config=config)
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "rmmg.md").write_text("RMMG {{cip rmmg at=2021-09-01}}\n", "utf-8")
    for lang in ("fr", "nl"):
        site.page(lang, "snippet.md", '# Snippet\n\n--8<-- "rmmg.md"\n')
    assert site.build(), site.errors
    assert "</abbr> 1\u202f658,19\u00a0€</p>" in site.html("snippet/index.html")
    assert "RMMG €\u00a01.658,19</p>" in site.html("nl/snippet/index.html")  # not the option's


def test_the_extension_needs_no_mkdocs() -> None:
    # The Zensical door: the markers' modules import Python-Markdown and cip_core, not MkDocs.
    code = (
        "import sys, markdown; "
        "markdown.markdown('{{cip rmmg at=2021-09-01}}', "
        "extensions=['site_plugins.figures.markdown_ext']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

"""The Python-Markdown extension: the same figures without MkDocs (the door to Zensical)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import markdown
import pytest

from cip_core.money import format_money
from cip_core.parameters import parameter, value_at
from site_plugins.figures import FigureError


def _top(data: dict[str, object]) -> object:
    # The amount, or the top of the range when only a range is known (cip_core.parameters).
    return data.get("amount", data.get("high"))


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_markers_and_history_table_render(lang: str) -> None:
    html = markdown.markdown(
        "RMMG : {{cip rmmg}}\n\n{{cip rmmg_history}}\n",
        extensions=["tables", "site_plugins.markdown_ext"],
        extension_configs={"site_plugins.markdown_ext": {"lang": lang}},
    )
    # Without at=: the value in force today (a forecast row for a later day is not "today").
    today = format_money(Decimal(_top(value_at("rmmg", date.today()).data)), lang)
    assert "<p>RMMG : " in html and today in html.split("</p>")[0]
    assert html.count("<tr>") == 1 + len(parameter("rmmg").values)


def test_unknown_marker_raises() -> None:
    with pytest.raises(FigureError, match="unknown figure marker"):
        markdown.markdown("{{cip nope}}", extensions=["site_plugins.markdown_ext"])


def test_the_running_build_gives_the_page_language() -> None:
    from site_plugins.markdown_ext import running_page

    def convert() -> str:
        return markdown.markdown(
            "{{cip rmmg at=2021-09-01}}",
            extensions=["site_plugins.markdown_ext"],
            extension_configs={"site_plugins.markdown_ext": {"lang": "fr"}},
        )

    running_page.update(lang="nl", url="nl/indemnite/")
    try:
        assert "€\u00a01.658,19" in convert()  # the running page's language, not the option's
    finally:
        running_page.clear()
    assert "1\u202f658,19\u00a0€" in convert()  # nothing running: the option

"""The Python-Markdown extension: the same figures without MkDocs (the door to Zensical)."""

from __future__ import annotations

from decimal import Decimal

import markdown
import pytest

from cip_core.money import format_money
from cip_core.parameters import parameter
from site_plugins.figures import FigureError


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_markers_and_history_table_render(lang: str) -> None:
    html = markdown.markdown(
        "RMMG : {{cip rmmg}}\n\n{{cip rmmg_history}}\n",
        extensions=["tables", "site_plugins.markdown_ext"],
        extension_configs={"site_plugins.markdown_ext": {"lang": lang}},
    )
    latest = format_money(Decimal(parameter("rmmg").latest.data["amount"]), lang)
    assert f"<p>RMMG : {latest}</p>" in html
    assert html.count("<tr>") == 1 + len(parameter("rmmg").values)


def test_unknown_marker_raises() -> None:
    with pytest.raises(FigureError, match="unknown figure marker"):
        markdown.markdown("{{cip nope}}", extensions=["site_plugins.markdown_ext"])

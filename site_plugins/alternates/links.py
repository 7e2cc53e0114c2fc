"""Page-to-page hreflang alternates live in sitemap.xml and the language switch, not in <head>.

Material's script fetches ``sitemap.xml`` next to the target of every ``<link rel="alternate">``
in the page's head, to map pages between languages (mkdocs-material#6582). mkdocs-static-i18n
points those links at the counterpart page, so every page asked for ``<page>/sitemap.xml`` and got
two 404s (console errors on every page). Search engines read the same page-to-page alternates
from the sitemap, which static-i18n writes with ``xhtml:link`` entries, and readers use the
switch's ``<a hreflang>`` links: the head copies are dropped, and with them the requests.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"<head>.*?</head>", re.DOTALL)
_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">[ \t]*\n?')


def drop_head_alternates(html: str) -> str:
    """``html`` without the ``<link rel="alternate" hreflang>`` elements of its head."""
    return _HEAD.sub(lambda head: _ALTERNATE.sub("", head.group(0)), html, count=1)

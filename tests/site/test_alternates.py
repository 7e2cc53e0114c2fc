"""The head's hreflang links are dropped (Material fetched <page>/sitemap.xml for each)."""

from __future__ import annotations

from site_plugins.alternates.links import drop_head_alternates

PAGE = """<html><head>
  <link rel="canonical" href="http://x/conditions/">
      <link rel="alternate" href="./" hreflang="fr">
      <link rel="alternate" href="../nl/conditions/" hreflang="nl">
  <link rel="alternate" type="application/rss+xml" href="feed.xml">
</head><body><a href="../nl/conditions/" hreflang="nl">Nederlands</a>
<link rel="alternate" href="x" hreflang="de"></body></html>"""


def test_head_alternates_dropped_everything_else_kept() -> None:
    out = drop_head_alternates(PAGE)
    assert '<link rel="alternate" href="./" hreflang="fr">' not in out
    assert '<link rel="alternate" href="../nl/conditions/" hreflang="nl">' not in out
    assert 'rel="canonical"' in out and "application/rss+xml" in out
    assert '<a href="../nl/conditions/" hreflang="nl">' in out  # the switch stays
    assert 'href="x" hreflang="de"' in out  # only the head is touched


def test_page_without_alternates_unchanged() -> None:
    page = "<html><head><title>t</title></head><body></body></html>"
    assert drop_head_alternates(page) == page

"""The ``cip-alternates`` plugin: page-to-page hreflang links in sitemap.xml only."""

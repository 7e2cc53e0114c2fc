"""The monthly watch of every source the guide cites (issue 17): ``make watch``.

One job per module: ``urls`` (what the project cites, and where), ``site_links`` (the links of
the built pages), ``fetch`` (polite fetching), ``extract`` (the figures a page states, compared
with cip_core), ``verdict`` (moved, unreachable), ``report`` (the Markdown report), ``run`` (one
watch) and ``__main__`` (the command). The figure extractors are data: ``extractors.toml``.
"""

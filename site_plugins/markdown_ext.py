"""Python-Markdown extension ``site_plugins.markdown_ext``: the figure markers without MkDocs.

For generators that run Python-Markdown extensions but not MkDocs plugins (Zensical reads
mkdocs.yml's ``markdown_extensions``). The page's language is an option, so each language's
build configures it, e.g.::

    markdown_extensions:
      - site_plugins.markdown_ext:
          lang: nl

Errors name the line; the file name is only known to the generator. The MkDocs build uses the
``cip-figures`` plugin instead (it also checks hand-typed amounts and appends the glossary).
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from site_plugins.figures import render_figures


class FiguresPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, lang: str) -> None:
        super().__init__(md)
        self.lang = lang

    def run(self, lines: list[str]) -> list[str]:
        return render_figures("\n".join(lines), self.lang).split("\n")


class FiguresExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"lang": ["fr", "Language of the page: fr or nl"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # Before every other preprocessor: the rmmg_history table must exist before tables run.
        md.preprocessors.register(
            FiguresPreprocessor(md, self.getConfig("lang")), "cip_figures", 40
        )


def makeExtension(**kwargs: Any) -> FiguresExtension:
    return FiguresExtension(**kwargs)

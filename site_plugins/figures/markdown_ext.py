"""Python-Markdown extension ``site_plugins.figures.markdown_ext``: the markers without MkDocs.

For generators that run Python-Markdown extensions but not MkDocs plugins (Zensical reads
mkdocs.yml's ``markdown_extensions``). The page's language is an option, so each language's
build configures it, e.g.::

    markdown_extensions:
      - site_plugins.figures.markdown_ext:
          lang: nl
          page_url: nl/calculateur/   # only for the {{cip calculator}} block's relative links

Under MkDocs the ``cip-figures`` plugin replaces the page's markers before Markdown runs, and
hands this extension the page's language and address through the running build's own
configuration (``mdx_configs``, read for every page); markers that only Markdown sees (a snippet
included by ``pymdownx.snippets``) then come out in the page's language too.

The valid languages are the catalogues (cip_core/messages/*.toml), read when the extension is
configured, not a list written here; an unknown language fails naming them. Errors name the
line; the file name is only known to the generator.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from cip_core.messages import DEFAULT_LANGUAGE, LANGUAGES
from site_plugins.figures.markers import render_figures

NAME = "site_plugins.figures.markdown_ext"
# After pymdownx.snippets (32) and whitespace normalisation (30), so included text is seen;
# before raw HTML is set aside (20), so the calculator block is HTML like any other.
PRIORITY = 25


class FiguresPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, lang: str, page_url: str | None) -> None:
        super().__init__(md)
        self.lang = lang
        self.page_url = page_url

    def run(self, lines: list[str]) -> list[str]:
        return render_figures("\n".join(lines), self.lang, self.page_url).split("\n")


class FiguresExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "lang": [DEFAULT_LANGUAGE, f"Language of the page: one of {', '.join(LANGUAGES)}"],
            "page_url": ["", "The page's address from the site root, e.g. nl/calculateur/"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        lang = str(self.getConfig("lang"))
        if lang not in LANGUAGES:
            raise ValueError(
                f"{NAME}: lang {lang!r} has no catalogue "
                f"(cip_core/messages/<lang>.toml); languages: {', '.join(LANGUAGES)}"
            )
        page_url = str(self.getConfig("page_url")) or None
        md.preprocessors.register(FiguresPreprocessor(md, lang, page_url), "cip_figures", PRIORITY)


def makeExtension(**kwargs: Any) -> FiguresExtension:
    return FiguresExtension(**kwargs)

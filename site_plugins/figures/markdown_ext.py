"""Python-Markdown extension ``site_plugins.figures.markdown_ext``: the markers without MkDocs.

For generators that run Python-Markdown extensions but not MkDocs plugins (Zensical reads
mkdocs.yml's ``markdown_extensions``). The page's language comes from the running build
when it says it (``running_page``, written by the cip-figures plugin); otherwise it is an option,
so each language's build configures it, e.g.::

    markdown_extensions:
      - site_plugins.figures.markdown_ext:
          lang: nl
          page_url: nl/calculateur/   # only for the {{cip calculator}} block's relative links

The valid languages are the catalogues (cip_core/messages/*.toml), read when the extension is
configured, not a list written here; an unknown language fails naming them.

Errors name the line; the file name is only known to the generator. The MkDocs build uses the
``cip-figures`` plugin instead (it also checks hand-typed amounts and appends the glossary).
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from cip_core.messages import DEFAULT_LANGUAGE, LANGUAGES
from site_plugins.figures.markers import render_figures

# The page being converted, as the running build knows it: the cip-figures plugin writes the
# page's language and address here before MkDocs converts the page, and clears them after. An
# extension gets no other view of the running config; where it is set, it wins over the options.
running_page: dict[str, str] = {}


class FiguresPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, lang: str, page_url: str | None) -> None:
        super().__init__(md)
        self.lang = lang
        self.page_url = page_url

    def run(self, lines: list[str]) -> list[str]:
        lang = running_page.get("lang") or self.lang
        page_url = running_page.get("url") or self.page_url
        return render_figures("\n".join(lines), lang, page_url).split("\n")


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
                f"site_plugins.figures.markdown_ext: lang {lang!r} has no catalogue "
                f"(cip_core/messages/<lang>.toml); languages: {', '.join(LANGUAGES)}"
            )
        page_url = str(self.getConfig("page_url")) or None
        # Before every other preprocessor: the rmmg_history table must exist before tables run.
        md.preprocessors.register(FiguresPreprocessor(md, lang, page_url), "cip_figures", 40)


def makeExtension(**kwargs: Any) -> FiguresExtension:
    return FiguresExtension(**kwargs)

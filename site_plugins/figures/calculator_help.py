"""The calculator's help: the sheet's pages that answer its questions and the bodies that approve
a training plan, as links relative to the page (shown without JavaScript, when the checker cannot
run, and while a download is stuck). Plain Python, like calculator_form.py, which uses it."""

from __future__ import annotations

import posixpath
from html import escape

from cip_core._data import load_toml
from cip_core.bodies import body as body_info
from cip_core.messages import lookup

EMAIL_PREFIX = "mailto:"


def escape_text(text: str) -> str:
    """``text`` for an element's content: ``&``, ``<`` and ``>`` escaped, quotes left as typed
    (an apostrophe stays one). Attribute values use ``html.escape``, which escapes quotes too."""
    return escape(text, quote=False)


def relative(page_url: str, target: str) -> str:
    """``target`` (a path from the site root, "/"-ended for a page) as seen from ``page_url``."""
    start = posixpath.dirname(page_url.rstrip("/")) if not page_url.endswith("/") else page_url
    path = posixpath.relpath(target or ".", start.rstrip("/") or ".")
    return path + "/" if target.endswith("/") and not path.endswith("/") else path


def language_root(page_url: str) -> str:
    """The folder of the page's language ("" or "nl/"): the calculator sits at its top."""
    parent = posixpath.dirname(page_url.rstrip("/"))
    return f"{parent}/" if parent else ""


def help_pages_list(lang: str, page_url: str) -> str:
    """The sheet's pages that answer the checker's questions (questions.toml help_pages), as a
    list of links."""
    root = language_root(page_url)
    pages = "".join(
        f'<li><a href="{escape(relative(page_url, root + target))}">'
        f"{escape_text(lookup(lang, 'form', 'help_pages', target))}</a></li>"
        for target in load_toml(".", "questions")["help_pages"]
    )
    return f'<ul class="cip-help-links">{pages}</ul>'


def help_block(lang: str, page_url: str) -> str:
    """Those pages, then the bodies that approve a training plan (questions.toml help_bodies)."""
    items = []
    for key in load_toml(".", "questions")["help_bodies"]:
        info = body_info(key, lang)
        contact = info.contact
        if "@" in contact and "/" not in contact:
            href, name = EMAIL_PREFIX + contact, f"{info.name} ({contact})"
        else:
            href, name = contact, info.name
        role = lookup(lang, "form", "help_bodies", key)
        items.append(
            f'<li><a href="{escape(href)}">{escape_text(name)}</a> — {escape_text(role)}</li>'
        )
    return (
        f"{help_pages_list(lang, page_url)}\n"
        f"<p>{escape_text(lookup(lang, 'form', 'bodies_intro'))}</p>\n"
        f'<ul class="cip-help-links">{"".join(items)}</ul>'
    )

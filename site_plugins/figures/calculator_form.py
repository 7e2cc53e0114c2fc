"""The calculator block, generated from the catalogues: ``{{cip calculator}}`` on a page.

One renderer per question kind (cip_core/questions.toml) writes the form; the words come from
``cip_core/messages/<lang>.toml`` (``[questions]``, ``[choices]``, ``[groups]``, ``[form]``), the
help block from ``cip_core/data/bodies.toml``, and every sentence the page script writes
(``[ui]``) goes to it as a JSON data block. Links are made relative to the page here, so the
block works under a sub-path (``/cip/``) whatever the generator does with raw HTML.

Plain Python (no MkDocs import): the figures plugin and the Markdown extension both call it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from cip_core.messages import lookup
from cip_core.questions import QUESTIONS
from cip_core.readers import FALSE_WORDS, MAX_TEXT, TRUE_WORDS, WHITESPACE
from site_plugins.figures.calculator_help import escape_text, help_block, help_pages_list, relative

CSS = "assets/calculator/calculator.css"
CARD_CSS = "assets/calculator/card.css"
PRINT_CSS = "assets/calculator/print.css"
SCRIPT = "assets/calculator/calculator.js"
EARLY = "assets/calculator/early.js"  # starts the worker before SCRIPT's modules have arrived
NOMODULE = "assets/calculator/unsupported.js"
TEXTS_ID = "cip-texts"  # the data block's own id: the one name the scripts know beforehand

# The ids of the elements the page scripts look up, written once: the HTML below is rendered
# from this table and script_texts() hands it to the scripts (docs/assets/calculator/
# page_data.js). In FIELD_IDS, {name} is a question's name and {value} one of its choices.
ELEMENT_IDS = {
    "root": "cip-calculator",
    "failure": "cip-failure",
    "status": "cip-status",
    "statusText": "cip-status-text",
    "progress": "cip-progress",
    "app": "cip-app",
    "form": "cip-checker",
    "answer": "cip-answer",
    "result": "cip-result",
    "copy": "cip-copy",
    "print": "cip-print",
    "copyStatus": "cip-copy-status",
    "share": "cip-share",
    "reset": "cip-reset",
    "retry": "cip-retry",
    "statusHelp": "cip-status-help",
    "failureWasm": "cip-failure-wasm",
    "formTitle": "cip-form-title",
}
# The ids of elements the scripts create (the verdict card, docs/assets/calculator/card.js),
# written here too, so no script spells an id itself.
SCRIPT_IDS = {
    "verdict": "cip-verdict",
    "verdictTitle": "cip-verdict-title",
}
# Seconds without any loading progress before the status line says so and offers to retry
# (issue 20: a stalled download must not freeze at "19 %"). The page reads it from the root's
# data-stall-ms, so a copy of the page may shorten it (the browser tests do).
STALL_MS = 15_000
FIELD_IDS = {
    "question": "cip-q-{name}",
    "control": "cip-{name}",
    "choice": "cip-{name}-{value}",
    "hint": "cip-hint-{name}",
    "error": "cip-error-{name}",
}


def _id(key: str) -> str:
    return ELEMENT_IDS[key]


def _field_id(kind: str, name: str, value: str = "") -> str:
    return FIELD_IDS[kind].format(name=name, value=value)


# --- one renderer per kind ---------------------------------------------------------------


def _head(q: Mapping[str, Any], lang: str, tag: str) -> tuple[list[str], str | None]:
    name = q["name"]
    words = lookup(lang, "questions", name)
    condition = q.get("asked_if")
    attrs = f'class="cip-question" id="{_field_id("question", name)}" data-field="{name}"'
    if condition:
        # The page script evaluates this exactly as cip_core.questions.is_asked; hidden until asked.
        attrs += f" data-asked-if='{escape(json.dumps(condition, separators=(',', ':')))}' hidden"
    lines = [f"<{tag} {attrs}>"]
    hint_id = _field_id("hint", name) if "hint" in words else None
    return lines, hint_id


def _tail(q: Mapping[str, Any], lang: str, hint_id: str | None) -> list[str]:
    name = q["name"]
    lines = []
    if hint_id:
        hint = lookup(lang, "questions", name, "hint")
        lines.append(f'<p class="cip-hint" id="{hint_id}">{escape_text(hint)}</p>')
    lines.append(f'<p class="cip-field-error" id="{_field_id("error", name)}" hidden></p>')
    return lines


def _radios(q: Mapping[str, Any], lang: str, values: list[str], inline: bool) -> str:
    name = q["name"]
    lines, hint_id = _head(q, lang, "fieldset")
    legend = escape_text(lookup(lang, "questions", name, "legend"))
    lines.append(f'<legend class="cip-legend">{legend}</legend>')
    lines += _tail(q, lang, hint_id)
    lines.append(f'<div class="cip-choices{" cip-choices--inline" if inline else ""}">')
    described = f' aria-describedby="{hint_id}"' if hint_id else ""
    for value in [*values, ""]:
        suffix = value or "unknown"
        checked = "" if value else " checked"
        label = lookup(lang, "choices", suffix)
        choice_id = _field_id("choice", name, suffix)
        lines.append(
            f'<div class="cip-choice"><input type="radio" id="{choice_id}" name="{name}"'
            f' value="{value}"{checked}{described}><label for="{choice_id}">'
            f"{escape_text(label)}</label></div>"
        )
    lines += ["</div>", "</fieldset>"]
    return "\n".join(lines)


def _input(q: Mapping[str, Any], lang: str, attributes: str) -> str:
    name = q["name"]
    lines, hint_id = _head(q, lang, "div")
    legend = lookup(lang, "questions", name, "legend")
    control = _field_id("control", name)
    lines.append(f'<label class="cip-legend" for="{control}">{escape_text(legend)}</label>')
    lines += _tail(q, lang, hint_id)
    described = f' aria-describedby="{hint_id}"' if hint_id else ""
    lines.append(f'<input {attributes} id="{control}" name="{name}"{described}>')
    lines.append("</div>")
    return "\n".join(lines)


def _typed(mode: str) -> str:
    return (
        f'class="cip-input cip-input--short" type="text" inputmode="{mode}" autocomplete="off"'
        ' spellcheck="false"'
    )


RENDERERS: dict[str, Callable[[Mapping[str, Any], str], str]] = {
    "date": lambda q, lang: _input(q, lang, 'class="cip-input cip-input--date" type="date"'),
    "decimal": lambda q, lang: _input(q, lang, _typed("decimal")),
    "whole": lambda q, lang: _input(q, lang, _typed("numeric")),
    "yes_no": lambda q, lang: _radios(q, lang, ["yes", "no"], inline=bool(q.get("inline"))),
    "choice": lambda q, lang: _radios(q, lang, list(q["choices"]), inline=bool(q.get("inline"))),
}


def script_texts(lang: str) -> dict[str, Any]:
    """What the page script is handed: its sentences, each question's short label, and the
    core's reading rules it must apply alike (whitespace, yes/no words, longest text), and the
    ids of the elements it looks up."""
    return {
        "ui": lookup(lang, "ui"),
        # The core's own words: its labels (contact details, fixes), how it writes dates
        # (format.js writes the printed answer's date with it) and when sources were last checked.
        "labels": lookup(lang, "labels"),
        "format": lookup(lang, "format"),
        "sourcesChecked": lookup(lang, "figures", "sources_checked"),
        "short": {q["name"]: lookup(lang, "questions", q["name"], "short") for q in QUESTIONS},
        "whitespace": WHITESPACE,
        "booleans": {"yes": sorted(TRUE_WORDS), "no": sorted(FALSE_WORDS)},
        "maxText": MAX_TEXT,
        "ids": {**ELEMENT_IDS, **SCRIPT_IDS, "fields": FIELD_IDS},
    }


def _json_block(lang: str) -> str:
    # "<" escaped: the data can never close its <script> element or open a comment.
    data = json.dumps(script_texts(lang), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c")
    return f'<script type="application/json" id="{TEXTS_ID}">{data}</script>'


def _form(lang: str) -> str:
    lines: list[str] = []
    group: str | None = None
    for q in QUESTIONS:
        if q["group"] != group:
            if group is not None:
                lines.append("</section>")
            group = q["group"]
            lines.append('<section class="cip-group">')
            lines.append(
                f'<h3 class="cip-group-title">{escape_text(lookup(lang, "groups", group))}</h3>'
            )
        lines.append(RENDERERS[q["kind"]](q, lang))
    if group is not None:
        lines.append("</section>")
    return "\n".join(lines)


def render_calculator(lang: str, page_url: str) -> str:
    """The whole calculator block for the page at ``page_url`` (e.g. "nl/calculateur/")."""
    ui = lookup(lang, "ui")
    help_html = help_block(lang, page_url)
    form = lookup(lang, "form")
    return "\n".join(
        [
            f'<div class="cip-calculator" id="{_id("root")}" data-lang="{escape(lang)}"'
            f' data-stall-ms="{STALL_MS}">',
            f'<link rel="stylesheet" href="{escape(relative(page_url, CSS))}">',
            f'<link rel="stylesheet" href="{escape(relative(page_url, CARD_CSS))}">',
            f'<link rel="stylesheet" media="print" href="{escape(relative(page_url, PRINT_CSS))}">',
            '<noscript><div class="cip-notice" id="cip-noscript">',
            f'<p class="cip-notice-text">{escape_text(form["noscript"])}</p>',
            help_html,
            "</div></noscript>",
            f'<div class="cip-notice" id="{_id("failure")}" hidden>',
            f'<p class="cip-notice-text" role="alert">{escape_text(form["failure"])}</p>',
            f'<p id="{_id("failureWasm")}" hidden>{escape_text(form["failure_wasm"])}</p>',
            help_html,
            "</div>",
            f'<div class="cip-status" id="{_id("status")}" role="status" hidden>',
            f'<span class="cip-status-text" id="{_id("statusText")}">'
            f"{escape_text(ui['stages']['start'])}</span>",
            f'<progress class="cip-progress" id="{_id("progress")}" max="1"'
            f' aria-labelledby="{_id("statusText")}"></progress>',
            f'<button type="button" class="md-button cip-retry" id="{_id("retry")}" hidden>'
            f"{escape_text(ui['retry'])}</button>",
            f'<div class="cip-status-help" id="{_id("statusHelp")}" hidden>',
            f"<p>{escape_text(form['status_help'])}</p>",
            help_pages_list(lang, page_url),
            "</div>",
            "</div>",
            f'<div class="cip-app" id="{_id("app")}" hidden>',
            f'<h2 id="{_id("formTitle")}">{escape_text(ui["answers"])}</h2>',
            f'<form class="cip-form" id="{_id("form")}" action="" method="get" novalidate'
            f' aria-labelledby="{_id("formTitle")}">',
            _form(lang),
            "</form>",
            f'<section class="cip-answer" id="{_id("answer")}" aria-labelledby="cip-answer-title">',
            '<div class="cip-answer-inner">',
            f'<h2 id="cip-answer-title">{escape_text(form["answer_title"])}</h2>',
            f'<div class="cip-result" id="{_id("result")}" aria-live="polite"'
            ' data-state="waiting">'
            f"<p>{escape_text(ui['waiting'])}</p></div>",
            '<div class="cip-actions">',
            f'<button type="button" class="md-button" id="{_id("copy")}">'
            f"{escape_text(form['copy'])}</button>",
            f'<button type="button" class="md-button" id="{_id("share")}" hidden>'
            f"{escape_text(form['share'])}</button>",
            f'<button type="button" class="md-button" id="{_id("print")}">'
            f"{escape_text(form['print'])}</button>",
            f'<button type="button" class="md-button" id="{_id("reset")}">'
            f"{escape_text(form['reset'])}</button>",
            f'<p class="cip-copy-status" id="{_id("copyStatus")}" role="status"></p>',
            "</div>",
            "</div>",
            "</section>",
            "</div>",
            _json_block(lang),
            f'<script type="module" async src="{escape(relative(page_url, EARLY))}"></script>',
            f'<script type="module" src="{escape(relative(page_url, SCRIPT))}"></script>',
            f'<script nomodule src="{escape(relative(page_url, NOMODULE))}"></script>',
            "</div>",
        ]
    )

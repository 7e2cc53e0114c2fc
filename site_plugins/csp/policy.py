"""The site's Content-Security-Policy, computed from each built page (plain Python).

The theme writes `<meta http-equiv="Content-Security-Policy" content="cip-csp-placeholder">`
at the top of `<head>`; `apply_policy()` replaces the placeholder with a policy that allows only
the site's own origin plus the SHA-256 hashes of the inline scripts that page really contains.
The MkDocs plugin (`plugin.py`) is a thin adapter; any other generator can run
`python -m site_plugins.csp SITE_DIR` on the built site instead.

Choices (see also tests/trust/):
- `script-src 'self' 'wasm-unsafe-eval'` + hashes: Pyodide compiles WebAssembly, which needs
  'wasm-unsafe-eval'; no 'unsafe-inline' and no 'unsafe-eval' ever.
- `style-src 'self'` + hashes of inline `<style>` elements: Material sets styles through the
  CSSOM (`element.style.x = …`), which a policy does not restrict, so no 'unsafe-inline' is
  needed for styles either. `style="…"` attributes fail the build: allowing them needs
  'unsafe-hashes'. The one kind Python-Markdown writes, `style="text-align: right;"` on aligned
  table columns, becomes `class="cip-align-right"` (overrides/assets/stylesheets/
  accessibility.css) before the policy is computed (:func:`align_table_columns`).
- Inline event handlers (`onclick=`) and `javascript:` URLs fail the build: the policy would
  block them, and allowing them would need 'unsafe-hashes' for scripts.
- `frame-ancestors` cannot be delivered by a `<meta>` tag (browsers ignore it there); protecting
  against framing needs an HTTP header, which a static host such as GitHub Pages cannot set.
- A worker started from a same-origin URL gets its policy from the worker script's own response
  headers, not from the page's `<meta>`: on a header-less static host the Pyodide worker runs
  without a policy of its own. The page's policy still decides which worker may start
  (`worker-src 'self'`).
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

PLACEHOLDER = "cip-csp-placeholder"
META_HTTP_EQUIV = "Content-Security-Policy"

# `type` values a browser executes as script; any other type (application/json, …) is a data
# block that CSP does not govern and that needs no hash.
SCRIPT_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction"}


class CspError(ValueError):
    """A page cannot get a strict policy: no placeholder, or markup that the policy would block."""


@dataclass
class InlineCode:
    """What a page holds inline: script and style bodies, and attributes a policy would block."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class _InlineCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = InlineCode()
        self._open: str | None = None  # "script" or "style" whose body we are reading
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.found.problems.append(f"inline event handler {name}= on <{tag}>")
            elif name == "style" and value.strip():
                self.found.style_attributes.append(value)
                self.found.problems.append(
                    f"style= attribute on <{tag}> (a policy allows it only with 'unsafe-hashes'):"
                    " use a class"
                )
            elif name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.found.problems.append(f"javascript: URL in {name}= on <{tag}>")
        if tag == "script" and "src" not in values:
            if values.get("type", "").strip().lower() in SCRIPT_TYPES:
                self._open, self._buffer = "script", []
        elif tag == "style":
            self._open, self._buffer = "style", []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            body = "".join(self._buffer)
            (self.found.scripts if tag == "script" else self.found.styles).append(body)
            self._open = None


def find_inline_code(html: str) -> InlineCode:
    """Inline `<script>` and `<style>` bodies exactly as the browser will hash them."""
    collector = _InlineCollector()
    # The HTML tokenizer turns CR LF and lone CR into LF before anything else: hash what it sees.
    collector.feed(html.replace("\r\n", "\n").replace("\r", "\n"))
    collector.close()
    return collector.found


def source_hash(body: str) -> str:
    """The CSP source expression for one inline body: 'sha256-<base64>'."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def build_policy(
    script_hashes: Iterable[str] = (),
    style_hashes: Iterable[str] = (),
    style_attribute_hashes: Iterable[str] = (),
) -> str:
    """The policy string for a page with these inline hashes."""
    styles = _unique(style_hashes)
    attributes = _unique(style_attribute_hashes)
    if attributes:
        styles = ["'unsafe-hashes'", *_unique([*styles, *attributes])]
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", "'wasm-unsafe-eval'", *_unique(script_hashes)]),
        ("worker-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("style-src", ["'self'", *styles]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def policy_for(html: str) -> str:
    """The policy a page needs; CspError if it holds markup that only 'unsafe-*' would allow."""
    found = find_inline_code(html)
    if found.problems:
        raise CspError("; ".join(_unique(found.problems)))
    return build_policy(
        map(source_hash, found.scripts),
        map(source_hash, found.styles),
        map(source_hash, found.style_attributes),
    )


# Python-Markdown's aligned table cells (the tables extension writes exactly this).
_ALIGNED_CELL = re.compile(r'<(th|td) style="text-align: (left|right|center);">')


def align_table_columns(html: str) -> str:
    """Table alignment as a class, not a style attribute (which the policy forbids)."""
    return _ALIGNED_CELL.sub(r'<\1 class="cip-align-\2">', html)


def apply_policy(html: str) -> str:
    """The page with its placeholder replaced by its policy; CspError when it cannot be.

    Aligned table cells get a class instead of their style attribute first."""
    html = align_table_columns(html)
    count = html.count(PLACEHOLDER)
    if count != 1:
        raise CspError(
            f"expected one {META_HTTP_EQUIV} meta placeholder ({PLACEHOLDER!r}), found {count}:"
            " the theme override (overrides/main.html) must emit it in <head>"
        )
    return html.replace(PLACEHOLDER, policy_for(html))


def apply_to_site(site_dir: Path) -> dict[Path, str]:
    """Write the policy into every HTML file of a built site; return each file's policy."""
    written: dict[Path, str] = {}
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        try:
            result = apply_policy(html)
        except CspError as error:
            raise CspError(f"{path}: {error}") from None
        path.write_text(result, encoding="utf-8")
        written[path] = policy_for(align_table_columns(html))
    return written


def main(argv: list[str] | None = None) -> int:
    """`python -m site_plugins.csp SITE_DIR`: the same step without the MkDocs plugin API."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m site_plugins.csp SITE_DIR", file=sys.stderr)
        return 2
    try:
        written = apply_to_site(Path(args[0]))
    except CspError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Content-Security-Policy written into {len(written)} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

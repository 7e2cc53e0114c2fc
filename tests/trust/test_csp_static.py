"""The policy itself: how site_plugins.csp computes it, and what every built page declares."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from site_plugins.csp import policy as csp
from tests.trust.site import LANGUAGES, site_pages, sitemap_paths

META_RE = re.compile(
    r'<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*/?>', re.IGNORECASE
)
SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
TYPE_RE = re.compile(r"\btype=[\"']?([^\"' >]*)", re.IGNORECASE)
REQUIRED = {
    "default-src": ["'self'"],
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def inline_scripts(html: str) -> list[str]:
    """Bodies of the scripts a browser runs inline: no src, a JavaScript type or none."""
    bodies = []
    for attributes, body in SCRIPT_RE.findall(html):
        kind = TYPE_RE.search(attributes)
        if re.search(r"\bsrc=", attributes) or (
            kind and kind.group(1).lower() not in {"", "module", "text/javascript"}
        ):
            continue
        bodies.append(body)
    return bodies


def sha256_source(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


# --- site_plugins.csp on small inputs ----------------------------------------------------------


def test_hash_matches_the_csp_specification_example() -> None:
    # The example of the CSP Level 3 specification / MDN.
    expected = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert csp.source_hash("alert('Hello, world.');") == expected


def test_policy_lists_inline_scripts_and_skips_data_blocks_and_external_scripts() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Security-Policy" content="cip-csp-placeholder">'
        "<script>var a = 1;</script>"
        '<script type="module">import "./x.js";</script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script src="/app.js"></script></head><body></body></html>'
    )
    policy = directives(csp.policy_for(html))
    assert policy["script-src"] == [
        "'self'",
        "'wasm-unsafe-eval'",
        sha256_source("var a = 1;"),
        sha256_source('import "./x.js";'),
    ]
    assert policy["style-src"] == ["'self'"]
    assert "cip-csp-placeholder" not in csp.apply_policy(html)


def test_carriage_returns_are_hashed_as_the_browser_sees_them() -> None:
    assert csp.find_inline_code("<script>a();\r\nb();\r</script>").scripts == ["a();\nb();\n"]


def test_style_elements_get_exact_hashes_and_style_attributes_fail() -> None:
    html = "<style>p{color:red}</style><p>1</p>"
    policy = directives(csp.policy_for(html))
    assert policy["style-src"] == ["'self'", sha256_source("p{color:red}")]
    with pytest.raises(csp.CspError, match="style= attribute"):
        csp.policy_for('<p style="color: red">1</p>')


def test_aligned_table_cells_get_a_class_and_no_unsafe_hashes() -> None:
    html = (
        '<meta http-equiv="Content-Security-Policy" content="cip-csp-placeholder">'
        '<table><tr><th style="text-align: right;">a</th></tr>'
        '<tr><td style="text-align: center;">1</td></tr></table>'
    )
    out = csp.apply_policy(html)
    assert '<th class="cip-align-right">' in out and '<td class="cip-align-center">' in out
    assert "style=" not in out and "'unsafe-hashes'" not in out


@pytest.mark.parametrize(
    "markup",
    [
        '<button onclick="go()">x</button>',
        '<a href="javascript:go()">x</a>',
        '<img src="x.png" onerror="go()">',
    ],
)
def test_markup_the_policy_would_block_fails(markup: str) -> None:
    with pytest.raises(csp.CspError):
        csp.policy_for(markup)


@pytest.mark.parametrize("count", [0, 2])
def test_page_needs_exactly_one_placeholder(count: int) -> None:
    meta = '<meta http-equiv="Content-Security-Policy" content="cip-csp-placeholder">'
    with pytest.raises(csp.CspError, match="placeholder"):
        csp.apply_policy("<head>" + meta * count + "</head>")


def test_command_line_writes_the_policy_into_a_built_folder(tmp_path: Path) -> None:
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<head><meta http-equiv="Content-Security-Policy" content="cip-csp-placeholder">'
        "<script>x()</script></head>",
        encoding="utf-8",
    )
    assert csp.main([str(tmp_path)]) == 0
    assert sha256_source("x()") in page.read_text(encoding="utf-8")
    assert csp.main([str(tmp_path)]) == 1  # the placeholder is gone: not silently skipped


# --- every page of the built site --------------------------------------------------------------


def test_every_page_declares_a_strict_policy_first_in_head(site: Path) -> None:
    problems = []
    pages = site_pages(site)
    for page in pages:
        file = site / (page.path.lstrip("/") + ("index.html" if page.path.endswith("/") else ""))
        html = file.read_text(encoding="utf-8")
        metas = META_RE.findall(html)
        if len(metas) != 1:
            problems.append(f"{page.path}: {len(metas)} CSP meta tags")
            continue
        policy = directives(metas[0])
        for name, sources in REQUIRED.items():
            if policy.get(name) != sources:
                problems.append(f"{page.path}: {name} is {policy.get(name)}, want {sources}")
        scripts = policy.get("script-src", [])
        if scripts[:2] != ["'self'", "'wasm-unsafe-eval'"]:
            problems.append(f"{page.path}: script-src starts {scripts[:2]}")
        if any(s in metas[0] for s in ("'unsafe-inline'", "'unsafe-eval'")):
            problems.append(f"{page.path}: 'unsafe-inline' or 'unsafe-eval' in {metas[0]}")
        if "'unsafe-hashes'" in scripts:
            problems.append(f"{page.path}: 'unsafe-hashes' in script-src")
        for body in inline_scripts(html):
            if sha256_source(body) not in scripts:
                problems.append(f"{page.path}: inline script not hashed: {body[:60]!r}")
        meta_at = html.find("Content-Security-Policy")
        first_resource = min(
            (
                i
                for i in (
                    html.find("<script"),
                    html.find('<link rel="stylesheet"'),
                    html.find("<style"),
                )
                if i >= 0
            ),
            default=len(html),
        )
        if meta_at > first_resource:
            problems.append(f"{page.path}: CSP meta after the first script or stylesheet")
    assert not problems, "\n".join(problems)


def test_pages_checked_cover_the_sitemap_in_both_languages(site: Path) -> None:
    found = {page.path for page in site_pages(site)}
    listed = sitemap_paths(site)
    assert listed, "sitemap.xml lists no page"
    assert set(listed) <= found, f"sitemap pages not found as HTML: {set(listed) - found}"
    languages = {page.lang for page in site_pages(site)}
    assert languages == set(LANGUAGES), languages


@pytest.mark.parametrize("command", ["build", "serve"])
def test_plugin_is_strict_except_for_mkdocs_serve_live_reload(command: str) -> None:
    from site_plugins.csp.plugin import CspPlugin

    plugin = CspPlugin()
    errors, _ = plugin.load_config({})
    assert not errors
    plugin.on_startup(command=command, dirty=False)
    html = (
        '<head><meta http-equiv="Content-Security-Policy" content="cip-csp-placeholder">'
        "<script>x()</script></head>"
    )
    policy = directives(META_RE.findall(plugin._apply(html, "page.md"))[0])
    if command == "build":
        assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", sha256_source("x()")]
    else:  # the live-reload script changes on every request: no hash can name it
        assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in policy["script-src"]

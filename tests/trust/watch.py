"""What the trust suite watches in each browser context, and the figures it reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, Route

# Collects the policy's violation reports from the first script on, before any page script.
WATCH_SCRIPT = """
window.__cipViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cipViolations.push({directive: e.effectiveDirective, blocked: e.blockedURI,
    sample: e.sample, source: e.sourceFile, line: e.lineNumber});
});
"""


@dataclass
class Figures:
    """What the suite saw, printed in the terminal summary."""

    pages: dict[str, int] = field(default_factory=dict)  # language -> pages checked
    axe_runs: int = 0
    axe_by_impact: dict[str, int] = field(default_factory=dict)
    axe_rules: dict[str, set[str]] = field(default_factory=dict)  # rule -> where
    requests: int = 0
    foreign_requests: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    storage_keys: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


FIGURES = Figures()


@dataclass
class Watch:
    """Everything one browser context did that the trust tests judge."""

    origin: str
    requests: list[str] = field(default_factory=list)  # from `request` events
    routed: list[str] = field(default_factory=list)  # seen by context.route("**/*")
    foreign: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)  # console lines naming the policy

    def on_route(self, route: Route) -> None:
        url = route.request.url
        self.routed.append(url)
        if not _same_origin(url, self.origin):
            self.foreign.append(url)
            route.abort()
            return
        route.continue_()

    def foreign_requests(self) -> list[str]:
        """Requests to another origin, as seen by `request` events or by the route."""
        seen = [url for url in self.requests if not _same_origin(url, self.origin)]
        return list(dict.fromkeys(seen + self.foreign))

    def on_console(self, message: Any) -> None:
        if "content security policy" in message.text.lower():
            self.console.append(message.text)


def _same_origin(url: str, origin: str) -> bool:
    if url.startswith(("data:", "blob:")):
        return True  # no network; blob: and data: URLs are the page's own
    parts, own = urlsplit(url), urlsplit(origin)
    return (parts.scheme, parts.netloc) == (own.scheme, own.netloc)


def page_violations(page: Page) -> list[dict[str, Any]]:
    violations: list[dict[str, Any]] = page.evaluate("window.__cipViolations || []")
    return violations

"""What became of each cited address: at its place, moved, or unreachable.

- moved: a redirect that ends on another page, or 404 / 410 (the page is gone);
- unreachable: no answer (name not resolved, refused, TLS, time-out), 5xx, 429, 401/403 (the
  site refused the watcher) or any other status that says nothing about the page itself. An
  unreachable page is never "changed": nothing was read.
- ok: the page answered 2xx at its own address (a redirect from http to https, or to the same
  path with or without its final slash or "www.", is the same page).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from tools.watch.fetch import Fetched

OK = "ok"
MOVED = "moved"
UNREACHABLE = "unreachable"
GONE = {404: "404 Not Found", 410: "410 Gone"}


@dataclass(frozen=True)
class AddressVerdict:
    fetched: Fetched
    verdict: str  # ok | moved | unreachable
    why: str  # for the report: "404 Not Found", "redirected (301) to …", "timed out"…

    @property
    def url(self) -> str:
        return self.fetched.url


def judge(fetched: Fetched) -> AddressVerdict:
    status = fetched.status
    if status is None:
        tries = f" ({fetched.attempts} tries)" if fetched.attempts > 1 else ""
        if fetched.attempts == 0:
            tries = " (not asked again: the host failed for another address)"
        return AddressVerdict(fetched, UNREACHABLE, fetched.error + tries)
    if status in GONE:
        via = f" after a redirect to {fetched.final_url}" if fetched.redirects else ""
        return AddressVerdict(fetched, MOVED, GONE[status] + via)
    if not 200 <= status < 300:
        return AddressVerdict(fetched, UNREACHABLE, _status_words(status, fetched.attempts))
    if fetched.redirects and not same_page(fetched.url, fetched.final_url):
        first = fetched.redirects[0].status
        return AddressVerdict(fetched, MOVED, f"redirected ({first}) to {fetched.final_url}")
    return AddressVerdict(fetched, OK, f"{status}")


def same_page(first: str, second: str) -> bool:
    """Same host (without "www."), path (without a final slash) and query; scheme ignored."""
    a, b = urlsplit(first), urlsplit(second)

    def host(name: str | None) -> str:
        return (name or "").lower().removeprefix("www.")

    return (
        host(a.hostname) == host(b.hostname)
        and a.port == b.port
        and (a.path.rstrip("/") or "/") == (b.path.rstrip("/") or "/")
        and a.query == b.query
    )


def _status_words(status: int, attempts: int) -> str:
    tries = f" ({attempts} tries)" if attempts > 1 else ""
    if status >= 500:
        return f"server error {status}{tries}"
    if status == 429:
        return f"429 Too Many Requests{tries}"
    if status in (401, 403):
        return f"{status}: the site refused the watcher (check by hand)"
    return f"HTTP {status}"

"""Polite fetching of the cited pages (standard library only).

- A User-Agent that names the project and its repository, so a site's administrator knows who
  asks and where to complain.
- One request at a time per host, with a pause between two requests to the same host; several
  hosts in parallel. A redirect to another host waits for that host's turn too.
- A timeout per request and a bounded retry (network errors, time-outs, 5xx and 429 only) with a
  growing pause; a host whose name does not resolve or that refuses connections is not asked
  again for its other pages in the same run.
- Redirects are followed by hand, so every hop is recorded and the report can say where a page
  ended.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

T = TypeVar("T")
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)


@dataclass(frozen=True)
class Policy:
    user_agent: str
    timeout: float = 20.0  # seconds, per request (connect, and each read)
    attempts: int = 3  # the first try and at most two retries
    backoff: float = 5.0  # seconds before the second try, doubled before each next one
    max_retry_after: float = 60.0  # a server's Retry-After is obeyed up to this
    pause: float = 1.0  # seconds between two requests to the same host
    max_redirects: int = 10
    max_bytes: int = 2_000_000  # a page's text is read up to this size
    hosts_in_parallel: int = 4


@dataclass(frozen=True)
class Hop:
    """One redirect: ``url`` answered ``status`` and sent the reader on."""

    url: str
    status: int


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int | None = None  # the last HTTP status; None when no answer came
    redirects: tuple[Hop, ...] = ()
    error: str = ""  # why no answer came (name not resolved, refused, timed out, TLS…)
    text: str | None = None  # the page's text, when asked for and the answer was 2xx
    attempts: int = 1
    host_down: bool = False  # the host itself failed: its other pages are not asked
    retry_after: str | None = None  # the server's Retry-After header, if any

    @property
    def answered(self) -> bool:
        return self.status is not None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as answers: ``fetch_once`` follows them and records each hop."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class HostGate:
    """One request at a time per host, ``pause`` seconds apart."""

    def __init__(self, pause: float) -> None:
        self._pause = pause
        self._locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    def run(self, host: str, request: Callable[[], T]) -> T:
        with self._guard:
            lock = self._locks[host]
        with lock:
            wait = self._last.get(host, 0.0) + self._pause - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return request()
            finally:
                self._last[host] = time.monotonic()


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")


def fetch_all(
    urls: Iterable[str], policy: Policy, want_text: Iterable[str] = ()
) -> dict[str, Fetched]:
    """Fetch every address; the text of those in ``want_text`` is kept for the extractors."""
    wanted = set(want_text)
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in dict.fromkeys(urls):
        by_host[host_of(url)].append(url)
    gate = HostGate(policy.pause)
    results: dict[str, Fetched] = {}

    def one_host(host_urls: list[str]) -> None:
        down: Fetched | None = None
        for url in host_urls:
            if down is not None:  # the host itself failed: say so without asking again
                results[url] = replace(down, url=url, final_url=url, attempts=0)
                continue
            results[url] = fetch(url, policy, gate, url in wanted)
            if results[url].host_down:
                down = results[url]

    with ThreadPoolExecutor(max_workers=max(1, policy.hosts_in_parallel)) as pool:
        for done in [pool.submit(one_host, group) for group in by_host.values()]:
            done.result()
    return results


def fetch(url: str, policy: Policy, gate: HostGate, want_text: bool = False) -> Fetched:
    """Fetch ``url`` with retries: a final answer, or the last failure."""
    result = Fetched(url=url, final_url=url)
    for attempt in range(1, policy.attempts + 1):
        result = replace(_follow(url, policy, gate, want_text), attempts=attempt)
        if not _worth_retrying(result) or attempt == policy.attempts:
            break
        time.sleep(_retry_pause(result, policy, attempt))
    return result


@dataclass(frozen=True)
class _Answer:
    status: int
    location: str | None = None
    retry_after: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class _Failure:
    error: str
    host_down: bool = False


def _follow(url: str, policy: Policy, gate: HostGate, want_text: bool) -> Fetched:
    """One try: the request and every redirect after it."""
    hops: list[Hop] = []
    current = url
    for _ in range(policy.max_redirects + 1):
        raw = gate.run(host_of(current), partial(_request, current, policy, want_text))
        if isinstance(raw, _Failure):
            return Fetched(url, current, None, tuple(hops), raw.error, host_down=raw.host_down)
        if raw.status in REDIRECTS and raw.location:
            hops.append(Hop(current, raw.status))
            current = urljoin(current, raw.location)
            continue
        return Fetched(
            url, current, raw.status, tuple(hops), text=raw.text, retry_after=raw.retry_after
        )
    return Fetched(url, current, None, tuple(hops), f"more than {policy.max_redirects} redirects")


def _request(url: str, policy: Policy, want_text: bool) -> _Answer | _Failure:
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": policy.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "fr,nl;q=0.9,en;q=0.8",
        },
    )
    try:
        with _OPENER.open(request, timeout=policy.timeout) as response:
            status = response.status
            text = None
            if want_text and 200 <= status < 300:
                data = response.read(policy.max_bytes)
                text = data.decode(response.headers.get_content_charset() or "utf-8", "replace")
            return _Answer(status, text=text)
    except urllib.error.HTTPError as error:  # 3xx (not followed by urllib), 4xx, 5xx
        with error:
            return _Answer(
                error.code,
                location=error.headers.get("Location"),
                retry_after=error.headers.get("Retry-After"),
            )
    except urllib.error.URLError as error:
        return _failure(error.reason)
    except (OSError, http.client.HTTPException) as error:
        return _failure(error)


def _failure(reason: object) -> _Failure:
    if isinstance(reason, TimeoutError | socket.timeout):
        return _Failure("timed out")
    if isinstance(reason, socket.gaierror):
        return _Failure(f"host name not resolved ({reason.strerror or reason})", host_down=True)
    if isinstance(reason, ConnectionRefusedError):
        return _Failure("connection refused", host_down=True)
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return _Failure(f"TLS error ({reason})")
    if isinstance(reason, ConnectionError):
        return _Failure(f"connection failed ({type(reason).__name__})")
    if isinstance(reason, http.client.HTTPException):
        return _Failure(f"bad HTTP answer ({type(reason).__name__})")
    return _Failure(f"network error ({reason})")


def _worth_retrying(result: Fetched) -> bool:
    if result.host_down:
        return False  # a name that does not resolve will not resolve in ten seconds
    return result.status is None or result.status in RETRY_STATUSES


def _retry_pause(result: Fetched, policy: Policy, attempt: int) -> float:
    pause: float = policy.backoff * 2.0 ** (attempt - 1)
    if result.retry_after and result.retry_after.strip().isdigit():
        pause = max(pause, min(float(result.retry_after), policy.max_retry_after))
    return pause

"""A real HTTP server on 127.0.0.1 serving the recorded pages, and every failure the watch must
tell apart: a permanent redirect, a redirect to the same page, 404, 410, 500 and a time-out.

It records what the watcher sent (User-Agent, how many requests each path got) and the most
requests it ever had in flight at once, to check the watch's manners.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"
SLOW_SECONDS = 3.0
THINKING_SECONDS = 0.05  # the time-out page answers after this; the tests' timeout is far shorter

# path -> recorded page
RECORDED = {
    "/actiris/nl/werkgevers/beroepsinlevingsstage/": "actiris-nl-werkgevers.html",
    "/vdab/werkgevers/beroepsinlevingsovereenkomst/vereisten": "vdab-bis-vereisten.html",
    "/vlaanderen/autorisation-doccupation-salaires-et-indemnites": "vlaanderen-autorisations.html",
    "/acerta/augmentation-rmmg-fevrier-2025": "acerta-fevrier-2025.html",
    "/cultuurloket/beroepsinlevingsstage": "cultuurloket-bis.html",
    "/securex/rmmg-national": "securex-rmmg-national.html",
    "/new-home-of-the-page": "actiris-nl-werkgevers.html",
}
REDIRECTS = {
    "/old-address": (301, "/new-home-of-the-page"),
    "/no-final-slash": (301, "/no-final-slash/"),  # the same page
}
STATUSES = {"/gone": 404, "/removed": 410, "/broken": 500}


@dataclass
class Seen:
    user_agents: set[str] = field(default_factory=set)
    requests: Counter[str] = field(default_factory=Counter)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    seen: Seen
    _pending = False

    def do_GET(self) -> None:
        seen = self.seen
        with seen.lock:
            seen.user_agents.add(self.headers.get("User-Agent", ""))
            seen.requests[self.path] += 1
            seen.in_flight += 1
            seen.most_in_flight = max(seen.most_in_flight, seen.in_flight)
        self._pending = True
        try:
            self._answer()
        finally:
            self._answered()

    def _answered(self) -> None:
        """A request stops counting once its answer starts: a client that waits for answers
        never has two in flight, however slowly this thread finishes writing."""
        if self._pending:
            self._pending = False
            with self.seen.lock:
                self.seen.in_flight -= 1

    def _answer(self) -> None:
        path = self.path
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, b"<p>too late</p>")
        elif path in REDIRECTS:
            status, target = REDIRECTS[path]
            self._answered()
            self.send_response(status)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/no-final-slash/":
            self._send(200, b"<p>same page</p>")
        elif path in STATUSES:
            self._send(STATUSES[path], b"<p>no</p>")
        elif path in RECORDED:
            time.sleep(THINKING_SECONDS)  # long enough for two overlapping requests to show
            self._send(200, (PAGES / RECORDED[path]).read_bytes())
        else:
            self._send(404, b"<p>not found</p>")

    def _send(self, status: int, body: bytes) -> None:
        self._answered()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The watcher may have given up (the time-out page): nothing to do then.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Server:
    base: str
    seen: Seen


@contextmanager
def recorded_site() -> Iterator[Server]:
    seen = Seen()
    handler = type("Handler", (_Handler,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}", seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def refused_address() -> str:
    """An address on the loopback where nothing listens: the connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/nothing-listens-here"

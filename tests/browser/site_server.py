"""A static server for the built site on 127.0.0.1 (a free port), in a thread.

Serves `.wasm` as application/wasm (Pyodide streams it only with that type), records every path
asked for, and lets a test answer chosen paths with 404 or with a replacement body (a broken or
silent worker), so failure modes can be shown without touching the built files.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar, Self
from urllib.parse import urlsplit

TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".tar": "application/x-tar",
    ".css": "text/css",
    ".svg": "image/svg+xml",
}


class LocalServer:
    """An HTTP server on 127.0.0.1 (a free port) in a daemon thread; subclasses give the handler."""

    def _serve(self, handler: Any) -> None:
        self._httpd = QuietServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class SiteServer(LocalServer):
    def __init__(self, root: Path, cache: bool = True) -> None:
        self.root = root
        self.cache = cache
        self.requested: list[str] = []
        self.missing: set[str] = set()  # URL paths answered 404
        self.replaced: dict[str, tuple[str, bytes]] = {}  # URL path -> (content type, body)
        self.fixed: dict[str, tuple[str, bytes]] = {}  # like `replaced`, for the server's life
        self.headers: dict[str, str] = {}  # sent with every response
        self.fake_eval = False
        self._serve(partial(_Handler, self, directory=str(root)))

    @contextmanager
    def altered(
        self, missing: set[str] | None = None, replaced: dict[str, tuple[str, bytes]] | None = None
    ) -> Iterator[None]:
        """Within the block, answer `missing` paths with 404 and `replaced` ones with a body."""
        self.missing |= missing or set()
        self.replaced.update(replaced or {})
        try:
            yield
        finally:
            self.missing.clear()
            self.replaced.clear()


def fake_evaluate(raw: bytes) -> bytes:
    """What the real worker answers (cip_core.protocol), computed by CPython: the fake worker's
    back end."""
    from cip_core.protocol import answer_json

    return answer_json(raw.decode("utf-8")).encode()


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that drops a download it no longer needs is no error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def __init__(self, server_state: SiteServer, *args: Any, **kwargs: Any) -> None:
        self.state = server_state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.state.requested.append(path)
        if any(path == m or (m[:1] == "*" and path.endswith(m[1:])) for m in self.state.missing):
            self.send_error(404)
            return
        served = self.state.replaced.get(path) or self.state.fixed.get(path)
        if served is not None:
            content_type, body = served
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def do_POST(self) -> None:
        # Only for the fake worker (tests/browser/fake_worker.js): the core answers over HTTP.
        if urlsplit(self.path).path != "/__fake_eval" or not self.state.fake_eval:
            self.send_error(404)
            return
        body = fake_evaluate(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        # Tests must see what a fresh visitor gets, not a copy cached by an earlier test.
        if not self.state.cache:
            self.send_header("Cache-Control", "no-store")
        for name, value in self.state.headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass

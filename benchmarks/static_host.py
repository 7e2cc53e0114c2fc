"""A static host for the benchmark, like GitHub Pages: gzip by content type, max-age=600, ETag.

Counts the bytes it sends (headers and encoded bodies) per path, so the requests of a page, its
Web Worker and a service worker are all seen, and can slow every response like a Fast 4G link.
Serves the stock Pyodide of node_modules at /naive/pyodide/ for the naive reference page.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from email.utils import formatdate
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parent.parent
STOCK_PYODIDE = ROOT / "node_modules" / "pyodide"

COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".zip", ".svg", ".xml", ".txt",
                ".whl", ".map")  # fmt: skip


class StaticHost(SimpleHTTPRequestHandler):
    """Like a static host: gzip when asked, max-age=600, ETag and 304 revalidation."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }
    gz_cache: ClassVar[dict[str, bytes]] = {}
    extra: ClassVar[dict[str, bytes]] = {}
    gzip_zip: ClassVar[bool] = True  # does the host compress .zip and .whl?
    throttle: ClassVar[Throttle | None] = None

    def log_message(self, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        # Measure the header block before the base class flushes (and empties) it.
        self._headers_buffer.append(b"\r\n")
        self._header_bytes = sum(len(line) for line in self._headers_buffer)
        self.flush_headers()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path in self.extra:
            body, ctype = self.extra[path], "text/html; charset=utf-8"
        elif path.startswith("/naive/pyodide/") and "/" not in path[15:]:
            stock = STOCK_PYODIDE / path[15:]
            if not stock.is_file():
                self.send_error(404)
                return
            body, ctype = stock.read_bytes(), self.guess_type(str(stock))
        else:
            fs_path = Path(self.translate_path(path))
            if fs_path.is_dir():
                fs_path = fs_path / "index.html"
            if not fs_path.is_file():
                self.send_error(404)
                return
            body, ctype = fs_path.read_bytes(), self.guess_type(str(fs_path))
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            ByteCounter.add(path, self._header_bytes)
            return
        encoding = None
        skipped = () if self.gzip_zip else (".zip", ".whl")
        if (
            "gzip" in self.headers.get("Accept-Encoding", "")
            and path.endswith((*COMPRESSIBLE, "/"))
            and not path.endswith(skipped)
        ):
            key = etag
            if key not in self.gz_cache:
                self.gz_cache[key] = gzip.compress(body, 6)
            body, encoding = self.gz_cache[key], "gzip"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", formatdate(usegmt=True))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if self.throttle:
            self.throttle.wait_latency()
        self.end_headers()
        if self.throttle:
            self.throttle.send(self.wfile, body)
        else:
            self.wfile.write(body)
        ByteCounter.add(path, len(body) + self._header_bytes)


class Throttle:
    """A shared link at the host, like Chrome DevTools' "Fast 4G" preset (download 9 Mbit/s x 0.9,
    latency 60 ms x 2.75): every response waits one round trip, then all bodies share the
    bandwidth. At the host, so the page's, the worker's and the service worker's requests are all
    slowed alike (CDP throttling does not reach workers)."""

    def __init__(self, bytes_per_s: float = 9e6 / 8 * 0.9, latency_s: float = 0.060 * 2.75):
        self.rate = bytes_per_s
        self.latency = latency_s
        self.lock = threading.Lock()
        self.free_at = 0.0

    def wait_latency(self) -> None:
        time.sleep(self.latency)

    def send(self, stream: Any, body: bytes, chunk: int = 16_384) -> None:
        for start in range(0, len(body), chunk):
            piece = body[start : start + chunk]
            with self.lock:
                now = time.monotonic()
                self.free_at = max(now, self.free_at) + len(piece) / self.rate
                wait = self.free_at - now
            time.sleep(wait)
            stream.write(piece)


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(StaticHost, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class ByteCounter:
    """Sums the bytes the host sends (headers and encoded bodies), per URL path.

    Counted at the server, so the requests of the page, its Web Worker and a service worker are
    all seen, and a response served from a browser cache (HTTP or service worker) counts 0.
    """

    lock = threading.Lock()
    total = 0
    by_path: ClassVar[dict[str, int]] = {}

    @classmethod
    def add(cls, path: str, size: int) -> None:
        with cls.lock:
            cls.total += size
            cls.by_path[path] = cls.by_path.get(path, 0) + size

    @classmethod
    def reset(cls) -> None:
        with cls.lock:
            cls.total = 0
            cls.by_path = {}

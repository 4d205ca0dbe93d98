"""A folder served over HTTP on 127.0.0.1, in a thread, as a static host would serve it.

One place for the browser tests (tests/test_site_in_browser.py and the tests that import from
it), make bench (benchmarks/bench.py) and tools/site_screenshots.py.

With ``compress=True`` text files (HTML, CSS, JavaScript, JSON, SVG, ...) are sent
gzip-compressed to a client that accepts it, as GitHub Pages and most static hosts send them.
Lighthouse (make bench) needs that: it simulates a slow phone network on the bytes it sees
arrive, and would otherwise time a page as if its host sent everything uncompressed.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import threading
from pathlib import Path

# What a static host compresses: text, not images or fonts that are compressed already.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
                    "application/xml")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without writing a log line per request."""

    def log_message(self, *args):
        pass


class CompressingHandler(QuietHandler):
    """Also sends text files gzip-compressed to a client whose Accept-Encoding has gzip."""

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].split("#")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL with a "/"
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if not ("gzip" in self.headers.get("Accept-Encoding", "") and os.path.isfile(path)
                and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def served(directory: Path, compress: bool = False):
    """``directory`` served on 127.0.0.1 at a free port; yields its URL, ending in "/".

    ``compress``: send text files gzip-compressed, as a static host does (module docstring)."""
    if not Path(directory).is_dir():
        raise FileNotFoundError(f"served: directory must be an existing folder, not {directory}")
    handler_class = CompressingHandler if compress else QuietHandler
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()

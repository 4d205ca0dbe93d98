"""tools/local_server.py: the one local HTTP server of the browser tests, make bench and the
screenshots."""

import gzip
import urllib.request

import pytest

from tools.local_server import served


def test_serves_the_folder_and_stops_when_done(tmp_path):
    (tmp_path / "page.html").write_text("<p>hello</p>")
    with served(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        with urllib.request.urlopen(url + "page.html", timeout=10) as response:
            assert response.read() == b"<p>hello</p>"
    with pytest.raises(OSError):  # the port is closed afterwards
        urllib.request.urlopen(url + "page.html", timeout=2)


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="directory must be an existing folder"):
        with served(tmp_path / "missing"):
            pass


def fetch(url, encoding=None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read()


def test_compress_sends_text_gzipped_to_a_client_that_accepts_it(tmp_path):
    html = b"<p>" + b"the same words again " * 200 + b"</p>"
    (tmp_path / "page.html").write_bytes(html)
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "index.html").write_bytes(html)
    (tmp_path / "image.png").write_bytes(b"\x89PNG not text")
    with served(tmp_path, compress=True) as url:
        headers, body = fetch(url + "page.html", "gzip, deflate")
        assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"] == "text/html"
        assert gzip.decompress(body) == html and len(body) < len(html) / 10
        assert int(headers["Content-Length"]) == len(body)
        headers, body = fetch(url + "folder/", "gzip")
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == html
        headers, body = fetch(url + "page.html")  # no Accept-Encoding: as it is
        assert headers["Content-Encoding"] is None and body == html
        headers, body = fetch(url + "image.png", "gzip")  # not text: as it is
        assert headers["Content-Encoding"] is None and body == b"\x89PNG not text"


def test_without_compress_nothing_is_gzipped(tmp_path):
    (tmp_path / "page.html").write_text("<p>hello</p>")
    with served(tmp_path) as url:
        headers, body = fetch(url + "page.html", "gzip")
        assert headers["Content-Encoding"] is None and body == b"<p>hello</p>"

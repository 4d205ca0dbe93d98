"""What a cold load of each chapter page fetches: images and the live explorers' files.

Usage: python benchmarks/cold_load.py [SITE]   (SITE defaults to _build/html)

Each page is opened in a fresh Chromium context (an empty cache) at a phone's viewport (390x844)
and a desktop's (1280x900), from a local server, and left to settle; every response is counted.
Printed per page, in KB: the images fetched at each viewport (raw: PNG and WebP do not gzip),
the live explorers' JS and CSS fetched (raw), the page's HTML (raw, and gzip as a static host
would serve it) and every image the page holds (the bytes a reader who scrolls to the end fetches
with WebP, plus images embedded as data: URIs). Nothing is asserted: tests/test_site_loading.py
does that.
"""

from __future__ import annotations

import base64
import gzip
import html
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_site_in_browser import CHROMIUM, CHROMIUM_ARGS, SETTLED, served  # noqa: E402

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def cold_load(browser, url: str, viewport: dict) -> list[tuple[str, str, int]]:
    """(url, resource type, bytes) of every response a cold load of ``url`` gets."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_()
               if urlparse(route.request.url).hostname == "127.0.0.1" else route.abort())
    seen = []
    page.on("response", lambda response: seen.append(response))
    page.goto(url, wait_until="load")
    page.evaluate(SETTLED)
    fetched = []
    for response in seen:
        try:
            size = len(response.body())
        except Exception:  # a redirect or an aborted request has no body
            size = 0
        fetched.append((response.url, response.request.resource_type, size))
    context.close()
    return fetched


def page_images(page: Path) -> int:
    """Bytes of every image the page shows: the WebP a <picture> offers, else the <img>'s file,
    or the decoded bytes of a data: URI."""
    text = page.read_text()
    total = 0
    webp = set()
    for source in re.findall(r'<source[^>]*srcset="([^"]+)"[^>]*type="image/webp"', text):
        webp.add(source)
        total += (page.parent / unquote(html.unescape(source))).stat().st_size
    for tag in re.findall(r"<picture>.*?</picture>|<img[^>]*>", text, re.S):
        if tag.startswith("<picture>"):
            continue
        src = html.unescape(re.search(r'src="([^"]*)"', tag).group(1))
        if src.startswith("data:"):
            total += len(base64.b64decode(src.split(",", 1)[1]))
        elif not urlparse(src).scheme:
            total += (page.parent / unquote(src)).stat().st_size
    return total


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site = Path(argv[0]) if argv else ROOT / "_build" / "html"
    pages = sorted((site / "book").glob("*.html"))
    print("page | images phone | images desktop | live JS+CSS phone | live desktop | "
          "HTML raw | HTML gzip | all images on page | requests desktop | all gzip desktop")
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for page in pages:
            name = page.relative_to(site).as_posix()
            row = {}
            for label, viewport in VIEWPORTS.items():
                fetched = cold_load(browser, urljoin(base, name), viewport)
                row[label] = fetched
            raw = page.read_bytes()
            kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
            images = {k: sum(s for u, t, s in v if t == "image") for k, v in row.items()}
            live = {k: sum(s for u, t, s in v if "/live/" in u) for k, v in row.items()}
            all_gzip = 0
            for url, _, _ in row["desktop"]:
                path = site / unquote(urlparse(url).path).lstrip("/")
                if path.is_file():
                    all_gzip += len(gzip.compress(path.read_bytes(), 9))
            print(f"{name} | {kb(images['phone'])} | {kb(images['desktop'])} | "
                  f"{kb(live['phone'])} | {kb(live['desktop'])} | {kb(len(raw))} | {kb(len(gzip.compress(raw, 9)))} | "
                  f"{kb(page_images(page))} | {len(row['desktop'])} | {kb(all_gzip)}", flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

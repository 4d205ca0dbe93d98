"""A Sphinx extension for this book: the pages' images load without shifting the page, only when
a reader nears them, and as WebP where that is smaller (issue #22).

When the build has written the pages (``build-finished``), every ``<img>`` of every page gets:

- a file, not a data: URI: an explorer's snapshot is embedded in its notebook output as a
  base64 PNG (``helpers/explorers.py``), which would be fetched with the page even when the
  live explorer replaces it before the reader gets there; it is written to ``_images/`` under
  the SHA-256 of its bytes, as myst-nb names the figures;
- its intrinsic ``width`` and ``height`` (from the file, with Pillow; an SVG's own size or
  viewBox), so the browser keeps its place before it loads (site.css keeps it responsive:
  ``height: auto``);
- ``loading="lazy"`` and ``decoding="async"``, unless it can be in the first screen: the first
  image of the article with fewer than ``FIRST_SCREEN_TEXT`` characters of text before it;
- for a PNG, a ``<picture>`` with a lossless WebP of it (the same pixels) when that is smaller,
  written next to the PNG.

The rewrite touches the ``<img>`` tags only, and of each only its ``src``; the other attributes,
the alt text above all, keep their exact bytes. It can run again over its own output (a page
Sphinx did not write again) and changes nothing there. An image it cannot read is a warning,
which the strict build turns into an error.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlparse

from PIL import Image
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

FIRST_SCREEN_TEXT = 600
"""Characters of the article's text before an image beyond which it cannot be in the first screen
of a 390x844 phone or a 1280x900 desktop (tests/test_site_loading.py measures both)."""
SKIPPED = {"_static", "_sources", "_images", "mathjax", "live", "downloads"}
"""The output's folders that hold no pages of the book."""
IMG = re.compile(r"<img\b[^>]*>")
SRC = re.compile(r'(\ssrc=")([^"]*)(")')
DATA_URI = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=\s]+)$")
WEBP_SOURCE = re.compile(r'<source\b[^>]*type="image/webp"[^>]*>\s*$')
SVG_LENGTH = re.compile(r"\s*([0-9.]+)\s*(px)?\s*$")


def attributes(tag: str) -> dict[str, str]:
    """The attributes of one start tag, their values unescaped."""
    return {name.lower(): html.unescape(value) for name, _, value in
            re.findall(r'([\w:-]+)=(["\'])(.*?)\2', tag, re.S)}


def svg_size(path: Path) -> tuple[int, int]:
    """An SVG's width and height in CSS pixels: its own, or else its viewBox's."""
    root = ET.parse(path).getroot()
    width, height = (SVG_LENGTH.match(root.get(name, "")) for name in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = root.get("viewBox", "").replace(",", " ").split()
    if len(box) != 4:
        raise ValueError(f"{path.name} has no size in pixels and no viewBox")
    return round(float(box[2])), round(float(box[3]))


def image_size(path: Path) -> tuple[int, int]:
    if path.suffix.lower() == ".svg":
        return svg_size(path)
    with Image.open(path) as image:
        return image.size


def webp_of(png: Path) -> Path | None:
    """The lossless WebP next to ``png``, written unless it is there already and newer; None (and no
    file) when it would not be smaller."""
    webp = png.with_suffix(".webp")
    if not webp.is_file() or webp.stat().st_mtime < png.stat().st_mtime:
        with Image.open(png) as image:
            image.save(webp, "WEBP", lossless=True, quality=100, method=6)
    if webp.stat().st_size >= png.stat().st_size:
        webp.unlink()
        return None
    return webp


def embedded_to_file(src: str, images: Path) -> str | None:
    """A data: URI's PNG, written to ``images`` named by its SHA-256; its file name, or None when
    ``src`` is not a PNG data: URI."""
    match = DATA_URI.match(src)
    if not match:
        return None
    data = base64.b64decode(match.group(1))
    path = images / f"{hashlib.sha256(data).hexdigest()}.png"
    if not path.is_file():
        images.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return path.name


def text_length(fragment: str) -> int:
    """How many characters of text a piece of HTML shows, about (tags out, spaces collapsed)."""
    text = html.unescape(re.sub(r"<script\b.*?</script>|<[^>]+>", " ", fragment, flags=re.S))
    return len(" ".join(text.split()))


def rewrite_page(page: Path, outdir: Path) -> str:
    """The page's HTML with its images rewritten (see the module's docstring)."""
    text = page.read_text()
    article = text.find("<article")
    first_in_article = True
    parts, done = [], 0
    for match in IMG.finditer(text):
        tag, start = match.group(0), match.start()
        src_match = SRC.search(tag)
        if src_match is None:
            raise ValueError(f"an <img> without src: {tag[:80]}")
        src = html.unescape(src_match.group(2))
        in_article = 0 <= article < start
        eager = in_article and first_in_article and (
            text_length(text[article:start]) < FIRST_SCREEN_TEXT)
        first_in_article = first_in_article and not in_article
        name = embedded_to_file(src, outdir / "_images")
        if name is not None:
            src = Path("_images", name).as_posix()
            src = Path(*[".."] * (len(page.relative_to(outdir).parts) - 1), src).as_posix()
            tag = tag[:src_match.start(2)] + html.escape(src) + tag[src_match.end(2):]
        if urlparse(src).scheme:
            raise ValueError(f"an image from elsewhere: {src[:80]}")
        path = (page.parent / unquote(urlparse(src).path)).resolve()
        have = attributes(tag)
        added = []
        if "width" not in have or "height" not in have:
            width, height = image_size(path)
            added += [f'width="{width}"', f'height="{height}"']
        if not eager:
            added += [f'{key}="{value}"' for key, value in
                      (("loading", "lazy"), ("decoding", "async")) if key not in have]
        if added:
            end = len(tag) - (2 if tag.endswith("/>") else 1)
            tag = f"{tag[:end].rstrip()} {' '.join(added)}{' ' * (end < len(tag) - 1)}{tag[end:]}"
        before = text[done:start]
        if path.suffix.lower() == ".png" and not WEBP_SOURCE.search(before):
            webp = webp_of(path)
            if webp is not None:
                srcset = html.escape(src.rsplit(".", 1)[0] + ".webp")
                tag = f'<picture><source srcset="{srcset}" type="image/webp">{tag}</picture>'
        parts += [before, tag]
        done = match.end()
    parts.append(text[done:])
    return "".join(parts)


def pages(outdir: Path):
    for page in sorted(outdir.rglob("*.html")):
        if not SKIPPED & set(page.relative_to(outdir).parts[:-1]):
            yield page


def rewrite_images(app, exception):
    """Rewrite the images of every page of a finished HTML build."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for page in pages(outdir):
        try:
            rewritten = rewrite_page(page, outdir)
        except (OSError, ValueError, ET.ParseError) as error:
            LOGGER.warning("%s: an image the build cannot size or convert: %s",
                           page.relative_to(outdir), error)
            continue
        if rewritten != page.read_text():
            page.write_text(rewritten)


def setup(app):
    app.connect("build-finished", rewrite_images)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

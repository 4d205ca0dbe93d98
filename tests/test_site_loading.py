"""A cold load fetches what the first screen needs (issue #22): images are sized, lazy below the
first screen and WebP where smaller (tools/page_images.py); the live explorers' bundle and styles
come only when an explorer nears the screen (web/live/loader.js, tools/live_explorers.py).

The checks that read files are each shown a wrong input they must reject; the browser checks fail
on a site that loads the explorers or every image up front (as the site did before).
"""

import base64
import io
import os
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import numpy as np
import pytest
from PIL import Image

from tests.test_site_in_browser import (  # noqa: F401  (browser, site_url: fixtures)
    EXPLORER_PAGES, PAGES, TEXT, browser, open_page, settle, site_url, Visit,
)
from tools import page_images

pytestmark = pytest.mark.build

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


class Images(HTMLParser):
    """Every <img>'s attributes; each <picture>'s WebP source with the <img> it offers it for."""

    def __init__(self):
        super().__init__()
        self.images, self.pictures, self._webp = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "source" and attrs.get("type") == "image/webp":
            self._webp = attrs["srcset"]
        elif tag == "img":
            self.images.append(attrs)
            if self._webp is not None:
                self.pictures.append((self._webp, attrs["src"]))
        elif tag == "picture":
            self._webp = None

    handle_startendtag = handle_starttag


def images_of(text: str) -> Images:
    parser = Images()
    parser.feed(text)
    return parser


def unsized(text: str) -> list[str]:
    """The src of every <img> without a width and a height in whole pixels."""
    return [image.get("src", "")[:60] for image in images_of(text).images
            if not all(re.fullmatch(r"\d+", image.get(key) or "") for key in ("width", "height"))]


def same_pixels(one: Image.Image, other: Image.Image) -> bool:
    """Whether two images show the same pixels (the colour of a fully transparent pixel aside)."""
    a, b = (np.asarray(image.convert("RGBA")).copy() for image in (one, other))
    if a.shape != b.shape:
        return False
    for pixels in (a, b):
        pixels[pixels[..., 3] == 0] = 0
    return bool(np.array_equal(a, b))


def test_the_size_check_finds_an_image_without_its_size():
    assert unsized('<p><img src="a.png" alt="a"></p>') == ["a.png"]
    assert unsized('<img src="a.png" width="10">') == ["a.png"]
    assert unsized('<img src="a.png" width="100%" height="20">') == ["a.png"]
    assert unsized('<img src="a.png" width="10" height="20" />') == []


def test_every_image_has_its_intrinsic_width_and_height(built_site):
    """No layout shift: the browser knows each image's box before the image comes."""
    checked = 0
    for name in PAGES:
        page = built_site / name
        text = page.read_text()
        assert not unsized(text), f"{name}: images without width and height"
        for image in images_of(text).images:
            assert not image["src"].startswith("data:"), f"{name}: an image inside the page"
            path = page.parent / unquote(urlparse(image["src"]).path)
            assert page_images.image_size(path) == (int(image["width"]), int(image["height"]))
            checked += 1
    assert checked > 20


def test_the_pixel_check_tells_a_changed_image_from_the_same(built_site):
    png = next((built_site / "_images").glob("*.png"))
    with Image.open(png) as image:
        image.load()
        lossy, lossless = io.BytesIO(), io.BytesIO()
        image.save(lossy, "WEBP", quality=50)
        image.save(lossless, "WEBP", lossless=True)
        assert not same_pixels(image, Image.open(lossy))
        assert not same_pixels(image, image.resize((image.width + 1, image.height)))
        assert same_pixels(image, Image.open(lossless))


def test_each_webp_is_smaller_than_its_png_and_the_same_picture(built_site):
    pairs = set()
    for name in PAGES:
        page = built_site / name
        found = images_of(page.read_text())
        for webp, png in found.pictures:
            pairs.add(tuple((page.parent / unquote(src)).resolve() for src in (webp, png)))
        pngs = [image["src"] for image in found.images if image["src"].endswith(".png")]
        assert len(pngs) == len(found.pictures), f"{name}: a PNG without its WebP"
    assert len(pairs) >= 20, "the chapters' figures and the explorers' snapshots"
    for webp, png in sorted(pairs):
        assert webp.is_file() and webp.suffix == ".webp" and png.suffix == ".png", (webp, png)
        assert webp.stat().st_size < png.stat().st_size, webp.name
        with Image.open(webp) as new, Image.open(png) as old:
            assert new.format == "WEBP" and new.size == old.size, webp.name
            assert same_pixels(new, old), f"{webp.name} does not show {png.name}'s pixels"


# --- the build's rewrite (tools/page_images.py), on a page of its own --------------------------

ALT = "Tom &amp; Jerry&#x27;s &quot;curve&quot; &lt;3, x&#39;"


def small_page(tmp_path, text_before: int) -> Path:
    """A site with one page: an SVG, then two PNGs (the second embedded), after some text."""
    (tmp_path / "_images").mkdir()
    Image.new("RGB", (30, 20), "white").save(tmp_path / "_images" / "a.png")
    (tmp_path / "_images" / "d.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" '
                                                'viewBox="0 0 44.4 22.2"></svg>')
    embedded = io.BytesIO()
    Image.new("RGBA", (8, 6), (255, 0, 0, 255)).save(embedded, "PNG")
    data = base64.b64encode(embedded.getvalue()).decode()
    page = tmp_path / "book" / "p.html"
    page.parent.mkdir()
    page.write_text(
        '<html><body><img alt="logo" src="../_images/d.svg"><article class="bd-article">'
        f'<p>{"word " * (text_before // 5)}</p><img alt="{ALT}" src="../_images/a.png" />'
        f'<figure><img src="data:image/png;base64,{data}" alt="snap" style="max-width:100%">'
        "</figure></article></body></html>")
    return page


def test_the_rewrite_sizes_lazies_and_offers_webp_and_keeps_the_alt_text(tmp_path):
    page = small_page(tmp_path, text_before=100)
    out = page_images.rewrite_page(page, tmp_path)
    tags = re.findall(r"<img\b[^>]*>", out)
    assert tags[0] == ('<img alt="logo" src="../_images/d.svg" width="44" height="22" '
                       'loading="lazy" decoding="async">'), "outside the article: lazy"
    assert f'alt="{ALT}"' in tags[1], "the alt text keeps its exact bytes"
    assert 'width="30" height="20"' in tags[1] and "loading" not in tags[1], "in the first screen"
    assert 'width="8" height="6" loading="lazy"' in tags[2] and "data:" not in out
    name = re.search(r'src="\.\./_images/([0-9a-f]{64}\.png)"', tags[2]).group(1)
    assert (tmp_path / "_images" / name).is_file()
    assert out.count("<picture><source srcset=") == 2
    assert (tmp_path / "_images" / "a.webp").is_file()
    page.write_text(out)
    assert page_images.rewrite_page(page, tmp_path) == out, "a second run changes nothing"


def test_an_image_after_a_screenful_of_text_is_lazy(tmp_path):
    page = small_page(tmp_path, text_before=page_images.FIRST_SCREEN_TEXT + 10)
    tags = re.findall(r"<img\b[^>]*>", page_images.rewrite_page(page, tmp_path))
    assert all('loading="lazy"' in tag for tag in tags)


def test_a_webp_that_is_not_smaller_is_not_offered(tmp_path):
    page = small_page(tmp_path, text_before=0)
    webp = tmp_path / "_images" / "a.webp"
    webp.write_bytes(b"RIFF" + bytes(10_000))  # newer than the PNG, and larger: kept, so not remade
    os.utime(webp, (time.time() + 10, time.time() + 10))
    out = page_images.rewrite_page(page, tmp_path)
    assert "a.webp" not in out and not webp.exists()
    assert out.count("<picture>") == 1, "the embedded snapshot's WebP is still offered"


def test_an_image_the_build_cannot_read_is_an_error(tmp_path):
    page = small_page(tmp_path, text_before=0)
    (tmp_path / "_images" / "a.png").write_bytes(b"not a png")
    with pytest.raises(OSError):
        page_images.rewrite_page(page, tmp_path)


# --- in Chromium --------------------------------------------------------------------------------

# Each visible image's top on the page, and whether it is lazy; hidden ones (the Binder logo in
# its closed menu) must be lazy, as then they are fetched only when shown.
PLACES = """() => [...document.images].map(i => ({src: i.getAttribute("src"),
  lazy: i.loading === "lazy", shown: i.checkVisibility(), top: i.getBoundingClientRect().top + scrollY}))"""


def misplaced(places: list[dict], height: int) -> list[str]:
    """Images lazy in the first screen (it would come late), or eager below it or hidden."""
    return [f"{place['src'][-30:]} at {place['top']:.0f} px, lazy={place['lazy']}"
            for place in places if place["lazy"] != (not place["shown"] or place["top"] >= height)]


def test_the_placement_check_finds_misplaced_images():
    assert misplaced([{"src": "a", "lazy": False, "shown": True, "top": 900}], 844)
    assert misplaced([{"src": "a", "lazy": True, "shown": True, "top": 100}], 844)
    assert misplaced([{"src": "a", "lazy": False, "shown": False, "top": 0}], 844)
    assert not misplaced([{"src": "a", "lazy": True, "shown": True, "top": 900},
                          {"src": "b", "lazy": False, "shown": True, "top": 10}], 844)


@pytest.fixture
def cold(browser):
    """A function that opens a URL in a new tab (its own context: an empty cache) at a viewport,
    recording as tests/test_site_in_browser.py does: the page, the URLs it requested and its
    Visit; every tab is closed afterwards."""
    pages = []

    def open_cold(url, viewport):
        visit = Visit()
        page = open_page(browser, visit)
        pages.append(page)
        page.set_viewport_size(viewport)
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(url, wait_until="load")
        settle(page)
        return page, requested, visit

    yield open_cold
    for page in pages:
        page.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_only_images_in_the_first_screen_load_eagerly(cold, site_url, built_site, viewport):
    pages_with_images = [name for name in PAGES if "<img" in (built_site / name).read_text()]
    eager = 0
    for name in pages_with_images:
        page, _, _ = cold(urljoin(site_url, name), VIEWPORTS[viewport])
        places = page.evaluate(PLACES)
        assert not misplaced(places, VIEWPORTS[viewport]["height"]), name
        eager += sum(not place["lazy"] for place in places)
    assert eager >= 1, "the book's opening page shows its diagram in the first screen"


def test_a_lazy_image_keeps_its_box_while_it_loads(cold, site_url):
    page, requested, _ = cold(urljoin(site_url, "book/05_training.html"), VIEWPORTS["phone"])
    image = page.locator("div.cell_output > picture > img").last  # a figure, not a snapshot
    before = image.evaluate("i => [i.complete, i.getBoundingClientRect().width, i.offsetHeight]")
    assert before[0] is False, "not fetched on a cold load"
    stem = Path(image.get_attribute("src")).stem
    assert not any(stem in url for url in requested), "neither its PNG nor its WebP"
    image.scroll_into_view_if_needed()
    page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=image.element_handle())
    assert image.evaluate("i => i.currentSrc").endswith(".webp")
    after = image.evaluate("i => [i.complete, i.getBoundingClientRect().width, i.offsetHeight]")
    assert after[1:] == before[1:], "the page did not move when it came"


def live_requests(requested: list[str]) -> list[str]:
    return [url for url in requested if "/live/" in urlparse(url).path]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", EXPLORER_PAGES)
def test_the_explorers_load_only_when_one_nears_the_screen(cold, site_url, name, viewport):
    page, requested, visit = cold(urljoin(site_url, name), VIEWPORTS[viewport])
    height = VIEWPORTS[viewport]["height"]
    figure = page.locator("figure[data-live-explorer]").first
    top = figure.evaluate("f => f.getBoundingClientRect().top")
    assert top > 3 * height, "the first explorer is beyond the loader's margin on a cold load"
    assert not live_requests(requested), "no explorer's script or styles on a cold load"
    assert not figure.evaluate("f => f.classList.contains('live')")
    # Two screens ahead of the reader (the loader's margin), it turns live before it is seen.
    page.evaluate("y => scrollTo(0, y)", top - 2.5 * height)
    figure.locator(".live-text").wait_for(timeout=15_000)
    assert figure.evaluate("f => f.getBoundingClientRect().top") > height, "live before it is seen"
    loaded = {Path(urlparse(url).path).name for url in live_requests(requested)}
    assert loaded == {"explorers.js", "explorers.css"}
    mine = page.locator(f"figure[data-live-explorer='{EXPLORER_PAGES[name]}']")
    mine.scroll_into_view_if_needed()
    mine.locator(".live-text").wait_for()
    shown = mine.evaluate(TEXT)
    control = mine.locator(".live-controls select, .live-controls input[type='range']").first
    if control.evaluate("c => c.tagName") == "SELECT":
        options = control.evaluate("s => [...s.options].map(o => o.value)")
        control.select_option(next(o for o in options if o != control.input_value()))
    else:
        control.focus()
        at_end = control.evaluate("r => Number(r.value) === Number(r.max)")
        page.keyboard.press("Home" if at_end else "End")
    page.wait_for_function(f"([f, shown]) => ({TEXT})(f) !== shown",  # its controls respond
                           arg=[mine.element_handle(), shown], timeout=5_000)
    assert not visit.console_errors and not visit.failed and not visit.blocked, visit


def test_a_page_opened_at_an_explorer_gets_it_live(cold, site_url):
    page, requested, visit = cold(urljoin(site_url, "book/05_training.html#ch05-step-through"),
                                  VIEWPORTS["phone"])
    figure = page.locator("figure[data-live-explorer='step']")
    figure.locator(".live-text").wait_for(timeout=15_000)
    assert live_requests(requested)
    assert not visit.console_errors and not visit.failed, visit


def test_a_keyboard_user_tabs_into_a_live_explorer(cold, site_url):
    """From the last control before the explorer, Tab reaches the live explorer's controls."""
    page, _, visit = cold(urljoin(site_url, "book/03_seeding.html"), VIEWPORTS["desktop"])
    figure = page.locator("figure[data-live-explorer='seed']")
    page.evaluate("""f => [...document.querySelectorAll("a[href], button, input, select")]
      .filter(e => e.checkVisibility()
                   && (e.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING))
      .at(-1).focus()""", figure.element_handle())
    figure.locator(".live-text").wait_for(timeout=15_000)  # focus scrolled it near: it loads
    for _ in range(20):
        page.keyboard.press("Tab")
        if figure.evaluate("f => f.contains(document.activeElement)"):
            break
    assert figure.evaluate("f => f.contains(document.activeElement)"), "Tab reaches the explorer"
    assert figure.evaluate("f => f.classList.contains('live')")
    assert not visit.console_errors and not visit.failed, visit


def test_the_explorers_styles_do_not_move_the_snapshot(cold, site_url, built_site):
    """The stylesheet comes with the bundle: until then the snapshot must look as it will."""
    page, _, _ = cold(urljoin(site_url, "book/03_seeding.html"), VIEWPORTS["phone"])
    figure = page.locator("figure[data-live-explorer]").first
    box = "f => [f.getBoundingClientRect().top + scrollY, f.offsetWidth, f.offsetHeight]"
    before = figure.evaluate(box)
    page.evaluate("""href => new Promise(resolve => document.head.append(Object.assign(
      document.createElement("link"), {rel: "stylesheet", href, onload: resolve})))""",
                  urljoin(site_url, "live/explorers.css"))
    assert page.evaluate("[...document.styleSheets].some(s => /explorers\\.css/.test(s.href))")
    assert figure.evaluate(box) == before

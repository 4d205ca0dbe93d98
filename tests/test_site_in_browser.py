"""The built site, as readers see it: Debian's Chromium, driven by Playwright, with the site
served from 127.0.0.1 and every request to any other host blocked and counted.

Each page is loaded once; the tests below read what that visit recorded. A screenshot of every
page is saved under _build/screenshots/ for review. These tests never skip: without Chromium
they fail and say how to install it.
"""

import contextlib
import functools
import html
import http.server
import json
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"
# $CHROMIUM, then `chromium` on PATH, then Debian's /usr/bin/chromium (the order
# tools/system_deps.py, which installs it for `make test`, uses too).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [  # as in CI: no sandbox (root), and none of Chromium's own calls home
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())
PAGES = [f"{name}.html" for name in [TOC["root"], *(entry["file"] for entry in TOC["chapters"])]]
PAGES += ["search.html", "genindex.html"]
# What else Sphinx and the theme legitimately write: index.html only redirects to the first page
# (tested on its own), the theme's template macros are copied with its static files.
NOT_PAGES = {"index.html", "_static/webpack-macros.html", "_static/sbt-webpack-macros.html"}
LOCKED_MATHJAX = json.loads((ROOT / "web" / "package-lock.json").read_text())["packages"]["node_modules/mathjax"]["version"]
CHAPTERS = [p for p in PAGES if re.match(r"book/\d\d_", p)]

pytestmark = pytest.mark.build


@dataclass
class Visit:
    """What one page load recorded."""

    console_errors: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"the browser tests need Chromium, not found at {CHROMIUM}: `make test` installs it "
                    "(sudo apt-get install chromium), or set CHROMIUM to the path of a Chromium or Chrome executable")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, visit):
    """A new tab that records console errors and failed requests, and blocks other hosts."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    def only_this_site(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            visit.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_site)
    page.on("console", lambda message: visit.console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.on("requestfailed", lambda request: visit.failed.append(f"{request.url} ({request.failure})"))
    page.on("response", lambda response: visit.failed.append(f"{response.url} ({response.status})")
            if response.status >= 400 else None)
    return page


@contextlib.contextmanager
def recorded_tab(browser):
    """A recording tab (see open_page) and its Visit, closed afterwards."""
    visit = Visit()
    page = open_page(browser, visit)
    try:
        yield page, visit
    finally:
        page.close()


FACTS = """() => {
  const main = document.querySelector("main") || document.body;
  const headings = [...main.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .filter(h => h.checkVisibility() && !h.closest(".bd-sidebar-primary, .bd-sidebar-secondary, nav, header, footer"))
    .map(h => Number(h.tagName[1]));
  return {
    math: document.querySelectorAll(".math").length,
    math_typeset: [...document.querySelectorAll(".math")].filter(m => m.querySelector("mjx-container")).length,
    typeset: document.querySelectorAll("mjx-container").length,
    raw_tex: /\\\\\\(|\\\\\\[/.test(main.innerText),
    images: [...document.images].map(img => ({src: img.src.slice(0, 80), alt: img.getAttribute("alt"),
                                            loaded: img.complete && img.naturalWidth > 0})),
    headings: headings,
    downloads: [...document.querySelectorAll("a[href$='.ipynb']")].map(a => a.href)
      .filter(href => new URL(href).origin === location.origin),  // not the launch buttons
    widget_views: document.querySelectorAll(".jupyter-widgets, .widget-subarea, "
      + "script[type='application/vnd.jupyter.widget-view+json']").length,
    players: document.querySelectorAll("input.anim-slider").length,
  };
}"""


# A computed CSS colour as [red, green, blue (0 to 255), alpha (0 to 1)]. Chromium writes
# rgb()/rgba() for most colours but color(srgb r g b / a), with 0-to-1 parts, for some (colours
# mixed with color-mix(), for one). Anything else is an error, never a guess.
PARSE_COLOUR = r"""c => {
  const parts = (text, scale) => text.split(/[\s,\/]+/).filter(Boolean)
    .map((v, i) => v.endsWith("%") ? parseFloat(v) / 100 * (i < 3 ? 255 : 1) : Number(v) * (i < 3 ? scale : 1));
  let m = c.match(/^rgba?\(([^)]+)\)$/), p;
  if (m) p = parts(m[1], 1);
  else if ((m = c.match(/^color\(srgb ([^)]+)\)$/))) p = parts(m[1], 255);
  if (!p || p.length < 3 || p.some(Number.isNaN)) throw new Error(`cannot read the colour ${c}`);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}"""


# WCAG 2 contrast of every visible piece of text in the page's article against its effective
# background (the nearest opaque background, with translucent layers blended in). Code blocks
# keep the theme's syntax colours and are left out, as is MathJax, which inherits its colour,
# and the "+" between the Ctrl and K keys drawn in the theme's search box on search.html.
LOW_CONTRAST = r"""() => {
  const parse = """ + PARSE_COLOUR + r""";
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const blend = (top, bottom) => [0, 1, 2].map(i => top[3] * top[i] + (1 - top[3]) * bottom[i]).concat([1]);
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255, 255, 255, 1]; if (!layers.length || layers[layers.length - 1][3] < 1) {
      const root = parse(getComputedStyle(document.documentElement).backgroundColor); if (root[3] > 0) bg = root; }
    for (const c of layers.reverse()) bg = blend(c, bg); return bg; };
  const bad = []; const seen = new Set();
  const walker = document.createTreeWalker(document.querySelector("article") || document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement; if (!n.textContent.trim() || seen.has(el)) continue; seen.add(el);
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true}) || el.closest("mjx-container, .highlight, pre, .search-button__kbd-shortcut")) continue;
    const fg = blend(parse(getComputedStyle(el).color), background(el));
    const l1 = lum(fg), l2 = lum(background(el));
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) bad.push(`${ratio.toFixed(2)} ${el.tagName}.${el.className} "${n.textContent.trim().slice(0, 40)}"`);
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def visits(browser, site_url):
    """Load every page once, wait for MathJax and the fonts, record, and take a screenshot."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    recorded = {}
    for name in PAGES:
        visit = recorded[name] = Visit()
        page = open_page(browser, visit)
        page.goto(urljoin(site_url, name), wait_until="load")
        page.wait_for_load_state("networkidle")
        page.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        visit.facts = page.evaluate(FACTS)
        visit.facts["low_contrast"] = page.evaluate(LOW_CONTRAST)
        page.screenshot(path=SCREENSHOTS / (name.replace("/", "__").removesuffix(".html") + ".png"), full_page=True)
        page.close()
    return recorded


@pytest.mark.parametrize("name", PAGES)
def test_the_page_needs_nothing_but_the_site(visits, name):
    visit = visits[name]
    assert not visit.blocked, f"requests to other hosts: {visit.blocked}"
    assert not visit.failed, f"failed requests: {visit.failed}"
    assert not visit.console_errors, f"console errors: {visit.console_errors}"


@pytest.mark.parametrize("name", PAGES)
def test_the_mathematics_is_typeset(visits, name):
    facts = visits[name].facts
    assert facts["math_typeset"] == facts["math"], f"MathJax typeset {facts['math_typeset']} of {facts['math']} formulas"
    assert facts["typeset"] >= facts["math"]
    assert not facts["raw_tex"], r"raw \( or \[ is left in the text"


def test_the_chapters_have_mathematics(visits):
    """The check above is not vacuous: every chapter has formulas."""
    assert all(visits[name].facts["math"] > 0 for name in CHAPTERS)


def test_the_site_root_redirects_to_the_first_page(browser, site_url, built_site):
    first = f"{TOC['root']}.html"
    title = html.unescape(re.search(r"<title>(.*?)</title>", (built_site / first).read_text(), re.S).group(1))
    with recorded_tab(browser) as (page, visit):
        page.goto(urljoin(site_url, "index.html"))
        page.wait_for_url(urljoin(site_url, first), timeout=10_000)
        page.wait_for_load_state("networkidle")
        assert page.title() == title.strip()


def test_mathjax_in_the_browser_is_the_locked_version_and_renders_svg_too(browser, site_url):
    """The site ships every output MathJax's menu offers: a reader who picks SVG gets formulas.

    The choice is made as the menu makes it, and MathJax then loads output/svg from the site.
    """
    with recorded_tab(browser) as (page, visit):
        page.goto(urljoin(site_url, "book/01_tanh.html"), wait_until="networkidle")
        assert page.evaluate("() => MathJax.startup.promise.then(() => MathJax.version)") == LOCKED_MATHJAX
        page.evaluate("() => MathJax.startup.document.menu.menu.pool.lookup('renderer').setValue('SVG')")
        page.wait_for_function("() => document.querySelector('mjx-container[jax=\"SVG\"] > svg') !== null", timeout=15_000)
        page.wait_for_load_state("networkidle")
        counts = page.evaluate("""() => ({math: document.querySelectorAll('.math').length,
            svg: document.querySelectorAll('.math mjx-container[jax="SVG"] > svg').length,
            chtml: document.querySelectorAll('mjx-container[jax="CHTML"]').length})""")
        assert counts["svg"] == counts["math"] > 0 and counts["chtml"] == 0, counts
        assert not visit.console_errors and not visit.failed and not visit.blocked, visit


@pytest.mark.parametrize("colour, expected", [
    ("rgb(255, 128, 0)", [255, 128, 0, 1]),
    ("rgba(0, 0, 0, 0.5)", [0, 0, 0, 0.5]),
    ("rgba(0, 0, 0, 0)", [0, 0, 0, 0]),
    ("color(srgb 1 0.5 0)", [255, 127.5, 0, 1]),
    ("color(srgb 0.2 0.4 0.6 / 0.25)", [51, 102, 153, 0.25]),
])
def test_the_contrast_check_reads_every_colour_format(browser, colour, expected):
    page = browser.new_page()
    try:
        got = page.evaluate(f"({PARSE_COLOUR})({json.dumps(colour)})")
        assert got == pytest.approx(expected), got
        with pytest.raises(Exception, match="cannot read the colour"):
            page.evaluate(f"({PARSE_COLOUR})('oklch(0.5 0.1 200)')")
    finally:
        page.close()


def test_the_site_holds_no_page_that_is_not_in_the_book(built_site):
    """A page left from an old build (or a file outside the table of contents) would be served stale."""
    built = {str(p.relative_to(built_site)) for p in built_site.rglob("*.html")
            if p.relative_to(built_site).parts[0] != "mathjax"}
    assert built - set(PAGES) - NOT_PAGES == set(), ("pages on the site that the book does not "
                                                      "list: left by an older build? make clean, then make book")
    assert set(PAGES) | NOT_PAGES <= built, "pages the book lists that are missing"


@pytest.mark.parametrize("name", PAGES)
def test_every_image_loads_and_has_alt_text(visits, name):
    for image in visits[name].facts["images"]:
        assert image["alt"] and image["alt"].strip(), f"no alt text: {image['src']}"
        assert image["loaded"], f"an image did not load: {image['src']}"


@pytest.mark.parametrize("name", PAGES)
def test_all_text_has_enough_contrast(visits, name):
    assert not visits[name].facts["low_contrast"], "below 4.5:1 (ratio, element, text)"


@pytest.mark.parametrize("name", PAGES)
def test_one_h1_and_headings_in_order(visits, name):
    levels = visits[name].facts["headings"]
    assert levels.count(1) == 1 and levels[0] == 1, f"heading levels {levels}"
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"a heading level is skipped: {levels}"


@pytest.mark.parametrize("name", PAGES)
def test_no_widget_is_left_unrendered(visits, name):
    """Pages show explorers as snapshots (images, checked above), never as dead widget views."""
    assert visits[name].facts["widget_views"] == 0


@pytest.mark.parametrize("name", CHAPTERS)
def test_the_notebook_download_is_a_valid_notebook(visits, browser, site_url, name):
    downloads = visits[name].facts["downloads"]
    assert downloads, "the page offers its notebook for download"
    page = browser.new_page()
    try:
        for url in downloads:
            response = page.request.get(url)
            assert response.ok, url
            notebook = nbformat.reads(response.text(), as_version=4)
            nbformat.validate(notebook)
            assert notebook.cells[0].source.startswith("# ")
    finally:
        page.close()


def test_the_player_changes_its_figure_when_moved_by_keyboard_or_buttons(browser, site_url):
    with recorded_tab(browser) as (page, visit):
        page.goto(urljoin(site_url, "book/05_training.html"), wait_until="networkidle")
        players = page.locator(".animation")
        assert players.count() >= 1
        for k in range(players.count()):
            player = players.nth(k)
            image, slider = player.locator("img"), player.locator("input.anim-slider")
            for button in player.locator("button").all():
                assert button.get_attribute("aria-label"), "every player button has a name for screen readers"
            first = image.get_attribute("src")
            slider.focus()
            page.keyboard.press("ArrowRight")
            assert slider.input_value() == "1", "the slider moves with the keyboard"
            assert image.get_attribute("src") != first, "moving the slider changes the figure"
            page.keyboard.press("End")
            last = image.get_attribute("src")
            assert last != first and int(slider.input_value()) == int(slider.get_attribute("max"))
            player.locator("button[onclick*='first_frame']").click()
            assert image.get_attribute("src") == first and slider.input_value() == "0"
        assert not visit.console_errors and not visit.failed and not visit.blocked


def test_every_page_is_readable_in_dark_mode_too(browser, site_url):
    """The site follows the reader's dark mode; the text stays readable, figures keep their white."""
    with recorded_tab(browser) as (page, visit):
        page.emulate_media(color_scheme="dark")
        low = {}
        for name in PAGES:
            page.goto(urljoin(site_url, name), wait_until="networkidle")
            assert page.evaluate("document.documentElement.dataset.theme") == "dark"
            if name == "book/03_seeding.html":
                page.locator(".explorer-snapshot").first.scroll_into_view_if_needed()
                page.screenshot(path=SCREENSHOTS / "book__03_seeding-dark.png")
            if found := page.evaluate(LOW_CONTRAST):
                low[name] = found
        assert not low, f"text below 4.5:1 in dark mode: {low}"
        assert not visit.console_errors and not visit.failed and not visit.blocked


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def test_every_internal_link_and_anchor_resolves(built_site):
    parsed = {}

    def parse(path):
        if path not in parsed:
            parser = Links()
            parser.feed(path.read_text())
            parsed[path] = parser
        return parsed[path]

    checked = 0
    for name in PAGES:
        page = built_site / name
        for href in parse(page).hrefs:
            url = urlparse(href)
            if url.scheme or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{name}: broken link {href}"
            if url.fragment and target.suffix == ".html":
                assert unquote(url.fragment) in parse(target).ids, f"{name}: no anchor for {href}"
            checked += 1
    assert checked > 100


MACHINE = [
    (r"/root/|/home/\w|/Users/\w|/tmp/|\\Users\\|site-packages", "a path of the build machine"),
    (r"0x[0-9a-fA-F]{8,}", "a memory address"),
    (r"Traceback \(most recent call last\)|[A-Za-z]+Error: .*\n.*File \"", "a traceback"),
]


def test_no_page_reveals_the_build_machine(built_site):
    for page in sorted(built_site.rglob("*.html")):
        if "mathjax" in page.relative_to(built_site).parts:
            continue
        text = page.read_text()
        for pattern, what in MACHINE:
            match = re.search(pattern, text)
            assert not match, f"{page.relative_to(built_site)}: {what}: {match.group(0)!r}"


def test_mathjax_comes_from_the_site(built_site):
    """Its version is checked in the browser (above); here, that the page loads it from the site."""
    assert (built_site / "mathjax" / "tex-mml-chtml.js").is_file()
    page = (built_site / "book" / "01_tanh.html").read_text()
    assert re.search(r'src="\.\./_static/\.\./mathjax/tex-mml-chtml\.js', page)
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page

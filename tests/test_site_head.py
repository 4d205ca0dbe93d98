"""The built site's page shell: each page's description and favicon, unique ids, the redirect and
the 404 page, and its icons drawn by icons/icons.css, not by Font Awesome's script or fonts
(tools/site_icons.py, tools/site_pages.py).

Each check is a function of a page's HTML (or of the pages in a browser), given a page made to
fail it first, so that none passes by checking nothing.
"""

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from tests.test_site_in_browser import (  # noqa: F401  (browser, site_url: fixtures)
    PAGES, ROOT, browser, recorded_tab, settle, site_url,
)

import site_icons  # tools/ (pythonpath in pyproject.toml)
import site_pages

pytestmark = pytest.mark.build

SPECIAL = ["index.html", "404.html"]  # the redirect and the not-found page (tools/site_pages.py)
SITE_PATH = urlparse(site_pages.pages_url(
    re.search(r"^\s*url:\s*(\S+)", (ROOT / "_config.yml").read_text(), re.M)[1])).path
# Font Awesome's script, and its fonts (pydata-sphinx-theme's _static/vendor/fontawesome).
FONT_AWESOME = re.compile(r"fontawesome\.js|fa-(solid-900|regular-400|brands-400)|webfonts/", re.I)
# Classes of Font Awesome that draw no icon themselves.
NOT_ICONS = {"fa-solid", "fa-brands", "fa-regular", *site_icons.MODIFIERS}


class Page(HTMLParser):
    """What the checks read from a page: its doctype, title, meta tags, links, ids and classes."""

    def __init__(self, text: str):
        super().__init__()
        self.doctype = False
        self.title, self.in_title = None, False
        self.meta, self.links, self.ids, self.classes, self.sources = {}, [], [], [], []
        self.feed(text)

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self.title, self.in_title = self.title or "", True
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs.get("property")] = attrs.get("content") or ""
        if tag == "link":
            self.links.append(attrs)
        if attrs.get("id") is not None:
            self.ids.append(attrs["id"])
        self.classes += (attrs.get("class") or "").split()
        self.sources += [attrs[key] for key in ("src", "href") if attrs.get(key)]

    def handle_endtag(self, tag):
        self.in_title = self.in_title and tag != "title"

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def description_problems(page: Page) -> list[str]:
    """Why a page's description is not one or more real sentences (none: it is)."""
    text = page.meta.get("description", "").strip()
    if not text:
        return ["no <meta name=description>"]
    problems = []
    if len(text.split()) < 5:
        problems.append(f"too short to describe anything: {text!r}")
    if not re.search(r"[.!?…]$", text):
        problems.append(f"does not end a sentence: {text!r}")
    if re.search(r"\bContents\b|>>>|[{}=]|\w\(\)|^import ", text):
        problems.append(f"a heading or code, not prose: {text!r}")
    if page.meta.get("og:description", text) != text:
        problems.append("og:description differs from the description")
    return problems


def favicon_problems(page: Page, name: str, site: Path) -> list[str]:
    """Why a page has no favicon that the site holds (none: it has one)."""
    icons = [link["href"] for link in page.links if "icon" in (link.get("rel") or "").split()]
    if not icons:
        return ["no <link rel=icon>"]
    problems = []
    for href in icons:
        path = urlparse(href).path
        target = (site / path.removeprefix(SITE_PATH) if path.startswith("/")
                  else site / Path(name).parent / path)
        if not target.resolve().is_file():
            problems.append(f"favicon {href} is not a file of the site")
    return problems


def duplicate_ids(page: Page) -> list[str]:
    return sorted(i for i, n in Counter(page.ids).items() if n > 1)


def font_awesome_references(page: Page) -> list[str]:
    return [source for source in page.sources if FONT_AWESOME.search(source)]


def icon_classes(page: Page) -> set[str]:
    """The icons a page draws by class: fa-NAME, less the classes that only style an icon."""
    return {c for c in page.classes if c.startswith("fa-")} - NOT_ICONS


def script_icon_classes(script: str) -> set[str]:
    """The icons a script draws by setting classes such as "fa-solid fa-xmark"."""
    found = set()
    quoted = r"""["'`]([^"'`]*\bfa-(?:solid|brands|regular)\b[^"'`]*)["'`]"""
    for classes in re.findall(quoted, script):
        found |= {c for c in classes.split() if c.startswith("fa-")}
    return found - NOT_ICONS


def document_problems(page: Page) -> list[str]:
    """What a standalone page (the redirect, the 404 page) lacks of a valid HTML document."""
    problems = [] if page.doctype else ["no <!DOCTYPE html>"]
    return problems + ([] if (page.title or "").strip() else ["no <title>"])


def read(site: Path, name: str) -> Page:
    return Page((site / name).read_text(encoding="utf-8"))


# --- each check fails a page made to fail it --------------------------------------------------

BAD = """<html><head><meta name="description" content="Contents">
<link rel="icon" href="_static/no-such-icon.svg">
<script src="_static/scripts/fontawesome.js"></script>
</head><body><i class="fa-solid fa-unicorn fa-lg"></i><p id="a"></p><p id="a"></p></body></html>"""


def test_each_check_fails_a_page_made_to_fail_it(tmp_path):
    page = Page(BAD)
    assert description_problems(page)
    assert description_problems(Page('<meta name="description" content="x = f()">'))
    unended = '<meta name="description" content="A sentence that does not end">'
    assert description_problems(Page(unended))
    assert description_problems(Page("<title>No description</title>"))
    assert favicon_problems(page, "book/page.html", tmp_path)
    assert favicon_problems(Page("<title>No icon</title>"), "page.html", tmp_path)
    assert duplicate_ids(page) == ["a"]
    assert font_awesome_references(page) == ["_static/scripts/fontawesome.js"]
    assert font_awesome_references(Page('<link href="vendor/webfonts/fa-solid-900.woff2">'))
    assert icon_classes(page) == {"fa-unicorn"}
    assert script_icon_classes('i.classList="fa-solid fa-unicorn",x="fa-lg"') == {"fa-unicorn"}
    assert document_problems(Page("<meta http-equiv=refresh content='0; url=a.html'>")) == [
        "no <!DOCTYPE html>", "no <title>"]


def test_a_good_page_passes_each_check(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "icon.svg").write_text("<svg/>")
    page = Page("""<!DOCTYPE html><html><head><title>T</title>
        <meta name="description" content="This page explains one thing, in a sentence.">
        <link rel="icon" href="../_static/icon.svg"></head><body><p id="a"></p></body></html>""")
    assert not (description_problems(page) or favicon_problems(page, "book/p.html", tmp_path)
                or duplicate_ids(page) or font_awesome_references(page) or document_problems(page))


# --- the built site -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", [*PAGES, *SPECIAL])
def test_every_page_has_a_description_and_a_favicon(built_site, name):
    page = read(built_site, name)
    assert not description_problems(page), description_problems(page)
    assert not favicon_problems(page, name, built_site), favicon_problems(page, name, built_site)


def test_every_page_has_unique_ids(built_site):
    found = {name: duplicate_ids(read(built_site, name)) for name in [*PAGES, *SPECIAL]}
    assert not any(found.values()), {name: ids for name, ids in found.items() if ids}


def test_every_exercise_has_its_own_ids(built_site):
    """The ids sphinx-exercise repeats are renamed, not dropped: one per exercise and solution."""
    text = "".join((built_site / name).read_text() for name in PAGES)
    assert 'id="exercise-content"' not in text and 'id="solution-content"' not in text
    kinds = ["exercise", "solution dropdown"]
    boxes = sum(text.count(f'class="{kind} admonition"') for kind in kinds)
    assert len(re.findall(r'<section id="[^"]+-content">', text)) == boxes > 0


def test_no_page_refers_to_font_awesome_script_or_fonts(built_site):
    found = {name: font_awesome_references(read(built_site, name)) for name in [*PAGES, *SPECIAL]}
    assert not any(found.values()), found


def test_every_icon_the_pages_or_the_theme_scripts_use_is_drawn(built_site):
    css = (built_site / site_icons.STYLESHEET).read_text()
    drawn = site_icons.drawn_icons(css)
    used = set().union(*(icon_classes(read(built_site, name)) for name in [*PAGES, *SPECIAL]))
    scripts = [p for p in (built_site / "_static").rglob("*.js") if p.name != "fontawesome.js"]
    by_scripts = set().union(*(script_icon_classes(p.read_text(errors="replace")) for p in scripts))
    assert used, "no icon found on the pages: the check would pass vacuously"
    assert "fa-xmark" in by_scripts, "pydata-sphinx-theme.js's close button is no longer found"
    assert (used | by_scripts) - drawn == set(), "icons icons.css does not draw: add them to ICONS"
    assert "CC BY 4.0" in css and "Font Awesome Free" in css, "the icons' licence is not credited"


def test_the_redirect_and_the_404_page_are_valid_documents(built_site):
    for name in SPECIAL:
        problems = document_problems(read(built_site, name))
        assert not problems, (name, problems)
    redirect = (built_site / "index.html").read_text()
    assert re.search(r'http-equiv="refresh" content="0; url=book/intro.html"', redirect)


def test_the_404_page_links_work_from_any_depth(built_site):
    """GitHub Pages shows 404.html at the missing address: its links start with the site's path."""
    page = read(built_site, "404.html")
    local = [s for s in page.sources if not urlparse(s).scheme]
    assert local and all(s.startswith(SITE_PATH) for s in local), local
    for source in local:
        assert (built_site / source.removeprefix(SITE_PATH)).is_file(), source


# --- in the browser -----------------------------------------------------------------------------

# Every element, and ::before / ::after, set in a Font Awesome font: an icon that icons.css does
# not draw, for which the browser fetches the font (Chromium does even for an empty ::after).
DRAWN_BY_FONT = r"""() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const which of [null, "::before", "::after"]) {
      const style = getComputedStyle(el, which);
      if (!/Font Awesome/.test(style.fontFamily) || style.display === "none") continue;
      if (which && ["none", "normal"].includes(style.content)) continue;
      const name = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}${which || ""}`;
      found.push(`${name} ${style.content}`);
    }
  }
  return found;
}"""
# Every icon element: its size and whether a mask draws it.
ICONS = """() => [...document.querySelectorAll('[class*="fa-"]')].map(el => {
  const s = getComputedStyle(el), r = el.getBoundingClientRect();
  return {cls: el.className, mask: s.maskImage || s.webkitMaskImage, w: r.width, h: r.height};
})"""


def test_a_page_with_an_icon_the_stylesheet_lacks_is_caught(browser, site_url):
    """The browser check below fails on an icon left to the font."""
    with recorded_tab(browser) as (page, _):
        page.goto(urljoin(site_url, "book/intro.html"))
        settle(page)
        page.evaluate("""() => { const d = document.createElement('div');
            d.className = 'admonition warning'; d.innerHTML = '<p class="admonition-title">W</p>';
            document.querySelector('main').append(d); }""")
        assert any("admonition-title::after" in f for f in page.evaluate(DRAWN_BY_FONT))


@pytest.mark.parametrize("scheme, pages", [("light", PAGES), ("dark", ["book/05_training.html"])])
def test_pages_load_no_font_awesome_and_draw_every_icon(browser, site_url, scheme, pages):
    for name in pages:
        requests = []
        with recorded_tab(browser) as (page, visit):
            page.emulate_media(color_scheme=scheme)
            page.on("request", lambda request: requests.append(request.url))
            page.goto(urljoin(site_url, name))
            settle(page)
            assert page.evaluate(DRAWN_BY_FONT) == [], name
            icons = [i for i in page.evaluate(ICONS) if i["w"] > 0]
            drawn = all(i["mask"].startswith("url(") and i["h"] > 0 for i in icons)
            assert icons and drawn, (name, icons)
            assert not [url for url in requests if FONT_AWESOME.search(url)], name
            assert not visit.failed, visit.failed

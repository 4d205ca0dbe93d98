"""What the first paint waits for (issue #22): no classic script blocks the parser
(tools/offline_site.py, site_theme/templates/layout.html), the colour theme is chosen before the
first paint (site_theme/templates/layout.html), and the theme's stylesheets carry only the rules
the site can use (tools/trim_css.mjs). docs/ARCHITECTURE.md, "Loading fast".

Each check is first shown a wrong input it must reject.
"""

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pydata_sphinx_theme
import pytest

from tests.test_site_in_browser import (  # noqa: F401  (browser, site_url: fixtures)
    PAGES, browser, served, settle, site_url,
)

ROOT = Path(__file__).resolve().parent.parent
TRIM = ROOT / "tools" / "trim_css.mjs"
THEME_CSS = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
             / "styles" / "pydata-sphinx-theme.css")
# Read by the inline lines right after it (DOCUMENTATION_OPTIONS.pagename): runs at once.
RUNS_AT_ONCE = {"documentation_options.js"}


class HeadScripts(HTMLParser):
    """The <script src> elements of a page's <head> that stop the parser: no defer, async or
    type=module."""

    def __init__(self):
        super().__init__()
        self.in_head, self.blocking = False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.in_head = (self.in_head or tag == "head") and tag != "body"
        if (self.in_head and tag == "script" and attrs.get("src")
                and not {"defer", "async"} & attrs.keys() and attrs.get("type") != "module"):
            self.blocking.append(Path(attrs["src"].split("?")[0]).name)

    def handle_endtag(self, tag):
        self.in_head = self.in_head and tag != "head"


def blocking_scripts(html: str) -> list[str]:
    parser = HeadScripts()
    parser.feed(html)
    return parser.blocking


def test_the_script_check_finds_a_script_that_blocks_the_parser():
    page = """<html><head><script src="a.js?v=1"></script><script defer src="b.js"></script>
    <script async src="c.js"></script><script type="module" src="d.js"></script>
    <script>inline()</script></head><body><script src="e.js"></script></body></html>"""
    assert blocking_scripts(page) == ["a.js"]


@pytest.mark.build
@pytest.mark.parametrize("name", PAGES)
def test_no_script_in_the_head_blocks_the_first_paint(built_site, name):
    html = (built_site / name).read_text(encoding="utf-8")
    assert set(blocking_scripts(html)) <= RUNS_AT_ONCE
    if "DOCUMENTATION_OPTIONS." in html:  # inline lines use it at once: it must not wait
        assert "documentation_options.js" in blocking_scripts(html)
    assert "searchindex.js" in html, "the search pop-up still gets its index, deferred"


# --- the colour theme, chosen by the page's first inline script --------------------------------

def theme_of(browser, url: str, scheme: str, stored_mode: str | None, scripts: bool) -> str:
    """The page's data-theme as a fresh reader with colour scheme ``scheme`` and "mode" in local
    storage gets it: with no script file (only the head's inline script), or once the theme's
    scripts have run."""
    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        if stored_mode is not None:
            page.add_init_script(f"localStorage.setItem('mode', {json.dumps(stored_mode)})")
        if not scripts:
            page.route("**/*", lambda route: route.abort() if route.request.resource_type
                       == "script" else route.continue_())
        page.goto(url)
        if scripts:
            settle(page)
        return page.evaluate("document.documentElement.dataset.theme")
    finally:
        context.close()


# The theme's CSS styles "light" and "dark" only. pydata-sphinx-theme.js's setTheme() turns the
# reader's mode ("light", "dark", "auto" or nothing stored, anything else read as "auto") into
# one of them; the head's script must choose the same one, before the first paint.
THEMES = [("light", None, "light"), ("dark", None, "dark"), ("light", "dark", "dark"),
          ("dark", "light", "light"), ("dark", "auto", "dark"), ("light", "auto", "light"),
          ("dark", "no such mode", "dark")]


@pytest.mark.build
@pytest.mark.parametrize("scheme, stored_mode, expected", THEMES)
def test_the_colour_theme_is_chosen_before_any_script_file_runs(browser, site_url, scheme,
                                                                 stored_mode, expected):
    url = site_url + "book/05_training.html"
    assert theme_of(browser, url, scheme, stored_mode, scripts=True) == expected  # the theme's own
    assert theme_of(browser, url, scheme, stored_mode, scripts=False) == expected


def test_the_theme_check_catches_a_page_that_leaves_the_theme_to_a_script(browser, tmp_path):
    """The head script pydata-sphinx-theme 0.17.1 writes: "auto", which no theme rule styles."""
    (tmp_path / "page.html").write_text(
        '<!DOCTYPE html><html data-theme="auto"><head><title>t</title><script>\n'
        'document.documentElement.dataset.mode = localStorage.getItem("mode") || "auto";\n'
        'document.documentElement.dataset.theme = localStorage.getItem("theme") || "auto";\n'
        '</script></head><body><p>text</p></body></html>')
    with served(tmp_path) as url:
        assert theme_of(browser, url + "page.html", "dark", None, scripts=False) == "auto"


# --- tools/trim_css.mjs ------------------------------------------------------------------------

def trim(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([shutil.which("node"), str(TRIM), str(site)], capture_output=True,
                          text=True)


def fake_site(tmp_path: Path) -> Path:
    site = tmp_path / "html"
    (site / "_static" / "styles").mkdir(parents=True)
    (site / "book").mkdir()
    (site / "book" / "page.html").write_text('<div class="used-here" id="kept-id"><p>t</p></div>')
    (site / "_static" / "theme.js").write_text('el.classList.add("added-by-script")')
    (site / "_static" / "styles" / "pydata-sphinx-theme.css").write_text(
        ".used-here{color:red}.never-used{color:blue}.added-by-script{color:green}"
        "#kept-id{margin:0}#gone-id{margin:1px}p{padding:0}table{border:0}"
        ".bs-tooltip-top{top:0}:root{--pst-color:#fff}:focus-visible{outline:red}"
        ".never-used:hover{color:red}"
        "@font-face{font-family:X;src:url(x.woff2)}")
    (site / "_static" / "site.css").write_text(".never-used{color:blue}")
    return site


def test_trim_keeps_what_pages_and_scripts_use_and_drops_the_rest(tmp_path):
    site = fake_site(tmp_path)
    result = trim(site)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"trim_css: 1 stylesheets, \d+ KB -> \d+ KB\n", result.stdout)
    css = (site / "_static" / "styles" / "pydata-sphinx-theme.css").read_text()
    for kept in [".used-here", ".added-by-script", "#kept-id", "p{", ".bs-tooltip-top",
                 "--pst-color", "@font-face", ":focus-visible{"]:
        assert kept in css.replace(" ", ""), kept
    for dropped in [".never-used", "#gone-id", "table"]:
        assert dropped not in css, dropped
    assert (site / "_static" / "site.css").read_text() == ".never-used{color:blue}", (
        "the book's own stylesheet is not touched")


def test_trim_names_a_folder_that_is_not_a_built_site(tmp_path):
    result = trim(tmp_path / "missing")
    assert result.returncode == 1
    assert "site must be a built site with _static/" in result.stderr and str(tmp_path) in result.stderr


def selectors(css: str) -> set[str]:
    """Every selector of every rule, whitespace normalised."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return {re.sub(r"\s*([>+~])\s*", r"\1", " ".join(one.split()))
            for prelude in re.findall(r"([^{}@;]+)\{", css) for one in prelude.split(",")}


# A selector made only of classes (with pseudo-classes, combinators and an optional leading
# html[data-theme=...]): when the pages use all its classes, trimming must keep it.
CLASSES_ONLY = re.compile(r"(?:html(?:\[[^\]]*\])?\s*)?"
                          r"(?:\.[\w-]+|\s*[>+~]\s*|\s+|::?[\w-]+(?:\([^()]*\))?)+")


def lost_selectors(original: str, trimmed: str, used: set[str]) -> list[str]:
    """Selectors of ``original`` made only of classes the pages use, missing from ``trimmed``."""
    kept = selectors(trimmed)
    return sorted(one for one in selectors(original)
                  if CLASSES_ONLY.fullmatch(one) and one not in kept
                  and set(re.findall(r"\.([\w-]+)", one)) <= used)


def classes_in_pages(site: Path) -> set[str]:
    found = set()
    for page in site.rglob("*.html"):
        for value in re.findall(r'class="([^"]*)"', page.read_text(encoding="utf-8")):
            found |= set(value.split())
    return found


@pytest.mark.build
def test_the_trimmed_theme_css_keeps_every_rule_for_classes_the_pages_use(built_site):
    trimmed = (built_site / "_static" / "styles" / "pydata-sphinx-theme.css").read_text()
    original = THEME_CSS.read_text()
    assert len(trimmed) < len(original) / 2, "trimmed to well under half"
    lost = lost_selectors(original, trimmed, classes_in_pages(built_site))
    assert not lost, f"rules for classes the pages use were dropped: {lost[:20]}"


def test_the_rule_check_finds_a_lost_rule():
    original = ".a .b:hover,.c>.d{x:1} .e{y:2} html[data-theme=dark] .a{z:3} #i .a{w:4}"
    trimmed = ".c > .d{x:1}"
    assert lost_selectors(original, trimmed, {"a", "b", "c", "d"}) == [
        ".a .b:hover", "html[data-theme=dark] .a"]


def test_the_build_step_names_what_needs_node_when_it_is_missing(tmp_path, monkeypatch, capsys):
    import build_book

    monkeypatch.setattr(build_book.shutil, "which", lambda name: None)
    assert build_book.trim_css(tmp_path) == 1
    assert "trimming the stylesheets needs Node.js (node)" in capsys.readouterr().err


def test_the_build_step_trims_the_built_site(tmp_path):
    import build_book

    site = fake_site(tmp_path / "book")
    (tmp_path / "book" / "_build").mkdir()
    site.rename(tmp_path / "book" / "_build" / "html")
    assert build_book.trim_css(tmp_path / "book") == 0
    css = (tmp_path / "book" / "_build" / "html" / "_static" / "styles"
           / "pydata-sphinx-theme.css").read_text()
    assert ".used-here" in css and ".never-used" not in css


# --- the code's plain-token spans (tools/offline_site.py) ---------------------------------------

def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_unwrapping_keeps_the_text_and_the_coloured_tokens():
    from offline_site import unwrap_plain_tokens

    body = ('<p><span class="n">prose</span></p><div class="highlight"><pre><span></span>'
            '<span class="n">np</span><span class="o">.</span><span class="n">dot</span>'
            '<span class="p">(</span><span class="w"> </span><span class="mi">1</span>'
            '<span class="p">)</span></pre></div>')
    unwrapped = unwrap_plain_tokens(body)
    assert text_of(unwrapped) == text_of(body)
    assert unwrapped.count('class="n"') == 1, "outside a code block a span stays"
    assert '<span class="o">.</span>' in unwrapped and '<span class="mi">1</span>' in unwrapped
    assert 'class="p"' not in unwrapped and 'class="w"' not in unwrapped


@pytest.mark.build
def test_highlighted_code_has_no_plain_token_spans_and_keeps_its_text(built_site):
    html = (built_site / "book" / "05_training.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<div class="highlight"><pre>(.*?)</pre></div>', html, re.S)
    assert blocks and not any(re.search(r'<span class="[npw]">', b) for b in blocks)
    assert any("import numpy as np" in text_of(b) for b in blocks)
    assert any('<span class="kn">import</span>' in b for b in blocks), "keywords keep their colour"

"""The site's math, typeset at build time (tools/typeset_math.mjs): pages ship HTML, CSS and
assistive MathML, load no MathJax script until a reader opens a formula's menu
(tools/site_theme/static/math_menu.js), and a TeX error fails the build naming page and formula.
"""

import re
import subprocess
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest

import build_book
from tests.test_site_in_browser import (  # noqa: F401  (browser, site_url: fixtures)
    CHAPTERS, LOCKED_MATHJAX, PAGES, ROOT, browser, recorded_tab, settle, site_url,
)

SCRIPT = ROOT / "tools" / "typeset_math.mjs"
SKIPPED = {"pre", "code", "script", "style", "textarea", "noscript"}  # MathJax's skipHtmlTags
DELIMITERS = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\\begin\{")


class _Text(HTMLParser):
    """The text of a page outside code, scripts and styles (attributes are not text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        self.depth += tag in SKIPPED

    def handle_endtag(self, tag):
        self.depth -= tag in SKIPPED

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def raw_tex(page: str) -> list[str]:
    """TeX delimiters left in a page's text outside code: math a reader would see untypeset."""
    parser = _Text()
    parser.feed(page)
    text = "".join(parser.parts)
    return [text[max(m.start() - 20, 0):m.end() + 20] for m in DELIMITERS.finditer(text)]


class _Formulas(HTMLParser):
    """Each mjx-container: whether it has assistive MathML (mjx-assistive-mml > math) as a child."""

    def __init__(self):
        super().__init__()
        self.stack, self.formulas = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "mjx-container":
            self.formulas.append({"display": dict(attrs).get("display") == "true", "mathml": None})
        elif tag == "math" and self.stack[-2:] == ["mjx-container", "mjx-assistive-mml"]:
            self.formulas[-1]["mathml"] = dict(attrs).get("display", "inline")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass


def formulas_without_mathml(page: str) -> tuple[int, list[int]]:
    """How many formulas the page has, and the indexes of those whose assistive MathML is missing
    or says another display mode than the formula."""
    parser = _Formulas()
    parser.feed(page)
    bad = [i for i, f in enumerate(parser.formulas)
           if f["mathml"] != ("block" if f["display"] else "inline")]
    return len(parser.formulas), bad


def mathjax_scripts(urls) -> list[str]:
    """The requests for MathJax's JavaScript among ``urls`` (its fonts are not scripts)."""
    return [url for url in urls if re.search(r"/mathjax/.*\.js$", urlparse(url).path)]


# --- the checks above, on wrong input ---------------------------------------------------------

def test_the_raw_tex_check_finds_delimiters_in_text_only():
    assert raw_tex(r"<p>a \(x\) b</p>") and raw_tex(r"<div>\[x\]</div>") and raw_tex("<p>$$x$$</p>")
    assert raw_tex(r"<p>\begin{align}x\end{align}</p>")
    assert not raw_tex(r"<pre>\(x\)</pre><code>$$</code><script>'\['</script>")
    assert not raw_tex(r"<p data-tex='\(x'>y</p>"), "an attribute is not text"


def test_the_assistive_mathml_check_finds_a_formula_without_it():
    good = ('<mjx-container display="true"><mjx-math></mjx-math><mjx-assistive-mml>'
            '<math display="block"><mi>x</mi></math></mjx-assistive-mml></mjx-container>')
    assert formulas_without_mathml(good) == (1, [])
    bare = "<mjx-container><mjx-math></mjx-math></mjx-container>"
    assert formulas_without_mathml(bare) == (1, [0])
    assert formulas_without_mathml(good.replace('display="block"', "")) == (1, [0]), "display mode"


def test_the_script_check_tells_scripts_from_fonts():
    urls = ["http://h/mathjax/tex-chtml.js",
            "http://h/mathjax/output/chtml/fonts/woff-v2/MathJax_Zero.woff",
            "http://h/_static/math_menu.js"]
    assert mathjax_scripts(urls) == urls[:1]


# --- the built pages ---------------------------------------------------------------------------

@pytest.mark.build
@pytest.mark.parametrize("name", PAGES)
def test_every_formula_has_assistive_mathml_and_no_tex_is_left(built_site, name):
    page = (built_site / name).read_text()
    count, bad = formulas_without_mathml(page)
    assert not bad, f"{len(bad)} of {count} formulas without assistive MathML"
    sphinx_math = re.findall(r'class="math notranslate nohighlight"', page)
    assert count == len(sphinx_math), "one per formula"
    assert not raw_tex(page), raw_tex(page)[:3]
    assert "tex-chtml.js" not in page and "window.MathJax" not in page, "no MathJax script"


@pytest.mark.build
def test_the_chapters_have_formulas_to_check(built_site):
    for name in CHAPTERS:
        assert formulas_without_mathml((built_site / name).read_text())[0] > 0, name


@pytest.mark.build
@pytest.mark.parametrize("name", PAGES)
def test_a_cold_load_fetches_no_mathjax_script(browser, site_url, name):
    with recorded_tab(browser) as (page, visit):
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(urljoin(site_url, name), wait_until="load")
        settle(page)
        assert requests and not mathjax_scripts(requests), mathjax_scripts(requests)
        assert page.evaluate("() => window.MathJax === undefined")
        assert not visit.console_errors and not visit.failed and not visit.blocked, visit


MENU = ".CtxtMenu_Menu"


@pytest.mark.build
def test_a_right_click_loads_mathjax_and_opens_its_menu_where_the_reader_clicked(browser, site_url):
    with recorded_tab(browser) as (page, visit):
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(urljoin(site_url, "book/05_training.html"), wait_until="load")
        settle(page)
        formula = page.locator("div.math mjx-container").first
        formula.scroll_into_view_if_needed()
        box = formula.bounding_box()
        formula.click(button="right")
        page.wait_for_selector(MENU, timeout=20_000)
        assert [urlparse(u).path for u in mathjax_scripts(requests)] == ["/mathjax/tex-chtml.js"]
        assert page.evaluate("() => MathJax.version") == LOCKED_MATHJAX
        menu = page.locator(MENU).bounding_box()
        assert abs(menu["y"] - (box["y"] + box["height"] / 2)) < 40, (menu, box)  # at the click
        assert "Show Math As" in page.locator(MENU).inner_text()
        # MathJax's own item shows the formula's TeX, which the page kept for it.
        page.locator(MENU).get_by_text("Show Math As").hover()
        page.get_by_text("TeX Commands").click()
        assert "L(w) = \\frac{1}{2}" in page.locator(".CtxtMenu_Info").inner_text()
        assert not visit.console_errors and not visit.failed, visit


@pytest.mark.build
def test_space_on_a_focused_formula_opens_the_menu(browser, site_url):
    with recorded_tab(browser) as (page, visit):
        page.goto(urljoin(site_url, "book/01_tanh.html"), wait_until="load")
        settle(page)
        formula = page.locator("span.math mjx-container").nth(3)
        assert formula.get_attribute("tabindex") == "0", "a tab stop before MathJax loads"
        formula.focus()
        page.keyboard.press("Space")
        page.wait_for_selector(MENU, timeout=20_000)
        assert page.evaluate("() => document.activeElement.closest('.CtxtMenu_Menu') !== null")
        page.keyboard.press("Escape")
        assert page.locator(MENU).count() == 0
        assert not visit.console_errors and not visit.failed, visit


@pytest.mark.build
def test_the_menu_can_switch_every_formula_to_svg(browser, site_url):
    """MathJax adopts the page's formulas: choosing another renderer typesets each again from its
    TeX, with its assistive MathML. output/svg is loaded from the site."""
    with recorded_tab(browser) as (page, visit):
        page.goto(urljoin(site_url, "book/01_tanh.html"), wait_until="load")
        settle(page)
        page.locator("span.math mjx-container").first.click(button="right")
        page.wait_for_selector(MENU, timeout=20_000)
        page.keyboard.press("Escape")
        page.evaluate("() => MathJax.startup.document.menu.menu.pool.lookup('renderer')"
                      ".setValue('SVG')")
        page.wait_for_function("() => document.querySelector('mjx-container[jax=\"SVG\"] > svg')",
                               timeout=15_000)
        settle(page)
        counts = page.evaluate("""() => ({math: document.querySelectorAll('.math').length,
            svg: document.querySelectorAll('.math mjx-container[jax="SVG"] > svg').length,
            mathml: document.querySelectorAll('.math mjx-container > mjx-assistive-mml > math')
              .length,
            chtml: document.querySelectorAll('mjx-container[jax="CHTML"]').length})""")
        assert counts["svg"] == counts["mathml"] == counts["math"] > 0, counts
        assert counts["chtml"] == 0, counts
        assert not visit.console_errors and not visit.failed and not visit.blocked, visit


@pytest.mark.build
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_formulas_take_the_text_colour_and_wide_ones_scroll_in_their_box_on_a_phone(
        browser, site_url, theme):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.add_init_script(f"localStorage.setItem('theme', '{theme}');"
                             f"localStorage.setItem('mode', '{theme}')")
        page.goto(urljoin(site_url, "book/07_hidden_layer.html"), wait_until="load")
        settle(page)
        assert page.evaluate("() => document.documentElement.dataset.theme") == theme
        colours = page.evaluate("""() => [...document.querySelectorAll('.math mjx-container')]
          .map(c => [getComputedStyle(c.querySelector('mjx-c')).color,
                     getComputedStyle(c.parentElement).color])""")
        assert colours and all(glyph == text for glyph, text in colours), colours[:3]
        widths = page.evaluate("""() => ({page: [document.documentElement.scrollWidth, innerWidth],
            boxes: [...document.querySelectorAll('div.math mjx-container')].map(c =>
              [c.scrollWidth, c.clientWidth, getComputedStyle(c).overflowX])})""")
        assert widths["page"][0] <= widths["page"][1], "the page scrolls sideways"
        assert any(w > c for w, c, _ in widths["boxes"]), "no wide formula: the check is vacuous"
        assert all(o in ("auto", "scroll") for w, c, o in widths["boxes"] if w > c), widths["boxes"]
    finally:
        page.close()


# --- the step itself, on throwaway pages -------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>t</title>
<script>window.MathJax = {"options": {}}</script>
<script defer="defer" src="../_static/../mathjax/tex-chtml.js?v=1"></script>
</head><body><p>An inline <span class="math notranslate nohighlight">\\(a &lt; b\\)</span> and</p>
<div class="math notranslate nohighlight">
\\[
BODY
\\]</div><pre>\\(code\\) stays</pre></body></html>"""


def throwaway(tmp_path, body="x^2"):
    page = tmp_path / "_build" / "html" / "book" / "page.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE.replace("BODY", body))
    return page


def test_the_step_typesets_a_page_and_leaves_it_alone_the_second_time(tmp_path, capfd):
    page = throwaway(tmp_path)
    assert build_book.typeset_math(tmp_path) == 0
    done = page.read_text()
    assert formulas_without_mathml(done) == (2, []) and not raw_tex(done)
    assert 'data-tex="a < b"' in done and "<pre>\\(code\\) stays</pre>" in done
    assert '<script defer src="../_static/math_menu.js"></script>' in done
    assert "tex-chtml" not in done
    assert "url(\"../mathjax/output/chtml/fonts/woff-v2/MathJax_Zero.woff\")" in done
    assert build_book.typeset_math(tmp_path) == 0
    assert page.read_text() == done
    assert "2 formulas on 1 pages" in capfd.readouterr().out


@pytest.mark.parametrize("body, named", [
    ("\\frac{1}{\\nosuchmacro}", "Undefined control sequence \\nosuchmacro"),
    ("\\frac{1}{2", "no closing delimiter found"),
    ("x \\end{align}", "Missing \\begin{align} or extra \\end{align}"),
])
def test_a_tex_error_fails_the_step_naming_the_page_and_the_formula(tmp_path, capfd, body, named):
    page = throwaway(tmp_path, body)
    before = page.read_text()
    assert build_book.typeset_math(tmp_path) == 1
    error = capfd.readouterr().err
    assert "book/page.html: TeX error in the formula" in error, error
    assert body in error and named in error, error
    assert page.read_text() == before, "nothing written"


def test_tex_outside_sphinx_math_fails_the_step(tmp_path, capfd):
    page = throwaway(tmp_path)
    page.write_text(page.read_text().replace("<pre>", "<p>\\(y\\) untypeset</p><pre>"))
    assert build_book.typeset_math(tmp_path) == 1
    assert "book/page.html: TeX outside Sphinx's math elements" in capfd.readouterr().err


def test_the_step_needs_no_build_to_run(tmp_path):
    """The script runs on its own too (as the docs say): a folder argument, one line of output."""
    throwaway(tmp_path)
    result = subprocess.run(["node", str(SCRIPT), str(tmp_path / "_build" / "html")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("typeset_math: 2 formulas"), result

"""The built site for every reader, on a 1280 x 900 desktop and on a 390 x 844 phone: no WCAG 2.1
A or AA violation that axe-core finds, no page that scrolls sideways, no code or output box that
scrolls sideways on the desktop, legible figures, and no glue(...) call in sight.

axe-core is the version pinned in web/package-lock.json. Every page is loaded once at each size;
the tests read what those visits recorded. The phone screenshots go to _build/screenshots/
(NAME-390.png) for review.
"""

import struct
from urllib.parse import urljoin

import pytest

from helpers import plotting
from tests.test_site_in_browser import (  # noqa: F401 (fixtures)
    LOW_CONTRAST, PAGES, ROOT, SCREENSHOTS, browser, scroll_through, settle, site_url)

pytestmark = pytest.mark.build

AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
SMALLEST_TEXT_PX = plotting.SMALLEST_TEXT * plotting.DPI / 72  # in a figure at its natural size
LEGIBLE_PX = 9

RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)"
SCROLLS_SIDEWAYS = "() => document.documentElement.scrollWidth > window.innerWidth"
# Boxes of code or printed output whose text is wider than the box: they scroll sideways.
WIDE_BOXES = """() => [...document.querySelectorAll("article pre")]
  .filter(pre => pre.checkVisibility() && pre.scrollWidth > pre.clientWidth)
  .map(pre => `${pre.scrollWidth} px of text in ${pre.clientWidth} px: ${pre.innerText.slice(0, 60)}`)"""
# The book's own figures, as myst-nb shows a matplotlib figure: an image straight in a cell's output
# (in a <picture>, with its WebP, since tools/page_images.py).
FIGURES = """() => [...document.querySelectorAll(`div.cell_output > img,
  div.cell_output > picture > img`)]
  .map(img => [img, img.closest(".cell_output")])
  .map(([img, box]) => ({src: img.src.split("/").pop(), natural: img.naturalWidth,
                         rendered: img.getBoundingClientRect().width,
                         scrolls: box.scrollWidth > box.clientWidth,
                         hint: getComputedStyle(box, "::before").content}))"""
VISIBLE_GLUE = """() => [...document.querySelectorAll("div.cell_input, div.highlight")]
  .filter(code => code.checkVisibility() && code.innerText.includes("glue("))
  .map(code => code.innerText.slice(0, 80))"""


def axe_report(violations) -> str:
    """One line per offending element: rule, element, and what is wrong."""
    return "\n".join(f"{v['id']} ({v['impact']}): {' '.join(map(str, node['target']))}: "
                     f"{node.get('failureSummary', v['help']).strip().replace(chr(10), ' ')}"
                     for v in violations for node in v["nodes"])


def load(page, url):
    """Load a page, wait until its requests settle and every explorer on it is live (so axe sees it)."""
    page.goto(url, wait_until="load")
    settle(page)
    scroll_through(page)  # images and explorers load as they near the screen
    page.evaluate("scrollTo(0, 0)")  # axe sees the page as it opens (no "Back to top" button)
    settle(page)
    for figure in page.locator("figure[data-live-explorer]").all():
        figure.locator(".live-text").wait_for()
    page.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
    page.evaluate("() => document.fonts.ready.then(() => true)")


def smallest_text_px(figure) -> float:
    """How tall a figure's smallest text is on the screen, in CSS pixels."""
    return figure["rendered"] / figure["natural"] * SMALLEST_TEXT_PX


@pytest.fixture(scope="module")
def looks(browser, site_url):  # noqa: F811 (the fixtures imported above)
    """Each page at each size: axe's violations, and what the tests below measure."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    recorded = {}
    for name in PAGES:
        for size, viewport in [("desktop", DESKTOP), ("phone", PHONE)]:
            page = browser.new_page(viewport=viewport)
            try:
                load(page, urljoin(site_url, name))
                seen = recorded[name, size] = {
                    "sideways": page.evaluate(SCROLLS_SIDEWAYS), "wide_boxes": page.evaluate(WIDE_BOXES),
                    "figures": page.evaluate(FIGURES), "glue": page.evaluate(VISIBLE_GLUE),
                }
                if size == "phone":
                    page.screenshot(path=SCREENSHOTS / (name.replace("/", "__").removesuffix(".html") + "-390.png"),
                                    full_page=True)
                page.add_script_tag(path=AXE)
                seen["axe"] = page.evaluate(RUN_AXE, WCAG)
            finally:
                page.close()
    return recorded


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_21_a_or_aa_violation(looks, name, size):
    violations = looks[name, size]["axe"]
    assert not violations, f"axe-core, WCAG 2.1 A and AA:\n{axe_report(violations)}"


@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(looks, name):
    assert not looks[name, "phone"]["sideways"], "the page is wider than the 390 px screen"


@pytest.mark.parametrize("name", PAGES)
def test_no_code_or_output_box_scrolls_sideways_on_a_desktop(looks, name):
    assert not looks[name, "desktop"]["wide_boxes"]


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_every_figure_keeps_its_text_legible(looks, name, size):
    small = {f["src"]: round(smallest_text_px(f), 1) for f in looks[name, size]["figures"]
             if smallest_text_px(f) < LEGIBLE_PX}
    assert not small, f"figures whose smallest text is under {LEGIBLE_PX} px on screen: {small}"


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_a_figure_that_scrolls_in_its_box_says_so(looks, name, size):
    """A phone shows no scroll bar until the reader swipes: a hint above the figure says it is wider."""
    for figure in looks[name, size]["figures"]:
        assert ("Swipe or scroll sideways" in figure["hint"]) == figure["scrolls"], (name, size, figure)


def test_figures_scroll_in_their_box_on_a_phone_only(looks):
    """The hint test above has both cases to tell apart: figures that fit, and figures that scroll."""
    assert not any(f["scrolls"] for name in PAGES for f in looks[name, "desktop"]["figures"])
    assert any(f["scrolls"] for name in PAGES for f in looks[name, "phone"]["figures"])


def test_the_figure_check_has_figures_to_check_and_knows_a_shrunk_one(looks):
    assert sum(len(looks[name, "phone"]["figures"]) for name in PAGES) >= 10
    assert all(f["natural"] > 0 for name in PAGES for f in looks[name, "phone"]["figures"]), "every figure loaded"
    # A 6.4-inch figure squeezed into a phone's 358 px column, as the theme alone would show it.
    assert smallest_text_px({"natural": 6.4 * plotting.DPI, "rendered": 358}) < LEGIBLE_PX


@pytest.mark.parametrize("name", PAGES)
def test_no_visible_code_cell_calls_glue(looks, name):
    """Cells that only hand numbers to the prose are tagged remove-cell: run, not shown."""
    assert not looks[name, "desktop"]["glue"]


def test_the_phone_screenshots_are_390_pixels_wide(looks):
    for name in PAGES:
        path = SCREENSHOTS / (name.replace("/", "__").removesuffix(".html") + "-390.png")
        width = struct.unpack(">I", path.read_bytes()[16:20])[0]  # the PNG header's width
        assert width == PHONE["width"], f"{path.name} is {width} px wide"


def test_the_checks_catch_what_they_look_for(browser):  # noqa: F811
    """Each browser check finds its fault on a small page made to have it."""
    page = browser.new_page(viewport=PHONE)
    try:
        page.set_content("""<html lang="en"><head><title>Faults</title></head><body><main><article>
            <button aria-label="Close">Open the menu</button>
            <pre style="width: 200px; overflow: auto">""" + "x" * 100 + """</pre>
            <div class="cell_input"><pre>glue("n", 1, display=False)</pre></div>
            <div style="width: 600px">wide</div></article></main></body></html>""")
        page.add_script_tag(path=AXE)
        report = axe_report(page.evaluate(RUN_AXE, WCAG))
        assert "label-content-name-mismatch" in report and "button" in report, report
        assert page.evaluate(SCROLLS_SIDEWAYS)
        assert len(page.evaluate(WIDE_BOXES)) == 1
        assert page.evaluate(VISIBLE_GLUE) == ['glue("n", 1, display=False)']
    finally:
        page.close()


# The text below 4.5:1 in the "Back to top" button, which is outside the article the other
# contrast checks read: the same check, on that button.
BUTTON_CONTRAST = LOW_CONTRAST.replace('document.querySelector("article") || document.body',
                                       'document.getElementById("pst-back-to-top")')
SCROLL_UP = """async () => {
  const pause = () => new Promise(resolve => setTimeout(resolve, 150));
  scrollTo(0, 3000); await pause(); scrollTo(0, 2700); await pause();
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_back_to_top_button_a_phone_shows_is_readable(browser, site_url, scheme):
    assert BUTTON_CONTRAST != LOW_CONTRAST
    page = browser.new_page(viewport=PHONE, color_scheme=scheme)
    page.goto(urljoin(site_url, "book/05_training.html"))
    settle(page)
    page.evaluate(SCROLL_UP)  # the theme shows the button as the reader scrolls up
    assert page.locator("#pst-back-to-top").is_visible()
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    assert page.evaluate(BUTTON_CONTRAST) == []
    page.close()


def test_the_button_check_finds_the_themes_white_on_orange(browser, site_url):
    page = browser.new_page(viewport=PHONE, color_scheme="light")
    page.goto(urljoin(site_url, "book/05_training.html"))
    settle(page)
    page.evaluate(SCROLL_UP)
    removed = page.evaluate("""() => {  // the fix in site.css, so the theme's colours are back
      for (const sheet of document.styleSheets) for (const [i, rule] of [...sheet.cssRules].entries())
        if (rule.selectorText?.includes("#pst-back-to-top:not(:hover)")) { sheet.deleteRule(i); return true; }
      return false; }""")
    assert removed
    page.wait_for_timeout(400)  # Bootstrap's .btn changes colour over 0.15 s
    assert page.evaluate(BUTTON_CONTRAST)[0].startswith("2.45 ")
    page.close()

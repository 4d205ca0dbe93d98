"""The step-through explorers (issue #21) on the built site: `step` in chapter 5 and `hidden_step`
in chapter 7, mounted by live/explorers.js (site.js, with engine.js computing every step in the
page), stepped through line by line by keyboard only.

The oracle is helpers: helpers.explorers.StepExplorer / HiddenStepExplorer at the same settings.
At every place visited, each table cell is compared with the explorer's ``step_arrays`` (the
helpers step, written at the digits the page shows), and the heading, formula and sentence with
the explorer's ``heading``, ``formula`` and ``alt``. Where the keys should take the explorer is
worked out here (the walk below), never read back from the page.
"""

import contextlib
import json
from urllib.parse import urljoin

import numpy as np
import pytest

from helpers import hidden, network
from helpers.explorer_text import TEXT as TEMPLATES
from helpers.explorers import HiddenStepExplorer, StepExplorer
from tests.test_site_accessibility import AXE, PHONE, RUN_AXE, WCAG, axe_report
from tests.test_site_in_browser import (  # noqa: F401  (browser, site_url: fixtures)
    browser, recorded_tab, settle, site_url,
)

pytestmark = pytest.mark.build

PAGES = {"step": "book/05_training.html", "hidden_step": "book/07_hidden_layer.html"}
EXPLORERS = {"step": StepExplorer, "hidden_step": HiddenStepExplorer}
LINES = {name: len(TEMPLATES[name]["lines"]) for name in PAGES}
INPUTS = {"step": network.POST_INPUTS, "hidden_step": hidden.XOR_INPUTS}
TARGETS = {"step": network.POST_TARGETS, "hidden_step": hidden.XOR_TARGETS}
LAST = 10_000
# The tables with a row per example (a row of X): the reader chooses the example there.
EXAMPLES = {"X", "targets", "z", "output", "error", "slope", "delta", "z1", "hidden", "z2",
            "slope2", "delta2", "back", "slope1", "delta1"}

# Each table: its key on the page (as the loop's lines read and write it), the field of the
# helpers step it shows (None: the inputs or the targets), and its name in the caption.
TABLES = {
    "step": [("X", None, "X"), ("targets", None, "targets"), ("w", "weights", "w"),
             ("z", "z", "z = X @ w"), ("output", "output", "y"), ("error", "error", "error"),
             ("slope", "slope", "slope"), ("delta", "delta", "delta"),
             ("update", "update", "update"), ("new_weights", "new_weights", "new w")],
    "hidden_step": [("X", None, "X"), ("targets", None, "targets"), ("W1", "W1", "W1"),
                    ("W2", "W2", "W2"), ("z1", "z1", "z1 = X @ W1"), ("hidden", "hidden", "h"),
                    ("z2", "z2", "z2"), ("output", "output", "y"), ("error", "error", "error"),
                    ("slope2", "slope2", "slope2"), ("delta2", "delta2", "delta2"),
                    ("back", "back", "back = delta2 @ W2[:-1].T"),
                    ("slope1", "slope1", "slope1"), ("delta1", "delta1", "delta1"),
                    ("dW2", "dW2", "dW2"), ("new_W2", "new_W2", "new W2"),
                    ("dW1", "dW1", "dW1"), ("new_W1", "new_W1", "new W1")],
}

# What the page shows of one step-through explorer (the figure): its tables, code, marks, texts.
VIEW = """f => {
  const items = [...f.querySelectorAll('.live-code li')];
  const formula = f.querySelector('.live-formula');
  return {
    tables: [...f.querySelectorAll('.live-array')].map(box => ({
      key: box.dataset.array, name: box.querySelector('.live-array-name').textContent,
      state: ['written', 'read', 'pending'].find(s => box.classList.contains('live-' + s))
        ?? 'given',
      cells: [...box.querySelectorAll('tbody tr')].map(tr =>
        [...tr.querySelectorAll('td')].map(c => c.textContent)),
      chosen: [...box.querySelectorAll('tbody tr')].map(tr => tr.getAttribute('aria-current')),
    })),
    code: items.map(li => li.querySelector('.live-code-line').textContent),
    current: items.map(li => li.getAttribute('aria-current')),
    highlighted: items.map(li => li.classList.contains('live-line-current')),
    formula: formula.hidden ? '' : formula.querySelector('code').textContent,
    heading: f.querySelector('.live-step-heading').textContent,
    text: f.querySelector('.live-text').textContent,
    status: f.querySelector('.live-status').textContent,
    iterations: f.querySelector("input[id$='-iterations-box']").value,
  };
}"""


def cells(array, digits=4):
    """An array as the page writes it: one row of texts per row, ``digits`` decimals."""
    return [[f"{v:.{digits}f}" for v in row] for row in np.asarray(array, float)]


def check_view(figure, explorer, name, **place):
    """Move the helpers explorer to ``place`` and compare every number and mark on the page with
    it: the tables against ``step_arrays`` (the arrays of later lines not shown yet), the code
    listing's current line, the heading, the formula and the sentence."""
    explorer.set(**place)
    values, shown = explorer.settings, figure.evaluate(VIEW)
    line, lines = values["line"], TEMPLATES[name]["lines"]
    where = f"{name} at {values}"
    step = explorer.step_arrays
    written_at = {key: i + 1 for i, ln in enumerate(lines) for key in ln["writes"]}
    assert [t["key"] for t in shown["tables"]] == [key for key, _, _ in TABLES[name]], where
    for table, (key, field, caption) in zip(shown["tables"], TABLES[name]):
        array = getattr(step, field) if field else (INPUTS[name] if key == "X" else TARGETS[name])
        rows, cols = array.shape
        assert table["name"] == f"{caption} ({rows}, {cols})", where
        if written_at.get(key, 0) > line:  # computed by a later line: for the reader to predict
            assert table["state"] == "pending", (key, where)
            assert table["cells"] == [["?"] * cols] * rows, (key, where)
        else:
            expected = cells(array, 0 if field is None else 4)
            assert table["cells"] == expected, (key, where)
            reads = lines[line - 1]["reads"] if line else []
            writes = lines[line - 1]["writes"] if line else []
            state = "written" if key in writes else "read" if key in reads else "given"
            assert table["state"] == state, (key, where)
        if key in EXAMPLES:  # a row per example: the chosen one marked
            assert table["chosen"] == ["true" if r == values["row"] else None for r in range(4)]
        else:
            assert table["chosen"] == [None] * rows, (key, where)
    assert shown["code"] == explorer.code_lines(values), where
    assert shown["current"] == ["step" if i + 1 == line else None for i in range(len(lines))]
    assert shown["highlighted"] == [i + 1 == line for i in range(len(lines))], where
    assert shown["heading"] == explorer.heading, where
    assert shown["formula"] == explorer.formula, where
    assert shown["text"] == explorer.alt, where
    assert shown["iterations"] == str(values["iterations"]), where
    return shown


@contextlib.contextmanager
def step_tab(browser, site_url, name, fragment="", viewport=None):  # noqa: F811
    """A recording tab on ``name``'s page (with ``fragment``), the explorer live; the figure. At
    the end: no error in the console, no failed request, no other host asked."""
    with recorded_tab(browser) as (page, visit):
        if viewport:
            page.set_viewport_size(viewport)
        page.goto(urljoin(site_url, PAGES[name] + fragment))
        settle(page)
        figure = page.locator(f"figure[data-live-explorer='{name}']")
        if not fragment:  # a link to the explorer loads it at once; else it loads when near
            figure.scroll_into_view_if_needed()
        figure.locator(".live-text").wait_for()
        yield page, figure
        assert not visit.console_errors and not visit.failed and not visit.blocked, visit


def focused(page) -> str:
    """What has the focus: its id, a button's text, else its class."""
    return page.evaluate("() => { const e = document.activeElement; "
                         "return e.id || (e.tagName === 'BUTTON' ? e.textContent : e.className); }")


def tab_to(page, target, backwards=False, presses=30) -> list[str]:
    """Press Tab (or Shift+Tab) until ``target`` has the focus; what the focus passed through."""
    passed = []
    for _ in range(presses):
        if target.evaluate("e => e === document.activeElement"):
            return passed
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        passed.append(focused(page))
    assert target.evaluate("e => e === document.activeElement"), f"Tab never reaches {target}"
    return passed


def type_into(page, box, text) -> None:
    """Type ``text`` over what ``box`` (focused) holds, key by key."""
    assert box.evaluate("e => e === document.activeElement")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def walk(page, figure, explorer, name, keys, start):
    """Press each key of ``keys`` (Next keys or Back keys) from ``start`` = (iteration, line),
    checking the view at every place it goes to (where a key goes is worked out here)."""
    iteration, line = start
    lines = LINES[name]
    for key in keys:
        if key in ("n", "ArrowRight", "ArrowDown"):
            iteration, line = (iteration, line + 1) if line < lines else (iteration + 1, 1)
        else:
            iteration, line = (iteration, line - 1) if line > 0 else (iteration - 1, lines)
        page.keyboard.press(key)
        check_view(figure, explorer, name, iterations=iteration, line=line)
    return iteration, line


@pytest.mark.parametrize("name", PAGES)
def test_the_explorer_on_the_page_is_live(browser, site_url, name):
    """site.js mounted the explorer: the listing, the tables and the buttons are there, the
    snapshot is gone, and a Next press makes the page compute (engine.js) the next numbers."""
    with step_tab(browser, site_url, name) as (page, figure):
        assert page.locator("script[src*='live/explorers.js']").count() == 0, "not up front"
        assert page.locator("link[rel='modulepreload'][href*='live/explorers.js']").count() == 1, \
            "fetched once, by the page's loader (web/live/loader.js)"
        assert figure.evaluate("f => f.classList.contains('live')")
        assert figure.locator(".live-code li").count() == LINES[name]
        assert figure.locator(".live-array").count() == len(TABLES[name])
        assert figure.locator("img").count() == 0, "the snapshot is replaced by the explorer"
        start = json.loads(figure.get_attribute("data-values"))
        explorer = EXPLORERS[name](**start)
        check_view(figure, explorer, name)
        figure.get_by_role("button", name="Next", exact=True).click()
        check_view(figure, explorer, name, line=1)


@pytest.mark.parametrize("name", PAGES)
def test_every_line_of_four_iterations_by_keyboard(browser, site_url, name):
    """From the starting place, by keyboard only: Tab from the explorer's first control to the
    code listing (past the buttons); every line of iterations 0 and 1 by n and the arrows; the
    iteration typed as 9; back to its line 0 by b (the focus on a slider); every line of 9 and of
    10 (the next block of ten) forward, then back across the block by b and the arrows."""
    with step_tab(browser, site_url, name) as (page, figure):
        lines = LINES[name]
        explorer = EXPLORERS[name](**json.loads(figure.get_attribute("data-values")))
        check_view(figure, explorer, name)
        first = figure.locator(".live-controls input, .live-controls select").first
        first.focus()  # into the explorer; from here on, the keyboard only
        listing = figure.locator(".live-code")
        passed = tab_to(page, listing)
        assert {"Next", "Next step"} <= set(passed), f"the buttons by Tab: {passed}"
        place = walk(page, figure, explorer, name, ["n"] * lines, (0, 0))
        place = walk(page, figure, explorer, name, (["ArrowRight", "ArrowDown"] * lines)[:lines],
                     place)
        assert place == (1, lines)
        box = figure.locator("input[id$='-iterations-box']")
        tab_to(page, box, backwards=True)
        type_into(page, box, "9")
        check_view(figure, explorer, name, iterations=9, line=lines)
        page.keyboard.press("Tab")  # to the next control, no text box: n and b step there
        assert page.evaluate("document.activeElement.type") == "range", focused(page)
        place = walk(page, figure, explorer, name, ["b"] * lines, (9, lines))
        assert place == (9, 0)
        tab_to(page, listing)
        keys = (["n", "ArrowDown", "ArrowRight"] * lines)[:2 * lines]
        place = walk(page, figure, explorer, name, keys, place)
        assert place == (10, lines)
        keys = (["b", "ArrowLeft", "ArrowUp"] * lines)[:lines + 2]
        place = walk(page, figure, explorer, name, keys, place)
        assert place == (9, lines - 1)
        assert focused(page) == "live-code"
        page.wait_for_timeout(600)  # the live region speaks once the keys rest
        assert figure.locator(".live-announce").text_content() == explorer.alt


# Other settings, typed and chosen by keyboard: (control, keys) in turn, then where to check.
OTHER = {
    "step": [("seed", ["7"]), ("slope", ["ArrowDown"]), ("learning_rate", ["ArrowLeft"])],
    "hidden_step": [("seed", ["5"]), ("n_hidden", ["3"]), ("learning_rate", ["ArrowLeft"])],
}
EXPECTED = {"step": {"seed": 7, "slope": "true", "learning_rate": 0.5},
            "hidden_step": {"seed": 5, "n_hidden": 3, "learning_rate": 0.1}}


@pytest.mark.parametrize("name", PAGES)
def test_other_settings_by_keyboard_and_a_jump_to_the_last_iteration(browser, site_url, name):
    with step_tab(browser, site_url, name) as (page, figure):
        lines = LINES[name]
        explorer = EXPLORERS[name](**json.loads(figure.get_attribute("data-values")))
        for control, keys in OTHER[name]:
            typed = figure.locator(f"[id$='-{control}-box']")
            target = typed if typed.count() else figure.locator(f"[id$='-{control}']")
            target.focus()
            if typed.count():
                type_into(page, typed, keys[0])
            else:
                for key in keys:
                    page.keyboard.press(key)
        check_view(figure, explorer, name, **EXPECTED[name])
        tab_to(page, figure.locator(".live-code"))
        place = walk(page, figure, explorer, name, ["n"] * (lines + 2), (0, 0))
        box = figure.locator("input[id$='-iterations-box']")
        tab_to(page, box, backwards=True)
        type_into(page, box, str(LAST))
        check_view(figure, explorer, name, iterations=LAST, line=place[1])
        tab_to(page, figure.locator(".live-code"))
        place = walk(page, figure, explorer, name, ["n"] * (lines - place[1]), (LAST, place[1]))
        assert place == (LAST, lines)
        assert figure.get_by_role("button", name="Next", exact=True).is_disabled()
        page.keyboard.press("n")  # at the very end: nowhere to go
        check_view(figure, explorer, name, iterations=LAST, line=lines)


@pytest.mark.parametrize("name", PAGES)
def test_a_shared_link_restores_the_place(browser, site_url, name):
    settings = {"seed": 12, "iterations": LAST, "line": 3}
    query = "&".join(f"{key}={value}" for key, value in settings.items())
    with step_tab(browser, site_url, name, f"#explore-{name}?{query}") as (page, figure):
        start = json.loads(figure.get_attribute("data-values"))
        explorer = EXPLORERS[name](**{**start, **settings})
        check_view(figure, explorer, name)
        assert figure.evaluate("f => { const r = f.getBoundingClientRect(); "
                               "return r.top >= -1 && r.top < innerHeight; }"), "scrolled to it"
        assert figure.locator(".live-status").is_hidden()


@pytest.mark.parametrize("name", PAGES)
def test_a_bad_line_in_a_link_is_named_and_the_rest_is_kept(browser, site_url, name):
    with step_tab(browser, site_url, name, f"#explore-{name}?seed=12&line=99") as (_, figure):
        status = figure.locator(".live-status")
        notice = f"line in the link must be from 0 to {LINES[name]}; got 99"
        assert status.is_visible() and notice in status.text_content(), status.text_content()
        start = json.loads(figure.get_attribute("data-values"))
        check_view(figure, EXPLORERS[name](**{**start, "seed": 12}), name)


def middle_line(page, figure, name):
    """The explorer at iteration 12, its middle line (by keyboard), and the Python explorer."""
    box = figure.locator("input[id$='-iterations-box']")
    box.focus()
    type_into(page, box, "12")
    tab_to(page, figure.locator(".live-code"))
    for _ in range(LINES[name] // 2 + 1):
        page.keyboard.press("n")
    explorer = EXPLORERS[name](**json.loads(figure.get_attribute("data-values")))
    check_view(figure, explorer, name, iterations=12, line=LINES[name] // 2 + 1)


SCROLLS_SIDEWAYS = "() => document.documentElement.scrollWidth > window.innerWidth"


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}],
                         ids=["phone", "desktop"])
@pytest.mark.parametrize("name", PAGES)
def test_a_middle_line_fits_a_phone_and_axe_finds_no_violation(browser, site_url, name,
                                                                viewport):
    """tests/test_site_accessibility.py checks every page at its starting state; here the page
    with its step-through explorer at a middle line, every table filled or pending."""
    with step_tab(browser, site_url, name, viewport=viewport) as (page, figure):
        middle_line(page, figure, name)
        if viewport == PHONE:
            assert not page.evaluate(SCROLLS_SIDEWAYS), "the page is wider than the phone"
        page.add_script_tag(path=AXE)
        violations = page.evaluate(RUN_AXE, WCAG)
        assert not violations, f"axe-core, WCAG 2.1 A and AA:\n{axe_report(violations)}"


def test_eight_hidden_units_still_fit_a_phone(browser, site_url):
    """The widest tables (8 hidden units) scroll in their own box, never the page."""
    with step_tab(browser, site_url, "hidden_step", "#explore-hidden_step?n_hidden=8&line=5",
                  viewport=PHONE) as (page, figure):
        assert figure.locator(".live-array[data-array='dW1'] th").count() >= 8
        assert not page.evaluate(SCROLLS_SIDEWAYS), "the page is wider than the phone"


def test_only_the_example_tables_mark_the_chosen_row(browser, site_url):
    """With 3 hidden units W2, dW2 and new W2 have 4 rows, one per weight: not examples."""
    with step_tab(browser, site_url, "hidden_step", "#explore-hidden_step?n_hidden=3&line=7") as (
            _, figure):
        marks = figure.evaluate(VIEW)["tables"]
        for table in marks:
            if table["key"] not in EXAMPLES:
                assert table["chosen"] == [None] * len(table["cells"]), table["key"]

"""The hidden-layer explorer live in a browser (chapter "A hidden layer"), without building the book.

A throwaway page holds what the chapter's cell will put on the site, ``HiddenExplorer().site_html()``,
with live/ as tools/build_book.py writes it (tools/build_js.py's bundle); Chromium, driven by Playwright,
loads it from 127.0.0.1 as tests/test_site_in_browser.py loads the built site. What the page writes (its
text, in its live region, and the status line) is compared with helpers' numbers in the same templates.
"""

import inspect
import json

import pytest

from helpers import explorers
from helpers.explorer_text import TEXT as TEMPLATES
from tests.test_site_in_browser import (  # noqa: F401  (browser: the fixture that starts Chromium)
    PIXELS, TEXT, browser, controls_of, hidden_expected, recorded_tab, served, set_controls, settle,
)
from tools import build_js


@pytest.fixture(scope="module")
def page_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hidden_site")
    build_js.build_site(folder / "live")
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hidden explorer</title>'
        '<link rel="stylesheet" href="live/explorers.css">'
        '<script type="module" src="live/explorers.js"></script></head><body><main>'
        f"{explorers.HiddenExplorer()._repr_mimebundle_()['text/html']}</main></body></html>")
    with served(folder) as url:
        yield f"{url}index.html"


@pytest.fixture
def figure(browser, page_url):  # noqa: F811
    with recorded_tab(browser) as (page, visit):
        page.goto(page_url)
        settle(page)
        figure = page.locator("figure[data-live-explorer]").first
        figure.locator(".live-text").wait_for()
        yield figure
        assert not visit.console_errors and not visit.failed and not visit.blocked, visit


START = {key: parameter.default for key, parameter in inspect.signature(explorers.HiddenExplorer).parameters.items()}


def test_the_page_starts_where_the_jupyter_explorer_starts(figure):
    assert json.loads(figure.get_attribute("data-values")) == START
    text, status = hidden_expected(START)
    assert figure.evaluate(TEXT) == text
    assert figure.locator(".live-status").text_content() == status
    assert [spec["name"] for spec in controls_of(figure)] == list(explorers.HiddenExplorer.CONTROLS)
    assert figure.evaluate("f => f.querySelector('.live-panels').charts.length") == 3
    assert figure.locator(".live-caption").text_content() == TEMPLATES["caption"]["site_hidden"]


# Changed settings, each compared with helpers' numbers. The runs are well-conditioned or do not leave a
# plateau late: there both engines' numbers agree to far more than the digits shown
# (tests/test_hidden_engine.py says which runs do not).
SETTINGS = [
    {"seed": 12, "n_hidden": 2},  # the chapter's stuck run
    {"seed": 3, "iterations": 300},
    {"seed": 41, "n_hidden": 4, "activation": "sigmoid", "learning_rate": 0.5, "iterations": 2000},
    {"seed": 9, "n_hidden": 8, "activation": "relu", "learning_rate": 0.1, "iterations": 50},
    {"seed": 77, "n_hidden": 1, "activation": "tanh", "learning_rate": 0.03, "iterations": 10_000},
    {"seed": 5, "n_hidden": 3, "learning_rate": 1.0, "iterations": 3},  # a chaotic rate, early: the note shows
]


def test_the_numbers_shown_for_changed_settings_are_helpers_numbers(figure):
    specs = controls_of(figure)
    values = dict(START)
    for settings in SETTINGS:
        before = figure.evaluate(PIXELS)
        set_controls(figure, specs, settings)
        values.update(settings)
        text, status = hidden_expected(values)
        assert figure.evaluate(TEXT) == text, settings
        assert figure.locator(".live-status").text_content() == status, settings
        assert (TEMPLATES["hidden"]["chaos_note"] in status) is (values["learning_rate"] > 0.5)
        assert figure.evaluate(PIXELS) != before, settings


def test_fewer_hidden_units_draw_fewer_lines(figure):
    specs = controls_of(figure)
    pictures = []
    for n_hidden in (1, 2, 8):
        set_controls(figure, specs, {"n_hidden": n_hidden})
        pictures.append(figure.evaluate(PIXELS)[2])  # the unit square
    assert len(set(pictures)) == 3

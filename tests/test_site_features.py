"""The explorers' data tables, keyboard cursor, shareable settings and "Reproduce in Python", on the
built site (tests/test_explorer_features.py tests access.js and share.js on their own)."""

import json
import re
import subprocess
import sys
from urllib.parse import urljoin

import pytest

from tests.test_site_in_browser import (  # noqa: F401  (browser, site_url: fixtures)
    EXPLORER_PAGES, ROOT, TEXT, browser, controls_of, expected_text, explorer_tab, hidden_expected, recorded_tab,
    set_controls, settle, site_url,
)

pytestmark = pytest.mark.build

# Each chart's data table: its summary, and its rows as the chart's data give them.
TABLES = """f => [...f.querySelectorAll('.live-panel')].map(p => ({
  summary: p.querySelector('details.live-data summary')?.textContent,
  rows: [...p.querySelectorAll('details.live-data tbody tr')].map(r => [...r.cells].map(c => c.textContent)),
  current: [...p.querySelectorAll('details.live-data tbody tr')].findIndex(r => r.getAttribute('aria-current') === 'true'),
}))"""
CHART = "(f, i) => f.querySelector('.live-panels').charts[i].data.map(s => Array.from(s))"


@pytest.mark.parametrize("name", EXPLORER_PAGES)
def test_every_chart_has_a_data_table(browser, site_url, name):
    with explorer_tab(browser, site_url, name) as (_, figure):
        tables = figure.evaluate(TABLES)
        assert tables and all(t["summary"] and t["summary"].startswith("Data: ") and t["rows"] for t in tables)
        assert len(tables) == figure.evaluate("f => f.querySelector('.live-panels').charts.length")


def test_the_training_tables_show_what_the_charts_plot_at_the_sliders_stops(browser, site_url):
    with explorer_tab(browser, site_url, "book/05_training.html") as (_, figure):
        set_controls(figure, controls_of(figure), {"iterations": 300})
        error, weights, outputs = figure.evaluate(TABLES)
        steps, mse = figure.evaluate(CHART, 0)[:2]
        stops = [spec for spec in controls_of(figure) if spec["name"] == "iterations"][0]["options"]
        assert [int(row[0]) for row in error["rows"]] == stops
        for row in error["rows"]:
            assert float(row[1]) == pytest.approx(mse[steps.index(int(row[0]))], rel=5e-3)
        assert error["rows"][error["current"]][0] == "300" and weights["rows"][weights["current"]][0] == "300"
        chart = figure.evaluate(CHART, 1)
        for row in weights["rows"]:
            k = chart[0].index(int(row[0]))
            assert [float(v) for v in row[1:]] == pytest.approx([chart[i][k] for i in (1, 2, 3)], abs=5e-4)
        bars = figure.evaluate(CHART, 2)
        shown = [a if a is not None else b for a, b in zip(bars[1], bars[2])]
        assert [float(row[1]) for row in outputs["rows"]] == pytest.approx(shown, abs=5e-4)
        assert outputs["current"] == -1


def test_the_error_chart_reads_its_points_out_by_keyboard(browser, site_url):
    with explorer_tab(browser, site_url, "book/05_training.html") as (page, figure):
        holder = figure.locator(".live-chart").first
        assert holder.get_attribute("tabindex") == "0" and holder.get_attribute("role") == "group"
        assert "arrow keys" in holder.get_attribute("aria-label")
        holder.focus()
        page.keyboard.press("End")
        readout = figure.locator(".live-readout").first
        assert readout.text_content().startswith("step 10000: error ")
        assert figure.locator(".live-announce").text_content() == readout.text_content(), "announced"
        page.keyboard.press("Home")
        assert readout.text_content().startswith("step 0: error ")
        page.keyboard.press("ArrowRight")
        assert readout.text_content().startswith("step 1: error ")


def test_the_activation_curves_each_have_a_cursor_and_the_bar_charts_none(browser, site_url):
    with explorer_tab(browser, site_url, "book/01_tanh.html") as (_, figure):
        assert figure.locator(".live-chart[tabindex='0']").count() == 2
    with explorer_tab(browser, site_url, "book/06_prediction.html") as (_, figure):
        assert figure.locator(".live-chart[tabindex='0']").count() == 0


def test_a_link_with_settings_restores_them_and_scrolls_to_the_explorer(browser, site_url):
    settings = {"seed": 12, "iterations": 300, "activation": "sigmoid", "learning_rate": 0.5, "scheme": "glorot"}
    query = "&".join(f"{key}={value}" for key, value in settings.items())
    with recorded_tab(browser) as (page, visit):
        page.goto(urljoin(site_url, f"book/05_training.html#explore-training?{query}"))
        settle(page)
        figure = page.locator("figure[data-live-explorer='training']")
        assert figure.evaluate(TEXT) == expected_text("training", settings)
        assert figure.locator("[id$='-seed-box']").input_value() == "12"
        assert figure.evaluate("f => { const r = f.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; }")
        assert figure.locator(".live-status").is_hidden()
        assert not visit.console_errors and not visit.failed


def test_a_bad_value_in_a_link_is_named_and_the_rest_is_kept(browser, site_url):
    with recorded_tab(browser) as (page, visit):
        page.goto(urljoin(site_url, "book/07_hidden_layer.html#explore-hidden?seed=12&n_hidden=99"))
        settle(page)
        figure = page.locator("figure[data-live-explorer='hidden']")
        status = figure.locator(".live-status")
        notice = "n_hidden in the link must be from 1 to 8; got 99"
        assert status.is_visible() and notice in status.text_content() and status.get_attribute("role") is None
        announce = figure.locator(".live-announce")
        announce.filter(has_text=notice).wait_for(timeout=2_000)  # read out after the sentence
        start = json.loads(figure.get_attribute("data-values"))
        assert figure.evaluate(TEXT) == hidden_expected({**start, "seed": 12})[0], "seed 12, the default units"
        set_controls(figure, controls_of(figure), {"iterations": 300})
        assert "in the link" not in status.text_content(), "gone once a control moves"
        assert not visit.console_errors and not visit.failed


def test_a_moved_control_writes_the_settings_into_the_link(browser, site_url):
    with explorer_tab(browser, site_url, "book/03_seeding.html") as (page, figure):
        figure.evaluate("f => { f.hashes = []; addEventListener('hashchange', () => f.hashes.push(location.hash)); }")
        entries = page.evaluate("history.length")
        for typed in ("4", "42"):
            figure.locator("[id$='-seed-box']").fill(typed)
        page.wait_for_function("() => location.hash === '#explore-seed?seed=42&scheme=post'", timeout=5_000)
        page.wait_for_timeout(400)  # longer than the delay: nothing more is coming
        assert page.evaluate("history.length") == entries, "replaced in place, no new history entry"
        assert figure.evaluate("f => f.hashes") == [], "replaceState: no hashchange, no jump"
        assert page.evaluate("location.hash") == "#explore-seed?seed=42&scheme=post"


def run_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]\d+)?"


@pytest.mark.parametrize("name", EXPLORER_PAGES)
def test_the_reproduce_code_run_with_helpers_prints_the_pages_numbers(browser, site_url, name):
    kind = EXPLORER_PAGES[name]
    moved = {"training": {"seed": 7, "iterations": 2000}, "seed": {"seed": 31}, "activation": {"z": -1.2},
             "prediction": {"x1": 0.3}, "hidden": {"seed": 3, "n_hidden": 3, "iterations": 300}}[kind]
    with explorer_tab(browser, site_url, name) as (_, figure):
        set_controls(figure, controls_of(figure), moved)
        code = figure.locator(".live-reproduce code").text_content()
        heading = figure.locator(".live-title").first.text_content()
        text, status = figure.evaluate(TEXT), figure.locator(".live-status").text_content()
        sums = figure.locator(".live-sums").text_content() if kind == "prediction" else ""
    printed = run_python(code)
    numbers = [float(n) for n in re.findall(NUMBER, printed.replace("[", " ").replace("]", " "))]
    if kind in ("training", "hidden"):
        assert printed.splitlines()[0] == f"error {heading.rsplit(': ', 1)[1]}"
    if kind == "hidden":
        assert ("solves XOR: True" in printed) is status.startswith("Solves XOR")
    if kind == "training":
        assert numbers[1:] == [float(w) for w in text.split("they are ")[1].split(". Outputs")[0].split(", ")]
    if kind == "seed":
        assert numbers == [float(w) for w in text.split(": ")[1].rstrip(".").split(", ")]
    if kind == "activation":
        assert numbers == [float(v) for v in re.findall(NUMBER, heading)[1:]]
    if kind == "prediction":
        pairs = re.findall(rf"= ({NUMBER}), output ({NUMBER})", sums)
        assert numbers == [float(number) for pair in pairs for number in pair]

"""The explorers' accessibility and sharing features in Debian's Chromium, driven by Playwright:
data tables and the keyboard data cursor (web/live/access.js), settings in the URL fragment and
"Reproduce in Python" (web/live/share.js), on tests/fixtures/features.html with uPlot.

The repository is served from 127.0.0.1 and every request to any other host is blocked. The
expected texts are written here, or formatted by Python (f"{x:.4g}"), never by the modules tested.
"""

from urllib.parse import urlparse

import pytest

from tests.test_site_in_browser import (  # noqa: F401  (browser: the fixture that starts Chromium)
    ROOT, SCREENSHOTS, browser, served)

FIXTURE = "tests/fixtures/features.html"
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"width": 390, "height": 844}
POINTS = 25  # the fixture's chart: steps 0, 10, ..., 240

# The controls as helpers/explorers.py's site_controls() gives them (training, prediction).
TRAINING = [
    {
        "name": "seed",
        "kind": "whole",
        "label": "seed",
        "low": 0,
        "high": 4294967295,
        "slider_high": 99,
    },
    {
        "name": "iterations",
        "kind": "stops",
        "label": "iterations",
        "options": [
            0,
            1,
            2,
            3,
            5,
            10,
            20,
            30,
            50,
            100,
            200,
            300,
            500,
            1000,
            2000,
            3000,
            5000,
            10000,
        ],
    },
    {
        "name": "activation",
        "kind": "menu",
        "label": "activation",
        "options": ["tanh", "sigmoid", "relu", "post_tanh"],
    },
    {
        "name": "learning_rate",
        "kind": "stops",
        "label": "learning rate",
        "options": [0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0],
    },
    {
        "name": "scheme",
        "kind": "menu",
        "label": "initial weights",
        "options": ["post", "uniform", "glorot"],
    },
]
PREDICTION = [
    {"name": f"x{i}", "kind": "number", "label": f"x{i}", "low": -1.0, "high": 2.0, "step": 0.1}
    for i in (1, 2, 3)
]
CONTROLS = {"training": TRAINING, "prediction": PREDICTION}


@pytest.fixture(scope="module")
def server_url():
    with served(ROOT) as url:
        yield url


def offline_tab(browser, viewport=None, reduced_motion=None):
    """A new tab that may load only from 127.0.0.1; blocked loads and errors go to page.errors."""
    context = browser.new_context(
        viewport=viewport or {"width": 1280, "height": 900}, reduced_motion=reduced_motion
    )
    page = context.new_page()
    page.errors = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlparse(route.request.url).hostname == "127.0.0.1"
            else (page.errors.append(f"blocked {route.request.url}"), route.abort())
        ),
    )
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "console",
        lambda message: page.errors.append(message.text) if message.type == "error" else None,
    )
    return page


def open_fixture(
    browser, server_url, query="", viewport=None, init_script=None, reduced_motion=None
):
    """A new tab on the fixture page, ready, other hosts blocked; errors go to page.errors."""
    page = offline_tab(browser, viewport, reduced_motion)
    if init_script:
        page.add_init_script(init_script)
    page.goto(f"{server_url}{FIXTURE}{query}")
    page.wait_for_selector("body[data-ready='yes']")
    return page


@pytest.fixture
def page(browser, server_url):
    page = open_fixture(browser, server_url)
    yield page
    assert not page.errors
    page.context.close()


@pytest.fixture(scope="module")
def shared(browser, server_url):
    """One tab for the tests that only read (the URL fragment's parser)."""
    page = open_fixture(browser, server_url)
    yield page
    assert not page.errors
    page.context.close()


# --- data tables ------------------------------------------------------------------------------

TABLE = "#error-panel .live-data"
OPEN_ALL = "document.querySelectorAll('details').forEach(d => d.open = true)"
CELLS = """table => [...table.querySelectorAll('tr')].map(row => [...row.cells].map(c =>
  [c.tagName, c.getAttribute('scope'), c.textContent]))"""


def py4g(value):
    return "" if value is None else value if isinstance(value, str) else f"{value:.4g}"


def test_a_table_shows_the_numbers_it_is_given_with_row_and_column_headers(page):
    rows = page.evaluate("fixture.rowsOf(fixture.run(25))")
    table = page.locator(TABLE)
    assert (
        table.evaluate("d => d.tagName") == "DETAILS"
        and table.locator("summary").inner_text() == "Data: error and weights"
    )
    cells = table.locator("table").evaluate(CELLS)
    assert cells[0] == [["TH", "col", name] for name in ["step", "error", "w1", "w2", "w3"]]
    assert len(cells) == 1 + 20
    for got, row in zip(cells[1:], rows):
        assert got == [["TH", "row", row[0]]] + [["TD", None, f"{v:.4g}"] for v in row[1:]]


def test_an_update_replaces_the_rows_reusing_their_elements(page):
    new_rows = [["a", 1e-7, -0.0, None, 123456.0, 0.5], ["b", float("nan"), 2.5, "text", 1.0, 1e16]]
    result = page.evaluate(
        """rows => {
      const t = fixture.table, body = t.element.querySelector('tbody');
      t.setColumns(['name', 'p', 'q', 'r', 's', 't']);
      const before = [...body.rows];
      t.update(rows.map(r => r.map(v => v === 'nan' ? NaN : v)), 1);
      const same = before.slice(0, 2).every((row, i) => row === body.rows[i]);
      const shrunk = [...body.rows].map(r => [...r.cells].map(c => c.textContent));
      t.update(fixture.rowsOf(fixture.run(25), 20), 0);
      const grown = body.rows.length;
      const heads = [...t.element.querySelectorAll('thead th')].map(c => c.textContent);
      return {same, shrunk, grown, heads};
    }""",
        [
            [("nan" if v != v else v) if isinstance(v, float) else v for v in row]
            for row in new_rows
        ],
    )
    assert result["same"], "the row elements are reused"
    assert result["heads"] == ["name", "p", "q", "r", "s", "t"]
    assert result["shrunk"] == [
        [py4g(v) if not (isinstance(v, float) and v != v) else "nan" for v in row]
        for row in new_rows
    ]
    assert result["grown"] == 20


def current_rows(page):
    rows = "d => [...d.querySelectorAll('tbody tr')]"
    return page.locator(TABLE).evaluate(rows + """.flatMap((r, i) =>
      r.getAttribute('aria-current') === 'true' || r.classList.contains('live-current')
      ? [[i, r.getAttribute('aria-current'), r.className]] : [])""")


def test_the_current_row_and_only_it_is_marked(page):
    assert current_rows(page) == [[4, "true", "live-current"]]
    page.evaluate("fixture.table.update(fixture.rowsOf(fixture.run(25)), 11)")
    assert current_rows(page) == [[11, "true", "live-current"]]
    page.evaluate("fixture.table.update(fixture.rowsOf(fixture.run(25)), null)")
    assert current_rows(page) == []


WRAPS = """() => [...document.querySelectorAll('.live-table-wrap')].map(w =>
  [w.getAttribute('tabindex'), w.getAttribute('role'), w.getAttribute('aria-label')])"""


def test_a_table_is_a_scrolling_tab_stop_only_when_it_is_wider_than_its_box(page):
    assert page.evaluate(WRAPS) == [[None, None, None]] * 2, "closed: nothing to scroll"
    page.evaluate(OPEN_ALL)
    page.wait_for_function("document.querySelector('#weights .live-table-wrap[tabindex]')")
    assert page.evaluate(WRAPS) == [[None, None, None], ["0", "region", "Data: hidden weights"]]


# --- the keyboard cursor ------------------------------------------------------------------------

CHART = "#error-panel .live-chart"
STATE = """() => {
  const c = fixture.chart, i = fixture.cursor.index;
  return {index: i, idx: c.cursor.idx, left: c.cursor.left,
          expectedLeft: c.valToPos(c.data[0][i], 'x'),
          readout: document.querySelector('.live-readout').textContent, said: [...fixture.said],
          step: c.data[0][i], error: c.data[1][i],
          focused: document.activeElement === fixture.holder};
}"""


def described(state):
    return f"step {state['step']}: error {state['error']:.4g}"


def press(page, *keys):
    for key in keys:
        page.keyboard.press(key)
    return page.evaluate(STATE)


def test_the_chart_is_a_named_focusable_group_reached_by_tab(page):
    holder = page.locator(CHART)
    assert holder.evaluate("""h => ({tabindex: h.getAttribute('tabindex'),
      role: h.getAttribute('role'),
      roledescription: h.getAttribute('aria-roledescription'), label: h.getAttribute('aria-label'),
      hidden: h.closest('[aria-hidden="true"]') !== null})""") == {
        "tabindex": "0",
        "role": "group",
        "roledescription": "chart",
        "hidden": False,
        "label": "Error against training steps. Use the arrow keys to read its values.",
    }
    assert press(page, "Tab")["focused"]
    assert page.evaluate(
        "document.querySelector('.live-readout').previousElementSibling === fixture.holder"
    )


@pytest.mark.parametrize(
    "start, key, expected",
    [
        (5, "ArrowRight", 6),
        (5, "ArrowLeft", 4),
        (5, "PageDown", 15),
        (15, "PageUp", 5),
        (5, "Home", 0),
        (5, "End", POINTS - 1),
        (0, "ArrowLeft", 0),
        (POINTS - 1, "ArrowRight", POINTS - 1),  # clamped at the ends
        (3, "PageUp", 0),
        (POINTS - 4, "PageDown", POINTS - 1),
    ],
)
def test_each_key_moves_the_cursor_shows_the_point_and_says_it(page, start, key, expected):
    page.evaluate(f"fixture.cursor.moveTo({start})")
    page.locator(CHART).focus()
    state = press(page, key)
    assert state["index"] == expected and state["idx"] == expected, (
        "uPlot's own cursor is on the point"
    )
    assert abs(state["left"] - state["expectedLeft"]) < 1
    assert state["readout"] == described(state)
    assert state["said"] == [described(state)], "announced once, with the readout's text"


def test_a_walk_along_the_chart_with_the_arrow_keys(page):
    page.locator(CHART).focus()
    seen = [press(page, "ArrowRight")["index"] for _ in range(POINTS + 2)]
    assert seen == list(range(1, POINTS)) + [POINTS - 1] * 3
    assert press(page, "Home")["index"] == 0


def test_other_keys_are_left_to_the_page(page):
    page.locator(CHART).focus()
    state = press(page, "ArrowRight")
    prevented = page.evaluate("""() => ['a', 'Tab', 'ArrowUp', 'Shift+ArrowRight'].map(key => {
      const e = new KeyboardEvent('keydown', {key: key.split('+').pop(),
                                             shiftKey: key.startsWith('Shift'),
                                             bubbles: true, cancelable: true});
      fixture.holder.dispatchEvent(e);
      return e.defaultPrevented;
    })""")
    assert prevented == [False] * 4
    assert page.evaluate(STATE)["index"] == state["index"] == 1


def test_escape_hides_the_cursor_and_clears_the_readout(page):
    page.locator(CHART).focus()
    press(page, "End")
    state = press(page, "Escape")
    assert state["idx"] is None and state["left"] < 0 and state["readout"] == ""
    assert len(state["said"]) == 1, "hiding is not announced"
    assert state["index"] == POINTS - 1, "the index is kept"
    assert press(page, "ArrowLeft")["idx"] == POINTS - 2


def test_after_the_data_shrinks_the_cursor_stays_on_the_data(page):
    page.locator(CHART).focus()
    press(page, "End")
    page.evaluate("fixture.chart.setData(fixture.run(8)); fixture.cursor.refresh()")
    state = page.evaluate(STATE)
    assert state["index"] == 7 and state["readout"] == described(state) and state["step"] == 70
    page.wait_for_function("fixture.chart.cursor.idx === 7")  # after uPlot's redraw, its cursor too
    assert press(page, "ArrowRight")["index"] == 7


def test_a_redraw_alone_keeps_the_cursor_on_its_point(page):
    page.locator(CHART).focus()
    press(page, "End")
    page.evaluate("fixture.chart.setData(fixture.run(12))")  # no refresh(): the draw hook does it
    page.wait_for_function("fixture.chart.cursor.idx === 11")
    state = page.evaluate(STATE)
    assert state["index"] == 11 and state["readout"] == described(state)
    assert abs(state["left"] - state["expectedLeft"]) < 1


def test_a_chart_without_a_cursor_is_refused(page):
    message = page.evaluate("""async () => {
      const {keyboardCursor} = await import('/web/live/access.js');
      const options = {label: 'x', describe: String};
      try { keyboardCursor({cursor: {show: false}}, document.createElement('div'), options); }
      catch (e) { return e.message; }
    }""")
    assert message == "keyboardCursor needs a chart made with cursor: cursorOptions()"


@pytest.mark.parametrize("motion, duration", [("reduce", "0s"), ("no-preference", "0.08s")])
def test_the_cursor_moves_without_animation_when_the_reader_asks_for_less_motion(
    browser, server_url, motion, duration
):
    page = open_fixture(browser, server_url, reduced_motion=motion)
    durations = page.evaluate("""() => [...document.querySelectorAll('.u-cursor-x, .u-cursor-pt')]
      .map(e => getComputedStyle(e).transitionDuration)""")
    assert durations and set(durations) == {duration}
    page.context.close()


# --- settings in the URL fragment ----------------------------------------------------------------


def read(shared, name, hash_):
    return shared.evaluate(
        "([name, controls, hash]) => fixture.share.readFragment(name, controls, hash)",
        [name, CONTROLS.get(name, TRAINING), hash_],
    )


GRID = [round(-1 + k / 10, 1) for k in range(31)]


@pytest.mark.parametrize(
    "hash_, values",
    [
        ("#explore-training?seed=12", {"seed": 12}),
        (
            "#explore-training?seed=4294967295&iterations=10000",
            {"seed": 4294967295, "iterations": 10000},
        ),
        ("#explore-training?seed=%2B7&iterations=0", {"seed": 7, "iterations": 0}),
        (
            "#explore-training?activation=post_tanh&scheme=glorot",
            {"activation": "post_tanh", "scheme": "glorot"},
        ),
        ("#explore-training?learning_rate=1", {"learning_rate": 1.0}),
        (
            "#explore-training?learning_rate=1.0&iterations=300",
            {"learning_rate": 1.0, "iterations": 300},
        ),
        ("#explore-training?learning_rate=0.03", {"learning_rate": 0.03}),
        ("#explore-prediction?x1=0.3&x2=-1&x3=2.0", {"x1": 0.3, "x2": -1.0, "x3": 2.0}),
        ("#explore-prediction?x1=-0.0&x2=.5", {"x1": 0.0, "x2": 0.5}),
        ("#explore-training", {}),
    ],
)
def test_good_values_in_a_link_are_read_for_every_kind_of_control(shared, hash_, values):
    name = hash_.split("?")[0].removeprefix("#explore-")
    assert read(shared, name, hash_) == {"values": values, "problems": []}


def test_every_value_on_a_number_slider_is_read_back_as_written(shared):
    for value in GRID:
        assert read(shared, "prediction", f"#explore-prediction?x1={value}") == {
            "values": {"x1": value},
            "problems": [],
        }


WHOLE = "a whole number from 0 to 4294967295"
STOPS = "0.01, 0.03, 0.1, 0.3, 0.5, 1, 2"
ITERATIONS = "0, 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000"
NUMBER = "a number from -1.0 to 2.0 in steps of 0.1"


@pytest.mark.parametrize(
    "query, problem",
    [
        ("seed=abc", f"seed in the link must be {WHOLE}; got abc"),  # not a number
        ("seed=1.5", f"seed in the link must be {WHOLE}; got 1.5"),  # not whole
        ("seed=", f"seed in the link must be {WHOLE}; got nothing"),  # empty
        ("seed=-1", "seed in the link must be from 0 to 4294967295; got -1"),  # below the range
        (
            "seed=4294967296",
            "seed in the link must be from 0 to 4294967295; got 4294967296",
        ),  # above it
        (
            "activation=swish",
            "activation in the link must be one of the menu's options "
            "'tanh', 'sigmoid', 'relu', 'post_tanh'; got swish",
        ),  # not an option
        (
            "activation=TANH",
            "activation in the link must be one of the menu's options "
            "'tanh', 'sigmoid', 'relu', 'post_tanh'; got TANH",
        ),  # options are exact
        (
            "learning_rate=0.2",
            f"learning_rate in the link must be one of the slider's stops {STOPS}; got 0.2",
        ),
        (
            "learning_rate=1e0",
            f"learning_rate in the link must be one of the slider's stops {STOPS}; got 1e0",
        ),
        (
            "iterations=ten",
            f"iterations in the link must be one of the slider's stops {ITERATIONS}; got ten",
        ),
        (
            "colour=red",
            "colour in the link is not a setting of this explorer; "
            "expected some of seed, iterations, activation, learning_rate, scheme",
        ),  # unknown name
        ("seed=1&seed=2", "seed is in the link 2 times; expected it once"),
    ],
)
def test_a_bad_value_in_a_link_is_left_out_and_named(shared, query, problem):
    result = read(shared, "training", f"#explore-training?{query}&scheme=uniform")
    assert result == {"values": {"scheme": "uniform"}, "problems": [problem]}


@pytest.mark.parametrize(
    "query, problem",
    [
        ("x1=abc", f"x1 in the link must be {NUMBER}; got abc"),  # not a number
        ("x1=nan", f"x1 in the link must be {NUMBER}; got nan"),
        ("x1=0x1", f"x1 in the link must be {NUMBER}; got 0x1"),
        ("x1=", f"x1 in the link must be {NUMBER}; got nothing"),
        ("x1=2.1", "x1 in the link must be from -1.0 to 2.0; got 2.1"),  # out of range
        ("x1=-1.1", "x1 in the link must be from -1.0 to 2.0; got -1.1"),
        (
            "x1=0.35",
            "x1 in the link must be on the slider's steps of 0.1 from -1.0; got 0.35",
        ),  # off the grid
    ],
)
def test_a_bad_number_in_a_link_is_left_out_and_named(shared, query, problem):
    result = read(shared, "prediction", f"#explore-prediction?{query}&x2=0.5")
    assert result == {"values": {"x2": 0.5}, "problems": [problem]}


@pytest.mark.parametrize(
    "hash_",
    [
        "",
        "#",
        "#explore-hidden?seed=1",
        "#explore-trainings?seed=1",
        "#section-2",
        "#explore-?seed=1",
    ],
)
def test_a_link_to_another_explorer_or_none_gives_nothing(shared, hash_):
    assert read(shared, "training", hash_) == {"values": {}, "problems": []}


def test_a_control_of_a_kind_the_page_cannot_read_is_named(shared):
    controls = [{"name": "colour", "kind": "palette", "label": "colour", "options": ["red"]}]
    result = shared.evaluate(
        "c => fixture.share.readFragment('x', c, '#explore-x?colour=red')", controls
    )
    assert result == {
        "values": {},
        "problems": ["colour in the link is a kind of control this page cannot read: palette"],
    }


@pytest.mark.parametrize("hash_, query", [
    ("#explore-seed", ""), ("#explore-seed?seed=3", "seed=3"), ("#explore-seeds?seed=3", None),
    ("#explore-hidden?seed=3", None), ("", None),
])
def test_a_link_names_its_explorer(shared, hash_, query):
    assert shared.evaluate("h => fixture.share.linkedQuery('seed', h)", hash_) == query


def test_written_settings_read_back_in_place_without_a_new_history_entry(browser, server_url):
    page = open_fixture(
        browser, server_url, query="?edition=reader", viewport={"width": 800, "height": 300}
    )
    page.evaluate(
        "window.scrollTo(0, 120); window.hashes = 0; addEventListener('hashchange', () => hashes++)"
    )
    before = page.evaluate("({length: history.length, y: scrollY})")
    values = {
        "seed": 12,
        "iterations": 300,
        "activation": "relu",
        "learning_rate": 0.5,
        "scheme": "glorot",
    }
    page.evaluate("v => fixture.share.writeFragment('training', v)", values)
    after = page.evaluate(
        "({length: history.length, y: scrollY, path: location.pathname, search: location.search,"
        " hash: location.hash, hashes})"
    )
    assert after == {
        "length": before["length"],
        "y": before["y"],
        "path": "/" + FIXTURE,
        "search": "?edition=reader",
        "hash": "#explore-training?seed=12&iterations=300&activation=relu&learning_rate=0.5"
        "&scheme=glorot",
        "hashes": 0,
    }
    assert before["y"] > 0
    read_back = page.evaluate("c => fixture.share.readFragment('training', c)", TRAINING)
    assert read_back == {"values": values, "problems": []}
    page.evaluate("fixture.share.writeFragment('prediction', {x1: 0.3, x2: -1, x3: 2})")
    assert page.evaluate("location.hash") == "#explore-prediction?x1=0.3&x2=-1&x3=2"
    assert page.evaluate("history.length") == before["length"]
    page.reload()
    page.wait_for_selector("body[data-ready='yes']")
    assert page.evaluate("c => fixture.share.readFragment('prediction', c)", PREDICTION) == {
        "values": {"x1": 0.3, "x2": -1.0, "x3": 2.0},
        "problems": [],
    }
    page.context.close()


# --- Reproduce in Python ------------------------------------------------------------------------

CODE = (
    "<script>alert('x')</script>\n"
    "explorer = TrainingExplorer(seed=12, activation='relu')\nprint(1 < 2 & 3)"
)


def test_the_code_is_shown_as_text(page):
    block = page.locator(".live-reproduce")
    assert block.evaluate("d => d.tagName") == "DETAILS"
    assert block.locator("summary").inner_text() == "Reproduce in Python"
    page.evaluate("code => fixture.reproduce.update(code)", CODE)
    code = block.locator("pre > code")
    assert code.evaluate("c => [c.textContent, c.children.length]") == [CODE, 0]
    assert page.locator("script").count() == 1


CLIPBOARD = (
    "window.copied = []; "
    "Object.defineProperty(navigator, 'clipboard', {value: {writeText: async t => { %s }}})"
)


@pytest.mark.parametrize(
    "script, status, copied",
    [
        (CLIPBOARD % "copied.push(t);", "Copied.", [CODE]),
        (
            CLIPBOARD % "throw new Error('denied');",
            "Could not copy: select the code and copy it.",
            [],
        ),
    ],
)
def test_the_copy_button_copies_the_code_and_says_so(browser, server_url, script, status, copied):
    page = open_fixture(browser, server_url, init_script=script)
    page.evaluate("code => fixture.reproduce.update(code)", CODE)
    page.locator(".live-reproduce summary").click()
    page.get_by_role("button", name="Copy").click()
    page.wait_for_function("document.querySelector('.live-copy-status').textContent !== ''")
    assert page.locator(".live-reproduce [role='status']").inner_text() == status
    assert page.evaluate("copied") == copied
    page.evaluate("code => fixture.reproduce.update(code + '\\n')", CODE)
    assert page.locator(".live-copy-status").inner_text() == "", "a new code clears the old status"
    page.context.close()


def test_without_the_clipboard_api_there_is_no_copy_button(browser, server_url):
    page = open_fixture(
        browser,
        server_url,
        init_script="Object.defineProperty(navigator, 'clipboard', {value: undefined})",
    )
    page.locator(".live-reproduce summary").click()
    assert page.locator(".live-copy").count() == 1 and not page.locator(".live-copy").is_visible()
    page.context.close()


# --- the whole page: axe-core, and a phone -------------------------------------------------------


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations"
        ".map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`))",
        WCAG,
    )


@pytest.mark.parametrize("viewport", [None, PHONE])
def test_axe_finds_no_violation_with_everything_open_and_the_cursor_shown(
    browser, server_url, viewport
):
    page = open_fixture(browser, server_url, viewport=viewport)
    assert axe_violations(page) == [], "closed"
    page.evaluate(OPEN_ALL)
    page.locator(CHART).focus()
    page.keyboard.press("End")
    page.evaluate("fixture.table.update(fixture.rowsOf(fixture.run(25)), 19)")
    assert axe_violations(page) == []
    page.context.close()


def test_nothing_is_wider_than_a_phone(browser, server_url):
    page = open_fixture(browser, server_url, viewport=PHONE)
    page.evaluate(OPEN_ALL)
    page.locator(CHART).focus()
    page.keyboard.press("End")
    page.wait_for_function("document.querySelector('#weights .live-table-wrap[tabindex]')")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    too_wide = page.evaluate(
        """width => [...document.body.querySelectorAll('*')]
      .filter(e => !e.closest('.live-table-wrap table'))
      .filter(e => e.getBoundingClientRect().right > width + 0.5)
      .map(e => e.tagName + '.' + e.className)""",
        PHONE["width"],
    )
    assert too_wide == []
    wrap = page.locator("#weights .live-table-wrap")
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth"), (
        "the wide table scrolls in its own box"
    )
    wrap.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "w => w.scrollLeft > 0", arg=wrap.element_handle()
    )  # the keyboard scrolls it
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "explorer-features-390.png"), full_page=True)
    page.context.close()

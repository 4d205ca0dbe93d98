"""The step-through explorers' renderer (web/live/steps.js, issue #21, chapters 5 and 7) in Debian's
Chromium, driven by Playwright, on tests/fixtures/steps.html: the Jupyter bundle rendering `step`
and `hidden_step` from a fake anywidget model.

The oracle is this file's own NumPy: the runs trained by helpers (network.train,
hidden.train_hidden, as the contract's data are), then each iteration's arrays by the loop's
formulas, written here; the expected texts are helpers.explorer_text.fill of the contract's fields
(§5), computed here too. The page is served with a fresh build of web/live (tools/build_js.py's
esbuild), so the test sees the renderer being edited.
"""

import base64
import json
import shutil
import statistics
import subprocess
from pathlib import Path

import numpy as np
import pytest

from helpers import explorers, hidden, network, plotting
from helpers.explorer_text import TEXT, fill
from tests.test_explorer_features import offline_tab
from tests.test_site_in_browser import (  # noqa: F401  (browser: the fixture that starts Chromium)
    ROOT,
    browser,
    served,
)
from tools import build_js

AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN_AXE = (
    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)"
)
SHOTS = Path("/tmp/renderer-shots")
PHONE = {"width": 390, "height": 844}
LAST = 10_000
BLOCK = 10
RECORDED = [int(k) for k in explorers.RECORDED]
LABELS = [str(row.astype(int).tolist()) for row in network.POST_INPUTS]
ROW_LABELS = [f"{i}: {label}" for i, label in enumerate(LABELS)]
ACTIVATION = {"post": "post_tanh", "true": "tanh"}

# --- the controls and constants, as contract §2 and §3 give them -------------------------------

WHOLE_ITERATIONS = {
    "kind": "whole",
    "label": "iteration",
    "low": 0,
    "high": LAST,
    "slider_high": LAST,
}
ROW = {"name": "row", "kind": "menu", "label": "row", "options": [0, 1, 2, 3], "labels": ROW_LABELS}
CONTROLS = {
    "step": [
        {"name": "seed", **explorers.SEED.site()},
        {"name": "iterations", **WHOLE_ITERATIONS},
        {
            "name": "learning_rate",
            "kind": "stops",
            "label": "learning rate",
            "options": list(explorers.LEARNING_RATES),
        },
        {"name": "slope", "kind": "menu", "label": "slope", "options": ["post", "true"]},
        {"name": "line", "kind": "line", "label": "line", "low": 0, "high": 4},
        ROW,
    ],
    "hidden_step": [
        {"name": "seed", **explorers.SEED.site()},
        {"name": "n_hidden", **explorers.HIDDEN_UNITS.site()},
        {"name": "iterations", **WHOLE_ITERATIONS},
        {
            "name": "learning_rate",
            "kind": "stops",
            "label": "learning rate",
            "options": list(explorers.HIDDEN_RATES),
        },
        {"name": "line", "kind": "line", "label": "line", "low": 0, "high": 7},
        ROW,
    ],
}
INPUTS = {"step": network.POST_INPUTS, "hidden_step": hidden.XOR_INPUTS}
TARGETS = {"step": network.POST_TARGETS, "hidden_step": hidden.XOR_TARGETS}
LINES = {"step": 4, "hidden_step": 7}


def constants(name):
    return {
        "colours": plotting.OKABE_ITO,
        "iteration_stops": list(explorers.ITERATION_STOPS),
        "recorded": RECORDED,
        "ladder": explorers.LADDER.tolist(),
        "inputs": INPUTS[name].tolist(),
        "targets": TARGETS[name].ravel().tolist(),
        "example_labels": LABELS,
        "block": BLOCK,
        "last_iteration": LAST,
    }


# --- the oracle: each iteration's arrays by the loop's formulas ----------------------------------


def step_run(seed, slope, rate):
    """Every step's arrays of chapter 5's run, by the loop's own formulas."""
    X, t = network.POST_INPUTS, network.POST_TARGETS
    history = network.train(
        X, t, network.initial_weights(seed, "post"), ACTIVATION[slope], LAST, rate
    )

    def at(k):
        w = history.weights[k][:, None]
        z = X @ w
        y = np.tanh(z)
        error = t - y
        slope_ = 1 - y**2 if slope == "true" else 1 - np.tanh(4 * y)
        delta = error * slope_
        update = rate * X.T @ delta
        return {
            "weights": w,
            "z": z,
            "output": y,
            "error": error,
            "slope": slope_,
            "delta": delta,
            "update": update,
            "new_weights": w + update,
            "step_mse": np.mean(error**2),
        }

    return at, history.mean_squared_error[RECORDED]


def hidden_run(seed, n_hidden, rate):
    """Every step's arrays of chapter 7's run, by the two-layer loop's formulas."""
    X, t = hidden.XOR_INPUTS, hidden.XOR_TARGETS
    W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
    history = hidden.train_hidden(X, t, W1, W2, "tanh", LAST, rate)
    ones = np.ones((4, 1))

    def at(k):
        W1, W2 = history.W1[k], history.W2[k]
        z1 = X @ W1
        h = np.tanh(z1)
        hb = np.hstack([h, ones])
        z2 = hb @ W2
        y = np.tanh(z2)
        error = t - y
        slope2 = 1 - y**2
        delta2 = error * slope2
        back = delta2 @ W2[:-1].T
        slope1 = 1 - h**2
        delta1 = back * slope1
        dW2, dW1 = rate * hb.T @ delta2, rate * X.T @ delta1
        return {
            "W1": W1,
            "W2": W2,
            "z1": z1,
            "hidden": h,
            "z2": z2,
            "output": y,
            "error": error,
            "slope2": slope2,
            "delta2": delta2,
            "back": back,
            "slope1": slope1,
            "delta1": delta1,
            "dW2": dW2,
            "dW1": dW1,
            "new_W1": W1 + dW1,
            "new_W2": W2 + dW2,
            "step_mse": np.mean(error**2),
        }

    return at, history.mean_squared_error[RECORDED]


def block(at, mse, iterations):
    """The data of the block holding ``iterations`` (contract §3), wired as base64 float64."""
    first = iterations - iterations % BLOCK
    count = min(BLOCK, LAST - first + 1)
    steps = [at(k) for k in range(first, first + count)]
    data = {"first": first, "count": count, "diverged": ""}
    for key in steps[0]:
        data[key] = np.array([np.ravel(s[key]) for s in steps]).reshape(count, -1).squeeze()
    data["step_mse"] = np.array([s["step_mse"] for s in steps])
    data["mse"] = mse
    return data


def wire(data):
    return {
        key: {"buffer": base64.b64encode(np.ascontiguousarray(v, "<f8").tobytes()).decode()}
        if isinstance(v, np.ndarray)
        else v
        for key, v in data.items()
    }


# --- the expected texts: contract §5's fields, filled by helpers.explorer_text ------------------


def step_fields(values, s):
    """The fields of chapter 5's texts for the step's arrays ``s`` (the oracle's)."""
    r, t = values["row"], TEXT["step"]
    x = network.POST_INPUTS[r]
    w = s["weights"].ravel().tolist()
    f = {
        "seed": values["seed"],
        "iteration": values["iterations"],
        "line": values["line"],
        "lines": 4,
        "learning_rate": values["learning_rate"],
        "slope_name": TEXT["step"]["slopes"][values["slope"]]["name"],
        "activation": ACTIVATION[values["slope"]],
        "row": r,
        "x0": x[0],
        "x1": x[1],
        "x2": x[2],
        "t": float(network.POST_TARGETS[r, 0]),
        "w": w,
        "w0": w[0],
        "w1": w[1],
        "w2": w[2],
        "z": s["z"][r, 0],
        "y": s["output"][r, 0],
        "error": s["error"][r, 0],
        "slope_value": s["slope"][r, 0],
        "delta": s["delta"][r, 0],
        "update": s["update"].ravel().tolist(),
        "new_w": s["new_weights"].ravel().tolist(),
        "mse": s["step_mse"],
        "slope_code": t["slopes"][values["slope"]]["code"],
    }
    f["slope_formula"] = fill(t["slopes"][values["slope"]]["formula"], **f)
    return with_said(t, f)


def hidden_fields(values, s):
    r, t, H = values["row"], TEXT["hidden_step"], values["n_hidden"]
    units = TEXT["hidden"]["units_one" if H == 1 else "units_many"]
    W2 = s["W2"].ravel().tolist()
    f = {
        "seed": values["seed"],
        "n_hidden": H,
        "H": H,
        "H1": H + 1,
        "units": fill(units, **values),
        "iteration": values["iterations"],
        "line": values["line"],
        "lines": 7,
        "learning_rate": values["learning_rate"],
        "row": r,
        "t": float(hidden.XOR_TARGETS[r, 0]),
        "W1": s["W1"].ravel().tolist(),
        "W2": W2,
        "w2h": W2[:H],
        "z1": s["z1"][r].tolist(),
        "h": s["hidden"][r].tolist(),
        "z2": s["z2"][r, 0],
        "y": s["output"][r, 0],
        "error": s["error"][r, 0],
        "slope2": s["slope2"][r, 0],
        "delta2": s["delta2"][r, 0],
        "back": s["back"][r].tolist(),
        "slope1": s["slope1"][r].tolist(),
        "delta1": s["delta1"][r].tolist(),
        "dW2": s["dW2"].ravel().tolist(),
        "new_W2": s["new_W2"].ravel().tolist(),
        "dW1": s["dW1"].ravel().tolist(),
        "new_W1": s["new_W1"].ravel().tolist(),
        "mse": s["step_mse"],
    }
    return with_said(t, f)


def with_said(t, f):
    line = f["line"]
    f["spoken"] = fill(t["lines"][line - 1]["spoken"], **f) if line else ""
    f["said"] = fill(t["said"] if line else t["before"], **f)
    return f


FIELDS = {"step": step_fields, "hidden_step": hidden_fields}


# The tables: data key (as the lines' reads/writes name them), the key of the oracle's arrays, the
# caption, and the shape.
def tables(name, H=None):
    if name == "step":
        ex = lambda key, shown: (key, key, shown, (4, 1))  # noqa: E731
        return [
            ("X", None, "X", (4, 3)),
            ("targets", None, "targets", (4, 1)),
            ("w", "weights", "w", (3, 1)),
            ex("z", "z = X @ w"),
            ex("output", "y"),
            ex("error", "error"),
            ex("slope", "slope"),
            ex("delta", "delta"),
            ("update", "update", "update", (3, 1)),
            ("new_weights", "new_weights", "new w", (3, 1)),
        ]
    ex = lambda key, shown, cols=1: (key, key, shown, (4, cols))  # noqa: E731
    return [
        ("X", None, "X", (4, 3)),
        ("targets", None, "targets", (4, 1)),
        ("W1", "W1", "W1", (3, H)),
        ("W2", "W2", "W2", (H + 1, 1)),
        ex("z1", "z1 = X @ W1", H),
        ex("hidden", "h", H),
        ex("z2", "z2"),
        ex("output", "y"),
        ex("error", "error"),
        ex("slope2", "slope2"),
        ex("delta2", "delta2"),
        ex("back", "back = delta2 @ W2[:-1].T", H),
        ex("slope1", "slope1", H),
        ex("delta1", "delta1", H),
        ("dW2", "dW2", "dW2", (H + 1, 1)),
        ("new_W2", "new_W2", "new W2", (H + 1, 1)),
        ("dW1", "dW1", "dW1", (3, H)),
        ("new_W1", "new_W1", "new W1", (3, H)),
    ]


# --- the page ---------------------------------------------------------------------------------

RUNS_SHIM = """
export const STEP_BLOCK = 10;
RUN_KEYS.step = ["seed", "slope", "learning_rate", "block"];
RUN_KEYS.hidden_step = ["seed", "n_hidden", "learning_rate", "block"];
"""


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    """The fixture page beside a fresh build of web/live. Until the engines' runs.js has the step
    explorers' run keys (contract §3), the build's copy of runs.js gets them as the contract writes
    them (the renderer needs runKey for them)."""
    folder = tmp_path_factory.mktemp("steps")
    web = folder / "web"
    shutil.copytree(ROOT / "web" / "live", web / "live")
    (web / "node_modules").symlink_to(ROOT / "web" / "node_modules")
    (folder / "helpers").mkdir()
    shutil.copy(ROOT / "helpers" / "explorer_text.json", folder / "helpers")
    runs = web / "live" / "runs.js"
    text = runs.read_text()
    if "hidden_step" not in text:
        text = (
            text.replace(
                "values[key]",
                '(key === "block" ? Math.floor(values.iterations / STEP_BLOCK) : values[key])',
            )
            + RUNS_SHIM
        )
        runs.write_text(text)
    command = [
        str(build_js.ESBUILD),
        "live/widget.js",
        "--bundle",
        "--format=esm",
        "--target=es2022",
        "--charset=utf8",
        "--log-level=warning",
        "--preserve-symlinks",
        f"--outfile={folder / 'helpers' / 'explorer.js'}",
    ]
    subprocess.run(command, cwd=web, check=True)
    (folder / "helpers" / "explorer.css").write_text(build_js.stylesheet())
    (folder / "tests" / "fixtures").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "steps.html", folder / "tests" / "fixtures")
    with served(folder) as url:
        yield url


STEP_VALUES = {
    "seed": 1,
    "iterations": 0,
    "learning_rate": 1.0,
    "slope": "post",
    "line": 0,
    "row": 2,
}
HIDDEN_VALUES = {
    "seed": 0,
    "n_hidden": 2,
    "iterations": 0,
    "learning_rate": 0.25,
    "line": 0,
    "row": 1,
}
DEFAULTS = {"step": STEP_VALUES, "hidden_step": HIDDEN_VALUES}


def run_of(name, values):
    if name == "step":
        return step_run(values["seed"], values["slope"], values["learning_rate"])
    return hidden_run(values["seed"], values["n_hidden"], values["learning_rate"])


_RUNS = {}


def cached_run(name, values):
    key = (
        name,
        *(values[k] for k in ("seed", "slope" if name == "step" else "n_hidden", "learning_rate")),
    )
    if key not in _RUNS:
        _RUNS[key] = run_of(name, values)
    return _RUNS[key]


def open_explorer(
    browser, server_url, name, values=None, blocks=(0, 1, LAST // BLOCK), viewport=None, dark=False
):
    """A tab with the explorer ``name`` at ``values``, the data of ``blocks`` at hand."""
    values = {**DEFAULTS[name], **(values or {})}
    at, mse = cached_run(name, values)
    page = offline_tab(browser, viewport)
    page.goto(f"{server_url}tests/fixtures/steps.html{'?dark' if dark else ''}")
    page.wait_for_selector("body[data-ready='yes']")
    wired = {str(b): wire(block(at, mse, b * BLOCK)) for b in blocks}
    page.evaluate(
        "([n, c, v, k, b]) => mount(n, c, v, k, b)",
        [name, CONTROLS[name], values, constants(name), wired],
    )
    page.oracle = at
    return page


@pytest.fixture(params=["step", "hidden_step"])
def name(request):
    return request.param


SNAPSHOT = """() => {
  const el = document.getElementById('mount');
  const tables = [...el.querySelectorAll('.live-array')].map(box => ({
    key: box.dataset.array, name: box.querySelector('.live-array-name').textContent,
    state: ['written', 'read', 'pending'].find(s => box.classList.contains('live-' + s)) ?? 'given',
    cells: [...box.querySelectorAll('tbody tr')].map(tr =>
      [...tr.querySelectorAll('td')].map(c => c.textContent)),
    chosen: [...box.querySelectorAll('tbody tr')].findIndex(tr =>
      tr.classList.contains('live-chosen')),
  }));
  const items = [...el.querySelectorAll('.live-code li')];
  const formula = el.querySelector('.live-formula');
  return {
    tables, code: items.map(li => li.querySelector('.live-code-line').textContent),
    posts: items.map(li => li.querySelector('.live-post code')?.textContent ?? null),
    current: items.map(li => li.getAttribute('aria-current')),
    formula: formula.hidden ? null : formula.querySelector('code').textContent,
    heading: el.querySelector('.live-step-heading').textContent,
    text: el.querySelector('.live-text').textContent,
    buttons: Object.fromEntries([...el.querySelectorAll('.live-step-button')].map(b =>
      [b.textContent, b.disabled])),
    values: fixture.state.values, missing: fixture.missing,
  };
}"""


def expected_cells(values, arrays, shape, digits=4):
    flat = np.ravel(values)
    return [
        [f"{flat[r * shape[1] + c]:.{digits}f}" for c in range(shape[1])] for r in range(shape[0])
    ]


def check_view(page, name, values):
    """Every shown number, mark and text of the page against the oracle at ``values``."""
    shown = page.evaluate(SNAPSHOT)
    assert {k: shown["values"][k] for k in ("iterations", "line", "row")} == {
        k: values[k] for k in ("iterations", "line", "row")
    }
    assert not shown["missing"], f"the page asked for blocks it has no data for: {shown['missing']}"
    s = page.oracle(values["iterations"])
    f = FIELDS[name](values, s)
    lines, text = LINES[name], TEXT[name]
    line = values["line"]
    written_at = {key: i + 1 for i, ln in enumerate(text["lines"]) for key in ln["writes"]}
    H = values.get("n_hidden")
    specs = tables(name, H)
    assert [t["key"] for t in shown["tables"]] == [spec[0] for spec in specs]
    for table, (key, data_key, caption, shape) in zip(shown["tables"], specs):
        assert table["name"] == f"{caption} ({shape[0]}, {shape[1]})"
        if key in written_at and written_at[key] > line:
            assert table["state"] == "pending", (key, line)
            assert table["cells"] == [["?"] * shape[1]] * shape[0], (
                f"{key} is shown before line {written_at[key]}"
            )
            continue
        want = (
            "given"
            if line == 0
            else "written"
            if key in text["lines"][line - 1]["writes"]
            else "read"
            if key in text["lines"][line - 1]["reads"]
            else "given"
        )
        assert table["state"] == want, (key, line)
        if key == "X":
            assert table["cells"] == expected_cells(INPUTS[name], None, shape, 0)
        elif key == "targets":
            assert table["cells"] == expected_cells(TARGETS[name], None, shape, 0)
        else:
            assert table["cells"] == expected_cells(s[data_key], None, shape), (key, values)
        # a row per example (a row of X): the chosen one marked; a weight table of 4 rows is not
        examples = key in ("X", "targets") or (key not in ("W2", "dW2", "new_W2") and shape[0] == 4)
        assert table["chosen"] == (values["row"] if examples else -1), key
    assert shown["code"] == [fill(ln["code"], **f) for ln in text["lines"]]
    assert shown["current"] == ["step" if i + 1 == line else None for i in range(lines)]
    if name == "step":
        assert shown["posts"] == [ln["post"] for ln in text["lines"]]
    assert shown["formula"] == (fill(text["lines"][line - 1]["formula"], **f) if line else None)
    assert shown["heading"] == fill(text["heading"], **f)
    assert shown["text"] == fill(text["alt"], **f)
    return shown


# --- stepping ---------------------------------------------------------------------------------


def test_every_line_of_three_iterations_by_keyboard(browser, server_url, name):
    """From line 0 of iteration 8, through every line of 8, 9 and 10 (a new block), by n, then the
    right arrow, then the down arrow on the code listing; then all the way back by b and the left
    and up arrows; each position checked in full."""
    page = open_explorer(browser, server_url, name, {"iterations": 8})
    values = {**DEFAULTS[name], "iterations": 8}
    lines = LINES[name]
    check_view(page, name, values)
    page.locator(".live-code").focus()
    places = [(it, ln) for it in (8, 9, 10) for ln in range(1, lines + 1)]
    for n, (iteration, line) in enumerate(places):
        page.keyboard.press(["n", "ArrowRight", "ArrowDown"][n // lines])
        check_view(page, name, {**values, "iterations": iteration, "line": line})
    assert page.evaluate("document.activeElement.className") == "live-code"
    back = [(10, ln) for ln in range(lines - 1, -1, -1)] + [(9, ln) for ln in range(lines, -1, -1)]
    for n, (iteration, line) in enumerate(back):
        page.keyboard.press(["b", "ArrowLeft", "ArrowUp"][n % 3])
        check_view(page, name, {**values, "iterations": iteration, "line": line})
    page.wait_for_timeout(500)  # the live region speaks once the keys rest
    f = FIELDS[name]({**values, "iterations": 9, "line": 0}, page.oracle(9))
    assert page.locator(".live-announce").text_content() == fill(TEXT[name]["alt"], **f)
    saved = page.evaluate("fixture.saved")
    assert (
        len(saved) == len(places) + len(back)
        and saved[-1]["iterations"] == 9
        and saved[-1]["line"] == 0
    )
    assert not page.errors
    page.context.close()


def test_n_and_b_step_anywhere_but_in_a_text_box(browser, server_url):
    page = open_explorer(browser, server_url, "step")
    page.locator("#live-0-seed").focus()
    page.keyboard.press("n")
    assert page.evaluate("fixture.state.values.line") == 1
    page.locator("#live-0-iterations-box").focus()
    page.keyboard.press("n")  # typed in the box: no step
    assert page.evaluate("fixture.state.values.line") == 1
    assert page.evaluate("fixture.state.values.iterations") == 0  # "0n" is no number: nothing moved
    page.close()


def test_buttons_move_and_are_disabled_at_the_ends(browser, server_url, name):
    page = open_explorer(browser, server_url, name)
    lines = LINES[name]
    button = lambda text: page.get_by_role("button", name=text, exact=True)  # noqa: E731
    place = "[fixture.state.values.iterations, fixture.state.values.line]"
    where = lambda: page.evaluate(place)  # noqa: E731
    shown = check_view(page, name, DEFAULTS[name])
    assert shown["buttons"] == {"Back": True, "Next": False, "Next step": False, "Reset": True}
    button("Next").click()
    assert where() == [0, 1]
    button("Back").click()
    assert where() == [0, 0]
    assert button("Back").is_disabled()
    button("Next step").click()
    assert where() == [1, 0]
    button("Back").click()
    assert where() == [0, lines]  # from line 0: the last line of the iteration before
    button("Next").click()
    assert where() == [1, 1]  # from the last line: line 1 of the next iteration
    button("Next step").click()
    assert where() == [2, 1]  # the same line
    page.evaluate("fixture.set({iterations: 10, line: 0})")
    button("Back").click()
    assert where() == [9, lines]  # back across a block
    check_view(page, name, {**DEFAULTS[name], "iterations": 9, "line": lines})
    button("Reset").click()
    check_view(page, name, DEFAULTS[name])
    assert button("Reset").is_disabled() and button("Back").is_disabled()
    page.evaluate(f"fixture.set({{iterations: {LAST}, line: 1}})")
    shown = check_view(page, name, {**DEFAULTS[name], "iterations": LAST, "line": 1})
    assert shown["buttons"] == {"Back": False, "Next": False, "Next step": True, "Reset": False}
    button("Next").focus()
    for _ in range(lines - 1):
        page.keyboard.press("Enter")
    shown = check_view(page, name, {**DEFAULTS[name], "iterations": LAST, "line": lines})
    assert shown["buttons"] == {"Back": False, "Next": True, "Next step": True, "Reset": False}
    assert page.evaluate("document.activeElement.className") == "live-code"  # not lost to the page
    page.keyboard.press("n")
    assert where() == [LAST, lines]
    assert not page.errors
    page.context.close()


def test_the_row_is_chosen_by_click_enter_and_menu(browser, server_url, name):
    page = open_explorer(browser, server_url, name, {"line": 3})
    values = {**DEFAULTS[name], "line": 3}
    menu = page.locator("#live-0-row")
    assert menu.locator("option").all_text_contents() == ROW_LABELS
    page.locator(".live-array[data-array='output'] tbody tr").nth(3).click()
    check_view(page, name, {**values, "row": 3})
    assert menu.input_value() == "3"
    page.locator(".live-array[data-array='X'] tbody tr").nth(0).focus()
    page.keyboard.press("Enter")
    check_view(page, name, {**values, "row": 0})
    menu.select_option("1")
    check_view(page, name, {**values, "row": 1})
    assert (
        page.evaluate("fixture.saved.at(-1).row") == 1
        and page.evaluate("typeof fixture.saved.at(-1).row") == "number"
    )
    assert not page.errors
    page.context.close()


def test_the_line_is_no_control_of_the_row_and_a_link_reads_it(browser, server_url):
    page = open_explorer(browser, server_url, "step")
    assert page.locator("#live-0-line").count() == 0
    assert page.locator("#live-0-iterations-box").count() == 1
    read = "([hash, c]) => fixture.readFragment('step', c, hash)"
    got = page.evaluate(read, ["#explore-step?line=3&row=2", CONTROLS["step"]])
    assert got == {"values": {"line": 3, "row": 2}, "problems": []}
    got = page.evaluate(read, ["#explore-step?line=5&row=4", CONTROLS["step"]])
    assert got["values"] == {} and got["problems"] == [
        "line in the link must be from 0 to 4; got 5",
        "row in the link must be one of the menu's options 0, 1, 2, 3; got 4",
    ]
    page.context.close()


def test_the_iteration_box_jumps_and_the_formula_follows_the_slope(browser, server_url):
    page = open_explorer(browser, server_url, "step", {"line": 3})
    box = page.locator("#live-0-iterations-box")
    box.fill(str(LAST))
    check_view(page, "step", {**STEP_VALUES, "line": 3, "iterations": LAST})
    box.fill("10001")
    assert (
        page.locator("#live-0-iterations-error").text_content()
        == "iteration must be from 0 to 10000; got 10001"
    )
    assert page.evaluate("fixture.state.values.iterations") == LAST
    page.context.close()
    page = open_explorer(browser, server_url, "step", {"line": 3, "slope": "true", "iterations": 5})
    check_view(page, "step", {**STEP_VALUES, "line": 3, "slope": "true", "iterations": 5})
    assert "1 - y**2" in page.locator(".live-code li").nth(2).text_content()
    page.context.close()


def test_hidden_step_with_one_and_eight_units(browser, server_url):
    for H in (1, 8):
        values = {**HIDDEN_VALUES, "n_hidden": H, "iterations": 13, "line": 5}
        page = open_explorer(browser, server_url, "hidden_step", values)
        check_view(page, "hidden_step", values)
        page.locator(".live-code").focus()
        page.keyboard.press("n")
        check_view(page, "hidden_step", {**values, "line": 6})
        assert not page.errors
        page.context.close()


def test_a_new_number_of_hidden_units_redraws_the_tables_once(browser, server_url):
    """n_hidden 2 → 3: the tables are made again for 3 units, one error chart stays, and the keys
    step once per press (the old view's listeners are gone)."""
    page = open_explorer(browser, server_url, "hidden_step", {"iterations": 3, "line": 2})
    values = {**HIDDEN_VALUES, "n_hidden": 3, "iterations": 3, "line": 2}
    at, mse = cached_run("hidden_step", values)
    page.oracle = at
    page.evaluate("([v, b]) => fixture.swap(v, b)", [values, {"0": wire(block(at, mse, 0))}])
    check_view(page, "hidden_step", values)
    assert page.evaluate("document.querySelector('.live-panels').charts.length") == 1
    assert page.locator(".live-code").count() == 1
    page.locator(".live-code").focus()
    page.keyboard.press("n")
    check_view(page, "hidden_step", {**values, "line": 3})
    assert not page.errors
    page.context.close()


def test_a_diverged_run_shows_the_inputs_only_and_says_so(browser, server_url):
    page = open_explorer(browser, server_url, "step", {"line": 2})
    message = "training diverged: the numbers stopped being finite at update 5"
    empty = {"first": 0, "count": 0, "diverged": message, "mse": np.array([])}
    values = {**STEP_VALUES, "learning_rate": 2.0, "line": 2}
    page.evaluate("([v, b]) => fixture.swap(v, b)", [values, {"0": wire(empty)}])
    shown = page.evaluate(SNAPSHOT)
    assert shown["heading"] == TEXT["diverged"]["heading"]
    assert shown["text"] == fill(TEXT["diverged"]["alt"], message=message)
    assert page.locator(".live-status").text_content() == fill(
        TEXT["diverged"]["status"], message=message
    )
    assert shown["formula"] is None
    for table in shown["tables"]:
        if table["key"] in ("X", "targets"):
            assert table["cells"][3][-1] == "1"
        else:
            assert table["state"] == "pending" and {c for r in table["cells"] for c in r} == {"?"}
    assert not page.errors
    page.context.close()


def test_reproduce_in_python_has_the_run_and_the_step(browser, server_url, name):
    values = {**DEFAULTS[name], "iterations": 17, "line": 1}
    page = open_explorer(browser, server_url, name, values)
    code = page.locator(".live-reproduce code").text_content()
    fields = {**values, "activation": ACTIVATION[values["slope"]]} if name == "step" else values
    assert code == fill(TEXT[name]["reproduce"], **fields)
    page.context.close()


# --- layout and accessibility ------------------------------------------------------------------


def page_width(page):
    return page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )


@pytest.mark.parametrize("dark", [False, True])
def test_a_phone_never_scrolls_sideways(browser, server_url, name, dark):
    values = {"n_hidden": 8} if name == "hidden_step" else {}
    page = open_explorer(
        browser, server_url, name, {**values, "line": 3}, viewport=PHONE, dark=dark
    )
    scroll, client = page_width(page)
    assert scroll <= client == PHONE["width"]
    wide = page.evaluate(
        "[...document.querySelectorAll('.live-array-wrap')]"
        ".filter(w => w.scrollWidth > w.clientWidth)"
        ".map(w => w.getAttribute('tabindex'))"
    )
    assert all(tab == "0" for tab in wide), "a table that scrolls in its box is a tab stop"
    if name == "hidden_step":
        assert wide, "eight hidden units: some table is wider than a phone"
    page.add_script_tag(path=str(AXE))
    assert not page.evaluate(RUN_AXE, WCAG), "axe-core on a phone"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}-phone{'-dark' if dark else ''}.png", full_page=True)
    page.context.close()


@pytest.mark.parametrize("line", ["first", "middle"])
@pytest.mark.parametrize("dark", [False, True])
def test_axe_finds_no_violation(browser, server_url, name, line, dark):
    at = 0 if line == "first" else LINES[name] // 2 + 1
    page = open_explorer(browser, server_url, name, {"iterations": 12, "line": at}, dark=dark)
    page.locator(".live-array[data-array='X'] tbody tr").nth(1).focus()  # a focused row, too
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(RUN_AXE, WCAG)
    report = "\n".join(
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']]})" for v in violations
    )
    assert not violations, report
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}-line{at}{'-dark' if dark else ''}.png", full_page=True)
    page.context.close()


# --- speed (printed, not asserted) --------------------------------------------------------------

NEXT_TIMES = """() => {
  const next = [...document.querySelectorAll('.live-step-button')]
    .find(b => b.textContent === 'Next');
  const times = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    next.click();
    document.body.offsetHeight;  // the tables and text laid out
    times.push(performance.now() - start);
  }
  return times;
}"""

JUMP_TIMES = """() => {
  const box = document.getElementById('live-0-iterations-box'), times = [];
  for (let i = 0; i < 20; i++) {
    box.value = '0';
    box.dispatchEvent(new Event('input'));
    const start = performance.now();
    box.value = '10000';
    box.dispatchEvent(new Event('input'));
    document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}"""


def test_timing_of_next_and_of_a_jump(browser, server_url, name):
    page = open_explorer(browser, server_url, name, blocks=(0, 1, 2, LAST // BLOCK))
    next_ms = page.evaluate(NEXT_TIMES)
    jump_ms = page.evaluate(JUMP_TIMES)
    assert page.evaluate("fixture.state.values.iterations") == LAST
    print(
        f"\n{name}: Next press median {statistics.median(next_ms):.2f} ms "
        f"(max {max(next_ms):.2f}); "
        f"jump to 10000 median {statistics.median(jump_ms):.2f} ms (max {max(jump_ms):.2f})"
    )
    page.context.close()

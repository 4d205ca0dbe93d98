"""One renderer, two hosts: the same explorer drawn by helpers/explorer.js (the Jupyter bundle) from a
model whose data are Python's arrays, sent as ipywidgets sends buffers (DataViews), and by the site's
bundle (live/explorers.js) from its local model, computed in the page: for the same settings they
write the same heading, text and status line, and Python's numbers.

Python's side here is helpers itself, in the shapes the contract gives for `data` (docs/ARCHITECTURE.md),
so the test does not depend on how helpers/explorers.py builds them.
"""

import base64
import json

import numpy as np
import pytest

import helpers
from helpers import explorers, hidden, plotting
from helpers.explorer_text import TEXT as TEMPLATES
from tests.test_site_in_browser import (  # noqa: F401  (browser: the fixture that starts Chromium)
    browser, recorded_tab, served, set_controls, settle,
)
from tools import build_js

RECORDED = [int(k) for k in explorers.RECORDED]
GRID = np.linspace(-4, 4, 401)
EXAMPLES = np.vstack([helpers.POST_INPUTS, helpers.POST_TEST_INPUTS])
TRAINING_LABELS = [str(row.astype(int).tolist()) for row in EXAMPLES]
XOR_LABELS = [str(row.astype(int).tolist()) for row in hidden.XOR_INPUTS]
MODELS = [{"label": "post's network", "activation": "post_tanh", "learning_rate": 1.0},
          {"label": "corrected network", "activation": "tanh", "learning_rate": 0.5}]


def constants(name: str) -> dict:
    """The renderer's constants, as the contract lists them."""
    common = {"colours": plotting.OKABE_ITO, "iteration_stops": list(explorers.ITERATION_STOPS)}
    run = {"recorded": RECORDED, "ladder": explorers.LADDER.tolist()}
    return {**common, **{
        "training": {**run, "weight_names": plotting.WEIGHT_NAMES, "example_labels": TRAINING_LABELS,
                     "targets": helpers.POST_TARGETS.ravel().tolist()},
        "activation": {"y_limits": explorers.ActivationExplorer.Y_LIMITS, "grid_low": -4, "grid_high": 4,
                       "grid_count": 401},
        "seed": {"weight_names": plotting.WEIGHT_NAMES},
        "prediction": {"models": MODELS, "seed": 1, "scheme": "post", "iterations": 10_000},
        "hidden": {**run, "example_labels": XOR_LABELS, "targets": [0, 1, 1, 0], "square": [-0.25, 1.25],
                   "max_hidden": 8},
    }[name]}


def training_data(v):
    history = helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, helpers.initial_weights(v["seed"], v["scheme"]),
                            v["activation"], 10_000, v["learning_rate"])
    weights = history.weights[RECORDED].reshape(len(RECORDED), 3)
    outputs = np.array([helpers.predict(EXAMPLES, w[:, None], v["activation"]).ravel() for w in weights])
    return {"mse": history.mean_squared_error[RECORDED], "weights": weights, "outputs": outputs, "diverged": ""}


def activation_data(v):
    f = helpers.get_activation(v["activation"]).function
    return {"f": f(GRID), "slope": np.array([helpers.derivative(v["activation"], z) for z in GRID]),
            "y": float(f(v["z"])), "slope_at": float(helpers.derivative(v["activation"], v["z"]))}


def prediction_data(v):
    x = np.array([v["x1"], v["x2"], v["x3"]])
    z, outputs = [], []
    for model in MODELS:
        w = helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, helpers.initial_weights(1, "post"),
                          model["activation"], 10_000, model["learning_rate"]).final_weights
        z.append(float(x @ w[:, 0]))
        outputs.append(float(helpers.predict(x, w, model["activation"])[0]))
    return {"z": np.array(z), "outputs": np.array(outputs)}


def hidden_data(v):
    W1, W2 = hidden.initial_hidden_weights(v["seed"], v["n_hidden"])
    history = hidden.train_hidden(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, v["activation"], 10_000,
                                  v["learning_rate"])
    W1s, W2s = history.W1[RECORDED], history.W2[RECORDED]
    outputs = np.array([hidden.forward(hidden.XOR_INPUTS, a, b, v["activation"])[1].ravel() for a, b in zip(W1s, W2s)])
    solved = [float(hidden.solves(hidden.XOR_INPUTS, hidden.XOR_TARGETS, a, b, v["activation"]))
              for a, b in zip(W1s, W2s)]
    return {"mse": history.mean_squared_error[RECORDED], "W1": W1s, "W2": W2s, "outputs": outputs,
            "solved": np.array(solved), "diverged": ""}


DATA = {
    "training": training_data, "activation": activation_data, "prediction": prediction_data, "hidden": hidden_data,
    "seed": lambda v: {"weights": helpers.initial_weights(v["seed"], v["scheme"]).ravel()},
}


def wire(data: dict) -> dict:
    """``data`` as JSON for the page: each array as base64 of its little-endian float64 bytes."""
    return {key: {"buffer": base64.b64encode(np.ascontiguousarray(value, "<f8").tobytes()).decode()}
            if isinstance(value, np.ndarray) else value for key, value in data.items()}


# A model as anywidget's front end gives one: get/set/on/off/save_changes, each array a DataView over
# a buffer (the first one at an odd offset, as a buffer of a larger message can be).
FAKE_MODEL = """async ([name, controls, values, constants, data]) => {
  const {default: widget} = await import("/explorer.js");
  const decode = wired => Object.fromEntries(Object.entries(wired).map(([key, value], i) => {
    if (!value || value.buffer === undefined) return [key, value];
    const bytes = Uint8Array.from(atob(value.buffer), c => c.charCodeAt(0));
    const offset = i === 0 ? 4 : 0, copy = new Uint8Array(bytes.length + offset);
    copy.set(bytes, offset);
    return [key, new DataView(copy.buffer, offset, bytes.length)];
  }));
  const state = {name, controls, values, constants, data: decode(data), error: ""};
  const listeners = {}, saved = [];
  const model = {
    get: key => state[key],
    set: (key, value) => { state[key] = value; (listeners[`change:${key}`] ?? []).forEach(f => f()); },
    on: (event, f) => { (listeners[event] ??= []).push(f); },
    off: (event, f) => { listeners[event] = (listeners[event] ?? []).filter(g => g !== f); },
    save_changes: () => saved.push(structuredClone(state.values)),
  };
  window.jupyterModel = {model, saved, state, decode, set: (key, value) => model.set(key, value)};
  widget.render({model, el: document.getElementById("jupyter")});
}"""

SHOWN = """el => ({text: el.querySelector('.live-text').textContent,
  headings: [...el.querySelectorAll('.live-title')].map(t => t.textContent),
  status: el.querySelector('.live-status').textContent, sums: el.querySelector('.live-sums')?.textContent ?? null})"""

SETTINGS = {
    "training": [{"seed": 1, "iterations": 10_000, "activation": "post_tanh", "learning_rate": 1.0, "scheme": "post"},
                 {"seed": 7, "iterations": 300, "activation": "sigmoid", "learning_rate": 2.0, "scheme": "glorot"}],
    "activation": [{"activation": "tanh", "z": 0.5}, {"activation": "relu", "z": -1.3}],
    "seed": [{"seed": 1, "scheme": "post"}, {"seed": 4294967295, "scheme": "uniform"}],
    "prediction": [{"x1": 1.0, "x2": 1.0, "x3": 0.0}, {"x1": 0.3, "x2": -0.7, "x3": 1.0}],
    "hidden": [{"seed": 0, "n_hidden": 4, "iterations": 10_000, "activation": "tanh", "learning_rate": 0.25},
               {"seed": 12, "n_hidden": 2, "iterations": 2000, "activation": "tanh", "learning_rate": 0.25},
               {"seed": 5, "n_hidden": 3, "iterations": 3, "activation": "tanh", "learning_rate": 1.0}],
}
CLASSES = {"training": "TrainingExplorer", "activation": "ActivationExplorer", "seed": "SeedExplorer",
           "prediction": "PredictionExplorer", "hidden": "HiddenExplorer"}


def controls_for(name: str) -> list:
    return [{"name": key, **rule.site()} for key, rule in getattr(explorers, CLASSES[name]).CONTROLS.items()]


def attribute(value) -> str:
    return json.dumps(value).replace("&", "&amp;").replace("'", "&#39;")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A page per explorer: a site figure (the site's bundle) and a Jupyter mount point (helpers/explorer.js)."""
    folder = tmp_path_factory.mktemp("hosts")
    build_js.build_site(folder / "live")
    (folder / "explorer.js").write_bytes((build_js.JUPYTER / "explorer.js").read_bytes())
    for name, settings in SETTINGS.items():
        figure = (f"<figure class='explorer-snapshot' data-live-explorer='{name}' "
                  f"data-controls='{attribute(controls_for(name))}' data-values='{attribute(settings[0])}' "
                  f"data-constants='{attribute(constants(name))}'><figcaption>snapshot</figcaption></figure>")
        (folder / f"{name}.html").write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hosts</title>'
            '<link rel="stylesheet" href="live/explorers.css"><script type="module" src="live/explorers.js"></script>'
            f'</head><body><main>{figure}<div id="jupyter"></div></main></body></html>')
    with served(folder) as url:
        yield url


@pytest.fixture
def hosts(browser, site, request):  # noqa: F811
    """The page of explorer ``request.param`` with both hosts drawn at its first settings."""
    name = request.param
    with recorded_tab(browser) as (page, visit):
        page.goto(f"{site}{name}.html")
        settle(page)
        page.locator("figure .live-text").wait_for()
        first = SETTINGS[name][0]
        page.evaluate(FAKE_MODEL, [name, controls_for(name), first, constants(name), wire(DATA[name](first))])
        yield page, name
        assert not visit.console_errors and not visit.failed and not visit.blocked, visit


def move_jupyter(page, values: dict, data: dict) -> None:
    """As the kernel does after a valid change: new values, then the run's data."""
    page.evaluate("([values, data]) => { jupyterModel.set('values', values);"
                  " jupyterModel.set('data', jupyterModel.decode(data)); }", [values, wire(data)])


@pytest.mark.parametrize("hosts", list(SETTINGS), indirect=True)
def test_both_hosts_write_the_same_sentences_for_the_same_settings(hosts):
    page, name = hosts
    site, jupyter = page.locator("figure[data-live-explorer]"), page.locator("#jupyter")
    specs = controls_for(name)
    for values in SETTINGS[name]:
        set_controls(site, specs, values)
        move_jupyter(page, values, DATA[name](values))
        shown = jupyter.evaluate(SHOWN)
        assert site.evaluate(SHOWN) == shown, values
        assert shown["text"] and shown["headings"][0], values
    assert page.locator("#jupyter .live-caption").text_content() == TEMPLATES["caption"]["jupyter"]


@pytest.mark.parametrize("hosts", ["training"], indirect=True)
def test_a_moved_control_sets_the_values_and_saves_and_a_step_needs_no_new_data(hosts):
    page, _ = hosts
    iterations = page.locator("#jupyter input[id$='-iterations']")
    before = page.locator("#jupyter .live-text").text_content()
    iterations.focus()
    page.keyboard.press("Home")
    saved = page.evaluate("() => jupyterModel.saved")
    assert saved and saved[-1] == {**SETTINGS["training"][0], "iterations": 0}
    after = page.locator("#jupyter .live-text").text_content()
    assert after != before and "at step 0." in after, "a step of the run it has: drawn at once"
    seed = page.locator("#jupyter input[id$='-seed-box']")
    seed.fill("8")
    assert page.evaluate("() => jupyterModel.saved")[-1]["seed"] == 8
    assert page.locator("#jupyter .live-text").text_content() == after, "another run: drawn when its data comes"


@pytest.mark.parametrize("hosts", ["seed"], indirect=True)
def test_an_error_from_python_is_shown_in_the_status_line_and_nothing_is_redrawn(hosts):
    page, _ = hosts
    text = page.locator("#jupyter .live-text").text_content()
    message = "seed must be from 0 to 4294967295; got -1"
    page.evaluate("m => jupyterModel.set('error', m)", message)
    status = page.locator("#jupyter .live-status")
    assert status.is_visible() and status.text_content() == message
    assert status.get_attribute("role") is None, "not a live region: the verdict there changes at each move"
    announce = page.locator("#jupyter .live-announce")
    page.wait_for_function("m => document.querySelector('#jupyter .live-announce').textContent === m", arg=message,
                           timeout=2_000)
    assert announce.get_attribute("aria-live") == "polite", "read out through the delayed live region"
    assert page.locator("#jupyter .live-text").text_content() == text
    page.evaluate("() => jupyterModel.set('error', '')")
    assert status.is_hidden()


# A second view of the Jupyter model, as JupyterLab draws one again, in a box 600 pixels wide; the
# resize observers it makes count their calls in `observed`.
SECOND_VIEW = """async () => {
  const {default: widget} = await import("/explorer.js");
  const Original = window.ResizeObserver;
  window.observed = 0;
  window.ResizeObserver = class extends Original {
    constructor(f) { super((...args) => { window.observed++; f(...args); }); }
  };
  const el = Object.assign(document.createElement("div"), {id: "again"});
  el.style.width = "600px";
  document.querySelector("main").append(el);
  try { window.cleanup = widget.render({model: jupyterModel.model, el}); }
  finally { window.ResizeObserver = Original; }
  window.secondCharts = [...el.querySelector(".live-panels").charts];
}"""


def resized(page, width: str) -> int:
    """The observers' calls after the second view's box is made ``width`` wide and has been laid out."""
    page.evaluate("w => { document.getElementById('again').style.width = w; }", width)
    page.wait_for_timeout(200)
    return page.evaluate("() => window.observed")


@pytest.mark.parametrize("hosts", ["hidden"], indirect=True)
def test_the_cleanup_of_a_view_stops_its_charts_observers_and_timers(hosts):
    page, _ = hosts
    page.evaluate(SECOND_VIEW)
    text, announce = page.locator("#again .live-text"), page.locator("#again .live-announce")
    first = text.text_content()
    assert announce.text_content() == first, "the first sentence: read out at once"
    before = resized(page, "600px")
    assert resized(page, "400px") > before, "the observers follow the box while the view is shown"
    page.evaluate("v => jupyterModel.set('values', v)", {**SETTINGS["hidden"][0], "iterations": 0})
    stepped = text.text_content()
    assert stepped != first, "a step: drawn at once, read out later"
    page.evaluate("() => cleanup()")
    page.wait_for_timeout(600)  # longer than ANNOUNCE_DELAY
    assert announce.text_content() == first, "the waiting sentence is dropped with the view"
    assert page.evaluate("() => secondCharts.length") == 3
    assert page.evaluate("() => secondCharts.every(u => !u.root.isConnected)"), "the charts are destroyed"
    calls = page.evaluate("() => window.observed")
    assert resized(page, "300px") == calls, "the observers are disconnected"
    page.evaluate("v => jupyterModel.set('values', v)", SETTINGS["hidden"][0])
    assert page.locator("#jupyter .live-text").text_content() == first, "the first view still follows the model"
    assert text.text_content() == stepped, "the second no longer does"


@pytest.mark.parametrize("hosts", ["hidden"], indirect=True)
def test_values_set_by_python_move_the_controls(hosts):
    page, _ = hosts
    values = {**SETTINGS["hidden"][0], "n_hidden": 2, "seed": 12}
    move_jupyter(page, values, DATA["hidden"](values))
    assert page.locator("#jupyter input[id$='-seed-box']").input_value() == "12"
    assert page.locator("#jupyter input[id$='-n_hidden']").input_value() == "2"
    assert "2 hidden units" in page.locator("#jupyter .live-text").text_content()

"""The step-through explorers of chapters 5 and 7 (issue #21) as Jupyter widgets, driven headlessly.

Their ``data`` is a block of ten iterations of ``network.step`` / ``hidden.step``; here each array
is compared with an independent call of those functions at the weights ``network.train`` /
``hidden.train_hidden`` reach (trained again here, not through the explorers' cache), and every
sentence with numbers computed by plain NumPy from those weights.
"""

import contextlib
import io
import re

import numpy as np
import pytest
from PIL import Image

from helpers import explorers, hidden, network
from helpers.explorer_text import TEXT, fill
from tests.test_explorers import Sent, array, assert_plain, diverging_run, front_end, mount_point

X, T = network.POST_INPUTS, network.POST_TARGETS
XOR_T = hidden.XOR_TARGETS
R = len(explorers.RECORDED)
ACTIVATION = {"post": "post_tanh", "true": "tanh"}


# --- independent oracles: the runs trained here, and one step in plain NumPy -------------------

_runs = {}


def history(seed, slope, learning_rate) -> network.History:
    """The chapter 5 run, trained here (not by the explorer's cache)."""
    key = ("step", seed, slope, learning_rate)
    if key not in _runs:
        weights = network.initial_weights(seed, "post")
        _runs[key] = network.train(X, T, weights, ACTIVATION[slope], 10_000, learning_rate)
    return _runs[key]


def hidden_history(seed, n_hidden, learning_rate) -> hidden.HiddenHistory:
    key = ("hidden", seed, n_hidden, learning_rate)
    if key not in _runs:
        W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
        _runs[key] = hidden.train_hidden(X, XOR_T, W1, W2, "tanh", 10_000, learning_rate)
    return _runs[key]


def numpy_step(w, slope, learning_rate) -> dict:
    """One step of the one-layer loop, written out in NumPy: the oracle of the sentences."""
    w = np.asarray(w, dtype=float).reshape(3, 1)
    z = X @ w
    y = np.tanh(z)
    error = T - y
    s = 1 - np.tanh(4 * y) if slope == "post" else 1 - y**2
    delta = error * s
    update = learning_rate * X.T @ delta
    return {"w": w[:, 0], "z": z[:, 0], "y": y[:, 0], "error": error[:, 0], "slope": s[:, 0],
            "delta": delta[:, 0], "update": update[:, 0], "new_w": (w + update)[:, 0],
            "mse": np.mean(error**2)}


def numpy_hidden_step(W1, W2, learning_rate) -> dict:
    """One step of the two-layer loop, written out in NumPy (chapter 7's seven lines)."""
    h = np.tanh(X @ W1)
    with_ones = np.hstack([h, np.ones((4, 1))])
    y = np.tanh(with_ones @ W2)
    error = XOR_T - y
    delta2 = error * (1 - y**2)
    back = delta2 @ W2[:-1].T
    delta1 = back * (1 - h**2)
    dW2 = learning_rate * with_ones.T @ delta2
    dW1 = learning_rate * X.T @ delta1
    return {"z1": X @ W1, "h": h, "z2": (with_ones @ W2)[:, 0], "y": y[:, 0],
            "error": error[:, 0], "slope2": (1 - y**2)[:, 0], "delta2": delta2[:, 0],
            "back": back, "slope1": 1 - h**2, "delta1": delta1, "dW2": dW2.ravel(),
            "dW1": dW1.ravel(), "new_W2": (W2 + dW2).ravel(), "new_W1": (W1 + dW1).ravel(),
            "mse": np.mean(error**2)}


def numbers_in(text: str) -> list[float]:
    """The numbers NumPy printed, in fixed or scientific notation."""
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d*)?(?:e[+-]?\d+)?", text)]


def f4(values) -> str:
    return ", ".join(f"{v:.4f}" for v in np.ravel(values))


@pytest.fixture(scope="module")
def steps():
    return explorers.StepExplorer()


@pytest.fixture(scope="module")
def hidden_steps():
    return explorers.HiddenStepExplorer()


def block_rows(explorer, key) -> np.ndarray:
    """One of data's arrays as (count, ...) rows, one per iteration of the block."""
    return array(explorer, key).reshape(explorer.data["count"], -1)


# --- defaults, controls and constants ----------------------------------------------------------


def test_both_start_at_the_contracts_defaults_with_their_controls():
    step, two = explorers.StepExplorer(), explorers.HiddenStepExplorer()
    assert (step.name, step.values, step.error) == ("step", {
        "seed": 1, "iterations": 0, "learning_rate": 1.0, "slope": "true", "line": 0, "row": 2}, "")
    assert (two.name, two.values) == ("hidden_step", {
        "seed": 0, "n_hidden": 2, "iterations": 0, "learning_rate": 0.25, "line": 0, "row": 1})
    seed = {"name": "seed", "kind": "whole", "label": "seed", "low": 0, "high": 2**32 - 1,
            "slider_high": 99}
    iterations = {"name": "iterations", "kind": "whole", "label": "iteration", "low": 0,
                  "high": 10_000, "slider_high": 10_000}
    row = {"name": "row", "kind": "menu", "label": "row", "options": [0, 1, 2, 3],
           "labels": ["0: [0, 0, 1]", "1: [0, 1, 1]", "2: [1, 0, 1]", "3: [1, 1, 1]"]}
    assert step.controls == [
        seed, iterations,
        {"name": "learning_rate", "kind": "stops", "label": "learning rate",
         "options": [0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0]},
        {"name": "slope", "kind": "menu", "label": "slope", "options": ["post", "true"]},
        {"name": "line", "kind": "line", "label": "line", "low": 0, "high": 4}, row]
    assert two.controls == [
        seed, {"name": "n_hidden", "kind": "whole", "label": "hidden units", "low": 1, "high": 8,
               "slider_high": 8},
        iterations,
        {"name": "learning_rate", "kind": "stops", "label": "learning rate",
         "options": [0.03, 0.1, 0.25, 0.5, 1.0, 2.0]},
        {"name": "line", "kind": "line", "label": "line", "low": 0, "high": 7}, row]
    assert all(type(option) is int for option in row["options"])  # the menu returns the int
    for explorer in (step, two):
        assert mount_point(explorer)["controls"] == explorer.controls


def test_the_constants_are_the_contracts():
    common = {"colours": explorers.plotting.OKABE_ITO,
              "iteration_stops": list(explorers.ITERATION_STOPS),
              "recorded": explorers.RECORDED.tolist(), "ladder": explorers.LADDER.tolist(),
              "inputs": [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]],
              "example_labels": ["[0, 0, 1]", "[0, 1, 1]", "[1, 0, 1]", "[1, 1, 1]"],
              "block": 10, "last_iteration": 10_000}
    step, two = explorers.StepExplorer(), explorers.HiddenStepExplorer()
    assert step.constants == {**common, "targets": [0, 0, 1, 1]}
    assert two.constants == {**common, "targets": [0, 1, 1, 0]}
    for explorer in (step, two):
        assert all(type(t) is int for t in explorer.constants["targets"])
        assert mount_point(explorer)["constants"] == explorer.constants


def test_a_line_rule_checks_as_a_whole_number_and_is_drawn_by_the_stepper():
    rule = explorers.Line("line", 0, 4)
    assert [rule.check("line", v) for v in (0, 4, np.int64(2))] == [0, 4, 2]
    assert rule.site() == {"kind": "line", "label": "line", "low": 0, "high": 4}
    with pytest.raises(ValueError, match="^line must be from 0 to 4; got 5$"):
        rule.check("line", 5)
    with pytest.raises(TypeError, match="^line must be a whole number from 0 to 4; got 1.0$"):
        rule.check("line", 1.0)


def test_menu_labels_must_be_one_text_per_option():
    assert explorers.Choice("row", (0, 1), labels=("a", "b")).check("row", 1) == 1
    with pytest.raises(ValueError, match="labels of the 'row' menu must be one text per option"):
        explorers.Choice("row", (0, 1), labels=("a",)).site()


# --- data: a block of ten network.step / hidden.step -------------------------------------------


def test_blocks_are_ten_iterations_and_the_last_is_one():
    assert [explorers.block(k) for k in (0, 9, 10, 19, 9995, 9999, 10_000)] == [
        (0, 10), (0, 10), (10, 10), (10, 10), (9990, 10), (9990, 10), (10_000, 1)]


STEP_KEYS = ("weights", "z", "output", "error", "slope", "delta", "update", "new_weights")


@pytest.mark.parametrize("seed, slope, learning_rate, iterations", [
    (1, "post", 1.0, 0), (1, "true", 0.5, 9), (1, "post", 1.0, 10), (7, "true", 2.0, 4567),
    (99, "post", 0.01, 10_000), (3, "true", 1.0, 9999),
])
def test_step_data_is_network_step_at_every_iteration_of_the_block(
        steps, seed, slope, learning_rate, iterations):
    steps.set(seed=seed, slope=slope, learning_rate=learning_rate, iterations=iterations)
    run, activation = history(seed, slope, learning_rate), ACTIVATION[slope]
    first = iterations - iterations % 10
    count = 1 if first == 10_000 else 10
    data = steps.data
    assert (data["first"], data["count"], data["diverged"]) == (first, count, "")
    assert set(data) == {"first", "count", *STEP_KEYS, "step_mse", "mse", "diverged"}
    for j, k in enumerate(range(first, first + count)):
        expected = network.step(X, T, run.weights[k][:, None], activation, learning_rate)
        for key in STEP_KEYS:
            np.testing.assert_array_equal(block_rows(steps, key)[j], getattr(expected, key).ravel())
        assert block_rows(steps, "step_mse")[j, 0] == np.mean(expected.error**2)
        oracle = numpy_step(run.weights[k], slope, learning_rate)
        np.testing.assert_allclose(block_rows(steps, "delta")[j], oracle["delta"], atol=1e-12)
        if k < 10_000:  # the new weights are the run's next ones, to the bit
            np.testing.assert_array_equal(block_rows(steps, "new_weights")[j], run.weights[k + 1])
    assert [block_rows(steps, key).shape for key in ("weights", "z", "update", "step_mse")] == [
        (count, 3), (count, 4), (count, 3), (count, 1)]
    np.testing.assert_array_equal(array(steps, "mse"), run.mean_squared_error[explorers.RECORDED])
    current = steps.step_arrays
    assert isinstance(current, network.Step)
    np.testing.assert_array_equal(current.weights[:, 0], run.weights[iterations])
    np.testing.assert_array_equal(current.delta, network.step(
        X, T, run.weights[iterations][:, None], activation, learning_rate).delta)


HIDDEN_KEYS = {"W1": (3, 0), "W2": (1, 1), "z1": (4, 0), "hidden": (4, 0), "back": (4, 0),
               "slope1": (4, 0), "delta1": (4, 0), "z2": (0, 4), "output": (0, 4), "error": (0, 4),
               "slope2": (0, 4), "delta2": (0, 4), "dW2": (1, 1), "new_W2": (1, 1), "dW1": (3, 0),
               "new_W1": (3, 0)}
"""Each array of the hidden step, and its numbers per iteration: (a, b) for a * H + b."""


@pytest.mark.parametrize("seed, n_hidden, learning_rate, iterations", [
    (0, 2, 0.25, 0), (12, 2, 0.25, 19), (5, 1, 1.0, 300), (3, 8, 0.1, 10_000), (7, 4, 2.0, 9998),
])
def test_hidden_step_data_is_hidden_step_at_every_iteration_of_the_block(
        hidden_steps, seed, n_hidden, learning_rate, iterations):
    hidden_steps.set(seed=seed, n_hidden=n_hidden, learning_rate=learning_rate,
                     iterations=iterations)
    run, H = hidden_history(seed, n_hidden, learning_rate), n_hidden
    first = iterations - iterations % 10
    count = 1 if first == 10_000 else 10
    data = hidden_steps.data
    assert (data["first"], data["count"], data["diverged"]) == (first, count, "")
    assert set(data) == {"first", "count", *HIDDEN_KEYS, "step_mse", "mse", "diverged"}
    for key, (a, b) in HIDDEN_KEYS.items():
        width = a * H + b
        assert block_rows(hidden_steps, key).shape == (count, width), key
    for j, k in enumerate(range(first, first + count)):
        expected = hidden.step(X, XOR_T, run.W1[k], run.W2[k], "tanh", learning_rate)
        for key in HIDDEN_KEYS:
            np.testing.assert_array_equal(block_rows(hidden_steps, key)[j],
                                          getattr(expected, key).ravel(), err_msg=key)
        assert block_rows(hidden_steps, "step_mse")[j, 0] == np.mean(expected.error**2)
        oracle = numpy_hidden_step(run.W1[k], run.W2[k], learning_rate)
        np.testing.assert_allclose(block_rows(hidden_steps, "delta1")[j], oracle["delta1"].ravel(),
                                   atol=1e-12)
        if k < 10_000:
            np.testing.assert_allclose(block_rows(hidden_steps, "new_W1")[j], run.W1[k + 1].ravel(),
                                       rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(array(hidden_steps, "mse"),
                                  run.mean_squared_error[explorers.RECORDED])
    current = hidden_steps.step_arrays
    assert isinstance(current, hidden.HiddenStep)
    np.testing.assert_array_equal(current.W1, run.W1[iterations])


def test_the_runs_are_trained_once_kept_frozen_and_bounded():
    run = explorers.step_run(1, "post_tanh", 1.0)
    assert explorers.step_run(1, "post_tanh", 1.0) is run
    np.testing.assert_array_equal(run.weights, history(1, "post", 1.0).weights)
    assert run.weights.shape == (10_001, 3) and not run.weights.flags.writeable
    two = explorers.hidden_step_run(0, 2, 0.25)
    np.testing.assert_array_equal(two.W1, hidden_history(0, 2, 0.25).W1)
    assert not two.W1.flags.writeable and not two.W2.flags.writeable
    assert explorers.step_run.cache_info().maxsize <= 16
    assert explorers.hidden_step_run.cache_info().maxsize <= 8


# --- what a move sends ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["StepExplorer", "HiddenStepExplorer"])
def test_line_row_and_iterations_within_a_block_send_no_new_data(kind, monkeypatch):
    explorer = getattr(explorers, kind)(iterations=20)
    sent, data = Sent(explorer), explorer.data
    monkeypatch.setattr(explorers, "step_run", lambda *a: pytest.fail("retrained"))
    monkeypatch.setattr(explorers, "hidden_step_run", lambda *a: pytest.fail("retrained"))
    high = explorer.CONTROLS["line"].high
    for line in range(high + 1):
        front_end(explorer, line=line)
    for row in range(4):
        front_end(explorer, row=row)
    for iterations in range(21, 30):  # Next step, nine times
        front_end(explorer, iterations=iterations)
    explorer.set(line=1, row=0, iterations=25)
    assert explorer.data is data and explorer.error == ""
    updates = sent.updates()
    assert updates and not any("data" in state for state in updates)
    assert updates[-1]["values"]["iterations"] == 25 and explorer.values["line"] == 1


@pytest.mark.parametrize("kind, move", [
    ("StepExplorer", {"iterations": 30}), ("StepExplorer", {"iterations": 19}),
    ("StepExplorer", {"slope": "post"}), ("StepExplorer", {"learning_rate": 0.5}),
    ("StepExplorer", {"seed": 2}), ("HiddenStepExplorer", {"iterations": 30}),
    ("HiddenStepExplorer", {"n_hidden": 3}), ("HiddenStepExplorer", {"seed": 12}),
])
def test_another_block_or_run_sends_new_data_with_the_values_in_one_message(kind, move):
    explorer = getattr(explorers, kind)(iterations=20)
    sent = Sent(explorer)
    front_end(explorer, **move)
    (message, buffers), = [(m, b) for m, b in sent.messages if m["method"] == "update"]
    state = message["state"]
    assert "data" in state and len(buffers) == len(message["buffer_paths"]) >= 10
    assert explorer.data["first"] == explorer.values["iterations"] // 10 * 10


def test_next_step_across_a_block_boundary_and_to_the_last_iteration(steps):
    steps.set(seed=1, slope="true", learning_rate=1.0, iterations=9, line=2)
    sent = Sent(steps)
    steps.set(iterations=10)  # 9 -> 10: the next block
    (state,) = sent.updates()
    assert "data" in state and steps.data["first"] == 10 and steps.data["count"] == 10
    steps.set(iterations=10_000)
    assert (steps.data["first"], steps.data["count"]) == (10_000, 1)
    assert all(block_rows(steps, key).shape[0] == 1 for key in STEP_KEYS)
    run = history(1, "true", 1.0)
    np.testing.assert_array_equal(block_rows(steps, "weights")[0], run.weights[10_000])
    steps.set(iterations=9999)
    assert (steps.data["first"], steps.data["count"]) == (9990, 10)


# --- wrong values: one clear error naming the control --------------------------------------------

RATES = "0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0"
WRONG = [
    ("StepExplorer", {"iterations": 10_001}, ValueError,
     "iterations must be from 0 to 10000; got 10001"),
    ("StepExplorer", {"iterations": -1}, ValueError, "iterations must be from 0 to 10000; got -1"),
    ("StepExplorer", {"iterations": 5.0}, TypeError,
     "iterations must be a whole number from 0 to 10000; got 5.0"),
    ("StepExplorer", {"learning_rate": 0.2}, ValueError,
     f"learning_rate must be one of the slider's stops {RATES}; got 0.2"),
    ("StepExplorer", {"slope": "post_tanh"}, ValueError,
     "slope must be one of the menu's options 'post', 'true'; got 'post_tanh'"),
    ("StepExplorer", {"line": 5}, ValueError, "line must be from 0 to 4; got 5"),
    ("StepExplorer", {"line": "1"}, TypeError, "line must be a whole number from 0 to 4; got '1'"),
    ("StepExplorer", {"row": 4}, ValueError,
     "row must be one of the menu's options 0, 1, 2, 3; got 4"),
    ("StepExplorer", {"row": True}, ValueError,
     "row must be one of the menu's options 0, 1, 2, 3; got True"),
    ("StepExplorer", {"seed": 2**32}, ValueError,
     f"seed must be from 0 to {2**32 - 1}; got {2**32}"),
    ("StepExplorer", {"activation": "tanh"}, ValueError,
     "unknown control\\(s\\) \\['activation'\\]; expected some of "
     "\\['iterations', 'learning_rate', 'line', 'row', 'seed', 'slope'\\]"),
    ("HiddenStepExplorer", {"line": 8}, ValueError, "line must be from 0 to 7; got 8"),
    ("HiddenStepExplorer", {"line": None}, TypeError,
     "line must be a whole number from 0 to 7; got None"),
    ("HiddenStepExplorer", {"n_hidden": 9}, ValueError, "n_hidden must be from 1 to 8; got 9"),
    ("HiddenStepExplorer", {"learning_rate": 0.3}, ValueError,
     "learning_rate must be one of the slider's stops 0.03, 0.1, 0.25, 0.5, 1.0, 2.0; got 0.3"),
    ("HiddenStepExplorer", {"row": "1"}, ValueError,
     "row must be one of the menu's options 0, 1, 2, 3; got '1'"),
    ("HiddenStepExplorer", {"iterations": 10**6}, ValueError,
     "iterations must be from 0 to 10000; got 1000000"),
    ("HiddenStepExplorer", {"seed": -3}, ValueError, f"seed must be from 0 to {2**32 - 1}; got -3"),
]


@pytest.fixture(scope="module")
def pair(steps, hidden_steps):
    return {"StepExplorer": steps, "HiddenStepExplorer": hidden_steps}


@pytest.mark.parametrize("kind, setting, error, message", WRONG)
def test_a_wrong_value_in_set_raises_one_error_naming_the_control(pair, kind, setting, error,
                                                                  message):
    explorer = pair[kind]
    before, data = explorer.settings, explorer.data
    with pytest.raises(error, match=f"^{message}$") as excinfo:
        explorer.set(**setting)
    assert_plain(excinfo.value)
    assert explorer.values == before and explorer.data is data


@pytest.mark.parametrize("kind, setting, error, message", WRONG)
def test_a_wrong_value_from_the_front_end_is_the_error_trait_and_the_values_go_back(
        pair, kind, setting, error, message):
    explorer = pair[kind]
    before, data, alt = explorer.settings, explorer.data, explorer.alt
    sent = Sent(explorer)
    front_end(explorer, **setting)
    assert re.fullmatch(f"{message}\\.", explorer.error)
    assert explorer.values == before and explorer.data is data and explorer.alt == alt
    updates = sent.updates()
    assert updates[-1].get("values", before) == before and "error" in updates[-1]
    assert not any("data" in state for state in updates)
    front_end(explorer, line=1 if before["line"] != 1 else 2)  # a good move clears it
    assert explorer.error == ""
    explorer.set(**before)


@pytest.mark.parametrize("kind, setting, error, message", [
    case for case in WRONG if not case[3].startswith("unknown")])
def test_a_wrong_value_in_the_constructor_names_the_control(kind, setting, error, message):
    with pytest.raises(error, match=f"^{message}$"):
        getattr(explorers, kind)(**setting)


# --- sentences, headings and formulas at every line ----------------------------------------------


@pytest.mark.parametrize("seed, slope, learning_rate, iterations, row", [
    (1, "post", 1.0, 0, 2), (1, "true", 0.5, 13, 0), (42, "true", 2.0, 10_000, 3),
    (5, "post", 0.1, 777, 1),
])
def test_step_sentences_at_every_line_give_the_numbers_of_that_line(
        steps, seed, slope, learning_rate, iterations, row):
    w = history(seed, slope, learning_rate).weights[iterations]
    o = numpy_step(w, slope, learning_rate)
    name = {"post": "post's", "true": "true"}[slope]
    start = (f"Iteration {iterations} of seed {seed}, {name} slope, "
             f"learning rate {learning_rate!r}. ")
    said = [
        f"Before line 1 of 4: the weights w are {f4(o['w'])}; press Next to run line 1.",
        f"Line 1 of 4: y = tanh of X times w, shape 4 by 1; for row {row}, {o['y'][row]:.4f}.",
        f"Line 2 of 4: error = targets minus y, shape 4 by 1; for row {row}, "
        f"{o['error'][row]:.4f}.",
        f"Line 3 of 4: delta = error times the {name} slope at y, shape 4 by 1; for row {row}, "
        f"{o['delta'][row]:.4f}.",
        "Line 4 of 4: w plus learning rate times X transposed times delta, shape 3 by 1; "
        f"w becomes {f4(o['new_w'])}.",
    ]
    x = X[row].astype(int)
    slope_formula = (f"1 - tanh(4 × y[{row}]) = 1 - tanh(4 × ({o['y'][row]:.4f}))"
                     if slope == "post" else f"1 - y[{row}]**2 = 1 - ({o['y'][row]:.4f})**2")
    formulas = [
        "",
        f"z[{row}] = X[{row}] @ w = " + " + ".join(
            f"{x[i]} × ({o['w'][i]:.4f})" for i in range(3))
        + f" = {o['z'][row]:.4f}; y[{row}] = tanh({o['z'][row]:.4f}) = {o['y'][row]:.4f}",
        f"error[{row}] = targets[{row}] - y[{row}] = {int(T[row, 0])} - ({o['y'][row]:.4f}) = "
        f"{o['error'][row]:.4f}",
        f"slope[{row}] = {slope_formula} = {o['slope'][row]:.4f}; delta[{row}] = error[{row}] × "
        f"slope[{row}] = {o['error'][row]:.4f} × {o['slope'][row]:.4f} = {o['delta'][row]:.4f}",
        f"update = {learning_rate!r} × X.T @ delta = [{f4(o['update'])}], to which row {row} adds "
        f"{learning_rate!r} × {o['delta'][row]:.4f} × [{x[0]}, {x[1]}, {x[2]}]; "
        f"w = [{f4(o['w'])}] + update = [{f4(o['new_w'])}]",
    ]
    for line in range(5):
        steps.set(seed=seed, slope=slope, learning_rate=learning_rate, iterations=iterations,
                  row=row, line=line)
        assert steps.alt == start + said[line], line
        assert steps.heading == f"Iteration {iterations}, line {line} of 4; mean squared error {o['mse']:.2g}"
        assert steps.formula == formulas[line], line
        _, snapshot_like = steps.describe(steps.values, steps._numbers)
        assert snapshot_like == steps.alt


@pytest.mark.parametrize("seed, n_hidden, learning_rate, iterations, row", [
    (0, 2, 0.25, 0, 1), (12, 2, 0.25, 10_000, 3), (5, 1, 1.0, 41, 0), (3, 3, 0.1, 2024, 2),
])
def test_hidden_step_sentences_at_every_line_give_the_numbers_of_that_line(
        hidden_steps, seed, n_hidden, learning_rate, iterations, row):
    run = hidden_history(seed, n_hidden, learning_rate)
    W1, W2 = run.W1[iterations], run.W2[iterations]
    o, H = numpy_hidden_step(W1, W2, learning_rate), n_hidden
    units = "1 hidden unit" if H == 1 else f"{H} hidden units"
    start = f"Iteration {iterations} of seed {seed}, {units}, learning rate {learning_rate!r}. "
    said = [
        f"Before line 1 of 7: W1 is {f4(W1)} (row by row) and W2 is {f4(W2)}; press Next to run "
        "line 1.",
        f"Line 1 of 7: h = tanh of X times W1, shape 4 by {H}; for row {row}, {f4(o['h'][row])}.",
        "Line 2 of 7: y = tanh of h with a column of ones times W2, shape 4 by 1; for row "
        f"{row}, {o['y'][row]:.4f}.",
        f"Line 3 of 7: error = targets minus y, shape 4 by 1; for row {row}, "
        f"{o['error'][row]:.4f}.",
        f"Line 4 of 7: delta2 = error times the slope at y, shape 4 by 1; for row {row}, "
        f"{o['delta2'][row]:.4f}.",
        "Line 5 of 7: delta1 = delta2 sent back through W2, times the slope at h, shape 4 by "
        f"{H}; for row {row}, {f4(o['delta1'][row])}.",
        "Line 6 of 7: W2 plus learning rate times h with ones, transposed, times delta2, shape "
        f"{H + 1} by 1; W2 becomes {f4(o['new_W2'])}.",
        "Line 7 of 7: W1 plus learning rate times X transposed times delta1, shape 3 by "
        f"{H}; W1 becomes {f4(o['new_W1'])}, row by row.",
    ]
    t = int(XOR_T[row, 0])
    formulas = {
        1: f"z1[{row}] = X[{row}] @ W1 = [{f4(o['z1'][row])}]; h[{row}] = tanh(z1[{row}]) = "
           f"[{f4(o['h'][row])}]",
        2: f"z2[{row}] = [h[{row}], 1] @ W2 = {o['z2'][row]:.4f}; y[{row}] = "
           f"tanh({o['z2'][row]:.4f}) = {o['y'][row]:.4f}",
        5: f"delta2[{row}] × W2[:-1].T = {o['delta2'][row]:.4f} × [{f4(W2[:-1])}] = "
           f"[{f4(o['back'][row])}]; times 1 - h[{row}]**2 = [{f4(o['slope1'][row])}] gives "
           f"delta1[{row}] = [{f4(o['delta1'][row])}]",
        6: f"update = {learning_rate!r} × [h, 1].T @ delta2 = [{f4(o['dW2'])}]; "
           f"W2 = [{f4(W2)}] + update = [{f4(o['new_W2'])}]",
        3: f"error[{row}] = targets[{row}] - y[{row}] = {t} - ({o['y'][row]:.4f}) = "
           f"{o['error'][row]:.4f}",
        4: f"delta2[{row}] = error[{row}] × (1 - y[{row}]**2) = {o['error'][row]:.4f} × "
           f"{o['slope2'][row]:.4f} = {o['delta2'][row]:.4f}",
        7: f"update = {learning_rate!r} × X.T @ delta1 = [{f4(o['dW1'])}], to which row {row} "
           f"adds {learning_rate!r} × X[{row}] × delta1[{row}]; W1 = W1 + update = "
           f"[{f4(o['new_W1'])}]",
    }
    for line in range(8):
        hidden_steps.set(seed=seed, n_hidden=n_hidden, learning_rate=learning_rate,
                         iterations=iterations, row=row, line=line)
        assert hidden_steps.alt == start + said[line], line
        assert hidden_steps.heading == (
            f"Iteration {iterations}, line {line} of 7; mean squared error {o['mse']:.2g}")
        assert hidden_steps.formula == formulas.get(line, ""), line


def test_every_line_fills_its_code_formula_and_sentence_from_the_fields():
    """Every template of TEXT.step and TEXT.hidden_step fills with the explorers' own fields."""
    for explorer in (explorers.StepExplorer(iterations=3),
                     explorers.HiddenStepExplorer(n_hidden=3)):
        fields = explorer.fields(explorer.values, explorer._numbers)
        for line in TEXT[explorer.NAME]["lines"]:
            for key in ("code", "formula", "spoken"):
                assert "{" not in fill(line[key], **fields)
        assert "{" not in explorer.reproduce()


def test_the_slope_changes_only_the_slope_line(steps):
    """The chapter's comparison: the post's and the true slope differ at line 3 only."""
    steps.set(seed=1, learning_rate=1.0, iterations=0, row=2, slope="post")
    post = steps.code_lines(steps.values)
    true = steps.code_lines({**steps.values, "slope": "true"})
    assert [a == b for a, b in zip(post, true)] == [True, True, False, True]
    assert post[2] == "delta = error * (1 - np.tanh(4 * y))"
    assert true[2] == "delta = error * (1 - y**2)"


# --- reproduce: the code prints the numbers the explorer shows -----------------------------------


def run_code(code: str) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "<reproduce>", "exec"), {})
    return printed.getvalue()


@pytest.mark.parametrize("setting", [
    {}, {"seed": 7, "slope": "true", "learning_rate": 0.5, "iterations": 123, "row": 0},
    {"seed": 4_294_967_295, "slope": "post", "learning_rate": 0.03, "iterations": 10_000},
])
def test_the_step_reproduce_code_prints_the_arrays_shown(steps, setting):
    steps.set(**{**explorers.StepExplorer().settings, **setting})
    code = steps.reproduce()
    assert max(len(line) for line in code.splitlines()) <= 79
    printed = dict(line.split(" ", 1) for line in run_code(code).splitlines())
    assert list(printed) == ["output", "error", "slope", "delta", "update", "new_weights"]
    j = steps.values["iterations"] - steps.data["first"]
    for name, text in printed.items():
        np.testing.assert_array_equal(numbers_in(text), np.round(block_rows(steps, name)[j], 4))
    row = steps.values["row"]
    steps.set(line=3)  # the sentence says the printed delta of the chosen row
    assert steps.alt.endswith(f"for row {row}, {numbers_in(printed['delta'])[row]:.4f}.")


@pytest.mark.parametrize("setting", [
    {}, {"seed": 12, "n_hidden": 3, "iterations": 77, "learning_rate": 0.5},
    {"seed": 99, "n_hidden": 8, "iterations": 10_000, "learning_rate": 0.03},
])
def test_the_hidden_step_reproduce_code_prints_the_arrays_shown(hidden_steps, setting):
    hidden_steps.set(**{**explorers.HiddenStepExplorer().settings, **setting})
    code = hidden_steps.reproduce()
    assert max(len(line) for line in code.splitlines()) <= 79
    printed = run_code(code)
    parts = re.split(r"^(hidden|output|delta2|delta1|dW2|dW1) ", printed, flags=re.M)[1:]
    shown = dict(zip(parts[::2], parts[1::2]))
    assert list(shown) == ["hidden", "output", "delta2", "delta1", "dW2", "dW1"]
    j = hidden_steps.values["iterations"] - hidden_steps.data["first"]
    for name, text in shown.items():
        np.testing.assert_array_equal(numbers_in(text),
                                      np.round(block_rows(hidden_steps, name)[j], 4))


# --- a run that diverges -------------------------------------------------------------------------


def test_no_setting_of_the_controls_diverges():
    """The outputs are tanh's, so every update is bounded (|X| <= 1, rate <= 2): no run of the
    controls can overflow in 10,000 steps. The diverged path is tested with a patched run below;
    here the most violent settings stay finite."""
    for slope in ("post", "true"):
        assert np.isfinite(explorers.step_run(0, ACTIVATION[slope], 2.0).weights).all()
    assert np.isfinite(explorers.hidden_step_run(7, 8, 2.0).W1).all()


def diverging(*setting):
    """What the run's training raises for a run that blew up (helpers.train's own message)."""
    diverging_run()


@pytest.mark.parametrize("kind, cache", [("StepExplorer", "step_run"),
                                         ("HiddenStepExplorer", "hidden_step_run")])
def test_a_diverged_run_sends_its_message_and_empty_arrays(kind, cache, monkeypatch):
    explorer = getattr(explorers, kind)(iterations=15)
    monkeypatch.setattr(explorers, cache, diverging)
    explorer.set(seed=3)
    message = explorer.data["diverged"]
    assert message.startswith("training diverged") and "smaller learning_rate" in message
    keys = STEP_KEYS if kind == "StepExplorer" else tuple(HIDDEN_KEYS)
    assert all(array(explorer, key).size == 0 for key in (*keys, "step_mse", "mse"))
    assert (explorer.data["first"], explorer.data["count"]) == (10, 10)
    assert explorer.alt == f"Empty panels: this run diverged. {message}."
    assert explorer.heading == "This run diverged" and explorer.formula == ""
    assert explorer.step_arrays is None
    explorer.set(line=2)  # the stepper still moves, with nothing to show
    assert explorer.alt == f"Empty panels: this run diverged. {message}."
    monkeypatch.undo()
    explorer.set(seed=1)
    assert explorer.data["diverged"] == "" and array(explorer, "mse").size == R


@pytest.mark.parametrize("kind, cache", [("StepExplorer", "step_run"),
                                         ("HiddenStepExplorer", "hidden_step_run")])
def test_a_snapshot_of_a_diverged_run_has_the_listing_and_an_empty_panel(kind, cache,
                                                                         monkeypatch):
    monkeypatch.setattr(explorers, cache, diverging)
    explorer = getattr(explorers, kind)()
    assert explorer.snapshot.startswith(b"\x89PNG")
    assert explorer.snapshot_alt.startswith("Empty panels: this run diverged. training diverged")


# --- the snapshot and the output ------------------------------------------------------------------


@pytest.mark.parametrize("kind, lines", [("StepExplorer", 4), ("HiddenStepExplorer", 7)])
def test_the_snapshot_is_an_opaque_png_with_the_sentence_as_alt_text(kind, lines, monkeypatch):
    drawn = []
    real = explorers.plotting.step_snapshot
    monkeypatch.setattr(explorers.plotting, "step_snapshot", lambda *a: drawn.append(a) or real(*a))
    explorer = getattr(explorers, kind)(iterations=37, line=2)
    explorer.set(line=3, iterations=500)  # later moves do not change the snapshot
    bundle = explorer._repr_mimebundle_()
    html = bundle["text/html"]
    assert f'data-live-explorer="{explorer.NAME}"' in html
    assert "<code" not in html and "JavaScript" not in html  # no site-only text
    mount = mount_point(explorer)
    assert mount["values"] == {**explorer.values, "line": 2, "iterations": 37}
    assert mount["alt"] == explorer.snapshot_alt and mount["alt"].startswith("Iteration 37 of seed")
    assert f"Line 2 of {lines}: " in mount["alt"]
    image = Image.open(io.BytesIO(explorer.snapshot))
    assert image.format == "PNG" and image.size[0] == 400  # 5 inches at 80 dpi: a phone's width
    assert np.asarray(image.convert("RGBA"))[..., 3].min() == 255
    assert explorer._repr_mimebundle_()["text/html"] == html and len(drawn) == 1
    code, line, steps, mse, iterations, current, title, notes = drawn[0]
    assert (line, iterations) == (2, 37) and len(code) == lines
    assert title.startswith("Iteration 37, line 2 of ")
    np.testing.assert_array_equal(steps, explorers.RECORDED)
    assert current == explorer._snapshot_numbers["step_mse"][7]
    assert (notes is None) is (kind == "HiddenStepExplorer")
    assert bundle["text/plain"].startswith(f"{kind}(seed=")

"""The explorers as Jupyter widgets: the numbers they send are what helpers computes for those settings.

Each explorer is an anywidget whose front end draws from ``data``; here the kernel's side is
driven headlessly, through ``set`` and through ``set_state`` (what a message from the front end
calls), and every number is compared with an independent computation with helpers.
"""

import base64
import contextlib
import io
import json
import math
import re
import traceback
from html.parser import HTMLParser

import numpy as np
import pytest
from PIL import Image

import helpers
from helpers import _validate, explorers, hidden, network
from helpers.explorer_text import TEXT, fill

R = len(explorers.RECORDED)


def trained(seed, activation, learning_rate, scheme, iterations=explorers.ITERATION_STOPS[-1]):
    weights = helpers.initial_weights(seed, scheme)
    return helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, activation, iterations, learning_rate)


def trained_hidden(seed, n_hidden, activation, learning_rate, iterations=explorers.ITERATION_STOPS[-1]):
    W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
    return hidden.train_hidden(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, activation, iterations, learning_rate)


def array(explorer, key) -> np.ndarray:
    """One of the explorer's buffers as the front end reads it: little-endian float64."""
    buffer = explorer.data[key]
    assert isinstance(buffer, memoryview) and buffer.c_contiguous
    return np.frombuffer(buffer, dtype="<f8")


class Sent:
    """The messages a widget sends to its front end, caught on their way out."""

    def __init__(self, explorer):
        self.messages = []
        explorer._send = lambda msg, buffers=None: self.messages.append((msg, buffers or []))

    def updates(self) -> list[dict]:
        found = [msg["state"] for msg, _ in self.messages if msg["method"] == "update"]
        self.messages.clear()
        return found


def front_end(explorer, **moved):
    """The front end moves controls: it sends every value, as the renderer does."""
    explorer.set_state({"values": {**explorer.values, **moved}})


@pytest.fixture(scope="module")
def training():
    return explorers.TrainingExplorer()


@pytest.fixture(scope="module")
def seeds():
    return explorers.SeedExplorer()


@pytest.fixture(scope="module")
def activations():
    return explorers.ActivationExplorer()


@pytest.fixture(scope="module")
def predictions():
    return explorers.PredictionExplorer()


@pytest.fixture(scope="module")
def hiddens():
    return explorers.HiddenExplorer()


@pytest.fixture(scope="module")
def shared(training, seeds, activations, predictions, hiddens):
    """The shared explorer of each kind, by class name."""
    return {type(e).__name__: e for e in (training, seeds, activations, predictions, hiddens)}


# First in the file, so that mutmut maps the explorers' constructors (run once, in the shared fixtures)
# to this test: what every explorer holds before anybody moves anything.
def test_each_explorer_starts_at_its_defaults_with_its_traits(shared):
    expected = {
        "TrainingExplorer": ("training", {"seed": 1, "iterations": 10_000, "activation": "post_tanh",
                                          "learning_rate": 1.0, "scheme": "post"}),
        "SeedExplorer": ("seed", {"seed": 1, "scheme": "post"}),
        "ActivationExplorer": ("activation", {"activation": "tanh", "z": 0.5}),
        "PredictionExplorer": ("prediction", {"x1": 1.0, "x2": 1.0, "x3": 0.0}),
        "HiddenExplorer": ("hidden", {"seed": 0, "n_hidden": 4, "iterations": 10_000, "activation": "tanh",
                                      "learning_rate": 0.25}),
    }
    for kind, (name, values) in expected.items():
        explorer = shared[kind]
        assert (explorer.name, explorer.values, explorer.error) == (name, values, ""), kind
        assert explorer.settings == values and explorer.settings is not explorer.values
        assert explorer.snapshot_values == values
        assert explorer.controls == explorer.site_controls()
        assert {"name", "controls", "constants", "values", "data", "error"} <= set(explorer.keys)
        assert explorer._esm.endswith("\n") and "render" in explorer._esm  # the renderer's module, read from the file
    assert shared["TrainingExplorer"].snapshot_alt.startswith(
        "Three panels for seed 1, activation post_tanh, learning rate 1.0 and post initial weights. ")
    assert shared["HiddenExplorer"].snapshot_alt.endswith(
        "Solves XOR after 10000 steps: every output is on its target's side of 0.5.")


def test_settings_is_a_copy_of_the_values(seeds):
    settings = seeds.settings
    settings["seed"] = 50
    assert seeds.values["seed"] != 50 or seeds.settings is not settings


# --- data: what helpers computes, in the contract's shapes --------------------------------------


@pytest.mark.parametrize("seed, activation, learning_rate, scheme, iterations", [
    (1, "post_tanh", 1.0, "post", 10_000), (3, "tanh", 0.5, "uniform", 100), (4, "sigmoid", 0.3, "glorot", 50),
    (7, "tanh", 2.0, "uniform", 3), (99, "relu", 0.5, "post", 0),
])
def test_training_data_is_helpers_train_at_the_recorded_steps(training, seed, activation, learning_rate, scheme,
                                                             iterations):
    training.set(seed=seed, activation=activation, learning_rate=learning_rate, scheme=scheme, iterations=iterations)
    history = trained(seed, activation, learning_rate, scheme)
    steps = explorers.RECORDED
    assert set(explorers.ITERATION_STOPS) <= set(steps) and R < 400 and training.constants["recorded"] == steps.tolist()
    np.testing.assert_array_equal(array(training, "mse"), history.mean_squared_error[steps])
    np.testing.assert_array_equal(array(training, "weights").reshape(R, 3), history.weights[steps])
    outputs = array(training, "outputs").reshape(R, 7)
    for k in (0, 1, R // 2, R - 1):
        expected = helpers.predict(explorers.EXAMPLE_INPUTS, history.weights[steps[k]][:, None], activation)
        np.testing.assert_allclose(outputs[k], expected.ravel(), rtol=1e-12, atol=1e-15)
    assert training.data["diverged"] == ""
    weights, mse = history.weights[iterations], history.mean_squared_error[iterations]
    expected_outputs = helpers.predict(explorers.EXAMPLE_INPUTS, weights[:, None], activation).ravel()
    assert training.alt == (
        f"Three panels for seed {seed}, activation {activation}, learning rate {learning_rate!r} and {scheme} "
        f"initial weights. Error panel: the mean squared error over 10000 training steps, {mse:.2g} at step "
        f"{iterations}. Weights panel: the three weights over the same steps; at step {iterations} they are "
        f"{', '.join(f'{w:.2f}' for w in weights)}. Outputs panel: the outputs for the four training inputs and "
        f"the three unseen ones: {', '.join(f'{o:.2f}' for o in expected_outputs)}.")


def test_the_alt_text_gives_the_error_at_exactly_the_chosen_step(training):
    training.set(seed=3, activation="tanh", learning_rate=0.5, scheme="uniform")
    errors = trained(3, "tanh", 0.5, "uniform").mean_squared_error  # errors[k]: after k steps
    told_apart = 0
    for stop in (0, 1, 2, 3, 5, 10, 20, 100, 1000, 10_000):
        training.set(iterations=stop)
        assert f"{errors[stop]:.2g} at step {stop}." in training.alt
        if stop:  # does the step recorded just before show a different number?
            before = explorers.RECORDED[explorers.RECORDED < stop].max()
            told_apart += f"{errors[before]:.2g}" != f"{errors[stop]:.2g}"
    assert told_apart >= 2  # so reading one recorded step early fails this test


@pytest.mark.parametrize("seed, activation, learning_rate, scheme", [
    (1, "post_tanh", 1.0, "post"), (7, "tanh", 2.0, "uniform"), (3, "sigmoid", 0.1, "glorot"),
    (99, "relu", 0.5, "post"),
])
def test_a_run_is_helpers_train_to_the_last_bit(seed, activation, learning_rate, scheme):
    # tanh at rate 2 is chaotic: only the very same arithmetic gives the same numbers.
    run = explorers.training_run(seed, activation, learning_rate, scheme)
    history = trained(seed, activation, learning_rate, scheme)
    np.testing.assert_array_equal(run.steps, explorers.RECORDED)
    np.testing.assert_array_equal(run.weights, history.weights[explorers.RECORDED])
    np.testing.assert_array_equal(run.mean_squared_error, history.mean_squared_error[explorers.RECORDED])
    assert not run.weights.flags.writeable and not run.mean_squared_error.flags.writeable
    info = explorers.training_run.cache_info()
    assert info.maxsize is not None and info.currsize <= info.maxsize <= 64  # bounded: ~10 KB a run


@pytest.mark.parametrize("activation, z", [("tanh", 0.5), ("sigmoid", -1.2), ("relu", -2.0), ("relu", 4.0)])
def test_activation_data_is_the_curve_its_slope_and_the_point(activations, activation, z):
    activations.set(activation=activation, z=z)
    grid = np.linspace(-4, 4, 401)
    f = helpers.get_activation(activation).function
    np.testing.assert_array_equal(array(activations, "f"), f(grid))
    np.testing.assert_array_equal(array(activations, "slope"), helpers.derivative(activation, grid))
    y, slope = float(f(z)), float(helpers.derivative(activation, z))
    assert (activations.data["y"], activations.data["slope_at"]) == (y, slope)
    constants = activations.constants
    assert (constants["grid_low"], constants["grid_high"], constants["grid_count"]) == (-4, 4, 401)
    assert constants["y_limits"][activation][0] <= min(y, 0) and y <= constants["y_limits"][activation][1]
    assert activations.alt == (f"Activation panel: the {activation} curve with its tangent line at input {z:.1f}, "
                               f"where the output is {y:.3f} and the slope is {slope:.3f}. Slope panel: the slope of "
                               f"{activation} at every input, with the point at {z:.1f} marked.")


@pytest.mark.parametrize("seed, scheme", [(1, "post"), (17, "glorot"), (0, "uniform")])
def test_seed_data_is_the_starting_weights(seeds, seed, scheme):
    seeds.set(seed=seed, scheme=scheme)
    weights = helpers.initial_weights(seed, scheme).ravel()
    np.testing.assert_array_equal(array(seeds, "weights"), weights)
    assert seeds.alt == (f"Bar chart of the three starting weights for seed {seed} with the {scheme} scheme: "
                         + ", ".join(f"{w:.3f}" for w in weights) + ".")


@pytest.mark.parametrize("x", [(1.0, 1.0, 0.0), (0.5, -1.0, 1.0), (-1.0, 2.0, 0.3)])
def test_prediction_data_is_both_networks_sum_and_output(predictions, x):
    predictions.set(x1=x[0], x2=x[1], x3=x[2])
    z, outputs, parts = [], [], []
    for label, (activation, rate) in explorers.PredictionExplorer.MODELS.items():
        weights = trained(1, activation, rate, "post").final_weights
        z.append(float(np.array(x) @ weights[:, 0]))
        outputs.append(float(helpers.predict(list(x), weights, activation)[0]))
        parts.append(f"the {label} gives weighted sum {z[-1]:.2f} and output {outputs[-1]:.3f}")
    np.testing.assert_array_equal(array(predictions, "z"), z)
    np.testing.assert_array_equal(array(predictions, "outputs"), outputs)
    assert predictions.alt == (f"For the input [{x[0]:.1f}, {x[1]:.1f}, {x[2]:.1f}], " + "; ".join(parts)
                               + ". A dashed line marks 0.5.")
    assert [m["label"] for m in predictions.constants["models"]] == ["post's network", "corrected network"]


@pytest.mark.parametrize("seed, n_hidden, activation, learning_rate, iterations", [
    (0, 2, "tanh", 0.25, 10_000), (12, 2, "tanh", 0.25, 300), (5, 4, "sigmoid", 1.0, 2000), (3, 8, "relu", 0.1, 50),
    (7, 1, "tanh", 2.0, 5),
])
def test_hidden_data_is_helpers_train_hidden(hiddens, seed, n_hidden, activation, learning_rate, iterations):
    hiddens.set(seed=seed, n_hidden=n_hidden, activation=activation, learning_rate=learning_rate, iterations=iterations)
    history = trained_hidden(seed, n_hidden, activation, learning_rate)
    steps, H = explorers.RECORDED, n_hidden
    np.testing.assert_array_equal(array(hiddens, "mse"), history.mean_squared_error[steps])
    np.testing.assert_array_equal(array(hiddens, "W1").reshape(R, 3, H), history.W1[steps])
    np.testing.assert_array_equal(array(hiddens, "W2").reshape(R, H + 1), history.W2[steps][:, :, 0])
    outputs, solved = array(hiddens, "outputs").reshape(R, 4), array(hiddens, "solved")
    for k in range(0, R, 37):
        W1, W2 = history.W1[steps[k]], history.W2[steps[k]]
        np.testing.assert_array_equal(outputs[k], hidden.forward(hidden.XOR_INPUTS, W1, W2, activation)[1].ravel())
        assert solved[k] == float(hidden.solves(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, activation))
    W1, W2 = history.W1[iterations], history.W2[iterations]
    shown = hidden.forward(hidden.XOR_INPUTS, W1, W2, activation)[1].ravel()
    mse = history.mean_squared_error[iterations]
    assert f"{mse:.2g} at step {iterations}." in hiddens.alt
    assert f"targets 0, 1, 1, 0: {', '.join(f'{o:.2f}' for o in shown)}." in hiddens.alt
    units = "1 hidden unit" if n_hidden == 1 else f"{n_hidden} hidden units"
    assert hiddens.alt.startswith(f"Three panels for seed {seed}, {units}, activation {activation} ")
    if hidden.solves(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, activation):
        assert hiddens.alt.endswith(
            f"Solves XOR after {iterations} steps: every output is on its target's side of 0.5.")
    else:
        wrong = [label for label, y, t in zip(explorers.XOR_LABELS, shown, [0, 1, 1, 0])
                 if y == 0.5 or (y > 0.5) != (t > 0.5)]
        assert wrong and hiddens.alt.endswith(f"Does not solve XOR after {iterations} steps: the outputs for "
                                              f"{', '.join(wrong)} are on the wrong side of 0.5.")


def test_the_hidden_explorer_says_when_a_run_does_not_solve_xor(hiddens):
    # The chapter's stuck run.
    hiddens.set(seed=12, n_hidden=2, activation="tanh", learning_rate=0.25, iterations=10_000)
    assert hiddens.alt.endswith("Does not solve XOR after 10000 steps: the outputs for [0, 1, 1], [1, 1, 1] are on "
                                "the wrong side of 0.5.")
    assert array(hiddens, "solved")[-1] == 0.0


def test_a_hidden_run_is_train_hidden_to_the_last_bit():
    run = explorers.hidden_run(3, 4, "sigmoid", 0.5)
    history = trained_hidden(3, 4, "sigmoid", 0.5)
    np.testing.assert_array_equal(run.W1, history.W1[explorers.RECORDED])
    np.testing.assert_array_equal(run.W2, history.W2[explorers.RECORDED])
    np.testing.assert_array_equal(run.mean_squared_error, history.mean_squared_error[explorers.RECORDED])
    assert not run.W1.flags.writeable and not run.solved.flags.writeable
    assert explorers.hidden_run.cache_info().maxsize <= 32


def test_the_constants_hold_exactly_what_the_renderer_reads(shared):
    common = {"colours": helpers.plotting.OKABE_ITO, "iteration_stops": list(explorers.ITERATION_STOPS)}
    labels = ["[0, 0, 1]", "[0, 1, 1]", "[1, 0, 1]", "[1, 1, 1]", "[1, 1, 0]", "[0, 1, 0]", "[1, 0, 0]"]
    recorded, ladder = explorers.RECORDED.tolist(), [1.1, 2.2, 5.5, 11.0, 22.0, 55.0, 110.0, 220.0, 550.0, 1100.0]
    weight_names = ["w1 (first input)", "w2 (second input)", "w3 (bias input)"]
    expected = {
        "TrainingExplorer": {"recorded": recorded, "ladder": ladder, "weight_names": weight_names,
                             "example_labels": labels, "targets": [0, 0, 1, 1]},
        "ActivationExplorer": {"y_limits": {"tanh": [-1.2, 1.2], "sigmoid": [-1.2, 1.2], "relu": [-0.5, 4.2]},
                               "grid_low": -4, "grid_high": 4, "grid_count": 401},
        "SeedExplorer": {"weight_names": weight_names},
        "PredictionExplorer": {"models": [
            {"label": "post's network", "activation": "post_tanh", "learning_rate": 1.0},
            {"label": "corrected network", "activation": "tanh", "learning_rate": 0.5}],
            "seed": 1, "scheme": "post", "iterations": 10_000},
        "HiddenExplorer": {"recorded": recorded, "ladder": ladder, "example_labels": labels[:4],
                           "targets": [0, 1, 1, 0], "square": [-0.25, 1.25], "max_hidden": 8},
    }
    for kind, more in expected.items():
        constants = shared[kind].constants
        assert constants == {**common, **more}, kind
        assert json.loads(json.dumps(constants)) == constants  # plain JSON: no NumPy numbers


# --- moving controls: from code and from the front end -----------------------------------------


def test_moving_iterations_sends_no_new_data_and_never_retrains(training, monkeypatch):
    training.set(seed=1, activation="post_tanh", learning_rate=1.0, scheme="post", iterations=10_000)
    sent, data = Sent(training), training.data
    monkeypatch.setattr(explorers, "training_run", lambda *setting: pytest.fail("retrained"))
    for stop in explorers.ITERATION_STOPS:
        front_end(training, iterations=stop)  # as a reader drags the slider
        assert training.values["iterations"] == stop and training.data is data
    training.set(iterations=100)
    updates = sent.updates()
    assert updates and all("data" not in state for state in updates)
    # The front end's own values are not sent back to it; the value set from Python is.
    assert [state["values"]["iterations"] for state in updates] == [100]


def test_a_new_run_sends_its_arrays_as_binary_buffers_once(training):
    training.set(seed=1, activation="post_tanh", learning_rate=1.0, scheme="post", iterations=10_000)
    sent = Sent(training)
    front_end(training, seed=2)
    (message, buffers), = [(m, b) for m, b in sent.messages if m["method"] == "update"]
    assert message["state"]["data"] == {"diverged": ""} and "values" not in message["state"]
    assert message["buffer_paths"] == [["data", "mse"], ["data", "weights"], ["data", "outputs"]]
    mse = np.frombuffer(bytes(buffers[0]), dtype="<f8")
    np.testing.assert_array_equal(mse, trained(2, "post_tanh", 1.0, "post").mean_squared_error[explorers.RECORDED])
    assert [len(bytes(b)) for b in buffers] == [8 * R, 8 * R * 3, 8 * R * 7]


def test_set_sends_values_and_data_in_one_message(seeds):
    seeds.set(seed=1, scheme="post")
    sent = Sent(seeds)
    seeds.set(seed=4, scheme="glorot")
    (state,) = sent.updates()
    assert state["values"] == {"seed": 4, "scheme": "glorot"} and "data" in state
    seeds.set(seed=4)  # nothing changes: nothing is sent
    assert sent.updates() == []


def test_front_end_values_are_stored_as_the_controls_own_types(training, predictions):
    training.set(learning_rate=2.0, seed=1)
    front_end(training, learning_rate=1, seed=3)  # JSON's 1 for the rate 1.0
    assert training.values["learning_rate"] == 1.0 and type(training.values["learning_rate"]) is float
    assert type(training.values["seed"]) is int and training.error == ""
    front_end(predictions, x1=2, x2=-1, x3=0)
    assert predictions.values == {"x1": 2.0, "x2": -1.0, "x3": 0.0}
    assert all(type(value) is float for value in predictions.values.values())
    explorer = explorers.TrainingExplorer(seed=np.int64(3), iterations=np.int64(100), learning_rate=1)
    assert explorer.values == {"seed": 3, "iterations": 100, "activation": "post_tanh", "learning_rate": 1.0,
                               "scheme": "post"}
    assert [type(v) for v in explorer.values.values()] == [int, int, str, float, str]


def test_a_partial_front_end_change_keeps_the_other_values(seeds):
    seeds.set(seed=5, scheme="uniform")
    seeds.set_state({"values": {"seed": 6}})
    assert seeds.values == {"seed": 6, "scheme": "uniform"}
    np.testing.assert_array_equal(array(seeds, "weights"), helpers.initial_weights(6, "uniform").ravel())


STOPS = "0, 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000"
RATES = "0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0"
ACTIVATIONS = "'tanh', 'sigmoid', 'relu', 'post_tanh'"
SCHEMES = "'post', 'uniform', 'glorot'"
HIDDEN_RATES = "0.03, 0.1, 0.25, 0.5, 1.0, 2.0"
WRONG_SETTINGS = [
    # (explorer, wrong setting, error, the message names the control and what it accepts)
    ("TrainingExplorer", {"activation": "Tanh"}, ValueError,
     f"activation must be one of the menu's options {ACTIVATIONS}; got 'Tanh'"),
    ("TrainingExplorer", {"iterations": 7}, ValueError,
     f"iterations must be one of the slider's stops {STOPS}; got 7"),
    ("TrainingExplorer", {"iterations": True}, ValueError,
     f"iterations must be one of the slider's stops {STOPS}; got True"),
    ("TrainingExplorer", {"iterations": [1]}, ValueError,
     f"iterations must be one of the slider's stops {STOPS}; got \\[1\\]"),
    ("TrainingExplorer", {"learning_rate": 0.2}, ValueError,
     f"learning_rate must be one of the slider's stops {RATES}; got 0.2"),
    ("TrainingExplorer", {"learning_rate": "1.0"}, ValueError,
     f"learning_rate must be one of the slider's stops {RATES}; got '1.0'"),
    ("TrainingExplorer", {"scheme": "Post"}, ValueError,
     f"scheme must be one of the menu's options {SCHEMES}; got 'Post'"),
    ("TrainingExplorer", {"seed": 2**32}, ValueError, f"seed must be from 0 to {2**32 - 1}; got {2**32}"),
    ("TrainingExplorer", {"seed": -1}, ValueError, f"seed must be from 0 to {2**32 - 1}; got -1"),
    ("SeedExplorer", {"seed": 2**40}, ValueError, f"seed must be from 0 to {2**32 - 1}; got {2**40}"),
    ("SeedExplorer", {"seed": "1"}, TypeError, f"seed must be a whole number from 0 to {2**32 - 1}; got '1'"),
    ("SeedExplorer", {"seed": 1.0}, TypeError, f"seed must be a whole number from 0 to {2**32 - 1}; got 1.0"),
    ("SeedExplorer", {"seed": True}, TypeError,
     f"seed must be a whole number from 0 to {2**32 - 1}; got True"),
    ("SeedExplorer", {"seed": None}, TypeError,
     f"seed must be a whole number from 0 to {2**32 - 1}; got None"),
    ("SeedExplorer", {"scheme": "Post"}, ValueError,
     f"scheme must be one of the menu's options {SCHEMES}; got 'Post'"),
    ("SeedExplorer", {"speed": 3}, ValueError,
     "unknown control\\(s\\) \\['speed'\\]; expected some of \\['scheme', 'seed'\\]"),
    ("ActivationExplorer", {"activation": "post_tanh"}, ValueError,
     "activation must be one of the menu's options 'tanh', 'sigmoid', 'relu'; got 'post_tanh'"),
    ("ActivationExplorer", {"z": 100}, ValueError, "z must be a number from -4.0 to 4.0; got 100"),
    ("ActivationExplorer", {"z": 0.55}, ValueError, "z must be on the slider's steps of 0.1 from -4.0; got 0.55"),
    ("PredictionExplorer", {"x2": 1.0001}, ValueError,
     "x2 must be on the slider's steps of 0.1 from -1.0; got 1.0001"),
    ("ActivationExplorer", {"z": -4.1}, ValueError,
     "z must be a number from -4.0 to 4.0; got -4.1"),
    ("ActivationExplorer", {"z": math.nan}, ValueError,
     "z must be a number from -4.0 to 4.0; got nan"),
    ("ActivationExplorer", {"z": math.inf}, ValueError,
     "z must be a number from -4.0 to 4.0; got inf"),
    ("ActivationExplorer", {"z": "0.5"}, TypeError,
     "z must be a number from -4.0 to 4.0; got '0.5'"),
    ("ActivationExplorer", {"z": False}, TypeError,
     "z must be a number from -4.0 to 4.0; got False"),
    ("PredictionExplorer", {"x1": 5}, ValueError, "x1 must be a number from -1.0 to 2.0; got 5"),
    ("PredictionExplorer", {"x2": -math.inf}, ValueError,
     "x2 must be a number from -1.0 to 2.0; got -inf"),
    ("PredictionExplorer", {"x3": None}, TypeError,
     "x3 must be a number from -1.0 to 2.0; got None"),
    ("HiddenExplorer", {"n_hidden": 0}, ValueError, "n_hidden must be from 1 to 8; got 0"),
    ("HiddenExplorer", {"n_hidden": 9}, ValueError, "n_hidden must be from 1 to 8; got 9"),
    ("HiddenExplorer", {"n_hidden": 2.0}, TypeError,
     "n_hidden must be a whole number from 1 to 8; got 2.0"),
    ("HiddenExplorer", {"activation": "post_tanh"}, ValueError,
     "activation must be one of the menu's options 'tanh', 'sigmoid', 'relu'; got 'post_tanh'"),
    ("HiddenExplorer", {"learning_rate": 0.3}, ValueError,
     f"learning_rate must be one of the slider's stops {HIDDEN_RATES}; got 0.3"),
    ("HiddenExplorer", {"learning_rate": math.nan}, ValueError,
     f"learning_rate must be one of the slider's stops {HIDDEN_RATES}; got nan"),
    ("HiddenExplorer", {"iterations": 7}, ValueError,
     f"iterations must be one of the slider's stops {STOPS}; got 7"),
    ("HiddenExplorer", {"scheme": "post"}, ValueError,
     "unknown control\\(s\\) \\['scheme'\\]; expected some of "
     "\\['activation', 'iterations', 'learning_rate', 'n_hidden', 'seed'\\]"),
]


def assert_plain(error) -> None:
    """One error of our own: nothing chained to it, and no traitlets or ipywidgets frame on the way."""
    assert type(error) in (ValueError, TypeError)
    assert error.__cause__ is None and error.__context__ is None
    frames = traceback.extract_tb(error.__traceback__)
    assert not any("traitlets" in frame.filename or "ipywidgets" in frame.filename for frame in frames)


@pytest.mark.parametrize("name, setting, error, message", [
    case for case in WRONG_SETTINGS if not case[3].startswith("unknown")  # Python refuses an unknown keyword
])
def test_a_wrong_setting_in_the_constructor_names_the_control_and_what_it_accepts(name, setting, error, message):
    with pytest.raises(error, match=f"^{message}$") as excinfo:
        getattr(explorers, name)(**setting)
    assert_plain(excinfo.value)


@pytest.mark.parametrize("name, setting, error, message", WRONG_SETTINGS)
def test_a_wrong_setting_in_set_changes_nothing_and_names_the_control(shared, name, setting, error, message):
    explorer = shared[name]
    before, data = explorer.settings, explorer.data
    with pytest.raises(error, match=f"^{message}$") as excinfo:
        explorer.set(**setting)
    assert_plain(excinfo.value)
    assert explorer.values == before and explorer.data is data


@pytest.mark.parametrize("name, setting, error, message", WRONG_SETTINGS)
def test_a_wrong_value_from_the_front_end_is_one_sentence_and_changes_nothing(shared, name, setting, error, message):
    explorer = shared[name]
    before, data, alt = explorer.settings, explorer.data, explorer.alt
    sent = Sent(explorer)
    front_end(explorer, **setting)  # no exception into the kernel's log: the status line says it
    assert re.fullmatch(f"{message}\\.", explorer.error)
    assert explorer.values == before and explorer.data is data and explorer.alt == alt
    updates = sent.updates()
    # The controls go back (ipywidgets sends nothing when the front end's value is equal: True == 1).
    assert updates[-1] in ({"values": before, "error": explorer.error}, {"error": explorer.error})
    assert updates[-1].get("values", {**before, **setting}) == before
    assert not any("data" in state for state in updates)
    name, value = another_value(explorer)
    front_end(explorer, **{name: value})  # a good move: the sentence goes
    assert explorer.error == "" and explorer.values[name] == value
    explorer.set(**before)


def another_value(explorer):
    """The first control and a value it accepts other than its current one."""
    name, rule = next(iter(explorer.CONTROLS.items()))
    current = explorer.values[name]
    if isinstance(rule, explorers.Choice):
        return name, next(option for option in rule.options if option != current)
    return name, rule.low if current != rule.low else rule.high


def test_set_checks_every_value_before_moving_any_control(seeds):
    seeds.set(seed=4, scheme="post")
    with pytest.raises(ValueError, match="scheme must be one of"):
        seeds.set(seed=9, scheme="Post")
    assert seeds.values == {"seed": 4, "scheme": "post"}


# --- a run that diverges ------------------------------------------------------------------------


def diverging_run(*setting):
    """A run that blew up, reported as helpers.train reports it (no slider setting is known to diverge)."""
    steps = np.full((11, 3), np.inf)
    steps[:5] = 0.5
    _validate.check_finite_history(helpers.History(steps, np.zeros((11, 4)), "relu", 2.0), helpers.POST_INPUTS)


def test_a_diverging_run_sends_its_message_and_nothing_to_plot(monkeypatch):
    explorer = explorers.TrainingExplorer(seed=2, activation="tanh", learning_rate=2.0, scheme="uniform")
    monkeypatch.setattr(explorers, "training_run", diverging_run)
    explorer.set(activation="relu")
    message = explorer.data["diverged"]
    assert "diverged" in message and "smaller learning_rate" in message
    assert all(array(explorer, key).size == 0 for key in ("mse", "weights", "outputs"))
    assert explorer.alt == f"Empty panels: this run diverged. {message}."
    monkeypatch.undo()
    explorer.set(activation="tanh", learning_rate=1.0)  # and it recovers
    assert explorer.data["diverged"] == "" and array(explorer, "mse").size == R


def test_a_diverging_hidden_run_sends_its_message_and_nothing_to_plot(hiddens, monkeypatch):
    def diverging(seed, n_hidden, activation, learning_rate):
        return hidden.train_hidden([[1.0]], [[1e150]], [[1.0]], [[1.0], [1.0]], "relu", 3, 1.0)

    monkeypatch.setattr(explorers, "hidden_run", diverging)
    hiddens.set(seed=2, activation="relu", learning_rate=2.0)
    assert hiddens.data["diverged"].startswith("training diverged")
    assert all(array(hiddens, key).size == 0 for key in ("mse", "W1", "W2", "outputs", "solved"))
    assert hiddens.alt.startswith("Empty panels: this run diverged. training diverged")
    monkeypatch.undo()
    hiddens.set(activation="tanh", learning_rate=0.25)
    assert hiddens.data["diverged"] == "" and "Solves XOR" in hiddens.alt


def test_a_snapshot_of_a_diverged_run_has_empty_panels(monkeypatch):
    monkeypatch.setattr(explorers, "training_run", diverging_run)
    explorer = explorers.TrainingExplorer(seed=5)
    assert explorer.snapshot_alt.startswith("Empty panels: this run diverged. ")
    assert Image.open(io.BytesIO(explorer.snapshot)).size == (960, 304)


# --- reproduce: the code a reader copies prints the numbers shown ------------------------------


def run_code(code: str) -> str:
    """``code`` run in a fresh namespace, as a reader pastes it into a cell; what it prints."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "<reproduce>", "exec"), {})
    return printed.getvalue()


def numbers_in(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+\.?\d*(?:e-?\d+)?", text)]


@pytest.mark.parametrize("setting", [
    {}, {"seed": 3, "activation": "tanh", "learning_rate": 0.5, "scheme": "uniform", "iterations": 100},
    {"seed": 42, "activation": "sigmoid", "learning_rate": 2.0, "scheme": "glorot", "iterations": 0},
    {"seed": 7, "activation": "relu", "learning_rate": 0.03, "scheme": "post", "iterations": 3},
])
def test_the_training_reproduce_code_prints_the_error_and_weights_shown(training, setting):
    training.set(**{**explorers.TrainingExplorer().settings, **setting})
    code = training.reproduce()
    assert all(len(line) <= 79 for line in code.splitlines())
    error_line, weights_line = run_code(code).splitlines()
    k = int(np.searchsorted(explorers.RECORDED, training.values["iterations"]))
    mse, weights = array(training, "mse")[k], array(training, "weights").reshape(R, 3)[k]
    assert error_line == f"error {mse:.2g}" and f"{mse:.2g} at step" in training.alt
    assert numbers_in(weights_line) == np.round(weights, 2).tolist()
    assert f"they are {', '.join(f'{w:.2f}' for w in numbers_in(weights_line))}." in training.alt


@pytest.mark.parametrize("activation, z", [("tanh", 0.5), ("sigmoid", -1.2), ("relu", 3.7), ("tanh", -4.0)])
def test_the_activation_reproduce_code_prints_the_output_and_slope_shown(activations, activation, z):
    activations.set(activation=activation, z=z)
    printed = run_code(activations.reproduce()).split()
    assert printed == [f"{activations.data['y']:.3f}", f"{activations.data['slope_at']:.3f}"]
    assert f"where the output is {printed[0]} and the slope is {printed[1]}." in activations.alt


@pytest.mark.parametrize("seed, scheme", [(1, "post"), (17, "glorot"), (99, "uniform")])
def test_the_seed_reproduce_code_prints_the_weights_shown(seeds, seed, scheme):
    seeds.set(seed=seed, scheme=scheme)
    printed = numbers_in(run_code(seeds.reproduce()))
    assert printed == np.round(array(seeds, "weights"), 3).tolist()
    assert seeds.alt.endswith(": " + ", ".join(f"{w:.3f}" for w in printed) + ".")


@pytest.mark.parametrize("x", [(1.0, 1.0, 0.0), (0.5, -1.0, 1.0), (-0.3, 2.0, 0.7)])
def test_the_prediction_reproduce_code_prints_each_networks_sum_and_output(predictions, x):
    predictions.set(x1=x[0], x2=x[1], x3=x[2])
    code = predictions.reproduce()
    assert all(len(line) <= 79 for line in code.splitlines())
    lines = run_code(code).splitlines()
    z, outputs = array(predictions, "z"), array(predictions, "outputs")
    assert lines == [f"{activation} {z[i]:.2f} {outputs[i]:.3f}" for i, activation in enumerate(["post_tanh", "tanh"])]
    for label, line in zip(explorers.PredictionExplorer.MODELS, lines):
        _, shown_z, shown_output = line.split()
        assert f"the {label} gives weighted sum {shown_z} and output {shown_output}" in predictions.alt


@pytest.mark.parametrize("setting", [
    {}, {"seed": 12, "n_hidden": 2, "iterations": 10_000}, {"seed": 5, "n_hidden": 1, "iterations": 300},
    {"seed": 3, "n_hidden": 8, "activation": "relu", "learning_rate": 0.1, "iterations": 50},
])
def test_the_hidden_reproduce_code_prints_the_error_and_verdict_shown(hiddens, setting):
    hiddens.set(**{**explorers.HiddenExplorer().settings, **setting})
    code = hiddens.reproduce()
    assert all(len(line) <= 79 for line in code.splitlines())
    error_line, verdict_line = run_code(code).splitlines()
    k = int(np.searchsorted(explorers.RECORDED, hiddens.values["iterations"]))
    mse, solved = array(hiddens, "mse")[k], bool(array(hiddens, "solved")[k])
    assert error_line == f"error {mse:.2g}" and f"{mse:.2g} at step" in hiddens.alt
    assert verdict_line == f"solves XOR: {solved}"
    assert ("Solves XOR after" in hiddens.alt) is solved and ("Does not solve XOR" in hiddens.alt) is not solved


def test_the_reproduce_code_fits_a_notebook_line_at_the_widest_settings():
    widest = [
        explorers.TrainingExplorer(seed=99, iterations=10_000, activation="post_tanh", learning_rate=0.01,
                                   scheme="uniform"),
        explorers.ActivationExplorer(activation="sigmoid", z=-3.9),
        explorers.SeedExplorer(seed=99, scheme="uniform"),
        explorers.PredictionExplorer(x1=-0.3, x2=-0.7, x3=-0.9),
        explorers.HiddenExplorer(seed=99, n_hidden=8, activation="sigmoid", learning_rate=0.03),
    ]
    for explorer in widest:
        assert max(len(line) for line in explorer.reproduce().splitlines()) <= 79, explorer.name


# --- the output: the widget, and the snapshot for the site and readers without JavaScript ------


class Figures(HTMLParser):
    """The attributes of every <figure> and <img>, and the text of each <figcaption>, as a browser reads them."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.found, self.captions, self._in_caption = [], [], False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag in ("figure", "img"):
            self.found.append((tag, dict(attrs)))
        self._in_caption = tag == "figcaption"

    def handle_data(self, data):
        if self._in_caption:
            self.captions.append(data)

    def handle_endtag(self, tag):
        self._in_caption = False


def mount_point(explorer) -> dict:
    """The site's mount point of ``explorer``: its data attributes, read back from the HTML."""
    parsed = Figures(explorer._repr_mimebundle_()["text/html"])
    (tag, figure), (_, image) = parsed.found
    assert tag == "figure" and "explorer-snapshot" in figure["class"]
    data = {key: json.loads(figure[f"data-{key}"]) for key in ("controls", "values", "constants")}
    return {"name": figure["data-live-explorer"], "alt": image["alt"], "src": image["src"],
            "captions": parsed.captions, **data}


def test_the_output_is_the_widget_a_plain_name_and_the_snapshot():
    explorer = explorers.SeedExplorer(seed=4, scheme="uniform")
    explorer.set(seed=9)  # a reader's later moves do not change the snapshot
    bundle = explorer._repr_mimebundle_(include=None, exclude=None)
    assert set(bundle) == {"application/vnd.jupyter.widget-view+json", "text/plain", "text/html"}
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == explorer.model_id
    assert bundle["text/plain"] == "SeedExplorer(seed=9, scheme='uniform')"
    mount = mount_point(explorer)
    assert mount["values"] == {"seed": 4, "scheme": "uniform"} == explorer.snapshot_values
    assert mount["alt"] == explorer.snapshot_alt == fill(
        TEXT["seed"]["alt"], seed=4, scheme="uniform", weights=helpers.initial_weights(4, "uniform").ravel())
    assert mount["captions"] == [TEXT["caption"]["snapshot"]]
    picture = base64.b64decode(mount["src"].removeprefix("data:image/png;base64,"))
    assert picture == explorer.snapshot
    image = Image.open(io.BytesIO(picture))
    assert image.size == (6 * 80, round(3.4 * 80))
    assert image.mode == "RGB" or np.asarray(image.convert("RGBA"))[..., 3].min() == 255, "an opaque picture"


def test_no_output_carries_site_only_text(shared):
    for explorer in shared.values():
        bundle = explorer._repr_mimebundle_()
        for text in (bundle["text/html"], bundle["text/plain"]):
            assert "make lab" not in text and "JavaScript" not in text and "<code" not in text


def test_the_snapshot_is_drawn_once_at_the_starting_values(monkeypatch):
    explorer = explorers.ActivationExplorer(activation="relu", z=-2.0)
    drawn = []
    real = helpers.plotting.activation_snapshot
    monkeypatch.setattr(helpers.plotting, "activation_snapshot", lambda *a: drawn.append(a) or real(*a))
    explorer.set(activation="tanh", z=1.0)
    first = explorer._repr_mimebundle_()["text/html"]
    assert explorer._repr_mimebundle_()["text/html"] == first and len(drawn) == 1
    grid, f, slope, z, y, slope_at, y_limits, title = drawn[0]
    assert (z, y, slope_at, tuple(y_limits)) == (-2.0, 0.0, 0.0, (-0.5, 4.2))
    assert title == "relu(-2.0) = 0.000, slope 0.000"
    np.testing.assert_array_equal(f, helpers.get_activation("relu").function(np.linspace(-4, 4, 401)))


def test_the_site_and_jupyter_get_the_same_controls(shared):
    expected = {
        "TrainingExplorer": ("training", [
            {"name": "seed", "kind": "whole", "label": "seed", "low": 0, "high": 2**32 - 1, "slider_high": 99},
            {"name": "iterations", "kind": "stops", "label": "iterations", "options": list(explorers.ITERATION_STOPS)},
            {"name": "activation", "kind": "menu", "label": "activation", "options": list(helpers.ACTIVATIONS)},
            {"name": "learning_rate", "kind": "stops", "label": "learning rate",
             "options": list(explorers.LEARNING_RATES)},
            {"name": "scheme", "kind": "menu", "label": "initial weights", "options": ["post", "uniform", "glorot"]},
        ]),
        "SeedExplorer": ("seed", [
            {"name": "seed", "kind": "whole", "label": "seed", "low": 0, "high": 4294967295, "slider_high": 99},
            {"name": "scheme", "kind": "menu", "label": "initial weights", "options": ["post", "uniform", "glorot"]},
        ]),
        "ActivationExplorer": ("activation", [
            {"name": "activation", "kind": "menu", "label": "activation", "options": ["tanh", "sigmoid", "relu"]},
            {"name": "z", "kind": "number", "label": "input z", "low": -4.0, "high": 4.0, "step": 0.1},
        ]),
        "PredictionExplorer": ("prediction", [
            {"name": f"x{i}", "kind": "number", "label": label, "low": -1.0, "high": 2.0, "step": 0.1}
            for i, label in ((1, "x1"), (2, "x2"), (3, "x3 (bias)"))
        ]),
        "HiddenExplorer": ("hidden", [
            {"name": "seed", "kind": "whole", "label": "seed", "low": 0, "high": 2**32 - 1, "slider_high": 99},
            {"name": "n_hidden", "kind": "whole", "label": "hidden units", "low": 1, "high": 8, "slider_high": 8},
            {"name": "iterations", "kind": "stops", "label": "iterations", "options": list(explorers.ITERATION_STOPS)},
            {"name": "activation", "kind": "menu", "label": "activation", "options": ["tanh", "sigmoid", "relu"]},
            {"name": "learning_rate", "kind": "stops", "label": "learning rate",
             "options": list(explorers.HIDDEN_RATES)},
        ]),
    }
    for kind, (name, controls) in expected.items():
        explorer = shared[kind]
        mount = mount_point(explorer)
        assert (mount["name"], mount["controls"]) == (name, controls), kind
        assert mount["constants"] == explorer.constants and mount["alt"] == explorer.snapshot_alt
        assert explorer.controls == controls, kind  # the same controls in Jupyter: one renderer


def test_json_attribute_escapes_what_would_end_or_open_an_attribute_or_a_tag():
    text = explorers.json_attribute({"a": "it's <b> & \"c\""})
    assert "'" not in text and "<" not in text and ">" not in text
    (_, attributes), = Figures(f"<figure data-x='{text}'>").found
    assert json.loads(attributes["data-x"]) == {"a": "it's <b> & \"c\""}


# --- the control rules on their own ----------------------------------------------------------------


def test_a_whole_number_rule_takes_both_ends_of_its_range():
    rule = explorers.Whole("seed", 0, 99)
    assert [rule.check("seed", value) for value in (0, 99, np.int64(7))] == [0, 99, 7]
    for outside in (-1, 100):
        with pytest.raises(ValueError, match=f"seed must be from 0 to 99; got {outside}"):
            rule.check("seed", outside)
    assert rule.site() == {"kind": "whole", "label": "seed", "low": 0, "high": 99, "slider_high": 99}
    typed = explorers.Whole("seed", 0, 12345, 99)  # the box takes 0 to 12345; the slider keeps 0 to 99
    assert (typed.site()["high"], typed.site()["slider_high"]) == (12345, 99)
    assert typed.check("seed", 12345) == 12345
    with pytest.raises(ValueError, match="seed must be from 0 to 12345; got 12346"):
        typed.check("seed", 12346)


def test_the_seed_box_takes_every_seed_numpy_takes_in_both_hosts():
    training = explorers.TrainingExplorer()
    training.set(seed=2**32 - 1)
    assert training.settings["seed"] == 2**32 - 1
    assert [c for c in training.controls if c["name"] == "seed"][0]["high"] == 2**32 - 1
    with pytest.raises(ValueError, match="seed must be from 0 to 4294967295; got 4294967296"):
        training.set(seed=2**32)


def test_a_number_rule_takes_both_ends_of_its_range():
    rule = explorers.Number("input z", -4.0, 4.0)
    assert [rule.check("z", value) for value in (-4.0, 4, 0.5)] == [-4.0, 4.0, 0.5]
    for outside in (-4.01, 4.01, float("nan")):
        with pytest.raises(ValueError, match="z must be a number from -4.0 to 4.0"):
            rule.check("z", outside)
    assert rule.site() == {"kind": "number", "label": "input z", "low": -4.0, "high": 4.0, "step": 0.1}


def test_a_choice_rule_is_a_slider_over_stops_or_a_menu_of_options():
    assert explorers.Choice("iterations", (0, 10), slider=True).site() == {
        "kind": "stops", "label": "iterations", "options": [0, 10]}
    assert explorers.Choice("activation", ("tanh",)).site() == {
        "kind": "menu", "label": "activation", "options": ["tanh"]}
    assert explorers.Choice("rate", (1.0, 2.0)).check("rate", 1) == 1.0


def test_plot_steps_spread_evenly_on_a_log_scale():
    steps = explorers.plot_steps(10_000)
    assert steps.dtype.kind == "i"
    assert list(steps[:10]) == list(range(10)) and steps[-1] == 10_000
    assert np.all(np.diff(steps) > 0) and 200 <= len(steps) <= 301  # 300 points, the smallest merged
    top = steps[steps >= 100][::-1]
    k = np.arange(len(top))
    assert len(top) > 100
    np.testing.assert_allclose(np.log10(top), 4 - 4 * k / 299, atol=np.max(0.5 / top / np.log(10)) + 1e-9)
    for iterations in (0, 1):
        assert list(explorers.plot_steps(iterations)) == [0, 1]
    assert list(explorers.plot_steps(3)) == [0, 1, 2, 3]


def test_wrong_examples_count_exactly_one_half_as_wrong():
    assert explorers.wrong_examples([0.1, 0.9, 0.6, 0.4], [0, 1, 1, 0]) == []
    assert explorers.wrong_examples([0.5, 0.9, 0.5, 0.7], [0, 1, 1, 0]) == [0, 2, 3]


def test_the_stable_rates_and_chaos_notes_come_from_the_explorer_text():
    assert (explorers.STABLE_RATE, explorers.HIDDEN_STABLE_RATE) == (1.0, 0.5)
    assert explorers.CHAOS_NOTE == TEXT["training"]["chaos_note"] and "chaotic" in explorers.CHAOS_NOTE
    assert explorers.HIDDEN_CHAOS_NOTE == TEXT["hidden"]["chaos_note"]

"""The explorers, driven headlessly: what they plot is what helpers computes for those settings."""

import base64
import html
import io
import json
import math
import re
import traceback
from html.parser import HTMLParser

import numpy as np
import pytest
from PIL import Image
from traitlets import TraitError

import helpers
from helpers import explorers, hidden


def trained(seed, activation, learning_rate, scheme, iterations=explorers.ITERATION_STOPS[-1]):
    weights = helpers.initial_weights(seed, scheme)
    return helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, activation, iterations, learning_rate)


# Explorers are slow to build (a full figure layout and drawing each), so tests that only set and
# read an explorer share one of each kind; a test that needs a fresh one (its constructor, its
# snapshot, its first limits) builds its own.
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
def shared(training, seeds, activations, predictions):
    """The shared explorer of each kind, by class name."""
    return {type(explorer).__name__: explorer for explorer in (training, seeds, activations, predictions)}


# First in the file, so that mutmut maps the explorers' constructors (run once, in the shared fixtures)
# to this test: what every explorer shows before anybody moves anything, and that its controls are live.
def test_each_explorer_starts_at_its_defaults_with_labelled_live_controls(shared):
    training, seeds, activations, predictions = (shared[name] for name in (
        "TrainingExplorer", "SeedExplorer", "ActivationExplorer", "PredictionExplorer"))
    assert training.snapshot_alt.startswith(
        "Three panels for seed 1, activation post_tanh, learning rate 1.0 and post initial weights. "
        "Error panel: the mean squared error over 10000 training steps")
    assert "at step 10000." in training.snapshot_alt
    assert seeds.snapshot_alt.startswith("Bar chart of the three starting weights for seed 1 with the post scheme")
    assert activations.snapshot_alt.startswith("Activation panel: the tanh curve with its tangent line at input 0.5,")
    assert predictions.snapshot_alt.startswith("For the input [1.0, 1.0, 0.0], ")
    for explorer in shared.values():
        for name, control in explorer.controls.items():
            rule = explorer.CONTROLS[name]
            assert control.description == rule.description and control.style.description_width == "initial"
            if isinstance(rule, explorers.Number):
                assert (control.min, control.max, control.step) == (rule.low, rule.high, 0.1)
    assert shared["ActivationExplorer"].controls["z"].description == "input z"
    assert shared["PredictionExplorer"].controls["x3"].description == "x3 (bias)"
    for explorer, name, value in [(seeds, "seed", 2), (activations, "z", -1.0), (predictions, "x2", 0.0)]:
        picture, start = explorer.image.value, explorer.controls[name].value
        explorer.controls[name].value = value  # as a reader moves it
        assert explorer.image.value != picture and explorer.values[name] == value
        explorer.controls[name].value = start
        assert explorer.image.value == picture


def test_training_explorer_plots_the_run_it_is_set_to(training):
    training.set(seed=3, activation="tanh", learning_rate=0.5, scheme="uniform", iterations=100)
    history = trained(3, "tanh", 0.5, "uniform")
    steps = explorers.RECORDED
    assert set(explorers.ITERATION_STOPS) <= set(steps) and len(steps) < 400
    np.testing.assert_array_equal(training.error_line.get_xdata(), steps)
    np.testing.assert_allclose(training.error_line.get_ydata(), history.mean_squared_error[steps], rtol=1e-10)
    for i, line in enumerate(training.weight_lines):
        np.testing.assert_allclose(line.get_ydata(), history.weights[steps, i], rtol=1e-10, atol=1e-12)
    expected = helpers.predict(explorers.EXAMPLE_INPUTS, history.weights[100][:, None], "tanh").ravel()
    np.testing.assert_allclose([bar.get_width() for bar in training.bars], expected, rtol=1e-10, atol=1e-12)
    assert all(list(marker.get_xdata()) == [100, 100] for marker in training.markers)
    assert "100 steps" in training.error_title.get_text() and "seed 3" in training.alt


def test_moving_iterations_never_retrains(training):
    training.set(seed=1, activation="post_tanh", learning_rate=1.0, scheme="post", iterations=10_000)
    for seed in (0, 2):
        training.controls["seed"].value = seed
    misses = explorers.training_run.cache_info().misses
    for stop in explorers.ITERATION_STOPS:
        training.controls["iterations"].value = stop  # as a reader drags the slider
    for seed in (0, 2, 1):
        training.controls["seed"].value = seed  # back to runs already shown
    assert explorers.training_run.cache_info().misses == misses
    training.controls["seed"].value = 1
    history = trained(1, "post_tanh", 1.0, "post")
    expected = helpers.predict(explorers.EXAMPLE_INPUTS, history.weights[0][:, None], "post_tanh").ravel()
    training.controls["iterations"].value = 0
    np.testing.assert_allclose([bar.get_width() for bar in training.bars], expected, rtol=1e-10, atol=1e-12)


def test_blitted_image_equals_a_fresh_full_drawing(training):
    fresh = training
    fresh.set(seed=5, activation="sigmoid", learning_rate=1.0, scheme="glorot", iterations=30)
    fresh.set(seed=6, iterations=300)  # within the same axes: only the moving artists are drawn
    assert not fresh.stale
    moved = fresh.image.value
    fresh.stale = True  # now draw everything
    drawn = fresh.png()
    moved, drawn = (np.asarray(Image.open(io.BytesIO(png))) for png in (moved, drawn))
    assert moved.shape == drawn.shape and np.array_equal(moved, drawn)


def test_a_diverging_run_shows_a_message_not_nan(training, monkeypatch):
    # No setting the sliders offer is known to diverge, so stand in a relu run that does,
    # reported the way helpers.train reports a history that stopped being finite.
    real_run = explorers.training_run

    def diverging(seed, activation, learning_rate, scheme):
        if activation != "relu":
            return real_run(seed, activation, learning_rate, scheme)
        steps = np.full((11, 3), np.inf)
        steps[:5] = 0.5
        blown = helpers.History(steps, np.zeros((11, 4)), activation, learning_rate)
        helpers.network._check_finite_history(blown, helpers.POST_INPUTS)

    monkeypatch.setattr(explorers, "training_run", diverging)
    explorer = training
    explorer.set(seed=2, activation="relu", learning_rate=2.0, scheme="uniform")
    assert "diverged" in explorer.status.value and "smaller learning_rate" in explorer.status.value
    assert not explorer.error_line.get_visible() and not any(line.get_visible() for line in explorer.weight_lines)
    assert [artist for artist in explorer.moving if artist.get_visible()] == [explorer.error_title]
    assert explorer.error_title.get_text() == "This run diverged"
    assert explorer.alt.startswith("Empty panels: this run diverged. ") and "smaller learning_rate" in explorer.alt
    shown = np.asarray(Image.open(io.BytesIO(explorer.image.value)))
    explorer.stale = True  # the picture is a full drawing of the empty panels
    assert np.array_equal(shown, np.asarray(Image.open(io.BytesIO(explorer.png()))))
    explorer.set(activation="tanh", learning_rate=1.0)  # and it recovers
    assert explorer.status.value == "" and explorer.error_line.get_visible()


def test_controls_are_labelled_and_bounded(training):
    controls = training.controls
    assert all(control.description for control in controls.values())
    assert (controls["seed"].min, controls["seed"].max) == (0, explorers.MAX_SEED)
    assert controls["iterations"].options[0] == 0 and controls["iterations"].options[-1] >= 10_000
    assert set(controls["activation"].options) == set(helpers.ACTIVATIONS)
    with pytest.raises(TraitError):
        controls["iterations"].value = 7  # not one of the stops
    with pytest.raises(TraitError):
        controls["activation"].value = "swish"
    with pytest.raises(ValueError, match="unknown control"):
        training.set(speed=3)


def test_the_snapshot_is_a_picture_with_alt_text_and_a_note():
    explorer = explorers.SeedExplorer(seed=4, scheme="uniform")
    explorer.set(seed=9)
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    page = bundle["text/html"]
    assert 'alt="Bar chart of the three starting weights for seed 4' in page  # the starting values
    assert "make lab" in page and "data:image/png;base64," in page and "needs JavaScript" in page


class Figures(HTMLParser):
    """The attributes of every <figure> and <img> in a piece of HTML, as a browser reads them."""

    def __init__(self, text):
        super().__init__()
        self.found = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag in ("figure", "img"):
            self.found.append((tag, dict(attrs)))


def mount_point(explorer) -> dict:
    """The site's mount point of ``explorer``: its data attributes, read back from the HTML."""
    (tag, figure), (_, image) = Figures(explorer.site_html()).found
    assert tag == "figure" and "explorer-snapshot" in figure["class"]
    data = {key: json.loads(figure[f"data-{key}"]) for key in ("controls", "values", "settings")}
    return {"name": figure["data-live-explorer"], "alt": image["alt"], **data}


def test_the_site_html_is_a_mount_point_with_each_control_from_controls(shared):
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
    }
    for name, (site_name, controls) in expected.items():
        mount = mount_point(shared[name])
        assert (mount["name"], mount["controls"]) == (site_name, controls), name
        assert mount["alt"] == shared[name].snapshot_alt
        assert mount["settings"]["colours"] == helpers.plotting.OKABE_ITO


def test_the_mount_point_holds_the_starting_values_and_what_the_page_needs_to_draw():
    explorer = explorers.TrainingExplorer(seed=7, iterations=300, activation="tanh", learning_rate=0.3)
    explorer.set(seed=8, iterations=20)  # a reader's later moves do not change the page's start
    mount = mount_point(explorer)
    assert mount["values"] == {"seed": 7, "iterations": 300, "activation": "tanh", "learning_rate": 0.3,
                               "scheme": "post"}
    settings = mount["settings"]
    assert settings["recorded"] == explorers.RECORDED.tolist() and settings["ladder"] == explorers.LADDER.tolist()
    assert settings["weight_names"] == list(helpers.plotting.WEIGHT_NAMES)
    assert settings["example_labels"] == ["[0, 0, 1]", "[0, 1, 1]", "[1, 0, 1]", "[1, 1, 1]", "[1, 1, 0]", "[0, 1, 0]",
                                          "[1, 0, 0]"]
    prediction = mount_point(explorers.PredictionExplorer(x1=0.5))
    assert prediction["values"] == {"x1": 0.5, "x2": 1.0, "x3": 0.0}
    assert prediction["settings"]["models"] == [  # the apostrophe survives the single-quoted attribute
        {"label": "post's network", "activation": "post_tanh", "learning_rate": 1.0},
        {"label": "corrected network", "activation": "tanh", "learning_rate": 0.5}]
    assert {key: prediction["settings"][key] for key in ("seed", "scheme", "iterations")} == {
        "seed": 1, "scheme": "post", "iterations": 10_000}


def test_json_attribute_escapes_what_would_end_or_open_an_attribute_or_a_tag():
    text = explorers.json_attribute({"a": "it's <b> & \"c\""})
    assert "'" not in text and "<" not in text and ">" not in text
    (_, attributes), = Figures(f"<figure data-x='{text}'>").found
    assert json.loads(attributes["data-x"]) == {"a": "it's <b> & \"c\""}


def test_activation_explorer_draws_the_tangent_at_the_chosen_input(activations):
    explorer = activations
    explorer.set(activation="sigmoid", z=1.5)
    z, y = explorer.tangent.get_data()
    slope = (y[1] - y[0]) / (z[1] - z[0])
    assert slope == pytest.approx(float(helpers.derivative("sigmoid", 1.5)))
    assert explorer.point.get_ydata()[0] == pytest.approx(float(helpers.get_activation("sigmoid").function(1.5)))
    explorer.set(activation="relu", z=-2.0)
    np.testing.assert_allclose(explorer.slope_curve.get_ydata(), helpers.derivative("relu", explorer.grid))


def test_seed_explorer_shows_the_starting_weights(seeds):
    explorer = seeds
    for seed, scheme in [(1, "post"), (17, "glorot")]:
        explorer.set(seed=seed, scheme=scheme)
        heights = [bar.get_height() for bar in explorer.bars]
        np.testing.assert_array_equal(heights, helpers.initial_weights(seed, scheme).ravel())


def test_prediction_explorer_shows_both_networks_outputs(predictions):
    explorer = predictions
    explorer.set(x1=0.0, x2=1.0, x3=0.0)
    for bar, (label, weights), (activation, _) in zip(explorer.bars, explorer.weights.items(), explorer.MODELS.values()):
        assert bar.get_width() == pytest.approx(float(helpers.predict([0, 1, 0], weights, activation)[0]))
    post = trained(1, "post_tanh", 1.0, "post")
    np.testing.assert_allclose(explorer.weights["post's network"], post.final_weights, rtol=1e-10)


STOPS = "0, 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000"
RATES = "0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0"
ACTIVATIONS = "'tanh', 'sigmoid', 'relu', 'post_tanh'"
SCHEMES = "'post', 'uniform', 'glorot'"
WRONG_SETTINGS = [
    # (explorer, wrong setting, error, the message names the control and what it accepts)
    ("TrainingExplorer", {"activation": "Tanh"}, ValueError, f"activation must be one of the menu's options {ACTIVATIONS}; got 'Tanh'"),
    ("TrainingExplorer", {"iterations": 7}, ValueError, f"iterations must be one of the slider's stops {STOPS}; got 7"),
    ("TrainingExplorer", {"iterations": True}, ValueError, f"iterations must be one of the slider's stops {STOPS}; got True"),
    ("TrainingExplorer", {"iterations": [1]}, ValueError, f"iterations must be one of the slider's stops {STOPS}; got \\[1\\]"),
    ("TrainingExplorer", {"iterations": np.array([0, 1])}, ValueError, f"iterations must be one of the slider's stops {STOPS}; got array\\(\\[0, 1\\]\\)"),
    ("TrainingExplorer", {"learning_rate": 0.2}, ValueError, f"learning_rate must be one of the slider's stops {RATES}; got 0.2"),
    ("TrainingExplorer", {"learning_rate": "1.0"}, ValueError, f"learning_rate must be one of the slider's stops {RATES}; got '1.0'"),
    ("TrainingExplorer", {"scheme": "Post"}, ValueError, f"scheme must be one of the menu's options {SCHEMES}; got 'Post'"),
    ("TrainingExplorer", {"seed": 100}, ValueError, "seed must be from 0 to 99; got 100"),
    ("TrainingExplorer", {"seed": -1}, ValueError, "seed must be from 0 to 99; got -1"),
    ("SeedExplorer", {"seed": 2**40}, ValueError, f"seed must be from 0 to 99; got {2**40}"),
    ("SeedExplorer", {"seed": -3}, ValueError, "seed must be from 0 to 99; got -3"),
    ("SeedExplorer", {"seed": "1"}, TypeError, "seed must be a whole number from 0 to 99; got '1'"),
    ("SeedExplorer", {"seed": 1.0}, TypeError, "seed must be a whole number from 0 to 99; got 1.0"),
    ("SeedExplorer", {"seed": True}, TypeError, "seed must be a whole number from 0 to 99; got True"),
    ("SeedExplorer", {"scheme": "Post"}, ValueError, f"scheme must be one of the menu's options {SCHEMES}; got 'Post'"),
    ("ActivationExplorer", {"activation": "Tanh"}, ValueError, "activation must be one of the menu's options 'tanh', 'sigmoid', 'relu'; got 'Tanh'"),
    ("ActivationExplorer", {"activation": "post_tanh"}, ValueError, "activation must be one of the menu's options 'tanh', 'sigmoid', 'relu'; got 'post_tanh'"),
    ("ActivationExplorer", {"z": 100}, ValueError, "z must be a number from -4.0 to 4.0; got 100"),
    ("ActivationExplorer", {"z": -4.1}, ValueError, "z must be a number from -4.0 to 4.0; got -4.1"),
    ("ActivationExplorer", {"z": math.nan}, ValueError, "z must be a number from -4.0 to 4.0; got nan"),
    ("ActivationExplorer", {"z": math.inf}, ValueError, "z must be a number from -4.0 to 4.0; got inf"),
    ("ActivationExplorer", {"z": "0.5"}, TypeError, "z must be a number from -4.0 to 4.0; got '0.5'"),
    ("ActivationExplorer", {"z": False}, TypeError, "z must be a number from -4.0 to 4.0; got False"),
    ("PredictionExplorer", {"x1": 5}, ValueError, "x1 must be a number from -1.0 to 2.0; got 5"),
    ("PredictionExplorer", {"x2": -math.inf}, ValueError, "x2 must be a number from -1.0 to 2.0; got -inf"),
    ("PredictionExplorer", {"x3": None}, TypeError, "x3 must be a number from -1.0 to 2.0; got None"),
]


def assert_plain(error) -> None:
    """One error of our own: nothing chained to it, and no traitlets or ipywidgets frame on the way."""
    assert type(error) in (ValueError, TypeError)
    assert error.__cause__ is None and error.__context__ is None
    frames = traceback.extract_tb(error.__traceback__)
    assert not any("traitlets" in frame.filename or "ipywidgets" in frame.filename for frame in frames)


@pytest.mark.parametrize("name, setting, error, message", WRONG_SETTINGS)
def test_a_wrong_setting_in_the_constructor_names_the_control_and_what_it_accepts(name, setting, error, message):
    with pytest.raises(error, match=f"^{message}$") as excinfo:
        getattr(explorers, name)(**setting)
    assert_plain(excinfo.value)


@pytest.mark.parametrize("name, setting, error, message", WRONG_SETTINGS)
def test_a_wrong_setting_in_set_changes_nothing_and_names_the_control(shared, name, setting, error, message):
    explorer = shared[name]
    before, picture = explorer.values, explorer.image.value
    with pytest.raises(error, match=f"^{message}$") as excinfo:
        explorer.set(**setting)
    assert_plain(excinfo.value)
    assert explorer.values == before and explorer.image.value == picture


def test_set_checks_every_value_before_moving_any_control(seeds):
    explorer = seeds
    explorer.set(seed=4, scheme="post")
    with pytest.raises(ValueError, match="scheme must be one of"):
        explorer.set(seed=9, scheme="Post")
    assert explorer.values == {"seed": 4, "scheme": "post"}


def test_set_keeps_the_readers_own_observers(seeds):
    seen = []
    watch = lambda change: seen.append(change["new"])  # noqa: E731 - as a reader's link to another widget
    seeds.controls["seed"].observe(watch, names="value")
    try:
        seeds.set(seed=5)
        seeds.controls["seed"].value = 6
    finally:
        seeds.controls["seed"].unobserve(watch, names="value")
    assert seen == [5, 6] and "seed 6" in seeds.alt


def test_an_unknown_control_is_named_with_the_known_ones(seeds):
    explorer = seeds
    with pytest.raises(ValueError, match=r"^unknown control\(s\) \['speed'\]; expected some of \['scheme', 'seed'\]$") as excinfo:
        explorer.set(speed=3, seed=2)
    assert_plain(excinfo.value)


def test_accepted_settings_are_stored_as_the_controls_own_values(activations):
    explorer = explorers.TrainingExplorer(seed=np.int64(3), iterations=np.int64(100), learning_rate=1)
    assert explorer.values["seed"] == 3 and type(explorer.values["seed"]) is int
    assert type(explorer.values["iterations"]) is int and explorer.values["learning_rate"] == 1.0
    assert type(explorer.values["learning_rate"]) is float
    assert "Error after 100 steps" in explorer.error_title.get_text()
    prediction = explorers.PredictionExplorer(x1=np.float64(2.0), x2=-1, x3=np.int64(0))
    assert prediction.values == {"x1": 2.0, "x2": -1.0, "x3": 0.0}
    assert all(type(value) is float for value in prediction.values.values())
    for z in (-4.0, 4.0):  # the ends of the range are in it
        activations.set(z=z)
        assert activations.values["z"] == z


@pytest.mark.parametrize("seed, activation, learning_rate, scheme", [
    (1, "post_tanh", 1.0, "post"), (7, "tanh", 2.0, "uniform"), (3, "sigmoid", 0.1, "glorot"), (99, "relu", 0.5, "post"),
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


@pytest.mark.parametrize("seed, activation, learning_rate, scheme", [(1, "post_tanh", 1.0, "post"), (3, "tanh", 0.5, "uniform")])
def test_the_title_and_alt_text_give_the_error_at_exactly_the_chosen_step(training, seed, activation, learning_rate, scheme):
    explorer = training
    explorer.set(seed=seed, activation=activation, learning_rate=learning_rate, scheme=scheme)
    errors = trained(seed, activation, learning_rate, scheme).mean_squared_error  # errors[k]: after k steps
    told_apart = 0
    for stop in (0, 1, 2, 3, 5, 10, 20, 100, 1000, 10_000):
        explorer.set(iterations=stop)
        mse = errors[stop]
        assert explorer.error_title.get_text() == f"Error after {stop} steps: {mse:.2g}"
        assert f"{mse:.2g} at step {stop}." in explorer.alt
        if stop:  # does the step recorded just before show a different number?
            before = explorers.RECORDED[explorers.RECORDED < stop].max()
            earlier = errors[before]
            told_apart += f"{earlier:.2g}" != f"{mse:.2g}"
    assert told_apart >= 2  # so reading one recorded step early fails this test


def test_the_constructor_trains_the_shown_run_only(monkeypatch):
    asked = []
    train_one = explorers.training_run.__wrapped__  # past the cache, whatever other tests left in it
    monkeypatch.setattr(explorers, "training_run", lambda *setting: asked.append(setting) or train_one(*setting))
    explorers.TrainingExplorer(seed=42, activation="relu", learning_rate=0.3, scheme="glorot")
    assert set(asked) == {(42, "relu", 0.3, "glorot")}


def test_the_axes_fit_every_run_shown_and_only_widen():
    explorer = explorers.TrainingExplorer(seed=3, activation="tanh", learning_rate=0.01, scheme="uniform")
    first = explorers.run_limits(explorers.training_run(3, "tanh", 0.01, "uniform"), "tanh")
    assert explorer.limits == first
    settings = [dict(seed=3), dict(activation="post_tanh", learning_rate=1.0, scheme="post", seed=1), dict(seed=8)]
    shown = [first]
    for setting in settings:
        before = explorer.limits
        explorer.set(**setting)
        v = explorer.values
        shown.append(explorers.run_limits(explorers.training_run(v["seed"], v["activation"], v["learning_rate"], v["scheme"]), v["activation"]))
        for axis in ("error", "weights", "outputs"):
            assert explorer.limits[axis] == (min(l[axis][0] for l in shown), max(l[axis][1] for l in shown))
        if setting.get("seed") == 1:  # the post's run needs wider axes: they are drawn anew
            assert explorer.limits != before
            moved = np.asarray(Image.open(io.BytesIO(explorer.image.value)))
            explorer.stale = True
            assert np.array_equal(moved, np.asarray(Image.open(io.BytesIO(explorer.png()))))
    assert explorer.limits != first  # the post's run needed wider axes
    assert explorer.error_ax.get_ylim() == pytest.approx(explorer.limits["error"])
    assert explorer.weight_ax.get_ylim() == pytest.approx(explorer.limits["weights"])
    assert explorer.output_ax.get_xlim() == pytest.approx(explorer.limits["outputs"])


def test_run_limits_fit_the_run_on_the_coarse_ladder():
    run = explorers.training_run(1, "post_tanh", 1.0, "post")
    limits = explorers.run_limits(run, "post_tanh")
    outputs = helpers.predict(explorers.EXAMPLE_INPUTS, run.weights[-1][:, None], "post_tanh")
    assert limits["weights"][0] <= run.weights.min() and run.weights.max() <= limits["weights"][1]
    assert limits["outputs"][0] <= min(outputs.min(), 0) and max(outputs.max(), 1) <= limits["outputs"][1]
    low, high = limits["error"]
    assert low <= run.mean_squared_error[run.mean_squared_error > 0].min() and run.mean_squared_error.max() <= high
    assert all(np.log10(limit) % 2 == 0 for limit in limits["error"])
    assert explorers.widest(explorers.NO_LIMITS, limits) == limits


@pytest.mark.parametrize("mse, error_limits", [
    ([0.05, 0.05], (1e-2, 1.0)),  # a flat curve still gets a decade above it
    ([0.0, 0.0], (1.0, 100.0)),  # nothing positive to fit: the default
    ([0.5, 1e-20], (1e-12, 1.0)),  # errors below 1e-12 are cut off
    ([0.095, 0.095], (1e-2, 1.0)),  # a decade above 0.095 is still under 1
])
def test_error_limits_of_made_up_runs(mse, error_limits):
    run = explorers.Run(np.array([0, 1]), np.zeros((2, 3)), np.array(mse))
    limits = explorers.run_limits(run, "tanh")
    assert limits["error"] == pytest.approx(error_limits)
    # zero weights: every output is tanh(0) = 0, and the axes still show 0 to 1
    assert limits["weights"] == pytest.approx((-0.05, 0.5)) and limits["outputs"] == pytest.approx((-0.05, 1.1))


def test_plot_steps_spread_evenly_on_a_log_scale():
    steps = explorers.plot_steps(10_000)
    assert steps.dtype.kind == "i"
    assert list(steps[:10]) == list(range(10)) and steps[-1] == 10_000
    assert np.all(np.diff(steps) > 0) and 200 <= len(steps) <= 301  # 300 points, the smallest merged
    # 300 points from 1 to 10 000, evenly spread in log: the k-th from the top is 10 000 / 10**(4k/299),
    # rounded to a whole step (where rounding merges no two, above 100).
    top = steps[steps >= 100][::-1]
    k = np.arange(len(top))
    assert len(top) > 100
    np.testing.assert_allclose(np.log10(top), 4 - 4 * k / 299, atol=np.max(0.5 / top / np.log(10)) + 1e-9)
    for iterations in (0, 1):
        assert list(explorers.plot_steps(iterations)) == [0, 1]
    assert list(explorers.plot_steps(3)) == [0, 1, 2, 3]


@pytest.mark.parametrize("low, high, log, limits", [
    (0.3, 0.7, False, (-0.05, 1.1)),  # positive values: the axis starts just below 0
    (0.0, 1.0, False, (-0.05, 1.1)),
    (-2.0, 3.0, False, (-2.2, 5.5)),
    (-2.0, -0.3, False, (-2.2, 0.5)),  # negative values: the axis ends just above 0
    (-0.5, 0.0, False, (-1.1, 0.5)),
    (1e-3, 500.0, True, (1e-4, 1e4)),  # every second power of ten
    (0.02, 0.5, True, (1e-2, 1.0)),
])
def test_coarse_limits_round_outwards(low, high, log, limits):
    assert explorers.coarse_limits(low, high, log=log) == pytest.approx(limits)


def test_rung_is_the_ladder_step_at_or_above_a_value():
    assert [explorers.rung(v) for v in (0.0, 0.3, 1.1, 1.2, 1100.0)] == [1.1, 1.1, 1.1, 2.2, 1100.0]
    assert explorers.rung(5000.0) == 5000.0  # past the top: the value itself


def test_the_snapshot_html_holds_the_starting_picture_and_a_plain_name():
    explorer = explorers.SeedExplorer(seed=4, scheme="uniform")
    explorer.set(seed=9)
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == "SeedExplorer(seed=9, scheme='uniform')"
    picture = re.search(r'<img src="data:image/png;base64,([^"]+)"', bundle["text/html"]).group(1)
    assert base64.b64decode(picture) == explorer.snapshot != explorer.image.value
    assert Image.open(io.BytesIO(explorer.snapshot)).size == (6 * explorers.DPI, round(3.4 * explorers.DPI))


def test_seed_explorer_labels_each_bar_with_its_weight(seeds):
    seeds.set(seed=17, scheme="glorot")
    weights = helpers.initial_weights(17, "glorot").ravel()
    assert (weights > 0).any() and (weights < 0).any() and (np.abs(weights) < 1).all()
    for i, (label, w) in enumerate(zip(seeds.labels, weights)):
        assert label.get_position() == pytest.approx((i, max(w, 0.0)))  # above a bar, or at 0 below one
        assert label.get_text() == f"{w:.3f}"
    assert seeds.title.get_text() == "seed 17, glorot scheme"
    assert seeds.alt == ("Bar chart of the three starting weights for seed 17 with the glorot scheme: "
                         + ", ".join(f"{w:.3f}" for w in weights) + ".")


def test_relu_gets_a_y_range_that_shows_its_curve_tangent_and_point(activations):
    activations.set(activation="tanh", z=4.0)
    activations.set(activation="relu")
    shown = np.asarray(Image.open(io.BytesIO(activations.image.value)))
    activations.stale = True
    redrawn = np.asarray(Image.open(io.BytesIO(activations.png())))
    assert np.array_equal(shown, redrawn), "new axis limits: the background with them is drawn again"
    low, high = activations.left.get_ylim()
    assert (low, high) == explorers.ActivationExplorer.Y_LIMITS["relu"]
    xs, ys = activations.tangent.get_data()
    tangent_in_view = np.interp([-4.0, 4.0], xs, ys, left=np.nan, right=np.nan)  # where the x-axis ends
    tangent_in_view = tangent_in_view[~np.isnan(tangent_in_view)]
    for drawn in (activations.curve.get_ydata(), activations.point.get_ydata(), tangent_in_view):
        assert low <= min(drawn) and max(drawn) <= high
    activations.set(activation="tanh")
    assert activations.left.get_ylim() == (-1.2, 1.2)
    assert mount_point(activations)["settings"]["y_limits"] == {
        name: list(limits) for name, limits in explorers.ActivationExplorer.Y_LIMITS.items()}


def test_above_the_stable_rate_the_status_says_the_run_can_be_chaotic(training):
    training.set(seed=3, activation="tanh", learning_rate=2.0, scheme="glorot")
    assert training.status.value == html.escape(explorers.CHAOS_NOTE)
    assert "chaotic" in explorers.CHAOS_NOTE and "exact numbers" in explorers.CHAOS_NOTE
    training.set(learning_rate=1.0)
    assert training.status.value == ""
    settings = mount_point(training)["settings"]
    assert (settings["stable_rate"], settings["chaos_note"]) == (1.0, explorers.CHAOS_NOTE)


def test_activation_explorer_titles_and_describes_the_tangent(activations):
    activations.set(activation="sigmoid", z=-1.2)
    f, y, slope = helpers.get_activation("sigmoid").function, None, float(helpers.derivative("sigmoid", -1.2))
    y = float(f(-1.2))
    xs, ys = activations.tangent.get_data()
    np.testing.assert_allclose(xs, [-2.7, 0.3])
    np.testing.assert_allclose(ys, y + slope * (np.array([-2.7, 0.3]) + 1.2))  # through (z, f(z))
    assert activations.left_title.get_text() == f"sigmoid(-1.2) = {y:.3f}, slope {slope:.3f}"
    assert activations.alt == (f"Activation panel: the sigmoid curve with its tangent line at input -1.2, where the "
                               f"output is {y:.3f} and the slope is {slope:.3f}. Slope panel: the slope of sigmoid at "
                               "every input, with the point at -1.2 marked.")


def test_prediction_explorer_writes_each_networks_sum_and_output(predictions):
    predictions.set(x1=0.5, x2=-1.0, x3=1.0)
    x = np.array([0.5, -1.0, 1.0])
    parts = []
    for text, (label, (activation, rate)) in zip(predictions.texts, predictions.MODELS.items()):
        weights = trained(1, activation, rate, "post").final_weights
        z, y = float(x @ weights[:, 0]), float(helpers.predict(x, weights, activation)[0])
        assert text.get_text() == f"z = {z:.2f}, output {y:.3f}"
        parts.append(f"the {label} gives weighted sum {z:.2f} and output {y:.3f}")
    assert predictions.title.get_text() == "input [0.5, -1.0, 1.0]"
    assert predictions.alt == "For the input [0.5, -1.0, 1.0], " + "; ".join(parts) + ". A dashed line marks 0.5."


def test_training_explorer_alt_text_gives_the_weights_and_outputs(training):
    training.set(seed=4, activation="sigmoid", learning_rate=0.3, scheme="glorot", iterations=50)
    history = trained(4, "sigmoid", 0.3, "glorot")
    weights, mse = history.weights[50], history.mean_squared_error[50]
    outputs = helpers.predict(explorers.EXAMPLE_INPUTS, weights[:, None], "sigmoid").ravel()
    np.testing.assert_allclose([bar.get_width() for bar in training.bars], outputs, rtol=1e-10, atol=1e-12)
    assert training.alt == (
        f"Three panels for seed 4, activation sigmoid, learning rate 0.3 and glorot initial weights. Error panel: the "
        f"mean squared error over 10000 training steps, {mse:.2g} at step 50. Weights panel: the three weights over "
        f"the same steps; at step 50 they are {', '.join(f'{w:.2f}' for w in weights)}. Outputs panel: the outputs "
        f"for the four training inputs and the three unseen ones: {', '.join(f'{o:.2f}' for o in outputs)}."
    )


# The control rules on their own: built and checked inside each test, so that mutation testing
# (which maps a function to the tests during which it ran) sees these tests use them.


def test_a_whole_number_rule_takes_both_ends_of_its_range_and_builds_a_slider_over_it():
    rule = explorers.Whole("seed", 0, 99)
    assert [rule.check("seed", value) for value in (0, 99, np.int64(7))] == [0, 99, 7]
    for outside in (-1, 100):
        with pytest.raises(ValueError, match=f"seed must be from 0 to 99; got {outside}"):
            rule.check("seed", outside)
    assert rule.site() == {"kind": "whole", "label": "seed", "low": 0, "high": 99, "slider_high": 99}
    typed = explorers.Whole("seed", 0, 99, 12345).site()  # the box's own end; the slider keeps 0 to 99
    assert (typed["high"], typed["slider_high"]) == (12345, 99)
    slider = explorers.Whole("count", 3, 9).widget(5)  # not IntSlider's own 0 to 100
    assert (type(slider).__name__, slider.min, slider.max, slider.value, slider.description) == (
        "IntSlider", 3, 9, 5, "count")


def test_a_number_rule_takes_both_ends_of_its_range():
    rule = explorers.Number("input z", -4.0, 4.0)
    assert [rule.check("z", value) for value in (-4.0, 4, 0.5)] == [-4.0, 4.0, 0.5]
    for outside in (-4.01, 4.01, float("nan")):
        with pytest.raises(ValueError, match="z must be a number from -4.0 to 4.0"):
            rule.check("z", outside)
    assert rule.site() == {"kind": "number", "label": "input z", "low": -4.0, "high": 4.0, "step": 0.1}


def test_a_choice_rule_builds_a_slider_over_stops_or_a_menu_of_options():
    stops = explorers.Choice("iterations", (0, 10, 100), slider=True).widget(10)
    menu = explorers.Choice("activation", ("tanh", "relu")).widget("relu")
    assert (type(stops).__name__, stops.options, stops.value) == ("SelectionSlider", (0, 10, 100), 10)
    assert (type(menu).__name__, menu.options, menu.value, menu.description) == (
        "Dropdown", ("tanh", "relu"), "relu", "activation")
    assert explorers.Choice("iterations", (0, 10), slider=True).site() == {
        "kind": "stops", "label": "iterations", "options": [0, 10]}
    assert explorers.Choice("activation", ("tanh",)).site() == {
        "kind": "menu", "label": "activation", "options": ["tanh"]}


# --- the hidden-layer explorer (chapter "A hidden layer") ------------------------------------


def trained_hidden(seed, n_hidden, activation, learning_rate, iterations=explorers.ITERATION_STOPS[-1]):
    W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
    return hidden.train_hidden(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, activation, iterations, learning_rate)


@pytest.fixture(scope="module")
def hiddens():
    return explorers.HiddenExplorer()


def test_hidden_explorer_starts_at_the_chapters_run_and_says_it_solves_xor(hiddens):
    assert hiddens.snapshot_values == {"seed": 0, "n_hidden": 4, "iterations": 10_000, "activation": "tanh",
                                       "learning_rate": hidden.XOR_LEARNING_RATE}
    assert hiddens.snapshot_alt.startswith(
        "Three panels for seed 0, 4 hidden units, activation tanh and learning rate 0.25. "
        "Error panel: the mean squared error over 10000 training steps, ")
    assert hiddens.snapshot_alt.endswith("Solves XOR after 10000 steps: every output is on its target's side of 0.5.")
    for name, control in hiddens.controls.items():
        assert control.description == explorers.HiddenExplorer.CONTROLS[name].description
        assert control.style.description_width == "initial"
    assert (hiddens.controls["n_hidden"].min, hiddens.controls["n_hidden"].max) == (1, 8)
    assert hiddens.controls["learning_rate"].options == explorers.HIDDEN_RATES
    assert hiddens.controls["activation"].options == ("tanh", "sigmoid", "relu")
    picture = hiddens.image.value
    hiddens.controls["n_hidden"].value = 2  # as a reader moves them: seed 12 with two units is the chapter's stuck run
    hiddens.controls["seed"].value = 12
    assert hiddens.image.value != picture
    assert "Does not solve XOR after 10000 steps: the outputs for [0, 1, 1], [1, 1, 1] are on the wrong side" \
        in hiddens.status.value
    hiddens.controls["seed"].value = 0
    hiddens.controls["n_hidden"].value = 4
    assert hiddens.alt == hiddens.snapshot_alt  # the same run again (the axes may have widened: they never shrink)


@pytest.mark.parametrize("seed, n_hidden, activation, learning_rate, iterations", [
    (0, 2, "tanh", 0.25, 10_000), (12, 2, "tanh", 0.25, 300), (5, 4, "sigmoid", 1.0, 2000), (3, 8, "relu", 0.1, 50),
    (7, 1, "tanh", 2.0, 5),
])
def test_hidden_explorer_plots_helpers_train_hidden(hiddens, seed, n_hidden, activation, learning_rate, iterations):
    hiddens.set(seed=seed, n_hidden=n_hidden, activation=activation, learning_rate=learning_rate, iterations=iterations)
    history = trained_hidden(seed, n_hidden, activation, learning_rate)
    steps = explorers.RECORDED
    np.testing.assert_array_equal(hiddens.error_line.get_xdata(), steps)
    np.testing.assert_array_equal(hiddens.error_line.get_ydata(), history.mean_squared_error[steps])
    W1, W2 = history.W1[iterations], history.W2[iterations]
    _, outputs = hidden.forward(hidden.XOR_INPUTS, W1, W2, activation)
    np.testing.assert_array_equal([bar.get_width() for bar in hiddens.bars], outputs.ravel())
    assert list(hiddens.marker.get_xdata()) == [iterations, iterations]
    mse = history.mean_squared_error[iterations]
    assert hiddens.error_title.get_text() == f"Error after {iterations} steps: {mse:.2g}"
    assert f"{mse:.2g} at step {iterations}." in hiddens.alt
    assert ", ".join(f"{o:.2f}" for o in outputs.ravel()) in hiddens.alt
    solved = hidden.solves(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, activation)
    assert ("Solves XOR" in hiddens.status.value) is solved and ("Does not solve XOR" in hiddens.status.value) is not solved
    assert (html.escape(explorers.HIDDEN_CHAOS_NOTE) in hiddens.status.value) is (learning_rate > 0.5)
    for h, line in enumerate(hiddens.unit_lines):  # each unit's line: where its weighted sum is 0
        x, y = line.get_data()
        if h >= n_hidden:
            assert len(x) == 0
            continue
        assert len(x) == 2
        np.testing.assert_allclose(W1[0, h] * np.array(x) + W1[1, h] * np.array(y) + W1[2, h], 0, atol=1e-9)


def test_a_hidden_run_is_train_hidden_to_the_last_bit():
    run = explorers.hidden_run(3, 4, "sigmoid", 0.5)
    history = trained_hidden(3, 4, "sigmoid", 0.5)
    np.testing.assert_array_equal(run.steps, explorers.RECORDED)
    np.testing.assert_array_equal(run.W1, history.W1[explorers.RECORDED])
    np.testing.assert_array_equal(run.W2, history.W2[explorers.RECORDED])
    np.testing.assert_array_equal(run.mean_squared_error, history.mean_squared_error[explorers.RECORDED])
    assert not run.W1.flags.writeable and not run.mean_squared_error.flags.writeable
    assert explorers.hidden_run.cache_info().maxsize <= 32


def test_hidden_explorer_moving_iterations_never_retrains(hiddens, monkeypatch):
    hiddens.set(seed=4, n_hidden=3, activation="tanh", learning_rate=0.25, iterations=10_000)
    monkeypatch.setattr(hidden, "train_hidden", lambda *args, **kwargs: pytest.fail("retrained"))
    for iterations in (0, 1, 100, 5000):
        hiddens.set(iterations=iterations)
        assert f"after {iterations} steps" in hiddens.error_title.get_text()


def test_a_diverging_hidden_run_shows_a_message_not_nan(hiddens, monkeypatch):
    # No setting of the sliders is known to diverge: stand in a run that does, as train_hidden reports it.
    def diverging(seed, n_hidden, activation, learning_rate):
        return hidden.train_hidden([[1.0]], [[1e150]], [[1.0]], [[1.0], [1.0]], "relu", 3, 1.0)

    monkeypatch.setattr(explorers, "hidden_run", diverging)
    hiddens.set(seed=2, activation="relu", learning_rate=2.0)
    assert "Nothing to plot" in hiddens.status.value and "diverged" in hiddens.status.value
    assert [artist for artist in hiddens.moving if artist.get_visible()] == [hiddens.error_title]
    assert hiddens.error_title.get_text() == "This run diverged"
    assert hiddens.alt.startswith("Empty panels: this run diverged. training diverged")
    monkeypatch.undo()
    hiddens.set(activation="tanh", learning_rate=0.25)
    assert hiddens.error_line.get_visible() and "Solves XOR" in hiddens.status.value


def test_the_hidden_mount_point_holds_its_controls_values_and_settings():
    mount = mount_point(explorers.HiddenExplorer(seed=12, n_hidden=3))  # not the defaults
    assert mount["name"] == "hidden"
    assert mount["controls"] == [
        {"name": "seed", "kind": "whole", "label": "seed", "low": 0, "high": 2**32 - 1, "slider_high": 99},
        {"name": "n_hidden", "kind": "whole", "label": "hidden units", "low": 1, "high": 8, "slider_high": 8},
        {"name": "iterations", "kind": "stops", "label": "iterations", "options": list(explorers.ITERATION_STOPS)},
        {"name": "activation", "kind": "menu", "label": "activation", "options": ["tanh", "sigmoid", "relu"]},
        {"name": "learning_rate", "kind": "stops", "label": "learning rate", "options": list(explorers.HIDDEN_RATES)},
    ]
    assert mount["values"] == {"seed": 12, "n_hidden": 3, "iterations": 10_000, "activation": "tanh",
                               "learning_rate": 0.25}
    settings = mount["settings"]
    assert settings["recorded"] == explorers.RECORDED.tolist() and settings["targets"] == [0, 1, 1, 0]
    assert settings["example_labels"] == ["[0, 0, 1]", "[0, 1, 1]", "[1, 0, 1]", "[1, 1, 1]"]
    assert (settings["threshold"], settings["square"], settings["max_hidden"]) == (0.5, [-0.25, 1.25], 8)
    assert (settings["stable_rate"], settings["chaos_note"]) == (0.5, explorers.HIDDEN_CHAOS_NOTE)


@pytest.mark.parametrize("weights, expected", [
    ([1.0, 0.0, -0.5], ([0.5, 0.5], [-0.25, 1.25])),  # a vertical line at x1 = 0.5
    ([0.0, 2.0, -1.0], ([-0.25, 1.25], [0.5, 0.5])),
    ([1.0, 1.0, -1.0], ([-0.25, 1.25], [1.25, -0.25])),
    ([0.0, 0.0, 3.0], None),  # no line: the sum is the bias everywhere
])
def test_hidden_line_is_where_a_units_sum_is_zero(weights, expected):
    line = explorers.hidden_line(weights)
    if expected is None:
        assert line is None
    else:
        np.testing.assert_allclose(line, expected)


def test_wrong_examples_count_exactly_one_half_as_wrong():
    assert explorers.wrong_examples([0.1, 0.9, 0.6, 0.4], [0, 1, 1, 0]) == []
    assert explorers.wrong_examples([0.5, 0.9, 0.5, 0.7], [0, 1, 1, 0]) == [0, 2, 3]


HIDDEN_STOPS_RATES = "0.03, 0.1, 0.25, 0.5, 1.0, 2.0"
HIDDEN_WRONG_SETTINGS = [
    ({"n_hidden": 0}, ValueError, "n_hidden must be from 1 to 8; got 0"),
    ({"n_hidden": 9}, ValueError, "n_hidden must be from 1 to 8; got 9"),
    ({"n_hidden": 2.0}, TypeError, "n_hidden must be a whole number from 1 to 8; got 2.0"),
    ({"n_hidden": "2"}, TypeError, "n_hidden must be a whole number from 1 to 8; got '2'"),
    ({"seed": 100}, ValueError, "seed must be from 0 to 99; got 100"),
    ({"activation": "post_tanh"}, ValueError, "activation must be one of the menu's options 'tanh', 'sigmoid', 'relu'; got 'post_tanh'"),
    ({"learning_rate": 0.3}, ValueError, f"learning_rate must be one of the slider's stops {HIDDEN_STOPS_RATES}; got 0.3"),
    ({"learning_rate": math.nan}, ValueError, f"learning_rate must be one of the slider's stops {HIDDEN_STOPS_RATES}; got nan"),
    ({"iterations": 7}, ValueError, f"iterations must be one of the slider's stops {STOPS}; got 7"),
]


@pytest.mark.parametrize("setting, error, message", HIDDEN_WRONG_SETTINGS)
def test_a_wrong_hidden_setting_names_the_control_in_the_constructor_and_in_set(hiddens, setting, error, message):
    with pytest.raises(error, match=f"^{message}$") as excinfo:
        explorers.HiddenExplorer(**setting)
    assert_plain(excinfo.value)
    before, picture = hiddens.values, hiddens.image.value
    with pytest.raises(error, match=f"^{message}$"):
        hiddens.set(**setting)
    assert hiddens.values == before and hiddens.image.value == picture


def test_the_hidden_explorer_has_no_scheme_control(hiddens):
    """Its starting weights are initial_hidden_weights' uniform scheme, as in the chapter."""
    with pytest.raises(ValueError, match=r"^unknown control\(s\) \['scheme'\]; expected some of "
                                         r"\['activation', 'iterations', 'learning_rate', 'n_hidden', 'seed'\]$"):
        hiddens.set(scheme="post")

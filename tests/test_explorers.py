"""The explorers, driven headlessly: what they plot is what helpers computes for those settings."""

import io
import math
import traceback

import numpy as np
import pytest
from PIL import Image
from traitlets import TraitError

import helpers
from helpers import explorers


def trained(seed, activation, learning_rate, scheme, iterations=explorers.ITERATION_STOPS[-1]):
    weights = helpers.initial_weights(seed, scheme)
    return helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, activation, iterations, learning_rate)


@pytest.fixture(scope="module")
def training():
    return explorers.TrainingExplorer()


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
    fresh = explorers.TrainingExplorer(seed=5, activation="sigmoid", learning_rate=1.0, scheme="glorot", iterations=30)
    fresh.set(seed=6, iterations=300)  # within the same axes: only the moving artists are drawn
    assert not fresh.stale
    moved = fresh.image.value
    fresh.stale = True  # now draw everything
    drawn = fresh.png()
    moved, drawn = (np.asarray(Image.open(io.BytesIO(png))) for png in (moved, drawn))
    assert moved.shape == drawn.shape and np.array_equal(moved, drawn)


def test_a_diverging_run_shows_a_message_not_nan(monkeypatch):
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
    explorer = explorers.TrainingExplorer(seed=2, activation="relu", learning_rate=2.0, scheme="uniform")
    assert "diverged" in explorer.status.value and "smaller learning_rate" in explorer.status.value
    assert not explorer.error_line.get_visible() and not any(line.get_visible() for line in explorer.weight_lines)
    explorer.set(activation="tanh")  # and it recovers
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
    assert "make lab" in page and "data:image/png;base64," in page


def test_activation_explorer_draws_the_tangent_at_the_chosen_input():
    explorer = explorers.ActivationExplorer(activation="sigmoid", z=1.5)
    z, y = explorer.tangent.get_data()
    slope = (y[1] - y[0]) / (z[1] - z[0])
    assert slope == pytest.approx(float(helpers.derivative("sigmoid", 1.5)))
    assert explorer.point.get_ydata()[0] == pytest.approx(float(helpers.get_activation("sigmoid").function(1.5)))
    explorer.set(activation="relu", z=-2.0)
    np.testing.assert_allclose(explorer.slope_curve.get_ydata(), helpers.derivative("relu", explorer.grid))


def test_seed_explorer_shows_the_starting_weights():
    explorer = explorers.SeedExplorer()
    for seed, scheme in [(1, "post"), (17, "glorot")]:
        explorer.set(seed=seed, scheme=scheme)
        heights = [bar.get_height() for bar in explorer.bars]
        np.testing.assert_array_equal(heights, helpers.initial_weights(seed, scheme).ravel())


def test_prediction_explorer_shows_both_networks_outputs():
    explorer = explorers.PredictionExplorer()
    explorer.set(x1=0.0, x2=1.0, x3=0.0)
    for bar, (label, weights), (activation, _) in zip(explorer.bars, explorer.weights.items(), explorer.MODELS.values()):
        assert bar.get_width() == pytest.approx(float(helpers.predict([0, 1, 0], weights, activation)[0]))
    post = trained(1, "post_tanh", 1.0, "post")
    np.testing.assert_allclose(explorer.weights["post's network"], post.final_weights, rtol=1e-10)


def test_the_scrubber_has_a_frame_for_every_stop():
    html = explorers.training_scrubber().data
    frames = html.count("data:image/png;base64,")
    assert frames == len(explorers.ITERATION_STOPS) > 1
    assert "<input" in html and "type=\"range\"" in html
    assert '<img alt="Training with seed 1' in html and "font-awesome" not in html and "https://" not in html


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
def test_a_wrong_setting_in_set_changes_nothing_and_names_the_control(name, setting, error, message):
    explorer = getattr(explorers, name)()
    before, picture = explorer.values, explorer.image.value
    with pytest.raises(error, match=f"^{message}$") as excinfo:
        explorer.set(**setting)
    assert_plain(excinfo.value)
    assert explorer.values == before and explorer.image.value == picture


def test_set_checks_every_value_before_moving_any_control():
    explorer = explorers.SeedExplorer(seed=4)
    with pytest.raises(ValueError, match="scheme must be one of"):
        explorer.set(seed=9, scheme="Post")
    assert explorer.values == {"seed": 4, "scheme": "post"}


def test_an_unknown_control_is_named_with_the_known_ones():
    explorer = explorers.SeedExplorer()
    with pytest.raises(ValueError, match=r"^unknown control\(s\) \['speed'\]; expected some of \['scheme', 'seed'\]$") as excinfo:
        explorer.set(speed=3, seed=2)
    assert_plain(excinfo.value)


def test_the_scrubber_rejects_a_seed_out_of_range_before_drawing_anything():
    with pytest.raises(ValueError, match="^seed must be from 0 to 99; got 150$") as excinfo:
        explorers.training_scrubber(seed=150)
    assert_plain(excinfo.value)


def test_accepted_settings_are_stored_as_the_controls_own_values():
    explorer = explorers.TrainingExplorer(seed=np.int64(3), iterations=np.int64(100), learning_rate=1)
    assert explorer.values["seed"] == 3 and type(explorer.values["seed"]) is int
    assert type(explorer.values["iterations"]) is int and explorer.values["learning_rate"] == 1.0
    assert type(explorer.values["learning_rate"]) is float
    assert "Error after 100 steps" in explorer.error_title.get_text()
    prediction = explorers.PredictionExplorer(x1=np.float64(2.0), x2=-1, x3=np.int64(0))
    assert prediction.values == {"x1": 2.0, "x2": -1.0, "x3": 0.0}
    assert all(type(value) is float for value in prediction.values.values())
    for z in (-4.0, 4.0):  # the ends of the range are in it
        assert explorers.ActivationExplorer(z=z).values["z"] == z


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
def test_the_title_and_alt_text_give_the_error_at_exactly_the_chosen_step(seed, activation, learning_rate, scheme):
    explorer = explorers.TrainingExplorer(seed=seed, activation=activation, learning_rate=learning_rate, scheme=scheme)
    told_apart = 0
    for stop in (0, 1, 2, 3, 5, 10, 20, 100, 1000, 10_000):
        explorer.set(iterations=stop)
        mse = trained(seed, activation, learning_rate, scheme, iterations=stop).mean_squared_error[-1]
        assert explorer.error_title.get_text() == f"Error after {stop} steps: {mse:.2g}"
        assert f"{mse:.2g} at step {stop}." in explorer.alt
        if stop:  # does the step recorded just before show a different number?
            before = explorers.RECORDED[explorers.RECORDED < stop].max()
            earlier = trained(seed, activation, learning_rate, scheme, iterations=int(before)).mean_squared_error[-1]
            told_apart += f"{earlier:.2g}" != f"{mse:.2g}"
    assert told_apart >= 2  # so reading one recorded step early fails this test


def test_the_constructor_trains_the_shown_run_only():
    explorers.training_run.cache_clear()
    explorers.TrainingExplorer(seed=42, activation="relu", learning_rate=0.3, scheme="glorot")
    assert explorers.training_run.cache_info().misses == 1


def test_the_axes_fit_every_run_shown_and_only_widen():
    explorer = explorers.TrainingExplorer(seed=3, activation="tanh", learning_rate=0.01, scheme="uniform")
    first = explorers.run_limits(explorers.training_run(3, "tanh", 0.01, "uniform"), "tanh")
    assert explorer.limits == first
    settings = [dict(seed=3), dict(activation="post_tanh", learning_rate=1.0, scheme="post", seed=1), dict(seed=8)]
    shown = [first]
    for setting in settings:
        explorer.set(**setting)
        v = explorer.values
        shown.append(explorers.run_limits(explorers.training_run(v["seed"], v["activation"], v["learning_rate"], v["scheme"]), v["activation"]))
        for axis in ("error", "weights", "outputs"):
            assert explorer.limits[axis] == (min(l[axis][0] for l in shown), max(l[axis][1] for l in shown))
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
])
def test_error_limits_of_made_up_runs(mse, error_limits):
    run = explorers.Run(np.array([0, 1]), np.zeros((2, 3)), np.array(mse))
    assert explorers.run_limits(run, "tanh")["error"] == pytest.approx(error_limits)

"""The explorers, driven headlessly: what they plot is what helpers computes for those settings."""

import io

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
    misses = explorers.seed_runs.cache_info().misses
    for stop in explorers.ITERATION_STOPS:
        training.controls["iterations"].value = stop  # as a reader drags the slider
    for seed in (0, 2, 50, 99):
        training.controls["seed"].value = seed  # every seed was trained with the first
    assert explorers.seed_runs.cache_info().misses == misses
    training.controls["seed"].value = 1
    history = trained(1, "post_tanh", 1.0, "post")
    expected = helpers.predict(explorers.EXAMPLE_INPUTS, history.weights[0][:, None], "post_tanh").ravel()
    training.controls["iterations"].value = 0
    np.testing.assert_allclose([bar.get_width() for bar in training.bars], expected, rtol=1e-10, atol=1e-12)


def test_blitted_image_equals_a_fresh_full_drawing(training):
    training.set(seed=5, activation="sigmoid", learning_rate=1.0, scheme="glorot", iterations=30)
    fresh = explorers.TrainingExplorer(seed=5, activation="sigmoid", learning_rate=1.0, scheme="glorot", iterations=30)
    moved, drawn = (np.asarray(Image.open(io.BytesIO(png))) for png in (training.image.value, fresh.image.value))
    assert moved.shape == drawn.shape and np.array_equal(moved, drawn)


def test_a_diverging_run_shows_a_message_not_nan(monkeypatch):
    # No setting the sliders offer is known to diverge, so stand in a run that does: relu
    # with an absurd learning rate, exactly as helpers.train reports it.
    real_runs = explorers.seed_runs

    def diverging(activation, learning_rate, scheme):
        return real_runs.__wrapped__(activation, 1e300 if activation == "relu" else learning_rate, scheme)

    monkeypatch.setattr(explorers, "seed_runs", diverging)
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

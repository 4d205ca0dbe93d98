"""Figures: opaque background, colour-blind-safe colours, labelled axes, the right data."""

import matplotlib
import numpy as np
import pytest

import helpers
from helpers import plotting

matplotlib.use("Agg")


def test_activation_figure_draws_each_function_and_its_slope():
    fig = plotting.plot_activations(["tanh", "relu"])
    left, right = fig.axes
    for line, name in zip(left.lines, ["tanh", "relu"]):
        z, y = line.get_data()
        np.testing.assert_allclose(y, helpers.get_activation(name).function(z))
    for line, name in zip(right.lines, ["tanh", "relu"]):
        z, slope = line.get_data()
        np.testing.assert_allclose(slope, helpers.derivative(name, z))


def test_figures_are_opaque_labelled_and_colour_blind_safe():
    fig = plotting.plot_activations(["tanh", "sigmoid", "relu", "post_tanh"])
    assert fig.get_facecolor()[3] == 1.0 and fig.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    safe = {c.lower() for c in plotting.OKABE_ITO.values()}
    for ax in fig.axes:
        assert ax.get_xlabel() and ax.get_ylabel() and ax.get_facecolor()[3] == 1.0
        colours = [line.get_color().lower() for line in ax.lines]
        styles = [line.get_linestyle() for line in ax.lines]
        assert set(colours) <= safe and len(set(colours)) == len(colours)
        assert len(set(styles)) == len(styles)  # colour is never the only cue


def test_figures_are_not_left_open_in_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plotting.plot_activations()
    assert plt.get_fignums() == before


def test_unknown_activation_fails_before_drawing():
    with pytest.raises(ValueError, match="expected one of"):
        plotting.plot_activations(["tanh", "swish"])


def test_importing_helpers_configures_nothing():
    import subprocess
    import sys

    code = "import sys, helpers; print('matplotlib.pyplot' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.fixture(scope="module")
def two_runs():
    weights = helpers.initial_weights(1)
    train = lambda name, rate: helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, name, 300, rate)  # noqa: E731
    return {"post": train("post_tanh", 1.0), "fixed": train("tanh", 0.5)}


def test_error_curves_plot_each_runs_mean_squared_error(two_runs):
    (ax,) = plotting.plot_error_curves(two_runs).axes
    for line, history in zip(ax.lines, two_runs.values()):
        np.testing.assert_array_equal(line.get_ydata(), history.mean_squared_error)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["post", "fixed"]


def test_weight_trajectories_plot_every_weight_of_every_run(two_runs):
    (ax,) = plotting.plot_weight_trajectories(two_runs).axes
    assert len(ax.lines) == 6
    np.testing.assert_array_equal(ax.lines[4].get_ydata(), two_runs["fixed"].weights[:, 1])
    assert ax.lines[0].get_linestyle() != ax.lines[3].get_linestyle()  # runs differ by style


def test_bar_and_histogram_heights_are_the_data():
    weights = {"seed 1": helpers.initial_weights(1), "seed 2": helpers.initial_weights(2)}
    (ax,) = plotting.plot_weight_bars(weights).axes
    heights = [p.get_height() for p in ax.patches]
    np.testing.assert_allclose(heights, np.concatenate([w.ravel() for w in weights.values()]))
    samples = np.random.default_rng(0).uniform(-1, 0, 500)
    (ax,) = plotting.plot_histograms({"post": samples}, xlabel="weight").axes
    assert ax.get_xlabel() == "weight" and ax.get_xlim()[1] <= 0.1


def test_predictions_show_each_output_and_the_threshold():
    outputs = {"ours": [0.9, -0.1, 0.8], "other": [1.0, 0.0, 1.0]}
    (ax,) = plotting.plot_predictions(helpers.POST_TEST_INPUTS, outputs).axes
    np.testing.assert_allclose([p.get_height() for p in ax.patches], [0.9, -0.1, 0.8, 1.0, 0.0, 1.0])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["[1, 1, 0]", "[0, 1, 0]", "[1, 0, 0]"]
    assert any(np.allclose(line.get_ydata(), 0.5) for line in ax.lines)
    with pytest.raises(ValueError, match="3 outputs for 2 inputs"):
        plotting.plot_predictions([[1, 0, 0], [0, 1, 0]], {"ours": [1, 2, 3]})


def test_nothing_non_finite_is_plotted_silently():
    with pytest.raises(ValueError, match="nan or inf"):
        plotting.plot_predictions([[1, 0, 0]], {"broken": [np.nan]})
    with pytest.raises(ValueError, match="nan or inf"):
        plotting.plot_weight_bars({"broken": [1.0, np.inf, 0.0]})


def contrast_with_white(colour) -> float:
    """WCAG 2 contrast ratio of a colour (alpha blended onto white) against white."""
    r, g, b, a = matplotlib.colors.to_rgba(colour)
    channels = [a * c + (1 - a) for c in (r, g, b)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_all_figure_text_is_readable_on_the_white_background(two_runs):
    figures = [
        plotting.plot_activations(),
        plotting.plot_error_curves(two_runs),
        plotting.plot_weight_trajectories(two_runs),
        plotting.plot_weight_bars({"seed 1": helpers.initial_weights(1)}),
        plotting.plot_histograms({"post": np.linspace(-1, 0, 50)}, xlabel="weight"),
        plotting.plot_predictions(helpers.POST_TEST_INPUTS, {"ours": [0.9, -0.1, 0.8]}),
    ]
    checked = 0
    for fig in figures:
        fig.canvas.draw()  # lays out tick labels
        for text in fig.findobj(matplotlib.text.Text):
            if text.get_visible() and text.get_text().strip():
                ratio = contrast_with_white(text.get_color())
                assert ratio >= 4.5, f"{text.get_text()!r} has contrast {ratio:.1f}:1 (WCAG AA needs 4.5:1)"
                checked += 1
    assert checked > 30
    assert contrast_with_white("#777777") < 4.5 < contrast_with_white("black")  # the check can fail

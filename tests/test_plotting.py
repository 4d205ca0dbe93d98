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


def test_figures_are_wide_and_short_and_nothing_is_cut_off():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    assert tuple(plotting.plot_weight_bars({"post": [1, 2]}).get_size_inches()) == (6.4, 3.6)
    assert tuple(plotting.plot_activations().get_size_inches()) == (8.0, 3.6)
    # The legend sits outside the axes, on the right: the layout must make room for it in the figure.
    fig = plotting.plot_histograms({"a label that is rather long": [1, 2, 3], "b": [2, 3]}, xlabel="w")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    legend = fig.axes[0].get_legend().get_window_extent(canvas.get_renderer())
    assert 0 <= legend.x0 and legend.x1 <= fig.bbox.x1 and 0 <= legend.y0 and legend.y1 <= fig.bbox.y1


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


# --- issue #10: odd arguments get one clear error before anything is drawn -------

from helpers.network import History  # noqa: E402

X = helpers.POST_INPUTS


def made_history(weights=None, errors=None):
    """A History built by hand, as a student might, with whatever numbers we want to test."""
    weights = np.zeros((3, 3)) if weights is None else np.asarray(weights, dtype=float)
    errors = np.zeros((3, 4)) if errors is None else np.asarray(errors, dtype=float)
    return History(weights, errors, "tanh", 1.0)


def test_one_activation_name_may_be_given_bare():
    fig = plotting.plot_activations("tanh")
    assert [[line.get_label() for line in ax.lines] for ax in fig.axes] == [["tanh"], ["tanh"]]


@pytest.mark.parametrize("z_limit", [1000, 1000.0, np.float32(2.5), 1e-3])
def test_z_limits_up_to_the_maximum_are_drawn(z_limit):
    z, _ = plotting.plot_activations(["relu"], z_limit=z_limit).axes[0].lines[0].get_data()
    assert z[0] == -float(z_limit) and z[-1] == float(z_limit) and len(z) == 401
    assert plotting.MAX_Z_LIMIT == 1000.0


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: plotting.plot_activations([]), ValueError, r"^names must list at least one activation, e.g. \['tanh', 'sigmoid'\]$"),
        (lambda: plotting.plot_activations(3), TypeError, r"names must be an activation name or a list of them, e.g. \['tanh', 'sigmoid'\]; got 3"),
        (lambda: plotting.plot_activations("tan"), ValueError, "unknown activation 'tan'; expected one of"),
        (lambda: plotting.plot_activations(["tanh", ["relu"]]), ValueError, r"unknown activation \['relu'\]"),
        (lambda: plotting.plot_activations(z_limit=0), ValueError, "z_limit must be a positive number at most MAX_Z_LIMIT = 1000; got 0.0"),
        (lambda: plotting.plot_activations(z_limit=-4), ValueError, "z_limit must be a positive number"),
        (lambda: plotting.plot_activations(z_limit=np.nan), ValueError, "z_limit must be a positive number"),
        (lambda: plotting.plot_activations(z_limit=np.inf), ValueError, "z_limit must be a positive number"),
        (lambda: plotting.plot_activations(z_limit=np.nextafter(1000.0, np.inf)), ValueError, "at most MAX_Z_LIMIT = 1000"),
        (lambda: plotting.plot_activations(z_limit="4"), TypeError, "z_limit must be a number such as 4.0; got '4'"),
        (lambda: plotting.plot_activations(z_limit=True), TypeError, "z_limit must be a number such as 4.0; got True"),
    ],
)
def test_activation_figure_refuses_odd_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


HISTORY_PLOTS = [plotting.plot_error_curves, plotting.plot_weight_trajectories]


@pytest.mark.parametrize("plot", HISTORY_PLOTS)
def test_history_plots_need_a_mapping_of_histories(plot, two_runs):
    with pytest.raises(TypeError, match=r"histories must map a label to a History, e.g. \{'seed 1': history\}; got a list"):
        plot(list(two_runs.values()))
    with pytest.raises(TypeError, match="histories must map a label to a History.*; got a History"):
        plot(two_runs["post"])
    with pytest.raises(ValueError, match="histories is empty: it must map at least one label to a History"):
        plot({})
    what = (r"a History or a HiddenHistory, what helpers.train or helpers.hidden.train_hidden returns"
            if plot is plotting.plot_error_curves else r"a History, what helpers.train returns")
    with pytest.raises(TypeError, match=rf"histories\['weights'\] must be {what}; got a ndarray"):
        plot({"post": two_runs["post"], "weights": two_runs["post"].weights})


def test_error_curves_take_a_two_layer_run_too(two_runs):
    W1, W2 = helpers.hidden.initial_hidden_weights(0, 2)
    run = helpers.hidden.train_hidden(helpers.hidden.XOR_INPUTS, helpers.hidden.XOR_TARGETS, W1, W2, iterations=50)
    (ax,) = plotting.plot_error_curves({"two layers": run, "one layer": two_runs["post"]}).axes
    np.testing.assert_allclose(ax.lines[0].get_ydata(), run.mean_squared_error)
    with pytest.raises(TypeError, match=r"histories\['two layers'\] must be a History, what helpers.train returns; "
                                        "got a HiddenHistory"):
        plotting.plot_weight_trajectories({"two layers": run})


@pytest.mark.parametrize("plot", HISTORY_PLOTS)
def test_history_plots_accept_any_mapping(plot, two_runs):
    from types import MappingProxyType

    assert plot(MappingProxyType(two_runs)).axes[0].lines


def test_no_nan_or_inf_of_a_history_is_plotted_silently():
    with pytest.raises(ValueError, match=r"histories\['bad'\].mean_squared_error must be finite numbers; got 1 nan or inf"):
        plotting.plot_error_curves({"bad": made_history(errors=[[0, 0, 0, 0], [0, np.nan, 0, 0], [0, 0, 0, 0]])})
    with pytest.raises(ValueError, match=r"histories\['huge'\].mean_squared_error must be finite"):  # 1e200 squared
        plotting.plot_error_curves({"huge": made_history(errors=np.full((3, 4), 1e200))})
    with pytest.raises(ValueError, match=r"histories\['bad'\].weights must be finite numbers; got 1 nan or inf"):
        plotting.plot_weight_trajectories({"bad": made_history(weights=[[0, 0, 0], [0, np.inf, 0], [0, 0, 0]])})


@pytest.mark.parametrize(
    "weights_by_label, error, message",
    [
        ([np.zeros(3)], TypeError, r"weights_by_label must map a label to weights, e.g. \{'seed 1': helpers.initial_weights\(1\)\}; got a list"),
        (np.zeros(3), TypeError, "weights_by_label must map a label to weights.*; got a ndarray"),
        ({}, ValueError, "weights_by_label is empty"),
        ({"a": "abc"}, TypeError, r"weights_by_label\['a'\] must be numbers"),
        ({"a": [1, 2j, 3]}, TypeError, r"weights_by_label\['a'\] must be real numbers"),
        ({"a": []}, ValueError, r"weights_by_label\['a'\] is empty: there is nothing to plot"),
        ({"a": [1, 2, 3], "b": [1, 2]}, ValueError, r"the same number of values; weights_by_label\['a'\] has 3 but weights_by_label\['b'\] has 2"),
        ({"a": [1, 2], "b": [3, 4], "c": [5]}, ValueError, r"weights_by_label\['c'\] has 1"),
        ({"a": [[0], [0, 1]]}, ValueError, r"weights_by_label\['a'\] must be rectangular"),
    ],
)
def test_weight_bars_refuse_odd_arguments(weights_by_label, error, message):
    with pytest.raises(error, match=message):
        plotting.plot_weight_bars(weights_by_label)


def test_bars_are_grouped_side_by_side_under_their_labels():
    (ax,) = plotting.plot_weight_bars({"a": [1, 2, 3, 4], "b": [5, 6, 7, 8]}).axes
    centres = [p.get_x() + p.get_width() / 2 for p in ax.patches]
    np.testing.assert_allclose(centres, [-0.2, 0.8, 1.8, 2.8, 0.2, 1.2, 2.2, 3.2])
    np.testing.assert_allclose([p.get_width() for p in ax.patches], 0.4)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["w1 (first input)", "w2 (second input)", "w3 (bias input)", "w4"]
    (ax,) = plotting.plot_weight_bars({"only": [1, 2]}).axes
    np.testing.assert_allclose([p.get_x() + p.get_width() / 2 for p in ax.patches], [0, 1])
    np.testing.assert_allclose([p.get_width() for p in ax.patches], 0.8)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: plotting.plot_histograms([[1, 2]], xlabel="w"), TypeError, r"samples_by_label must map a label to samples, e.g. \{'post': weights\}; got a list"),
        (lambda: plotting.plot_histograms({}, xlabel="w"), ValueError, "samples_by_label is empty"),
        (lambda: plotting.plot_histograms({"a": [0.5, np.nan]}, xlabel="w"), ValueError, r"samples_by_label\['a'\] must be finite numbers"),
        (lambda: plotting.plot_histograms({"a": []}, xlabel="w"), ValueError, r"samples_by_label\['a'\] is empty"),
        (lambda: plotting.plot_histograms({"a": ["1"]}, xlabel="w"), TypeError, r"samples_by_label\['a'\] must be numbers"),
        (lambda: plotting.plot_histograms({"a": [1, 2]}, xlabel=3), TypeError, "xlabel must be text such as 'weight'; got 3"),
        (lambda: plotting.plot_histograms({"a": [1, 2]}, xlabel="w", bins=0), ValueError, "bins must be from 1 to MAX_BINS = 1,000; got 0"),
        (lambda: plotting.plot_histograms({"a": [1, 2]}, xlabel="w", bins=-5), ValueError, "bins must be from 1 to MAX_BINS"),
        (lambda: plotting.plot_histograms({"a": [1, 2]}, xlabel="w", bins=1001), ValueError, "bins must be from 1 to MAX_BINS = 1,000; got 1,001"),
        (lambda: plotting.plot_histograms({"a": [1, 2]}, xlabel="w", bins=10**12), ValueError, "bins must be from 1 to MAX_BINS"),
        (lambda: plotting.plot_histograms({"a": [1, 2]}, xlabel="w", bins=2.5), TypeError, "bins must be a whole number; got 2.5"),
        (lambda: plotting.plot_histograms({"a": [1, 2]}, xlabel="w", bins=True), TypeError, "bins must be a whole number; got True"),
    ],
)
def test_histograms_refuse_odd_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("bins", [1, 7, 1000])
def test_histograms_draw_the_bins_asked_for(bins):
    samples = np.random.default_rng(1).normal(size=300)
    (ax,) = plotting.plot_histograms({"a": samples}, xlabel="w", bins=bins).axes
    xs = ax.patches[0].get_xy()[:, 0]
    assert len(np.unique(xs)) == bins + 1  # the outline passes every bin edge
    np.testing.assert_allclose([xs.min(), xs.max()], [samples.min(), samples.max()])
    assert plotting.MAX_BINS == 1000


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: plotting.plot_predictions([[1, 0, 0], [1, 0]], {"a": [1, 2]}), ValueError, "inputs must be rectangular"),
        (lambda: plotting.plot_predictions([["1", "0"]], {"a": [1]}), TypeError, "inputs must be numbers"),
        (lambda: plotting.plot_predictions([[np.nan, 0]], {"a": [1]}), ValueError, "inputs must be finite numbers"),
        (lambda: plotting.plot_predictions(np.zeros((0, 3)), {"a": []}), ValueError, r"inputs must have at least one example"),
        (lambda: plotting.plot_predictions(np.zeros((2, 2, 2)), {"a": [1, 2]}), ValueError, r"inputs must be a matrix of shape \(n_examples, n_inputs\)"),
        (lambda: plotting.plot_predictions(X, [[1, 2, 3, 4]]), TypeError, r"outputs_by_label must map a label to outputs, e.g. \{'ours': helpers.predict\(inputs, weights\)\}; got a list"),
        (lambda: plotting.plot_predictions(X, {}), ValueError, "outputs_by_label is empty"),
        (lambda: plotting.plot_predictions(X, {"a": [1, 2, 3, 4], "b": [1, 2, 3]}), ValueError, r"outputs_by_label\['a'\] has 4 but outputs_by_label\['b'\] has 3"),
        (lambda: plotting.plot_predictions(X, {"a": [1, 2, 3]}), ValueError, r"outputs_by_label\['a'\] has 3 outputs for 4 inputs"),
        (lambda: plotting.plot_predictions(X, {"a": ["1", "2", "3", "4"]}), TypeError, r"outputs_by_label\['a'\] must be numbers"),
        (lambda: plotting.plot_predictions(X, {"a": [0, 1, np.inf, 0]}), ValueError, r"outputs_by_label\['a'\] must be finite numbers"),
        (lambda: plotting.plot_predictions(X, {"a": [0, 1, 1, 0]}, threshold=np.nan), ValueError, "threshold must be a finite number, or None for no line; got nan"),
        (lambda: plotting.plot_predictions(X, {"a": [0, 1, 1, 0]}, threshold=-np.inf), ValueError, "threshold must be a finite number"),
        (lambda: plotting.plot_predictions(X, {"a": [0, 1, 1, 0]}, threshold="0.5"), TypeError, "threshold must be a number such as 0.5; got '0.5'"),
        (lambda: plotting.plot_predictions(X, {"a": [0, 1, 1, 0]}, threshold=True), TypeError, "threshold must be a number such as 0.5"),
    ],
)
def test_predictions_refuse_odd_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


def dashed_levels(ax):
    return [line.get_ydata()[0] for line in ax.lines if line.get_linestyle() == "--"]


def test_the_threshold_line_is_where_asked_or_absent():
    outputs = {"a": [0.2, 0.9, 0.4, 0.6]}
    (ax,) = plotting.plot_predictions(X, outputs, threshold=0.25).axes
    assert dashed_levels(ax) == [0.25] and "threshold 0.25" in [t.get_text() for t in ax.get_legend().get_texts()]
    (ax,) = plotting.plot_predictions(X, outputs, threshold=None).axes
    assert dashed_levels(ax) == [] and [line.get_ydata()[0] for line in ax.lines] == [0]
    (ax,) = plotting.plot_predictions(X, outputs, threshold=np.float32(-1)).axes
    assert dashed_levels(ax) == [-1.0]


def test_prediction_inputs_are_labelled_shortly_even_when_odd():
    (ax,) = plotting.plot_predictions([0.5, -0.0, 1e300], {"one": [0.3]}).axes
    assert [t.get_text() for t in ax.get_xticklabels()] == ["[0.5, 0, 1e+300]"]
    np.testing.assert_allclose([p.get_height() for p in ax.patches], [0.3])


def test_scales_and_legends_follow_the_arguments(two_runs):
    (ax,) = plotting.plot_error_curves(two_runs).axes
    assert (ax.get_xscale(), ax.get_yscale()) == ("symlog", "log")
    (ax,) = plotting.plot_error_curves(two_runs, log_x=False, log_y=False).axes
    assert (ax.get_xscale(), ax.get_yscale()) == ("linear", "linear")
    (ax,) = plotting.plot_weight_trajectories({"post": two_runs["post"]}, log_x=False).axes
    assert ax.get_xscale() == "linear"
    assert [line.get_label() for line in ax.lines] == list(plotting.WEIGHT_NAMES)
    (ax,) = plotting.plot_weight_trajectories(two_runs).axes
    assert ax.get_xscale() == "symlog" and ax.lines[3].get_label() == "w1 (first input), fixed"


def test_each_label_of_the_bars_has_its_own_colour_and_hatch_and_black_edges():
    # Six labels: more than the four colours of the line cycle, so each colour must be chosen, not cycled.
    labels = ["a", "b", "c", "d", "e", "f"]
    (ax,) = plotting.plot_weight_bars({label: [1, -2] for label in labels}).axes
    groups = [ax.patches[2 * j: 2 * j + 2] for j in range(len(labels))]  # each label's two bars
    colours = [{matplotlib.colors.to_hex(bar.get_facecolor()) for bar in group} for group in groups]
    hatches = [{bar.get_hatch() or "" for bar in group} for group in groups]
    assert all(len(c) == 1 for c in colours) and len(set.union(*colours)) == len(labels)
    assert set.union(*colours) <= {c.lower() for c in plotting.OKABE_ITO.values()}
    # In grey print colour is lost: the hatch tells the labels apart, drawn in black like the outline.
    assert all(len(h) == 1 for h in hatches) and len(set.union(*hatches)) == len(labels)
    for bar in ax.patches:
        assert matplotlib.colors.to_rgba(bar.get_edgecolor()) == (0.0, 0.0, 0.0, 1.0)


def small_texts(fig, points):
    """Every visible piece of text in ``fig`` smaller than ``points``, with its size."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    FigureCanvasAgg(fig).draw()  # ticks and legends exist once drawn
    return [(text.get_text(), text.get_fontsize()) for text in fig.findobj(Text)
            if text.get_visible() and text.get_text().strip() and text.get_fontsize() < points - 1e-9]


def test_every_figure_keeps_its_text_at_least_the_smallest_size_and_the_books_dpi():
    """The site's legibility test counts on it: no text below SMALLEST_TEXT points, at DPI pixels per inch."""
    run = helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, helpers.initial_weights(1, "post"), iterations=5)
    figures = [
        plotting.plot_activations(["tanh", "sigmoid"]),
        plotting.plot_error_curves({"seed 1": run, "seed 2": run}),
        plotting.plot_weight_trajectories({"seed 1": run, "seed 2": run}),
        plotting.plot_weight_bars({"post": [1, 2, 3], "uniform": [3, 2, 1]}),
        plotting.plot_histograms({"post": [1, 2, 3], "glorot": [2, 3]}, xlabel="weight"),
        plotting.plot_predictions(np.eye(3), {"ours": [0.1, 0.9, 0.5], "theirs": [0.2, 0.8, 0.4]}),
    ]
    assert plotting.SMALLEST_TEXT == pytest.approx(plotting.FONT_SIZE * 0.833)
    for fig in figures:
        assert fig.get_dpi() == plotting.DPI
        assert not small_texts(fig, plotting.SMALLEST_TEXT), small_texts(fig, plotting.SMALLEST_TEXT)
    # The check itself sees text that is too small.
    figures[0].axes[0].text(0, 0, "tiny", fontsize=plotting.SMALLEST_TEXT - 1)
    assert small_texts(figures[0], plotting.SMALLEST_TEXT) == [("tiny", plotting.SMALLEST_TEXT - 1)]


# --- issue #14: the loss surface (chapter 5) and the decision lines (chapter 6) ------------

POST_WINDOWS = [(-1.5, 6, -1.5, 11), (-1.2, 1.2, -1.2, 2.0)]


@pytest.fixture(scope="module")
def chapter_5_runs():
    start = helpers.initial_weights(1, "post")
    train = lambda name, rate: helpers.train(X, helpers.POST_TARGETS, start, name, 10_000, rate)  # noqa: E731
    return {"post's slope, rate 1": train("post_tanh", 1.0), "true slope, rate 1": train("tanh", 1.0),
            "true slope, rate 0.5": train("tanh", 0.5)}


def contour_sets(ax):
    from matplotlib.contour import ContourSet

    return [c for c in ax.collections if isinstance(c, ContourSet)]


def test_loss_surface_draws_each_run_exactly_as_train_recorded_it(chapter_5_runs):
    held = chapter_5_runs["post's slope, rate 1"].weights[-1, 0]
    fig = plotting.plot_loss_surface(X, helpers.POST_TARGETS, chapter_5_runs, held, POST_WINDOWS)
    assert len(fig.axes) == 2
    for ax in fig.axes:
        paths = ax.lines[0::3]
        assert [line.get_label() for line in paths] == list(chapter_5_runs)
        for line, history in zip(paths, chapter_5_runs.values()):
            np.testing.assert_array_equal(line.get_xdata(), history.weights[:, 1])
            np.testing.assert_array_equal(line.get_ydata(), history.weights[:, 2])
        for start, last, history in zip(ax.lines[1::3], ax.lines[2::3], chapter_5_runs.values()):
            np.testing.assert_array_equal(np.ravel(start.get_data()), history.weights[0, 1:])
            np.testing.assert_array_equal(last.get_xydata(), history.weights[-2:, 1:])
        colours = {line.get_color() for line in paths}
        assert len(colours) == 3 and colours <= set(plotting.OKABE_ITO.values())
        assert len({line.get_linestyle() for line in paths}) == 3
    assert (fig.axes[0].get_xlim(), fig.axes[0].get_ylim()) == ((-1.5, 6.0), (-1.5, 11.0))
    assert (fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()) == ("w2 (second input)", "w3 (bias input)")
    assert fig.get_suptitle() == f"mean squared error, w1 held at {held:.4g}"


def test_loss_surface_contours_lie_where_the_error_has_their_level(chapter_5_runs):
    held = 7.0
    fig = plotting.plot_loss_surface(X, helpers.POST_TARGETS, {"p": chapter_5_runs["true slope, rate 0.5"]},
                                     held, [(-3, 3, -3, 3)])
    (contours,) = contour_sets(fig.axes[0])
    # With w1 = 7 the examples with target 1 are right and the others off by less than 1:
    # the error stays below 0.5, so the levels above it are left out.
    assert list(contours.levels) == [0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.49]
    for level, path in zip(contours.levels, contours.get_paths()):
        w2, w3 = path.vertices.T
        assert len(w2) > 10
        outputs = np.tanh(X @ np.array([np.full_like(w2, held), w2, w3]))
        mse = np.mean((helpers.POST_TARGETS - outputs) ** 2, axis=0)
        np.testing.assert_allclose(mse, level, rtol=0.01, atol=1e-4)


def test_loss_surface_holds_the_weight_asked_for_and_draws_the_levels_asked_for(chapter_5_runs):
    run = chapter_5_runs["true slope, rate 0.5"]
    fig = plotting.plot_loss_surface(X, helpers.POST_TARGETS, {"r": run}, 0.0, [(-1, 4, -1, 1)], held=1,
                                     levels=[0.1, 0.2])
    (ax,) = fig.axes
    np.testing.assert_array_equal(ax.lines[0].get_xydata(), run.weights[:, [0, 2]])
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("w1 (first input)", "w3 (bias input)")
    assert list(contour_sets(ax)[0].levels) == [0.1, 0.2]
    # No level inside the error's range: no contour, and no warning from matplotlib either.
    assert contour_sets(plotting.plot_loss_surface(X, helpers.POST_TARGETS, {"r": run}, 0.0, [(-1, 4, -1, 1)],
                                                   levels=[5.0]).axes[0]) == []


def test_the_error_grid_is_the_mean_squared_error_of_each_column():
    weights = np.array([[0.5, 7.0], [-0.2, 0.0], [1.0, -0.1]])
    expected = [np.mean((helpers.POST_TARGETS - helpers.predict(X, w[:, None])) ** 2) for w in weights.T]
    np.testing.assert_allclose(plotting.mean_squared_error_grid(X, helpers.POST_TARGETS, weights), expected)


RUN = made_history()


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"inputs": np.zeros((4, 2))}, ValueError, r"^inputs must be a matrix of shape \(n_examples, 3\), one row per example; got shape \(4, 2\)$"),
        ({"targets": [0, 0, 1, 1]}, ValueError, r"^targets must have shape \(4, 1\); got shape \(4,\)$"),
        ({"histories": [RUN]}, TypeError, r"^histories must map a label to a History, e.g. \{'seed 1': history\}; got a list$"),
        ({"histories": {"two": History(np.zeros((3, 2)), np.zeros((3, 4)), "tanh", 1.0)}}, ValueError,
         r"^histories\['two'\].weights must have 3 columns, one per weight; got shape \(3, 2\)$"),
        ({"histories": {"bad": made_history(weights=[[0, 0, 0], [0, np.nan, 0], [0, 0, 0]])}}, ValueError,
         r"^histories\['bad'\].weights must be finite numbers; got 1 nan or inf in shape \(3, 3\), the first at index \(1, 1\)$"),
        ({"held_value": "7"}, TypeError, r"^held_value must be a number such as 7.16; got '7'$"),
        ({"held_value": np.inf}, ValueError, r"^held_value must be a finite number; got inf$"),
        ({"windows": (0, 1, 0, 1)}, TypeError, r"^windows must be a list of boxes \(left, right, bottom, top\), e.g. \[\(-1, 6, -2, 11\)\]; got one box \(0, 1, 0, 1\): put it in a list$"),
        ({"windows": "box"}, TypeError, r"^windows must be a list of boxes \(left, right, bottom, top\), e.g. \[\(-1, 6, -2, 11\)\]; got 'box'$"),
        ({"windows": []}, ValueError, r"^windows must list from 1 to MAX_WINDOWS = 3 boxes, e.g. \[\(-1, 6, -2, 11\)\]; got 0$"),
        ({"windows": [(0, 1, 0, 1)] * 4}, ValueError, r"^windows must list from 1 to MAX_WINDOWS = 3 boxes, .*; got 4$"),
        ({"windows": [(0, 1, 0, 1), (0, 1, 2)]}, ValueError, r"^windows\[1\] must be 4 numbers \(left, right, bottom, top\); got 3$"),
        ({"windows": [(1, 0, 0, 1)]}, ValueError, r"^windows\[0\] must have left < right and bottom < top; got \[1.0, 0.0, 0.0, 1.0\]$"),
        ({"windows": [(0, 1, 0, 0)]}, ValueError, r"^windows\[0\] must have left < right and bottom < top; got \[0.0, 1.0, 0.0, 0.0\]$"),
        ({"windows": [(0, 1, np.nan, 1)]}, ValueError, r"^windows\[0\] must be finite numbers; got 1 nan or inf in shape \(4,\), the first at index \(2,\)$"),
        ({"held": 3}, ValueError, r"^held must be from 0 to the last weight = 2; got 3$"),
        ({"held": 1.0}, TypeError, r"^held must be a whole number; got 1.0$"),
        ({"activation": "tan"}, ValueError, r"^unknown activation 'tan'; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'$"),
        ({"levels": [0.2, 0.1]}, ValueError, r"^levels must increase from one to the next; got \[0.2, 0.1\]$"),
        ({"levels": []}, ValueError, r"^levels is empty: there is nothing to plot$"),
        ({"levels": [0.1, np.nan]}, ValueError, r"^levels must be finite numbers; got 1 nan or inf in shape \(2,\), the first at index \(1,\)$"),
    ],
)
def test_loss_surface_refuses_odd_arguments(kwargs, error, message):
    arguments = {"inputs": X, "targets": helpers.POST_TARGETS, "histories": {"r": RUN}, "held_value": 7.0,
                 "windows": [(-1, 1, -1, 1)]} | kwargs
    with pytest.raises(error, match=message):
        plotting.plot_loss_surface(**arguments)


def test_loss_surface_refuses_an_error_too_large_to_plot():
    huge = np.full((4, 3), 1e200)
    with pytest.raises(ValueError, match=r"^the mean squared error on the grid must be finite numbers; got \d+ nan or inf in shape \(40401,\)"):
        plotting.plot_loss_surface(huge, np.full((4, 1), 1e200), {"r": RUN}, 1.0, [(-1, 1, -1, 1)],
                                   activation="relu")


@pytest.fixture(scope="module")
def post_weights():
    return helpers.train(X, helpers.POST_TARGETS, helpers.initial_weights(1, "post"), "post_tanh").final_weights


def test_decision_lines_lie_where_the_output_crosses_the_threshold(post_weights):
    fig = plotting.plot_decision_lines(post_weights, X, helpers.POST_TARGETS, helpers.POST_TEST_INPUTS,
                                       "post_tanh")
    w1, w2, w3 = post_weights.ravel()
    for ax, bias in zip(fig.axes, (1, 0)):
        assert ax.get_title().startswith(f"bias input x3 = {bias}")
        shade, line, other = contour_sets(ax)
        assert list(line.levels) == [0.5] and list(other.levels) == [0.5]
        for contours, b in ((line, bias), (other, 1 - bias)):
            x1, x2 = contours.get_paths()[0].vertices.T
            np.testing.assert_allclose(helpers.predict(np.c_[x1, x2, np.full_like(x1, b)], post_weights).ravel(),
                                       0.5, atol=1e-3)
            np.testing.assert_allclose(x1, (np.arctanh(0.5) - w2 * x2 - w3 * b) / w1, atol=1e-4)
        assert other.get_linestyle() != line.get_linestyle()


def test_decision_lines_mark_each_input_in_the_panel_of_its_bias_with_its_output(post_weights):
    fig = plotting.plot_decision_lines(post_weights, X, helpers.POST_TARGETS, helpers.POST_TEST_INPUTS,
                                       "post_tanh")
    on, off = fig.axes
    for ax, rows in ((on, X), (off, helpers.POST_TEST_INPUTS)):
        np.testing.assert_array_equal([line.get_xydata()[0] for line in ax.lines], rows[:, :2])
        outputs = helpers.predict(rows, post_weights, "post_tanh").ravel()
        assert [t.get_text() for t in ax.texts] == [f"{y:+.3f}" for y in outputs]
    assert {line.get_marker() for line in on.lines} == {"o"} and {line.get_marker() for line in off.lines} == {"^"}
    # Filled circles for target 1, hollow ones for target 0.
    assert [line.get_markerfacecolor() == "white" for line in on.lines] == [True, True, False, False]
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels == ["output = 0.5 here", "output > 0.5: label 1", "the other panel's line", "training, target 1",
                      "training, target 0", "unseen input"]


def test_decision_lines_say_so_when_the_output_never_crosses_the_threshold():
    fig = plotting.plot_decision_lines([[1.0], [1.0], [5.0]], X, helpers.POST_TARGETS, [[1, 1, 0]], threshold=0.9)
    on, off = fig.axes
    # Bias on: the output is above 0.9 on the whole square, so that panel shows only the other's line, dotted.
    assert len(contour_sets(off)) == 2  # shade and line; no dotted copy of a line that does not exist
    (dotted,) = contour_sets(on)
    assert dotted.get_linestyle() != contour_sets(off)[1].get_linestyle()
    np.testing.assert_array_equal(dotted.get_paths()[0].vertices, contour_sets(off)[1].get_paths()[0].vertices)
    assert "output at or below 0.9\neverywhere on the square" not in [t.get_text() for t in on.texts]
    assert "output above 0.9\neverywhere on the square" in [t.get_text() for t in on.texts]
    fig = plotting.plot_decision_lines([[0.1], [0.1], [0.1]], X, helpers.POST_TARGETS, [[1, 1, 0]], threshold=0.9)
    assert all(contour_sets(ax) == [] for ax in fig.axes)
    assert "output at or below 0.9\neverywhere on the square" in [t.get_text() for t in fig.axes[1].texts]


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"weights": [1, 2, 3]}, ValueError, r"^weights must have shape \(3, 1\); got shape \(3,\)$"),
        ({"weights": [[1], [np.nan], [0]]}, ValueError, r"^weights must be finite numbers; got 1 nan or inf in shape \(3, 1\), the first at index \(1, 0\)$"),
        ({"training_inputs": X[:, :2]}, ValueError, r"^inputs must be a matrix of shape \(n_examples, 3\), one row per example; got shape \(4, 2\)$"),
        ({"targets": [[0], [1]]}, ValueError, r"^targets must have shape \(4, 1\); got shape \(2, 1\)$"),
        ({"unseen_inputs": [[1, "a", 0]]}, TypeError, r"^unseen_inputs must be numbers \(int, float or bool\); got "),
        ({"unseen_inputs": [[1, 0, 0.5]]}, ValueError, r"^unseen_inputs\[0\] has third input 0.5; the figure has a panel only for the bias input 1 and for 0$"),
        ({"training_inputs": X * [1, 1, 2]}, ValueError, r"^training_inputs\[0\] has third input 2; the figure has a panel only for the bias input 1 and for 0$"),
        ({"activation": "swish"}, ValueError, r"^unknown activation 'swish'; expected one of"),
        ({"threshold": "0.5"}, TypeError, r"^threshold must be a number such as 0.5; got '0.5'$"),
        ({"threshold": np.nan}, ValueError, r"^threshold must be a finite number; got nan$"),
    ],
)
def test_decision_lines_refuse_odd_arguments(post_weights, kwargs, error, message):
    arguments = {"weights": post_weights, "training_inputs": X, "targets": helpers.POST_TARGETS,
                 "unseen_inputs": helpers.POST_TEST_INPUTS} | kwargs
    with pytest.raises(error, match=message):
        plotting.plot_decision_lines(**arguments)


def test_the_new_views_keep_text_large_and_readable_and_backgrounds_opaque(chapter_5_runs, post_weights):
    figures = [plotting.plot_loss_surface(X, helpers.POST_TARGETS, chapter_5_runs, 7.16, POST_WINDOWS),
               plotting.plot_decision_lines(post_weights, X, helpers.POST_TARGETS, helpers.POST_TEST_INPUTS)]
    for fig in figures:
        assert fig.get_dpi() == plotting.DPI and fig.get_facecolor() == (1.0, 1.0, 1.0, 1.0)
        assert not small_texts(fig, plotting.SMALLEST_TEXT), small_texts(fig, plotting.SMALLEST_TEXT)
        texts = [t for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text().strip()]
        assert all(contrast_with_white(t.get_color()) >= 4.5 for t in texts)
        assert all(ax.get_facecolor()[3] == 1.0 for ax in fig.axes)


# --- the unit square (chapter "A hidden layer") --------------------------------------------

XOR = helpers.hidden.XOR_TARGETS


def corner_markers(ax):
    """Each class's corners as drawn: {label: sorted list of (x1, x2)}."""
    return {c.get_label(): sorted(map(tuple, c.get_offsets().tolist())) for c in ax.collections
            if c.get_label().startswith("target")}


def test_the_square_marks_each_corner_by_its_target_with_colour_and_shape():
    (ax,) = plotting.plot_xor_square(XOR).axes
    assert corner_markers(ax) == {"target 0": [(0, 0), (1, 1)], "target 1": [(0, 1), (1, 0)]}
    scatters = [c for c in ax.collections if c.get_label().startswith("target")]
    faces = {matplotlib.colors.to_hex(c.get_facecolor()[0]) for c in scatters}
    assert faces <= {c.lower() for c in plotting.OKABE_ITO.values()} and len(faces) == 2
    assert len({c.get_paths()[0].vertices.shape for c in scatters}) == 2  # a circle and a square
    assert ax.get_xlim() == ax.get_ylim() == plotting.SQUARE_VIEW and ax.get_xlabel() and ax.get_ylabel()


def test_the_squares_lines_are_where_the_weighted_sum_is_zero():
    lines = {"steep": (3.0, 1.0, -2.0), "flat": (1.0, 4.0, -1.0)}
    (ax,) = plotting.plot_xor_square([0, 0, 0, 1], lines).axes
    assert [line.get_label() for line in ax.lines] == list(lines)
    for line, (w1, w2, b) in zip(ax.lines, lines.values()):
        x1, x2 = line.get_data()
        np.testing.assert_allclose(w1 * np.asarray(x1) + w2 * np.asarray(x2) + b, 0, atol=1e-12)
    assert len({line.get_linestyle() for line in ax.lines}) == 2


@pytest.fixture(scope="module")
def solved_xor():
    W1, W2 = helpers.hidden.initial_hidden_weights(0, 2)
    history = helpers.hidden.train_hidden(helpers.hidden.XOR_INPUTS, XOR, W1, W2, iterations=3000)
    return history.final_W1, history.final_W2


def test_the_regions_show_the_output_the_hidden_lines_and_the_corners(solved_xor):
    W1, W2 = solved_xor
    (ax,) = plotting.plot_hidden_regions(W1, W2, XOR).axes
    hidden_lines = [line for line in ax.lines if line.get_label().startswith("hidden unit")]
    assert [line.get_label() for line in hidden_lines] == ["hidden unit 1: sum 0", "hidden unit 2: sum 0"]
    for line, column in zip(hidden_lines, W1.T):
        x1, x2 = map(np.asarray, line.get_data())
        np.testing.assert_allclose(column[0] * x1 + column[1] * x2 + column[2], 0, atol=1e-12)
    assert corner_markers(ax) == {"target 0": [(0, 0), (1, 1)], "target 1": [(0, 1), (1, 0)]}
    # the filled regions split at the threshold; the dashed boundary is the output's 0.5 contour
    filled = [c for c in ax.collections if hasattr(c, "levels") and len(c.levels) == 3]
    assert len(filled) == 1 and filled[0].levels[1] == 0.5
    boundary = [c for c in ax.collections if hasattr(c, "levels") and list(c.levels) == [0.5]]
    assert len(boundary) == 1
    for path in boundary[0].get_paths():
        points = path.vertices
        inputs = np.column_stack([points, np.ones(len(points))])
        _, output = helpers.hidden.forward(inputs, W1, W2)
        np.testing.assert_allclose(output, 0.5, atol=0.02)
    assert "output = 0.5" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_the_regions_threshold_follows_the_argument(solved_xor):
    (ax,) = plotting.plot_hidden_regions(*solved_xor, XOR, threshold=0.0).axes
    assert [list(c.levels) for c in ax.collections if hasattr(c, "levels") and len(c.levels) == 1] == [[0.0]]


def test_square_figures_are_readable_and_colour_blind_safe(solved_xor):
    safe = {c.lower() for c in plotting.OKABE_ITO.values()}
    figures = [plotting.plot_xor_square(XOR, {"a": (1, 1, -0.5), "b": (1, -1, 0.2)}),
               plotting.plot_hidden_regions(*solved_xor, XOR)]
    for fig in figures:
        assert fig.get_dpi() == plotting.DPI and fig.get_facecolor()[:3] == (1.0, 1.0, 1.0)
        assert not small_texts(fig, plotting.SMALLEST_TEXT)
        (ax,) = fig.axes
        coloured = [line for line in ax.lines if line.get_label() and not line.get_label().startswith("output")]
        assert {matplotlib.colors.to_hex(line.get_color()) for line in coloured} <= safe
        for text in fig.findobj(matplotlib.text.Text):
            if text.get_visible() and text.get_text().strip():
                assert contrast_with_white(text.get_color()) >= 4.5


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: plotting.plot_xor_square([0, 1, 1]), ValueError,
         r"^targets must be four 0s and 1s, one per corner \(0, 0\), \(0, 1\), \(1, 0\), \(1, 1\), such as "
         r"helpers.hidden.XOR_TARGETS; got \[0, 1, 1\]$"),
        (lambda: plotting.plot_xor_square([0, 1, 2, 0]), ValueError, "targets must be four 0s and 1s"),
        (lambda: plotting.plot_xor_square(["a", 1, 1, 0]), TypeError, "targets must be numbers"),
        (lambda: plotting.plot_xor_square([0, np.nan, 1, 0]), ValueError, "targets must be finite numbers"),
        (lambda: plotting.plot_xor_square(XOR, [(1, 1, 0)]), TypeError,
         r"^lines must map a label to three numbers \(w1, w2, b\), e.g. \{'a line': \(1, 1, -0.5\)\}; got a list$"),
        (lambda: plotting.plot_xor_square(XOR, {}), ValueError, "^lines is empty"),
        (lambda: plotting.plot_xor_square(XOR, {"a": (1, 1)}), ValueError,
         r"^lines\['a'\] must be three numbers \(w1, w2, b\) for the line w1 x1 \+ w2 x2 \+ b = 0; got 2$"),
        (lambda: plotting.plot_xor_square(XOR, {"a": (0, 0, 1)}), ValueError, r"^lines\['a'\] has w1 = w2 = 0: that is no line$"),
        (lambda: plotting.plot_xor_square(XOR, {"a": (np.inf, 0, 1)}), ValueError, r"lines\['a'\] must be finite numbers"),
        (lambda: plotting.plot_hidden_regions(np.zeros((2, 2)), np.zeros((3, 1)), XOR), ValueError,
         r"^W1 must have shape \(3, n_hidden\): the inputs x1, x2 and the constant 1; got shape \(2, 2\)$"),
        (lambda: plotting.plot_hidden_regions(np.zeros((3, 2)), np.zeros((2, 1)), XOR), ValueError,
         r"^W2 must have shape \(3, 1\)"),
        (lambda: plotting.plot_hidden_regions(np.zeros((3, 2)), np.zeros((3, 1)), [1, 1, 1]), ValueError,
         "^targets must be four 0s and 1s"),
        (lambda: plotting.plot_hidden_regions(np.zeros((3, 2)), np.zeros((3, 1)), XOR, threshold="0.5"), TypeError,
         "^threshold must be a number such as 0.5; got '0.5'$"),
        (lambda: plotting.plot_hidden_regions(np.zeros((3, 2)), np.zeros((3, 1)), XOR, threshold=np.nan), ValueError,
         "^threshold must be a finite number; got nan$"),
        (lambda: plotting.plot_hidden_regions(np.zeros((3, 2)), np.zeros((3, 1)), XOR, activation="tan"), ValueError,
         "unknown activation 'tan'"),
    ],
)
def test_square_figures_refuse_odd_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


# --- the explorers' snapshots ---------------------------------------------------------------------


def test_a_snapshot_plots_the_numbers_it_is_given_in_safe_colours_on_white():
    steps = np.array([0, 1, 10, 100])
    mse, weights = np.array([0.5, 0.4, 0.1, 0.01]), np.arange(12.0).reshape(4, 3) / 10
    outputs = np.linspace(-0.5, 1.0, 28).reshape(4, 7)
    def draw():
        return plotting.training_snapshot(steps, mse, weights, outputs, 10, "Error after 10 steps: 0.1",
                                          [f"x{i}" for i in range(7)], [0, 0, 1, 1])

    fig = draw()
    error_ax, weight_ax, output_ax = fig.axes
    np.testing.assert_array_equal(error_ax.lines[0].get_ydata(), mse)
    for i, line in enumerate(weight_ax.lines[:3]):
        np.testing.assert_array_equal(line.get_ydata(), weights[:, i])
    assert [bar.get_width() for bar in output_ax.patches] == pytest.approx(outputs[2])  # the step shown
    assert error_ax.get_title() == "Error after 10 steps: 0.1" and error_ax.get_yscale() == "log"
    safe = {c.lower() for c in plotting.OKABE_ITO.values()}
    assert {line.get_color().lower() for line in weight_ax.lines[:3]} <= safe
    picture = plotting.figure_png(fig)
    assert picture == plotting.figure_png(draw()), "the same bytes each time: no date or version in them"
    from PIL import Image
    import io

    image = Image.open(io.BytesIO(picture)).convert("RGBA")
    assert image.size == (12 * 80, round(3.8 * 80)) and np.asarray(image)[..., 3].min() == 255
    assert tuple(np.asarray(image)[0, 0][:3]) == (255, 255, 255)


def test_a_diverged_runs_snapshot_has_titled_empty_panels():
    fig = plotting.hidden_snapshot(np.array([0, 1]), np.zeros(0), np.zeros((3, 0)), np.zeros(0), 1,
                                   "This run diverged", ["a", "b", "c", "d"], [0, 1, 1, 0],
                                   (-0.25, 1.25), 0.5)
    error_ax, output_ax, square_ax = fig.axes
    assert error_ax.get_title() == "This run diverged"
    assert [len(line.get_xdata()) for line in error_ax.lines] == [2]  # the step's marker only
    assert not output_ax.patches and len(square_ax.lines) == 2  # the four inputs, and no unit's line


def test_every_explorers_snapshot_draws_at_its_starting_values():
    from helpers import explorers

    for kind in (explorers.TrainingExplorer, explorers.ActivationExplorer, explorers.SeedExplorer,
                 explorers.PredictionExplorer, explorers.HiddenExplorer, explorers.StepExplorer,
                 explorers.HiddenStepExplorer):
        assert kind().snapshot.startswith(b"\x89PNG"), kind.__name__


_GRID = np.linspace(-4.0, 4.0, 5)
SNAPSHOT_ARGUMENTS = {
    "training_snapshot": dict(steps=[0, 1, 10], mse=[0.5, 0.2, 0.1], weights=np.zeros((3, 3)),
                              outputs=np.zeros((3, 7)), iterations=10, title="t",
                              labels=[f"x{i}" for i in range(7)], targets=[0, 0, 1, 1]),
    "activation_snapshot": dict(grid=_GRID, f=np.tanh(_GRID), slope=1 - np.tanh(_GRID) ** 2,
                                z=0.5, y=0.46, slope_at=0.79, y_limits=(-1.2, 1.2), title="t"),
    "seed_snapshot": dict(weights=[-0.2, -0.6, -0.9], title="t"),
    "prediction_snapshot": dict(labels=["a", "b"], z=[0.1, 2.0], outputs=[0.1, 0.96],
                                threshold=0.5, title="t"),
    "hidden_snapshot": dict(steps=[0, 1, 10], mse=[0.3, 0.2, 0.1], W1=np.ones((3, 2)),
                            outputs=[0.1, 0.9, 0.9, 0.1], iterations=10, title="t",
                            labels=list("abcd"), targets=[0, 1, 1, 0], square=(-0.25, 1.25),
                            threshold=0.5),
    "step_snapshot": dict(lines=["y = np.tanh(X @ w)", "error = targets - y"], line=1,
                          steps=[0, 1, 10], mse=[0.3, 0.2, 0.1], iterations=5, current_mse=0.15,
                          title="t", notes=["hidden_layer = ...", "hidden_error = ..."]),
}


def _snapshot(name, **changes):
    return getattr(plotting, name)(**{**SNAPSHOT_ARGUMENTS[name], **changes})


@pytest.mark.parametrize("name", SNAPSHOT_ARGUMENTS)
def test_each_snapshot_draws_its_good_arguments(name):
    assert _snapshot(name).axes


@pytest.mark.parametrize("name, changes, error, message", [
    ("seed_snapshot", {"weights": [np.nan, 1, 2]}, ValueError,
     r"weights must be finite numbers; got 1 nan or inf in shape \(3,\)"),
    ("seed_snapshot", {"weights": [0.1, 0.2]}, ValueError,
     r"weights must be 3 numbers in a row, shape \(3,\); got shape \(2,\)"),
    ("training_snapshot", {"iterations": 99}, ValueError,
     r"iterations must be from 0 to steps\[-1\] = 10; got 99"),
    ("training_snapshot", {"iterations": 1.5}, TypeError, "iterations must be a whole number"),
    ("training_snapshot", {"iterations": 5}, ValueError,
     r"iterations must be one of the steps, \[0, 1, 10\]; got 5"),
    ("training_snapshot", {"steps": []}, ValueError, "steps is empty"),
    ("training_snapshot", {"steps": [0, 10, 1]}, ValueError, "steps must be increasing"),
    ("training_snapshot", {"mse": [0.5, 0.2]}, ValueError,
     r"mse must have shape \(3,\), one error per step, or be empty"),
    ("training_snapshot", {"weights": np.zeros((3, 2))}, ValueError,
     r"weights must have shape \(3, 3\); got shape \(3, 2\)"),
    ("training_snapshot", {"outputs": np.zeros((3, 6))}, ValueError,
     r"outputs must have shape \(3, 7\); got shape \(3, 6\)"),
    ("training_snapshot", {"labels": "x0"}, TypeError,
     "labels must be a non-empty list of text labels"),
    ("training_snapshot", {"targets": [0] * 8}, ValueError,
     r"targets must have at most one target per label \(7\); got 8"),
    ("training_snapshot", {"targets": []}, ValueError, "targets is empty"),
    ("activation_snapshot", {"grid": []}, ValueError, "grid is empty"),
    ("activation_snapshot", {"f": np.zeros(4)}, ValueError, r"f must be 5 numbers in a row"),
    ("activation_snapshot", {"z": "0.5"}, TypeError, "z must be a number such as 0.5"),
    ("activation_snapshot", {"slope_at": np.inf}, ValueError,
     "slope_at must be a finite number such as 0.5; got inf"),
    ("activation_snapshot", {"y_limits": (1.2,)}, ValueError, "y_limits must be 2 numbers"),
    ("activation_snapshot", {"y_limits": (1.2, -1.2)}, ValueError,
     r"y_limits must be \(low, high\) with low < high"),
    ("prediction_snapshot", {"outputs": [0.1, 1.5]}, ValueError, "outputs must be from -1 to 1"),
    ("prediction_snapshot", {"z": [0.1]}, ValueError, "z must be 2 numbers in a row"),
    ("prediction_snapshot", {"threshold": np.nan}, ValueError,
     "threshold must be a finite number such as 0.5; got nan"),
    ("prediction_snapshot", {"labels": ["a", 1]}, TypeError, "labels must be a non-empty list"),
    ("hidden_snapshot", {"targets": [0, 1, 1, 2]}, ValueError, "targets must be four 0s and 1s"),
    ("hidden_snapshot", {"labels": ["a", "b", "c"]}, ValueError,
     "labels must name the 4 corners, one label per target; got 3 labels"),
    ("hidden_snapshot", {"square": (1.25, -0.25)}, ValueError,
     r"square must be \(low, high\) with low < high"),
    ("hidden_snapshot", {"W1": np.ones((2, 2))}, ValueError,
     r"W1 must have shape \(3, n_hidden\).*got shape \(2, 2\)"),
    ("hidden_snapshot", {"W1": [[1, np.nan], [0, 0], [0, 0]]}, ValueError,
     "W1 must be finite numbers"),
    ("hidden_snapshot", {"outputs": [0.1, 0.9]}, ValueError, "outputs must be 4 numbers in a row"),
    ("hidden_snapshot", {"threshold": True}, TypeError, "threshold must be a number such as 0.5"),
    ("hidden_snapshot", {"mse": [np.nan, 0.2, 0.1]}, ValueError, "mse must be finite numbers"),
    ("step_snapshot", {"lines": "y = np.tanh(X @ w)"}, TypeError,
     "lines must be a non-empty list of one-line texts"),
    ("step_snapshot", {"lines": ["a\nb", "c"]}, TypeError,
     "lines must be a non-empty list of one-line texts"),
    ("step_snapshot", {"notes": ["a"]}, ValueError,
     r"notes must have one text per line of code \(2\); got 1"),
    ("step_snapshot", {"line": 3}, ValueError, r"line must be from 0 to len\(lines\) = 2; got 3"),
    ("step_snapshot", {"line": 1.0}, TypeError, "line must be a whole number"),
    ("step_snapshot", {"iterations": 11}, ValueError,
     r"iterations must be from 0 to steps\[-1\] = 10; got 11"),
    ("step_snapshot", {"steps": [0, 10, 1]}, ValueError, "steps must be increasing"),
    ("step_snapshot", {"mse": [0.3, 0.2]}, ValueError,
     r"mse must have shape \(3,\), one error per step, or be empty"),
    ("step_snapshot", {"current_mse": np.nan}, ValueError,
     "current_mse must be a finite number such as 0.25; got nan"),
    ("step_snapshot", {"current_mse": None}, TypeError, "current_mse must be a number"),
    ("step_snapshot", {"mse": [], "current_mse": 0.1}, ValueError,
     "current_mse must be None when mse is empty"),
])
def test_a_snapshot_refuses_bad_input_with_one_clear_error(name, changes, error, message):
    with pytest.raises(error, match=message):
        _snapshot(name, **changes)


def test_a_snapshot_draws_the_threshold_and_targets_it_is_given():
    (ax,) = _snapshot("prediction_snapshot", threshold=0.25).axes
    assert ax.lines[0].get_xdata()[0] == 0.25 and ax.get_legend_handles_labels()[1] == [
        "threshold 0.25"]
    assert [text.get_text() for text in ax.texts] == ["z = 0.10, output 0.100",
                                                      "z = 2.00, output 0.960"]
    output_ax = _snapshot("training_snapshot", targets=[1, 0]).axes[2]
    target = next(line for line in output_ax.lines if line.get_label() == "target")
    assert list(target.get_xdata()) == [1, 0]
    assert [bar.get_hatch() for bar in output_ax.patches] == [""] * 2 + ["//"] * 5


def test_a_seed_snapshot_makes_room_for_weights_beyond_one():
    (ax,) = _snapshot("seed_snapshot", weights=[1.2, -0.5, 0.1]).axes
    assert ax.get_ylim()[1] > 1.2 + 0.1
    assert _snapshot("seed_snapshot").axes[0].get_ylim() == (-1.1, 1.1)


@pytest.mark.parametrize("line", [0, 1, 2])
def test_a_step_snapshot_marks_the_current_line_and_the_iteration(line):
    fig = _snapshot("step_snapshot", line=line)
    code_ax, error_ax = fig.axes
    texts = [text for text in code_ax.texts]
    marked = [text.get_text() for text in texts if text.get_fontweight() == "bold"]
    expected = ["before line 1  (# the post's line)", "1 y = np.tanh(X @ w)",
                "2 error = targets - y"][line]
    assert marked == [expected]  # bold, boxed ...
    arrows = [i for i, text in enumerate(texts) if text.get_text() == plotting.STEP_MARKER]
    assert len(arrows) == 1 and texts[arrows[0] + 1].get_text() == expected  # ... and an arrow
    assert "  # hidden_error = ..." in [text.get_text() for text in texts]
    np.testing.assert_array_equal(error_ax.lines[0].get_ydata(), [0.3, 0.2, 0.1])
    point = error_ax.lines[1]
    assert list(point.get_xdata()) == [5] and list(point.get_ydata()) == [0.15]
    safe = {c.lower() for c in plotting.OKABE_ITO.values()}
    assert {str(line.get_color()).lower() for line in error_ax.lines[:2]} <= safe
    assert fig.texts[0].get_text() == "t"
    from PIL import Image
    import io

    image = Image.open(io.BytesIO(plotting.figure_png(fig))).convert("RGBA")
    assert image.size[0] == 400 and np.asarray(image)[..., 3].min() == 255


def test_a_step_snapshot_of_a_diverged_run_has_the_listing_and_only_the_iterations_mark():
    fig = _snapshot("step_snapshot", mse=[], current_mse=None, notes=None)
    code_ax, error_ax = fig.axes
    assert len(code_ax.texts) == 6 and [len(line.get_xdata()) for line in error_ax.lines] == [2]

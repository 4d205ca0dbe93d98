"""Figures for the book: opaque white background, colour-blind-safe colours, labelled axes.

Each function returns a matplotlib ``Figure`` that pyplot no longer tracks, so a
notebook cell shows it exactly once, as its result. Alt text for the site goes
in the cell's ``mystnb.image.alt`` metadata.
"""

from __future__ import annotations

import functools
import math
import numbers
from collections.abc import Mapping

import numpy as np
from cycler import cycler

# The network's checks, so that a plot refuses odd arrays and counts with the same short errors.
from helpers._validate import as_finite_array, check_count, check_inputs, check_matrix, excerpt
from helpers.network import History, derivative, get_activation

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common
# colour-vision deficiencies. Line styles differ as well, so colour is never the only cue.
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
LINE_STYLES = ("-", "--", "-.", ":")

FONT_SIZE = 11
"""The size of a figure's text, in points; legends may be "small", never smaller."""

SMALLEST_TEXT = FONT_SIZE * 0.833
"""The smallest text in any figure, in points: matplotlib's "small" is 0.833 of the font size."""

DPI = 100
"""Pixels per inch of a figure as a notebook shows it: its smallest text is
``SMALLEST_TEXT * DPI / 72`` pixels tall at its natural size (the site keeps it at least 9)."""

STYLE = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.transparent": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.prop_cycle": cycler(
        color=[OKABE_ITO[c] for c in ("blue", "orange", "green", "vermillion")],
        linestyle=list(LINE_STYLES),
    ),
    "font.size": FONT_SIZE,
    "figure.dpi": DPI,
}
"""The rc settings every figure of the book is drawn with."""


def book_style(plot):
    """Draw everything inside ``plot`` with the book's :data:`STYLE` (every chapter's figures)."""

    @functools.wraps(plot)
    def styled(*args, **kwargs):
        import matplotlib.pyplot as plt  # imported on first use, not when helpers is imported

        with plt.rc_context(STYLE):
            return plot(*args, **kwargs)

    return styled


def new_figure(ncols: int = 1, width: float = 6.4, height: float = 3.6):
    """A figure with ``ncols`` axes side by side, detached from pyplot so it shows once (every chapter)."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, ncols, figsize=(width, height), layout="constrained", squeeze=False)
    plt.close(fig)
    return fig, list(axes[0])


MAX_Z_LIMIT = 1000.0
"""The widest ``z_limit`` of :func:`plot_activations`; past a few units every activation is flat (chapter 1)."""

MAX_BINS = 1000
"""The most bins :func:`plot_histograms` draws (chapter 4)."""


@book_style
def plot_activations(names=("tanh", "sigmoid"), z_limit: float = 4.0):
    """Each named activation (left) and its slope (right) on [-z_limit, z_limit] (chapter 1).

    ``names`` is one name such as ``"tanh"`` or a list of them; ``z_limit`` a positive number
    at most :data:`MAX_Z_LIMIT`.
    """
    activations = [get_activation(name) for name in _activation_names(names)]  # unknown names fail before drawing
    z_limit = _check_number(z_limit, "z_limit", "4.0")
    if not 0 < z_limit <= MAX_Z_LIMIT:
        raise ValueError(f"z_limit must be a positive number at most MAX_Z_LIMIT = {MAX_Z_LIMIT:g}; got {z_limit}")
    z = np.linspace(-z_limit, z_limit, 401)
    fig, (left, right) = new_figure(ncols=2, width=8.0)
    for activation in activations:
        left.plot(z, activation.function(z), label=activation.name)
        right.plot(z, derivative(activation.name, z), label=activation.name)
    left.set(title="Activation", xlabel="input z", ylabel="f(z)")
    right.set(title="Slope", xlabel="input z", ylabel="f'(z)")
    left.legend()
    return fig


# --- checks: one clear error before anything is drawn ---------------------------


def _activation_names(names) -> list:
    if isinstance(names, str):
        return [names]  # one name, not its letters
    try:
        names = list(names)
    except TypeError:
        raise TypeError(f"names must be an activation name or a list of them, e.g. ['tanh', 'sigmoid']; got {excerpt(names)}") from None
    if not names:
        raise ValueError("names must list at least one activation, e.g. ['tanh', 'sigmoid']")
    return names


def _check_number(value, name: str, example: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number such as {example}; got {excerpt(value)}")
    return float(value)


def _check_mapping(mapping, name: str, what: str, example: str) -> None:
    if not isinstance(mapping, Mapping):
        raise TypeError(f"{name} must map a label to {what}, e.g. {example}; got a {type(mapping).__name__}")
    if not mapping:
        raise ValueError(f"{name} is empty: it must map at least one label to {what}, e.g. {example}")


def _check_histories(histories, hidden_too: bool = False) -> None:
    """A mapping of label to History; with ``hidden_too``, a two-layer HiddenHistory is welcome as well."""
    from helpers.hidden import HiddenHistory

    _check_mapping(histories, "histories", "a History", "{'seed 1': history}")
    kinds, what = (History, "a History, what helpers.train returns")
    if hidden_too:
        kinds, what = ((History, HiddenHistory),
                       "a History or a HiddenHistory, what helpers.train or helpers.hidden.train_hidden returns")
    for label, history in histories.items():
        if not isinstance(history, kinds):
            raise TypeError(f"histories[{excerpt(label)}] must be {what}; got a {type(history).__name__}")


def _finite(values, name: str) -> np.ndarray:
    """``values`` as floats, refusing to plot non-numbers, nan, inf or nothing at all."""
    values = as_finite_array(values, name)
    if values.size == 0:
        raise ValueError(f"{name} is empty: there is nothing to plot")
    return values


def colour(i: int) -> str:
    """The i-th Okabe-Ito colour, cycling (every chapter's figures)."""
    return list(OKABE_ITO.values())[i % len(OKABE_ITO)]


WEIGHT_NAMES = ("w1 (first input)", "w2 (second input)", "w3 (bias input)")
HATCHES = ("", "//", "..", "xx", "\\\\", "++")


def weight_name(i: int) -> str:
    """The label of the i-th weight (chapters 3 to 5)."""
    return WEIGHT_NAMES[i] if i < len(WEIGHT_NAMES) else f"w{i + 1}"


def _same_length_values(values_by_label, name: str) -> dict:
    """Each label's values as a flat array of floats, all of the same length."""
    flat = {label: _finite(values, f"{name}[{excerpt(label)}]").ravel() for label, values in values_by_label.items()}
    (first, first_values), *others = flat.items()
    for label, values in others:
        if len(values) != len(first_values):
            raise ValueError(
                f"every entry of {name} must have the same number of values; {name}[{excerpt(first)}] has "
                f"{len(first_values)} but {name}[{excerpt(label)}] has {len(values)}"
            )
    return flat


def _grouped_bars(ax, values_by_label: dict) -> int:
    """One group of bars per position, one bar per label in each group; returns the group count."""
    width = 0.8 / len(values_by_label)
    for j, (label, values) in enumerate(values_by_label.items()):
        x = np.arange(len(values)) + (j - (len(values_by_label) - 1) / 2) * width
        ax.bar(x, values, width, label=label, color=colour(j), hatch=HATCHES[j % len(HATCHES)], edgecolor="black")
    return len(values)


@book_style
def plot_error_curves(histories, log_x: bool = True, log_y: bool = True):
    """Mean squared error after each training step, one line per labelled run (chapters 4, 5 and 7).

    ``histories`` maps a label to a :class:`helpers.network.History` or, for the two-layer
    network, a :class:`helpers.hidden.HiddenHistory`.
    """
    _check_histories(histories, hidden_too=True)
    fig, (ax,) = new_figure()
    for label, history in histories.items():
        with np.errstate(over="ignore"):  # an error near 1e200 squares to inf, refused just below
            mse = _finite(history.mean_squared_error, f"histories[{excerpt(label)}].mean_squared_error")
        ax.plot(np.arange(len(mse)), mse, label=label)
    ax.set(xlabel="training steps", ylabel="mean squared error")
    if log_x:
        ax.set_xscale("symlog", linthresh=1)
    if log_y:
        ax.set_yscale("log")
    ax.legend()
    return fig


@book_style
def plot_weight_trajectories(histories, log_x: bool = True):
    """Each weight against training steps (chapter 5): colour tells the weight, line style the run.

    ``histories`` maps a label to a :class:`helpers.network.History`.
    """
    _check_histories(histories)
    fig, (ax,) = new_figure()
    for run, (label, history) in enumerate(histories.items()):
        weights = _finite(history.weights, f"histories[{excerpt(label)}].weights")
        steps = np.arange(len(weights))
        for i in range(weights.shape[1]):
            name = weight_name(i)
            ax.plot(steps, weights[:, i], color=colour(i), linestyle=LINE_STYLES[run % len(LINE_STYLES)],
                    label=f"{name}, {label}" if len(histories) > 1 else name)
    ax.set(xlabel="training steps", ylabel="weight value")
    if log_x:
        ax.set_xscale("symlog", linthresh=1)
    ax.legend(fontsize="small")
    return fig


@book_style
def plot_weight_bars(weights_by_label):
    """The weights of several runs side by side, one group of bars per weight (chapters 3 and 4).

    ``weights_by_label`` maps a label to weights, all of the same length.
    """
    example = "{'seed 1': helpers.initial_weights(1)}"
    _check_mapping(weights_by_label, "weights_by_label", "weights", example)
    weights_by_label = _same_length_values(weights_by_label, "weights_by_label")
    fig, (ax,) = new_figure()
    n = _grouped_bars(ax, weights_by_label)
    ax.set_xticks(range(n), [weight_name(i) for i in range(n)])
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set(ylabel="weight value")
    ax.legend()
    return fig


@book_style
def plot_histograms(samples_by_label, xlabel: str, bins: int = 40):
    """Overlaid histograms of samples, one per label, as outlines (chapter 4).

    ``samples_by_label`` maps a label to numbers; ``bins`` is a whole number from 1 to :data:`MAX_BINS`.
    """
    _check_mapping(samples_by_label, "samples_by_label", "samples", "{'post': weights}")
    samples_by_label = {label: _finite(samples, f"samples_by_label[{excerpt(label)}]").ravel()
                        for label, samples in samples_by_label.items()}
    if not isinstance(xlabel, str):
        raise TypeError(f"xlabel must be text such as 'weight'; got {excerpt(xlabel)}")
    bins = check_count(bins, "bins", 1, MAX_BINS, "MAX_BINS")
    fig, (ax,) = new_figure()
    for j, (label, values) in enumerate(samples_by_label.items()):
        ax.hist(values, bins=bins, histtype="step", linewidth=2, label=label,
                color=colour(j), linestyle=LINE_STYLES[j % len(LINE_STYLES)])
    ax.set(xlabel=xlabel, ylabel="count")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


@book_style
def plot_predictions(inputs, outputs_by_label, threshold: float | None = 0.5):
    """Grouped bars of each model's output for each input, with the decision threshold (chapters 6 and 8).

    ``inputs`` is one example or a matrix of them; ``outputs_by_label`` maps a label to one output
    per example; ``threshold`` is a finite number, or None for no line.
    """
    inputs = check_inputs(np.atleast_2d(as_finite_array(inputs, "inputs")))
    _check_mapping(outputs_by_label, "outputs_by_label", "outputs", "{'ours': helpers.predict(inputs, weights)}")
    outputs_by_label = _same_length_values(outputs_by_label, "outputs_by_label")
    for label, outputs in outputs_by_label.items():
        if len(outputs) != len(inputs):
            raise ValueError(f"outputs_by_label[{excerpt(label)}] has {len(outputs)} outputs for {len(inputs)} inputs")
    if threshold is not None:
        threshold = _check_number(threshold, "threshold", "0.5")
        if not math.isfinite(threshold):
            raise ValueError(f"threshold must be a finite number, or None for no line; got {threshold}")
    fig, (ax,) = new_figure()
    _grouped_bars(ax, outputs_by_label)
    ax.set_xticks(range(len(inputs)), [_input_label(row) for row in inputs])
    if threshold is not None:
        ax.axhline(threshold, color="black", linestyle="--", linewidth=1, label=f"threshold {threshold}")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set(xlabel="input", ylabel="output")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))  # never over the bars
    return fig


def _input_label(row) -> str:
    """An input as a short tick label: [1, 0, 0.5]."""
    return "[" + ", ".join(f"{value + 0.0:g}" for value in row) + "]"  # + 0.0 turns -0 into 0


# --- views of the loss and of the decision (chapters 5 and 6) -----------------

LOSS_LEVELS = (0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.49, 0.6, 0.8, 1.0, 1.5)
"""The mean squared errors :func:`plot_loss_surface` draws a contour at (chapter 5)."""

MAX_WINDOWS = 3
"""The most panels (windows on the weights) :func:`plot_loss_surface` draws (chapter 5)."""

GRID_POINTS = 201
"""Points along each side of the grid a contour is computed on (chapters 5 and 6)."""


def mean_squared_error_grid(inputs, targets, weights, activation: str = "tanh") -> np.ndarray:
    """The mean squared error of every column of ``weights`` on the examples (chapter 5).

    ``weights`` has shape ``(n_inputs, n_points)``: one set of weights per column. Returns
    ``n_points`` numbers, ``mean((targets - f(inputs @ w))**2)`` for each column ``w``.
    """
    f = get_activation(activation).function
    with np.errstate(over="ignore", invalid="ignore"):
        errors = targets - f(inputs @ weights)
        return np.mean(errors * errors, axis=0)


@book_style
def plot_loss_surface(inputs, targets, histories, held_value, windows, held: int = 0,
                      activation: str = "tanh", levels=LOSS_LEVELS):
    """Contours of the mean squared error over two of the three weights, with runs drawn on it (chapter 5).

    The weight number ``held`` (0, 1 or 2) stays at ``held_value``; the other two span each
    panel. ``windows`` lists one box ``(left, right, bottom, top)`` per panel, at most
    :data:`MAX_WINDOWS`. ``histories`` maps a label to a :class:`helpers.network.History`:
    each run's path of the two free weights, from a hollow circle at its start to filled
    ones at its last two steps (two points for a run that swings). ``levels`` are
    the errors a contour is drawn at, increasing.
    """
    inputs = check_inputs(inputs, n_inputs=3)
    targets = check_matrix(targets, "targets", (inputs.shape[0], 1))
    _check_histories(histories)
    paths = {}
    for label, history in histories.items():
        name = f"histories[{excerpt(label)}].weights"
        weights = _finite(history.weights, name)
        if weights.ndim != 2 or weights.shape[1] != 3:
            raise ValueError(f"{name} must have 3 columns, one per weight; got shape {weights.shape}")
        paths[label] = weights
    held_value = _check_number(held_value, "held_value", "7.16")
    if not math.isfinite(held_value):
        raise ValueError(f"held_value must be a finite number; got {held_value}")
    windows = _check_windows(windows)
    held = check_count(held, "held", 0, 2, "the last weight")
    get_activation(activation)
    levels = _finite(levels, "levels").ravel()
    if np.any(np.diff(levels) <= 0):
        raise ValueError(f"levels must increase from one to the next; got {excerpt(levels.tolist())}")
    free = [i for i in range(3) if i != held]

    fig, axes = new_figure(ncols=len(windows), width=4.0 * len(windows) + 0.8, height=4.4)
    for ax, (left, right, bottom, top) in zip(axes, windows):
        a, b = np.meshgrid(np.linspace(left, right, GRID_POINTS), np.linspace(bottom, top, GRID_POINTS))
        grid = np.empty((3, a.size))
        grid[free[0]], grid[free[1]], grid[held] = a.ravel(), b.ravel(), held_value
        mse = _finite(mean_squared_error_grid(inputs, targets, grid, activation),
                      "the mean squared error on the grid").reshape(a.shape)
        shown = levels[(levels > mse.min()) & (levels < mse.max())]  # matplotlib warns of the others
        if shown.size:
            contours = ax.contour(a, b, mse, levels=shown, colors="#555555", linewidths=0.8)
            ax.clabel(contours, fontsize=SMALLEST_TEXT, fmt="%g")
        for i, (label, weights) in enumerate(paths.items()):
            style = {"color": colour(i), "linestyle": LINE_STYLES[i % len(LINE_STYLES)]}
            ax.plot(weights[:, free[0]], weights[:, free[1]], linewidth=1.6, label=label, **style)
            ax.plot(*weights[0, free], "o", markersize=8, markerfacecolor="white",
                    markeredgecolor=style["color"], markeredgewidth=1.6)
            ax.plot(weights[-2:, free[0]], weights[-2:, free[1]], "o", markersize=7, color=style["color"])
        ax.set(xlim=(left, right), ylim=(bottom, top), xlabel=weight_name(free[0]), ylabel=weight_name(free[1]))
    fig.suptitle(f"mean squared error, {weight_name(held).split(' ')[0]} held at {held_value:.4g}", fontsize="medium")
    from matplotlib.lines import Line2D

    ends = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor="white",
                   markeredgecolor="black", markeredgewidth=1.6, label="start"),
            Line2D([], [], marker="o", linestyle="", markersize=7, color="black", label="last two steps")]
    fig.legend(handles=axes[0].lines[0::3] + ends, loc="outside lower center", ncols=3, fontsize="small")
    return fig


def _check_windows(windows) -> list:
    example = "[(-1, 6, -2, 11)]"
    if isinstance(windows, (str, bytes)) or not hasattr(windows, "__len__"):
        raise TypeError(f"windows must be a list of boxes (left, right, bottom, top), e.g. {example}; "
                        f"got {excerpt(windows)}")
    if len(windows) and all(isinstance(v, numbers.Real) for v in windows):
        raise TypeError(f"windows must be a list of boxes (left, right, bottom, top), e.g. {example}; "
                        f"got one box {excerpt(windows)}: put it in a list")
    if not 1 <= len(windows) <= MAX_WINDOWS:
        raise ValueError(f"windows must list from 1 to MAX_WINDOWS = {MAX_WINDOWS} boxes, e.g. {example}; "
                         f"got {len(windows)}")
    boxes = []
    for k, window in enumerate(windows):
        box = _finite(window, f"windows[{k}]").ravel()
        if box.shape != (4,):
            raise ValueError(f"windows[{k}] must be 4 numbers (left, right, bottom, top); got {box.size}")
        left, right, bottom, top = box
        if not (left < right and bottom < top):
            raise ValueError(f"windows[{k}] must have left < right and bottom < top; "
                             f"got {excerpt(box.tolist())}")
        boxes.append(tuple(float(v) for v in box))
    return boxes


@book_style
def plot_decision_lines(weights, training_inputs, targets, unseen_inputs, activation: str = "tanh",
                        threshold: float = 0.5):
    """Where the network's output crosses ``threshold``, on the unit square of the first two
    inputs: one panel with the bias input on (third input 1), one with it off (0) (chapter 6).

    The region labelled 1 is shaded; each panel also shows the other panel's line, dotted, so
    the shift that the bias input makes is seen. Every input is marked in the panel of its
    third input (which must be 0 or 1), with its output: ``training_inputs`` as circles,
    filled where their target is 1, ``unseen_inputs`` as triangles. ``weights`` is a column
    of three, such as ``history.final_weights``.
    """
    weights = check_matrix(weights, "weights", (3, 1))
    training_inputs = check_inputs(training_inputs, n_inputs=3)
    targets = check_matrix(targets, "targets", (training_inputs.shape[0], 1))
    unseen_inputs = check_inputs(np.atleast_2d(as_finite_array(unseen_inputs, "unseen_inputs")), n_inputs=3)
    for name, rows in (("training_inputs", training_inputs), ("unseen_inputs", unseen_inputs)):
        odd = np.flatnonzero((rows[:, 2] != 0) & (rows[:, 2] != 1))
        if odd.size:
            raise ValueError(f"{name}[{odd[0]}] has third input {rows[odd[0], 2]:g}; the figure has a panel "
                             f"only for the bias input 1 and for 0")
    f = get_activation(activation).function
    threshold = _check_number(threshold, "threshold", "0.5")
    if not math.isfinite(threshold):
        raise ValueError(f"threshold must be a finite number; got {threshold}")

    side = np.linspace(-0.1, 1.1, GRID_POINTS)
    x1, x2 = np.meshgrid(side, side)
    outputs = {bias: f(weights[0, 0] * x1 + weights[1, 0] * x2 + weights[2, 0] * bias) for bias in (1, 0)}
    fig, axes = new_figure(ncols=2, width=8.0, height=4.8)
    lines = {}
    for ax, bias in zip(axes, (1, 0)):
        y = outputs[bias]
        if y.min() < threshold < y.max():
            ax.contourf(x1, x2, y, levels=[threshold, y.max()], colors=[OKABE_ITO["sky"]], alpha=0.35,
                        hatches=["//"])
            lines[bias] = ax.contour(x1, x2, y, levels=[threshold], colors="black", linewidths=2)
        else:
            where = "above" if y.min() >= threshold else "at or below"
            ax.text(0.5, 0.5, f"output {where} {threshold:g}\neverywhere on the square", ha="center",
                    va="center", transform=ax.transAxes)
        ax.set(xlim=(-0.1, 1.1), ylim=(-0.1, 1.1), xlabel="x1 (first input)", ylabel="x2 (second input)",
               title=f"bias input x3 = {bias}" + (" (training)" if bias else " (unseen)"))
    for ax, bias in zip(axes, (1, 0)):
        other = 1 - bias
        if other in lines:
            ax.contour(x1, x2, outputs[other], levels=[threshold], colors="black", linewidths=1.2,
                       linestyles=":")
    for rows, kind in ((training_inputs, "training"), (unseen_inputs, "unseen")):
        for k, row in enumerate(rows):
            ax = axes[0] if row[2] == 1 else axes[1]
            output = float(f(row @ weights[:, 0]))
            filled = kind == "training" and targets[k, 0] == 1
            ax.plot(row[0], row[1], "o" if kind == "training" else "^", markersize=10,
                    color=OKABE_ITO["vermillion"] if kind == "unseen" else OKABE_ITO["blue"],
                    markerfacecolor=None if filled or kind == "unseen" else "white", markeredgewidth=2)
            ax.annotate(f"{output:+.3f}", (row[0], row[1]), xytext=(0, 10), textcoords="offset points",
                        ha="center", fontsize="small", backgroundcolor="white")
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    key = [Line2D([], [], color="black", linewidth=2, label=f"output = {threshold:g} here"),
           Patch(facecolor=OKABE_ITO["sky"], alpha=0.35, hatch="//", label=f"output > {threshold:g}: label 1"),
           Line2D([], [], color="black", linewidth=1.2, linestyle=":", label="the other panel's line"),
           Line2D([], [], marker="o", linestyle="", markersize=9, color=OKABE_ITO["blue"], markeredgewidth=2,
                  label="training, target 1"),
           Line2D([], [], marker="o", linestyle="", markersize=9, color=OKABE_ITO["blue"],
                  markerfacecolor="white", markeredgewidth=2, label="training, target 0"),
           Line2D([], [], marker="^", linestyle="", markersize=9, color=OKABE_ITO["vermillion"],
                  label="unseen input")]
    fig.legend(handles=key, loc="outside lower center", ncols=3, fontsize="small")
    return fig


# --- the unit square: XOR and the hidden layer (chapter "A hidden layer") -------------------

SQUARE_CORNERS = ((0, 0), (0, 1), (1, 0), (1, 1))
"""The first two inputs of the post's four examples, in their order: the corners of the unit square."""

SQUARE_VIEW = (-0.25, 1.25)
"""The range of both axes of the unit-square figures."""

_CLASS_STYLE = {0: ("o", OKABE_ITO["blue"], "target 0"), 1: ("s", OKABE_ITO["orange"], "target 1")}
_LINE_COLOURS = ("green", "vermillion", "purple", "sky", "black", "yellow")


def _check_corner_targets(targets) -> np.ndarray:
    """Four targets, 0 or 1, one per corner of the square."""
    values = as_finite_array(targets, "targets").ravel()
    if values.size != len(SQUARE_CORNERS) or not np.all((values == 0) | (values == 1)):
        raise ValueError(f"targets must be four 0s and 1s, one per corner (0, 0), (0, 1), (1, 0), (1, 1), "
                         f"such as helpers.hidden.XOR_TARGETS; got {excerpt(targets)}")
    return values.astype(int)


def _check_lines(lines) -> dict:
    """Each label's line as three finite numbers (w1, w2, b), not all of w1 and w2 zero."""
    if lines is None:
        return {}
    _check_mapping(lines, "lines", "three numbers (w1, w2, b)", "{'a line': (1, 1, -0.5)}")
    checked = {}
    for label, line in lines.items():
        values = _finite(line, f"lines[{excerpt(label)}]").ravel()
        if values.size != 3:
            raise ValueError(f"lines[{excerpt(label)}] must be three numbers (w1, w2, b) for the line "
                             f"w1 x1 + w2 x2 + b = 0; got {values.size}")
        if values[0] == 0 and values[1] == 0:
            raise ValueError(f"lines[{excerpt(label)}] has w1 = w2 = 0: that is no line")
        checked[label] = values
    return checked


def _draw_line(ax, w1: float, w2: float, b: float, **style) -> None:
    """The line w1 x1 + w2 x2 + b = 0 across the view, solved for the steeper coordinate."""
    t = np.linspace(*SQUARE_VIEW, 2)
    if abs(w2) >= abs(w1):
        ax.plot(t, -(w1 * t + b) / w2, **style)
    else:
        ax.plot(-(w2 * t + b) / w1, t, **style)


def _square_axes(ax, targets: np.ndarray) -> None:
    """The four corners, marked and coloured by class, on a square view."""
    corners = np.array(SQUARE_CORNERS, dtype=float)
    for value, (marker, face, label) in _CLASS_STYLE.items():
        chosen = corners[targets == value]
        if len(chosen):
            ax.scatter(chosen[:, 0], chosen[:, 1], s=140, marker=marker, color=face, edgecolors="black",
                       linewidths=1.2, zorder=3, label=label)
    ax.set(xlim=SQUARE_VIEW, ylim=SQUARE_VIEW, xlabel="first input x1", ylabel="second input x2", aspect="equal")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])


@book_style
def plot_xor_square(targets, lines=None):
    """The four examples on the unit square, marked by their target, and lines across it.

    ``targets`` are four 0s and 1s for the corners (0, 0), (0, 1), (1, 0), (1, 1), the first two
    inputs of the post's examples; ``lines`` maps a label to ``(w1, w2, b)``, drawn where
    ``w1 x1 + w2 x2 + b = 0`` (chapter "A hidden layer").
    """
    targets = _check_corner_targets(targets)
    lines = _check_lines(lines)
    fig, (ax,) = new_figure(width=6.4, height=3.6)
    for j, (label, (w1, w2, b)) in enumerate(lines.items()):
        _draw_line(ax, w1, w2, b, color=OKABE_ITO[_LINE_COLOURS[j % len(_LINE_COLOURS)]],
                   linestyle=LINE_STYLES[j % len(LINE_STYLES)], linewidth=2, label=label)
    _square_axes(ax, targets)
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


SQUARE_GRID = 201
"""Points per side of the grid on which :func:`plot_hidden_regions` fills the output's regions."""


@book_style
def plot_hidden_regions(W1, W2, targets, activation: str = "tanh", threshold: float = 0.5):
    """The two-layer network on the unit square (chapter "A hidden layer").

    Filled: where the output, for inputs ``(x1, x2, 1)``, is above ``threshold`` (orange) or not
    (blue), with the boundary dashed; a line per hidden unit where its weighted sum is 0; and the
    four examples marked by their ``targets``. ``W1`` has shape ``(3, n_hidden)``, ``W2``
    ``(n_hidden + 1, 1)``, as in :mod:`helpers.hidden`.
    """
    from helpers import hidden

    targets = _check_corner_targets(targets)
    threshold = _check_number(threshold, "threshold", "0.5")
    if not math.isfinite(threshold):
        raise ValueError(f"threshold must be a finite number; got {threshold}")
    grid = np.linspace(*SQUARE_VIEW, SQUARE_GRID)
    x1, x2 = np.meshgrid(grid, grid)
    points = np.column_stack([x1.ravel(), x2.ravel(), np.ones(x1.size)])
    W1 = as_finite_array(W1, "W1")
    if W1.ndim != 2 or W1.shape[0] != 3:
        raise ValueError(f"W1 must have shape (3, n_hidden): the inputs x1, x2 and the constant 1; got shape {W1.shape}")
    _, output = hidden.forward(points, W1, W2, activation)
    output = output.reshape(x1.shape)
    fig, (ax,) = new_figure(width=6.4, height=3.6)
    ax.contourf(x1, x2, output, levels=[-np.inf, threshold, np.inf],
                colors=[OKABE_ITO["sky"], OKABE_ITO["orange"]], alpha=0.3)
    ax.contour(x1, x2, output, levels=[threshold], colors="black", linestyles="--", linewidths=1.5)
    ax.plot([], [], color="black", linestyle="--", label=f"output = {threshold:g}")
    for i in range(W1.shape[1]):
        w1, w2, b = W1[:, i]
        if w1 == 0 and w2 == 0:
            continue  # this unit's sum is the same everywhere: it has no line
        _draw_line(ax, w1, w2, b, color=OKABE_ITO[_LINE_COLOURS[i % len(_LINE_COLOURS)]],
                   linestyle=LINE_STYLES[(i + 1) % len(LINE_STYLES)], linewidth=2,
                   label=f"hidden unit {i + 1}: sum 0")
    _square_axes(ax, targets)
    ax.grid(False)
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


# --- the live explorers' snapshots (chapters 1, 3, 5, 6 and "A hidden layer") --------------------
# Each explorer's charts at its starting values, drawn once from the numbers it sends to its
# renderer: the picture a reader without JavaScript sees, with the explorer's alt text.

SNAPSHOT_DPI = 80
"""Pixels per inch of a snapshot: its smallest text is ``SMALLEST_TEXT * 80 / 72``, about 10 pixels."""


def figure_png(fig, dpi: float = SNAPSHOT_DPI) -> bytes:
    """``fig`` as PNG bytes on an opaque white background, drawn with Agg whatever the notebook's backend."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white", transparent=False,
                metadata={"Software": None})  # no version in the bytes: the same picture on every run
    return buffer.getvalue()


def _step_marks(axes, iterations: int) -> None:
    for ax in axes:
        ax.axvline(iterations, color="black", linestyle=":", linewidth=1.5)
        ax.set(xscale="symlog", xlim=(0, None), xlabel="training steps")
        ax.minorticks_off()


def _output_bars(ax, outputs, labels, targets, colours, hatches) -> None:
    """Horizontal bars of the outputs, one per labelled input, with the targets marked."""
    ax.barh(range(len(outputs)), outputs, color=colours, hatch=hatches, edgecolor="black")
    ax.plot(targets, range(len(targets)), "D", color="white", markeredgecolor="black", markersize=7,
            label="target")
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    low, high = min(np.min(outputs, initial=0.0), -0.05), max(np.max(outputs, initial=1.0), 1.05)
    ax.set(xlim=(min(low, -1.05), high), xlabel="output")


# --- checks of the snapshots' numbers: one clear error before anything is drawn ---


def _check_labels(labels, name: str = "labels") -> list:
    """A non-empty list of text labels, one per bar."""
    if isinstance(labels, str) or not isinstance(labels, (list, tuple)) or not labels \
            or not all(isinstance(label, str) for label in labels):
        raise TypeError(f"{name} must be a non-empty list of text labels, one per bar, "
                        f"e.g. ['[0, 0, 1]', '[1, 1, 1]']; got {excerpt(labels)}")
    return list(labels)


def _check_vector(values, name: str, size: int) -> np.ndarray:
    """``size`` finite numbers in a row."""
    values = as_finite_array(values, name)
    if values.shape != (size,):
        raise ValueError(f"{name} must be {size} numbers in a row, shape ({size},); "
                         f"got shape {values.shape}")
    return values


def _check_finite_number(value, name: str, example: str) -> float:
    value = _check_number(value, name, example)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number such as {example}; got {value}")
    return value


def _check_range(values, name: str, example: str) -> tuple:
    """Two finite numbers (low, high), low < high: an axis' range."""
    low, high = _check_vector(values, name, 2)
    if not low < high:
        raise ValueError(f"{name} must be (low, high) with low < high, e.g. {example}; "
                         f"got {excerpt(values)}")
    return float(low), float(high)


def _check_steps(steps, mse, iterations, recorded: bool = True) -> tuple:
    """The recorded steps (increasing), the error at each (or none: the run diverged), and the
    position in ``steps`` of the step shown. With ``recorded`` False the step shown may be any
    from the first to the last (the step-through's iteration), and the position is where it
    would be inserted."""
    steps = _finite(steps, "steps")
    if steps.ndim != 1 or np.any(np.diff(steps) <= 0):
        raise ValueError(f"steps must be increasing training steps in a row, e.g. [0, 1, 10]; "
                         f"got {excerpt(steps)}")
    mse = as_finite_array(mse, "mse")
    if mse.size and mse.shape != steps.shape:
        raise ValueError(f"mse must have shape {steps.shape}, one error per step, or be empty "
                         f"for a run that diverged; got shape {mse.shape}")
    low = 0 if recorded else int(steps[0])
    iterations = check_count(iterations, "iterations", low, int(steps[-1]), "steps[-1]")
    if recorded and iterations not in steps:
        raise ValueError(f"iterations must be one of the steps, "
                         f"{excerpt(steps.astype(int).tolist())}; got {iterations}")
    return steps, mse, int(np.searchsorted(steps, iterations))


def _check_targets(targets, n_labels: int) -> np.ndarray:
    """One target per training input: the first ``len(targets)`` of the labelled inputs."""
    targets = _finite(targets, "targets").ravel()
    if targets.size > n_labels:
        raise ValueError(f"targets must have at most one target per label ({n_labels}); "
                         f"got {targets.size}")
    return targets


@book_style
def training_snapshot(steps, mse, weights, outputs, iterations: int, title: str, labels, targets):
    """The training explorer (chapter 5): the error and the weights over the steps, and the
    outputs for the training and the unseen inputs at step ``iterations``; empty panels for a run
    that diverged (``mse`` empty). ``targets``: one per training input, the first ``labels``."""
    steps, mse, k = _check_steps(steps, mse, iterations)
    labels = _check_labels(labels)
    targets = _check_targets(targets, len(labels))
    fig, (error_ax, weight_ax, output_ax) = new_figure(ncols=3, width=12.0, height=3.8)
    if len(mse):
        weights = check_matrix(weights, "weights", (len(steps), len(WEIGHT_NAMES)))
        outputs = check_matrix(outputs, "outputs", (len(steps), len(labels)))
        error_ax.plot(steps, mse, color=OKABE_ITO["black"])
        error_ax.set_yscale("log")
        for i, name in enumerate(WEIGHT_NAMES):
            weight_ax.plot(steps, weights[:, i], color=colour(i), linestyle=LINE_STYLES[i],
                           label=name)
        weight_ax.legend(fontsize="small", loc="upper left")
        unseen = len(labels) - len(targets)
        colours = [OKABE_ITO["blue"]] * len(targets) + [OKABE_ITO["orange"]] * unseen
        hatches = [""] * len(targets) + ["//"] * unseen
        _output_bars(output_ax, outputs[k], labels, targets, colours, hatches)
        output_ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _step_marks((error_ax, weight_ax), iterations)
    error_ax.set(ylabel="mean squared error", title=title)
    weight_ax.set(ylabel="weight value", title="Weights")
    output_ax.set(title="Outputs (hatched: unseen inputs)")
    return fig


@book_style
def activation_snapshot(grid, f, slope, z: float, y: float, slope_at: float, y_limits, title: str):
    """The activation explorer (chapter 1): the curve with its tangent at ``z``, and its slope."""
    grid = _finite(grid, "grid")
    f, slope = (_check_vector(values, name, grid.size)
                for values, name in ((f, "f"), (slope, "slope")))
    z, y, slope_at = (_check_finite_number(value, name, "0.5")
                      for value, name in ((z, "z"), (y, "y"), (slope_at, "slope_at")))
    y_limits = _check_range(y_limits, "y_limits", "(-1.2, 1.2)")
    fig, (left, right) = new_figure(ncols=2, width=9.0, height=3.4)
    span = np.array([z - 1.5, z + 1.5])
    left.plot(grid, f, color=OKABE_ITO["blue"], label="f(z)")
    left.plot(span, y + slope_at * (span - z), color=OKABE_ITO["vermillion"], linestyle="--",
              label="tangent")
    left.plot([z], [y], "o", color="black")
    right.plot(grid, slope, color=OKABE_ITO["green"], linestyle="-.")
    right.plot([z], [slope_at], "o", color="black")
    left.set(xlim=(grid[0], grid[-1]), ylim=y_limits, xlabel="input z", ylabel="f(z)", title=title)
    right.set(xlim=(grid[0], grid[-1]), ylim=(-0.1, 1.1), xlabel="input z", ylabel="slope f'(z)",
              title="Slope")
    left.legend(loc="upper left", fontsize="small")
    return fig


@book_style
def seed_snapshot(weights, title: str):
    """The seed explorer (chapters 3 and 4): the three starting weights, each labelled with its
    value."""
    weights = _check_vector(weights, "weights", len(WEIGHT_NAMES))
    largest = np.max(np.abs(weights))  # beyond 1 (glorot): room for the bar and its value
    limit = 1.1 if largest <= 1 else largest + 0.15
    fig, (ax,) = new_figure(width=6.0, height=3.4)
    ax.bar(range(3), weights, color=[colour(i) for i in range(3)], edgecolor="black")
    for i, value in enumerate(weights):
        ax.text(i, max(value, 0.0), f"{value:.3f}", ha="center", va="bottom")
    ax.set_xticks(range(3), WEIGHT_NAMES)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set(ylim=(-limit, limit), ylabel="starting weight", title=title)
    return fig


@book_style
def prediction_snapshot(labels, z, outputs, threshold: float, title: str):
    """The prediction explorer (chapter 6): each network's output for one input, from -1 to 1, with
    its weighted sum ``z`` written in, and the ``threshold``."""
    labels = _check_labels(labels)
    z, outputs = (_check_vector(values, name, len(labels))
                  for values, name in ((z, "z"), (outputs, "outputs")))
    if np.any(np.abs(outputs) > 1):
        raise ValueError(f"outputs must be from -1 to 1, as tanh's; got {excerpt(outputs)}")
    threshold = _check_finite_number(threshold, "threshold", "0.5")
    fig, (ax,) = new_figure(width=6.5, height=3.0)
    ax.barh(range(len(labels)), outputs, color=[colour(i) for i in range(len(labels))],
            hatch=[HATCHES[i % len(HATCHES)] for i in range(len(labels))], edgecolor="black")
    ax.set_yticks(range(len(labels)), labels)
    ax.axvline(threshold, color="black", linestyle="--", linewidth=1,
               label=f"threshold {threshold:g}")
    ax.axvline(0, color="black", linewidth=0.8)
    for i, (sum_, output) in enumerate(zip(z, outputs)):
        ax.text(-1.0, i - 0.3, f"z = {sum_:.2f}, output {output:.3f}", va="center",
                fontsize="small")
    ax.set(xlim=(-1.05, 1.05), xlabel="output", title=title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    return fig


@book_style
def hidden_snapshot(steps, mse, W1, outputs, iterations: int, title: str, labels, targets, square,
                    threshold: float):
    """The hidden-layer explorer (chapter "A hidden layer"): the error over the steps, the four
    outputs at step ``iterations`` against their targets and the ``threshold``, and each hidden
    unit's line on the unit square; empty panels for a run that diverged (``mse`` empty)."""
    steps, mse, _ = _check_steps(steps, mse, iterations)
    labels = _check_labels(labels)
    targets = _check_corner_targets(targets)
    if len(labels) != len(targets):
        raise ValueError(f"labels must name the {len(targets)} corners, one label per target; "
                         f"got {len(labels)} labels")
    square = _check_range(square, "square", "(-0.25, 1.25)")
    threshold = _check_finite_number(threshold, "threshold", "0.5")
    W1 = as_finite_array(W1, "W1")
    if W1.ndim != 2 or W1.shape[0] != 3:
        raise ValueError(f"W1 must have shape (3, n_hidden): the inputs x1, x2 and the constant 1; "
                         f"got shape {W1.shape}")
    fig, (error_ax, output_ax, square_ax) = new_figure(ncols=3, width=12.0, height=3.8)
    if len(mse):
        outputs = _check_vector(outputs, "outputs", len(targets))
        error_ax.plot(steps, mse, color=OKABE_ITO["black"])
        error_ax.set_yscale("log")
        _output_bars(output_ax, outputs, labels, targets, [OKABE_ITO["blue"]] * len(targets),
                     [""] * len(targets))
        output_ax.axvline(threshold, color="black", linestyle="--", linewidth=1,
                          label=f"{threshold:g}")
        output_ax.legend(fontsize="small", loc="lower right")
    _step_marks((error_ax,), iterations)
    error_ax.set(ylabel="mean squared error", title=title)
    output_ax.set(title="Outputs for XOR")
    _unit_lines(square_ax, W1, targets, square)
    return fig


def _unit_lines(ax, W1, targets, square) -> None:
    """Each hidden unit's line (sum = 0) and the four corners marked by their target."""
    corners = np.array(SQUARE_CORNERS, dtype=float)
    for h in range(W1.shape[1]):
        w1, w2, b = W1[:, h]
        if w1 != 0 or w2 != 0:  # otherwise the sum is the bias everywhere: no line
            _draw_line(ax, w1, w2, b, color=colour(h), linestyle=LINE_STYLES[h % len(LINE_STYLES)])
    for target, marker, name in ((0, "o", "target 0"), (1, "s", "target 1")):
        chosen = targets == target
        ax.plot(corners[chosen, 0], corners[chosen, 1], marker, markersize=9, linestyle="none",
                color="white" if target == 0 else "black", markeredgecolor="black", label=name)
    ax.set(xlim=square, ylim=square, xlabel="x1", ylabel="x2", aspect="equal",
           title="Hidden units' lines (sum = 0)")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _check_code_lines(lines, name: str) -> list:
    """A non-empty list of one-line texts: a listing's lines."""
    if isinstance(lines, str) or not isinstance(lines, (list, tuple)) or not lines \
            or not all(isinstance(text, str) and "\n" not in text for text in lines):
        raise TypeError(f"{name} must be a non-empty list of one-line texts, one per line of code, "
                        f"e.g. ['y = np.tanh(X @ w)', 'error = targets - y']; got {excerpt(lines)}")
    return list(lines)


STEP_MARKER = "\u25b6"
"""The mark before the current line of a step-through snapshot's listing (besides bold)."""


@book_style
def step_snapshot(lines, line: int, steps, mse, iterations: int, current_mse, title: str,
                  notes=None):
    """A step-through explorer (chapters 5 and 7): the training loop's ``lines`` of code, the
    current ``line`` (1 to ``len(lines)``; 0 is before line 1) marked by an arrow, bold text and
    a box, and under it the error curve (``mse`` at the recorded ``steps``) with the iteration
    ``iterations`` marked by a dotted line and a point at ``current_mse``, the error of the weights
    before that step. ``notes``: a text under each line (chapter 5: the post's own line). For a run
    that diverged, ``mse`` is empty and ``current_mse`` None: the listing and an empty panel.

    Drawn 5 inches wide, about 400 pixels: a phone shows it at its own size.
    """
    lines = _check_code_lines(lines, "lines")
    if notes is not None:
        notes = _check_code_lines(notes, "notes")
        if len(notes) != len(lines):
            raise ValueError(f"notes must have one text per line of code ({len(lines)}); "
                             f"got {len(notes)}")
    line = check_count(line, "line", 0, len(lines), "len(lines)")
    steps, mse, _ = _check_steps(steps, mse, iterations, recorded=False)
    iterations = int(iterations)
    if mse.size:
        current_mse = _check_finite_number(current_mse, "current_mse", "0.25")
    elif current_mse is not None:
        raise ValueError(f"current_mse must be None when mse is empty (a run that diverged); "
                         f"got {excerpt(current_mse)}")
    rows = 1 + len(lines) * (1 if notes is None else 2)  # "before line 1", then each line
    import matplotlib.pyplot as plt

    row_height, curve_height = 0.27, 2.3  # inches
    height = 0.45 + rows * row_height + 0.35 + curve_height + 0.55
    fig = plt.figure(figsize=(5.0, height))
    plt.close(fig)
    # Placed by hand: the listing spans the whole width, the curve leaves room for its labels.
    top = 1 - 0.45 / height
    listing_height = rows * row_height / height
    code_ax = fig.add_axes((0.02, top - listing_height, 0.96, listing_height))
    error_ax = fig.add_axes((0.17, 0.55 / height, 0.78, curve_height / height))
    _listing(code_ax, lines, notes, line, rows)
    if mse.size:
        error_ax.plot(steps, mse, color=OKABE_ITO["black"], label="error")
        error_ax.plot([iterations], [current_mse], "o", color=OKABE_ITO["vermillion"],
                      markeredgecolor="black", label=f"iteration {iterations}")
        error_ax.set_yscale("log")
        error_ax.legend(fontsize="small", loc="best")  # off the curve and the point
    _step_marks((error_ax,), iterations)
    error_ax.set(ylabel="mean squared error")
    fig.text(0.02, 1 - 0.08 / height, title, va="top")
    return fig


def _listing(ax, lines, notes, line: int, rows: int) -> None:
    """The loop's lines in monospace, top to bottom, the current one marked by an arrow, bold
    text and a box; each note in grey under its line, as a comment."""
    ax.set_axis_off()
    ax.set(xlim=(0, 1), ylim=(rows - 0.5, -0.5))
    marked = {"fontweight": "bold", "bbox": {"boxstyle": "round,pad=0.2", "facecolor": "#fff3b0",
                                             "edgecolor": OKABE_ITO["black"]}}
    code = {"va": "center", "family": "monospace", "fontsize": "small"}
    before = "before line 1" + ("  (# the post's line)" if notes is not None else "")
    ax.text(0.0, 0, STEP_MARKER if line == 0 else "", va="center")
    ax.text(0.05, 0, before, fontstyle="italic", **code, **(marked if line == 0 else {}))
    row = 1
    for i, text in enumerate(lines, start=1):
        current = i == line
        ax.text(0.0, row, STEP_MARKER if current else "", va="center")
        ax.text(0.05, row, f"{i} {text}", **code, **(marked if current else {}))
        row += 1
        if notes is not None:
            ax.text(0.05, row, f"  # {notes[i - 1]}", color="#444444", **code)
            row += 1

"""Figures for the book: opaque white background, colour-blind-safe colours, labelled axes.

Each function returns a matplotlib ``Figure`` that pyplot no longer tracks, so a
notebook cell shows it exactly once, as its result. Alt text for the site goes
in the cell's ``mystnb.image.alt`` metadata.
"""

from __future__ import annotations

import functools

import numpy as np
from cycler import cycler

from helpers.network import derivative, get_activation

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
    "font.size": 11,
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


@book_style
def plot_activations(names=("tanh", "sigmoid"), z_limit: float = 4.0):
    """Each named activation (left) and its slope (right) on [-z_limit, z_limit] (chapter 1)."""
    activations = [get_activation(name) for name in names]  # unknown names fail before drawing
    z = np.linspace(-z_limit, z_limit, 401)
    fig, (left, right) = new_figure(ncols=2, width=8.0)
    for activation in activations:
        left.plot(z, activation.function(z), label=activation.name)
        right.plot(z, derivative(activation.name, z), label=activation.name)
    left.set(title="Activation", xlabel="input z", ylabel="f(z)")
    right.set(title="Slope", xlabel="input z", ylabel="f'(z)")
    left.legend()
    return fig


def _finite(values, what: str) -> np.ndarray:
    """Refuse to plot nan or inf silently."""
    values = np.asarray(values, dtype=float)
    if not np.all(np.isfinite(values)):
        raise ValueError(f"cannot plot {what}: it contains nan or inf")
    return values


def colour(i: int) -> str:
    """The i-th Okabe-Ito colour, cycling (every chapter's figures)."""
    return list(OKABE_ITO.values())[i % len(OKABE_ITO)]


WEIGHT_NAMES = ("w1 (first input)", "w2 (second input)", "w3 (bias input)")
HATCHES = ("", "//", "..", "xx", "\\\\", "++")


def weight_name(i: int) -> str:
    """The label of the i-th weight (chapters 3 to 5)."""
    return WEIGHT_NAMES[i] if i < len(WEIGHT_NAMES) else f"w{i + 1}"


def _grouped_bars(ax, values_by_label, what: str) -> int:
    """One group of bars per position, one bar per label in each group; returns the group count."""
    width = 0.8 / max(len(values_by_label), 1)
    count = 0
    for j, (label, values) in enumerate(values_by_label.items()):
        values = _finite(values, f"the {what} of {label!r}").ravel()
        x = np.arange(len(values)) + (j - (len(values_by_label) - 1) / 2) * width
        ax.bar(x, values, width, label=label, color=colour(j), hatch=HATCHES[j % len(HATCHES)], edgecolor="black")
        count = len(values)
    return count


@book_style
def plot_error_curves(histories, log_x: bool = True, log_y: bool = True):
    """Mean squared error after each training step, one line per labelled run (chapters 4 and 5).

    ``histories`` maps a label to a :class:`helpers.network.History`.
    """
    fig, (ax,) = new_figure()
    for label, history in histories.items():
        mse = _finite(history.mean_squared_error, f"the error of {label!r}")
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
    """Each weight against training steps (chapter 5): colour tells the weight, line style the run."""
    fig, (ax,) = new_figure()
    for run, (label, history) in enumerate(histories.items()):
        weights = _finite(history.weights, f"the weights of {label!r}")
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
    """The weights of several runs side by side, one group of bars per weight (chapters 3 and 4)."""
    fig, (ax,) = new_figure()
    n = _grouped_bars(ax, weights_by_label, "weights")
    ax.set_xticks(range(n), [weight_name(i) for i in range(n)])
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set(ylabel="weight value")
    ax.legend()
    return fig


@book_style
def plot_histograms(samples_by_label, xlabel: str, bins: int = 40):
    """Overlaid histograms of samples, one per label, as outlines (chapter 4)."""
    fig, (ax,) = new_figure()
    for j, (label, samples) in enumerate(samples_by_label.items()):
        values = _finite(samples, f"the samples of {label!r}").ravel()
        ax.hist(values, bins=bins, histtype="step", linewidth=2, label=label,
                color=colour(j), linestyle=LINE_STYLES[j % len(LINE_STYLES)])
    ax.set(xlabel=xlabel, ylabel="count")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


@book_style
def plot_predictions(inputs, outputs_by_label, threshold: float | None = 0.5):
    """Grouped bars of each model's output for each input, with the decision threshold (chapters 6 and 7)."""
    inputs = np.atleast_2d(inputs)
    for label, outputs in outputs_by_label.items():
        if np.size(outputs) != len(inputs):
            raise ValueError(f"{label!r} has {np.size(outputs)} outputs for {len(inputs)} inputs")
    fig, (ax,) = new_figure()
    _grouped_bars(ax, outputs_by_label, "outputs")
    ax.set_xticks(range(len(inputs)), [str(row.astype(int).tolist() if np.all(row == row.astype(int)) else row.tolist()) for row in inputs])
    if threshold is not None:
        ax.axhline(threshold, color="black", linestyle="--", linewidth=1, label=f"threshold {threshold}")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set(xlabel="input", ylabel="output")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))  # never over the bars
    return fig

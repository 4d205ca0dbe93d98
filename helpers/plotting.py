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
    """Draw everything inside ``plot`` with the book's :data:`STYLE`."""

    @functools.wraps(plot)
    def styled(*args, **kwargs):
        import matplotlib.pyplot as plt  # imported on first use, not when helpers is imported

        with plt.rc_context(STYLE):
            return plot(*args, **kwargs)

    return styled


def new_figure(ncols: int = 1, width: float = 6.4, height: float = 3.6):
    """A figure with ``ncols`` axes side by side, detached from pyplot so it shows once."""
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

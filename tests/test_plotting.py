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

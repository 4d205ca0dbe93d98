"""Live explorers (chapters 1, 3, 5, 6 and "A hidden layer"): controls that change the network.

Each explorer is an ``anywidget.AnyWidget``. Its front end is ``explorer.js`` beside this file,
the one JavaScript renderer the book's site uses as well (built from ``web/live/``): controls,
charts, text, data tables. Python checks every setting against ``CONTROLS``, computes with
``helpers`` and sends the numbers as binary buffers in the synced ``data`` (little-endian
float64). The iterations slider sends nothing new: ``data`` holds the whole run and the
renderer picks the step.

The output's ``text/html`` is the snapshot the site and the no-JavaScript reader see: a
``<figure data-live-explorer="...">`` with a PNG at the starting values, its alt text, and the
controls, values and constants as JSON, from which the site mounts the same renderer.
"""

from __future__ import annotations

import base64
import functools
import html
import json
import numbers
from pathlib import Path
from typing import NamedTuple

import anywidget
import numpy as np
import traitlets

from helpers import hidden, network, plotting
from helpers.explorer_text import TEXT, fill

ITERATION_STOPS = (0, 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000,
                   10_000)
"""Training lengths the iterations slider offers: every small count, then a log-like scale."""

LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 0.5, 1.0, 2.0)
MAX_SEED = 99
"""The seed slider's end; the box beside it takes any seed NumPy takes (chapter 3)."""
TYPED_MAX_SEED = network.SEED_LIMIT - 1
STABLE_RATE = TEXT["training"]["stable_rate"]
CHAOS_NOTE = TEXT["training"]["chaos_note"]
"""Above STABLE_RATE a run can be chaotic (chapter 5); both from ``explorer_text.json``."""


def plot_steps(iterations: int) -> np.ndarray:
    """About 300 step numbers spread evenly on a log scale: a smooth line (chapter 5)."""
    spread = np.geomspace(1, max(iterations, 1), 300).round().astype(int)
    return np.unique(np.concatenate([[0], spread]))


EXAMPLE_INPUTS = np.vstack([network.POST_INPUTS, network.POST_TEST_INPUTS])
EXAMPLE_LABELS = [str(row.astype(int).tolist()) for row in EXAMPLE_INPUTS]

RECORDED = np.union1d(plot_steps(ITERATION_STOPS[-1]), ITERATION_STOPS)
"""The steps an explorer keeps of each run: enough to draw it and every stop of the slider."""

LADDER = np.array([1.1, 2.2, 5.5, 11.0, 22.0, 55.0, 110.0, 220.0, 550.0, 1100.0])
"""The renderer's coarse axis limits (chapter 5): most runs share them, and the axes only widen."""


class Run(NamedTuple):
    """One training run as the explorer keeps it: weights and error at the RECORDED steps."""

    steps: np.ndarray
    weights: np.ndarray
    mean_squared_error: np.ndarray


@functools.lru_cache(maxsize=64)
def training_run(seed: int, activation: str, learning_rate: float, scheme: str) -> Run:
    """The run for one setting of the controls, kept at the RECORDED steps (chapter 5).

    Trained by :func:`helpers.network.train` itself, so it is the reader's own run to the
    last bit. Raises TrainingDivergedError for a run that blew up.
    """
    weights = network.initial_weights(seed, scheme)
    history = network.train(network.POST_INPUTS, network.POST_TARGETS, weights, activation,
                            ITERATION_STOPS[-1], learning_rate)
    return _frozen(Run(RECORDED, history.weights[RECORDED], history.mean_squared_error[RECORDED]))


def _frozen(run):
    for array in run:
        array.setflags(write=False)  # shared by the cache: nobody may change it
    return run


# --- the controls' rules --------------------------------------------------------------------


class Choice(NamedTuple):
    """A control that takes one of a few values: a menu, or a slider over stops."""

    description: str
    options: tuple
    slider: bool = False
    labels: tuple | None = None
    """What a menu shows for each option, in order (chapters 5 and 7: the examples' rows); the
    menu still returns the option itself."""

    def check(self, name: str, value):
        """The option equal to ``value``, or a ValueError naming the control and its options."""
        comparable = isinstance(value, (str, numbers.Real)) and not isinstance(value, bool)
        for option in self.options:
            if comparable and option == value:
                return option
        kind = "the slider's stops" if self.slider else "the menu's options"
        listing = ", ".join(repr(option) for option in self.options)
        raise ValueError(f"{name} must be one of {kind} {listing}; got {value!r}")

    def site(self) -> dict:
        """This control for the renderer: a slider over the stops, or a menu."""
        spec = {"kind": "stops" if self.slider else "menu", "label": self.description,
                "options": list(self.options)}
        if self.labels is not None:
            if self.slider or len(self.labels) != len(self.options) \
                    or not all(isinstance(label, str) for label in self.labels):
                raise ValueError(f"labels of the {self.description!r} menu must be one text per "
                                 f"option ({len(self.options)}); got {self.labels!r}")
            spec["labels"] = list(self.labels)
        return spec


class Whole(NamedTuple):
    """A whole number from ``low`` to ``high``, typed in a box or picked on a slider (chapters 3,
    5 and 7). The slider stops at ``slider_high`` when that is given: a range a mouse can pick
    from; the box takes the whole range, in Jupyter and on the site alike.
    """

    description: str
    low: int
    high: int
    slider_high: int | None = None

    def check(self, name: str, value) -> int:
        """``value`` as an int, or an error naming the control and its range."""
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(
                f"{name} must be a whole number from {self.low} to {self.high}; got {value!r}")
        if not self.low <= value <= self.high:
            raise ValueError(f"{name} must be from {self.low} to {self.high}; got {value}")
        return int(value)

    def site(self) -> dict:
        """This control for the renderer: a slider from low to slider_high, and a box to type any
        number from low to high in."""
        slider_high = self.high if self.slider_high is None else self.slider_high
        return {"kind": "whole", "label": self.description, "low": self.low, "high": self.high,
                "slider_high": slider_high}


class Line(Whole):
    """The line of the training loop a step-through explorer is at: a whole number from ``low``
    (0, before line 1) to ``high`` (the loop's last line), checked as :class:`Whole` checks
    (chapters 5 and 7). The renderer draws no control for it: its Back and Next buttons move it.
    """

    __slots__ = ()

    def site(self) -> dict:
        """This control for the renderer: kind ``line``, moved by the stepper."""
        return {"kind": "line", "label": self.description, "low": self.low, "high": self.high}


STEP = 0.1
"""The step of a Number slider: every value it takes is low + k * STEP (chapters 1 and 6)."""


class Number(NamedTuple):
    """A slider over the numbers from ``low`` to ``high`` in steps of 0.1 (chapters 1 and 6)."""

    description: str
    low: float
    high: float

    def check(self, name: str, value) -> float:
        """``value`` as a float, or an error naming the control and its range (nan and inf are
        outside it)."""
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(
                f"{name} must be a number from {self.low} to {self.high}; got {value!r}")
        if not self.low <= value <= self.high:
            raise ValueError(f"{name} must be a number from {self.low} to {self.high}; got {value}")
        steps = (value - self.low) / STEP
        if abs(steps - round(steps)) > 1e-6:  # the slider's values only: none is moved silently
            raise ValueError(
                f"{name} must be on the slider's steps of {STEP} from {self.low}; got {value}")
        return float(value)

    def site(self) -> dict:
        """This control for the renderer: a slider in steps of 0.1."""
        return {"kind": "number", "label": self.description, "low": self.low, "high": self.high,
                "step": STEP}


def checked(rules: dict, values: dict) -> dict:
    """``values`` checked against the controls before anything changes (chapters 1, 3, 5, 6, 7).

    One ValueError or TypeError that names the control and what it accepts, instead of an error
    from deep inside traitlets, or a value silently moved into range.
    """
    unknown = sorted(set(values) - set(rules))
    if unknown:
        raise ValueError(f"unknown control(s) {unknown}; expected some of {sorted(rules)}")
    return {name: rules[name].check(name, value) for name, value in values.items()}


SEED = Whole("seed", 0, TYPED_MAX_SEED, MAX_SEED)
SCHEME = Choice("initial weights", network.INIT_SCHEMES)


def json_attribute(value) -> str:
    """``value`` as JSON, escaped to sit inside a single-quoted HTML attribute."""
    return html.escape(json.dumps(value), quote=False).replace("'", "&#39;")


def floats(array) -> memoryview:
    """``array`` as little-endian float64 bytes, row-major: one binary buffer for the front end."""
    return memoryview(np.ascontiguousarray(array, dtype="<f8").reshape(-1))


EMPTY = np.zeros(0)


class Settings(traitlets.Dict):
    """The ``values`` trait: a change is a change of value or of type. A front end that sends the
    learning rate 1.0 sends JSON's ``1``, equal to ``1.0``: it is still checked, and stored as
    ``1.0``."""

    def set(self, obj, value) -> None:
        new = self._validate(obj, value)
        old = obj._trait_values.get(self.name, self.default_value)
        obj._trait_values[self.name] = new
        same = old == new and all(type(old[key]) is type(new[key]) for key in new)
        if not same:
            obj._notify_trait(self.name, old, new)


# --- the explorer: a widget whose numbers come from helpers ----------------------------------


class Explorer(anywidget.AnyWidget):
    """Controls, charts and text drawn by ``explorer.js`` from numbers computed here.

    A subclass gives ``CONTROLS``, ``NAME``, its constants, the key of a run (the values that change
    ``data``), the computation, and the fields its sentences are filled with.
    """

    _esm = Path(__file__).with_name("explorer.js")
    _css = Path(__file__).with_name("explorer.css")

    name = traitlets.Unicode("").tag(sync=True)
    controls = traitlets.List().tag(sync=True)
    constants = traitlets.Dict().tag(sync=True)
    values = Settings().tag(sync=True)
    data = traitlets.Dict().tag(sync=True)
    error = traitlets.Unicode("").tag(sync=True)

    CONTROLS: dict = {}
    """Each control's name and rule (:class:`Choice`, :class:`Whole` or :class:`Number`)."""

    NAME = ""
    """Which explorer the renderer draws, and the key of its sentences in ``explorer_text.json``."""

    def __init__(self, **values) -> None:
        values = checked(self.CONTROLS, values)  # a wrong value fails here, before any widget
        self._key = self.run_key(values)
        self._numbers = self.compute(**values)
        super().__init__(name=self.NAME, controls=self.site_controls(),
                         constants=self.site_constants(), values=values,
                         data=self._encoded(self._numbers))
        self.snapshot_values, self._snapshot_numbers = dict(values), self._numbers
        self._snapshot = None
        self._good, self._quiet = dict(values), False
        self.observe(self._on_values, names="values")

    @property
    def settings(self) -> dict:
        """The current settings, as the controls show them (a copy)."""
        return dict(self.values)

    def set(self, **values) -> None:
        """Move several controls at once (for code and tests; chapters 1, 3, 5, 6, 7).

        Every value is checked first: a wrong one raises a ValueError or TypeError naming it, and
        nothing changes.
        """
        self._apply({**self._good, **checked(self.CONTROLS, values)})

    def _on_values(self, change) -> None:
        """Values from the front end, checked as :meth:`set` checks them. A wrong one changes
        nothing but ``error``, one sentence the renderer shows, and puts the controls back."""
        if self._quiet:
            return
        try:
            values = {**self._good, **checked(self.CONTROLS, change["new"])}
        except (ValueError, TypeError) as problem:
            with self.hold_sync():
                self._set_values(self._good)
                self.error = f"{problem}."
            return
        self._apply(values)

    def _apply(self, values: dict) -> None:
        key = self.run_key(values)
        with self.hold_sync():  # one message: the renderer never sees new values with old data
            if key != self._key:
                self._numbers = self.compute(**values)
                self.data, self._key = self._encoded(self._numbers), key
            self._good = values
            self._set_values(values)
            self.error = ""

    def _set_values(self, values: dict) -> None:
        self._quiet = True
        try:
            self.values = dict(values)
        finally:
            self._quiet = False

    @staticmethod
    def _encoded(numbers_: dict) -> dict:
        return {key: floats(value) if isinstance(value, np.ndarray) else value
                for key, value in numbers_.items()}

    def run_key(self, values: dict) -> tuple:
        """The values ``data`` depends on: a change in any other (iterations) sends no new data."""
        return tuple(values.values())

    def compute(self, **values) -> dict:
        """The numbers for ``values``: NumPy arrays (sent as buffers), numbers and strings."""
        raise NotImplementedError

    def fields(self, values: dict, numbers_: dict) -> dict:
        """What the ``alt`` and ``heading`` templates are filled with, at ``values``."""
        raise NotImplementedError

    def describe(self, values: dict, numbers_: dict) -> tuple[str, str]:
        """The heading and the alt text (the live-region sentence) for ``values``."""
        if numbers_.get("diverged"):
            message = numbers_["diverged"]
            return TEXT["diverged"]["heading"], fill(TEXT["diverged"]["alt"], message=message)
        fields = self.fields(values, numbers_)
        return fill(TEXT[self.NAME]["heading"], **fields), fill(TEXT[self.NAME]["alt"], **fields)

    @property
    def alt(self) -> str:
        """The sentence that describes the charts at the current settings."""
        return self.describe(self._good, self._numbers)[1]

    @property
    def snapshot_alt(self) -> str:
        """The snapshot's alt text: the charts at the starting values."""
        return self.describe(self.snapshot_values, self._snapshot_numbers)[1]

    def reproduce(self) -> str:
        """Python code that computes with ``helpers`` the numbers shown at the current settings."""
        return fill(TEXT[self.NAME]["reproduce"], **self._good)

    def site_controls(self) -> list:
        """Each control as the renderer builds it: its name, kind, label and range or options."""
        return [{"name": name, **rule.site()} for name, rule in self.CONTROLS.items()]

    def site_constants(self) -> dict:
        """What the renderer needs besides ``data``; subclasses add to it."""
        return {"colours": plotting.OKABE_ITO, "iteration_stops": list(ITERATION_STOPS)}

    @property
    def snapshot(self) -> bytes:
        """The PNG of the charts at the starting values, drawn once."""
        if self._snapshot is None:
            heading, _ = self.describe(self.snapshot_values, self._snapshot_numbers)
            figure = self.snapshot_figure(self.snapshot_values, self._snapshot_numbers, heading)
            self._snapshot = plotting.figure_png(figure)
        return self._snapshot

    def snapshot_figure(self, values: dict, numbers_: dict, heading: str):
        raise NotImplementedError

    def site_html(self) -> str:
        """The snapshot with its alt text and caption, and the controls, values and constants the
        site's renderer mounts on."""
        picture = base64.b64encode(self.snapshot).decode("ascii")
        data = {"controls": self.site_controls(), "values": self.snapshot_values,
                "constants": self.site_constants()}
        attributes = "".join(f" data-{key}='{json_attribute(value)}'"
                             for key, value in data.items())
        caption = html.escape(TEXT["caption"]["snapshot"])
        return (
            # Its own colours, so the caption stays readable on the site's light and dark themes.
            f'<figure class="explorer-snapshot" data-live-explorer="{self.NAME}"{attributes} '
            f'style="background:#ffffff;color:#222222;margin:0;padding:0.5em">'
            f'<img src="data:image/png;base64,{picture}" '
            f'alt="{html.escape(self.snapshot_alt)}" style="max-width:100%">'
            f'<figcaption style="color:#222222">{caption}</figcaption></figure>'
        )

    def _repr_mimebundle_(self, **kwargs):
        """The widget's view, a plain name and the snapshot: a dict (with anywidget's metadata, which
        only Colab needs, the pair)."""
        bundle, metadata = super()._repr_mimebundle_(**kwargs)
        settings = ", ".join(f"{name}={value!r}" for name, value in self._good.items())
        bundle["text/plain"] = f"{type(self).__name__}({settings})"
        bundle["text/html"] = self.site_html()
        return (bundle, metadata) if metadata else bundle


# --- chapter 5: training ---------------------------------------------------------------------


def diverged(message: str, *names: str) -> dict:
    """The data of a run that blew up: its message and nothing to plot (chapters 5 and 7)."""
    return {**{name: EMPTY for name in names}, "diverged": message}


class TrainingExplorer(Explorer):
    """Seed, iterations, activation, learning rate and initial weights, and what training does
    (chapter 5).

    Each run is trained once to the longest length and kept (see :func:`training_run`): the
    iterations slider picks a step of it, in the renderer.
    """

    CONTROLS = {
        "seed": SEED,
        "iterations": Choice("iterations", ITERATION_STOPS, slider=True),
        "activation": Choice("activation", tuple(network.ACTIVATIONS)),
        "learning_rate": Choice("learning rate", LEARNING_RATES, slider=True),
        "scheme": SCHEME,
    }
    NAME = "training"

    def __init__(self, seed: int = network.POST_SEED, iterations: int = ITERATION_STOPS[-1],
                 activation: str = "post_tanh", learning_rate: float = 1.0,
                 scheme: str = "post") -> None:
        super().__init__(seed=seed, iterations=iterations, activation=activation,
                         learning_rate=learning_rate, scheme=scheme)

    def site_constants(self) -> dict:
        return {**super().site_constants(), "recorded": RECORDED.tolist(), "ladder": LADDER.tolist(),
                "weight_names": list(plotting.WEIGHT_NAMES), "example_labels": EXAMPLE_LABELS,
                "targets": network.POST_TARGETS.ravel().tolist()}

    def run_key(self, values: dict) -> tuple:
        return values["seed"], values["activation"], values["learning_rate"], values["scheme"]

    def compute(self, seed, iterations, activation, learning_rate, scheme) -> dict:
        try:
            run = training_run(seed, activation, learning_rate, scheme)
        except network.TrainingDivergedError as problem:
            return diverged(str(problem), "mse", "weights", "outputs")
        outputs = network.get_activation(activation).function(run.weights @ EXAMPLE_INPUTS.T)
        return {"mse": run.mean_squared_error, "weights": run.weights, "outputs": outputs,
                "diverged": ""}

    def fields(self, values: dict, numbers_: dict) -> dict:
        k = int(np.searchsorted(RECORDED, values["iterations"]))
        return {**values, "last_step": int(RECORDED[-1]), "mse": numbers_["mse"][k],
                "weights": numbers_["weights"][k], "outputs": numbers_["outputs"][k]}

    def snapshot_figure(self, values, numbers_, heading):
        return plotting.training_snapshot(RECORDED, numbers_["mse"], numbers_["weights"],
                                          numbers_["outputs"], values["iterations"], heading,
                                          EXAMPLE_LABELS, network.POST_TARGETS.ravel())


# --- chapter 1: an activation and its slope --------------------------------------------------

GRID = np.linspace(-4.0, 4.0, 401)
"""The inputs z at which the activation explorer draws each curve."""


@functools.lru_cache(maxsize=8)
def activation_curves(activation: str) -> tuple[np.ndarray, np.ndarray]:
    """``f`` and its slope over :data:`GRID` (chapter 1)."""
    f = network.get_activation(activation).function
    return _frozen((f(GRID), network.derivative(activation, GRID)))


class ActivationExplorer(Explorer):
    """An activation, its slope, and the tangent line at a chosen input (chapter 1)."""

    CONTROLS = {"activation": Choice("activation", ("tanh", "sigmoid", "relu")),
                "z": Number("input z", -4.0, 4.0)}
    NAME = "activation"
    Y_LIMITS = {"tanh": (-1.2, 1.2), "sigmoid": (-1.2, 1.2), "relu": (-0.5, 4.2)}
    """The activation panel's y-range: each curve, its tangent and its point stay inside it."""

    def __init__(self, activation: str = "tanh", z: float = 0.5) -> None:
        super().__init__(activation=activation, z=z)

    def site_constants(self) -> dict:
        y_limits = {name: list(limits) for name, limits in self.Y_LIMITS.items()}
        return {**super().site_constants(), "y_limits": y_limits, "grid_low": -4, "grid_high": 4,
                "grid_count": len(GRID)}

    def compute(self, activation, z) -> dict:
        f, slope = activation_curves(activation)
        y = float(network.get_activation(activation).function(z))
        slope_at = float(network.derivative(activation, z))
        return {"f": f, "slope": slope, "y": y, "slope_at": slope_at}

    def fields(self, values: dict, numbers_: dict) -> dict:
        return {**values, "y": numbers_["y"], "slope": numbers_["slope_at"]}

    def snapshot_figure(self, values, numbers_, heading):
        return plotting.activation_snapshot(GRID, numbers_["f"], numbers_["slope"], values["z"],
                                            numbers_["y"], numbers_["slope_at"],
                                            self.Y_LIMITS[values["activation"]], heading)


# --- chapters 3 and 4: a seed's starting weights ---------------------------------------------


class SeedExplorer(Explorer):
    """A seed and an initialisation scheme, and the three starting weights they give
    (chapters 3 and 4)."""

    CONTROLS = {"seed": SEED, "scheme": SCHEME}
    NAME = "seed"

    def __init__(self, seed: int = network.POST_SEED, scheme: str = "post") -> None:
        super().__init__(seed=seed, scheme=scheme)

    def site_constants(self) -> dict:
        return {**super().site_constants(), "weight_names": list(plotting.WEIGHT_NAMES)}

    def compute(self, seed, scheme) -> dict:
        return {"weights": network.initial_weights(seed, scheme).ravel()}

    def fields(self, values: dict, numbers_: dict) -> dict:
        return {**values, "weights": numbers_["weights"]}

    def snapshot_figure(self, values, numbers_, heading):
        return plotting.seed_snapshot(numbers_["weights"], heading)


# --- chapter 6: two networks' predictions ----------------------------------------------------


class PredictionExplorer(Explorer):
    """Pick an input, see the weighted sum and the output of the post's and the corrected network
    (chapter 6)."""

    MODELS = {
        "post's network": ("post_tanh", 1.0),
        "corrected network": ("tanh", 0.5),
    }

    CONTROLS = {"x1": Number("x1", -1.0, 2.0), "x2": Number("x2", -1.0, 2.0),
                "x3": Number("x3 (bias)", -1.0, 2.0)}
    NAME = "prediction"

    def __init__(self, x1: float = 1.0, x2: float = 1.0, x3: float = 0.0) -> None:
        super().__init__(x1=x1, x2=x2, x3=x3)

    @property
    def weights(self) -> dict:
        """Each network's weights after ITERATION_STOPS[-1] steps from the post's seed (columns)."""
        seed = network.POST_SEED
        return {label: training_run(seed, activation, rate, "post").weights[-1][:, None]
                for label, (activation, rate) in self.MODELS.items()}

    def site_constants(self) -> dict:
        models = [{"label": label, "activation": activation, "learning_rate": rate}
                  for label, (activation, rate) in self.MODELS.items()]
        return {**super().site_constants(), "models": models, "seed": network.POST_SEED,
                "scheme": "post", "iterations": ITERATION_STOPS[-1]}

    def compute(self, x1, x2, x3) -> dict:
        x = np.array([x1, x2, x3])
        z, outputs = [], []
        for weights, (activation, _) in zip(self.weights.values(), self.MODELS.values()):
            z.append(float(x @ weights[:, 0]))
            outputs.append(float(network.predict(x, weights, activation)[0]))
        return {"z": np.array(z), "outputs": np.array(outputs)}

    def fields(self, values: dict, numbers_: dict) -> dict:
        parts = [fill(TEXT["prediction"]["part"], label=label, z=z, output=output)
                 for label, z, output in zip(self.MODELS, numbers_["z"], numbers_["outputs"])]
        return {**values, "parts": "; ".join(parts)}

    def snapshot_figure(self, values, numbers_, heading):
        return plotting.prediction_snapshot(list(self.MODELS), numbers_["z"], numbers_["outputs"],
                                            hidden.THRESHOLD, heading)


# --- the hidden-layer explorer (chapter "A hidden layer") ------------------------------------

HIDDEN_UNITS = Whole("hidden units", 1, 8)
"""How many hidden units the hidden-layer explorer offers: one (which cannot solve XOR) to eight."""

HIDDEN_ACTIVATIONS = ("tanh", "sigmoid", "relu")
HIDDEN_RATES = (0.03, 0.1, 0.25, 0.5, 1.0, 2.0)
"""The hidden-layer explorer's learning rates, around the chapter's ``hidden.XOR_LEARNING_RATE``."""

XOR_LABELS = EXAMPLE_LABELS[:4]
"""The four XOR inputs as the explorers write them: the post's training inputs."""

XOR_TARGETS = [int(target) for target in hidden.XOR_TARGETS.ravel()]
"""XOR's four targets, 0, 1, 1, 0, as the explorers write them."""

HIDDEN_STABLE_RATE = TEXT["hidden"]["stable_rate"]
HIDDEN_CHAOS_NOTE = TEXT["hidden"]["chaos_note"]
"""Above HIDDEN_STABLE_RATE a hidden-layer run can swing chaotically (explorer_text.json)."""

SQUARE = (-0.25, 1.25)
"""The unit square panel's range on both axes: the four inputs with a margin."""


class HiddenRun(NamedTuple):
    """One run of the two-layer network as the explorer keeps it: W1, W2 and the error at the
    RECORDED steps, the outputs for the four inputs and whether they solve XOR (chapter "A hidden
    layer")."""

    steps: np.ndarray
    W1: np.ndarray
    W2: np.ndarray
    mean_squared_error: np.ndarray
    outputs: np.ndarray
    solved: np.ndarray


@functools.lru_cache(maxsize=32)
def hidden_run(seed: int, n_hidden: int, activation: str, learning_rate: float) -> HiddenRun:
    """The run for one setting of the hidden-layer explorer, kept at the RECORDED steps.

    Trained by :func:`helpers.hidden.train_hidden` on XOR from ``initial_hidden_weights(seed,
    n_hidden)`` (the uniform scheme), ``ITERATION_STOPS[-1]`` steps; the outputs are
    ``hidden.forward``'s and the verdict ``hidden.solves``' at each recorded step. Raises
    TrainingDivergedError for a run that blew up (chapter "A hidden layer").
    """
    W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
    history = hidden.train_hidden(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, activation,
                                  ITERATION_STOPS[-1], learning_rate)
    W1, W2 = history.W1[RECORDED], history.W2[RECORDED]
    # hidden.forward's sums, step by step, without its checks: train_hidden checked these arrays.
    f = network.get_activation(activation).function
    outputs = np.array([hidden.unchecked_forward(hidden.XOR_INPUTS, w1, w2, f)[1][:, 0]
                        for w1, w2 in zip(W1, W2)])
    solved = (~hidden.wrong_side(outputs, hidden.XOR_TARGETS.ravel()).any(axis=1)).astype(float)
    mse = history.mean_squared_error[RECORDED]
    return _frozen(HiddenRun(RECORDED, W1, W2, mse, outputs, solved))


def wrong_examples(outputs, targets) -> list[int]:
    """The examples whose output is not on its target's side of 0.5, as ``hidden.solves`` counts
    them (exactly 0.5 is wrong; chapter "A hidden layer")."""
    return np.flatnonzero(hidden.wrong_side(np.asarray(outputs), np.asarray(targets))).tolist()


class HiddenExplorer(Explorer):
    """Seed, hidden units, iterations, activation and learning rate of the two-layer network on
    XOR, and what training does: the error, the four outputs against their targets, and the hidden
    units' lines on the unit square (chapter "A hidden layer").

    As :class:`TrainingExplorer`: each run is trained once to the longest length and kept (see
    :func:`hidden_run`), and the iterations slider picks a step of it in the renderer.
    """

    CONTROLS = {
        "seed": SEED,
        "n_hidden": HIDDEN_UNITS,
        "iterations": Choice("iterations", ITERATION_STOPS, slider=True),
        "activation": Choice("activation", HIDDEN_ACTIVATIONS),
        "learning_rate": Choice("learning rate", HIDDEN_RATES, slider=True),
    }
    NAME = "hidden"

    def __init__(self, seed: int = 0, n_hidden: int = 4, iterations: int = ITERATION_STOPS[-1],
                 activation: str = "tanh", learning_rate: float = 0.25) -> None:
        super().__init__(seed=seed, n_hidden=n_hidden, iterations=iterations,
                         activation=activation, learning_rate=learning_rate)

    def site_constants(self) -> dict:
        return {**super().site_constants(), "recorded": RECORDED.tolist(), "ladder": LADDER.tolist(),
                "example_labels": XOR_LABELS, "targets": XOR_TARGETS,
                "square": list(SQUARE), "max_hidden": HIDDEN_UNITS.high}

    def run_key(self, values: dict) -> tuple:
        return values["seed"], values["n_hidden"], values["activation"], values["learning_rate"]

    def compute(self, seed, n_hidden, iterations, activation, learning_rate) -> dict:
        try:
            run = hidden_run(seed, n_hidden, activation, learning_rate)
        except network.TrainingDivergedError as problem:
            return diverged(str(problem), "mse", "W1", "W2", "outputs", "solved")
        return {"mse": run.mean_squared_error, "W1": run.W1, "W2": run.W2,
                "outputs": run.outputs, "solved": run.solved, "diverged": ""}

    def verdict(self, values: dict, numbers_: dict) -> str:
        """Does the network solve XOR after the chosen steps? One sentence."""
        k = int(np.searchsorted(RECORDED, values["iterations"]))
        if numbers_["solved"][k]:
            return fill(TEXT["hidden"]["solved"], iterations=values["iterations"])
        wrong = [XOR_LABELS[i] for i in wrong_examples(numbers_["outputs"][k], XOR_TARGETS)]
        return fill(TEXT["hidden"]["unsolved"], iterations=values["iterations"], wrong=wrong)

    def fields(self, values: dict, numbers_: dict) -> dict:
        k = int(np.searchsorted(RECORDED, values["iterations"]))
        n = values["n_hidden"]
        text = TEXT["hidden"]
        units = text["units_one"] if n == 1 else fill(text["units_many"], n_hidden=n)
        return {**values, "units": units, "last_step": int(RECORDED[-1]), "mse": numbers_["mse"][k],
                "labels": XOR_LABELS, "targets": XOR_TARGETS,
                "outputs": numbers_["outputs"][k], "verdict": self.verdict(values, numbers_)}

    def snapshot_figure(self, values, numbers_, heading):
        k = int(np.searchsorted(RECORDED, values["iterations"]))
        W1 = numbers_["W1"][k] if len(numbers_["W1"]) else np.zeros((3, 0))
        outputs = numbers_["outputs"][k] if len(numbers_["outputs"]) else np.zeros(0)
        return plotting.hidden_snapshot(RECORDED, numbers_["mse"], W1, outputs,
                                        values["iterations"], heading, XOR_LABELS, XOR_TARGETS,
                                        SQUARE, hidden.THRESHOLD)


# --- the step-through explorers (chapters 5 and 7): every line of one training step ----------

STEP_BLOCK = 10
"""How many iterations' steps one ``data`` holds: "Next step" needs new data once in ten."""

LAST_ITERATION = ITERATION_STOPS[-1]
"""The last iteration a step-through explorer reaches: each run is trained this far."""

STEP_ITERATIONS = Whole("iteration", 0, LAST_ITERATION, LAST_ITERATION)
SLOPES = {"post": "post_tanh", "true": "tanh"}
"""The chapter 5 explorer's slope menu: the post's ``1 - tanh(4y)`` or tanh's true ``1 - y**2``."""

ROW = Choice("row", tuple(range(len(XOR_LABELS))),
             labels=tuple(f"{i}: {label}" for i, label in enumerate(XOR_LABELS)))
"""The example whose numbers the formulas and sentences follow: a row of X, 0 to 3."""

TRAINING_INPUTS = network.POST_INPUTS.astype(int).tolist()
"""The 4 x 3 inputs X, as the step-through explorers' constants give them (the same for XOR)."""


def block(iterations: int) -> tuple[int, int]:
    """The block of iterations whose steps ``data`` holds for ``iterations`` (chapters 5 and 7):
    its first iteration and how many (10, or 1 for the last iteration, 10,000)."""
    first = iterations - iterations % STEP_BLOCK
    return first, min(STEP_BLOCK, LAST_ITERATION - first + 1)


def _frozen_arrays(*arrays) -> None:
    for array in arrays:
        array.setflags(write=False)  # shared by the cache: nobody may change it


@functools.lru_cache(maxsize=16)
def step_run(seed: int, activation: str, learning_rate: float) -> network.History:
    """The whole run of the chapter 5 step-through explorer, every step's weights kept.

    :func:`helpers.network.train` itself, from ``initial_weights(seed, "post")`` on the post's
    inputs and targets, ``LAST_ITERATION`` steps (about 0.6 MB a run). Raises
    TrainingDivergedError for a run that blew up.
    """
    weights = network.initial_weights(seed, "post")
    history = network.train(network.POST_INPUTS, network.POST_TARGETS, weights, activation,
                            LAST_ITERATION, learning_rate)
    _frozen_arrays(history.weights, history.errors)
    return history


@functools.lru_cache(maxsize=8)
def hidden_step_run(seed: int, n_hidden: int, learning_rate: float) -> hidden.HiddenHistory:
    """The whole run of the chapter 7 step-through explorer, every step's W1 and W2 kept.

    :func:`helpers.hidden.train_hidden` itself (tanh), from ``initial_hidden_weights(seed,
    n_hidden)`` on XOR, ``LAST_ITERATION`` steps (up to 3 MB a run, at 8 hidden units). Raises
    TrainingDivergedError for a run that blew up.
    """
    W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
    history = hidden.train_hidden(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, "tanh",
                                  LAST_ITERATION, learning_rate)
    _frozen_arrays(history.W1, history.W2, history.errors)
    return history


def stacked(steps, names) -> dict:
    """Each named array of the steps, one row per step, raveled row-major: ``data``'s arrays
    (chapters 5 and 7)."""
    return {name: np.array([np.ravel(getattr(step, name)) for step in steps]) for name in names}


class StepThrough(Explorer):
    """What the two step-through explorers share (chapters 5 and 7): a block of ``STEP_BLOCK``
    iterations' steps in ``data``, a line of the loop and a row of X chosen in the renderer, the
    sentences of ``TEXT[NAME]`` filled line by line, and a snapshot of the listing and the error.
    """

    ARRAYS: tuple = ()
    """The step's arrays ``data`` holds, by their name in ``data`` and in the step."""

    def run_key(self, values: dict) -> tuple:
        raise NotImplementedError

    def history(self, values: dict):
        """The run for ``values``, from the cache (raises TrainingDivergedError)."""
        raise NotImplementedError

    def one_step(self, values: dict, k: int):
        """The helpers step at iteration ``k`` of the run for ``values``."""
        raise NotImplementedError

    def site_constants(self) -> dict:
        return {**super().site_constants(), "recorded": RECORDED.tolist(),
                "ladder": LADDER.tolist(), "inputs": TRAINING_INPUTS,
                "example_labels": XOR_LABELS, "block": STEP_BLOCK,
                "last_iteration": LAST_ITERATION}

    def compute(self, **values) -> dict:
        first, count = block(values["iterations"])
        try:
            history = self.history(values)
            steps = [self.one_step(values, k) for k in range(first, first + count)]
        except network.TrainingDivergedError as problem:
            return {"first": first, "count": count,
                    **diverged(str(problem), *self.ARRAYS, "step_mse", "mse")}
        arrays = stacked(steps, self.ARRAYS)
        step_mse = np.array([np.mean(step.error**2) for step in steps])
        return {"first": first, "count": count, **arrays, "step_mse": step_mse,
                "mse": history.mean_squared_error[RECORDED], "diverged": ""}

    @property
    def step_arrays(self):
        """The current iteration's step, every array it computes (None for a run that diverged):
        a :class:`helpers.network.Step` or :class:`helpers.hidden.HiddenStep`."""
        if self._numbers["diverged"]:
            return None
        return self.one_step(self._good, self._good["iterations"])

    @property
    def formula(self) -> str:
        """The current line's formula for the chosen example, with its numbers plugged in, as the
        renderer shows it under the code ("" at line 0 and for a run that diverged)."""
        line = self._good["line"]
        if line == 0 or self._numbers["diverged"]:
            return ""
        fields = self.fields(self._good, self._numbers)
        return fill(TEXT[self.NAME]["lines"][line - 1]["formula"], **fields)

    @property
    def heading(self) -> str:
        """The heading over the listing at the current settings."""
        return self.describe(self._good, self._numbers)[0]

    def line_fields(self, values: dict, fields: dict) -> dict:
        """``spoken`` and ``said`` for the current line: the line's sentence, or at line 0 the
        sentence before line 1."""
        text, line = TEXT[self.NAME], values["line"]
        if line == 0:
            return {"spoken": "", "said": fill(text["before"], **fields)}
        spoken = fill(text["lines"][line - 1]["spoken"], **fields)
        return {"spoken": spoken, "said": fill(text["said"], **fields, spoken=spoken)}

    def code_lines(self, values: dict) -> list[str]:
        """The loop's lines of code, as the renderer shows them."""
        return [line["code"] for line in TEXT[self.NAME]["lines"]]

    def snapshot_figure(self, values, numbers_, heading):
        text = TEXT[self.NAME]
        mse, current = numbers_["mse"], None
        if len(mse):
            current = numbers_["step_mse"][values["iterations"] - numbers_["first"]]
        notes = [line["post"] for line in text["lines"]] if "post" in text["lines"][0] else None
        return plotting.step_snapshot(self.code_lines(values), values["line"], RECORDED, mse,
                                      values["iterations"], current, heading, notes)


class StepExplorer(StepThrough):
    """Every line of one training step of the one-layer network, with the arrays it reads and
    writes (chapter 5): seed, iteration (0 to 10,000), learning rate, the post's or the true
    slope, the line of the loop and the example followed.

    Each run is trained once to 10,000 steps and kept (:func:`step_run`); ``data`` holds the
    :func:`helpers.network.step` of a block of ten iterations, so Next and Next step send nothing
    new nine times in ten.
    """

    CONTROLS = {
        "seed": SEED,
        "iterations": STEP_ITERATIONS,
        "learning_rate": Choice("learning rate", LEARNING_RATES, slider=True),
        "slope": Choice("slope", tuple(SLOPES)),
        "line": Line("line", 0, len(TEXT["step"]["lines"])),
        "row": ROW,
    }
    NAME = "step"
    ARRAYS = ("weights", "z", "output", "error", "slope", "delta", "update", "new_weights")

    def __init__(self, seed: int = network.POST_SEED, iterations: int = 0,
                 learning_rate: float = 1.0, slope: str = "true", line: int = 0,
                 row: int = 2) -> None:
        super().__init__(seed=seed, iterations=iterations, learning_rate=learning_rate,
                         slope=slope, line=line, row=row)

    def site_constants(self) -> dict:
        return {**super().site_constants(),
                "targets": [int(t) for t in network.POST_TARGETS.ravel()]}

    def run_key(self, values: dict) -> tuple:
        return (values["seed"], values["slope"], values["learning_rate"],
                values["iterations"] // STEP_BLOCK)

    def history(self, values: dict) -> network.History:
        return step_run(values["seed"], SLOPES[values["slope"]], values["learning_rate"])

    def one_step(self, values: dict, k: int) -> network.Step:
        weights = self.history(values).weights[k][:, None]
        return network.step(network.POST_INPUTS, network.POST_TARGETS, weights,
                            SLOPES[values["slope"]], values["learning_rate"])

    def fields(self, values: dict, numbers_: dict) -> dict:
        j, r = values["iterations"] - numbers_["first"], values["row"]
        count = numbers_["count"]

        def at(name):  # the block's row j of one of the step's arrays
            return numbers_[name].reshape(count, -1)[j]

        x0, x1, x2 = network.POST_INPUTS[r]
        w = at("weights")
        slope = TEXT["step"]["slopes"][values["slope"]]
        fields = {
            "seed": values["seed"], "iteration": values["iterations"], "line": values["line"],
            "lines": len(TEXT["step"]["lines"]), "learning_rate": values["learning_rate"],
            "slope_name": slope["name"], "activation": SLOPES[values["slope"]], "row": r,
            "x0": x0, "x1": x1, "x2": x2, "t": network.POST_TARGETS[r, 0],
            "w": w, "w0": w[0], "w1": w[1], "w2": w[2], "z": at("z")[r], "y": at("output")[r],
            "error": at("error")[r], "slope_value": at("slope")[r], "delta": at("delta")[r],
            "update": at("update"), "new_w": at("new_weights"), "mse": numbers_["step_mse"][j],
            "slope_code": slope["code"],
        }
        fields["slope_formula"] = fill(slope["formula"], **fields)
        return {**fields, **self.line_fields(values, fields)}

    def code_lines(self, values: dict) -> list[str]:
        slope_code = TEXT["step"]["slopes"][values["slope"]]["code"]
        return [fill(line["code"], slope_code=slope_code) for line in TEXT["step"]["lines"]]

    def reproduce(self) -> str:
        values = self._good
        return fill(TEXT["step"]["reproduce"], seed=values["seed"],
                    activation=SLOPES[values["slope"]], iterations=values["iterations"],
                    learning_rate=values["learning_rate"])


class HiddenStepExplorer(StepThrough):
    """Every line of one training step of the two-layer network on XOR, with the arrays it reads
    and writes, the error travelling back through W2 (chapter 7): seed, hidden units, iteration
    (0 to 10,000), learning rate, the line of the loop and the example followed; tanh throughout.

    As :class:`StepExplorer`: each run is trained once (:func:`hidden_step_run`) and ``data``
    holds the :func:`helpers.hidden.step` of a block of ten iterations.
    """

    CONTROLS = {
        "seed": SEED,
        "n_hidden": HIDDEN_UNITS,
        "iterations": STEP_ITERATIONS,
        "learning_rate": Choice("learning rate", HIDDEN_RATES, slider=True),
        "line": Line("line", 0, len(TEXT["hidden_step"]["lines"])),
        "row": ROW,
    }
    NAME = "hidden_step"
    ARRAYS = ("W1", "W2", "z1", "hidden", "back", "slope1", "delta1", "z2", "output", "error",
              "slope2", "delta2", "dW2", "new_W2", "dW1", "new_W1")

    def __init__(self, seed: int = 0, n_hidden: int = 2, iterations: int = 0,
                 learning_rate: float = hidden.XOR_LEARNING_RATE, line: int = 0,
                 row: int = 1) -> None:
        super().__init__(seed=seed, n_hidden=n_hidden, iterations=iterations,
                         learning_rate=learning_rate, line=line, row=row)

    def site_constants(self) -> dict:
        return {**super().site_constants(), "targets": XOR_TARGETS}

    def run_key(self, values: dict) -> tuple:
        return (values["seed"], values["n_hidden"], values["learning_rate"],
                values["iterations"] // STEP_BLOCK)

    def history(self, values: dict) -> hidden.HiddenHistory:
        return hidden_step_run(values["seed"], values["n_hidden"], values["learning_rate"])

    def one_step(self, values: dict, k: int) -> hidden.HiddenStep:
        run = self.history(values)
        return hidden.step(hidden.XOR_INPUTS, hidden.XOR_TARGETS, run.W1[k], run.W2[k], "tanh",
                           values["learning_rate"])

    def fields(self, values: dict, numbers_: dict) -> dict:
        j, r, n = values["iterations"] - numbers_["first"], values["row"], values["n_hidden"]
        count = numbers_["count"]

        def at(name):  # the block's row j of one of the step's arrays
            return numbers_[name].reshape(count, -1)[j]

        def example(name):  # row r of an (n, H) array at row j of the block
            return at(name).reshape(len(XOR_LABELS), -1)[r]

        text = TEXT["hidden"]
        W2 = at("W2")
        fields = {
            "seed": values["seed"], "n_hidden": n, "H": n, "H1": n + 1,
            "units": text["units_one"] if n == 1 else fill(text["units_many"], n_hidden=n),
            "iteration": values["iterations"], "line": values["line"],
            "lines": len(TEXT["hidden_step"]["lines"]), "learning_rate": values["learning_rate"],
            "row": r, "t": hidden.XOR_TARGETS[r, 0], "W1": at("W1"), "W2": W2, "w2h": W2[:-1],
            "z1": example("z1"), "h": example("hidden"), "z2": at("z2")[r], "y": at("output")[r],
            "error": at("error")[r], "slope2": at("slope2")[r], "delta2": at("delta2")[r],
            "back": example("back"), "slope1": example("slope1"), "delta1": example("delta1"),
            "dW2": at("dW2"), "new_W2": at("new_W2"), "dW1": at("dW1"), "new_W1": at("new_W1"),
            "mse": numbers_["step_mse"][j],
        }
        return {**fields, **self.line_fields(values, fields)}

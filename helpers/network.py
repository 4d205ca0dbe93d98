"""The one-layer network of the book, as plain NumPy functions.

Used by every chapter; the maths stays visible in the notebooks, this module
only keeps one tested copy of it.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np

# --- the post's data (chapter 2) -------------------------------------------


def _frozen(rows) -> np.ndarray:
    array = np.array(rows, dtype=float)
    array.setflags(write=False)
    return array


POST_INPUTS = _frozen([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
"""The four training examples; the third column is always 1 (chapter 2)."""

POST_TARGETS = _frozen([[0], [0], [1], [1]])
"""The wanted output of each example: its first input (chapter 2)."""

POST_TEST_INPUTS = _frozen([[1, 1, 0], [0, 1, 0], [1, 0, 0]])
"""Three inputs the network never sees while training (chapter 6)."""

POST_SEED = 1
POST_ITERATIONS = 10_000


# --- activations (chapter 1) ------------------------------------------------


class Activation(NamedTuple):
    """An activation ``f`` and its slope written in terms of the output ``y = f(z)`` (chapter 1)."""

    name: str
    function: Callable[[np.ndarray], np.ndarray]
    slope_from_output: Callable[[np.ndarray], np.ndarray]


def tanh_slope(y):
    """Slope of tanh at the point whose output is ``y``: ``1 - y**2`` (chapter 1)."""
    return 1.0 - y * y


def post_tanh_slope(y):
    """The blog post's flawed slope ``1 - tanh(4*y)``; right sign, wrong value (chapter 5)."""
    return 1.0 - np.tanh(4.0 * y)


def sigmoid(z):
    """Logistic function ``1 / (1 + e^-z)``, written so that no exponential overflows (chapter 1)."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_slope(y):
    """Slope of the sigmoid at the point whose output is ``y``: ``y * (1 - y)`` (chapter 1)."""
    return y * (1.0 - y)


def relu(z):
    """Rectified linear unit ``max(0, z)`` (chapter 1)."""
    return np.maximum(z, 0.0)


def relu_slope(y):
    """Slope of relu at the point whose output is ``y``: 1 where ``y > 0``, else 0 (chapter 1)."""
    return (np.asarray(y) > 0).astype(float)


ACTIVATIONS = {
    a.name: a
    for a in (
        # np.tanh never overflows, unlike the formula (e^2z - 1) / (e^2z + 1) (chapter 1).
        Activation("tanh", np.tanh, tanh_slope),
        Activation("sigmoid", sigmoid, sigmoid_slope),
        Activation("relu", relu, relu_slope),
        Activation("post_tanh", np.tanh, post_tanh_slope),
    )
}
"""Every activation by name; ``post_tanh`` is tanh with the post's flawed slope."""


def get_activation(name: str) -> Activation:
    """Look an activation up by name, with an error that lists the valid names (chapters 1 and 5)."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        valid = ", ".join(repr(n) for n in ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; expected one of {valid}") from None


def derivative(name: str, z):
    """The slope of activation ``name`` at the inputs ``z`` (chapter 1)."""
    activation = get_activation(name)
    return activation.slope_from_output(activation.function(np.asarray(z, dtype=float)))


# --- initial weights (chapters 3 and 4) ---------------------------------------

INIT_SCHEMES = ("post", "uniform", "glorot")


def initial_weights(seed: int, scheme: str = "post", n_inputs: int = 3) -> np.ndarray:
    """Starting weights, a column of ``n_inputs`` numbers (chapters 3 and 4).

    ``post``: the blog post's ``np.random.seed(seed)`` then ``random((n, 1)) - 1``,
    all in [-1, 0); drawn from a private ``RandomState`` so the numbers are the same
    but NumPy's global generator is left alone.
    ``uniform``: a ``default_rng(seed)`` Generator, uniform in [-1, 1).
    ``glorot``: a ``default_rng(seed)`` Generator, uniform in +-sqrt(6 / (n_inputs + 1)).
    """
    seed = _check_seed(seed)
    n_inputs = _check_count(n_inputs, "n_inputs", minimum=1)
    shape = (n_inputs, 1)
    if scheme == "post":
        return np.random.RandomState(seed).random_sample(shape) - 1.0
    if scheme == "uniform":
        return np.random.default_rng(seed).uniform(-1.0, 1.0, shape)
    if scheme == "glorot":
        limit = np.sqrt(6.0 / (n_inputs + 1))
        return np.random.default_rng(seed).uniform(-limit, limit, shape)
    valid = ", ".join(repr(s) for s in INIT_SCHEMES)
    raise ValueError(f"unknown initialisation scheme {scheme!r}; expected one of {valid}")


# --- training and prediction (chapters 5 and 6) -----------------------------


class TrainingDivergedError(FloatingPointError):
    """Training produced numbers too large to represent, inf or nan (chapter 5)."""


@dataclass(frozen=True)
class History:
    """Everything one training run saw, so a slider can scrub it without retraining (chapter 5).

    ``weights[k]`` are the weights after ``k`` updates (``k = 0 .. iterations``) and
    ``errors[k]`` the errors ``target - output`` those weights make on each example.
    """

    weights: np.ndarray
    errors: np.ndarray
    activation: str
    learning_rate: float

    @property
    def final_weights(self) -> np.ndarray:
        """The weights after the last update, as a column."""
        return self.weights[-1][:, None]

    @property
    def mean_squared_error(self) -> np.ndarray:
        """The mean squared error after each number of updates."""
        return np.mean(self.errors**2, axis=1)

    @property
    def iterations(self) -> int:
        return len(self.weights) - 1


def train(
    inputs,
    targets,
    weights,
    activation: str = "tanh",
    iterations: int = POST_ITERATIONS,
    learning_rate: float = 1.0,
) -> History:
    """Train the one-layer network by full-batch gradient steps (chapter 5).

    Each step: ``output = f(inputs @ w)``, ``error = targets - output``,
    ``delta = error * f'(output)``, ``w += learning_rate * inputs.T @ delta``.
    Raises :class:`TrainingDivergedError` if the numbers stop being finite.
    """
    inputs = _check_inputs(inputs)
    weights = _check_matrix(weights, "weights", (inputs.shape[1], 1))
    steps, errors = train_columns(inputs, targets, weights, activation, iterations, learning_rate)
    history = History(steps[:, :, 0], errors[:, :, 0], activation, float(learning_rate))
    _check_finite_history(history)
    return history


def train_columns(inputs, targets, weights, activation: str, iterations: int, learning_rate: float = 1.0):
    """The training loop of :func:`train`, run on every column of ``weights`` side by side.

    One column is one run; many columns train many runs for the price of little more than
    one (the sliders of chapter 5 train every seed at once). Returns the weights after each
    step, shape ``(iterations + 1, n_inputs, n_runs)``, and the errors they make, shape
    ``(iterations + 1, n_examples, n_runs)``. A run that diverges is left as inf or nan:
    check with ``np.isfinite`` (``train`` does, and raises).
    """
    inputs = _check_inputs(inputs)
    n_examples, n_inputs = inputs.shape
    targets = _check_matrix(targets, "targets", (n_examples, 1))
    weights = _as_finite_array(weights, "weights")
    if weights.ndim != 2 or weights.shape[0] != n_inputs:
        raise ValueError(f"weights must have shape ({n_inputs}, n_runs), one column per run; got shape {weights.shape}")
    iterations = _check_count(iterations, "iterations")
    learning_rate = _check_learning_rate(learning_rate)
    chosen = get_activation(activation)
    f, slope = chosen.function, chosen.slope_from_output

    steps = np.empty((iterations + 1, *weights.shape))
    errors = np.empty((iterations + 1, n_examples, weights.shape[1]))
    steps[0] = w = weights
    # The learning rate is folded into the transposed inputs once, not applied every
    # step; with the post's implicit rate of 1 the numbers are unchanged to the bit.
    scaled_inputs_t = np.ascontiguousarray(learning_rate * inputs.T)
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(iterations):
            output = f(np.dot(inputs, w))
            errors[k] = error = targets - output
            steps[k + 1] = w = w + np.dot(scaled_inputs_t, error * slope(output))
        errors[iterations] = targets - f(np.dot(inputs, w))
    return steps, errors


def predict(inputs, weights, activation: str = "tanh") -> np.ndarray:
    """The network's outputs ``f(inputs @ weights)`` for one example or a matrix of them (chapter 6)."""
    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 2 or weights.shape[1] != 1:
        raise ValueError(f"weights must be a column of shape (n_inputs, 1); got shape {weights.shape}")
    single = np.ndim(inputs) == 1
    inputs = _check_inputs(np.atleast_2d(inputs), n_inputs=weights.shape[0])
    output = get_activation(activation).function(inputs @ weights)
    return output[0] if single else output


# --- checks at the boundary ---------------------------------------------------


def _check_inputs(inputs, n_inputs: int | None = None) -> np.ndarray:
    inputs = _as_finite_array(inputs, "inputs")
    if inputs.ndim != 2 or (n_inputs is not None and inputs.shape[1] != n_inputs):
        want = "n_inputs" if n_inputs is None else n_inputs
        raise ValueError(
            f"inputs must be a matrix of shape (n_examples, {want}), one row per example; "
            f"got shape {inputs.shape}"
        )
    return inputs


def _check_matrix(values, name: str, shape: tuple[int, int]) -> np.ndarray:
    values = _as_finite_array(values, name)
    if values.shape != shape:
        raise ValueError(f"{name} must have shape {shape}; got shape {values.shape}")
    return values


def _as_finite_array(values, name: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be numbers in an array or nested list; got {values!r}") from None
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite numbers; got nan or inf in {array.tolist()}")
    return array


def _check_count(value, name: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number; got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}; got {value}")
    return int(value)


def _check_seed(seed) -> int:
    seed = _check_count(seed, "seed")
    if seed >= 2**32:
        raise ValueError(f"seed must be below 2**32; got {seed}")
    return seed


def _check_learning_rate(rate) -> float:
    if isinstance(rate, bool) or not isinstance(rate, numbers.Real):
        raise TypeError(f"learning_rate must be a number; got {rate!r}")
    if not (np.isfinite(rate) and rate > 0):
        raise ValueError(f"learning_rate must be a positive finite number; got {rate}")
    return float(rate)


def _check_finite_history(history: History) -> None:
    bad = ~np.isfinite(history.weights).all(axis=1) | ~np.isfinite(history.errors).all(axis=1)
    if bad.any():
        first = int(np.argmax(bad))
        raise TrainingDivergedError(
            f"training diverged: the numbers stopped being finite after {first} updates "
            f"(activation {history.activation!r}, learning_rate {history.learning_rate}); "
            "try a smaller learning_rate"
        )

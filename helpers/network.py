"""The one-layer network of the book, as plain NumPy functions.

Used by every chapter; the maths stays visible in the notebooks, this module
only keeps one tested copy of it.
"""

from __future__ import annotations

import math
import numbers
import reprlib
from dataclasses import dataclass
from decimal import Decimal
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


# --- limits: odd values get a clear error, not a frozen kernel (chapters 3 to 6) ---

MAX_ITERATIONS = 1_000_000
"""The most training steps ``train`` takes: some ten seconds for the post's data (chapter 5)."""

MAX_HISTORY_VALUES = 20_000_000
"""The most numbers one training call may record, 160 MB of floats (chapter 5).

That is ``(iterations + 1) x (n_inputs + n_examples) x n_runs``: the post's ten thousand
steps on its four examples take 70,007 of them; every seed of the book's sliders 7,000,700.
"""

MAX_LEARNING_RATE = 1000.0
"""The largest learning rate ``train`` takes (chapter 5). The book's rates go from 0.01 to 2;
far larger ones only push tanh to absurd weights, as large as the rate, or blow relu up."""

MAX_N_INPUTS = 1_000_000
"""The most weights ``initial_weights`` draws (chapters 3 and 4)."""

SEED_LIMIT = 2**32
"""Seeds go from 0 to ``SEED_LIMIT - 1``, as NumPy's ``np.random.seed`` needs (chapter 3)."""


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
    e = np.exp(-np.abs(z))  # at most 1: e^-z for z >= 0, e^z below
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


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
    except (KeyError, TypeError):  # TypeError: an unhashable name, such as a list
        valid = ", ".join(repr(n) for n in ACTIVATIONS)
        raise ValueError(f"unknown activation {_excerpt(name)}; expected one of {valid}") from None


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

    ``seed`` is a whole number from 0 to ``SEED_LIMIT - 1`` (2**32 - 1), ``n_inputs`` one
    from 1 to :data:`MAX_N_INPUTS`.
    """
    seed = _check_count(seed, "seed", 0, SEED_LIMIT - 1, "2**32 - 1")
    _check_scheme(scheme)
    n_inputs = _check_count(n_inputs, "n_inputs", 1, MAX_N_INPUTS, "MAX_N_INPUTS")
    shape = (n_inputs, 1)
    if scheme == "post":
        return np.random.RandomState(seed).random_sample(shape) - 1.0
    if scheme == "uniform":
        return np.random.default_rng(seed).uniform(-1.0, 1.0, shape)
    limit = np.sqrt(6.0 / (n_inputs + 1))  # glorot
    return np.random.default_rng(seed).uniform(-limit, limit, shape)


# --- training and prediction (chapters 5 and 6) -----------------------------
#
# Arrays may hold ints, floats or booleans (True counts as 1), in a NumPy array or nested
# lists; complex numbers, text, nan and inf are refused with an error naming the argument.


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
    ``iterations`` goes from 0 to :data:`MAX_ITERATIONS`, ``learning_rate`` is a real number
    above 0 and at most :data:`MAX_LEARNING_RATE`, and the history may hold at most
    :data:`MAX_HISTORY_VALUES` numbers. Raises :class:`TrainingDivergedError` if the numbers
    (weights, errors or their mean square) stop being finite.
    """
    inputs = _check_inputs(inputs)
    weights = _check_matrix(weights, "weights", (inputs.shape[1], 1))
    steps, errors = train_columns(inputs, targets, weights, activation, iterations, learning_rate)
    history = History(steps[:, :, 0], errors[:, :, 0], activation, float(learning_rate))
    _check_finite_history(history, inputs)
    return history


def train_columns(inputs, targets, weights, activation: str, iterations: int, learning_rate: float = 1.0):
    """The training loop of :func:`train`, run on every column of ``weights`` side by side.

    One column is one run; many columns train many runs far faster than one after another
    (chapter 4 trains twenty seeds at once). Returns the weights after each
    step, shape ``(iterations + 1, n_inputs, n_runs)``, and the errors they make, shape
    ``(iterations + 1, n_examples, n_runs)``. Takes the same arguments and limits as ``train``.
    A run that diverges is left as inf or nan: check with ``np.isfinite`` (``train`` does, and raises).
    """
    inputs = _check_inputs(inputs)
    n_examples, n_inputs = inputs.shape
    targets = _check_matrix(targets, "targets", (n_examples, 1))
    weights = _check_weight_columns(weights, n_inputs)
    iterations = _check_count(iterations, "iterations", 0, MAX_ITERATIONS, "MAX_ITERATIONS")
    _check_history_size(iterations, n_inputs, n_examples, weights.shape[1])
    learning_rate = _check_learning_rate(learning_rate)
    chosen = get_activation(activation)
    f, slope = chosen.function, chosen.slope_from_output

    steps = np.empty((iterations + 1, *weights.shape))
    errors = np.empty((iterations + 1, n_examples, weights.shape[1]))
    steps[0] = w = weights
    # The learning rate is folded into the transposed inputs once, not applied every
    # step; with the post's implicit rate of 1 the numbers are unchanged to the bit.
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is looked for once, afterwards
        scaled_inputs_t = np.ascontiguousarray(learning_rate * inputs.T)
        for k in range(iterations):
            output = f(np.dot(inputs, w))
            error = np.subtract(targets, output, out=errors[k])  # written straight into the history
            w = np.add(w, np.dot(scaled_inputs_t, error * slope(output)), out=steps[k + 1])
        errors[iterations] = targets - f(np.dot(inputs, w))
    return steps, errors


def train_columns_final(inputs, targets, weights, activation: str, iterations: int, learning_rate: float = 1.0):
    """:func:`train_columns` keeping only the end: ``(final weights, final errors)``.

    Shapes ``(n_inputs, n_runs)`` and ``(n_examples, n_runs)``, equal to the bit to the last step of
    ``train_columns`` (the same operations), without its history: a seed sweep of 1,000 runs of
    10,000 steps needs a few kilobytes instead of 240 MB (chapter "A hidden layer"). Same arguments
    and limits as ``train_columns`` except the history's size; a run that diverges is left as inf or nan.
    """
    inputs = _check_inputs(inputs)
    n_examples, n_inputs = inputs.shape
    targets = _check_matrix(targets, "targets", (n_examples, 1))
    weights = _check_weight_columns(weights, n_inputs)
    iterations = _check_count(iterations, "iterations", 0, MAX_ITERATIONS, "MAX_ITERATIONS")
    learning_rate = _check_learning_rate(learning_rate)
    chosen = get_activation(activation)
    f, slope = chosen.function, chosen.slope_from_output
    w = weights.copy()
    with np.errstate(over="ignore", invalid="ignore"):
        scaled_inputs_t = np.ascontiguousarray(learning_rate * inputs.T)
        for _ in range(iterations):
            output = f(np.dot(inputs, w))
            w += np.dot(scaled_inputs_t, (targets - output) * slope(output))
        errors = targets - f(np.dot(inputs, w))
    return w, errors


def predict(inputs, weights, activation: str = "tanh") -> np.ndarray:
    """The network's outputs ``f(inputs @ weights)`` for one example or a matrix of them (chapter 6).

    ``weights`` is a column such as ``history.final_weights``. Raises ValueError rather than
    return inf or nan when inputs and weights are too large for their product to be represented.
    """
    weights = _check_weight_column(weights)
    f = get_activation(activation).function
    inputs = _as_finite_array(inputs, "inputs")
    single = inputs.ndim == 1
    inputs = _check_inputs(np.atleast_2d(inputs), n_inputs=weights.shape[0])
    with np.errstate(over="ignore", invalid="ignore"):
        sums = inputs @ weights
        output = f(sums)  # tanh and the sigmoid turn an infinite sum into a finite output
    if not (np.all(np.isfinite(sums)) and np.all(np.isfinite(output))):
        raise ValueError(
            f"predict: inputs @ weights is too large to represent ({_largest(inputs, 'input')}, "
            f"{_largest(weights, 'weight')}); use inputs and weights nearer to -1..1"
        )
    return output[0] if single else output


# --- checks at the boundary ---------------------------------------------------
#
# Each check raises one short error that names the argument and says what was expected:
# never a whole array (a shape and a short excerpt), never NumPy's own message.


def _check_inputs(inputs, n_inputs: int | None = None) -> np.ndarray:
    inputs = _as_finite_array(inputs, "inputs")
    if inputs.ndim != 2 or (n_inputs is not None and inputs.shape[1] != n_inputs):
        want = "n_inputs" if n_inputs is None else n_inputs
        raise ValueError(
            f"inputs must be a matrix of shape (n_examples, {want}), one row per example; "
            f"got shape {inputs.shape}"
        )
    if inputs.size == 0:
        raise ValueError(f"inputs must have at least one example (row) and one input (column); got shape {inputs.shape}")
    return inputs


def _check_matrix(values, name: str, shape: tuple[int, int]) -> np.ndarray:
    values = _as_finite_array(values, name)
    if values.shape != shape:
        raise ValueError(f"{name} must have shape {shape}; got shape {values.shape}")
    return values


def _check_weight_column(weights) -> np.ndarray:
    weights = _as_finite_array(weights, "weights")
    if weights.ndim != 2 or weights.shape[1] != 1 or weights.shape[0] == 0:
        raise ValueError(f"weights must be a column of shape (n_inputs, 1), n_inputs >= 1; got shape {weights.shape}")
    return weights


def _check_weight_columns(weights, n_inputs: int) -> np.ndarray:
    weights = _as_finite_array(weights, "weights")
    if weights.ndim != 2 or weights.shape[0] != n_inputs or weights.shape[1] == 0:
        raise ValueError(
            f"weights must have shape ({n_inputs}, n_runs), one column per run, n_runs >= 1; got shape {weights.shape}"
        )
    return weights


def _as_finite_array(values, name: str) -> np.ndarray:
    """``values`` as an array of floats, or one clear error if they are not real, finite numbers."""
    array = _as_real_array(values, name)
    finite = np.isfinite(array)
    if not finite.all():
        first = tuple(int(i) for i in np.argwhere(~finite)[0])
        raise ValueError(
            f"{name} must be finite numbers; got {np.count_nonzero(~finite)} nan or inf "
            f"in shape {array.shape}, the first at index {first}"
        )
    return array


def _as_real_array(values, name: str) -> np.ndarray:
    if isinstance(values, History):
        raise TypeError(f"{name} must be an array, not a History; for its weights pass history.final_weights")
    try:
        array = np.asarray(values)
    except ValueError:  # NumPy's "inhomogeneous shape": rows of different lengths
        raise ValueError(f"{name} must be rectangular, every row the same length; got {_excerpt(values)}") from None
    if array.dtype == object:
        array = _objects_as_floats(array, name)
    if array.dtype.kind == "c":
        raise TypeError(f"{name} must be real numbers; got complex numbers: {_excerpt(array)}")
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be numbers (int, float or bool); got {_excerpt(array)}")
    with np.errstate(over="ignore"):  # a long double beyond float's range becomes inf, refused later
        return array.astype(float)


def _objects_as_floats(array: np.ndarray, name: str) -> np.ndarray:
    """Python numbers NumPy keeps as objects (Fractions, Decimals, ints beyond int64) as floats."""
    for value in array.flat:
        if not isinstance(value, (numbers.Real, Decimal)):
            raise TypeError(f"{name} must be numbers (int, float or bool); got {_excerpt(value)} ({type(value).__name__})")
    try:
        return array.astype(float)
    except (OverflowError, ValueError):  # an int beyond 1.8e308, Decimal("sNaN")
        raise ValueError(f"{name} must be finite numbers; got {_excerpt(array)}") from None


def _check_count(value, name: str, minimum: int, maximum: int, maximum_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number; got {_excerpt(value)}")
    if not minimum <= value <= maximum:
        raise ValueError(f"{name} must be from {minimum} to {maximum_name} = {maximum:,}; got {int(value):,}")
    return int(value)


def _check_scheme(scheme) -> None:
    if not isinstance(scheme, str) or scheme not in INIT_SCHEMES:
        valid = ", ".join(repr(s) for s in INIT_SCHEMES)
        raise ValueError(f"unknown initialisation scheme {_excerpt(scheme)}; expected one of {valid}")


def _check_history_size(iterations: int, n_inputs: int, n_examples: int, n_runs: int) -> None:
    values = (iterations + 1) * (n_inputs + n_examples) * n_runs
    if values > MAX_HISTORY_VALUES:
        raise ValueError(
            f"training would record (iterations + 1) x (n_inputs + n_examples) x n_runs = "
            f"{iterations + 1:,} x {n_inputs + n_examples:,} x {n_runs:,} = {values:,} numbers, more than "
            f"MAX_HISTORY_VALUES = {MAX_HISTORY_VALUES:,}; use fewer iterations, examples or runs"
        )


def _check_learning_rate(rate) -> float:
    if isinstance(rate, bool) or not isinstance(rate, (numbers.Real, Decimal)):
        raise TypeError(f"learning_rate must be a real number such as 0.5; got {_excerpt(rate)}")
    try:
        value = float(rate)
    except (OverflowError, ValueError):  # a Fraction or int beyond 1.8e308, Decimal("sNaN")
        value = math.nan
    if not 0 < value <= MAX_LEARNING_RATE:
        raise ValueError(
            f"learning_rate must be a positive number at most MAX_LEARNING_RATE = {MAX_LEARNING_RATE:g}; "
            f"got {_excerpt(rate)}"
        )
    return value


def _check_finite_history(history: History, inputs: np.ndarray) -> None:
    """Raise TrainingDivergedError at the first step whose weights, errors or mean squared error is not finite."""
    with np.errstate(over="ignore", invalid="ignore"):  # errors near 1e200 square to inf: divergence too
        mse = history.mean_squared_error  # inf or nan wherever an error is
    finite = np.isfinite(history.weights).all(axis=1) & np.isfinite(mse)
    if finite.all():
        return
    first = int(np.argmin(finite))
    if first == 0:  # before any update: the learning rate is not to blame
        raise TrainingDivergedError(
            f"training cannot start: the starting weights already give numbers too large to represent "
            f"({_largest(inputs, 'input')}); use inputs and weights nearer to -1..1"
        )
    raise TrainingDivergedError(
        f"training diverged: the numbers stopped being finite at update {first} of {history.iterations} "
        f"(activation {history.activation!r}, learning_rate {history.learning_rate}, {_largest(inputs, 'input')}); "
        "try a smaller learning_rate, or inputs nearer to -1..1"
    )


# --- short descriptions for error messages -------------------------------------

_KINDS = {"U": "text", "S": "bytes", "O": "object", "c": "complex", "M": "date", "m": "time span"}


def _excerpt(value) -> str:
    """At most about 80 characters describing ``value``: a shape and a few items, never a whole array."""
    if isinstance(value, np.ndarray):
        items = np.array2string(value, threshold=4, edgeitems=1, max_line_width=1000).replace("\n", "")
        kind = _KINDS.get(value.dtype.kind, str(value.dtype))
        text = f"{kind} array of shape {value.shape}: {items}"
    else:
        text = reprlib.repr(value)  # lists, strings, dicts cut short
    return text if len(text) <= 80 else text[:77] + "..."


def _largest(array: np.ndarray, what: str) -> str:
    return f"the largest {what} is {np.max(np.abs(array)):.3g} in size"

"""The one-layer network of the book, as plain NumPy functions.

Used by every chapter; the maths stays visible in the notebooks, this module
only keeps one tested copy of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np

from helpers._validate import (  # the limits are helpers.network's too: helpers.MAX_ITERATIONS
    MAX_HISTORY_VALUES,
    MAX_ITERATIONS,
    MAX_LEARNING_RATE,
    MAX_N_INPUTS,
    SEED_LIMIT,
    as_finite_array,
    check_choice,
    check_finite_history,
    check_history_size,
    check_inputs,
    check_learning_rate,
    check_matrix,
    check_representable,
    check_weight_column,
    check_weight_columns,
    check_whole,
)

# --- the post's data (chapter 2) -------------------------------------------


def frozen(rows) -> np.ndarray:
    """``rows`` as an array of floats that cannot be changed by mistake."""
    array = np.array(rows, dtype=float)
    array.setflags(write=False)
    return array


POST_INPUTS = frozen([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
"""The four training examples; the third column is always 1 (chapter 2)."""

POST_TARGETS = frozen([[0], [0], [1], [1]])
"""The wanted output of each example: its first input (chapter 2)."""

POST_TEST_INPUTS = frozen([[1, 1, 0], [0, 1, 0], [1, 0, 0]])
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
    """Logistic function ``1 / (1 + e^-z)``, written so that no exponential overflows (ch. 1)."""
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
    """Look an activation up by name; an error lists the valid names (chapters 1 and 5)."""
    check_choice(name, ACTIVATIONS, "activation")
    return ACTIVATIONS[name]


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
    seed = check_whole(seed, "seed")
    check_choice(scheme, INIT_SCHEMES, "initialisation scheme")
    n_inputs = check_whole(n_inputs, "n_inputs")
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
# lists; complex numbers, text, nan and inf are refused with an error naming the argument
# (helpers/_validate.py).


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
    inputs = check_inputs(inputs)
    weights = check_matrix(weights, "weights", (inputs.shape[1], 1))
    steps, errors = train_columns(inputs, targets, weights, activation, iterations, learning_rate)
    history = History(steps[:, :, 0], errors[:, :, 0], activation, float(learning_rate))
    check_finite_history(history, inputs)
    return history


def train_columns(inputs, targets, weights, activation: str, iterations: int,
                  learning_rate: float = 1.0):
    """The training loop of :func:`train`, run on every column of ``weights`` side by side.

    One column is one run; many columns train many runs far faster than one after another
    (chapter 4 trains twenty seeds at once). Returns the weights after each
    step, shape ``(iterations + 1, n_inputs, n_runs)``, and the errors they make, shape
    ``(iterations + 1, n_examples, n_runs)``. Takes the same arguments and limits as ``train``.
    A run that diverges is left as inf or nan: check with ``np.isfinite`` (``train`` does, and
    raises).
    """
    inputs = check_inputs(inputs)
    n_examples, n_inputs = inputs.shape
    targets = check_matrix(targets, "targets", (n_examples, 1))
    weights = check_weight_columns(weights, n_inputs)
    iterations = check_whole(iterations, "iterations")
    check_history_size(iterations, n_inputs, n_examples, weights.shape[1])
    learning_rate = check_learning_rate(learning_rate)
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


def train_columns_final(inputs, targets, weights, activation: str, iterations: int,
                        learning_rate: float = 1.0):
    """:func:`train_columns` keeping only the end: ``(final weights, final errors)``.

    Shapes ``(n_inputs, n_runs)`` and ``(n_examples, n_runs)``, equal to the bit to the last step of
    ``train_columns`` (the same operations), without its history: a seed sweep of 1,000 runs of
    10,000 steps needs a few kilobytes instead of 240 MB (chapter "A hidden layer"). Same arguments
    and limits as ``train_columns`` except the history's size; a run that diverges is left as inf
    or nan.
    """
    inputs = check_inputs(inputs)
    n_examples, n_inputs = inputs.shape
    targets = check_matrix(targets, "targets", (n_examples, 1))
    weights = check_weight_columns(weights, n_inputs)
    iterations = check_whole(iterations, "iterations")
    learning_rate = check_learning_rate(learning_rate)
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


class Step(NamedTuple):
    """One iteration of training, every array it computes (chapter 5).

    Shapes for ``n`` examples of ``m`` inputs; the book's ``y`` is ``output``.
    """

    weights: np.ndarray  # (m, 1) w before the step
    z: np.ndarray  # (n, 1) inputs @ w
    output: np.ndarray  # (n, 1) f(z), the book's y
    error: np.ndarray  # (n, 1) targets - output
    slope: np.ndarray  # (n, 1) slope_from_output(output)
    delta: np.ndarray  # (n, 1) error * slope
    update: np.ndarray  # (m, 1) learning_rate * inputs.T @ delta
    new_weights: np.ndarray  # (m, 1) weights + update


def step(inputs, targets, weights, activation: str = "tanh", learning_rate: float = 1.0) -> Step:
    """One step of :func:`train`, keeping every array it computes (chapter 5's step-through).

    The same operations as ``train``'s loop, in the same order, so ``new_weights`` equals
    ``train(...).weights[k + 1]`` to the bit when ``weights`` is ``weights[k]``. Takes the same
    arguments and checks as ``train``; raises ValueError naming the first array whose numbers are
    too large to represent (inf or nan) instead of returning them.
    """
    inputs = check_inputs(inputs)
    n_examples, n_inputs = inputs.shape
    weights = check_matrix(weights, "weights", (n_inputs, 1))
    targets = check_matrix(targets, "targets", (n_examples, 1))
    learning_rate = check_learning_rate(learning_rate)  # in train's order: the rate, then f
    chosen = get_activation(activation)
    with np.errstate(over="ignore", invalid="ignore"):  # looked for below, with a clear message
        z = np.dot(inputs, weights)
        output = chosen.function(z)
        error = np.subtract(targets, output)
        slope = chosen.slope_from_output(output)
        delta = error * slope
        update = np.dot(np.ascontiguousarray(learning_rate * inputs.T), delta)
        new_weights = weights + update
    result = Step(weights, z, output, error, slope, delta, update, new_weights)
    for name, array in zip(Step._fields, result):
        check_representable(f"step: {name} is", (array,), (inputs, "input"),
                            (weights, "weight"))
    return result


def predict(inputs, weights, activation: str = "tanh") -> np.ndarray:
    """The network's outputs ``f(inputs @ weights)`` for one example or a matrix of them (ch. 6).

    ``weights`` is a column such as ``history.final_weights``. Raises ValueError rather than
    return inf or nan when inputs and weights are too large for their product to be represented.
    """
    weights = check_weight_column(weights)
    f = get_activation(activation).function
    inputs = as_finite_array(inputs, "inputs")
    single = inputs.ndim == 1
    inputs = check_inputs(np.atleast_2d(inputs), n_inputs=weights.shape[0])
    with np.errstate(over="ignore", invalid="ignore"):
        sums = inputs @ weights
        output = f(sums)  # tanh and the sigmoid turn an infinite sum into a finite output
    check_representable("predict: inputs @ weights is", (sums, output),
                        (inputs, "input"), (weights, "weight"))
    return output[0] if single else output


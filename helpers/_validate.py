"""The input checks of :mod:`helpers.network` and :mod:`helpers.hidden`, kept apart from the maths.

Odd values get one short, clear error instead of NumPy's message or a frozen kernel: the error
names the argument and says what was expected, and never prints a whole array (a shape and a
short excerpt). Arrays may hold ints, floats or booleans (True counts as 1), in a NumPy array
or nested lists; complex numbers, text, nan and inf are refused.

The limits live here too; ``helpers.network`` and ``helpers.hidden`` import them, so
``helpers.MAX_ITERATIONS`` and ``helpers.hidden.MAX_N_HIDDEN`` work as before.
"""

from __future__ import annotations

import math
import numbers
import reprlib
from decimal import Decimal

import numpy as np

# --- limits: odd values get a clear error, not a frozen kernel (chapters 3 to 7) ---

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

MAX_N_HIDDEN = 10_000
"""The most hidden units ``initial_hidden_weights`` draws."""

MAX_N_SEEDS = 100_000
"""The most seeds ``train_hidden_many`` trains side by side."""


# --- names and whole numbers ------------------------------------------------------


def check_choice(value, valid, what: str) -> None:
    """ValueError unless ``value`` is one of the names in ``valid``: an activation, a scheme."""
    if not isinstance(value, str) or value not in valid:
        names = ", ".join(repr(n) for n in valid)
        raise ValueError(f"unknown {what} {excerpt(value)}; expected one of {names}")


def check_count(value, name: str, minimum: int, maximum: int, maximum_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number; got {excerpt(value)}")
    if not minimum <= value <= maximum:
        raise ValueError(
            f"{name} must be from {minimum} to {maximum_name} = {maximum:,}; got {int(value):,}"
        )
    return int(value)


def check_whole(value, name: str) -> int:
    """A ``seed``, ``n_inputs``, ``n_hidden`` or number of ``iterations``, within its limits."""
    smallest, largest_value, largest_name = {
        "seed": (0, SEED_LIMIT - 1, "2**32 - 1"),
        "n_inputs": (1, MAX_N_INPUTS, "MAX_N_INPUTS"),
        "n_hidden": (1, MAX_N_HIDDEN, "MAX_N_HIDDEN"),
        "iterations": (0, MAX_ITERATIONS, "MAX_ITERATIONS"),
    }[name]
    return check_count(value, name, smallest, largest_value, largest_name)


def check_learning_rate(rate) -> float:
    if isinstance(rate, bool) or not isinstance(rate, (numbers.Real, Decimal)):
        raise TypeError(f"learning_rate must be a real number such as 0.5; got {excerpt(rate)}")
    try:
        value = float(rate)
    except (OverflowError, ValueError):  # a Fraction or int beyond 1.8e308, Decimal("sNaN")
        value = math.nan
    if not 0 < value <= MAX_LEARNING_RATE:
        raise ValueError(
            f"learning_rate must be a positive number at most MAX_LEARNING_RATE = "
            f"{MAX_LEARNING_RATE:g}; got {excerpt(rate)}"
        )
    return value


def check_seeds(seeds) -> list[int]:
    if isinstance(seeds, (str, bytes)) or np.ndim(seeds) != 1:
        raise TypeError(
            f"seeds must be a list of whole numbers, such as range(1000); got {excerpt(seeds)}"
        )
    seeds = list(seeds)
    if not 1 <= len(seeds) <= MAX_N_SEEDS:
        raise ValueError(
            f"seeds must hold from 1 to MAX_N_SEEDS = {MAX_N_SEEDS:,} seeds; got {len(seeds):,}"
        )
    return [check_count(seed, "seeds", 0, SEED_LIMIT - 1, "2**32 - 1") for seed in seeds]


# --- arrays ---------------------------------------------------------------------


def check_inputs(inputs, n_inputs: int | None = None) -> np.ndarray:
    inputs = as_finite_array(inputs, "inputs")
    if inputs.ndim != 2 or (n_inputs is not None and inputs.shape[1] != n_inputs):
        want = "n_inputs" if n_inputs is None else n_inputs
        raise ValueError(
            f"inputs must be a matrix of shape (n_examples, {want}), one row per example; "
            f"got shape {inputs.shape}"
        )
    if inputs.size == 0:
        raise ValueError(
            f"inputs must have at least one example (row) and one input (column); "
            f"got shape {inputs.shape}"
        )
    return inputs


def check_matrix(values, name: str, shape: tuple[int, int]) -> np.ndarray:
    values = as_finite_array(values, name)
    if values.shape != shape:
        raise ValueError(f"{name} must have shape {shape}; got shape {values.shape}")
    return values


def check_weight_column(weights) -> np.ndarray:
    weights = as_finite_array(weights, "weights")
    if weights.ndim != 2 or weights.shape[1] != 1 or weights.shape[0] == 0:
        raise ValueError(
            f"weights must be a column of shape (n_inputs, 1), n_inputs >= 1; "
            f"got shape {weights.shape}"
        )
    return weights


def check_weight_columns(weights, n_inputs: int) -> np.ndarray:
    weights = as_finite_array(weights, "weights")
    if weights.ndim != 2 or weights.shape[0] != n_inputs or weights.shape[1] == 0:
        raise ValueError(
            f"weights must have shape ({n_inputs}, n_runs), one column per run, n_runs >= 1; "
            f"got shape {weights.shape}"
        )
    return weights


def check_network(inputs, W1, W2):
    """``inputs``, ``W1`` and ``W2`` of :mod:`helpers.hidden`, checked against each other."""
    from helpers.hidden import HiddenHistory, HiddenSweep  # not above: helpers.hidden imports us

    for name, value in (("W1", W1), ("W2", W2)):
        if isinstance(value, (HiddenHistory, HiddenSweep)):
            raise TypeError(
                f"{name} must be an array, not a {type(value).__name__}; for its weights pass "
                + ("history.final_W1 and history.final_W2" if isinstance(value, HiddenHistory)
                   else "sweep.W1[i] and sweep.W2[i]")
            )
    inputs = check_inputs(inputs)
    n_inputs = inputs.shape[1]
    W1 = as_finite_array(W1, "W1")
    if W1.ndim != 2 or W1.shape[0] != n_inputs or W1.shape[1] == 0:
        raise ValueError(
            f"W1 must have shape ({n_inputs}, n_hidden), a column per hidden unit, n_hidden >= 1; "
            f"got shape {W1.shape}"
        )
    n_hidden = W1.shape[1]
    W2 = as_finite_array(W2, "W2")
    if W2.shape != (n_hidden + 1, 1):
        raise ValueError(
            f"W2 must have shape ({n_hidden + 1}, 1): a weight per hidden unit, then the output's "
            f"bias; got shape {W2.shape}"
        )
    return inputs, W1, W2


def as_finite_array(values, name: str) -> np.ndarray:
    """``values`` as an array of floats, or one clear error if they are not real, finite numbers."""
    array = as_real_array(values, name)
    finite = np.isfinite(array)
    if not finite.all():
        first = tuple(int(i) for i in np.argwhere(~finite)[0])
        raise ValueError(
            f"{name} must be finite numbers; got {np.count_nonzero(~finite)} nan or inf "
            f"in shape {array.shape}, the first at index {first}"
        )
    return array


def as_real_array(values, name: str) -> np.ndarray:
    from helpers.network import History  # not above: helpers.network imports this module

    if isinstance(values, History):
        raise TypeError(
            f"{name} must be an array, not a History; for its weights pass history.final_weights"
        )
    try:
        array = np.asarray(values)
    except ValueError:  # NumPy's "inhomogeneous shape": rows of different lengths
        raise ValueError(
            f"{name} must be rectangular, every row the same length; got {excerpt(values)}"
        ) from None
    if array.dtype == object:
        array = objects_as_floats(array, name)
    if array.dtype.kind == "c":
        raise TypeError(f"{name} must be real numbers; got complex numbers: {excerpt(array)}")
    if array.dtype.kind not in "biuf":
        raise TypeError(f"{name} must be numbers (int, float or bool); got {excerpt(array)}")
    with np.errstate(over="ignore"):  # a long double too large for a float: inf, refused later
        return array.astype(float)


def objects_as_floats(array: np.ndarray, name: str) -> np.ndarray:
    """Python numbers NumPy keeps as objects (Fractions, Decimals, ints beyond int64) as floats."""
    for value in array.flat:
        if not isinstance(value, (numbers.Real, Decimal)):
            raise TypeError(
                f"{name} must be numbers (int, float or bool); "
                f"got {excerpt(value)} ({type(value).__name__})"
            )
    try:
        return array.astype(float)
    except (OverflowError, ValueError):  # an int beyond 1.8e308, Decimal("sNaN")
        raise ValueError(f"{name} must be finite numbers; got {excerpt(array)}") from None


# --- sizes and results ----------------------------------------------------------------


def check_history_size(iterations: int, n_inputs: int, n_examples: int, n_runs: int) -> None:
    values = (iterations + 1) * (n_inputs + n_examples) * n_runs
    if values > MAX_HISTORY_VALUES:
        raise ValueError(
            f"training would record (iterations + 1) x (n_inputs + n_examples) x n_runs = "
            f"{iterations + 1:,} x {n_inputs + n_examples:,} x {n_runs:,} = {values:,} numbers, "
            f"more than MAX_HISTORY_VALUES = {MAX_HISTORY_VALUES:,}; "
            "use fewer iterations, examples or runs"
        )


def check_hidden_history_size(iterations: int, per_step: int) -> None:
    """``train_hidden`` records ``per_step`` numbers (weights and errors) after each step."""
    if (iterations + 1) * per_step > MAX_HISTORY_VALUES:
        raise ValueError(
            f"training would record (iterations + 1) x (weights + n_examples) = "
            f"{iterations + 1:,} x {per_step:,} = {(iterations + 1) * per_step:,} numbers, "
            f"more than MAX_HISTORY_VALUES = {MAX_HISTORY_VALUES:,}; "
            "use fewer iterations, hidden units or examples"
        )


def check_sweep_size(n_runs: int, n_examples: int, n_hidden: int) -> None:
    if n_runs * n_examples * n_hidden > MAX_HISTORY_VALUES:
        raise ValueError(
            f"n_seeds x n_examples x n_hidden = {n_runs:,} x {n_examples:,} x {n_hidden:,} numbers "
            f"per step is more than MAX_HISTORY_VALUES = {MAX_HISTORY_VALUES:,}; "
            "use fewer seeds, examples or hidden units"
        )


def check_representable(what: str, results, *sizes: tuple[np.ndarray, str]) -> None:
    """ValueError unless every array of ``results`` is finite: ``what`` is too large to represent.

    ``sizes``: (array, what it holds) pairs, the arguments whose largest value the message gives.
    """
    if not all(np.all(np.isfinite(result)) for result in results):
        described = ", ".join(largest(array, holds) for array, holds in sizes)
        raise ValueError(
            f"{what} too large to represent ({described}); use inputs and weights nearer to -1..1"
        )


def check_finite_history(history, inputs: np.ndarray, *weights: np.ndarray) -> None:
    """Raise TrainingDivergedError at the first step whose weights, errors or mean squared error
    is not finite. ``weights``: the weights after each step (first axis), ``history.weights`` if
    none are given."""
    from helpers.network import TrainingDivergedError  # not above: helpers.network imports us

    with np.errstate(over="ignore", invalid="ignore"):  # errors near 1e200 square to inf: diverged
        mse = history.mean_squared_error  # inf or nan wherever an error is
    finite = np.isfinite(mse)
    for steps in weights or (history.weights,):
        finite &= np.isfinite(steps).reshape(len(steps), -1).all(axis=1)
    if finite.all():
        return
    first = int(np.argmin(finite))
    if first == 0:  # before any update: the learning rate is not to blame
        raise TrainingDivergedError(
            f"training cannot start: the starting weights already give numbers too large to "
            f"represent ({largest(inputs, 'input')}); use inputs and weights nearer to -1..1"
        )
    raise TrainingDivergedError(
        f"training diverged: the numbers stopped being finite at update {first} of "
        f"{history.iterations} (activation {history.activation!r}, learning_rate "
        f"{history.learning_rate}, {largest(inputs, 'input')}); "
        "try a smaller learning_rate, or inputs nearer to -1..1"
    )


# --- short descriptions for error messages -------------------------------------

_KINDS = {"U": "text", "S": "bytes", "O": "object", "c": "complex", "M": "date", "m": "time span"}


def excerpt(value) -> str:
    """At most about 80 characters describing ``value``: a shape and a few items, never a whole
    array."""
    if isinstance(value, np.ndarray):
        items = np.array2string(
            value, threshold=4, edgeitems=1, max_line_width=1000
        ).replace("\n", "")
        kind = _KINDS.get(value.dtype.kind, str(value.dtype))
        text = f"{kind} array of shape {value.shape}: {items}"
    else:
        text = reprlib.repr(value)  # lists, strings, dicts cut short
    return text if len(text) <= 80 else text[:77] + "..."


def largest(array: np.ndarray, what: str) -> str:
    return f"the largest {what} is {np.max(np.abs(array)):.3g} in size"

"""A network with one hidden layer, as plain NumPy functions: used by the chapter "A hidden layer".

The one-layer network of :mod:`helpers.network` with a layer of ``n_hidden`` units put between
the inputs and the output. Shapes, for ``n_examples`` rows of ``n_inputs`` inputs::

    hidden = f(inputs @ W1)             # (n_examples, n_hidden);   W1: (n_inputs, n_hidden)
    output = f([hidden, 1] @ W2)        # (n_examples, 1);          W2: (n_hidden + 1, 1)

The output unit is the one-layer network of chapter 5 whose inputs are the hidden outputs and a
constant 1 (its bias; the inputs' own constant column is the hidden units' bias). Training
follows ``network.train`` exactly: ``error = targets - output``, ``delta = error * f'(output)``,
each weight matrix moves by ``learning_rate`` times the sum over the examples,
``W += learning_rate * dW``. So ``dW`` is minus the gradient of ``E = sum(error**2) / 2``, and
with the hidden layer taken away the step is the one-layer step, to rounding
(tests/test_hidden.py). The same activation ``f`` is used in both layers.

Importing this module has no side effects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from helpers._validate import (  # the limits are helpers.hidden's too: hidden.MAX_N_HIDDEN
    MAX_HISTORY_VALUES,
    MAX_ITERATIONS,
    MAX_N_HIDDEN,
    MAX_N_INPUTS,
    MAX_N_SEEDS,
    SEED_LIMIT,
    check_choice,
    check_finite_history,
    check_hidden_history_size,
    check_inputs,
    check_learning_rate,
    check_matrix,
    check_network,
    check_representable,
    check_seeds,
    check_sweep_size,
    check_whole,
)
from helpers.network import INIT_SCHEMES, POST_INPUTS, TrainingDivergedError, frozen, get_activation

XOR_TARGETS = frozen([[0], [1], [1], [0]])
"""XOR of the first two inputs of each row of ``POST_INPUTS`` (001, 011, 101, 111): Trask's
second dataset."""

XOR_INPUTS = POST_INPUTS
"""The same four inputs as the post's; the third column, always 1, is the hidden units' bias."""

XOR_ITERATIONS = 10_000
"""The steps of the chapter's runs, as many as the post's."""

XOR_LEARNING_RATE = 0.25
"""The rate of the chapter's runs. With 4 hidden units all of seeds 0 to 999 solve XOR at it in
``XOR_ITERATIONS`` steps; at 1.0, 599 of them still swing after those steps and 365 solve."""

THRESHOLD = 0.5
"""An output solves its example when it is on the same side of this as the target."""


# --- starting weights -----------------------------------------------------------


def initial_hidden_weights(seed: int, n_hidden: int, n_inputs: int = 3,
                           scheme: str = "uniform"):
    """Starting weights ``(W1, W2)``: W1 of shape ``(n_inputs, n_hidden)``, W2 of shape
    ``(n_hidden + 1, 1)``.

    Both are drawn from one stream, W1 first, then W2 (the hidden units' weights, then the output's
    bias last), with the schemes of ``network.initial_weights``:
    ``uniform`` (the default): a ``default_rng(seed)`` Generator, uniform in [-1, 1);
    ``glorot``: the same Generator, uniform in +-sqrt(6 / (fan_in + fan_out)), that is
    +-sqrt(6 / (n_inputs + n_hidden)) for W1 and +-sqrt(6 / (n_hidden + 2)) for W2;
    ``post``: the post's ``RandomState(seed)``, ``random(shape) - 1``, all in [-1, 0).
    """
    seed = check_whole(seed, "seed")
    n_hidden = check_whole(n_hidden, "n_hidden")
    n_inputs = check_whole(n_inputs, "n_inputs")
    check_choice(scheme, INIT_SCHEMES, "initialisation scheme")
    shapes = ((n_inputs, n_hidden), (n_hidden + 1, 1))
    if scheme == "post":
        state = np.random.RandomState(seed)
        return tuple(state.random_sample(shape) - 1.0 for shape in shapes)
    rng = np.random.default_rng(seed)
    if scheme == "uniform":
        return tuple(rng.uniform(-1.0, 1.0, shape) for shape in shapes)
    limits = (np.sqrt(6.0 / (n_inputs + n_hidden)), np.sqrt(6.0 / (n_hidden + 2)))  # glorot
    return tuple(rng.uniform(-limit, limit, shape) for limit, shape in zip(limits, shapes))


# --- forward and backward pass ------------------------------------------------------


def _with_ones(hidden: np.ndarray) -> np.ndarray:
    """The hidden outputs with a column of ones appended: the output unit's inputs."""
    return np.hstack([hidden, np.ones((hidden.shape[0], 1))])


def forward(inputs, W1, W2, activation: str = "tanh"):
    """``(hidden, output)``: ``hidden = f(inputs @ W1)``, ``output = f([hidden, 1] @ W2)``.

    Shapes ``(n_examples, n_hidden)`` and ``(n_examples, 1)``. Raises ValueError rather than return
    inf or nan when the sums are too large to represent.
    """
    inputs, W1, W2 = check_network(inputs, W1, W2)
    chosen = get_activation(activation)
    with np.errstate(over="ignore", invalid="ignore"):
        hidden, output = unchecked_forward(inputs, W1, W2, chosen.function)
    check_representable("forward: the weighted sums are", (hidden, output),
                        (inputs, "input"), (W1, "weight in W1"), (W2, "weight in W2"))
    return hidden, output


def unchecked_forward(inputs, W1, W2, f):
    """``forward`` with the activation function ``f`` itself, for arrays already checked."""
    hidden = f(inputs @ W1)
    return hidden, f(_with_ones(hidden) @ W2)


def _gradients(inputs, targets, W1, W2, f, slope):
    """dW1, dW2 and the errors, unchecked: the chain rule, one line per layer."""
    hidden, output = unchecked_forward(inputs, W1, W2, f)
    error = targets - output
    delta2 = error * slope(output)  # (n_examples, 1): the output's delta, as in network.train
    # (n_examples, n_hidden): sent back through W2, not through its bias
    delta1 = (delta2 @ W2[:-1].T) * slope(hidden)
    return inputs.T @ delta1, _with_ones(hidden).T @ delta2, error


def hidden_gradients(inputs, targets, W1, W2, activation: str = "tanh"):
    """``(dW1, dW2)``, the steps that training adds to W1 and W2 (times the learning rate).

    As in ``network.train``: ``delta2 = (targets - output) * f'(output)``,
    ``dW2 = [hidden, 1].T @ delta2``; one layer back,
    ``delta1 = (delta2 @ W2[:-1].T) * f'(hidden)``, ``dW1 = inputs.T @ delta1``. Sums over the
    examples, not means. ``dW`` is minus the gradient of ``sum((targets - output)**2) / 2`` (for
    ``post_tanh``, whose slope is the post's flawed one, only roughly). Shapes are those of W1
    and W2.
    """
    inputs, W1, W2 = check_network(inputs, W1, W2)
    targets = check_matrix(targets, "targets", (inputs.shape[0], 1))
    chosen = get_activation(activation)
    with np.errstate(over="ignore", invalid="ignore"):
        dW1, dW2, _ = _gradients(inputs, targets, W1, W2, chosen.function, chosen.slope_from_output)
    check_representable("hidden_gradients: the numbers are", (dW1, dW2),
                        (inputs, "input"), (W1, "weight in W1"), (W2, "weight in W2"))
    return dW1, dW2


class HiddenStep(NamedTuple):
    """One iteration of the two-layer network's training, every array it computes.

    Used by the step-through of the chapter "A hidden layer"; shapes for ``n`` examples of ``m``
    inputs and ``H`` hidden units. The book's ``h`` is ``hidden``, its ``y`` is ``output``.
    """

    W1: np.ndarray  # (m, H) before the step
    W2: np.ndarray  # (H + 1, 1) before the step
    z1: np.ndarray  # (n, H) inputs @ W1
    hidden: np.ndarray  # (n, H) f(z1)
    z2: np.ndarray  # (n, 1) [hidden, 1] @ W2
    output: np.ndarray  # (n, 1) f(z2)
    error: np.ndarray  # (n, 1) targets - output
    slope2: np.ndarray  # (n, 1) slope(output)
    delta2: np.ndarray  # (n, 1) error * slope2
    back: np.ndarray  # (n, H) delta2 @ W2[:-1].T, through the old W2
    slope1: np.ndarray  # (n, H) slope(hidden)
    delta1: np.ndarray  # (n, H) back * slope1
    dW2: np.ndarray  # (H + 1, 1) learning_rate * [hidden, 1].T @ delta2
    dW1: np.ndarray  # (m, H) learning_rate * inputs.T @ delta1
    new_W1: np.ndarray  # W1 + dW1
    new_W2: np.ndarray  # W2 + dW2


def step(inputs, targets, W1, W2, activation: str = "tanh",
         learning_rate: float = XOR_LEARNING_RATE) -> HiddenStep:
    """One step of :func:`train_hidden`, keeping every array it computes (the step-through of the
    chapter "A hidden layer").

    ``dW1 / learning_rate`` and ``dW2 / learning_rate`` are ``hidden_gradients``, to rounding;
    ``new_W1`` and ``new_W2`` are ``train_hidden``'s next weights to within about 1e-15 (it sums in
    another order). Takes the same arguments and checks as ``train_hidden``; raises ValueError
    naming the first array whose numbers are too large to represent instead of returning them.
    """
    inputs, W1, W2 = check_network(inputs, W1, W2)
    targets = check_matrix(targets, "targets", (inputs.shape[0], 1))
    chosen = get_activation(activation)
    learning_rate = check_learning_rate(learning_rate)
    f, slope = chosen.function, chosen.slope_from_output
    with np.errstate(over="ignore", invalid="ignore"):  # looked for below, with a clear message
        z1 = inputs @ W1
        hidden = f(z1)
        with_ones = _with_ones(hidden)
        z2 = with_ones @ W2
        output = f(z2)
        error = targets - output
        slope2 = slope(output)
        delta2 = error * slope2
        back = delta2 @ W2[:-1].T
        slope1 = slope(hidden)
        delta1 = back * slope1
        dW2 = learning_rate * (with_ones.T @ delta2)
        dW1 = learning_rate * (inputs.T @ delta1)
        result = HiddenStep(W1, W2, z1, hidden, z2, output, error, slope2, delta2, back, slope1,
                            delta1, dW2, dW1, W1 + dW1, W2 + dW2)
    for name, array in zip(HiddenStep._fields, result):
        check_representable(f"step: {name} is", (array,), (inputs, "input"),
                            (W1, "weight in W1"), (W2, "weight in W2"))
    return result


def wrong_side(outputs, targets) -> np.ndarray:
    """Whether each output is on the other side of 0.5 from its target (exactly 0.5 is wrong), for
    arrays of outputs whose last axis matches ``targets`` (chapter "A hidden layer")."""
    return (outputs == THRESHOLD) | ((outputs > THRESHOLD) != (targets > THRESHOLD))


def solves(inputs, targets, W1, W2, activation: str = "tanh") -> bool:
    """Whether every output is on the same side of 0.5 as its target (exactly 0.5 is wrong)."""
    _, output = forward(inputs, W1, W2, activation)
    targets = check_matrix(targets, "targets", output.shape)
    return not wrong_side(output, targets).any()


# --- training ---------------------------------------------------------------------


@dataclass(frozen=True)
class HiddenHistory:
    """One training run of the two-layer network.

    ``W1[k]`` and ``W2[k]`` are the weights after ``k`` updates (``k = 0 .. iterations``), shapes
    ``(iterations + 1, n_inputs, n_hidden)`` and ``(iterations + 1, n_hidden + 1, 1)``;
    ``errors[k]``, shape ``(iterations + 1, n_examples)``, the errors ``target - output`` they make.
    """

    W1: np.ndarray
    W2: np.ndarray
    errors: np.ndarray
    activation: str
    learning_rate: float

    @property
    def final_W1(self) -> np.ndarray:
        return self.W1[-1]

    @property
    def final_W2(self) -> np.ndarray:
        return self.W2[-1]

    @property
    def mean_squared_error(self) -> np.ndarray:
        """The mean squared error after each number of updates."""
        return np.mean(self.errors**2, axis=1)

    @property
    def iterations(self) -> int:
        return len(self.errors) - 1


def train_hidden(
    inputs,
    targets,
    W1,
    W2,
    activation: str = "tanh",
    iterations: int = XOR_ITERATIONS,
    learning_rate: float = XOR_LEARNING_RATE,
) -> HiddenHistory:
    """Train the two-layer network by full-batch steps ``W += learning_rate * dW``
    (see ``hidden_gradients``).

    ``iterations`` from 0 to ``MAX_ITERATIONS``, ``learning_rate`` above 0 and at most
    ``MAX_LEARNING_RATE``; the history may hold at most ``MAX_HISTORY_VALUES`` numbers. Raises
    :class:`~helpers.network.TrainingDivergedError` if the numbers stop being finite.
    """
    inputs, W1, W2 = check_network(inputs, W1, W2)
    n_examples, n_inputs = inputs.shape
    n_hidden = W1.shape[1]
    targets = check_matrix(targets, "targets", (n_examples, 1))
    chosen = get_activation(activation)
    iterations = check_whole(iterations, "iterations")
    learning_rate = check_learning_rate(learning_rate)
    check_hidden_history_size(iterations, n_inputs * n_hidden + n_hidden + 1 + n_examples)
    W1s = np.empty((iterations + 1, *W1.shape))
    W2s = np.empty((iterations + 1, *W2.shape))
    errors = np.empty((iterations + 1, n_examples))

    def record(k, W1, W2, error):
        W1s[k], W2s[k], errors[k] = W1[0], W2[0], error[0]

    _train_runs(inputs, targets, W1[None], W2[None], chosen, iterations, learning_rate, record)
    history = HiddenHistory(W1s, W2s, errors, activation, learning_rate)
    check_finite_history(history, inputs, history.W1, history.W2)
    return history


@dataclass(frozen=True)
class HiddenSweep:
    """Many runs trained side by side, final numbers only: run ``i`` started from ``seeds[i]``.

    ``W1`` ``(n_runs, n_inputs, n_hidden)``, ``W2`` ``(n_runs, n_hidden + 1, 1)``, ``errors``
    ``(n_runs, n_examples)`` (``target - output`` after the last step) and the ``targets``,
    ``(n_examples, 1)``, shared by all runs. A run that
    diverged holds inf or nan (see ``finite``) and does not count as solved.
    """

    seeds: np.ndarray
    W1: np.ndarray
    W2: np.ndarray
    errors: np.ndarray
    targets: np.ndarray

    @property
    def outputs(self) -> np.ndarray:
        """The final outputs, ``(n_runs, n_examples)``."""
        return self.targets[:, 0] - self.errors

    @property
    def finite(self) -> np.ndarray:
        """Whether each run's final weights and errors are finite numbers."""
        return (
            np.isfinite(self.W1).all(axis=(1, 2))
            & np.isfinite(self.W2).all(axis=(1, 2))
            & np.isfinite(self.errors).all(axis=1)
        )

    @property
    def solved(self) -> np.ndarray:
        """Whether each run's every output is on its target's side of 0.5 (as ``solves``)."""
        return ~wrong_side(self.outputs, self.targets[:, 0]).any(axis=1) & self.finite


def train_hidden_many(
    inputs,
    targets,
    seeds,
    n_hidden: int,
    iterations: int = XOR_ITERATIONS,
    learning_rate: float = XOR_LEARNING_RATE,
    activation: str = "tanh",
    scheme: str = "uniform",
) -> HiddenSweep:
    """Train one run per seed, all side by side, from
    ``initial_hidden_weights(seed, n_hidden, n_inputs, scheme)``.

    The same steps as ``train_hidden``, run for every seed at once: each step is a few whole-array
    operations on all runs' weights, far faster than one run after another. Only the final weights
    and errors are kept; a run that diverges is left as inf or nan (``HiddenSweep.finite``), it
    does not stop the others.
    """
    inputs = check_inputs(inputs)
    n_examples, n_inputs = inputs.shape
    targets = check_matrix(targets, "targets", (n_examples, 1))
    seeds = check_seeds(seeds)
    n_hidden = check_whole(n_hidden, "n_hidden")
    iterations = check_whole(iterations, "iterations")
    learning_rate = check_learning_rate(learning_rate)
    chosen = get_activation(activation)
    check_choice(scheme, INIT_SCHEMES, "initialisation scheme")
    check_sweep_size(len(seeds), n_examples, n_hidden)
    starts = [initial_hidden_weights(int(seed), n_hidden, n_inputs, scheme) for seed in seeds]
    W1 = np.stack([w1 for w1, _ in starts])
    W2 = np.stack([w2 for _, w2 in starts])
    W1, W2, errors = _train_runs(inputs, targets, W1, W2, chosen, iterations, learning_rate)
    return HiddenSweep(np.array(seeds), W1, W2, errors, targets)


def _train_runs(inputs, targets, W1, W2, chosen, iterations, learning_rate, record=None):
    """Train runs side by side: W1 ``(n_runs, n_inputs, n_hidden)``, W2 ``(n_runs, n_hidden + 1,
    1)``.

    Returns the final W1, W2 and errors ``(n_runs, n_examples)``. ``record(k, W1, W2, errors)``,
    if given, is called with the weights after ``k`` updates and their errors, for
    ``k = 0 .. iterations``. ``train_hidden`` is this loop with one run, so that a run's numbers do
    not depend on how many others train beside it. The same steps as ``hidden_gradients``, laid
    out for speed: ``A[i, r * n_hidden + h]`` is ``W1[r, i, h]``, so ``inputs @ A`` is one matrix
    product for all runs; ``V[r, h]`` are the output's weights from the hidden units, ``b[r]`` its
    bias.
    """
    n_runs, n_inputs, n_hidden = W1.shape
    n_examples = inputs.shape[0]
    f, slope = chosen.function, chosen.slope_from_output
    A = np.ascontiguousarray(W1.transpose(1, 0, 2)).reshape(n_inputs, n_runs * n_hidden)
    V = np.ascontiguousarray(W2[:, :-1, 0])
    b = W2[:, -1, 0].copy()
    inputs_t = np.ascontiguousarray(inputs.T)

    def weights():
        W1 = A.reshape(n_inputs, n_runs, n_hidden).transpose(1, 0, 2)
        return W1, np.concatenate([V, b[:, None]], axis=1)[:, :, None]

    with np.errstate(over="ignore", invalid="ignore"):  # a diverged run is left as inf or nan
        for k in range(iterations + 1):
            hidden = f(inputs @ A).reshape(n_examples, n_runs, n_hidden)
            output = f(np.einsum("erh,rh->er", hidden, V) + b)  # (n_examples, n_runs)
            error = targets - output
            if record is not None:
                record(k, *weights(), error.T)
            if k == iterations:
                break
            delta2 = error * slope(output)  # the output's delta, as in network.train
            # times V times delta2: sent back through V, (n_examples, n_runs, n_hidden)
            delta1 = slope(hidden)
            delta1 *= V
            delta1 *= delta2[:, :, None]
            V += learning_rate * np.einsum("erh,er->rh", hidden, delta2)
            b += learning_rate * delta2.sum(axis=0)
            A += learning_rate * (inputs_t @ delta1.reshape(n_examples, n_runs * n_hidden))
    W1, W2 = weights()
    return W1.copy(), W2, error.T.copy()

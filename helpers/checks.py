"""Self-checks for the coding exercises (chapters 1 to 7).

Call a check on your function right after writing it: it says at once whether it works, and
if not, for which input and what kind of answer was expected. It never shows the solution.
Each check returns a Verdict: it shows as one short message when it ends a notebook cell, and
counts as True or False (``if check_...(f):``), for teachers who collect results.
"""

from __future__ import annotations

import numpy as np

from helpers import network

NOT_YET = "not implemented yet: write the function above, run its cell, then run this check again."


class Verdict:
    """The result of a check: ``passed`` (also its truth value) and a one-line ``message``."""

    def __init__(self, passed: bool, message: str):
        self.passed, self.message = passed, message

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return self.message


class _OnlyRandom:
    """A generator that offers only ``random``, for exercises that must build on it alone."""

    def __init__(self, seed: int):
        self.random = np.random.default_rng(seed).random


class _Failed(Exception):
    """One check found a problem; the message is the feedback."""


def _call(function, *args, **kwargs):
    """Call the reader's function, turning its own errors into feedback."""
    if not callable(function):
        raise _Failed(f"a check needs your function itself, without brackets after its name; got {_short(function)}")
    try:
        return function(*args, **kwargs)
    except NotImplementedError:
        raise
    except Exception as error:  # noqa: BLE001 - any error of the reader's code is feedback
        shown = ", ".join([*(_short(a) for a in args), *(f"{k}={_short(v)}" for k, v in kwargs.items())])
        raise _Failed(f"your function raised {type(error).__name__}: {error} (called with {shown})") from None


def _short(value) -> str:
    text = np.array2string(value, precision=3, threshold=6) if isinstance(value, np.ndarray) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _as_array(value, what: str, shape=None) -> np.ndarray:
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise _Failed(f"{what} should be numbers; got {_short(value)}") from None
    if shape is not None and array.shape != shape:
        raise _Failed(f"{what} should have shape {shape}; got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise _Failed(f"{what} contains nan or inf")
    return array


def _verdict(run, success: str) -> Verdict:
    try:
        run()
    except NotImplementedError:
        return Verdict(False, NOT_YET)
    except _Failed as problem:
        return Verdict(False, f"Not yet right: {problem}")
    return Verdict(True, f"Well done: {success}")


def check_tanh_slope_from_output(function) -> Verdict:
    """Chapter 1: ``function(y)`` should give the slope of tanh where tanh equals ``y``."""

    def run():
        z = np.linspace(-3, 3, 13)
        numerical = (np.tanh(z + 1e-6) - np.tanh(z - 1e-6)) / 2e-6
        got = _as_array(_call(function, np.tanh(z)), "the result", shape=z.shape)
        wrong = np.flatnonzero(~np.isclose(got, numerical, atol=1e-6))
        if wrong.size:
            i = wrong[0]
            raise _Failed(f"at the output y = {np.tanh(z[i]):.3f} (input z = {z[i]:.1f}) your slope is {got[i]:.4f}, "
                          f"but the curve's measured slope there is about {numerical[i]:.4f}. The slope should be 1 at y = 0 and "
                          "shrink towards 0 as y nears -1 or 1, the same on both sides.")

    return _verdict(run, "your slope matches the numerical slope of tanh at every point checked.")


def check_targets_from_inputs(function) -> Verdict:
    """Chapter 2: ``function(inputs)`` should return the first input of each row as a column."""

    def run():
        got = _as_array(_call(function, network.POST_INPUTS), "the result for the post's inputs")
        if got.shape != (4, 1):
            raise _Failed(f"for the post's (4, 3) inputs the result has shape {got.shape}; a column of shape "
                          "(4, 1) was expected, one row per example.")
        if not np.array_equal(got, network.POST_TARGETS):
            raise _Failed("for the post's inputs the values differ from the targets: each target is the "
                          "example's FIRST input.")
        rows = np.random.default_rng(2).integers(0, 2, size=(7, 3))
        got = _as_array(_call(function, rows), "the result for 7 random rows")
        if got.shape != (7, 1) or not np.array_equal(got.ravel(), rows[:, 0]):
            raise _Failed("it works for the post's four rows but not for 7 other rows: do not type the "
                          "answer in, compute it from the inputs.")

    return _verdict(run, "the targets come out as a column, for any number of rows.")


def check_post_starting_weights(function) -> Verdict:
    """Chapter 3: ``function(seed)`` should give the post's starting weights without touching np.random."""

    def run():
        np.random.seed(12345)
        before = np.random.get_state()[1].copy()
        for seed in (0, 1, 2, 7):
            got = _as_array(_call(function, seed), f"the weights for seed {seed}", shape=(3, 1))
            if not np.array_equal(got, network.initial_weights(seed, "post")):
                raise _Failed(f"for seed {seed} the weights differ from the post's. They should all lie in "
                              "[-1, 0), drawn by a legacy-style generator seeded with the seed.")
        if not np.array_equal(np.random.get_state()[1], before):
            raise _Failed("the weights are right, but NumPy's global generator changed: use a private "
                          "generator object instead of np.random.seed.")

    return _verdict(run, "the post's weights for every seed, and the global generator left alone.")


def check_symmetric_uniform(function) -> Verdict:
    """Chapter 4: ``function(rng, shape, limit)`` should draw uniform numbers in [-limit, limit)."""

    def run():
        draws = _as_array(_call(function, _OnlyRandom(0), (100_000,), 1.5), "the draws", shape=(100_000,))
        if draws.min() < -1.5 or draws.max() >= 1.5:
            raise _Failed(f"with limit 1.5 the draws go from {draws.min():.3f} to {draws.max():.3f}, outside [-1.5, 1.5).")
        if draws.min() > -1.45 or draws.max() < 1.45:
            raise _Failed(f"with limit 1.5 the draws only cover [{draws.min():.3f}, {draws.max():.3f}]: "
                          "stretch them over the whole interval.")
        if abs(draws.mean()) > 0.02 or abs(np.mean(np.abs(draws)) - 0.75) > 0.02:
            raise _Failed("the draws are not spread evenly around 0: every part of [-limit, limit) should be "
                          "equally likely.")
        same = [_as_array(_call(function, _OnlyRandom(s), (5,), 1.0), "the draws") for s in (3, 3)]
        if not np.array_equal(*same):
            raise _Failed("two generators with the same seed gave different draws: use only the rng you are given.")

    return _verdict(run, "uniform over the whole interval, centred on 0, and reproducible.")


def check_glorot_limit(function) -> Verdict:
    """Chapter 4: ``function(fan_in, fan_out)`` should give the Glorot uniform limit."""

    def run():
        for fan_in, fan_out in [(3, 1), (1, 1), (100, 10), (784, 256)]:
            got = _as_array(_call(function, fan_in, fan_out), "the limit", shape=())
            expected = float(np.sqrt(6.0 / (fan_in + fan_out)))
            if not np.isclose(got, expected):
                raise _Failed(f"for fan_in {fan_in} and fan_out {fan_out} your limit is {float(got):.4f}, which "
                              f"is {'too large' if got > expected else 'too small'}. The limit should shrink as "
                              "the layer gets wider, and depend on both counts.")

    return _verdict(run, "the right limit for every layer size checked.")


def check_training_step(function) -> Verdict:
    """Chapter 5: ``function(X, targets, w, learning_rate)`` should return the weights after one step."""

    def run():
        for seed, rate in [(1, 1.0), (2, 0.5), (3, 0.1)]:
            w = network.initial_weights(seed, "glorot")
            expected = network.train(network.POST_INPUTS, network.POST_TARGETS, w, "tanh", 1, rate).final_weights
            given = w.copy()
            got = _as_array(_call(function, network.POST_INPUTS, network.POST_TARGETS, given, rate),
                            "the new weights", shape=(3, 1))
            if not np.array_equal(given, w):
                raise _Failed("your function changed the weights it was given (in place). Leave w as it is and "
                              "return new weights, for example w + step instead of w += step.")
            at_rate_one = network.train(network.POST_INPUTS, network.POST_TARGETS, w, "tanh", 1, 1.0).final_weights
            if rate != 1.0 and np.allclose(got, at_rate_one, atol=1e-12):
                raise _Failed(f"your step is right for learning rate 1 but ignores the learning rate {rate}: "
                              "scale the step by it.")
            if not np.allclose(got, expected, atol=1e-12):
                raise _Failed(f"for seed {seed} and learning rate {rate} the new weights differ from one step of "
                              "training. Check each line in turn: forward pass, error, delta with the TRUE slope "
                              "of tanh, then the update scaled by the learning rate.")

    return _verdict(run, "one training step, exactly as helpers.train takes it.")


def check_gradient(function) -> Verdict:
    """Chapter 5: ``function(X, targets, w)`` should give the gradient of the squared-error loss."""

    def loss(w):
        return 0.5 * np.sum((network.POST_TARGETS - np.tanh(network.POST_INPUTS @ w)) ** 2)

    def run():
        for seed in (1, 4):
            w = network.initial_weights(seed, "uniform")
            h = 1e-6
            numerical = np.array([[(loss(w + h * e) - loss(w - h * e)) / (2 * h)] for e in np.eye(3)[:, :, None]])
            got = _as_array(_call(function, network.POST_INPUTS, network.POST_TARGETS, w.copy()),
                            "the gradient", shape=(3, 1))
            if np.allclose(got, -numerical, atol=1e-6):
                raise _Failed("your gradient has the wrong sign: it points downhill. The gradient points uphill; "
                              "training then steps against it.")
            if np.allclose(got, 2 * numerical, atol=1e-6):
                raise _Failed("your gradient is twice the right one: the loss has a factor 1/2 in front, which "
                              "cancels the 2 from the square.")
            if not np.allclose(got, numerical, atol=1e-6):
                raise _Failed(f"for seed {seed} your gradient differs from the finite-difference estimate. "
                              "Check the slope: it should be the true slope of tanh, not the post's.")

    return _verdict(run, "your gradient matches central finite differences.")


def check_to_labels(function) -> Verdict:
    """Chapter 6: ``function(outputs, threshold)`` should turn outputs into 0/1 integer labels."""

    def run():
        outputs = np.array([[-0.3], [0.0], [0.49], [0.5], [0.51], [0.99]])
        got = np.asarray(_call(function, outputs, 0.5))
        if got.shape != outputs.shape:
            raise _Failed(f"the labels have shape {got.shape}; expected the same shape as the outputs, {outputs.shape}.")
        if got.dtype.kind not in "iu":
            raise _Failed(f"the labels are of type {got.dtype}; class labels should be whole numbers (integers).")
        if got.ravel().tolist()[3] == 1:
            raise _Failed("an output exactly at the threshold 0.5 got label 1: only outputs ABOVE the threshold are class 1.")
        if got.ravel().tolist() != [0, 0, 0, 0, 1, 1]:
            raise _Failed("some labels are on the wrong side of the threshold 0.5.")
        shifted = np.asarray(_call(function, outputs, 0.0)).ravel().tolist()
        if shifted != [0, 0, 1, 1, 1, 1]:
            raise _Failed("with threshold 0 the labels are wrong: use the threshold you are given, not 0.5.")

    return _verdict(run, "labels of the right type, on the right side of any threshold.")


def check_count_parameters(function) -> Verdict:
    """Chapter 7: ``function(model)`` should count a fitted MLPClassifier's weights and biases."""

    def run():
        import warnings

        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier

        for hidden in [(2,), (4, 3)]:
            model = MLPClassifier(hidden_layer_sizes=hidden, max_iter=20, random_state=0)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                model.fit(network.POST_INPUTS, network.POST_TARGETS.ravel())
            sizes = [3, *hidden, 1]
            weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
            biases = sum(sizes[1:])
            got = _call(function, model)
            if got == weights:
                raise _Failed(f"for hidden layers {hidden} you counted only the weights; add the biases (intercepts).")
            if got != weights + biases:
                raise _Failed(f"for hidden layers {hidden} your count is {got}; count every number in the "
                              "model's coefs_ and intercepts_ arrays.")

    return _verdict(run, "the right count for every shape of network checked.")

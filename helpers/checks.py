"""Self-checks for the coding exercises (chapters 1 to 8).

Call a check on your function right after writing it: it says at once whether it works, and
if not, for which input and what kind of answer was expected. It never shows the solution.
Each check returns a Verdict: it shows as one short message when it ends a notebook cell, and
counts as True or False (``if check_...(f):``), for teachers who collect results.

Each check first compares the answer with the right one; when they differ, it compares the
answer with the typical wrong ones (a "slip") to name the mistake, and only then falls back to
saying where the answer goes wrong.
"""

from __future__ import annotations

import numbers
import warnings

import numpy as np

from helpers import hidden, network

NOT_YET = "not implemented yet: write the function above, run its cell, then run this check again."
RETURNED_NONE = "your function returned None; did you forget `return`?"


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

    def __getattr__(self, name):
        raise AttributeError(f"this exercise allows only rng.random, not rng.{name}")

    def __repr__(self) -> str:
        return "rng"


class _Failed(Exception):
    """One check found a problem; the message is the feedback."""


# --- calling the reader's function and reading its answer ----------------------------------


def _call(function, *args, **kwargs):
    """Call the reader's function, turning its own errors and a missing answer into feedback."""
    if not callable(function):
        raise _Failed(f"a check needs your function itself, without brackets after its name; got {_short(function)}")
    try:
        answer = function(*args, **kwargs)
    except NotImplementedError:
        raise
    except Exception as error:  # noqa: BLE001 - any error of the reader's code is feedback
        shown = ", ".join([*(_short(a) for a in args), *(f"{k}={_short(v)}" for k, v in kwargs.items())])
        raise _Failed(f"your function raised {type(error).__name__}: {error} (called with {shown})") from None
    if answer is None:
        raise _Failed(RETURNED_NONE)
    return answer


def _short(value) -> str:
    text = np.array2string(value, precision=3, threshold=6) if isinstance(value, np.ndarray) else repr(value)
    text = " ".join(text.split())  # one line, single spaces
    return text if len(text) <= 60 else text[:57] + "..."


def _ndarray(value, what: str, shape: tuple) -> np.ndarray:
    """The answer itself, once it is a NumPy array of the expected shape."""
    if not isinstance(value, np.ndarray):
        raise _Failed(f"your function returned a {type(value).__name__} ({what}), not a NumPy array: return an "
                      "array (np.array makes one).")
    if value.shape != shape:
        raise _Failed(f"{what} should have shape {shape}; got shape {value.shape}")
    return value


def _numbers(value, what: str) -> np.ndarray:
    """The answer as finite floats."""
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):  # ragged nested lists
        array = np.asarray(None)
    if array.dtype.kind not in ("b", "i", "u", "f"):
        raise _Failed(f"{what} should be numbers; got {_short(value)}")
    array = array.astype(float)
    if not np.all(np.isfinite(array)):
        raise _Failed(f"{what} contains nan or inf")
    return array


def _array(value, what: str, shape: tuple) -> np.ndarray:
    """The answer as finite floats, once it is a NumPy array of the expected shape."""
    return _numbers(_ndarray(value, what, shape), what)


def _number(value, what: str) -> float:
    """The answer as one finite float."""
    number = _numbers(value, what)
    if number.ndim:
        raise _Failed(f"{what} should be a single number; got {_short(value)}")
    return float(number)


def _check_uses_w(answer, function, *args, **kwargs) -> None:
    """Fail if the reader's function gives the same answer for other weights ``w`` (passed in ``args``)."""
    if np.array_equal(_call(function, *args, **kwargs), answer):
        raise _Failed("your function gives the same answer whatever w you pass in: start from the w you are "
                      "given, do not make new weights inside the function.")


def _name_the_slip(answer, right, slips) -> None:
    """Fail with the message of the first typical wrong answer that ``answer`` matches.

    A slip that gives the right answer for this input names no mistake and is skipped: ignoring the
    learning rate, say, when the rate is 1.
    """
    for wrong, message in slips:
        if np.allclose(answer, wrong) and not np.allclose(wrong, right):
            raise _Failed(message)


def _verdict(run, success: str) -> Verdict:
    try:
        run()
    except NotImplementedError:
        return Verdict(False, NOT_YET)
    except _Failed as problem:
        return Verdict(False, f"Not yet right: {problem}")
    return Verdict(True, f"Well done: {success}")


# --- chapter 1 ------------------------------------------------------------------------------

_POSTS_SLOPE = "the post's slope 1 - tanh(4y)"


def check_tanh_slope_from_output(function) -> Verdict:
    """Chapter 1: ``function(y)`` should give the slope of tanh where tanh equals ``y``."""

    def run():
        z = np.linspace(-3, 3, 13)
        y = np.tanh(z)
        measured = (np.tanh(z + 1e-6) - np.tanh(z - 1e-6)) / 2e-6
        got = _array(_call(function, y), "the result", shape=z.shape)
        if np.allclose(got, measured, rtol=0, atol=1e-6):
            return
        _name_the_slip(got, measured, [
            (network.post_tanh_slope(y), f"this is {_POSTS_SLOPE}, which this chapter shows is not the slope "
                                         "of tanh: at y = 0.5 it gives 0.036, but the curve's slope there is 0.75."),
            (1 - np.tanh(y) ** 2, "your function applies tanh to y again, giving the slope at z = y. But y is "
                                  "already tanh's output: write the slope with y itself."),
        ])
        if not np.allclose(got, got[::-1]):
            i = int(np.argmax(np.abs(got - got[::-1])))
            raise _Failed(f"your slope is {got[i]:.6f} at y = {y[i]:.3f} but {got[-1 - i]:.6f} at y = {y[-1 - i]:.3f}. "
                          "tanh is as steep at -y as at y: its slope should be the same on both sides.")
        i = int(np.argmax(np.abs(got - measured)))
        raise _Failed(f"at the output y = {y[i]:.3f} (input z = {z[i]:.1f}) your slope is {got[i]:.6f}, but the "
                      f"curve's measured slope there is about {measured[i]:.6f}. The slope should be 1 at y = 0 and "
                      "shrink towards 0 as y nears -1 or 1.")

    return _verdict(run, "your slope matches the numerical slope of tanh at every point checked.")


# --- chapter 2 ------------------------------------------------------------------------------


def check_targets_from_inputs(function) -> Verdict:
    """Chapter 2: ``function(inputs)`` should return the first input of each row as a column."""

    def run():
        what = "the result for the post's (4, 3) inputs"
        got = _array(_call(function, network.POST_INPUTS), what, shape=(4, 1))
        if not np.array_equal(got, network.POST_TARGETS):
            raise _Failed("for the post's inputs the values differ from the targets: each target is the "
                          "example's FIRST input.")
        rows = np.indices((2, 2, 2)).reshape(3, -1).T  # every row of three 0s and 1s
        other = _call(function, rows)
        if np.shape(other) != (len(rows), 1) or not np.array_equal(np.ravel(other), rows[:, 0]):
            raise _Failed(f"it works for the post's four rows but not for all {len(rows)} rows of three 0s and 1s: "
                          "compute the targets from the inputs you are given, whatever their number of rows.")

    return _verdict(run, "the targets come out as a column, for any number of rows.")


# --- chapter 3 ------------------------------------------------------------------------------


def _same_state(a, b) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(a, b))


def check_post_starting_weights(function) -> Verdict:
    """Chapter 3: ``function(seed)`` should give the post's starting weights without touching np.random."""

    def run():
        seeds = (0, 1, 2, 7)
        before = np.random.get_state()
        try:
            answers = [_array(_call(function, seed), f"the weights for seed {seed}", shape=(3, 1)) for seed in seeds]
            touched = not _same_state(np.random.get_state(), before)
        finally:
            np.random.set_state(before)  # undo the reader's np.random.seed, if any
        for seed, weights in zip(seeds, answers):
            if np.any(weights < -1) or np.any(weights >= 0):
                raise _Failed(f"for seed {seed} your weights are {_short(weights.ravel())}, but the post's all lie "
                              "in [-1, 0): numbers in [0, 1) minus 1.")
        if all(np.array_equal(answers[0], weights) for weights in answers):
            raise _Failed("your weights are the same for every seed: seed your generator with the seed you are given.")
        for seed, weights in zip(seeds, answers):
            if not np.array_equal(weights, network.initial_weights(seed)):  # the post's scheme is the default
                raise _Failed(f"for seed {seed} the weights differ from the post's. They should be drawn by a "
                              "legacy-style generator seeded with the seed, as np.random.seed does.")
        if touched:
            raise _Failed("the weights are right, but NumPy's global generator changed: use a private "
                          "generator object instead of np.random.seed.")

    return _verdict(run, "the post's weights for every seed, and the global generator left alone.")


# --- chapter 4 ------------------------------------------------------------------------------


def check_symmetric_uniform(function) -> Verdict:
    """Chapter 4: ``function(rng, shape, limit)`` should draw uniform numbers in [-limit, limit)."""

    def run():
        draws = _array(_call(function, _OnlyRandom(0), (1000, 100), 1.5), "the draws for shape (1000, 100)",
                       shape=(1000, 100))
        low, high = draws.min(), draws.max()
        if low >= 0:
            raise _Failed(f"with limit 1.5 your draws go from {low:.3f} to {high:.3f}, none below 0: shift them "
                          "so that they are centred on 0.")
        if low < -1.5 or high >= 1.5:
            raise _Failed(f"with limit 1.5 your draws go from {low:.3f} to {high:.3f}, outside [-1.5, 1.5).")
        if low > -1.49 or high < 1.49:
            raise _Failed(f"with limit 1.5 your draws only cover [{low:.3f}, {high:.3f}]: stretch them over the "
                          "whole interval, using the limit you are given.")
        _check_evenly_spread(draws, 1.5)
        small = [_array(_call(function, _OnlyRandom(seed), (2, 3), 1.0), "the draws for shape (2, 3)", shape=(2, 3))
                 for seed in (3, 3, 4)]
        if not np.array_equal(small[0], small[1]):
            raise _Failed("two generators with the same seed gave different draws: use only the rng you are given.")
        if np.array_equal(small[0], small[2]):
            raise _Failed("two generators with different seeds gave the same draws: draw your numbers with "
                          "rng.random, from the rng you are given.")

    return _verdict(run, "uniform over the whole interval, centred on 0, and reproducible.")


def _check_evenly_spread(draws: np.ndarray, limit: float) -> None:
    """Each tenth of [-limit, limit) should hold a tenth of the draws."""
    counts, edges = np.histogram(draws, bins=10, range=(-limit, limit))
    shares = counts / draws.size
    i = int(np.argmax(np.abs(shares - 0.1)))
    if abs(shares[i] - 0.1) > 0.005:
        raise _Failed(f"the draws are not spread evenly: {shares[i]:.1%} of them lie in [{edges[i]:.2f}, "
                      f"{edges[i + 1]:.2f}), where a tenth should. Every part of [-limit, limit) should be "
                      "equally likely.")


def check_glorot_limit(function) -> Verdict:
    """Chapter 4: ``function(fan_in, fan_out)`` should give the Glorot uniform limit."""

    def run():
        layers = [(3, 1), (3, 5), (7, 1), (100, 10)]
        got = np.array([_number(_call(function, *layer), "the limit for fan_in {} and fan_out {}".format(*layer))
                        for layer in layers])
        expected = np.sqrt(6.0 / np.sum(layers, axis=1))
        if np.allclose(got, expected):
            return
        if got[0] == got[1]:
            raise _Failed(f"your limit is the same for fan_out {layers[0][1]} and fan_out {layers[1][1]} (fan_in "
                          f"{layers[0][0]}): it should depend on fan_out too.")
        if got[0] == got[2]:
            raise _Failed(f"your limit is the same for fan_in {layers[0][0]} and fan_in {layers[2][0]} (fan_out "
                          f"{layers[0][1]}): it should depend on fan_in too.")
        ratios = got / expected
        if np.allclose(ratios, ratios[0]):
            raise _Failed(f"every one of your limits is {ratios[0]:.3f} times the right one: check the constant "
                          "in the formula.")
        i = int(np.flatnonzero(~np.isclose(got, expected))[0])
        fan_in, fan_out = layers[i]
        raise _Failed(f"for fan_in {fan_in} and fan_out {fan_out} your limit is {got[i]:.4f}, which is "
                      f"{'too large' if got[i] > expected[i] else 'too small'}. The limit should shrink as the "
                      "layer gets wider.")

    return _verdict(run, "the right limit for every layer size checked.")


# --- chapter 5 ------------------------------------------------------------------------------


def _one_step(w: np.ndarray, learning_rate: float, activation: str = "tanh") -> np.ndarray:
    return network.train(network.POST_INPUTS, network.POST_TARGETS, w, activation, 1, learning_rate).final_weights


def _run_until(X, targets, w, learning_rate, iterations, slope=network.tanh_slope, sign=1.0):
    """Every weight column and mean squared error of a tanh run: helpers.train's loop, with a slip's slope or sign."""
    weights, errors = [w], []
    for _ in range(iterations):
        y = np.tanh(X @ w)
        errors.append(np.mean((targets - y) ** 2))
        w = w + sign * learning_rate * (X.T @ ((targets - y) * slope(y)))
        weights.append(w)
    errors.append(np.mean((targets - np.tanh(X @ w)) ** 2))
    return weights, np.array(errors)


def _stop(errors: np.ndarray, tolerance: float, max_iterations: int) -> int:
    """The first step whose mean squared error is below the tolerance, or max_iterations."""
    below = np.flatnonzero(errors[: max_iterations + 1] < tolerance)
    return int(below[0]) if below.size else max_iterations


# (seed, scheme, learning rate, tolerance, max_iterations): the tolerance is met early, not at all within
# max_iterations although later, at the very start, and at rate 1.
_TRAIN_UNTIL_CASES = [(1, "post", 0.5, 1e-3, 10_000), (2, "glorot", 0.3, 3e-3, 40),
                      (3, "uniform", 0.5, 10.0, 100), (4, "glorot", 1.0, 0.05, 1_000)]


def check_train_until(function) -> Verdict:
    """Chapter 5: ``function(X, targets, w, learning_rate, tolerance, max_iterations)`` should return
    ``(weights, steps)``: train with the true slope until the mean squared error is below the tolerance."""

    def run():
        X, targets = network.POST_INPUTS, network.POST_TARGETS
        for seed, scheme, rate, tolerance, max_iterations in _TRAIN_UNTIL_CASES:
            w = network.initial_weights(seed, scheme)
            given = w.copy()
            case = f"seed {seed} ({scheme}), learning rate {rate}, tolerance {tolerance:g}, max_iterations {max_iterations}"
            answer = _call(function, X, targets, given, rate, tolerance, max_iterations)
            if not isinstance(answer, (tuple, list)) or len(answer) != 2:
                raise _Failed(f"your function should return two things, the weights and the number of steps; "
                              f"got {_short(answer)}")
            got = _array(answer[0], "the weights", shape=(3, 1))
            if not isinstance(answer[1], numbers.Integral) or isinstance(answer[1], bool):
                raise _Failed(f"the number of steps should be a whole number (an int); got {_short(answer[1])}")
            steps = int(answer[1])
            if not np.array_equal(given, w):
                raise _Failed("your function changed the weights it was given (in place). Leave w as it is and "
                              "work on new weights, for example w = w + step instead of w += step.")
            longer = max(max_iterations, 400) + 2
            history = network.train(X, targets, w, "tanh", longer, rate)
            weights, errors = history.weights[:, :, None], history.mean_squared_error
            k = _stop(errors, tolerance, max_iterations)
            if steps == k and np.allclose(got, weights[k], rtol=0, atol=1e-10):
                continue

            def matches(w_wrong, k_wrong):
                return steps == k_wrong and np.allclose(got, w_wrong, rtol=0, atol=1e-10)

            free, total = _stop(errors, tolerance, longer), _stop(4 * errors, tolerance, max_iterations)
            post = _run_until(X, targets, w, rate, max_iterations, slope=network.post_tanh_slope)
            uphill = _run_until(X, targets, w, rate, max_iterations, sign=-1.0)
            unit_rate = _run_until(X, targets, w, 1.0, max_iterations)
            post_k, uphill_k, unit_k = (_stop(run_errors, tolerance, max_iterations)
                                        for _, run_errors in (post, uphill, unit_rate))
            slips = [
                ((post[0][post_k], post_k),
                 f"you used {_POSTS_SLOPE}, the very bug of this chapter: the delta needs the TRUE slope of tanh."),
                ((uphill[0][uphill_k], uphill_k),
                 "your steps have the wrong sign: they move w so that the error grows. Check the sign of the error "
                 "(targets minus outputs) and of the update."),
                ((unit_rate[0][unit_k], unit_k),
                 f"your training ignores the learning rate {rate}: scale every step by it."),
                ((weights[free], free),
                 f"for {case} you trained on past max_iterations: stop after max_iterations steps even when the "
                 "error is still too large."),
                ((weights[k + 1], k + 1),
                 f"for {case} you stopped one step late: you took one more step after the error was already "
                 "below the tolerance. Measure the error of the current weights before each step."),
                ((weights[total], total),
                 f"for {case} you compared the summed squared error with the tolerance: the tolerance is for the "
                 "mean squared error, the mean over the four examples."),
            ]
            if k > 0:
                slips.append(((weights[k - 1], k - 1),
                              f"for {case} you stopped one step early, before the error was below the tolerance."))
            other = _call(function, X, targets, -w, rate, tolerance, max_iterations)
            if isinstance(other, (tuple, list)) and len(other) == 2 and np.array_equal(np.asarray(other[0]), got):
                raise _Failed("your function gives the same answer whatever w you pass in: start from the w you are "
                              "given, do not make new weights inside the function.")
            for (w_wrong, k_wrong), message in slips:
                if matches(w_wrong, k_wrong):
                    raise _Failed(message)
            if np.allclose(got, weights[k], rtol=0, atol=1e-10):
                raise _Failed(f"for {case} the weights are right but you counted {steps} steps; "
                              f"helpers.train took {k}. Count the updates you made, and only those.")
            if steps == k:
                raise _Failed(f"for {case} you stopped after the right number of steps, {k}, but your weights "
                              "differ from helpers.train's. Check the forward pass, the delta with the TRUE slope "
                              "of tanh, and the update scaled by the learning rate.")
            raise _Failed(f"for {case} you stopped after {steps} steps with other weights than helpers.train, "
                          f"which stops after {k}. Stop at the first weights whose mean squared error is below the "
                          "tolerance, and after at most max_iterations steps.")

    return _verdict(run, "your loop trains and stops exactly as helpers.train would.")


def _loss(w: np.ndarray, activation: str) -> float:
    f = network.get_activation(activation).function
    return 0.5 * np.sum((network.POST_TARGETS - f(network.POST_INPUTS @ w)) ** 2)


def _finite_differences(loss, w: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central differences of ``loss`` along each weight: the oracle for any gradient."""
    nudges = h * np.eye(w.size).reshape(w.size, *w.shape)
    return np.array([(loss(w + e) - loss(w - e)) / (2 * h) for e in nudges]).reshape(w.shape)


def _gradient_of_a_reader_using(activation: str, w: np.ndarray) -> np.ndarray:
    """The gradient a reader gets with this activation and its slope: training's step at rate 1, reversed."""
    return w - _one_step(w, 1.0, activation)


def check_gradient(function) -> Verdict:
    """Chapter 5: ``function(X, targets, w, activation)`` should give the gradient of the squared-error loss."""

    def run():
        # Seed 2's weighted sums keep away from relu's kink at 0, where finite differences break down.
        for activation, seed in [("tanh", 1), ("tanh", 4), ("sigmoid", 1), ("relu", 2)]:
            w = network.initial_weights(seed, "uniform")
            numerical = _finite_differences(lambda v: _loss(v, activation), w)
            got = _array(_call(function, network.POST_INPUTS, network.POST_TARGETS, w.copy(), activation=activation),
                         f"the gradient for {activation}", shape=(3, 1))
            if np.allclose(got, numerical, rtol=0, atol=1e-6):
                continue
            _check_uses_w(got, function, network.POST_INPUTS, network.POST_TARGETS, -w, activation=activation)
            _name_the_slip(got, numerical, [
                (-numerical, "your gradient has the wrong sign: it points downhill. The gradient points uphill; "
                             "training then steps against it."),
                (2 * numerical, "your gradient is twice the right one: the loss has a factor 1/2 in front, which "
                                "cancels the 2 from the square."),
                (numerical / 2, "your gradient is half the right one: the 2 from the square cancels the 1/2 in "
                                "front of the loss; do not halve again."),
                (numerical / 4, "your gradient is the right one divided by 4, the number of examples: the loss "
                                "adds up the examples' errors, it does not average them."),
                (_gradient_of_a_reader_using("tanh", w),
                 f"for activation {activation!r} your gradient is the one for tanh: take f and its slope from "
                 "helpers.get_activation(activation), do not write tanh in."),
                (_gradient_of_a_reader_using("post_tanh", w),
                 f"your gradient uses {_POSTS_SLOPE}: use the true slope of tanh, from chapter 1."),
            ])
            raise _Failed(f"for activation {activation!r} and seed {seed} your gradient differs from the "
                          "finite-difference estimate. Check each factor of the chain rule, and the activation's "
                          "slope.")

    return _verdict(run, "your gradient matches central finite differences.")


def _stable_rate_datasets() -> list:
    """(name, inputs, targets) for the learning-rate check: the post's data, a column doubled, other targets."""
    X, targets = network.POST_INPUTS, network.POST_TARGETS
    return [("the post's dataset", X, targets),
            ("the dataset with its second column doubled", X * [1.0, 2.0, 1.0], targets),
            ("the post's inputs with targets [1, 1, 0, 0]", X, 1 - targets)]


def _largest_curvature(inputs: np.ndarray) -> float:
    return float(np.linalg.eigvalsh(inputs.T @ inputs).max())


def check_largest_stable_rate(function) -> Verdict:
    """Chapter 5: ``function(X, targets)`` should give 2 / lambda for the bowl of the target-0 examples."""

    def run():
        for name, X, targets in _stable_rate_datasets():
            zeros = X[targets.ravel() == 0]
            got = _number(_call(function, X.copy(), targets.copy()), f"the rate for {name}")
            curvature = _largest_curvature(zeros)
            right = 2 / curvature
            if np.isclose(got, right, rtol=1e-9, atol=0):
                continue
            _name_the_slip(got, right, [
                (2 / _largest_curvature(X), f"for {name} you used all four examples. Near the answer the "
                                            "examples with target 1 are saturated and barely push: the bowl "
                                            "is made by the examples whose target is 0."),
                (2 / _largest_curvature(X[:2]), f"for {name} you used the first two examples, but there the "
                                                "examples with target 0 are others: pick them by their "
                                                "targets, wherever they are."),
                (1 / curvature, f"for {name} your rate is half the right one: a step overshoots only once "
                                "the factor 1 - rate * curvature falls below -1."),
                (curvature, f"for {name} you returned the curvature itself, not the largest stable rate."),
                (2 / np.sqrt(curvature), f"for {name} you used the largest singular value of the inputs, the "
                                         "square root of the curvature: the curvature is the eigenvalue of "
                                         "the inputs' transpose times the inputs."),
                (2 / np.linalg.eigvalsh(zeros.T @ zeros)[-2], f"for {name} you used a smaller eigenvalue: the "
                                                              "step must be safe along the steepest direction "
                                                              "of the bowl, so take the largest."),
            ])
            raise _Failed(f"for {name} your rate is {got:.4f}, which is "
                          f"{'too large' if got > right else 'too small'}. Find the examples whose target is 0, "
                          "and the largest curvature of their bowl.")

    return _verdict(run, "the largest stable rate for every dataset checked.")


# --- chapter 6 ------------------------------------------------------------------------------


def _labels(function, outputs: np.ndarray, threshold: float) -> list:
    """The reader's labels as a flat list, once they are integers in an array shaped like the outputs."""
    got = _ndarray(_call(function, outputs, threshold), f"the labels for outputs of shape {outputs.shape}",
                   shape=outputs.shape)
    if got.dtype == bool:
        raise _Failed("your labels are True and False: turn them into the integers 1 and 0.")
    if not np.issubdtype(got.dtype, np.integer):
        raise _Failed(f"the labels are of type {got.dtype}; class labels should be whole numbers (integers).")
    return got.ravel().tolist()


def check_to_labels(function) -> Verdict:
    """Chapter 6: ``function(y, threshold)`` should turn the outputs ``y`` into 0/1 integer labels."""

    def run():
        outputs = np.array([[-0.3], [0.0], [0.49], [0.5], [0.51], [0.99]])
        labels = _labels(function, outputs, 0.5)
        if labels[0] == 1 and labels[-1] == 0:
            raise _Failed("your labels are the wrong way round: label 1 is for outputs above the threshold.")
        if labels[3] == 1:
            raise _Failed("an output exactly at the threshold 0.5 got label 1: only outputs ABOVE the threshold "
                          "are class 1.")
        if labels != [0, 0, 0, 0, 1, 1]:
            raise _Failed("some labels are on the wrong side of the threshold 0.5.")
        shifted = _labels(function, outputs.ravel(), 0.0)
        if shifted == labels:
            raise _Failed("with threshold 0 the labels are the same as with 0.5: use the threshold you are given.")
        if shifted != [0, 0, 1, 1, 1, 1]:
            raise _Failed("with threshold 0 some labels are on the wrong side of the threshold.")

    return _verdict(run, "labels of the right type, on the right side of any threshold.")


# --- chapter 7 ------------------------------------------------------------------------------

_HIDDEN_CASES = [(0, 2, "XOR", "tanh"), (3, 3, "XOR", "sigmoid"), (5, 4, "the post's targets", "relu")]
"""(seed, hidden units, targets, activation) of the networks ``check_hidden_layer_step`` tries first, in
order: the first has fewer hidden units than inputs, so that a transposed answer has the wrong shape.
One more network, drawn at random each time the check runs, follows them (``_random_hidden_case``)."""

_HIDDEN_ATOL = 1e-7
"""Loose enough for central differences with a nudge from 1e-6 to 1e-4, tight enough for every slip."""


def _random_hidden_case() -> tuple:
    """A network none of the fixed cases is: so that a table of the fixed answers cannot pass."""
    rng = np.random.default_rng()
    while True:  # redraw the rare relu network whose units are all silent, where dW1 is 0
        case = (int(rng.integers(100, 1_000_000)), int(rng.integers(2, 6)), "XOR",
                str(rng.choice(["tanh", "sigmoid", "relu"])))
        W1, W2 = hidden.initial_hidden_weights(case[0], case[1])
        if np.abs(hidden.hidden_gradients(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, case[3])[0]).max() > 1e-3:
            return case


def _hidden_slips(X, targets, W1, W2, activation: str) -> dict:
    """The typical wrong dW1 of a reader, by name: each one mistake in the chain rule."""
    chosen = network.get_activation(activation)
    hidden_out = chosen.function(X @ W1)
    output = chosen.function(np.hstack([hidden_out, np.ones((len(X), 1))]) @ W2)
    delta2 = (targets - output) * chosen.slope_from_output(output)
    return {"no hidden slope": X.T @ (delta2 @ W2[:-1].T),
            "tanh": hidden.hidden_gradients(X, targets, W1, W2, "tanh")[0]}


def _broadcast_of_the_bias_row(problem: _Failed, n_examples: int, n_hidden: int) -> bool:
    """Whether the reader's function crashed multiplying n_hidden + 1 columns by n_hidden."""
    shapes = (f"({n_examples},{n_hidden + 1}) ({n_examples},{n_hidden})",
              f"({n_examples},{n_hidden}) ({n_examples},{n_hidden + 1})")
    return "could not be broadcast" in str(problem) and any(s in str(problem) for s in shapes)


_BIAS_ROW = ("you sent the output's delta back through all of W2, its last row included. That row is the "
             "output's bias: its input is the constant 1, not a hidden unit, so nothing stands behind it. Send "
             "the delta back through the hidden units' weights only, W2 without its last row.")


def check_hidden_layer_step(function) -> Verdict:
    """Chapter 7: ``function(inputs, targets, W1, W2, activation)`` should return dW1, the step training adds
    to W1, for a network whose two layers both use ``activation``."""

    def run():
        X = hidden.XOR_INPUTS
        cases = [*_HIDDEN_CASES, _random_hidden_case()]
        for number, (seed, n_hidden, name, activation) in enumerate(cases):
            targets = hidden.XOR_TARGETS if name == "XOR" else network.POST_TARGETS
            W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
            given = (W1.copy(), W2.copy())
            try:
                got = _call(function, X, targets, *given, activation=activation)
            except _Failed as problem:
                if _broadcast_of_the_bias_row(problem, len(X), n_hidden):
                    raise _Failed(_BIAS_ROW) from None
                raise
            if not (np.array_equal(given[0], W1) and np.array_equal(given[1], W2)):
                raise _Failed("your function changed W1 or W2 (in place). Leave the weights as they are and "
                              "return dW1 alone.")
            if isinstance(got, tuple):
                raise _Failed(f"your function returned a tuple of {len(got)} things: return dW1 alone, one "
                              "NumPy array, not (dW1, dW2).")
            shape = getattr(got, "shape", None)
            if shape == (X.shape[1], n_hidden + 1):
                raise _Failed(_BIAS_ROW)
            if shape == (n_hidden, X.shape[1]) and n_hidden != X.shape[1]:
                raise _Failed(f"your dW1 is transposed: it has shape {shape}, a row per hidden unit. dW1 has the "
                              f"shape of W1, {W1.shape}: a row per input, a column per hidden unit.")
            got = _array(got, "dW1", shape=W1.shape)
            right = hidden.hidden_gradients(X, targets, W1, W2, activation)[0]
            if np.allclose(got, right, rtol=0, atol=_HIDDEN_ATOL):
                continue
            slips = _hidden_slips(X, targets, W1, W2, activation)
            transposed = [right.T] if right.shape[0] == right.shape[1] else []
            _name_the_slip(got, right, [
                (-right, "your dW1 has the wrong sign: it is the gradient, which points uphill. Return the "
                         "step that training adds to W1, minus the gradient, as for W2 and the one-layer "
                         "network of chapter 5."),
                (slips["tanh"], f"for activation {activation!r} your dW1 is the one for tanh: take f and its "
                                "slope from helpers.get_activation(activation), in both layers; do not write "
                                "tanh in."),
                (slips["no hidden slope"], "your dW1 leaves out the slope of the hidden layer: what comes back "
                                           "through W2 must still be multiplied by the activation's slope at "
                                           "each hidden unit's output, slope_from_output(hidden), before it "
                                           "reaches W1."),
                *((wrong, f"your dW1 is transposed: dW1 has the shape of W1, {W1.shape}, a row per input and "
                          "a column per hidden unit, and row i belongs to input i.") for wrong in transposed),
            ])
            if number == len(_HIDDEN_CASES):
                raise _Failed(f"it works for the networks checked first but not for seed {seed}, {n_hidden} "
                              f"hidden units and activation {activation!r}, drawn at random: compute dW1 from "
                              "the inputs, targets and weights you are given.")
            raise _Failed(f"for seed {seed}, {n_hidden} hidden units, activation {activation!r} and {name} your "
                          "dW1 differs from the step training takes. Check each line of the chain rule in turn: "
                          "the output's delta, the hidden layer's delta, then the product with the inputs.")

    return _verdict(run, "dW1 is the step training takes, for every network checked.")


# --- chapter 8 ------------------------------------------------------------------------------


def _fitted_mlp(hidden: tuple):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(hidden_layer_sizes=hidden, max_iter=20, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(network.POST_INPUTS, network.POST_TARGETS.ravel())


def check_count_parameters(function) -> Verdict:
    """Chapter 8: ``function(model)`` should count a fitted MLPClassifier's weights and biases."""

    def run():
        # Two hidden layers first: with one, the first layer's count equals all the weights' count.
        for hidden in [(4, 2), (2,)]:
            sizes = [3, *hidden, 1]
            weights = [a * b for a, b in zip(sizes[:-1], sizes[1:])]
            biases = sizes[1:]
            got = _call(function, _fitted_mlp(hidden))
            if isinstance(got, bool) or not isinstance(got, numbers.Integral):
                raise _Failed(f"for hidden layers {hidden} your count is {_short(got)}: a count should be one "
                              "whole number (an int).")
            total = sum(weights) + sum(biases)
            if got == total:
                continue
            _name_the_slip(got, total, [
                (sum(weights), f"for hidden layers {hidden} you counted only the weights; add the biases "
                               "(intercepts)."),
                (weights[0] + biases[0], f"for hidden layers {hidden} you counted only the first layer; count "
                                         "every layer's weights and biases."),
            ])
            raise _Failed(f"for hidden layers {hidden} your count is {got}; count every number in the "
                          "model's coefs_ and intercepts_ arrays.")

    return _verdict(run, "the right count for every shape of network checked.")

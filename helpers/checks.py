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


def _bias_column_cases() -> list:
    """Matrices to append a bias column to: the post's two real inputs, other shapes, integers."""
    rng = np.random.default_rng(2)
    return [network.POST_INPUTS[:, :2].copy(), rng.random((4, 3)) * 4 - 2, rng.random((6, 3)) * 4 - 2,
            np.arange(6).reshape(3, 2)]


def check_add_bias_column(function) -> Verdict:
    """Chapter 2: ``function(X)`` should return X with a column of ones appended, as a new float array."""

    def run():
        for i, X in enumerate(_bias_column_cases()):
            given, (n, k) = X.copy(), X.shape
            try:
                answer = _call(function, X)
            except _Failed:
                if i == 2:  # the first two cases have four rows, this one six
                    raise _Failed(f"it works for X of shape (4, 3) but not for shape {X.shape}: make the column of "
                                  "ones as tall as X, whatever its number of rows.") from None
                raise
            if not np.array_equal(X, given):
                raise _Failed(f"your function changed the X it was given (shape {X.shape}): build a new array "
                              "and leave X as it was.")
            what = f"the result for X of shape {X.shape}"
            shape = np.shape(answer)
            if shape == (n + 1, k):
                raise _Failed(f"{what} has shape {shape}: you added a row of ones. The bias is one more input of "
                              "every example, so it needs one more column.")
            if shape == (n, k):
                raise _Failed(f"{what} has the shape of X, {shape}: append a new column instead of overwriting "
                              "one of X's.")
            got = _array(answer, what, shape=(n, k + 1))
            ones = np.ones((n, 1))
            _name_the_slip(got, np.hstack([X, ones]), [
                (np.hstack([ones, X]), f"{what} has the ones in the FIRST column: append them on the right, as "
                                       "the last column, where the post keeps its bias input."),
                (np.hstack([X, 0 * ones]), f"{what} ends in a column of zeros: the new column should hold ones. "
                                           "An input of 0 switches the bias off."),
            ])
            if not np.array_equal(got[:, :k], X):
                raise _Failed(f"in {what} the first {k} columns differ from X: keep X's columns as they are.")
            if not np.all(got[:, k] == 1):
                raise _Failed(f"in {what} the last column is {_short(got[:, k])}: it should hold only ones.")
            if answer.dtype.kind != "f":
                raise _Failed(f"{what} has dtype {answer.dtype}: return floats, as the book's inputs are, even "
                              "when X holds integers. An integer array drops the fraction of any number written "
                              "into it later.")

    return _verdict(run, "a column of ones on the right, for any shape, and X left as it was.")


# --- chapter 3 ------------------------------------------------------------------------------


def _same_state(a, b) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(a, b))


def _generator_pair(answer) -> tuple:
    """The reader's two generators, once they are two np.random.Generator objects."""
    if not isinstance(answer, (tuple, list)):
        raise _Failed(f"your function should return a pair (weights_rng, data_rng); got type {type(answer).__name__}")
    if len(answer) != 2:
        raise _Failed(f"your function should return a pair (weights_rng, data_rng); got {len(answer)} values")
    for rng in answer:
        if rng is np.random:
            raise _Failed("your function returned np.random itself, NumPy's global generator, which every library "
                          "shares: return two Generator objects of your own.")
        if isinstance(rng, np.random.RandomState):
            raise _Failed("your function returned a RandomState, the legacy kind behind np.random.seed: return "
                          "np.random.Generator objects, as np.random.default_rng makes them.")
        if isinstance(rng, np.random.SeedSequence):
            raise _Failed("your function returned SeedSequence objects, which only hold seeds: turn each into a "
                          "Generator with np.random.default_rng.")
        if not isinstance(rng, np.random.Generator):
            raise _Failed(f"your function should return two np.random.Generator objects; got type {type(rng).__name__}")
    if answer[0] is answer[1] or answer[0].bit_generator is answer[1].bit_generator:
        raise _Failed("both parts get the same generator, so a draw in one part moves the other's numbers: give "
                      "each part a Generator of its own.")
    return tuple(answer)


def check_separate_generators(function) -> Verdict:
    """Chapter 3: ``function(seed)`` should give two reproducible generators that never share a stream."""

    def run():
        seeds = (0, 1, 2, 3, 10, 100, 1000, 12345)
        before = np.random.get_state()
        try:
            pairs = {seed: _generator_pair(_call(function, seed)) for seed in seeds}
            streams = {seed: [rng.random(4) for rng in pair] for seed, pair in pairs.items()}
            again = [rng.random(4) for rng in _generator_pair(_call(function, 1))]
            touched = not _same_state(np.random.get_state(), before)
        finally:
            np.random.set_state(before)  # undo the reader's np.random.seed, if any
        if not all(np.array_equal(a, b) for a, b in zip(again, streams[1])):
            raise _Failed("calling your function twice with seed 1 gives different numbers: make both generators "
                          "from the seed you are given.")
        if all(np.array_equal(streams[seed][0], streams[0][0]) for seed in seeds):
            raise _Failed("your generators give the same numbers for every seed: make them from the seed you are "
                          "given.")
        for seed, (weights, data) in streams.items():
            if np.array_equal(weights, data):
                raise _Failed(f"for seed {seed} your two generators draw the same numbers: both were seeded alike, "
                              "so the weights and the data would use one stream twice.")
        found = [(s, i, t, j) for s in seeds for t in seeds if s != t for i in (0, 1) for j in (0, 1)
                 if np.array_equal(streams[s][i], streams[t][j])]
        if found:
            s, i, t, j = found[0]
            names = ("weights_rng", "data_rng")
            raise _Failed(f"{names[i]} for seed {s} draws the same numbers as {names[j]} for seed {t}: two runs with "
                          "different seeds would share a stream. Derive both generators from the one seed instead "
                          "of from nearby seeds.")
        if touched:
            raise _Failed("the generators are right, but NumPy's global generator changed: do not seed or draw "
                          "from np.random.")

    return _verdict(run, "two reproducible generators for every seed, each with a stream of its own, and the "
                         "global generator left alone.")


# --- chapter 4 ------------------------------------------------------------------------------


_DEAD_W = np.array([[-0.582978, 0.5, 0.0, 1.5, 0.02364325, -0.2],
                    [-0.27967551, -2.0, 0.0, -0.5, 0.90092739, 0.3],
                    [-0.99988563, -1.0, 0.0, -1.0, -0.71168077, -0.1]])
"""Six relu units for the post's inputs: the post's seed-1 weights (dead), a unit with a positive weight whose
sums are all negative (dead), all zeros (every sum exactly 0: dead), a unit whose only positive sum is on the
third example (alive), the symmetric seed-1 weights (alive), and small mixed weights (alive)."""


def check_dead_units(function) -> Verdict:
    """Chapter 4: ``function(X, W)`` should flag the relu units whose sums are at most 0 on every row of X."""

    def run():
        X, W = network.POST_INPUTS, _DEAD_W
        n_units = W.shape[1]
        got = _call(function, X, W)
        if isinstance(got, np.ndarray) and got.shape != (n_units,):
            raise _Failed(f"return one answer per unit, that is per column of W: for {n_units} units, shape "
                          f"{(n_units,)}; got shape {got.shape}")
        got = _array(got, f"the answer for the post's inputs and {n_units} units", shape=(n_units,))
        sums = X @ W
        right = np.all(sums <= 0, axis=0)
        if not np.array_equal(got, right):
            if np.array_equal(got, ~right):
                raise _Failed("your answer is True for the units that are alive and False for the dead ones: "
                              "turn it round.")
            if np.array_equal(got, np.all(sums < 0, axis=0)):
                raise _Failed("unit 2 has every sum exactly 0, and your answer says it is alive. relu gives 0 "
                              "there and its slope is taken as 0, so that unit is dead too: its sums must be at "
                              "most 0, not below 0.")
            if np.array_equal(got, np.any(sums <= 0, axis=0)):
                raise _Failed("unit 3's sum is positive for the third example, yet your answer says it is dead. "
                              "A unit still learns from the examples where its sum is positive: it is dead only "
                              "if its sum is at most 0 for EVERY example.")
            if np.array_equal(got, np.all(W < 0, axis=0)) or np.array_equal(got, np.all(W <= 0, axis=0)):
                raise _Failed("unit 1 has a positive weight, yet every one of its sums is negative, so it is "
                              "dead: look at the sums X @ W, not at the signs of the weights.")
            k = int(np.flatnonzero(got != right)[0])
            raise _Failed(f"unit {k} has the sums {_short(sums[:, k])}, so it is {'dead' if right[k] else 'alive'}, "
                          f"but your answer is {bool(got[k])}.")
        rng = np.random.default_rng(4)
        X2, W2 = rng.random((5, 4)), rng.normal(0, 1, (4, 7))
        W2[:, 3] = -np.abs(W2[:, 3])  # inputs of at least 0: every sum of unit 3 is negative
        got2 = _array(_call(function, X2, W2), "the answer for 5 other examples and 7 units", shape=(7,))
        right2 = np.all(X2 @ W2 <= 0, axis=0)
        if not np.array_equal(got2, right2):
            raise _Failed("it works for the post's inputs but not for 5 other examples of 4 inputs and 7 units: "
                          "compute the sums from the X and W you are given.")

    return _verdict(run, "one answer per unit, dead exactly when no example gives it a positive sum.")


class _NamedRng:
    """A NumPy Generator that shows as ``rng`` in feedback (not as an object at a memory address)."""

    def __init__(self, seed: int):
        self._rng = np.random.default_rng(seed)

    def __getattr__(self, name):
        return getattr(self._rng, name)

    def __repr__(self) -> str:
        return "rng"


def check_lecun_normal(function) -> Verdict:
    """Chapter 4: ``function(rng, n_inputs, n_units)`` should draw LeCun normal weights, bias row included."""

    def run():
        for n_inputs, n_units in [(4, 20_000), (9, 10_000)]:
            fan_in = n_inputs + 1
            got = _call(function, _NamedRng(0), n_inputs, n_units)
            what = f"the weights for n_inputs {n_inputs} and n_units {n_units}"
            if isinstance(got, np.ndarray) and got.shape == (n_inputs, n_units):
                raise _Failed(f"{what} should have shape {(fan_in, n_units)}, one row for each input and one "
                              f"more for the bias input; got shape {got.shape}")
            if isinstance(got, np.ndarray) and got.shape == (n_units, fan_in):
                raise _Failed(f"{what} should have shape {(fan_in, n_units)}: a row per input (the bias input "
                              f"last), a column per unit; got shape {got.shape}")
            draws = _array(got, what, shape=(fan_in, n_units))
            mean, variance, right = draws.mean(), draws.var(), 1 / fan_in
            if abs(mean) > 0.01:
                raise _Failed(f"{what} have mean {mean:.3f}: LeCun's weights are centred on 0.")
            if abs(variance / right - 1) > 0.03:
                slips = [
                    (1 / n_inputs, "you left the bias input out of the fan-in: each unit adds up n_inputs inputs "
                                   "and the bias input, n_inputs + 1 in all."),
                    (1 / n_units, "your variance is 1 over the number of units, the fan-out: LeCun's rule divides "
                                  "by the fan-in, the number of inputs each unit adds up."),
                    (1 / fan_in**2, "your weights have standard deviation 1/fan-in, so variance 1/fan-in squared. "
                                    "rng.normal's scale is the standard deviation: the square root of the "
                                    "variance."),
                    (1 / 3, "your weights have variance 1/3 whatever the layer: that is our layer's fan-in, 3. "
                            "Compute the fan-in from n_inputs."),
                    (2 / fan_in, "your variance is 2/fan-in, He's rule for relu; LeCun's is 1/fan-in."),
                    (1 / (3 * fan_in) if np.abs(draws).max() <= np.sqrt(right) else np.nan,
                     "your weights look uniform in [-s, s) with s the standard deviation you want, but such "
                     "numbers have variance s**2/3. LeCun's rule here asks for a normal distribution: rng.normal."),
                ]
                for wrong, message in slips:
                    if abs(variance / wrong - 1) < 0.05:
                        raise _Failed(message)
                raise _Failed(f"{what} have variance {variance:.4f}, but LeCun's rule for {n_inputs} inputs and "
                              f"the bias input asks for 1/{fan_in} = {right:.4f}.")
            beyond = np.mean(np.abs(draws) > 2 * np.sqrt(right))
            if beyond < 0.02:
                raise _Failed(f"{what} have the right variance, but hardly any lies more than two standard "
                              f"deviations from 0 ({beyond:.1%}; a normal distribution puts about 4.6% there): "
                              "they look uniform. Draw them with rng.normal.")
        small = [_call(function, _NamedRng(seed), 2, 3) for seed in (3, 3, 4)]
        small = [_array(weights, "the weights for n_inputs 2 and n_units 3", shape=(3, 3)) for weights in small]
        if not np.array_equal(small[0], small[1]):
            raise _Failed("two generators with the same seed gave different weights: draw them with the rng you "
                          "are given, not with np.random.")
        if np.array_equal(small[0], small[2]):
            raise _Failed("two generators with different seeds gave the same weights: draw them with the rng you "
                          "are given.")

    return _verdict(run, "the right shape, mean 0, LeCun's variance, normal, and reproducible.")


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


_BOUNDARY_CASES = [  # (w1, w2, w3), x2, threshold: every slip below gives another answer
    ((2.5, -1.2, 0.4), 1.0, 0.7),
    ((-4.0, 0.8, 1.5), 0.5, -0.3),
    ((7.16, -0.02, -0.05), 0.0, 0.5),
]


def _boundary_slips(w1: float, w2: float, w3: float, x2: float, threshold: float) -> list:
    """(answer, message) for the typical wrong ways of solving tanh(w1 x1 + w2 x2 + w3) = threshold."""
    z = np.arctanh(threshold)
    rest = w2 * x2 + w3
    return [
        ((threshold - rest) / w1, "you set the weighted sum itself equal to the threshold. The threshold is on the "
                                  "output tanh(z): undo tanh first, with its inverse artanh (np.arctanh)."),
        ((np.tanh(threshold) - rest) / w1, "you applied tanh to the threshold; you need its inverse, artanh "
                                           "(np.arctanh), to find the weighted sum where the output equals it."),
        ((np.arctan(threshold) - rest) / w1, "np.arctan is the inverse of the tangent, not of tanh: use np.arctanh."),
        (z / w1, "you kept only the first weight: the weighted sum of [x1, x2, 1] also holds w2 * x2 and the "
                 "bias w3."),
        ((z - w2 * x2) / w1, "you left out the bias: the third input is 1, so w3 is added to the sum."),
        ((z - w3) / w1, "you left out the second input: w2 * x2 is part of the weighted sum too."),
        ((z + rest) / w1, "w2 * x2 + w3 has the wrong sign: moved to the other side of the equation, it is "
                          "subtracted from artanh(threshold)."),
        (w1 / (z - rest), "your answer is upside down: solving w1 * x1 = (the rest) for x1 divides by w1."),
    ]


def check_boundary_input(function) -> Verdict:
    """Chapter 6: ``function(w, x2, threshold)`` should give the x1 at which the output for [x1, x2, 1]
    equals ``threshold``."""

    def run():
        for weights, x2, threshold in _BOUNDARY_CASES:
            w = np.array(weights).reshape(3, 1)
            w1, w2, w3 = weights
            shown = f"for w = {list(weights)}, x2 = {x2} and threshold {threshold}"
            answer = _call(function, w.copy(), x2, threshold)
            if isinstance(answer, np.ndarray) and answer.shape in [(1,), (1, 1)]:
                raise _Failed(f"{shown} your x1 is an array of shape {np.shape(answer)}, not one number: w has "
                              "shape (3, 1), so w[0] is a row of one weight; w[0, 0] is the weight itself.")
            got = _number(answer, f"the x1 {shown}")
            right = (np.arctanh(threshold) - (w2 * x2 + w3)) / w1
            if np.isclose(got, right, rtol=1e-9, atol=1e-12):
                continue
            _name_the_slip(got, right, [(wrong, f"{shown}: {message}")
                                        for wrong, message in _boundary_slips(w1, w2, w3, x2, threshold)])
            output = np.tanh(w1 * got + w2 * x2 + w3)
            raise _Failed(f"{shown} your x1 is {got:.4f}, but the output there is {output:.4f}, not the "
                          "threshold. Write the weighted sum of [x1, x2, 1], set its tanh equal to the "
                          "threshold and solve for x1.")

    return _verdict(run, "the output crosses the threshold exactly at your x1, for every case checked.")


# --- chapter 7 ------------------------------------------------------------------------------

_TRAINER_CASES = [(0, 2, "XOR", 0.25, 40), (3, 3, "the post's targets", 0.5, 25), (7, 4, "XOR", 0.1, 60)]
"""(seed, hidden units, targets, learning rate, iterations) of the runs ``check_train_two_layer`` tries
first, in order. One more run, drawn at random each time the check runs, follows them
(``_random_trainer_case``)."""

_TRAINER_ATOL = 1e-9
"""Loose enough for sums taken in another order, tight enough for every slip."""


_RANDOM_TRAINER_RATES = (0.05, 0.1, 0.2)
"""The learning rates of the random run: low enough that rounding differences stay far below
``_TRAINER_ATOL`` (at 0.2 they stay below 1e-13)."""


def _random_trainer_case() -> tuple:
    """A run none of the fixed cases is: so that a table of the fixed answers cannot pass. Its rates
    stay at most 0.2: at 0.4 some runs (seed 949955, 5 hidden units, 43 steps) grow a rounding
    difference of 1e-16 past ``_TRAINER_ATOL``, failing a right trainer that sums in another order."""
    rng = np.random.default_rng()
    return (int(rng.integers(100, 1_000_000)), int(rng.integers(2, 6)), "XOR",
            float(rng.choice(_RANDOM_TRAINER_RATES)), int(rng.integers(10, 50)))


def _two_layer_slip(X, targets, W1, W2, learning_rate, iterations, slope_at_sum=False, new_W2=False):
    """The final weights of a reader's trainer with one slip: the slope taken at the weighted sum
    instead of the output (in both layers), or W1's step computed with W2 already moved."""
    W1, W2 = W1.copy(), W2.copy()
    for _ in range(iterations):
        z1 = X @ W1
        hidden_out = np.tanh(z1)
        with_one = np.hstack([hidden_out, np.ones((len(X), 1))])
        z2 = with_one @ W2
        output = np.tanh(z2)
        delta2 = (targets - output) * (1 - (z2 if slope_at_sum else output) ** 2)
        step2 = with_one.T @ delta2
        if new_W2:
            W2 = W2 + learning_rate * step2
        delta1 = (delta2 @ W2[:-1].T) * (1 - (z1 if slope_at_sum else hidden_out) ** 2)
        W1 = W1 + learning_rate * (X.T @ delta1)
        if not new_W2:
            W2 = W2 + learning_rate * step2
    return W1, W2


def _broadcast_of_the_bias_row(problem: _Failed, n_examples: int, n_hidden: int) -> bool:
    """Whether the reader's function crashed multiplying n_hidden + 1 columns by n_hidden."""
    shapes = (f"({n_examples},{n_hidden + 1}) ({n_examples},{n_hidden})",
              f"({n_examples},{n_hidden}) ({n_examples},{n_hidden + 1})")
    return "could not be broadcast" in str(problem) and any(s in str(problem) for s in shapes)


def _missing_ones_column(problem: _Failed, n_hidden: int) -> bool:
    """Whether the reader's function crashed for want of the column of ones after the hidden outputs:
    in the forward pass (n_hidden columns times n_hidden + 1 rows) or in W2's step (n_hidden rows)."""
    text = str(problem)
    product = "matmul" in text and f"size {n_hidden + 1} is different from {n_hidden}" in text
    step = "could not be broadcast" in text and any(
        f"({a},1) ({b},1)" in text for a, b in ((n_hidden + 1, n_hidden), (n_hidden, n_hidden + 1)))
    return product or step


_BIAS_ROW = ("you sent the output's delta back through all of W2, its last row included. That row is the "
             "output's bias: its input is the constant 1, not a hidden unit, so nothing stands behind it. Send "
             "the delta back through the hidden units' weights only, W2 without its last row.")
_ONES = ("the output unit's inputs are the hidden outputs AND a column of ones, for its bias, the last row of "
         "W2: append that column to the hidden outputs, in the forward pass and in the step for W2.")


def _same_pair(got, right, atol: float = _TRAINER_ATOL) -> bool:
    return all(np.allclose(a, b, rtol=0, atol=atol) for a, b in zip(got, right))


def _name_the_trainer_slip(function, X, targets, W1, W2, rate, iterations, final) -> None:
    """Fail with the slip the reader's trainer makes: a step too few or too many, seen in the whole run;
    the others, seen in a single step, where the weights stay finite (the slope at the sum makes long
    runs overflow)."""
    with np.errstate(all="ignore"):
        for steps, words in ((iterations - 1, "one too few"), (iterations + 1, "one too many")):
            if final is not None and _same_pair(final, _two_layer_slip(X, targets, W1, W2, rate, steps)):
                raise _Failed(f"your weights are those after {steps} steps, {words}: take exactly "
                              f"{iterations} steps.")
        got = _call(function, X.copy(), targets.copy(), W1.copy(), W2.copy(), rate, 1)
        one = _two_layer_slip(X, targets, W1, W2, rate, 1)
        if not (isinstance(got, (tuple, list)) and len(got) == 2 and np.shape(got[0]) == W1.shape
                and np.shape(got[1]) == W2.shape):
            return
        got = (np.asarray(got[0], dtype=float), np.asarray(got[1], dtype=float))
        if not _same_pair(got, one):
            slips = [
                (_two_layer_slip(X, targets, W1, W2, rate, 1, new_W2=True),
                 "you moved W2 before computing W1's step, so the hidden delta used the new W2. Both steps "
                 "must come from the same weights: compute both deltas first, then update both matrices."),
                (_two_layer_slip(X, targets, W1, W2, rate, 1, slope_at_sum=True),
                 "your slope is taken at the weighted sum, 1 - z**2. The slope of tanh is 1 - tanh(z)**2: "
                 "1 minus the square of the layer's OUTPUT, for the output unit and the hidden units alike."),
                (_two_layer_slip(X, targets, W1, W2, -rate, 1),
                 "your steps have the wrong sign: they move the weights so that the error grows. The error "
                 "is targets minus outputs, and each step adds the learning rate times it."),
                (_two_layer_slip(X, targets, W1, W2, 1.0, 1),
                 f"your weights are right for learning rate 1 but not for {rate}: scale both steps by the "
                 "learning rate you are given."),
            ]
            for wrong, message in slips:
                if _same_pair(got, wrong) and not _same_pair(wrong, one):
                    raise _Failed(message)


def check_train_two_layer(function) -> Verdict:
    """Chapter 7: ``function(X, targets, W1, W2, learning_rate, iterations)`` should return the final
    ``(W1, W2)`` of the two-layer tanh network after ``iterations`` full-batch steps, as
    ``helpers.hidden.train_hidden`` takes them, leaving its arguments unchanged."""

    def run():
        X = hidden.XOR_INPUTS
        cases = [*_TRAINER_CASES, _random_trainer_case()]
        for number, (seed, n_hidden, name, rate, iterations) in enumerate(cases):
            targets = hidden.XOR_TARGETS if name == "XOR" else network.POST_TARGETS
            W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
            given = [X.copy(), targets.copy(), W1.copy(), W2.copy()]
            where = f"for seed {seed}, {n_hidden} hidden units, {name}, rate {rate} and {iterations} iterations"
            try:
                with np.errstate(over="ignore", invalid="ignore"):  # a slip may overflow: it is named below
                    got = _call(function, *given, rate, iterations)
            except _Failed as problem:
                if _broadcast_of_the_bias_row(problem, len(X), n_hidden):
                    raise _Failed(_BIAS_ROW) from None
                if _missing_ones_column(problem, n_hidden):
                    raise _Failed(_ONES) from None
                raise
            if not all(np.array_equal(a, b) for a, b in zip(given, [X, targets, W1, W2])):
                raise _Failed("your function changed the arrays it was given (in place), so the caller's "
                              "starting weights are lost. Work on copies, or write W = W + step rather than "
                              "W += step.")
            if not isinstance(got, (tuple, list)) or len(got) != 2:
                raise _Failed(f"your function returned {_short(got)}: return the two final weight matrices, "
                              "as a pair (W1 first, then W2).")
            if np.shape(got[0]) == W2.shape and np.shape(got[1]) == W1.shape:
                raise _Failed("your function returned the weights in the wrong order: W1 first, then W2.")
            new1 = _ndarray(got[0], "the final W1", shape=W1.shape)
            new2 = _ndarray(got[1], "the final W2", shape=W2.shape)
            for value, what in ((new1, "the final W1"), (new2, "the final W2")):
                if value.dtype.kind not in ("b", "i", "u", "f"):
                    raise _Failed(f"{what} should be numbers; got {_short(value)}")
            trained = hidden.train_hidden(X, targets, W1, W2, "tanh", iterations, rate)
            right = (trained.final_W1, trained.final_W2)
            finite = np.all(np.isfinite(new1)) and np.all(np.isfinite(new2))
            if finite and _same_pair((new1, new2), right):
                continue
            if finite and np.array_equal(new1, W1) and np.array_equal(new2, W2):
                raise _Failed(f"{where} your weights are the starting weights: train them, "
                              f"{iterations} steps, and return the weights after the last one.")
            if finite and new2[-1, 0] == W2[-1, 0]:
                raise _Failed("the output's bias, the last entry of W2, never moved: " + _ONES)
            _name_the_trainer_slip(function, X, targets, W1, W2, rate, iterations, (new1, new2) if finite else None)
            _numbers(new1, "the final W1"), _numbers(new2, "the final W2")
            if number == len(_TRAINER_CASES):
                raise _Failed(f"it works for the runs checked first but not {where}, drawn at random: train "
                              "the weights you are given, with the rate and number of steps you are given.")
            raise _Failed(f"{where} your final weights differ from those of helpers.hidden.train_hidden. Check "
                          "each line of a step in turn: the forward pass, the output's delta, the hidden "
                          "delta, then both updates.")

    return _verdict(run, "your trainer takes the same steps as helpers.hidden.train_hidden, for every run checked.")


# --- chapter 8 ------------------------------------------------------------------------------


def _fitted_mlp(hidden: tuple):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(hidden_layer_sizes=hidden, max_iter=20, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(network.POST_INPUTS, network.POST_TARGETS.ravel())


def _layer_sizes(model) -> list:
    """The layer sizes of a fitted MLPClassifier, read from the shapes of its ``coefs_``."""
    return [model.coefs_[0].shape[0], *(c.shape[1] for c in model.coefs_)]


def check_count_parameters(function) -> Verdict:
    """Chapter 8: ``function(layer_sizes)`` should count the weights and biases of an MLP with those layers."""

    def run():
        # Two hidden layers first: with one, the first layer's count equals all the weights' count.
        for hidden in [(4, 2), (10, 5, 3), (2,)]:
            model = _fitted_mlp(hidden)
            sizes = _layer_sizes(model)
            given = list(sizes)
            got = _call(function, given)
            if given != sizes:
                raise _Failed("your function changed the list of layer sizes it was given: read it, do not "
                              "change it.")
            if isinstance(got, bool) or not isinstance(got, numbers.Integral):
                raise _Failed(f"for layer sizes {sizes} your count is {_short(got)}: a count should be one "
                              "whole number (an int).")
            total = sum(c.size for c in model.coefs_) + sum(b.size for b in model.intercepts_)
            if got == total:
                continue
            weights = [a * b for a, b in zip(sizes[:-1], sizes[1:])]
            _name_the_slip(got, total, [
                (sum(weights), f"for layer sizes {sizes} you counted only the weights; add one bias "
                               "(intercept) for every unit after the inputs."),
                (sum(weights) + sum(sizes), f"for layer sizes {sizes} you gave the inputs biases too; only the "
                                            "units after the inputs have one."),
                (total - sizes[-1] * (sizes[-2] + 1), f"for layer sizes {sizes} you left out the output layer: "
                                                      "its weights and bias count too."),
                (weights[0] + sizes[1], f"for layer sizes {sizes} you counted only the first layer; count every "
                                        "layer's weights and biases."),
                (sum(sizes), f"for layer sizes {sizes} you counted the units; count the numbers training "
                             "adjusts: a weight for each pair of units in neighbouring layers, and a bias for "
                             "each unit after the inputs."),
            ])
            raise _Failed(f"for layer sizes {sizes} your count is {got}, but the fitted model's coefs_ and "
                          f"intercepts_ hold {total} numbers.")

    return _verdict(run, "your counts match the fitted models' coefs_ and intercepts_ for every network checked.")


def _cross_entropy_by_sigmoid(X, targets, w, learning_rate, iterations):
    """Independent route: the sigmoid from 2w at four times the rate on 0/1 targets, halved back."""
    v, labels = 2 * w, (targets + 1) / 2
    for _ in range(iterations):
        v = v + 4 * learning_rate * X.T @ (labels - network.sigmoid(X @ v))
    return v / 2


def _tanh_run(X, targets, w, learning_rate, iterations, delta, sign=1):
    """Full-batch steps ``w + sign * rate * X.T @ delta(targets, X @ w)``: the slips of the exercise."""
    for _ in range(iterations):
        w = w + sign * learning_rate * X.T @ delta(targets, X @ w)
    return w


def _cross_entropy_cases() -> list:
    rng = np.random.default_rng(8)
    X = np.hstack([rng.random((6, 2)), np.ones((6, 1))])
    return [
        (network.POST_INPUTS, 2 * network.POST_TARGETS - 1, network.initial_weights(1, "post"), 0.25, 6),
        (X, np.where(rng.random((6, 1)) < 0.5, -1.0, 1.0), network.initial_weights(3, "glorot"), 0.1, 20),
    ]


def check_train_cross_entropy(function) -> Verdict:
    """Chapter 8: ``function(X, targets, w, learning_rate, iterations)``: tanh trained on the cross-entropy."""

    def run():
        for X, targets, w, rate, iterations in _cross_entropy_cases():
            given = w.copy()
            got = _array(_call(function, X, targets, given, rate, iterations), "the weights", shape=w.shape)
            if not np.array_equal(given, w):
                raise _Failed("your function changed the weights it was given (in place). Leave w as it is and "
                              "return new weights, for example w = w + step instead of w += step.")
            right = _cross_entropy_by_sigmoid(X, targets, w, rate, iterations)
            if np.allclose(got, right, rtol=0, atol=1e-10):
                continue
            _check_uses_w(got, function, X, targets, -w, rate, iterations)
            error = lambda t, z: t - np.tanh(z)  # noqa: E731 - the step every slip starts from
            n = len(X)
            _name_the_slip(got, right, [
                (_tanh_run(X, targets, w, rate, iterations, lambda t, z: error(t, z) * (1 - np.tanh(z) ** 2)),
                 "you multiplied the error by the slope of tanh: that is the squared error's step. The "
                 "cross-entropy's gradient in z is already y - t: the slope cancels."),
                (_tanh_run(X, targets, w, rate, iterations, error, sign=-1),
                 "your steps have the wrong sign: they climb the loss. Training adds rate * X.T @ (minus the "
                 "gradient)."),
                (_tanh_run(X, targets, w, rate / n, iterations, error),
                 f"your steps are 1/{n} of the right ones: you took the gradient of the MEAN loss over the "
                 f"{n} examples. This trainer, like the book's, lowers their SUM."),
                (_tanh_run(X, targets, w, rate / 2, iterations, error),
                 "your steps are half the right ones: p = (1 + tanh z)/2 is sigmoid(2z), not sigmoid(z), so "
                 "the chain rule brings a factor 2."),
                (_tanh_run(X, targets, w, rate, iterations, lambda t, z: t - network.sigmoid(z)),
                 "you used the sigmoid as the output: this network's output is y = tanh(X @ w), read as the "
                 "probability (1 + y)/2."),
                (_tanh_run(X, targets, w, rate, 1, error),
                 f"you took one step, not {iterations}: repeat the step `iterations` times."),
                (_tanh_run(X, targets, w, 1.0, iterations, error),
                 f"your steps ignore the learning rate {rate}: scale each step by it."),
            ])
            raise _Failed(f"for {len(X)} examples, learning rate {rate} and {iterations} steps your weights "
                          "differ from training on the cross-entropy. Check the step: the gradient of the "
                          "summed cross-entropy of (1 + y)/2 with respect to w.")

    return _verdict(run, "your trainer takes the cross-entropy's steps on every case checked.")

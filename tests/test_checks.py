"""Every exercise check against right answers, every typical wrong answer it names, broken answers
and stubs; and the teacher's solutions, taken from the notebooks, against their checks.

The table WRONG pins the whole message each wrong answer gets: the feedback is what a student
reads, so a change of wording should be a deliberate change of this table too.
"""

import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import helpers
from helpers import checks, network

ROOT = Path(__file__).resolve().parent.parent
CHECKS = [
    checks.check_tanh_slope_from_output,
    checks.check_targets_from_inputs,
    checks.check_post_starting_weights,
    checks.check_symmetric_uniform,
    checks.check_glorot_limit,
    checks.check_train_until,
    checks.check_gradient,
    checks.check_largest_stable_rate,
    checks.check_to_labels,
    checks.check_hidden_layer_step,
    checks.check_count_parameters,
]


def stub(*args, **kwargs):
    raise NotImplementedError("write this function")


def crashes(*args, **kwargs):
    return {}["no such key"]


def forgets_return(*args, **kwargs):
    _ = args


def name(check):
    return check.__name__.removeprefix("check_")


# --- answers, right and wrong -------------------------------------------------------------


def until(X, targets, w, learning_rate, tolerance, max_iterations, slope=network.tanh_slope, sign=1,
          measure=np.mean, late=False, limit=True, extra=0):
    """train_until, or a slip: another slope, sign or error measure, one step late, no limit, a miscount."""
    steps = 0
    while True:
        y = np.tanh(X @ w)
        below = measure((targets - y) ** 2) < tolerance
        if (below and not late) or (limit and steps == max_iterations):
            return w, steps + extra
        w = w + sign * learning_rate * (X.T @ ((targets - y) * slope(y)))
        steps += 1
        if below:
            return w, steps + extra


def until_in_place(X, targets, w, learning_rate, tolerance, max_iterations):
    w += until(X, targets, w, learning_rate, tolerance, max_iterations)[0] - w
    return w, until(X, targets, w, learning_rate, tolerance, max_iterations)[1]


def stable_rate(X, targets, rows=None, eigenvalue=-1, power=1.0):
    """2 / lambda for the bowl of the target-0 rows, or a slip: other rows, eigenvalue or power."""
    A = X[targets.ravel() == 0] if rows is None else X[rows]
    return 2 / np.linalg.eigvalsh(A.T @ A)[eigenvalue] ** power


def gradient(X, targets, w, activation="tanh"):
    f, slope = network.get_activation(activation)[1:]
    y = f(X @ w)
    return -X.T @ ((targets - y) * slope(y))


def hidden_step(inputs, targets, W1, W2, activation="tanh", slope=True, bias_row=False, sign=1):
    """dW1 of the two-layer network, or a slip: no hidden slope, the bias row of W2, the sign."""
    f, slope_from_output = network.get_activation(activation)[1:]
    hidden = f(inputs @ W1)
    output = f(np.hstack([hidden, np.ones((len(inputs), 1))]) @ W2)
    delta2 = (targets - output) * slope_from_output(output)
    back = delta2 @ (W2 if bias_row else W2[:-1]).T
    delta1 = back * slope_from_output(hidden) if slope else back
    return sign * (inputs.T @ delta1)


def hidden_step_by_differences(inputs, targets, W1, W2, activation="tanh", eps=1e-5):
    """dW1 by central differences of the loss, no chain rule at all: close enough is right."""
    f = network.get_activation(activation).function

    def loss(V):
        hidden = f(inputs @ V)
        output = f(np.hstack([hidden, np.ones((len(inputs), 1))]) @ W2)
        return 0.5 * np.sum((targets - output) ** 2)

    grad = np.zeros_like(W1)
    for index in np.ndindex(W1.shape):
        nudge = np.zeros_like(W1)
        nudge[index] = eps
        grad[index] = (loss(W1 + nudge) - loss(W1 - nudge)) / (2 * eps)
    return -grad


def hidden_step_transposed_when_square(inputs, targets, W1, W2, activation="tanh"):
    """Transposed only where the transpose has W1's shape: the check must notice by the values."""
    step = hidden_step(inputs, targets, W1, W2, activation)
    return step.T if step.shape[0] == step.shape[1] else step


def hidden_step_in_place(inputs, targets, W1, W2, activation="tanh"):
    step = hidden_step(inputs, targets, W1, W2, activation)
    W1 += step
    return step


def hidden_step_table():
    """A table of the right answers for the fixed networks only, zeros for any other."""
    table = {}
    for seed, n_hidden, name, activation in checks._HIDDEN_CASES:
        targets = helpers.hidden.XOR_TARGETS if name == "XOR" else network.POST_TARGETS
        W1, W2 = helpers.hidden.initial_hidden_weights(seed, n_hidden)
        table[W1.tobytes()] = helpers.hidden.hidden_gradients(helpers.hidden.XOR_INPUTS, targets, W1, W2,
                                                              activation)[0]
    return lambda i, t, W1, W2, activation: table.get(W1.tobytes(), np.zeros_like(W1))


def count(model):
    return sum(a.size for a in model.coefs_) + sum(b.size for b in model.intercepts_)


def global_seed(seed):
    np.random.seed(seed)
    return np.random.random((3, 1)) - 1


def extra_global_draw(seed):
    np.random.random()
    return np.random.RandomState(seed).random_sample((3, 1)) - 1


def evenly(rng, shape, limit, endpoint=False, low=None):
    """Not random at all: evenly spaced numbers from low (default -limit) to limit."""
    return np.linspace(-limit if low is None else low, limit, np.prod(shape), endpoint=endpoint).reshape(shape)


def hole_in_the_middle(rng, shape, limit):
    """Uniform, except that the draws near 0 are flung out over the whole interval."""
    draws = limit * (2 * rng.random(shape) - 1)
    return np.where(abs(draws) < limit / 5, draws * 5, draws)


def labels(outputs, threshold=0.5):
    return (np.asarray(outputs) > threshold).astype(int)


RIGHT = {
    checks.check_tanh_slope_from_output: [lambda y: 1 - y**2, lambda y: 1 - y**2 + 5e-7],
    checks.check_targets_from_inputs: [
        lambda x: np.asarray(x, dtype=float)[:, [0]],
        lambda x: x[:, :1],  # a view of the inputs: training never writes to the targets
        lambda x: x[:, [0]] == 1,
        lambda x: x[:, [0]].astype(int),
        lambda x: x[:, [0]].astype(np.uint8),
    ],
    checks.check_post_starting_weights: [lambda seed: np.random.RandomState(seed).random_sample((3, 1)) - 1],
    checks.check_symmetric_uniform: [
        lambda rng, shape, limit: limit * (2 * rng.random(shape) - 1),
        lambda rng, shape, limit: (rng.random(shape) - 0.5) * 2 * limit,
    ],
    checks.check_glorot_limit: [lambda fan_in, fan_out: np.sqrt(6 / (fan_in + fan_out)),
                                lambda fan_in, fan_out: (6 / (fan_in + fan_out)) ** 0.5],
    checks.check_train_until: [until, lambda X, t, w, lr, tol, n: (until(X, t, w, lr, tol, n)[0] + 5e-11,
                                                                  np.int64(until(X, t, w, lr, tol, n)[1]))],
    checks.check_gradient: [gradient, lambda X, t, w, activation="tanh": gradient(X, t, w, activation) + 5e-7],
    checks.check_largest_stable_rate: [stable_rate, lambda X, t: np.float64(stable_rate(X, t) * (1 + 1e-12))],
    checks.check_to_labels: [labels, lambda outputs, threshold: np.where(outputs > threshold, 1, 0).astype(np.uint8)],
    checks.check_hidden_layer_step: [
        hidden_step,
        lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2, activation) + 5e-8,
        lambda i, t, W1, W2, activation: helpers.hidden.hidden_gradients(i, t, W1, W2, activation)[0],
        hidden_step_by_differences,
        lambda i, t, W1, W2, activation: hidden_step_by_differences(i, t, W1, W2, activation, eps=1e-6),
        lambda i, t, W1, W2, activation: hidden_step_by_differences(i, t, W1, W2, activation, eps=1e-4),
    ],
    checks.check_count_parameters: [count, lambda model: np.int64(count(model))],
}
POST = network.post_tanh_slope
# (check, wrong answer, the whole message after "Not yet right: ")
WRONG = {
    # chapter 1
    "slope: the post's": (checks.check_tanh_slope_from_output, POST, 
        "this is the post's slope 1 - tanh(4y), which this chapter shows is not the slope of tanh: at y = 0.5 it gives 0.036, but the curve's slope there is 0.75."),
    "slope: tanh applied again": (checks.check_tanh_slope_from_output, lambda y: 1 - np.tanh(y) ** 2, 
        "your function applies tanh to y again, giving the slope at z = y. But y is already tanh's output: write the slope with y itself."),
    "slope: not symmetric": (checks.check_tanh_slope_from_output, lambda y: 1 - y, 
        'your slope is 1.995055 at y = -0.995 but 0.004945 at y = 0.995. tanh is as steep at -y as at y: its slope should be the same on both sides.'),
    "slope: barely not symmetric": (checks.check_tanh_slope_from_output, lambda y: 1 - y**2 + 2e-4 * y, 
        'your slope is 0.009667 at y = -0.995 but 0.010065 at y = 0.995. tanh is as steep at -y as at y: its slope should be the same on both sides.'),
    "slope: 1 - abs(y)": (checks.check_tanh_slope_from_output, lambda y: 1 - abs(y), 
        "at the output y = -0.462 (input z = -0.5) your slope is 0.537883, but the curve's measured slope there is about 0.786448. The slope should be 1 at y = 0 and shrink towards 0 as y nears -1 or 1."),
    "slope: slightly off": (checks.check_tanh_slope_from_output, lambda y: (1 - y**2) * (1 + 2e-6), 
        "at the output y = 0.000 (input z = 0.0) your slope is 1.000002, but the curve's measured slope there is about 1.000000. The slope should be 1 at y = 0 and shrink towards 0 as y nears -1 or 1."),
    "slope: steeper on one side": (checks.check_tanh_slope_from_output, lambda y: (1 - y**2) * (1 + y / 2), 
        'your slope is 0.604732 at y = -0.462 but 0.968163 at y = 0.462. tanh is as steep at -y as at y: its slope should be the same on both sides.'),
    "slope: a list": (checks.check_tanh_slope_from_output, lambda y: list(1 - y**2), 
        'your function returned a list (the result), not a NumPy array: return an array (np.array makes one).'),
    "slope: a column": (checks.check_tanh_slope_from_output, lambda y: (1 - y**2)[:, None], 
        'the result should have shape (13,); got shape (13, 1)'),
    "slope: nan": (checks.check_tanh_slope_from_output, lambda y: np.full_like(y, np.nan), 
        'the result contains nan or inf'),
    "slope: text": (checks.check_tanh_slope_from_output, lambda y: np.array(["steep"] * 13), 
        "the result should be numbers; got ['steep' 'steep' 'steep' ... 'steep' 'steep' 'steep']"),
    # chapter 2
    "targets: a flat array": (checks.check_targets_from_inputs, lambda x: x[:, 0], 
        "the result for the post's (4, 3) inputs should have shape (4, 1); got shape (4,)"),
    "targets: a row": (checks.check_targets_from_inputs, lambda x: x[:, 0][None, :], 
        "the result for the post's (4, 3) inputs should have shape (4, 1); got shape (1, 4)"),
    "targets: the last column": (checks.check_targets_from_inputs, lambda x: x[:, [-1]], 
        "for the post's inputs the values differ from the targets: each target is the example's FIRST input."),
    "targets: typed in": (checks.check_targets_from_inputs, lambda x: network.POST_TARGETS.copy(), 
        "it works for the post's four rows but not for all 8 rows of three 0s and 1s: compute the targets from the inputs you are given, whatever their number of rows."),
    "targets: first AND third input": (checks.check_targets_from_inputs, lambda x: x[:, [0]] * x[:, [2]], 
        "it works for the post's four rows but not for all 8 rows of three 0s and 1s: compute the targets from the inputs you are given, whatever their number of rows."),
    "targets: a list": (checks.check_targets_from_inputs, lambda x: [[row[0]] for row in x], 
        "your function returned a list (the result for the post's (4, 3) inputs), not a NumPy array: return an array (np.array makes one)."),
    # chapter 3
    "weights: zeros": (checks.check_post_starting_weights, lambda seed: np.zeros((3, 1)), 
        "for seed 0 your weights are [0. 0. 0.], but the post's all lie in [-1, 0): numbers in [0, 1) minus 1."),
    "weights: forgot minus 1": (checks.check_post_starting_weights,
                                lambda seed: np.random.RandomState(seed).random_sample((3, 1)), 
        "for seed 0 your weights are [0.549 0.715 0.603], but the post's all lie in [-1, 0): numbers in [0, 1) minus 1."),
    "weights: below -1": (checks.check_post_starting_weights,
                          lambda seed: np.random.RandomState(seed).random_sample((3, 1)) - 1.5, 
        "for seed 1 your weights are [-1.083 -0.78 -1.5 ], but the post's all lie in [-1, 0): numbers in [0, 1) minus 1."),
    "weights: all -1, the edge": (checks.check_post_starting_weights, lambda seed: np.full((3, 1), -1.0), 
        'your weights are the same for every seed: seed your generator with the seed you are given.'),
    "weights: seed ignored": (checks.check_post_starting_weights,
                              lambda seed: np.random.RandomState(1).random_sample((3, 1)) - 1, 
        'your weights are the same for every seed: seed your generator with the seed you are given.'),
    "weights: new generator": (checks.check_post_starting_weights,
                               lambda seed: np.random.default_rng(seed).random((3, 1)) - 1, 
        "for seed 0 the weights differ from the post's. They should be drawn by a legacy-style generator seeded with the seed, as np.random.seed does."),
    "weights: np.random.seed": (checks.check_post_starting_weights, global_seed, 
        "the weights are right, but NumPy's global generator changed: use a private generator object instead of np.random.seed."),
    "weights: a row": (checks.check_post_starting_weights,
                       lambda seed: np.random.RandomState(seed).random_sample(3) - 1, 
        'the weights for seed 0 should have shape (3, 1); got shape (3,)'),
    # chapter 4
    "uniform: not shifted": (checks.check_symmetric_uniform, lambda rng, shape, limit: rng.random(shape) * 2 * limit, 
        'with limit 1.5 your draws go from 0.000 to 3.000, none below 0: shift them so that they are centred on 0.'),
    "uniform: only scaled": (checks.check_symmetric_uniform, lambda rng, shape, limit: limit * rng.random(shape), 
        'with limit 1.5 your draws go from 0.000 to 1.500, none below 0: shift them so that they are centred on 0.'),
    "uniform: from exactly 0": (checks.check_symmetric_uniform, lambda rng, shape, limit: evenly(rng, shape, limit, low=0), 
        'with limit 1.5 your draws go from 0.000 to 1.500, none below 0: shift them so that they are centred on 0.'),
    "uniform: shifted too far down": (checks.check_symmetric_uniform,
                                      lambda rng, shape, limit: limit * (2 * rng.random(shape) - 1.5), 
        'with limit 1.5 your draws go from -2.250 to 0.750, outside [-1.5, 1.5).'),
    "uniform: short at the top": (checks.check_symmetric_uniform,
                                  lambda rng, shape, limit: limit * (1.9 * rng.random(shape) - 1), 
        'with limit 1.5 your draws only cover [-1.500, 1.350]: stretch them over the whole interval, using the limit you are given.'),
    "uniform: short at the bottom": (checks.check_symmetric_uniform,
                                     lambda rng, shape, limit: limit * (1 - 1.9 * rng.random(shape)), 
        'with limit 1.5 your draws only cover [-1.350, 1.500]: stretch them over the whole interval, using the limit you are given.'),
    "uniform: a hole in the middle": (checks.check_symmetric_uniform, hole_in_the_middle, 
        'the draws are not spread evenly: 2.0% of them lie in [0.00, 0.30), where a tenth should. Every part of [-limit, limit) should be equally likely.'),
    "uniform: twice too wide": (checks.check_symmetric_uniform,
                                lambda rng, shape, limit: 2 * limit * (2 * rng.random(shape) - 1), 
        'with limit 1.5 your draws go from -3.000 to 3.000, outside [-1.5, 1.5).'),
    "uniform: up to the limit itself": (checks.check_symmetric_uniform,
                                        lambda rng, shape, limit: evenly(rng, shape, limit, endpoint=True), 
        'with limit 1.5 your draws go from -1.500 to 1.500, outside [-1.5, 1.5).'),
    "uniform: limit ignored": (checks.check_symmetric_uniform, lambda rng, shape, limit: 2 * rng.random(shape) - 1, 
        'with limit 1.5 your draws only cover [-1.000, 1.000]: stretch them over the whole interval, using the limit you are given.'),
    "uniform: bunched near 0": (checks.check_symmetric_uniform,
                                lambda rng, shape, limit: limit * (2 * rng.random(shape) - 1) ** 3, 
        'the draws are not spread evenly: 29.3% of them lie in [0.00, 0.30), where a tenth should. Every part of [-limit, limit) should be equally likely.'),
    "uniform: global generator": (checks.check_symmetric_uniform,
                                  lambda rng, shape, limit: limit * (2 * np.random.random(shape) - 1), 
        'two generators with the same seed gave different draws: use only the rng you are given.'),
    "uniform: not random": (checks.check_symmetric_uniform, evenly, 
        'two generators with different seeds gave the same draws: draw your numbers with rng.random, from the rng you are given.'),
    "uniform: rng.uniform": (checks.check_symmetric_uniform, lambda rng, shape, limit: rng.uniform(-limit, limit, shape), 
        'your function raised AttributeError: this exercise allows only rng.random, not rng.uniform (called with rng, (1000, 100), 1.5)'),
    "uniform: a list": (checks.check_symmetric_uniform,
                        lambda rng, shape, limit: (limit * (2 * rng.random(shape) - 1)).tolist(), 
        'your function returned a list (the draws for shape (1000, 100)), not a NumPy array: return an array (np.array makes one).'),
    "uniform: shape ignored": (checks.check_symmetric_uniform,
                               lambda rng, shape, limit: limit * (2 * rng.random(100_000) - 1), 
        'the draws for shape (1000, 100) should have shape (1000, 100); got shape (100000,)'),
    "uniform: shape typed in": (checks.check_symmetric_uniform,
                                lambda rng, shape, limit: limit * (2 * rng.random((1000, 100)) - 1), 
        'the draws for shape (2, 3) should have shape (2, 3); got shape (1000, 100)'),
    "uniform: one number": (checks.check_symmetric_uniform, lambda rng, shape, limit: limit * (2 * rng.random() - 1), 
        'your function returned a float (the draws for shape (1000, 100)), not a NumPy array: return an array (np.array makes one).'),
    # chapter 4
    "glorot: fan_in only": (checks.check_glorot_limit, lambda fan_in, fan_out: np.sqrt(6 / fan_in), 
        'your limit is the same for fan_out 1 and fan_out 5 (fan_in 3): it should depend on fan_out too.'),
    "glorot: fan_out only": (checks.check_glorot_limit, lambda fan_in, fan_out: np.sqrt(6 / fan_out), 
        'your limit is the same for fan_in 3 and fan_in 7 (fan_out 1): it should depend on fan_in too.'),
    "glorot: 2 instead of 6": (checks.check_glorot_limit, lambda fan_in, fan_out: np.sqrt(2 / (fan_in + fan_out)), 
        'every one of your limits is 0.577 times the right one: check the constant in the formula.'),
    "glorot: no square root": (checks.check_glorot_limit, lambda fan_in, fan_out: 6 / (fan_in + fan_out), 
        'for fan_in 3 and fan_out 1 your limit is 1.5000, which is too large. The limit should shrink as the layer gets wider.'),
    "glorot: root of 6 only": (checks.check_glorot_limit, lambda fan_in, fan_out: np.sqrt(6) / (fan_in + fan_out), 
        'for fan_in 3 and fan_out 1 your limit is 0.6124, which is too small. The limit should shrink as the layer gets wider.'),
    "glorot: an array": (checks.check_glorot_limit, lambda fan_in, fan_out: np.sqrt([6 / (fan_in + fan_out)]), 
        'the limit for fan_in 3 and fan_out 1 should be a single number; got [1.225]'),
    "glorot: text": (checks.check_glorot_limit, lambda fan_in, fan_out: "1.22", 
        "the limit for fan_in 3 and fan_out 1 should be numbers; got '1.22'"),
    "glorot: a ragged list": (checks.check_glorot_limit, lambda fan_in, fan_out: [[fan_in], [fan_in, fan_out]], 
        'the limit for fan_in 3 and fan_out 1 should be numbers; got [[3], [3, 1]]'),
    "glorot: inf": (checks.check_glorot_limit, lambda fan_in, fan_out: np.inf, 
        'the limit for fan_in 3 and fan_out 1 contains nan or inf'),
    # chapter 5
    "until: the post's slope": (checks.check_train_until, lambda *a: until(*a, slope=POST),
        "you used the post's slope 1 - tanh(4y), the very bug of this chapter: the delta needs the TRUE slope of tanh."),
    "until: wrong sign": (checks.check_train_until, lambda *a: until(*a, sign=-1),
        'your steps have the wrong sign: they move w so that the error grows. Check the sign of the error (targets minus outputs) and of the update.'),
    "until: rate ignored": (checks.check_train_until, lambda X, t, w, lr, tol, n: until(X, t, w, 1.0, tol, n),
        'your training ignores the learning rate 0.5: scale every step by it.'),
    "until: one step late": (checks.check_train_until, lambda *a: until(*a, late=True),
        'for seed 1 (post), learning rate 0.5, tolerance 0.001, max_iterations 10000 you stopped one step late: you took one more step after the error was already below the tolerance. Measure the error of the current weights before each step.'),
    "until: summed squared error": (checks.check_train_until, lambda *a: until(*a, measure=np.sum),
        'for seed 1 (post), learning rate 0.5, tolerance 0.001, max_iterations 10000 you compared the summed squared error with the tolerance: the tolerance is for the mean squared error, the mean over the four examples.'),
    "until: max_iterations ignored": (checks.check_train_until, lambda *a: until(*a, limit=False),
        'for seed 2 (glorot), learning rate 0.3, tolerance 0.003, max_iterations 40 you trained on past max_iterations: stop after max_iterations steps even when the error is still too large.'),
    "until: one step early": (checks.check_train_until,
        lambda X, t, w, lr, tol, n: until(X, t, w, lr, 0.0, max(until(X, t, w, lr, tol, n)[1] - 1, 0)),
        'for seed 1 (post), learning rate 0.5, tolerance 0.001, max_iterations 10000 you stopped one step early, before the error was below the tolerance.'),
    "until: a step miscounted": (checks.check_train_until, lambda *a: until(*a, extra=1),
        'for seed 1 (post), learning rate 0.5, tolerance 0.001, max_iterations 10000 the weights are right but you counted 75 steps; helpers.train took 74. Count the updates you made, and only those.'),
    "until: in place": (checks.check_train_until, until_in_place,
        'your function changed the weights it was given (in place). Leave w as it is and work on new weights, for example w = w + step instead of w += step.'),
    "until: new weights inside": (checks.check_train_until, lambda X, t, w, *a: until(X, t, np.zeros((3, 1)), *a),
        'your function gives the same answer whatever w you pass in: start from the w you are given, do not make new weights inside the function.'),
    "until: the weights alone": (checks.check_train_until, lambda *a: until(*a)[0],
        'your function should return two things, the weights and the number of steps; got [[ 1.889e+00] [-1.350e-04] [ 3.981e-03]]'),
    "until: steps as a float": (checks.check_train_until, lambda *a: (until(*a)[0], float(until(*a)[1])),
        'the number of steps should be a whole number (an int); got 74.0'),
    "until: flat weights": (checks.check_train_until, lambda *a: (until(*a)[0].ravel(), until(*a)[1]),
        'the weights should have shape (3, 1); got shape (3,)'),
    "until: other weights, right count": (checks.check_train_until, lambda *a: (until(*a)[0] + 1e-6, until(*a)[1]),
        'for seed 1 (post), learning rate 0.5, tolerance 0.001, max_iterations 10000 you stopped after the right number of steps, 74, but your weights differ from helpers.train\'s. Check the forward pass, the delta with the TRUE slope of tanh, and the update scaled by the learning rate.'),
    "until: stops at the first step always": (checks.check_train_until, lambda *a: until(*a[:-1], 1),
        'for seed 1 (post), learning rate 0.5, tolerance 0.001, max_iterations 10000 you stopped after 1 steps with other weights than helpers.train, which stops after 74. Stop at the first weights whose mean squared error is below the tolerance, and after at most max_iterations steps.'),
    "gradient: wrong sign": (checks.check_gradient, lambda X, t, w, activation: -gradient(X, t, w, activation), 
        'your gradient has the wrong sign: it points downhill. The gradient points uphill; training then steps against it.'),
    "gradient: twice": (checks.check_gradient, lambda X, t, w, activation: 2 * gradient(X, t, w, activation), 
        'your gradient is twice the right one: the loss has a factor 1/2 in front, which cancels the 2 from the square.'),
    "gradient: half": (checks.check_gradient, lambda X, t, w, activation: gradient(X, t, w, activation) / 2, 
        'your gradient is half the right one: the 2 from the square cancels the 1/2 in front of the loss; do not halve again.'),
    "gradient: averaged": (checks.check_gradient, lambda X, t, w, activation: gradient(X, t, w, activation) / 4, 
        "your gradient is the right one divided by 4, the number of examples: the loss adds up the examples' errors, it does not average them."),
    "gradient: always tanh": (checks.check_gradient, lambda X, t, w, activation="tanh": gradient(X, t, w), 
        "for activation 'sigmoid' your gradient is the one for tanh: take f and its slope from helpers.get_activation(activation), do not write tanh in."),
    "gradient: the post's slope": (checks.check_gradient, lambda X, t, w, activation: gradient(X, t, w, "post_tanh"), 
        "your gradient uses the post's slope 1 - tanh(4y): use the true slope of tanh, from chapter 1."),
    "gradient: new weights inside": (checks.check_gradient,
                                     lambda X, t, w, activation: gradient(X, t, np.zeros((3, 1)), activation), 
        'your function gives the same answer whatever w you pass in: start from the w you are given, do not make new weights inside the function.'),
    "gradient: no activation parameter": (checks.check_gradient, lambda X, t, w: gradient(X, t, w), 
        "your function raised TypeError: <lambda>() got an unexpected keyword argument 'activation' (called with [[0. 0. 1.] [0. 1. 1.] [1. 0. 1.] [1. 1. 1.]], [[0.] [0.] [1.] [1.]], [[ 0.024] [ 0.901] [-0.712]], activation='tanh')"),
    "gradient: slope left out": (checks.check_gradient,
                                 lambda X, t, w, activation: -X.T @ (t - network.get_activation(activation)[1](X @ w)), 
        "for activation 'tanh' and seed 1 your gradient differs from the finite-difference estimate. Check each factor of the chain rule, and the activation's slope."),
    "gradient: relu's slope at 0": (checks.check_gradient,
                                    lambda X, t, w, activation: gradient(X, t, w, activation)
                                    if activation != "relu" else -X.T @ (t - network.relu(X @ w)), 
        "for activation 'relu' and seed 2 your gradient differs from the finite-difference estimate. Check each factor of the chain rule, and the activation's slope."),
    "gradient: slightly off": (checks.check_gradient,
                               lambda X, t, w, activation: gradient(X, t, w, activation) + 2e-6, 
        "for activation 'tanh' and seed 1 your gradient differs from the finite-difference estimate. Check each factor of the chain rule, and the activation's slope."),
    "gradient: flat": (checks.check_gradient, lambda X, t, w, activation: gradient(X, t, w, activation).ravel(), 
        'the gradient for tanh should have shape (3, 1); got shape (3,)'),
    "rate: all four examples": (checks.check_largest_stable_rate, lambda X, t: stable_rate(X, t, rows=slice(None)),
        "for the post's dataset you used all four examples. Near the answer the examples with target 1 are saturated and barely push: the bowl is made by the examples whose target is 0."),
    "rate: the first two examples": (checks.check_largest_stable_rate, lambda X, t: stable_rate(X, t, rows=slice(2)),
        "for the post's inputs with targets [1, 1, 0, 0] you used the first two examples, but there the examples with target 0 are others: pick them by their targets, wherever they are."),
    "rate: 1 / lambda": (checks.check_largest_stable_rate, lambda X, t: stable_rate(X, t) / 2,
        "for the post's dataset your rate is half the right one: a step overshoots only once the factor 1 - rate * curvature falls below -1."),
    "rate: lambda itself": (checks.check_largest_stable_rate, lambda X, t: 2 / stable_rate(X, t),
        "for the post's dataset you returned the curvature itself, not the largest stable rate."),
    "rate: singular value": (checks.check_largest_stable_rate, lambda X, t: stable_rate(X, t, power=0.5),
        "for the post's dataset you used the largest singular value of the inputs, the square root of the curvature: the curvature is the eigenvalue of the inputs' transpose times the inputs."),
    "rate: a smaller eigenvalue": (checks.check_largest_stable_rate, lambda X, t: stable_rate(X, t, eigenvalue=-2),
        "for the post's dataset you used a smaller eigenvalue: the step must be safe along the steepest direction of the bowl, so take the largest."),
    "rate: the trace": (checks.check_largest_stable_rate, lambda X, t: 2 / np.trace(X[t.ravel() == 0].T @ X[t.ravel() == 0]),
        "for the post's dataset your rate is 0.6667, which is too small. Find the examples whose target is 0, and the largest curvature of their bowl."),
    "rate: the post's value typed in": (checks.check_largest_stable_rate, lambda X, t: 0.7639320225002103,
        "for the dataset with its second column doubled your rate is 0.7639, which is too large. Find the examples whose target is 0, and the largest curvature of their bowl."),
    "rate: a list": (checks.check_largest_stable_rate, lambda X, t: [stable_rate(X, t)],
        "the rate for the post's dataset should be a single number; got [np.float64(0.7639320225002103)]"),
    "rate: nan": (checks.check_largest_stable_rate, lambda X, t: np.nan,
        "the rate for the post's dataset contains nan or inf"),
    # chapter 6
    "labels: floats": (checks.check_to_labels, lambda o, t: (o > t).astype(float), 
        'the labels are of type float64; class labels should be whole numbers (integers).'),
    "labels: booleans": (checks.check_to_labels, lambda o, t: o > t, 
        'your labels are True and False: turn them into the integers 1 and 0.'),
    "labels: >=": (checks.check_to_labels, lambda o, t: (o >= t).astype(int), 
        'an output exactly at the threshold 0.5 got label 1: only outputs ABOVE the threshold are class 1.'),
    "labels: the wrong way round": (checks.check_to_labels, lambda o, t: (o < t).astype(int), 
        'your labels are the wrong way round: label 1 is for outputs above the threshold.'),
    "labels: all ones": (checks.check_to_labels, lambda o, t: np.ones_like(o, dtype=int), 
        'an output exactly at the threshold 0.5 got label 1: only outputs ABOVE the threshold are class 1.'),
    "labels: threshold 0.5 typed in": (checks.check_to_labels, lambda o, t: (o > 0.5).astype(int), 
        'with threshold 0 the labels are the same as with 0.5: use the threshold you are given.'),
    "labels: threshold 0 typed in": (checks.check_to_labels, lambda o, t: (o > 0).astype(int), 
        'an output exactly at the threshold 0.5 got label 1: only outputs ABOVE the threshold are class 1.'),
    "labels: threshold 0.75 typed in": (checks.check_to_labels, lambda o, t: (o > 0.75).astype(int), 
        'some labels are on the wrong side of the threshold 0.5.'),
    "labels: distance from 0": (checks.check_to_labels, lambda o, t: (abs(o) > t).astype(int), 
        'with threshold 0 some labels are on the wrong side of the threshold.'),
    "labels: flat": (checks.check_to_labels, lambda o, t: (o > t).astype(int).ravel(), 
        'the labels for outputs of shape (6, 1) should have shape (6, 1); got shape (6,)'),
    "labels: always a column": (checks.check_to_labels, lambda o, t: (o > t).astype(int).reshape(-1, 1), 
        'the labels for outputs of shape (6,) should have shape (6,); got shape (6, 1)'),
    "labels: a list": (checks.check_to_labels, lambda o, t: (o > t).astype(int).tolist(), 
        'your function returned a list (the labels for outputs of shape (6, 1)), not a NumPy array: return an array (np.array makes one).'),
    # chapter 7
    "hidden step: no hidden slope": (checks.check_hidden_layer_step, lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2, activation, slope=False),
        "your dW1 leaves out the slope of the hidden layer: what comes back through W2 must still be multiplied by the activation's slope at each hidden unit's output, slope_from_output(hidden), before it reaches W1."),
    "hidden step: the bias row of W2": (checks.check_hidden_layer_step, lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2, activation, bias_row=True),
        "you sent the output's delta back through all of W2, its last row included. That row is the output's bias: its input is the constant 1, not a hidden unit, so nothing stands behind it. Send the delta back through the hidden units' weights only, W2 without its last row."),
    "hidden step: the bias row of W2, no slope": (checks.check_hidden_layer_step,
                                                 lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2, activation, slope=False, bias_row=True),
        "you sent the output's delta back through all of W2, its last row included. That row is the output's bias: its input is the constant 1, not a hidden unit, so nothing stands behind it. Send the delta back through the hidden units' weights only, W2 without its last row."),
    "hidden step: wrong sign": (checks.check_hidden_layer_step, lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2, activation, sign=-1),
        "your dW1 has the wrong sign: it is the gradient, which points uphill. Return the step that training adds to W1, minus the gradient, as for W2 and the one-layer network of chapter 5."),
    "hidden step: tanh hard-wired": (checks.check_hidden_layer_step, lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2),
        "for activation 'sigmoid' your dW1 is the one for tanh: take f and its slope from helpers.get_activation(activation), in both layers; do not write tanh in."),
    "hidden step: transposed": (checks.check_hidden_layer_step, lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2, activation).T,
        "your dW1 is transposed: it has shape (2, 3), a row per hidden unit. dW1 has the shape of W1, (3, 2): a row per input, a column per hidden unit."),
    "hidden step: transposed, square": (checks.check_hidden_layer_step, hidden_step_transposed_when_square,
        "your dW1 is transposed: dW1 has the shape of W1, (3, 3), a row per input and a column per hidden unit, and row i belongs to input i."),
    "hidden step: in place": (checks.check_hidden_layer_step, hidden_step_in_place,
        "your function changed W1 or W2 (in place). Leave the weights as they are and return dW1 alone."),
    "hidden step: both steps, a tuple": (checks.check_hidden_layer_step, lambda i, t, W1, W2, activation: helpers.hidden.hidden_gradients(i, t, W1, W2, activation),
        "your function returned a tuple of 2 things: return dW1 alone, one NumPy array, not (dW1, dW2)."),
    "hidden step: averaged": (checks.check_hidden_layer_step, lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2, activation) / 4,
        "for seed 0, 2 hidden units, activation 'tanh' and XOR your dW1 differs from the step training takes. Check each line of the chain rule in turn: the output's delta, the hidden layer's delta, then the product with the inputs."),
    "hidden step: off by 1e-6": (checks.check_hidden_layer_step, lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2, activation) + 1e-6,
        "for seed 0, 2 hidden units, activation 'tanh' and XOR your dW1 differs from the step training takes. Check each line of the chain rule in turn: the output's delta, the hidden layer's delta, then the product with the inputs."),
    "hidden step: flat": (checks.check_hidden_layer_step, lambda i, t, W1, W2, activation: hidden_step(i, t, W1, W2, activation).ravel(),
        "dW1 should have shape (3, 2); got shape (6,)"),
    # chapter 8
    "count: weights only": (checks.check_count_parameters, lambda m: sum(a.size for a in m.coefs_), 
        'for hidden layers (4, 2) you counted only the weights; add the biases (intercepts).'),
    "count: first layer only": (checks.check_count_parameters, lambda m: m.coefs_[0].size + m.intercepts_[0].size, 
        "for hidden layers (4, 2) you counted only the first layer; count every layer's weights and biases."),
    "count: typed in": (checks.check_count_parameters, lambda m: 29, 
        "for hidden layers (2,) your count is 29; count every number in the model's coefs_ and intercepts_ arrays."),
    "count: a float": (checks.check_count_parameters, lambda m: float(count(m)), 
        'for hidden layers (4, 2) your count is 29.0: a count should be one whole number (an int).'),
    "count: True": (checks.check_count_parameters, lambda m: True, 
        'for hidden layers (4, 2) your count is True: a count should be one whole number (an int).'),
    "count: a list": (checks.check_count_parameters, lambda m: [a.size for a in m.coefs_], 
        'for hidden layers (4, 2) your count is [12, 8, 2]: a count should be one whole number (an int).'),
}


# --- every answer against its check -----------------------------------------------------------


@pytest.mark.parametrize("check, answer", [(c, a) for c, answers in RIGHT.items() for a in answers],
                         ids=lambda x: name(x) if x in CHECKS else "")
def test_a_right_answer_passes(check, answer):
    verdict = check(answer)
    assert verdict.passed is True and bool(verdict) is True, verdict.message
    assert repr(verdict).startswith("Well done:")


@pytest.mark.parametrize("check, answer, message", WRONG.values(), ids=WRONG.keys())
def test_a_typical_wrong_answer_gets_its_own_feedback(check, answer, message):
    verdict = check(answer)
    assert verdict.passed is False and bool(verdict) is False
    assert verdict.message == f"Not yet right: {message}"


def test_every_check_has_right_and_wrong_answers():
    assert set(RIGHT) == set(CHECKS) == {check for check, _, _ in WRONG.values()}
    assert set(CHECKS) == {getattr(checks, n) for n in dir(checks) if n.startswith("check_")}


def test_a_table_of_the_fixed_hidden_steps_fails_on_the_random_network(monkeypatch):
    monkeypatch.setattr(checks, "_random_hidden_case", lambda: (4321, 3, "XOR", "sigmoid"))
    verdict = checks.check_hidden_layer_step(hidden_step_table())
    assert not verdict and verdict.message == (
        "Not yet right: it works for the networks checked first but not for seed 4321, 3 hidden units and "
        "activation 'sigmoid', drawn at random: compute dW1 from the inputs, targets and weights you are given.")


def test_the_hidden_step_check_draws_a_new_network_each_run():
    drawn = {checks._random_hidden_case() for _ in range(5)}
    assert len(drawn) > 1


@pytest.mark.parametrize("check", CHECKS, ids=name)
def test_a_stub_is_not_implemented_yet(check):
    verdict = check(stub)
    assert verdict.passed is False and verdict.message == checks.NOT_YET


@pytest.mark.parametrize("check", CHECKS, ids=name)
def test_a_function_without_return_is_asked_about_return(check):
    verdict = check(forgets_return)
    assert not verdict and verdict.message == "Not yet right: your function returned None; did you forget `return`?"


@pytest.mark.parametrize("check", CHECKS, ids=name)
def test_a_broken_answer_is_reported_not_raised(check):
    verdict = check(crashes)
    assert not verdict and verdict.message.startswith("Not yet right: your function raised KeyError: 'no such key' "
                                                      "(called with ")


@pytest.mark.parametrize("check", CHECKS, ids=name)
def test_passing_a_value_instead_of_the_function_says_so(check):
    verdict = check(np.zeros(3))
    assert not verdict
    assert verdict.message == ("Not yet right: a check needs your function itself, without brackets after its name; "
                               "got [0. 0. 0.]")


def test_long_values_are_cut_to_one_short_line():
    shown = [checks.check_glorot_limit(value).message.rpartition("got ")[2] for value in ("x" * 58, "x" * 59)]
    assert shown == ["'" + "x" * 58 + "'", "'" + "x" * 56 + "..."]
    matrix = checks.check_glorot_limit(np.zeros((4, 3))).message
    assert matrix.endswith("got [[0. 0. 0.] [0. 0. 0.] [0. 0. 0.] [0. 0. 0.]]")
    assert checks.check_glorot_limit(np.arange(6.0)).message.endswith("got [0. 1. 2. 3. 4. 5.]")
    assert checks.check_glorot_limit(np.arange(7.0)).message.endswith("got [0. 1. 2. ... 4. 5. 6.]")


def test_what_the_function_was_called_with_is_shown():
    assert checks.check_symmetric_uniform(crashes).message.endswith("(called with rng, (1000, 100), 1.5)")
    assert checks.check_gradient(crashes).message.endswith("[[ 0.024] [ 0.901] [-0.712]], activation='tanh')")


def test_the_check_puts_back_the_global_generator_a_wrong_answer_moved():
    np.random.seed(5)
    expected = np.random.random()
    np.random.seed(5)
    assert not checks.check_post_starting_weights(global_seed)
    assert np.random.random() == expected


def test_one_draw_from_the_global_generator_is_noticed():
    np.random.seed(0)
    np.random.random()  # the generator's key stays, only its position moves
    verdict = checks.check_post_starting_weights(extra_global_draw)
    assert not verdict and "global generator changed" in verdict.message


def test_a_verdict_counts_as_its_result_and_shows_its_message():
    assert bool(checks.Verdict(True, "yes")) is True and bool(checks.Verdict(False, "no")) is False
    assert repr(checks.Verdict(False, "no")) == "no"
    assert helpers.checks is checks


# --- the teacher's solutions, from the notebooks ----------------------------------------------


def defined_name(source):
    return re.search(r"^def (\w+)\(", source, re.M)[1]


def solution_cells():
    """Each solution's source, with what its check cell showed when the notebook was last executed."""
    for notebook in sorted((ROOT / "book").glob("*.ipynb")):
        cells = nbformat.read(notebook, as_version=4).cells
        shown = {}
        for cell in cells:
            if cell.cell_type == "code" and (call := re.fullmatch(r"helpers\.checks\.check_(\w+)\(\1\)", cell.source.strip())):
                shown[call[1]] = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
        for cell in cells:
            if "solution" in cell.metadata.get("tags", []):
                function = defined_name(cell.source)
                yield pytest.param(cell.source, shown[function], id=f"{notebook.stem}:{function}")


def define(source):
    """The function a solution cell defines, run as the notebook runs it."""
    namespace = {"np": np, "helpers": helpers}
    exec(source, namespace)  # noqa: S102 - our own notebooks
    return namespace[defined_name(source)]


SOLUTIONS = list(solution_cells())


def test_every_check_has_a_solution_in_the_book():
    names = sorted(param.id.partition(":")[2] for param in SOLUTIONS)
    assert names == sorted(name(check) for check in CHECKS)


@pytest.mark.parametrize("source, stored", SOLUTIONS)
def test_the_teachers_solution_passes_its_check_as_the_executed_notebook_shows(source, stored):
    function = define(source)
    verdict = getattr(checks, f"check_{function.__name__}")(function)
    assert verdict.passed, verdict.message
    assert verdict.message == stored, "the notebook's stored output would no longer match (nbval)"


def solution_lines():
    """Each line of code of the solutions, without spaces, and the expression each one returns."""
    for param in SOLUTIONS:
        body = re.sub(r'^def .*\n\s*""".*?"""\n', "", param.values[0], flags=re.S | re.M)
        for line in body.splitlines():
            code = "".join(line.split())
            if code:
                yield code
                yield code.removeprefix("return")


def test_no_message_shows_the_solution():
    lines = set(solution_lines())
    assert "1-y**2" in lines and "(np.asarray(y)>threshold).astype(int)" in lines
    messages = [check(answer).message for check, answer, _ in WRONG.values()]
    messages += [check(f).message for check in CHECKS for f in (crashes, forgets_return, np.zeros(3))]
    for message in messages:
        flat = "".join(message.split())
        assert not [line for line in lines if line in flat], message

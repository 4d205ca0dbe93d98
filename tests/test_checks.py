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
    checks.check_training_step,
    checks.check_gradient,
    checks.check_largest_stable_rate,
    checks.check_to_labels,
    checks.check_train_two_layer,
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


def step(X, targets, w, learning_rate=1.0, slope=network.tanh_slope, sign=1):
    y = np.tanh(X @ w)
    return w + sign * learning_rate * (X.T @ ((targets - y) * slope(y)))


def stable_rate(X, targets, rows=None, eigenvalue=-1, power=1.0):
    """2 / lambda for the bowl of the target-0 rows, or a slip: other rows, eigenvalue or power."""
    A = X[targets.ravel() == 0] if rows is None else X[rows]
    return 2 / np.linalg.eigvalsh(A.T @ A)[eigenvalue] ** power


def gradient(X, targets, w, activation="tanh"):
    f, slope = network.get_activation(activation)[1:]
    y = f(X @ w)
    return -X.T @ ((targets - y) * slope(y))


def two_layer(X, targets, W1, W2, learning_rate, iterations, bias_back=False, ones=True, slope_at_sum=False,
              new_W2=False, in_place=False, sign=1, steps=None, order=(0, 1)):
    """The final (W1, W2) of the two-layer tanh trainer, or a reader's with one slip."""
    if not in_place:
        W1, W2 = W1.copy(), W2.copy()
    for _ in range(iterations if steps is None else steps):
        z1 = X @ W1
        h = np.tanh(z1)
        inputs2 = np.hstack([h, np.ones((len(X), 1))]) if ones else h
        z2 = inputs2 @ W2
        y = np.tanh(z2)
        delta2 = sign * (targets - y) * (1 - (z2 if slope_at_sum else y) ** 2)
        step2 = inputs2.T @ delta2
        if new_W2:
            W2 += learning_rate * step2
        delta1 = (delta2 @ (W2 if bias_back else W2[:-1]).T) * (1 - (z1 if slope_at_sum else h) ** 2)
        W1 += learning_rate * (X.T @ delta1)
        if not new_W2:
            W2 += learning_rate * step2
    return tuple((W1, W2)[i] for i in order)


def two_layer_no_bias(X, targets, W1, W2, learning_rate, iterations):
    """The output's bias left out of the forward pass and never trained: no crash, W2's last entry stays."""
    W1, W2 = W1.copy(), W2.copy()
    for _ in range(iterations):
        h = np.tanh(X @ W1)
        y = np.tanh(h @ W2[:-1])
        delta2 = (targets - y) * (1 - y**2)
        delta1 = (delta2 @ W2[:-1].T) * (1 - h**2)
        W2[:-1] += learning_rate * (h.T @ delta2)
        W1 += learning_rate * (X.T @ delta1)
    return W1, W2


def two_layer_step2_without_ones(X, targets, W1, W2, learning_rate, iterations):
    """The ones column in the forward pass but not in W2's step: a crash on the shapes."""
    W1, W2 = W1.copy(), W2.copy()
    for _ in range(iterations):
        h = np.tanh(X @ W1)
        y = np.tanh(np.hstack([h, np.ones((len(X), 1))]) @ W2)
        delta2 = (targets - y) * (1 - y**2)
        delta1 = (delta2 @ W2[:-1].T) * (1 - h**2)
        W2 = W2 + learning_rate * (h.T @ delta2)
        W1 = W1 + learning_rate * (X.T @ delta1)
    return W1, W2


def two_layer_table():
    """A table of the right answers for the fixed runs only, zeros for any other."""
    table = {}
    for seed, n_hidden, name, rate, iterations in checks._TRAINER_CASES:
        targets = helpers.hidden.XOR_TARGETS if name == "XOR" else network.POST_TARGETS
        W1, W2 = helpers.hidden.initial_hidden_weights(seed, n_hidden)
        run = helpers.hidden.train_hidden(helpers.hidden.XOR_INPUTS, targets, W1, W2, "tanh", iterations, rate)
        table[W1.tobytes()] = (run.final_W1, run.final_W2)
    return lambda X, t, W1, W2, rate, iterations: table.get(W1.tobytes(), (0 * W1, 0 * W2))


def count(model):
    return sum(a.size for a in model.coefs_) + sum(b.size for b in model.intercepts_)


def global_seed(seed):
    np.random.seed(seed)
    return np.random.random((3, 1)) - 1


def extra_global_draw(seed):
    np.random.random()
    return np.random.RandomState(seed).random_sample((3, 1)) - 1


def in_place_step(X, targets, w, learning_rate=1.0):
    w += step(X, targets, w, learning_rate) - w
    return w


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
    checks.check_training_step: [step, lambda X, t, w, lr=1.0: step(X, t, w, lr) + 5e-11],
    checks.check_gradient: [gradient, lambda X, t, w, activation="tanh": gradient(X, t, w, activation) + 5e-7],
    checks.check_largest_stable_rate: [stable_rate, lambda X, t: np.float64(stable_rate(X, t) * (1 + 1e-12))],
    checks.check_to_labels: [labels, lambda outputs, threshold: np.where(outputs > threshold, 1, 0).astype(np.uint8)],
    checks.check_train_two_layer: [
        two_layer,
        lambda X, t, W1, W2, rate, iterations: tuple(w + 1e-10 for w in two_layer(X, t, W1, W2, rate, iterations)),
        lambda X, t, W1, W2, rate, iterations: list(two_layer(X, t, W1, W2, rate, iterations)),
        lambda X, t, W1, W2, rate, iterations: (lambda r: (r.final_W1, r.final_W2))(
            helpers.hidden.train_hidden(X, t, W1, W2, "tanh", iterations, rate)),
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
    "step: the post's slope": (checks.check_training_step, lambda X, t, w, lr=1.0: step(X, t, w, lr, slope=POST), 
        "you used the post's slope 1 - tanh(4y), the very bug of this chapter: the delta needs the TRUE slope of tanh, from chapter 1."),
    "step: w - step": (checks.check_training_step, lambda X, t, w, lr=1.0: step(X, t, w, lr, sign=-1), 
        'your step has the wrong sign: it moves w so that the error grows. Check the sign of the error (targets minus outputs) and of the update.'),
    "step: rate ignored": (checks.check_training_step, lambda X, t, w, lr=1.0: step(X, t, w), 
        'your step is right for learning rate 1 but ignores the learning rate 0.5: scale the step by it.'),
    "step: the step alone": (checks.check_training_step, lambda X, t, w, lr=1.0: step(X, t, w, lr) - w, 
        'you returned the step alone: return the new weights, w moved by the step.'),
    "step: in place": (checks.check_training_step, in_place_step, 
        'your function changed the weights it was given (in place). Leave w as it is and return new weights, for example w + step instead of w += step.'),
    "step: new weights inside": (checks.check_training_step, lambda X, t, w, lr=1.0: step(X, t, np.zeros((3, 1)), lr), 
        'your function gives the same answer whatever w you pass in: start from the w you are given, do not make new weights inside the function.'),
    # Right for the first weights checked (seed 1's, at rate 1), so only later rates can catch it.
    "step: the chapter's weights re-drawn inside": (checks.check_training_step,
        lambda X, t, w, lr=1.0: step(X, t, network.initial_weights(1, "glorot"), lr),
        'your function gives the same answer whatever w you pass in: start from the w you are given, do not make new weights inside the function.'),
    "step: averaged": (checks.check_training_step, lambda X, t, w, lr=1.0: w + (step(X, t, w, lr) - w) / 4, 
        'for seed 1 and learning rate 1.0 the new weights differ from one step of training. Check each line in turn: forward pass, error, delta with the TRUE slope of tanh, then the update scaled by the learning rate.'),
    "step: slightly off": (checks.check_training_step, lambda X, t, w, lr=1.0: step(X, t, w, lr) + 2e-10, 
        'for seed 1 and learning rate 1.0 the new weights differ from one step of training. Check each line in turn: forward pass, error, delta with the TRUE slope of tanh, then the update scaled by the learning rate.'),
    "step: flat": (checks.check_training_step, lambda X, t, w, lr=1.0: step(X, t, w, lr).ravel(), 
        'the new weights should have shape (3, 1); got shape (3,)'),
    "step: a list": (checks.check_training_step, lambda X, t, w, lr=1.0: step(X, t, w, lr).tolist(), 
        'your function returned a list (the new weights), not a NumPy array: return an array (np.array makes one).'),
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
    "trainer: the bias row of W2 sent back": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n, bias_back=True),
        "you sent the output's delta back through all of W2, its last row included. That row is the output's bias: its input is the constant 1, not a hidden unit, so nothing stands behind it. Send the delta back through the hidden units' weights only, W2 without its last row."),
    "trainer: no ones column": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n, ones=False),
        "the output unit's inputs are the hidden outputs AND a column of ones, for its bias, the last row of W2: append that column to the hidden outputs, in the forward pass and in the step for W2."),
    "trainer: no ones column in W2's step": (checks.check_train_two_layer, two_layer_step2_without_ones,
        "the output unit's inputs are the hidden outputs AND a column of ones, for its bias, the last row of W2: append that column to the hidden outputs, in the forward pass and in the step for W2."),
    "trainer: the bias left out": (checks.check_train_two_layer, two_layer_no_bias,
        "the output's bias, the last entry of W2, never moved. the output unit's inputs are the hidden outputs AND a column of ones, for its bias, the last row of W2: append that column to the hidden outputs, in the forward pass and in the step for W2."),
    "trainer: slope at the sum": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n, slope_at_sum=True),
        "your slope is taken at the weighted sum, 1 - z**2. The slope of tanh is 1 - tanh(z)**2: 1 minus the square of the layer's OUTPUT, for the output unit and the hidden units alike."),
    "trainer: W1 moved with the new W2": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n, new_W2=True),
        "you moved W2 before computing W1's step, so the hidden delta used the new W2. Both steps must come from the same weights: compute both deltas first, then update both matrices."),
    "trainer: in place": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n, in_place=True),
        "your function changed the arrays it was given (in place), so the caller's starting weights are lost. Work on copies, or write W = W + step rather than W += step."),
    "trainer: wrong sign": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n, sign=-1),
        "your steps have the wrong sign: they move the weights so that the error grows. The error is targets minus outputs, and each step adds the learning rate times it."),
    "trainer: rate ignored": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, 1.0, n),
        "your weights are right for learning rate 1 but not for 0.25: scale both steps by the learning rate you are given."),
    "trainer: one step too few": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n, steps=n - 1),
        "your weights are those after 39 steps, one too few: take exactly 40 steps."),
    "trainer: one step too many": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n, steps=n + 1),
        "your weights are those after 41 steps, one too many: take exactly 40 steps."),
    "trainer: not trained": (checks.check_train_two_layer, lambda X, t, W1, W2, r, n: (W1.copy(), W2.copy()),
        "for seed 0, 2 hidden units, XOR, rate 0.25 and 40 iterations your weights are the starting weights: train them, 40 steps, and return the weights after the last one."),
    "trainer: the wrong order": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n, order=(1, 0)),
        "your function returned the weights in the wrong order: W1 first, then W2."),
    "trainer: W1 only": (checks.check_train_two_layer, lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r, n)[0],
        "your function returned [[ 0.47 -0.599] [-0.885 -0.915] [ 0.828 1.461]]: return the two final weight matrices, as a pair (W1 first, then W2)."),
    "trainer: a flat W2": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: (lambda a, b: (a, b.ravel()))(*two_layer(X, t, W1, W2, r, n)),
        "the final W2 should have shape (3, 1); got shape (3,)"),
    "trainer: averaged steps": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: two_layer(X, t, W1, W2, r / 4, n),
        "for seed 0, 2 hidden units, XOR, rate 0.25 and 40 iterations your final weights differ from those of helpers.hidden.train_hidden. Check each line of a step in turn: the forward pass, the output's delta, the hidden delta, then both updates."),
    "trainer: a nan": (checks.check_train_two_layer,
        lambda X, t, W1, W2, r, n: (lambda a, b: (a * np.nan, b))(*two_layer(X, t, W1, W2, r, n)),
        "the final W1 contains nan or inf"),
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


def test_a_table_of_the_fixed_runs_fails_on_the_random_run(monkeypatch):
    monkeypatch.setattr(checks, "_random_trainer_case", lambda: (4321, 3, "XOR", 0.2, 30))
    verdict = checks.check_train_two_layer(two_layer_table())
    assert not verdict and verdict.message == (
        "Not yet right: it works for the runs checked first but not for seed 4321, 3 hidden units, XOR, rate 0.2 "
        "and 30 iterations, drawn at random: train the weights you are given, with the rate and number of steps "
        "you are given.")


def test_the_trainer_check_draws_a_new_run_each_time():
    drawn = {checks._random_trainer_case() for _ in range(5)}
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

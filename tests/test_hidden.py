"""helpers.hidden, the two-layer network, against independent oracles: finite differences, the
one-layer network of helpers.network (which the two-layer one must reduce to), a run at a time
against many side by side, the XOR problem itself, and scikit-learn's MLPClassifier."""

import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers import hidden, network
from helpers.hidden import XOR_INPUTS, XOR_TARGETS

TRUE_SLOPES = ("tanh", "sigmoid", "relu")  # post_tanh's slope is the post's flawed one, on purpose


def half_squared_error(inputs, targets, W1, W2, activation):
    _, output = hidden.forward(inputs, W1, W2, activation)
    return 0.5 * np.sum((targets - output) ** 2)


def numerical_steps(inputs, targets, W1, W2, activation, h=1e-6):
    """Minus the gradient of sum(error**2) / 2 by central differences, one weight at a time."""
    steps = []
    for which, matrix in enumerate((W1, W2)):
        step = np.zeros_like(matrix)
        for index in np.ndindex(matrix.shape):
            shifted = []
            for sign in (1, -1):
                moved = [W1.copy(), W2.copy()]
                moved[which][index] += sign * h
                shifted.append(half_squared_error(inputs, targets, *moved, activation))
            step[index] = -(shifted[0] - shifted[1]) / (2 * h)
        steps.append(step)
    return steps


def random_problem(seed, n_examples, n_inputs, n_hidden, activation):
    rng = np.random.default_rng(seed)
    inputs = rng.uniform(-1, 1, (n_examples, n_inputs))
    targets = rng.uniform(0, 1, (n_examples, 1))
    W1, W2 = hidden.initial_hidden_weights(seed, n_hidden, n_inputs)
    if activation == "relu":  # keep every sum away from relu's kink, where the slope jumps
        assert np.min(np.abs(inputs @ W1)) > 1e-4, "pick another seed: a sum sits on relu's kink"
        hidden_out, _ = hidden.forward(inputs, W1, W2, "relu")
        assert np.min(np.abs(np.hstack([hidden_out, np.ones((n_examples, 1))]) @ W2)) > 1e-4
    return inputs, targets, W1, W2


@pytest.mark.parametrize("activation", TRUE_SLOPES)
@pytest.mark.parametrize("seed, shape", [(3, (4, 3, 4)), (11, (5, 2, 1)), (5, (3, 4, 7)), (8, (6, 3, 2))])
def test_gradients_match_central_differences(activation, seed, shape):
    inputs, targets, W1, W2 = random_problem(seed, *shape, activation)
    dW1, dW2 = hidden.hidden_gradients(inputs, targets, W1, W2, activation)
    nW1, nW2 = numerical_steps(inputs, targets, W1, W2, activation)
    assert dW1.shape == W1.shape and dW2.shape == W2.shape
    np.testing.assert_allclose(dW1, nW1, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(dW2, nW2, rtol=1e-6, atol=1e-8)


def test_gradients_on_xor_match_central_differences_and_are_not_zero():
    W1, W2 = hidden.initial_hidden_weights(0, 4)
    steps = hidden.hidden_gradients(XOR_INPUTS, XOR_TARGETS, W1, W2)
    for ours, numerical in zip(steps, numerical_steps(XOR_INPUTS, XOR_TARGETS, W1, W2, "tanh")):
        np.testing.assert_allclose(ours, numerical, rtol=1e-6, atol=1e-9)
        assert np.min(np.abs(ours)) > 1e-4


def test_post_tanh_keeps_the_posts_flawed_slope_in_both_layers():
    """Not the gradient (chapter 5's flaw), but the same rule with the slope 1 - tanh(4 y)."""
    inputs, targets, W1, W2 = random_problem(3, 4, 3, 4, "tanh")
    dW1, dW2 = hidden.hidden_gradients(inputs, targets, W1, W2, "post_tanh")
    hidden_out, output = hidden.forward(inputs, W1, W2, "post_tanh")
    delta2 = (targets - output) * (1 - np.tanh(4 * output))
    delta1 = delta2 @ W2[:-1].T * (1 - np.tanh(4 * hidden_out))
    np.testing.assert_array_equal(dW2, np.hstack([hidden_out, np.ones((4, 1))]).T @ delta2)
    np.testing.assert_array_equal(dW1, inputs.T @ delta1)
    true_dW1, _ = hidden.hidden_gradients(inputs, targets, W1, W2, "tanh")
    assert not np.allclose(dW1, true_dW1, rtol=0.05)


# --- the oracle: with the hidden layer taken away, the one-layer network of chapter 5 -----------


@pytest.mark.parametrize("activation", sorted(network.ACTIVATIONS))
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_output_layer_is_the_one_layer_network_on_the_hidden_outputs(activation, seed):
    """The output unit is exactly chapter 5's network whose inputs are the hidden outputs and a 1.

    So for any W1, W2 + dW2 is one step of ``network.train`` on the inputs ``[hidden, 1]`` from the
    weights W2 at rate 1, and the output is ``network.predict`` on them (to the bit): the same error
    sign, delta and sum over the examples. The step agrees to the last bit or so (1e-15): BLAS adds
    the four examples' products in another order for a transposed view than for train's copy.
    """
    W1, W2 = hidden.initial_hidden_weights(seed, 4)
    hidden_out, output = hidden.forward(XOR_INPUTS, W1, W2, activation)
    inputs_of_output = np.hstack([hidden_out, np.ones((4, 1))])
    _, dW2 = hidden.hidden_gradients(XOR_INPUTS, XOR_TARGETS, W1, W2, activation)
    one_layer = network.train(inputs_of_output, XOR_TARGETS, W2, activation, iterations=1, learning_rate=1.0)
    np.testing.assert_allclose(W2 + dW2, one_layer.final_weights, rtol=0, atol=1e-15)
    np.testing.assert_array_equal(output, network.predict(inputs_of_output, W2, activation))


def test_an_identity_hidden_layer_gives_the_one_layer_network():
    """With the hidden layer the identity, the two-layer network *is* the one-layer network.

    relu is the identity on numbers >= 0 and the post's inputs are 0 or 1, so three relu hidden units
    with W1 the 3 x 3 identity pass the inputs through unchanged. With W2 = [w; 0] (the one-layer
    weights, then a zero output bias) the output is ``predict(inputs, w, "relu")``, W2's step on the
    three hidden units is the one-layer step, and its step on the bias is the sum of the deltas
    (the step of a weight whose input is always 1).
    """
    w = np.array([[0.6], [-0.2], [0.3]])
    W1, W2 = np.eye(3), np.vstack([w, [[0.0]]])
    hidden_out, output = hidden.forward(network.POST_INPUTS, W1, W2, "relu")
    np.testing.assert_array_equal(hidden_out, network.POST_INPUTS)
    np.testing.assert_array_equal(output, network.predict(network.POST_INPUTS, w, "relu"))
    _, dW2 = hidden.hidden_gradients(network.POST_INPUTS, network.POST_TARGETS, W1, W2, "relu")
    one_layer = network.train(network.POST_INPUTS, network.POST_TARGETS, w, "relu", iterations=1, learning_rate=1.0)
    np.testing.assert_allclose(w + dW2[:3], one_layer.final_weights, rtol=0, atol=1e-15)
    delta = one_layer.errors[0] * network.relu_slope(output[:, 0])
    assert dW2[3, 0] == np.sum(delta)


@pytest.mark.parametrize("activation", TRUE_SLOPES)
def test_each_hidden_unit_steps_like_a_one_layer_network_given_its_share_of_the_error(activation):
    """One layer back, hidden unit j is a one-layer network on the inputs, weights W1[:, j], whose error
    is its share of the output's delta, ``delta2 * W2[j]`` (the chain rule). Giving ``network.train``
    the targets ``hidden_j + delta2 * W2[j]`` makes that its error, so its one step is W1[:, j] + dW1[:, j]
    (to rounding: target - output gives back the share to about 1e-16)."""
    inputs, targets, W1, W2 = random_problem(5, 5, 3, 4, activation)
    dW1, _ = hidden.hidden_gradients(inputs, targets, W1, W2, activation)
    hidden_out, output = hidden.forward(inputs, W1, W2, activation)
    delta2 = (targets - output) * network.get_activation(activation).slope_from_output(output)
    for j in range(W1.shape[1]):
        share = delta2 * W2[j, 0]
        one_layer = network.train(inputs, hidden_out[:, [j]] + share, W1[:, [j]], activation, 1, 1.0)
        np.testing.assert_allclose(one_layer.final_weights, W1[:, [j]] + dW1[:, [j]], rtol=0, atol=1e-14)


# --- training: one run, many runs ----------------------------------------------------------


def test_train_hidden_records_every_step_as_hidden_gradients_says():
    W1, W2 = hidden.initial_hidden_weights(0, 4)
    history = hidden.train_hidden(XOR_INPUTS, XOR_TARGETS, W1, W2, "tanh", iterations=30, learning_rate=0.3)
    assert history.W1.shape == (31, 3, 4) and history.W2.shape == (31, 5, 1) and history.errors.shape == (31, 4)
    assert history.iterations == 30 and history.learning_rate == 0.3 and history.activation == "tanh"
    np.testing.assert_array_equal(history.W1[0], W1)
    np.testing.assert_array_equal(history.W2[0], W2)
    for k in (0, 1, 17, 29):
        dW1, dW2 = hidden.hidden_gradients(XOR_INPUTS, XOR_TARGETS, history.W1[k], history.W2[k])
        np.testing.assert_allclose(history.W1[k + 1], history.W1[k] + 0.3 * dW1, rtol=0, atol=1e-15)
        np.testing.assert_allclose(history.W2[k + 1], history.W2[k] + 0.3 * dW2, rtol=0, atol=1e-15)
    for k in (0, 30):
        _, output = hidden.forward(XOR_INPUTS, history.W1[k], history.W2[k])
        np.testing.assert_allclose(history.errors[k], (XOR_TARGETS - output)[:, 0], rtol=0, atol=1e-15)
    np.testing.assert_array_equal(history.final_W1, history.W1[-1])
    np.testing.assert_array_equal(history.final_W2, history.W2[-1])
    np.testing.assert_allclose(history.mean_squared_error, np.mean(history.errors**2, axis=1))


@pytest.mark.parametrize("seed, n_hidden, activation", [(0, 3, "tanh"), (2, 4, "sigmoid"), (4, 8, "relu")])
def test_every_step_of_a_long_run_is_the_step_hidden_gradients_gives(seed, n_hidden, activation):
    """Every one of 2,000 recorded steps against the chapter's loop body, W += rate * dW, from the recorded
    weights before it: equal to the last bit or so (train_hidden lays the weights out for speed and takes
    the sums in another order). Whole runs are not compared: 1e-16 differences grow while a run crosses
    XOR's early plateau, where the hidden units split up, to 1e-7 for some seeds."""
    W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
    history = hidden.train_hidden(XOR_INPUTS, XOR_TARGETS, W1, W2, activation, 2000, 0.25)
    worst = 0.0
    for k in range(2000):
        dW1, dW2 = hidden.hidden_gradients(XOR_INPUTS, XOR_TARGETS, history.W1[k], history.W2[k], activation)
        worst = max(worst, np.max(np.abs(history.W1[k + 1] - (history.W1[k] + 0.25 * dW1))),
                    np.max(np.abs(history.W2[k + 1] - (history.W2[k] + 0.25 * dW2))))
    assert worst <= 1e-14


@pytest.mark.parametrize(
    "n_hidden, activation, rate, scheme",
    [(4, "tanh", 0.25, "uniform"), (2, "sigmoid", 1.0, "glorot"), (3, "relu", 0.1, "uniform"), (8, "post_tanh", 0.5, "post")],
)
def test_many_seeds_side_by_side_equal_one_run_at_a_time(n_hidden, activation, rate, scheme):
    """Bit for bit, though 1e-12 is all the chapter needs: a run's numbers do not depend on its neighbours."""
    seeds = [0, 1, 5, 99, 2**32 - 1]
    sweep = hidden.train_hidden_many(XOR_INPUTS, XOR_TARGETS, seeds, n_hidden, 600, rate, activation, scheme)
    assert sweep.W1.shape == (5, 3, n_hidden) and sweep.W2.shape == (5, n_hidden + 1, 1) and sweep.errors.shape == (5, 4)
    for i, seed in enumerate(seeds):
        W1, W2 = hidden.initial_hidden_weights(seed, n_hidden, scheme=scheme)
        history = hidden.train_hidden(XOR_INPUTS, XOR_TARGETS, W1, W2, activation, 600, rate)
        np.testing.assert_allclose(sweep.W1[i], history.final_W1, rtol=0, atol=1e-12)
        np.testing.assert_allclose(sweep.W2[i], history.final_W2, rtol=0, atol=1e-12)
        np.testing.assert_allclose(sweep.errors[i], history.errors[-1], rtol=0, atol=1e-12)
        assert sweep.solved[i] == hidden.solves(XOR_INPUTS, XOR_TARGETS, history.final_W1, history.final_W2, activation)
    np.testing.assert_array_equal(sweep.seeds, seeds)


def test_zero_iterations_leave_the_starting_weights():
    sweep = hidden.train_hidden_many(XOR_INPUTS, XOR_TARGETS, [3], 2, iterations=0)
    W1, W2 = hidden.initial_hidden_weights(3, 2)
    np.testing.assert_array_equal(sweep.W1[0], W1)
    np.testing.assert_array_equal(sweep.W2[0], W2)
    np.testing.assert_allclose(sweep.outputs[0], hidden.forward(XOR_INPUTS, W1, W2)[1][:, 0], rtol=0, atol=1e-15)


def test_the_default_rate_and_iterations_are_the_chapters():
    W1, W2 = hidden.initial_hidden_weights(0, 4)
    history = hidden.train_hidden(XOR_INPUTS, XOR_TARGETS, W1, W2)
    assert history.iterations == hidden.XOR_ITERATIONS == 10_000 and history.learning_rate == hidden.XOR_LEARNING_RATE


# --- XOR ---------------------------------------------------------------------------------


def test_xor_targets_are_the_xor_of_the_first_two_inputs():
    np.testing.assert_array_equal(XOR_TARGETS[:, 0], np.logical_xor(XOR_INPUTS[:, 0], XOR_INPUTS[:, 1]))
    np.testing.assert_array_equal(XOR_INPUTS, network.POST_INPUTS)
    assert not XOR_TARGETS.flags.writeable


def test_one_layer_cannot_fit_xor():
    """No line separates XOR's classes, so no seed's one-layer network gets all four right."""
    weights = np.hstack([network.initial_weights(seed, "uniform") for seed in range(200)])
    final, errors = network.train_columns_final(XOR_INPUTS, XOR_TARGETS, weights, "tanh", 5000, 0.25)
    outputs = XOR_TARGETS - errors
    right = (outputs > 0.5) == (XOR_TARGETS > 0.5)
    assert not right.all(axis=0).any()
    assert np.min(np.max(np.abs(errors), axis=0)) > 0.45  # every run keeps an error near 0.5 or more


def test_a_hidden_layer_fits_xor():
    W1, W2 = hidden.initial_hidden_weights(0, 4)
    assert not hidden.solves(XOR_INPUTS, XOR_TARGETS, W1, W2)
    history = hidden.train_hidden(XOR_INPUTS, XOR_TARGETS, W1, W2)
    assert hidden.solves(XOR_INPUTS, XOR_TARGETS, history.final_W1, history.final_W2)
    assert np.max(np.abs(history.errors[-1])) < 0.05


def test_some_seeds_fail_with_two_hidden_units():
    sweep = hidden.train_hidden_many(XOR_INPUTS, XOR_TARGETS, range(100), 2)
    assert 0 < sweep.solved.sum() < 100
    stuck = int(np.argmin(sweep.solved))
    assert np.max(np.abs(sweep.errors[stuck])) > 0.4


def test_the_chapters_seeds_with_two_hidden_units():
    """Seed 0 solves XOR with two hidden units; seed 12 settles in a poor minimum, outputs 0.5 for two
    examples (011 and 111), and is still there after 100,000 steps."""
    sweep = hidden.train_hidden_many(XOR_INPUTS, XOR_TARGETS, [0, 12], 2)
    assert list(sweep.solved) == [True, False]
    stuck = hidden.train_hidden_many(XOR_INPUTS, XOR_TARGETS, [12], 2, iterations=100_000)
    np.testing.assert_allclose(stuck.outputs[0, [1, 3]], 0.5, atol=1e-3)
    assert not stuck.solved[0]


def test_solves_looks_at_the_side_of_one_half():
    W1 = np.zeros((3, 1))
    for bias, expected in ((0.0, False), (1.0, False)):  # every output the same: half of XOR wrong
        assert hidden.solves(XOR_INPUTS, XOR_TARGETS, W1, [[0.0], [bias]]) is expected
    # sigmoid(0) is exactly 0.5: on neither side, so not solved even for the target 0
    assert not hidden.solves([[0.0]], [[0.0]], [[0.0]], [[0.0], [0.0]], "sigmoid")
    assert hidden.solves([[0.0]], [[0.0]], [[0.0]], [[0.0], [-1.0]], "sigmoid")
    assert hidden.solves([[0.0]], [[1.0]], [[0.0]], [[0.0], [1.0]], "sigmoid")


def test_scikit_learn_solves_the_same_xor():
    """A sanity check from outside: the same four inputs and targets, four hidden units."""
    from sklearn.neural_network import MLPClassifier

    classifier = MLPClassifier(hidden_layer_sizes=(4,), solver="lbfgs", random_state=1, max_iter=1000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        classifier.fit(XOR_INPUTS, XOR_TARGETS.ravel().astype(int))
    np.testing.assert_array_equal(classifier.predict(XOR_INPUTS), [0, 1, 1, 0])
    assert [w.shape for w in classifier.coefs_] == [(3, 4), (4, 1)]  # the shapes of W1 and W2 (less its bias)


# --- starting weights -------------------------------------------------------------------


def test_initial_weights_shapes_ranges_and_streams():
    W1, W2 = hidden.initial_hidden_weights(42, 5, n_inputs=2)
    assert W1.shape == (2, 5) and W2.shape == (6, 1)
    rng = np.random.default_rng(42)
    np.testing.assert_array_equal(W1, rng.uniform(-1, 1, (2, 5)))
    np.testing.assert_array_equal(W2, rng.uniform(-1, 1, (6, 1)))
    big1, big2 = hidden.initial_hidden_weights(1, 1000, n_inputs=10, scheme="glorot")
    assert np.max(np.abs(big1)) <= np.sqrt(6 / 1010) and np.max(np.abs(big1)) > 0.95 * np.sqrt(6 / 1010)
    assert np.max(np.abs(big2)) <= np.sqrt(6 / 1002) and np.max(np.abs(big2)) > 0.9 * np.sqrt(6 / 1002)
    before = np.random.get_state()[1].copy()
    post1, post2 = hidden.initial_hidden_weights(1, 4, scheme="post")
    np.testing.assert_array_equal(np.random.get_state()[1], before)
    np.random.seed(1)
    np.testing.assert_array_equal(post1, np.random.random((3, 4)) - 1)
    np.testing.assert_array_equal(post2, np.random.random((5, 1)) - 1)
    a, b = hidden.initial_hidden_weights(7, 3), hidden.initial_hidden_weights(8, 3)
    assert not np.array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[0], hidden.initial_hidden_weights(7, 3)[0])


# --- divergence -----------------------------------------------------------------------------


def test_a_diverging_run_raises_and_a_diverging_sweep_says_which():
    with pytest.raises(network.TrainingDivergedError, match=r"^training diverged: the numbers stopped being finite at update 1 of 3 \(activation 'relu', learning_rate 1.0"):
        hidden.train_hidden([[1.0]], [[1e150]], [[1.0]], [[1.0], [1.0]], "relu", 3, 1.0)
    with pytest.raises(network.TrainingDivergedError, match=r"^training cannot start: the starting weights"):
        hidden.train_hidden([[1.0]], [[0.0]], [[1e200]], [[1e200], [0.0]], "relu", 3, 1.0)
    sweep = hidden.train_hidden_many([[1.0]], [[1e150]], range(20), 1, 3, 1.0, "relu")
    assert not sweep.finite.all() and not sweep.solved[~sweep.finite].any()


# --- train_columns_final, the one-layer sweep -------------------------------------------------


@pytest.mark.parametrize("activation, rate", [("post_tanh", 1.0), ("sigmoid", 0.7), ("relu", 0.3)])
def test_train_columns_final_is_the_last_step_of_train_columns(activation, rate):
    weights = np.hstack([network.initial_weights(seed, "uniform") for seed in range(50)])
    steps, errors = network.train_columns(network.POST_INPUTS, network.POST_TARGETS, weights, activation, 3000, rate)
    final, final_errors = network.train_columns_final(network.POST_INPUTS, network.POST_TARGETS, weights, activation, 3000, rate)
    np.testing.assert_array_equal(final, steps[-1])
    np.testing.assert_array_equal(final_errors, errors[-1])
    assert final.shape == (3, 50) and final_errors.shape == (4, 50)
    np.testing.assert_array_equal(weights, np.hstack([network.initial_weights(seed, "uniform") for seed in range(50)]))


def test_train_columns_final_reproduces_the_posts_run():
    final, _ = helpers.train_columns_final(network.POST_INPUTS, network.POST_TARGETS, network.initial_weights(1), "post_tanh", 10_000)
    assert [f"{v:.8f}" for v in final.ravel()] == ["7.15658165", "-0.01759756", "-0.04949243"]


def test_train_columns_final_records_nothing_so_has_no_history_limit():
    weights = np.zeros((3, 3000))  # train_columns would record 10,001 x 7 x 3,000 numbers and refuse
    final, _ = network.train_columns_final(network.POST_INPUTS, network.POST_TARGETS, weights, "tanh", 10)
    assert final.shape == (3, 3000)


# --- errors: each with its own wrong input and its exact message -----------------------------

W1_OK, W2_OK = hidden.initial_hidden_weights(0, 4)
X, T = XOR_INPUTS, XOR_TARGETS


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: hidden.initial_hidden_weights(-1, 4), ValueError, "seed must be from 0 to 2**32 - 1 = 4,294,967,295; got -1"),
        (lambda: hidden.initial_hidden_weights(1.5, 4), TypeError, "seed must be a whole number; got 1.5"),
        (lambda: hidden.initial_hidden_weights(1, 0), ValueError, "n_hidden must be from 1 to MAX_N_HIDDEN = 10,000; got 0"),
        (lambda: hidden.initial_hidden_weights(1, "4"), TypeError, "n_hidden must be a whole number; got '4'"),
        (lambda: hidden.initial_hidden_weights(1, 4, 0), ValueError, "n_inputs must be from 1 to MAX_N_INPUTS = 1,000,000; got 0"),
        (lambda: hidden.initial_hidden_weights(1, 4, scheme="he"), ValueError, "unknown initialisation scheme 'he'; expected one of 'post', 'uniform', 'glorot'"),
        (lambda: hidden.forward([0, 0, 1], W1_OK, W2_OK), ValueError, "inputs must be a matrix of shape (n_examples, n_inputs), one row per example; got shape (3,)"),
        (lambda: hidden.forward(X, W1_OK[:2], W2_OK), ValueError, "W1 must have shape (3, n_hidden), a column per hidden unit, n_hidden >= 1; got shape (2, 4)"),
        (lambda: hidden.forward(X, np.zeros((3, 0)), W2_OK), ValueError, "W1 must have shape (3, n_hidden), a column per hidden unit, n_hidden >= 1; got shape (3, 0)"),
        (lambda: hidden.forward(X, W1_OK, W2_OK[:4]), ValueError, "W2 must have shape (5, 1): a weight per hidden unit, then the output's bias; got shape (4, 1)"),
        (lambda: hidden.forward(X, W1_OK, W2_OK.ravel()), ValueError, "W2 must have shape (5, 1): a weight per hidden unit, then the output's bias; got shape (5,)"),
        (lambda: hidden.forward(X, np.full((3, 4), np.nan), W2_OK), ValueError, "W1 must be finite numbers; got 12 nan or inf in shape (3, 4), the first at index (0, 0)"),
        (lambda: hidden.forward(X, W1_OK, [["a"]] * 5), TypeError, "W2 must be numbers (int, float or bool); got text array of shape (5, 1): [['a'] ... ['a']]"),
        (lambda: hidden.forward(X, W1_OK, W2_OK, "tan"), ValueError, "unknown activation 'tan'; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'"),
        (lambda: hidden.forward([[1e200]], [[1e200]], [[1.0], [0.0]], "relu"), ValueError, "forward: the weighted sums are too large to represent (the largest input is 1e+200 in size, the largest weight in W1 is 1e+200 in size, the largest weight in W2 is 1 in size); use inputs and weights nearer to -1..1"),
        (lambda: hidden.hidden_gradients(X, T.ravel(), W1_OK, W2_OK), ValueError, "targets must have shape (4, 1); got shape (4,)"),
        (lambda: hidden.hidden_gradients([[1e200]], [[0.0]], [[1e200]], [[1.0], [0.0]], "relu"), ValueError, "hidden_gradients: the numbers are too large to represent (the largest input is 1e+200 in size, the largest weight in W1 is 1e+200 in size, the largest weight in W2 is 1 in size); use inputs and weights nearer to -1..1"),
        (lambda: hidden.hidden_gradients(X, T, W1_OK, W2_OK, "softmax"), ValueError, "unknown activation 'softmax'; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'"),
        (lambda: hidden.solves(X, [[0], [1]], W1_OK, W2_OK), ValueError, "targets must have shape (4, 1); got shape (2, 1)"),
        (lambda: hidden.train_hidden(X, T, W1_OK, W2_OK, "tanh", -1), ValueError, "iterations must be from 0 to MAX_ITERATIONS = 1,000,000; got -1"),
        (lambda: hidden.train_hidden(X, T, W1_OK, W2_OK, "tanh", 10, 0), ValueError, "learning_rate must be a positive number at most MAX_LEARNING_RATE = 1000; got 0"),
        (lambda: hidden.train_hidden(X, T, W1_OK, W2_OK, "tanh", 10, "0.5"), TypeError, "learning_rate must be a real number such as 0.5; got '0.5'"),
        (lambda: hidden.train_hidden(X, T, W1_OK, W2_OK, "relu ", 10), ValueError, "unknown activation 'relu '; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'"),
        (lambda: hidden.train_hidden(X, T, np.zeros((3, 100)), np.zeros((101, 1)), "tanh", 1_000_000), ValueError, "training would record (iterations + 1) x (weights + n_examples) = 1,000,001 x 405 = 405,000,405 numbers, more than MAX_HISTORY_VALUES = 20,000,000; use fewer iterations, hidden units or examples"),
        (lambda: hidden.train_hidden(X, T, network.History(np.zeros((1, 3)), np.zeros((1, 4)), "tanh", 1.0), W2_OK), TypeError, "W1 must be an array, not a History; for its weights pass history.final_weights"),
        (lambda: hidden.forward(X, hidden.train_hidden(X, T, W1_OK, W2_OK, iterations=1), W2_OK), TypeError, "W1 must be an array, not a HiddenHistory; for its weights pass history.final_W1 and history.final_W2"),
        (lambda: hidden.solves(X, T, W1_OK, hidden.train_hidden_many(X, T, [0], 4, 1)), TypeError, "W2 must be an array, not a HiddenSweep; for its weights pass sweep.W1[i] and sweep.W2[i]"),
        (lambda: hidden.train_hidden_many(X, T, [[1, 2]], 4), TypeError, "seeds must be a list of whole numbers, such as range(1000); got [[1, 2]]"),
        (lambda: hidden.train_hidden_many(X, T, 5, 4), TypeError, "seeds must be a list of whole numbers, such as range(1000); got 5"),
        (lambda: hidden.train_hidden_many(X, T, "12", 4), TypeError, "seeds must be a list of whole numbers, such as range(1000); got '12'"),
        (lambda: hidden.train_hidden_many(X, T, [], 4), ValueError, "seeds must hold from 1 to MAX_N_SEEDS = 100,000 seeds; got 0"),
        (lambda: hidden.train_hidden_many(X, T, range(100_001), 4), ValueError, "seeds must hold from 1 to MAX_N_SEEDS = 100,000 seeds; got 100,001"),
        (lambda: hidden.train_hidden_many(X, T, [1, 2.5], 4), TypeError, "seeds must be a whole number; got 2.5"),
        (lambda: hidden.train_hidden_many(X, T, [1, 2**32], 4), ValueError, "seeds must be from 0 to 2**32 - 1 = 4,294,967,295; got 4,294,967,296"),
        (lambda: hidden.train_hidden_many(X, T, [1], 0), ValueError, "n_hidden must be from 1 to MAX_N_HIDDEN = 10,000; got 0"),
        (lambda: hidden.train_hidden_many(X, T, [1], 4, 1.0), TypeError, "iterations must be a whole number; got 1.0"),
        (lambda: hidden.train_hidden_many(X, T, [1], 4, 10, -0.1), ValueError, "learning_rate must be a positive number at most MAX_LEARNING_RATE = 1000; got -0.1"),
        (lambda: hidden.train_hidden_many(X, T, [1], 4, 10, 0.1, "Tanh"), ValueError, "unknown activation 'Tanh'; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'"),
        (lambda: hidden.train_hidden_many(X, T, [1], 4, 10, 0.1, "tanh", "gauss"), ValueError, "unknown initialisation scheme 'gauss'; expected one of 'post', 'uniform', 'glorot'"),
        (lambda: hidden.train_hidden_many(X, [[0]] * 3, [1], 4), ValueError, "targets must have shape (4, 1); got shape (3, 1)"),
        (lambda: hidden.train_hidden_many(np.zeros((4, 0)), T, [1], 4), ValueError, "inputs must have at least one example (row) and one input (column); got shape (4, 0)"),
        (lambda: hidden.train_hidden_many(X, T, range(50_000), 200), ValueError, "n_seeds x n_examples x n_hidden = 50,000 x 4 x 200 numbers per step is more than MAX_HISTORY_VALUES = 20,000,000; use fewer seeds, examples or hidden units"),
        (lambda: network.train_columns_final(X, T, np.zeros((2, 5)), "tanh", 5), ValueError, "weights must have shape (3, n_runs), one column per run, n_runs >= 1; got shape (2, 5)"),
        (lambda: network.train_columns_final(X, T, np.zeros((3, 5)), "tanh", 5, 2000), ValueError, "learning_rate must be a positive number at most MAX_LEARNING_RATE = 1000; got 2000"),
        (lambda: network.train_columns_final(X, T[:3], np.zeros((3, 5)), "tanh", 5), ValueError, "targets must have shape (4, 1); got shape (3, 1)"),
        (lambda: network.train_columns_final(X, T, np.zeros((3, 5)), "tanh", 10**7), ValueError, "iterations must be from 0 to MAX_ITERATIONS = 1,000,000; got 10,000,000"),
        (lambda: network.train_columns_final(X, T, np.zeros((3, 5)), "linear", 5), ValueError, "unknown activation 'linear'; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'"),
    ],
)
def test_each_wrong_argument_gets_one_clear_error(call, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        call()


# --- properties ---------------------------------------------------------------------------

RANGES = {"tanh": (-1, 1), "post_tanh": (-1, 1), "sigmoid": (0, 1), "relu": (0, np.inf)}


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    n_hidden=st.integers(1, 6),
    iterations=st.integers(0, 200),
    activation=st.sampled_from(sorted(network.ACTIVATIONS)),
    scheme=st.sampled_from(network.INIT_SCHEMES),
    learning_rate=st.floats(1e-3, 2.0),
)
def test_training_is_finite_in_range_and_the_same_one_run_or_many(seed, n_hidden, iterations, activation, scheme, learning_rate):
    W1, W2 = hidden.initial_hidden_weights(seed, n_hidden, scheme=scheme)
    history = hidden.train_hidden(XOR_INPUTS, XOR_TARGETS, W1, W2, activation, iterations, learning_rate)
    hidden_out, output = hidden.forward(XOR_INPUTS, history.final_W1, history.final_W2, activation)
    low, high = RANGES[activation]
    assert np.all((hidden_out >= low) & (hidden_out <= high)) and np.all((output >= low) & (output <= high))
    sweep = hidden.train_hidden_many(XOR_INPUTS, XOR_TARGETS, [seed], n_hidden, iterations, learning_rate, activation, scheme)
    np.testing.assert_array_equal(sweep.W1[0], history.final_W1)
    np.testing.assert_array_equal(sweep.W2[0], history.final_W2)
    np.testing.assert_array_equal(sweep.errors[0], history.errors[-1])

"""network.step and hidden.step (the step-through explorers of chapters 5 and 7) against
independent oracles: the training loops' own histories, chapter 5's formulas typed by hand,
finite differences of the loss, and hidden_gradients."""

import re

import numpy as np
import pytest

from helpers import hidden, network

X, T = network.POST_INPUTS, network.POST_TARGETS
XOR_T = hidden.XOR_TARGETS
ACTIVATIONS = ("post_tanh", "tanh", "sigmoid", "relu")
RATES = (1.0, 0.5, 0.3)


# --- network.step -----------------------------------------------------------------------------


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_new_weights_are_trains_next_weights_to_the_bit(activation, rate):
    history = network.train(X, T, network.initial_weights(1, "post"), activation, 3000, rate)
    for k in range(history.iterations):
        result = network.step(X, T, history.weights[k][:, None], activation, rate)
        assert result.new_weights.shape == (3, 1)
        assert np.array_equal(result.new_weights[:, 0], history.weights[k + 1]), k
        # the errors the history records are the step's errors, to the bit too
        assert np.array_equal(result.error[:, 0], history.errors[k]), k


@pytest.mark.parametrize("seed", [0, 7, 12345])
def test_bit_equality_holds_for_other_seeds_and_a_signed_dataset(seed):
    inputs = np.hstack([2 * X[:, :2] - 1, X[:, 2:]])
    weights = network.initial_weights(seed, "uniform")
    history = network.train(inputs, T, weights, "tanh", 500, 0.3)
    for k in range(history.iterations):
        new = network.step(inputs, T, history.weights[k][:, None], "tanh", 0.3).new_weights
        assert np.array_equal(new[:, 0], history.weights[k + 1]), k


@pytest.mark.parametrize("activation, slope", [
    ("tanh", lambda y: 1 - y**2),
    ("post_tanh", lambda y: 1 - np.tanh(4 * y)),
])
@pytest.mark.parametrize("rate", [1.0, 0.5])
def test_every_array_is_chapter_5s_formula_by_hand(activation, slope, rate):
    w = network.initial_weights(1, "post")
    for _ in range(3):  # the first step, and two later ones
        result = network.step(X, T, w, activation, rate)
        z = X @ w
        y = np.tanh(z)
        error = T - y
        delta = error * slope(y)
        update = rate * (X.T @ delta)
        expected = (w, z, y, error, slope(y), delta, update, w + update)
        for name, got, want in zip(network.Step._fields, result, expected):
            assert got.shape == want.shape, name
            np.testing.assert_allclose(got, want, rtol=0, atol=1e-14, err_msg=name)
        w = result.new_weights


def loss(inputs, targets, w, f=np.tanh):
    return 0.5 * np.sum((targets - f(inputs @ w)) ** 2)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("rate", RATES)
def test_update_over_the_rate_is_minus_the_true_gradient(seed, rate):
    w = network.initial_weights(seed, "uniform")
    result = network.step(X, T, w, "tanh", rate)
    h = 1e-6
    gradient = np.array([
        (loss(X, T, w + h * e) - loss(X, T, w - h * e)) / (2 * h) for e in np.eye(3)[:, :, None]
    ])
    np.testing.assert_allclose(result.update / rate, -gradient[:, None], rtol=1e-7, atol=1e-9)
    # the post's slope is not the gradient: its update differs by far more than rounding
    post = network.step(X, T, w, "post_tanh", rate)
    assert np.max(np.abs(post.update / rate + gradient)) > 1e-3


def test_step_returns_new_arrays_and_leaves_its_arguments_alone():
    w = network.initial_weights(1, "post")
    before = w.copy()
    result = network.step(X, T, w, "tanh")
    np.testing.assert_array_equal(w, before)
    assert not np.shares_memory(result.new_weights, w)
    assert result.weights.shape == (3, 1) and result.z.shape == (4, 1)


def test_step_takes_nested_lists_and_defaults_to_tanh_at_rate_1():
    w = network.initial_weights(1, "post")
    by_lists = network.step(X.tolist(), T.tolist(), w.tolist())
    explicit = network.step(X, T, w, "tanh", 1.0)
    for name, a, b in zip(network.Step._fields, by_lists, explicit):
        assert np.array_equal(a, b), name


# --- hidden.step ------------------------------------------------------------------------------


@pytest.mark.parametrize("seed, n_hidden, activation, rate", [
    (0, 2, "tanh", 0.25), (12, 4, "tanh", 0.25), (3, 1, "sigmoid", 1.0), (5, 8, "relu", 0.1),
    (7, 3, "post_tanh", 0.5),
])
def test_hidden_new_weights_are_train_hiddens_next_weights(seed, n_hidden, activation, rate):
    W1, W2 = hidden.initial_hidden_weights(seed, n_hidden)
    history = hidden.train_hidden(X, XOR_T, W1, W2, activation, 1000, rate)
    for k in range(history.iterations):
        result = hidden.step(X, XOR_T, history.W1[k], history.W2[k], activation, rate)
        assert result.new_W1.shape == (3, n_hidden) and result.new_W2.shape == (n_hidden + 1, 1)
        np.testing.assert_allclose(result.new_W1, history.W1[k + 1], rtol=0, atol=1e-12)
        np.testing.assert_allclose(result.new_W2, history.W2[k + 1], rtol=0, atol=1e-12)
        np.testing.assert_allclose(result.error[:, 0], history.errors[k], rtol=0, atol=1e-12)


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("rate", [0.25, 1.0])
def test_hidden_updates_over_the_rate_are_hidden_gradients(activation, rate):
    W1, W2 = hidden.initial_hidden_weights(4, 3)
    result = hidden.step(X, XOR_T, W1, W2, activation, rate)
    dW1, dW2 = hidden.hidden_gradients(X, XOR_T, W1, W2, activation)
    np.testing.assert_allclose(result.dW1 / rate, dW1, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(result.dW2 / rate, dW2, rtol=1e-13, atol=1e-15)


def test_hidden_step_by_hand_and_by_finite_differences():
    W1, W2 = hidden.initial_hidden_weights(2, 2)
    rate = 0.25
    result = hidden.step(X, XOR_T, W1, W2, "tanh", rate)
    # by hand, the chapter's lines
    h = np.tanh(X @ W1)
    h1 = np.column_stack([h, np.ones(4)])
    y = np.tanh(h1 @ W2)
    delta2 = (XOR_T - y) * (1 - y**2)
    back = delta2 @ W2[:2].T
    delta1 = back * (1 - h**2)
    expected = {
        "z1": X @ W1, "hidden": h, "z2": h1 @ W2, "output": y, "error": XOR_T - y,
        "slope2": 1 - y**2, "delta2": delta2, "back": back, "slope1": 1 - h**2, "delta1": delta1,
        "dW2": rate * h1.T @ delta2, "dW1": rate * X.T @ delta1, "W1": W1, "W2": W2,
        "new_W1": W1 + rate * X.T @ delta1, "new_W2": W2 + rate * h1.T @ delta2,
    }
    assert set(expected) == set(hidden.HiddenStep._fields)
    for name, want in expected.items():
        got = getattr(result, name)
        assert got.shape == want.shape, name
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-14, err_msg=name)

    # finite differences of L = sum(error**2) / 2 in every weight: dW / rate = -dL/dW
    def loss_of(W1, W2):
        return 0.5 * np.sum((XOR_T - hidden.forward(X, W1, W2)[1]) ** 2)

    eps = 1e-6
    for weights, update, which in ((W1, result.dW1, 0), (W2, result.dW2, 1)):
        for index in np.ndindex(weights.shape):
            bump = np.zeros_like(weights)
            bump[index] = eps
            pair = [W1, W2]
            plus, minus = list(pair), list(pair)
            plus[which], minus[which] = weights + bump, weights - bump
            slope = (loss_of(*plus) - loss_of(*minus)) / (2 * eps)
            assert update[index] / rate == pytest.approx(-slope, rel=1e-6, abs=1e-9), (which, index)


def test_hidden_step_defaults_to_the_chapters_rate_and_tanh():
    W1, W2 = hidden.initial_hidden_weights(0, 2)
    default = hidden.step(X, XOR_T, W1, W2)
    explicit = hidden.step(X, XOR_T, W1, W2, "tanh", 0.25)
    for name, a, b in zip(hidden.HiddenStep._fields, default, explicit):
        assert np.array_equal(a, b), name


# --- errors: each with its own wrong input and its exact message ------------------------------

W = network.initial_weights(1, "post")
W1_OK, W2_OK = hidden.initial_hidden_weights(0, 2)
UNKNOWN = "expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'"
RATE_RANGE = "learning_rate must be a positive number at most MAX_LEARNING_RATE = 1000; got "
TOO_LARGE = "too large to represent"


@pytest.mark.parametrize("call, error, message", [
    (lambda: network.step([0, 0, 1], T, W), ValueError,
     "inputs must be a matrix of shape (n_examples, n_inputs), one row per example; "
     "got shape (3,)"),
    (lambda: network.step(np.zeros((4, 0)), T, W), ValueError,
     "inputs must have at least one example (row) and one input (column); got shape (4, 0)"),
    (lambda: network.step([["a"] * 3] * 4, T, W), TypeError,
     "inputs must be numbers (int, float or bool); got text array of shape (4, 3): "
     "[['a' ... 'a'] ... ['a' ... 'a']]"),
    (lambda: network.step(X, T.ravel(), W), ValueError,
     "targets must have shape (4, 1); got shape (4,)"),
    (lambda: network.step(X, T[:3], W), ValueError,
     "targets must have shape (4, 1); got shape (3, 1)"),
    (lambda: network.step(X, [[0], [0], [1], [np.nan]], W), ValueError,
     "targets must be finite numbers; got 1 nan or inf in shape (4, 1), the first at index (3, 0)"),
    (lambda: network.step(X, T, W.ravel()), ValueError,
     "weights must have shape (3, 1); got shape (3,)"),
    (lambda: network.step(X, T, W[:2]), ValueError,
     "weights must have shape (3, 1); got shape (2, 1)"),
    (lambda: network.step(X, T, np.zeros((3, 2))), ValueError,
     "weights must have shape (3, 1); got shape (3, 2)"),
    (lambda: network.step(X, T, [[0.1], [np.inf], [0.2]]), ValueError,
     "weights must be finite numbers; got 1 nan or inf in shape (3, 1), the first at index (1, 0)"),
    (lambda: network.step(X, T, W, "tan"), ValueError, f"unknown activation 'tan'; {UNKNOWN}"),
    (lambda: network.step(X, T, W, None), ValueError, f"unknown activation None; {UNKNOWN}"),
    (lambda: network.step(X, T, W, "tanh", 0), ValueError, RATE_RANGE + "0"),
    (lambda: network.step(X, T, W, "tanh", -0.5), ValueError, RATE_RANGE + "-0.5"),
    (lambda: network.step(X, T, W, "tanh", 1001), ValueError, RATE_RANGE + "1001"),
    (lambda: network.step(X, T, W, "tanh", float("nan")), ValueError, RATE_RANGE + "nan"),
    (lambda: network.step(X, T, W, "tanh", "1"), TypeError,
     "learning_rate must be a real number such as 0.5; got '1'"),
    (lambda: network.step(X, T, W, "tanh", True), TypeError,
     "learning_rate must be a real number such as 0.5; got True"),
    (lambda: network.step([[1e200]], [[0.0]], [[1e200]], "relu"), ValueError,
     f"step: z is {TOO_LARGE} (the largest input is 1e+200 in size, the largest weight is "
     "1e+200 in size); use inputs and weights nearer to -1..1"),
    (lambda: network.step([[1.0]], [[-1.7e308]], [[1.7e308]], "relu"), ValueError,
     f"step: error is {TOO_LARGE} (the largest input is 1 in size, the largest weight is "
     "1.7e+308 in size); use inputs and weights nearer to -1..1"),
    (lambda: network.step([[1.0]], [[1.7e308]], [[-10.0]], "post_tanh"), ValueError,
     f"step: delta is {TOO_LARGE} (the largest input is 1 in size, the largest weight is "
     "10 in size); use inputs and weights nearer to -1..1"),
    (lambda: network.step([[1e306]], [[1.0]], [[-1e-306]], "tanh", 1000), ValueError,
     f"step: update is {TOO_LARGE} (the largest input is 1e+306 in size, the largest weight is "
     "1e-306 in size); use inputs and weights nearer to -1..1"),
    (lambda: network.step([[1.0]], [[1e308]], [[1.7e308]], "post_tanh", 1000), ValueError,
     f"step: new_weights is {TOO_LARGE} (the largest input is 1 in size, the largest "
     "weight is 1.7e+308 in size); use inputs and weights nearer to -1..1"),
    # hidden.step
    (lambda: hidden.step([0, 0, 1], XOR_T, W1_OK, W2_OK), ValueError,
     "inputs must be a matrix of shape (n_examples, n_inputs), one row per example; "
     "got shape (3,)"),
    (lambda: hidden.step(X, XOR_T, W1_OK[:2], W2_OK), ValueError,
     "W1 must have shape (3, n_hidden), a column per hidden unit, n_hidden >= 1; "
     "got shape (2, 2)"),
    (lambda: hidden.step(X, XOR_T, W1_OK, W2_OK[:2]), ValueError,
     "W2 must have shape (3, 1): a weight per hidden unit, then the output's bias; "
     "got shape (2, 1)"),
    (lambda: hidden.step(X, XOR_T, np.full((3, 2), np.nan), W2_OK), ValueError,
     "W1 must be finite numbers; got 6 nan or inf in shape (3, 2), the first at index (0, 0)"),
    (lambda: hidden.step(X, XOR_T, W1_OK, [[0.0], [np.nan], [0.0]]), ValueError,
     "W2 must be finite numbers; got 1 nan or inf in shape (3, 1), the first at index (1, 0)"),
    (lambda: hidden.step(X, XOR_T[:2], W1_OK, W2_OK), ValueError,
     "targets must have shape (4, 1); got shape (2, 1)"),
    (lambda: hidden.step(X, [[0], [1], [1], [np.inf]], W1_OK, W2_OK), ValueError,
     "targets must be finite numbers; got 1 nan or inf in shape (4, 1), the first at index (3, 0)"),
    (lambda: hidden.step(X, XOR_T, W1_OK, W2_OK, "softmax"), ValueError,
     f"unknown activation 'softmax'; {UNKNOWN}"),
    (lambda: hidden.step(X, XOR_T, W1_OK, W2_OK, "tanh", 0.0), ValueError, RATE_RANGE + "0.0"),
    (lambda: hidden.step(X, XOR_T, W1_OK, W2_OK, "tanh", float("inf")), ValueError,
     RATE_RANGE + "inf"),
    (lambda: hidden.step(X, XOR_T, W1_OK, W2_OK, "tanh", "0.25"), TypeError,
     "learning_rate must be a real number such as 0.5; got '0.25'"),
    (lambda: hidden.step([[1e200]], [[0.0]], [[1e200]], [[1.0], [0.0]], "relu"), ValueError,
     f"step: z1 is {TOO_LARGE} (the largest input is 1e+200 in size, the largest weight in W1 "
     "is 1e+200 in size, the largest weight in W2 is 1 in size); "
     "use inputs and weights nearer to -1..1"),
    (lambda: hidden.step([[1.0]], [[0.0]], [[1e200]], [[1e200], [0.0]], "relu"), ValueError,
     f"step: z2 is {TOO_LARGE} (the largest input is 1 in size, the largest weight in W1 "
     "is 1e+200 in size, the largest weight in W2 is 1e+200 in size); "
     "use inputs and weights nearer to -1..1"),
    (lambda: hidden.step([[1e306]], [[1.0]], [[-1e-306]], [[1.0], [0.0]], "tanh", 1000),
     ValueError,
     f"step: dW1 is {TOO_LARGE} (the largest input is 1e+306 in size, the largest weight in W1 "
     "is 1e-306 in size, the largest weight in W2 is 1 in size); "
     "use inputs and weights nearer to -1..1"),
])
def test_each_wrong_argument_gets_one_clear_error(call, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        call()


@pytest.mark.parametrize("train_call, step_call", [
    (lambda: network.train(X, T, W, "tan", 1, 0), lambda: network.step(X, T, W, "tan", 0)),
    (lambda: network.train(X, T[:3], W[:2], "tan", 1, 0),
     lambda: network.step(X, T[:3], W[:2], "tan", 0)),
    (lambda: network.train(X[:, :2], T[:3], W, "tanh", 1),
     lambda: network.step(X[:, :2], T[:3], W, "tanh")),
    (lambda: hidden.train_hidden(X, T, W1_OK, W2_OK, "tan", 1, 0),
     lambda: hidden.step(X, T, W1_OK, W2_OK, "tan", 0)),
    (lambda: hidden.train_hidden(X, T[:2], W1_OK, W2_OK[:1], "tan", 1, 0),
     lambda: hidden.step(X, T[:2], W1_OK, W2_OK[:1], "tan", 0)),
])
def test_several_wrong_arguments_get_the_error_training_gives(train_call, step_call):
    with pytest.raises((TypeError, ValueError)) as trained:
        train_call()
    with pytest.raises(type(trained.value), match=f"^{re.escape(str(trained.value))}$"):
        step_call()

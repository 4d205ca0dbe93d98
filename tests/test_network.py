"""The network in helpers against independent oracles: the post's own loop and numbers,
finite differences, and recomputation of every recorded step."""

import math
import warnings

import numpy as np
import pytest

import helpers
from helpers import _validate, network
from tests.post_loop import run_post_loop

# What the post printed, as text: the oracle that cannot drift with our code.
POST_PREDICTIONS = ["0.99999874", "-0.01759575", "0.99999878"]
POST_FINAL_WEIGHTS = ["7.15658165", "-0.01759756", "-0.04949243"]


def printed(values):
    """Numbers as NumPy prints them by default: 8 decimals."""
    return [f"{v:.8f}" for v in np.ravel(values)]


@pytest.fixture(scope="module")
def post_run():
    weights = helpers.initial_weights(helpers.POST_SEED, "post")
    return helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, "post_tanh")


def test_post_configuration_prints_the_posts_numbers(post_run):
    predictions = helpers.predict(helpers.POST_TEST_INPUTS, post_run.final_weights, "post_tanh")
    assert printed(predictions) == POST_PREDICTIONS
    assert printed(post_run.final_weights) == POST_FINAL_WEIGHTS


def test_post_configuration_matches_the_posts_loop(post_run):
    oracle_weights, oracle_predictions = run_post_loop()
    # np.tanh and the exponential formula differ in the last bit at most, so after
    # 10,000 steps the two runs agree to about 1e-16, far beyond the printed digits.
    np.testing.assert_allclose(post_run.final_weights, oracle_weights, rtol=1e-13, atol=1e-15)
    ours = helpers.predict(helpers.POST_TEST_INPUTS, post_run.final_weights, "post_tanh")
    np.testing.assert_allclose(ours, oracle_predictions, rtol=1e-13, atol=1e-15)


@pytest.mark.parametrize("seed", [0, 1, 2, 42, 2**32 - 1])
def test_post_initialisation_matches_global_seeding_without_touching_it(seed):
    np.random.seed(seed)
    expected = np.random.random((3, 1)) - 1
    state_before = np.random.get_state()[1].copy()
    weights = helpers.initial_weights(seed, "post")
    np.testing.assert_array_equal(weights, expected)
    np.testing.assert_array_equal(np.random.get_state()[1], state_before)
    assert weights.shape == (3, 1) and np.all((weights >= -1) & (weights < 0))


def test_initialisation_ranges_and_seeds():
    uniform = [helpers.initial_weights(s, "uniform", n_inputs=1000) for s in (3, 3, 4)]
    np.testing.assert_array_equal(uniform[0], uniform[1])
    assert not np.array_equal(uniform[0], uniform[2])
    assert uniform[0].min() < -0.9 and uniform[0].max() > 0.9  # both signs, the full range
    glorot = helpers.initial_weights(5, "glorot", n_inputs=1000)
    limit = np.sqrt(6 / 1001)
    assert np.all(np.abs(glorot) <= limit) and glorot.max() > 0.9 * limit


def test_the_posts_data_is_stored_as_read_only_floats():
    frozen = network.frozen([[0, 1], [1, 1]])
    np.testing.assert_array_equal(frozen, [[0.0, 1.0], [1.0, 1.0]])
    assert frozen.dtype == np.float64
    with pytest.raises(ValueError, match="read-only"):
        frozen[0, 0] = 5.0


Z = np.concatenate([np.linspace(-4, 4, 81), [-30.0, 30.0]])


@pytest.mark.parametrize("name", ["tanh", "sigmoid", "relu"])
def test_slopes_match_central_differences(name):
    f = helpers.get_activation(name).function
    z = Z[np.abs(Z) > 1e-3] if name == "relu" else Z  # relu has no slope at 0
    h = 1e-6
    numerical = (f(z + h) - f(z - h)) / (2 * h)
    np.testing.assert_allclose(helpers.derivative(name, z), numerical, atol=1e-8)


def test_the_posts_slope_is_not_the_slope_of_tanh():
    h = 1e-6
    numerical = (np.tanh(Z + h) - np.tanh(Z - h)) / (2 * h)
    flawed = helpers.derivative("post_tanh", Z)
    assert np.max(np.abs(flawed - numerical)) > 0.5
    # ...but it is never negative, so each update still moves the right way.
    assert np.all(flawed >= 0)


def test_activations_and_slopes_take_booleans_and_exact_python_numbers():
    # Oracles from the formulas: sigmoid(z) = 1 / (1 + e^-z), tanh'(z) = 1 / cosh(z)^2.
    # (Fraction is imported below, with the other tests of exact Python numbers.)
    assert network.sigmoid(Fraction(1, 2)) == pytest.approx(1 / (1 + math.exp(-0.5)), rel=1e-12)
    np.testing.assert_allclose(network.sigmoid([True, False]), [1 / (1 + math.exp(-1)), 0.5], rtol=1e-12)
    assert helpers.derivative("tanh", Fraction(1, 2)) == pytest.approx(1 / math.cosh(0.5) ** 2, rel=1e-12)
    np.testing.assert_allclose(helpers.derivative("tanh", [True, False]), [1 / math.cosh(1) ** 2, 1.0], rtol=1e-12)


@pytest.mark.parametrize("name", ["tanh", "sigmoid", "relu"])
def test_activations_are_finite_for_huge_inputs(name):
    z = np.array([-1e308, -1000.0, -355.0, 355.0, 1000.0, 1e308])
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # not even a swallowed overflow
        y = helpers.get_activation(name).function(z)
    assert np.all(np.isfinite(y))


def test_exponential_formula_overflows_where_helpers_does_not():
    from tests.post_loop import exp_tanh

    with np.errstate(over="ignore", invalid="ignore"):
        assert np.isnan(exp_tanh(np.array(356.0)))
    assert helpers.get_activation("tanh").function(356.0) == 1.0


@pytest.mark.parametrize("name", sorted(helpers.ACTIVATIONS))
def test_history_records_every_step(name):
    weights = helpers.initial_weights(7, "uniform")
    history = helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, name, iterations=25, learning_rate=0.3)
    activation = helpers.get_activation(name)
    assert history.weights.shape == (26, 3) and history.errors.shape == (26, 4)
    np.testing.assert_array_equal(history.weights[0], weights.ravel())
    for k in (0, 1, 12, 24):
        w = history.weights[k][:, None]
        output = activation.function(helpers.POST_INPUTS @ w)
        error = helpers.POST_TARGETS - output
        np.testing.assert_allclose(history.errors[k], error.ravel(), atol=1e-15)
        step = 0.3 * helpers.POST_INPUTS.T @ (error * activation.slope_from_output(output))
        np.testing.assert_allclose(history.weights[k + 1], (w + step).ravel(), atol=1e-15)
    np.testing.assert_allclose(history.mean_squared_error, np.mean(history.errors**2, axis=1))


def test_zero_iterations_keeps_the_initial_weights():
    weights = helpers.initial_weights(1)
    history = helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, iterations=0)
    assert history.iterations == 0
    np.testing.assert_array_equal(history.final_weights, weights)


def test_training_is_deterministic():
    def run(seed):
        w = helpers.initial_weights(seed, "uniform")
        return helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, w, "sigmoid", iterations=200)

    first, again, other = run(3), run(3), run(4)
    np.testing.assert_array_equal(first.weights, again.weights)
    np.testing.assert_array_equal(first.errors, again.errors)
    assert not np.array_equal(first.weights, other.weights)


def test_training_does_not_change_its_arguments():
    weights = helpers.initial_weights(1)
    before = weights.copy()
    helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, iterations=10)
    np.testing.assert_array_equal(weights, before)


def test_correct_slope_learns_the_pattern():
    # With the post's step size of 1 the correct slope overshoots and settles into a
    # two-step oscillation (chapter 5); half that step converges.
    weights = helpers.initial_weights(1, "post")
    history = helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, "tanh", 2000, learning_rate=0.5)
    predictions = helpers.predict(helpers.POST_TEST_INPUTS, history.final_weights)
    np.testing.assert_array_equal(np.round(predictions).ravel(), [1, 0, 1])
    assert history.mean_squared_error[-1] < history.mean_squared_error[0] / 100


def test_predict_accepts_one_example_or_a_matrix():
    weights = np.array([[2.0], [0.0], [-1.0]])
    one = helpers.predict([1, 0, 0], weights)
    many = helpers.predict([[1, 0, 0], [0, 0, 1]], weights)
    assert one.shape == (1,) and many.shape == (2, 1)
    np.testing.assert_allclose(many.ravel(), np.tanh([2.0, -1.0]))
    np.testing.assert_allclose(one, many[0])


# --- bad input: clear errors that say what was expected -----------------------

X, T = helpers.POST_INPUTS, helpers.POST_TARGETS
W = np.zeros((3, 1))


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: helpers.get_activation("softmax"), ValueError, "expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'"),
        (lambda: helpers.train(X, T, W, activation="Tanh"), ValueError, "unknown activation 'Tanh'"),
        (lambda: helpers.train(X[0], T, W), ValueError, r"shape \(n_examples, n_inputs\)"),
        (lambda: helpers.train(X, T.ravel(), W), ValueError, r"targets must have shape \(4, 1\); got shape \(4,\)"),
        (lambda: helpers.train(X, T, np.zeros(3)), ValueError, r"weights must have shape \(3, 1\)"),
        (lambda: helpers.train(X, T, W, iterations=-1), ValueError, "iterations must be from 0 to MAX_ITERATIONS"),
        (lambda: helpers.train(X, T, W, iterations=10.5), TypeError, "iterations must be a whole number"),
        (lambda: helpers.train(X, T, W, iterations=True), TypeError, "iterations must be a whole number"),
        (lambda: helpers.train(X, T, W, learning_rate=0), ValueError, "learning_rate must be a positive"),
        (lambda: helpers.train(X, T, W, learning_rate=float("nan")), ValueError, "learning_rate must be a positive"),
        (lambda: helpers.train(X, T, W, learning_rate="fast"), TypeError, "learning_rate must be a real number"),
        (lambda: helpers.train(X * np.nan, T, W), ValueError, "inputs must be finite"),
        (lambda: helpers.train([["a", "b", "c"]] * 4, T, W), TypeError, "inputs must be numbers"),
        (lambda: helpers.predict([1, 0], W), ValueError, r"shape \(n_examples, 3\)"),
        (lambda: helpers.predict([1, 0, 0], np.zeros(3)), ValueError, r"weights must be a column of shape \(n_inputs, 1\)"),
        (lambda: helpers.initial_weights(1, "he"), ValueError, "expected one of 'post', 'uniform', 'glorot'"),
        (lambda: helpers.initial_weights(-1), ValueError, r"seed must be from 0 to 2\*\*32 - 1 = 4,294,967,295; got -1"),
        (lambda: helpers.initial_weights(2**32), ValueError, r"seed must be from 0 to 2\*\*32 - 1 = 4,294,967,295; got 4,294,967,296"),
        (lambda: helpers.initial_weights(1.5), TypeError, "seed must be a whole number"),
    ],
)
def test_bad_input_gets_a_clear_error(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_numpy_integers_are_accepted_as_counts():
    history = helpers.train(X, T, W, iterations=np.int64(3))
    assert history.iterations == 3
    helpers.initial_weights(np.int32(5))


def test_training_columns_side_by_side_equals_training_each_alone():
    seeds = [0, 1, 2, 3]
    columns = np.hstack([helpers.initial_weights(s, "uniform") for s in seeds])
    steps, errors = helpers.train_columns(X, T, columns, "sigmoid", 50, 0.7)
    assert steps.shape == (51, 3, 4) and errors.shape == (51, 4, 4)
    for i, seed in enumerate(seeds):
        alone = helpers.train(X, T, helpers.initial_weights(seed, "uniform"), "sigmoid", 50, 0.7)
        np.testing.assert_allclose(steps[:, :, i], alone.weights, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(errors[:, :, i], alone.errors, rtol=1e-12, atol=1e-14)


def test_a_diverging_column_does_not_spoil_the_others():
    # Column 0 starts all negative, so relu outputs 0 and it never moves; column 1 starts huge and blows up.
    columns = np.hstack([helpers.initial_weights(1, "post"), np.full((3, 1), 1e308)])
    steps, errors = helpers.train_columns(X, T, columns, "relu", 200, 1.0)
    assert np.isfinite(steps[:, :, 0]).all() and not np.isfinite(steps[-1, :, 1]).all()
    np.testing.assert_array_equal(steps[-1, :, 0], columns[:, 0])
    with pytest.raises(ValueError, match=r"weights must have shape \(3, n_runs\)"):
        helpers.train_columns(X, T, np.zeros((2, 5)), "tanh", 5)


# --- issue #10: odd values a curious student tries, each with its own test ------

import sys  # noqa: E402
from decimal import Decimal  # noqa: E402
from fractions import Fraction  # noqa: E402

HISTORY = helpers.train(X, T, W, iterations=3)
BIG = 100_000  # rows: an input this long must not become a 1.7 MB message


def plain_loop(inputs, targets, weights, name, iterations, rate):
    """Training re-typed as plainly as possible: weights and errors after every step."""
    f, slope = helpers.get_activation(name).function, helpers.get_activation(name).slope_from_output
    all_weights, all_errors = [], []
    w = np.array(weights, dtype=float)
    for _ in range(iterations + 1):
        output = f(inputs @ w)
        all_weights.append(w.ravel().copy())
        all_errors.append((targets - output).ravel())
        w = w + rate * inputs.T @ ((targets - output) * slope(output))
    return np.array(all_weights), np.array(all_errors)


@pytest.mark.parametrize("name", sorted(helpers.ACTIVATIONS))
def test_every_recorded_error_is_the_error_of_the_weights_beside_it_including_the_last(name):
    weights = helpers.initial_weights(11, "glorot")
    history = helpers.train(X, T, weights, name, iterations=7, learning_rate=0.4)
    expected_weights, expected_errors = plain_loop(X, T, weights, name, 7, 0.4)
    np.testing.assert_allclose(history.weights, expected_weights, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(history.errors, expected_errors, rtol=1e-12, atol=1e-15)
    f = helpers.get_activation(name).function
    np.testing.assert_allclose(history.errors[-1], (T - f(X @ history.final_weights)).ravel(), atol=1e-15)


def test_train_columns_learns_at_rate_one_by_default():
    weights = helpers.initial_weights(11, "glorot")
    steps, errors = helpers.train_columns(X, T, weights, "sigmoid", 5)
    expected_weights, expected_errors = plain_loop(X, T, weights, "sigmoid", 5, 1.0)
    np.testing.assert_allclose(steps[:, :, 0], expected_weights, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(errors[:, :, 0], expected_errors, rtol=1e-12, atol=1e-15)


def test_the_last_error_of_the_posts_run_is_the_error_of_the_posts_final_weights(post_run):
    from tests.post_loop import exp_tanh

    oracle_weights, _ = run_post_loop()
    np.testing.assert_allclose(post_run.errors[-1], (T - exp_tanh(X @ oracle_weights)).ravel(), rtol=1e-12, atol=1e-15)
    assert post_run.errors[-1][0] != post_run.errors[-2][0]  # the last step still moved the error


# predict: its weights are checked like train's -----------------------------------


@pytest.mark.parametrize(
    "weights, error, message",
    [
        (W * np.nan, ValueError, r"weights must be finite numbers; got 3 nan or inf in shape \(3, 1\), the first at index \(0, 0\)"),
        (np.array([[0.0], [np.inf], [0.0]]), ValueError, r"weights must be finite numbers; got 1 nan or inf .* index \(1, 0\)"),
        (np.array([[0.0], [0.0], [-np.inf]]), ValueError, "weights must be finite numbers"),
        ("abc", TypeError, "weights must be numbers \\(int, float or bool\\); got text array of shape \\(\\): 'abc'"),
        ({"w1": 1.0}, TypeError, r"weights must be numbers \(int, float or bool\); got \{'w1': 1.0\} \(dict\)"),
        (HISTORY, TypeError, "weights must be an array, not a History; for its weights pass history.final_weights"),
        (W + 1j, TypeError, "weights must be real numbers; got complex numbers"),
        (np.zeros((3, 2)), ValueError, r"weights must be a column of shape \(n_inputs, 1\), n_inputs >= 1; got shape \(3, 2\)"),
        (np.zeros((0, 1)), ValueError, r"weights must be a column .* got shape \(0, 1\)"),
        (np.zeros((1, 3, 1)), ValueError, r"weights must be a column .* got shape \(1, 3, 1\)"),
    ],
)
def test_predict_checks_its_weights(weights, error, message):
    with pytest.raises(error, match=message):
        helpers.predict(X, weights)


@pytest.mark.parametrize(
    "inputs, error, message",
    [
        ([[1, 0, 0], [1, 0]], ValueError, r"inputs must be rectangular, every row the same length; got \[\[1, 0, 0\], \[1, 0\]\]"),
        ([[1, 0, 0], [1, 0, 1j]], TypeError, "inputs must be real numbers; got complex numbers"),
        ([["1", "0", "0"]], TypeError, r"inputs must be numbers \(int, float or bool\); got text array"),
        (np.zeros((0, 3)), ValueError, r"inputs must have at least one example \(row\) and one input \(column\); got shape \(0, 3\)"),
        ([[np.inf, 0, 0]], ValueError, "inputs must be finite numbers"),
    ],
)
def test_predict_checks_its_inputs(inputs, error, message):
    with pytest.raises(error, match=message):
        helpers.predict(inputs, np.ones((3, 1)))


def test_predict_refuses_to_return_an_overflowed_output():
    with pytest.raises(ValueError, match=r"too large to represent \(the largest input is 1e\+200 in size, the largest weight is 3e\+200"):
        helpers.predict([[1e200, 1e200, 0.0]], [[3e200], [1.0], [1.0]], "relu")
    # tanh(inf) is 1.0, but the sum itself overflowed: still refused, for every activation
    with pytest.raises(ValueError, match="too large to represent"):
        helpers.predict([[1e200, 1e200, 0.0]], [[3e200], [1.0], [1.0]], "tanh")
    # a huge sum that is still a number saturates tanh: that is an answer, not an overflow
    assert helpers.predict([[1e200, 0.0, 0.0]], [[3.0], [1.0], [1.0]], "tanh") == 1.0


def test_predict_refuses_inf_minus_inf_with_its_own_error_not_a_numpy_warning():
    # 1e200 * 1e200 overflows to +inf and -inf in turn: their sum is nan (or, for one row,
    # whatever NumPy's product gives, inf here), for every activation.
    weights = [[1e200], [-1e200], [1e200], [-1e200], [1e200]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for rows in (1, 2):
            with pytest.raises(ValueError, match="predict: inputs @ weights is too large to represent"):
                helpers.predict([[1e200] * 5] * rows, weights, "tanh")


# train: the same rules for inputs, targets and weights -------------------------


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: helpers.train(np.zeros((0, 3)), np.zeros((0, 1)), W), ValueError, r"inputs must have at least one example .* got shape \(0, 3\)"),
        (lambda: helpers.train(np.zeros((4, 0)), T, np.zeros((0, 1))), ValueError, r"at least one example \(row\) and one input \(column\); got shape \(4, 0\)"),
        (lambda: helpers.train_columns(np.zeros((0, 3)), np.zeros((0, 1)), W, "tanh", 1), ValueError, "at least one example"),
        (lambda: helpers.train(X + 1j, T, W), TypeError, r"inputs must be real numbers; got complex numbers: complex array of shape \(4, 3\)"),
        (lambda: helpers.train(X, T, W + 0j), TypeError, "weights must be real numbers"),
        (lambda: helpers.train([["0", "0", "1"], ["0", "1", "1"], ["1", "0", "1"], ["1", "1", "1"]], T, W), TypeError, r"inputs must be numbers \(int, float or bool\); got text array of shape \(4, 3\)"),
        (lambda: helpers.train(X, [["0"], ["0"], ["1"], ["1"]], W), TypeError, "targets must be numbers"),
        (lambda: helpers.train(X, T, HISTORY), TypeError, "weights must be an array, not a History; for its weights pass history.final_weights"),
        (lambda: helpers.train([[0, 0, 1], [0, 1], [1, 0, 1], [1, 1, 1]], T, W), ValueError, "inputs must be rectangular"),
        (lambda: helpers.train(X + np.inf, T, W), ValueError, r"inputs must be finite numbers; got 12 nan or inf in shape \(4, 3\)"),
        (lambda: helpers.train(X, T - np.inf, W), ValueError, "targets must be finite numbers"),
        (lambda: helpers.train(X, T + np.nan, W), ValueError, "targets must be finite numbers"),
        (lambda: helpers.train(X, T, W - np.inf), ValueError, "weights must be finite numbers"),
        (lambda: helpers.train(None, T, W), TypeError, r"inputs must be numbers \(int, float or bool\); got None \(NoneType\)"),
        (lambda: helpers.train([[Fraction(1), None, 1]] * 4, T, W), TypeError, r"got None \(NoneType\)"),
        (lambda: helpers.train([[10**400, 0, 1]] * 4, T, W), ValueError, "inputs must be finite numbers; got object array"),
        (lambda: helpers.train([[Decimal("sNaN"), 0, 1]] * 4, T, W), ValueError, "inputs must be finite numbers"),
        (lambda: helpers.train_columns(X, T, np.zeros((3, 0)), "tanh", 1), ValueError, r"weights must have shape \(3, n_runs\), one column per run, n_runs >= 1; got shape \(3, 0\)"),
        (lambda: helpers.train_columns(X, T, np.zeros(3), "tanh", 1), ValueError, r"weights must have shape \(3, n_runs\)"),
        (lambda: helpers.train_columns(X, T, np.full((3, 2), np.nan), "tanh", 1), ValueError, r"^weights must be finite numbers; got 6 nan"),
    ],
)
def test_train_refuses_odd_arrays(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_one_example_or_one_input_is_enough():
    one_example = helpers.train([[1, 0, 1]], [[1]], W, iterations=2)
    one_input = helpers.train([[1], [0]], [[1], [0]], [[0.0]], iterations=2)
    assert one_example.weights.shape == (3, 3) and one_input.weights.shape == (3, 1)
    assert helpers.predict([[2.0]], one_input.final_weights).shape == (1, 1)


def test_booleans_count_as_zero_and_one():
    as_bools = helpers.train(X.astype(bool), T.astype(bool), W, "sigmoid", iterations=20)
    as_floats = helpers.train(X, T, W, "sigmoid", iterations=20)
    np.testing.assert_array_equal(as_bools.weights, as_floats.weights)
    np.testing.assert_array_equal(helpers.predict([True, False, True], as_floats.final_weights),
                                  helpers.predict([1.0, 0.0, 1.0], as_floats.final_weights))


@pytest.mark.skipif(np.finfo(np.longdouble).max <= np.finfo(float).max, reason="long double is double here")
def test_a_long_double_beyond_floats_range_is_refused_as_not_finite_without_a_numpy_warning():
    huge = np.array([[np.longdouble("1e4000"), 0, 1]] * 4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=r"inputs must be finite numbers; got 4 nan or inf"):
            helpers.train(huge, T, W)


def test_exact_python_numbers_are_accepted_as_floats():
    exact = [[Fraction(v) for v in row] for row in X.tolist()]
    decimals = [[Decimal(int(v))] for v in T.ravel()]
    history = helpers.train(exact, decimals, [[Fraction(0)], [0], [Decimal(0)]], iterations=5)
    np.testing.assert_array_equal(history.weights, helpers.train(X, T, W, iterations=5).weights)
    assert helpers.predict([[10**30, 0, 1]], [[1e-30], [0], [0]]) == pytest.approx(np.tanh(1.0))


def test_error_messages_stay_short_for_huge_inputs():
    huge_nan = np.full((BIG, 3), np.nan)
    huge_text = np.full((BIG, 3), "0")
    huge_ragged = [[0, 0, 1]] * BIG + [[1]]
    long_name = "t" * BIG
    for call in (
        lambda: helpers.train(huge_nan, T, W),
        lambda: helpers.train(huge_text, T, W),
        lambda: helpers.train(huge_ragged, T, W),
        lambda: helpers.predict(huge_text, W),
        lambda: helpers.get_activation(long_name),
        lambda: helpers.initial_weights(1, long_name),
        lambda: helpers.train(X, T, W, learning_rate=long_name),
    ):
        with pytest.raises((TypeError, ValueError)) as caught:
            call()
        assert len(str(caught.value)) < 300, str(caught.value)[:300]
    with pytest.raises(ValueError, match=r"unknown activation 'ttttt.*\.\.\.t+'; expected one of"):
        helpers.get_activation(long_name)


# counts: whole numbers within documented bounds --------------------------------


def test_the_documented_limits():
    assert helpers.MAX_ITERATIONS == 1_000_000 and helpers.MAX_HISTORY_VALUES == 20_000_000
    assert helpers.MAX_LEARNING_RATE == 1000.0 and helpers.MAX_N_INPUTS == 1_000_000 and helpers.SEED_LIMIT == 2**32
    for name in ("MAX_ITERATIONS", "MAX_HISTORY_VALUES", "MAX_LEARNING_RATE"):
        assert name in helpers.train.__doc__
    assert "MAX_N_INPUTS" in helpers.initial_weights.__doc__


@pytest.mark.parametrize("iterations", [10**6 + 1, 10**9, 2**62, 2**100])
def test_too_many_iterations_are_refused_before_anything_is_allocated(iterations):
    with pytest.raises(ValueError, match=f"iterations must be from 0 to MAX_ITERATIONS = 1,000,000; got {iterations:,}"):
        helpers.train(X, T, W, iterations=iterations)


def test_iterations_up_to_the_limit_are_accepted(monkeypatch):
    monkeypatch.setattr(_validate, "MAX_ITERATIONS", 5)
    assert helpers.train(X, T, W, iterations=5).iterations == 5
    with pytest.raises(ValueError, match="iterations must be from 0 to MAX_ITERATIONS = 5; got 6"):
        helpers.train(X, T, W, iterations=6)


def test_the_history_size_is_bounded(monkeypatch):
    message = (r"training would record \(iterations \+ 1\) x \(n_inputs \+ n_examples\) x n_runs = "
               r"10,001 x 7 x 1,000 = 70,007,000 numbers, more than MAX_HISTORY_VALUES = 20,000,000")
    with pytest.raises(ValueError, match=message):
        helpers.train_columns(X, T, np.zeros((3, 1000)), "tanh", 10_000)
    monkeypatch.setattr(_validate, "MAX_HISTORY_VALUES", 2 * 10 * 7)  # two runs of 9 steps: exactly at the limit
    steps, errors = helpers.train_columns(X, T, np.zeros((3, 2)), "tanh", 9)
    assert steps.shape == (10, 3, 2) and errors.shape == (10, 4, 2)
    with pytest.raises(ValueError, match="= 11 x 7 x 2 = 154 numbers, more than MAX_HISTORY_VALUES = 140"):
        helpers.train_columns(X, T, np.zeros((3, 2)), "tanh", 10)
    with pytest.raises(ValueError, match="= 10 x 7 x 3 = 210 numbers"):
        helpers.train_columns(X, T, np.zeros((3, 3)), "tanh", 9)
    with pytest.raises(ValueError, match="= 10 x 8 x 2 = 160 numbers"):  # one example more
        helpers.train_columns(np.vstack([X, X[:1]]), np.vstack([T, T[:1]]), np.zeros((3, 2)), "tanh", 9)
    with pytest.raises(ValueError, match="= 1 x 141 x 1 = 141 numbers"):  # many inputs
        helpers.train(np.ones((1, 140)), [[1]], np.zeros((140, 1)), iterations=0)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: helpers.initial_weights(True), TypeError, "seed must be a whole number; got True"),
        (lambda: helpers.initial_weights(1.0), TypeError, "seed must be a whole number; got 1.0"),
        (lambda: helpers.initial_weights("1"), TypeError, "seed must be a whole number; got '1'"),
        (lambda: helpers.initial_weights(np.float64(1)), TypeError, "seed must be a whole number"),
        (lambda: helpers.initial_weights(2**64), ValueError, r"seed must be from 0 to 2\*\*32 - 1"),
        (lambda: helpers.initial_weights(1, "Post"), ValueError, "unknown initialisation scheme 'Post'; expected one of 'post', 'uniform', 'glorot'"),
        (lambda: helpers.initial_weights(1, ["post"]), ValueError, r"unknown initialisation scheme \['post'\]; expected one of"),
        (lambda: helpers.initial_weights(1, None), ValueError, "unknown initialisation scheme None"),
        (lambda: helpers.initial_weights(1, n_inputs=0), ValueError, "n_inputs must be from 1 to MAX_N_INPUTS = 1,000,000; got 0"),
        (lambda: helpers.initial_weights(1, n_inputs=10**6 + 1), ValueError, "n_inputs must be from 1 to MAX_N_INPUTS = 1,000,000; got 1,000,001"),
        (lambda: helpers.initial_weights(1, n_inputs=3.0), TypeError, "n_inputs must be a whole number"),
        (lambda: helpers.get_activation(["tanh"]), ValueError, r"unknown activation \['tanh'\]; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'"),
        (lambda: helpers.get_activation({"tanh": 1}), ValueError, "expected one of"),
        (lambda: helpers.derivative(None, 0.0), ValueError, "unknown activation None"),
        (lambda: helpers.predict(X, W, "TANH"), ValueError, "unknown activation 'TANH'"),
    ],
)
def test_seeds_schemes_and_names_get_a_clear_error(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_seeds_and_counts_at_their_limits():
    assert helpers.initial_weights(0).shape == (3, 1)
    assert helpers.initial_weights(np.uint32(2**32 - 1)).shape == (3, 1)
    np.testing.assert_array_equal(helpers.initial_weights(np.int64(7), "glorot"), helpers.initial_weights(7, "glorot"))
    assert helpers.initial_weights(1, "uniform", n_inputs=1).shape == (1, 1)
    assert helpers.initial_weights(1, "uniform", n_inputs=helpers.MAX_N_INPUTS).shape == (1_000_000, 1)


@pytest.mark.parametrize("n_inputs", [1, 3, 20])
def test_glorot_draws_span_both_signs_up_to_its_limit(n_inputs):
    limit = np.sqrt(6 / (n_inputs + 1))
    draws = np.concatenate([helpers.initial_weights(s, "glorot", n_inputs).ravel() for s in range(2000 // n_inputs + 1)])
    assert np.all(np.abs(draws) <= limit)
    assert draws.min() < -0.99 * limit and draws.max() > 0.99 * limit
    assert abs(draws.mean()) < 0.05 * limit
    assert np.all(np.abs(helpers.initial_weights(3, "uniform", n_inputs)) < 1)


# learning_rate: any real number that is a finite float in (0, MAX_LEARNING_RATE] ------


@pytest.mark.parametrize("rate", [Fraction(1, 2), Decimal("0.5"), np.float32(0.5), np.float64(0.5), 0.5])
def test_any_real_learning_rate_is_accepted(rate):
    history = helpers.train(X, T, W, iterations=4, learning_rate=rate)
    assert history.learning_rate == 0.5 and type(history.learning_rate) is float
    np.testing.assert_array_equal(history.weights, helpers.train(X, T, W, iterations=4, learning_rate=0.5).weights)


def test_learning_rates_at_the_limits_are_accepted():
    for rate in (helpers.MAX_LEARNING_RATE, 1000, np.int64(3), 5e-324):
        assert helpers.train(X, T, W, iterations=2, learning_rate=rate).learning_rate == float(rate)


@pytest.mark.parametrize("rate", [True, False, np.bool_(True), 1j, np.complex128(0.5), "0.5", None, [0.5]])
def test_learning_rates_that_are_not_real_numbers_are_refused(rate):
    with pytest.raises(TypeError, match="learning_rate must be a real number such as 0.5; got"):
        helpers.train(X, T, W, iterations=2, learning_rate=rate)


@pytest.mark.parametrize(
    "rate",
    [0, 0.0, -0.5, -np.inf, np.inf, np.nan, Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Fraction(10**400),
     10**400, np.nextafter(1000.0, np.inf), 1001, 1e300, np.float64(1e308)],
)
def test_learning_rates_out_of_range_are_refused(rate):
    with pytest.raises(ValueError, match="learning_rate must be a positive number at most MAX_LEARNING_RATE = 1000; got"):
        helpers.train(X, T, W, iterations=2, learning_rate=rate)


@pytest.mark.parametrize(
    "rate, error, shown",
    [("0.5", TypeError, "'0.5'"), ([0.5], TypeError, r"\[0.5\]"), (-0.5, ValueError, "-0.5"), (Decimal("NaN"), ValueError, r"Decimal\('NaN'\)")],
)
def test_a_refused_learning_rate_is_shown_in_the_message(rate, error, shown):
    with pytest.raises(error, match=f"learning_rate must be .*; got {shown}$"):
        helpers.train(X, T, W, iterations=2, learning_rate=rate)


# divergence: the step is right and the message names the right cause -----------


def test_starting_weights_that_already_overflow_are_not_blamed_on_the_learning_rate():
    with pytest.raises(helpers.TrainingDivergedError, match="cannot start") as caught:
        helpers.train(X * 1e200, T, helpers.initial_weights(2, "uniform"), "relu")  # errors near 1e200: mse inf
    message = str(caught.value)
    assert "the largest input is 1e+200 in size" in message and "nearer to -1..1" in message
    assert "learning_rate" not in message
    with pytest.raises(helpers.TrainingDivergedError, match="cannot start"):  # inf errors at once
        helpers.train([[1e308, 1e308]], [[0]], [[1], [1]], "relu", iterations=0)


def test_a_mean_squared_error_that_overflows_is_divergence():
    # Errors near -9e200 are finite, their square is not: no History with an inf error may be returned.
    message = (r"diverged: the numbers stopped being finite at update 1 of 3 \(activation 'relu', learning_rate 1.0, "
               r"the largest input is 1e\+100 in size\); try a smaller learning_rate, or inputs nearer to -1..1")
    with pytest.raises(helpers.TrainingDivergedError, match=message):
        helpers.train([[1e100]], [[10]], [[1e-100]], "relu", iterations=3)


def test_weights_that_overflow_are_divergence_even_when_the_errors_stay_finite():
    steps, errors = helpers.train_columns([[1e307]], [[5]], [[1.0]], "post_tanh", 3, 1000)
    assert np.isinf(steps[1]).all() and np.isfinite(errors).all()  # tanh(inf) is a finite 1
    with pytest.raises(helpers.TrainingDivergedError, match="at update 1 of 3 .*learning_rate 1000.0"):
        helpers.train([[1e307]], [[5]], [[1.0]], "post_tanh", 3, 1000)


def test_divergence_is_reported_at_its_first_step():
    # Relu on the inputs 1 and -1 with a rate of 3 doubles the weight and flips its sign every
    # step, exactly: w_k = (-2)**k. The sum of squared errors, w_k**2, overflows first at 4**k > max.
    steps, _ = helpers.train_columns([[1], [-1]], [[0], [0]], [[1.0]], "relu", 600, 3)
    np.testing.assert_array_equal(steps[:, 0, 0], [(-2.0) ** k for k in range(601)])
    first = next(k for k in range(601) if 4**k > sys.float_info.max)
    assert first == 512
    with pytest.raises(helpers.TrainingDivergedError, match="at update 512 of 600 "):
        helpers.train([[1], [-1]], [[0], [0]], [[1.0]], "relu", 600, 3)
    assert helpers.train([[1], [-1]], [[0], [0]], [[1.0]], "relu", 511, 3).iterations == 511


def test_excerpts_show_the_dtype_shape_and_first_and_last_items_on_one_line():
    assert _validate.excerpt(np.arange(4.0)) == "float64 array of shape (4,): [0. 1. 2. 3.]"
    assert _validate.excerpt(np.arange(5.0)) == "float64 array of shape (5,): [0. ... 4.]"
    assert _validate.excerpt(np.eye(2)) == "float64 array of shape (2, 2): [[1. 0.] [0. 1.]]"
    assert _validate.excerpt(np.eye(5, dtype=bool)) == "bool array of shape (5, 5): [[ True ... False] ... [False ...  True]]"
    long_row = np.array([["a" * 35, "b" * 35], ["c", "d"]])  # one row longer than NumPy's usual 75 characters
    whole = "text array of shape (2, 2): [['" + "a" * 35 + "' '" + "b" * 35 + "'] ['c' 'd']]"
    assert _validate.excerpt(long_row) == whole[:77] + "..."


def test_excerpts_are_cut_at_80_characters():
    whole = _validate.excerpt(np.array(["a" * 50]))  # "text array of shape (1,): ['aaa...a']"
    cut = _validate.excerpt(np.array(["a" * 51]))
    assert len(whole) == 80 and whole.endswith("a']") and whole.startswith("text array of shape (1,)")
    assert len(cut) == 80 and cut.endswith("aaa...")
    assert _validate.excerpt([1, 2]) == "[1, 2]"

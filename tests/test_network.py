"""The network in helpers against independent oracles: the post's own loop and numbers,
finite differences, and recomputation of every recorded step."""

import numpy as np
import pytest

import helpers
from helpers import network
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
        (lambda: helpers.train(X, T, W, iterations=-1), ValueError, "iterations must be at least 0"),
        (lambda: helpers.train(X, T, W, iterations=10.5), TypeError, "iterations must be a whole number"),
        (lambda: helpers.train(X, T, W, iterations=True), TypeError, "iterations must be a whole number"),
        (lambda: helpers.train(X, T, W, learning_rate=0), ValueError, "learning_rate must be a positive"),
        (lambda: helpers.train(X, T, W, learning_rate=float("nan")), ValueError, "learning_rate must be a positive"),
        (lambda: helpers.train(X, T, W, learning_rate="fast"), TypeError, "learning_rate must be a number"),
        (lambda: helpers.train(X * np.nan, T, W), ValueError, "inputs must be finite"),
        (lambda: helpers.train([["a", "b", "c"]] * 4, T, W), TypeError, "inputs must be numbers"),
        (lambda: helpers.predict([1, 0], W), ValueError, r"shape \(n_examples, 3\)"),
        (lambda: helpers.predict([1, 0, 0], np.zeros(3)), ValueError, r"weights must be a column of shape \(n_inputs, 1\)"),
        (lambda: helpers.initial_weights(1, "he"), ValueError, "expected one of 'post', 'uniform', 'glorot'"),
        (lambda: helpers.initial_weights(-1), ValueError, "seed must be at least 0"),
        (lambda: helpers.initial_weights(2**32), ValueError, "seed must be below 2\\*\\*32"),
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


@pytest.mark.parametrize("name, rate", [("relu", 1e300), ("tanh", 1e308)])
def test_divergence_raises_instead_of_returning_nan(name, rate):
    weights = helpers.initial_weights(2, "uniform")
    with pytest.raises(helpers.TrainingDivergedError, match="try a smaller learning_rate"):
        helpers.train(X, T, weights, name, iterations=1000, learning_rate=rate)


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
    # Column 0 starts all negative, so relu outputs 0 and it never moves; column 1 blows up.
    columns = np.hstack([helpers.initial_weights(1, "post"), helpers.initial_weights(2, "uniform")])
    steps, _ = helpers.train_columns(X, T, columns, "relu", 200, 1e300)
    assert np.isfinite(steps[:, :, 0]).all() and not np.isfinite(steps[-1, :, 1]).all()
    np.testing.assert_array_equal(steps[-1, :, 0], columns[:, 0])
    with pytest.raises(ValueError, match=r"weights must have shape \(3, n_runs\)"):
        helpers.train_columns(X, T, np.zeros((2, 5)), "tanh", 5)

"""Property-based tests: for any seed, length, activation and scheme, training either
returns finite numbers in the activation's range or stops with a clear error."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers

RANGES = {"tanh": (-1, 1), "post_tanh": (-1, 1), "sigmoid": (0, 1), "relu": (0, np.inf)}


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    iterations=st.integers(0, 300),
    activation=st.sampled_from(sorted(helpers.ACTIVATIONS)),
    scheme=st.sampled_from(helpers.INIT_SCHEMES),
    learning_rate=st.floats(1e-3, 2.0),
)
def test_training_is_finite_and_in_range_or_says_it_diverged(seed, iterations, activation, scheme, learning_rate):
    weights = helpers.initial_weights(seed, scheme)
    try:
        history = helpers.train(helpers.POST_INPUTS, helpers.POST_TARGETS, weights, activation, iterations, learning_rate)
    except helpers.TrainingDivergedError:
        assert activation == "relu"  # the only unbounded activation here can blow up
        return
    assert history.weights.shape == (iterations + 1, 3)
    assert np.all(np.isfinite(history.weights)) and np.all(np.isfinite(history.errors))
    low, high = RANGES[activation]
    outputs = helpers.predict(helpers.POST_TEST_INPUTS, history.final_weights, activation)
    assert np.all((outputs >= low) & (outputs <= high))


@given(seed=st.integers(0, 2**32 - 1), scheme=st.sampled_from(helpers.INIT_SCHEMES))
def test_same_seed_same_weights(seed, scheme):
    np.testing.assert_array_equal(helpers.initial_weights(seed, scheme), helpers.initial_weights(seed, scheme))


@given(z=st.floats(-1e6, 1e6))
def test_tanh_slope_from_output_matches_formula(z):
    y = np.tanh(z)
    assert helpers.derivative("tanh", z) == 1 - y * y

"""Each exercise check against a correct answer, a typical wrong one, a broken one and a stub."""

import numpy as np
import pytest

import helpers
from helpers import checks


def stub(*args, **kwargs):
    raise NotImplementedError("write this function")


def crashes(*args, **kwargs):
    return {}["no such key"]


def tanh_step(X, targets, w, learning_rate=1.0, slope=lambda y: 1 - y**2):
    y = np.tanh(X @ w)
    return w + learning_rate * (X.T @ ((targets - y) * slope(y)))


def true_gradient(X, targets, w):
    y = np.tanh(X @ w)
    return -X.T @ ((targets - y) * (1 - y**2))


def count(model):
    return sum(a.size for a in model.coefs_) + sum(b.size for b in model.intercepts_)


CASES = {
    # check: (correct answer, typical wrong answer, what the feedback says about the wrong one)
    checks.check_tanh_slope_from_output: (lambda y: 1 - y**2, lambda y: 1 - np.tanh(4 * y), "at the output y ="),
    checks.check_targets_from_inputs: (lambda x: np.asarray(x)[:, [0]], lambda x: np.asarray(x)[:, 0], "shape (4,)"),
    checks.check_post_starting_weights: (
        lambda seed: np.random.RandomState(seed).random_sample((3, 1)) - 1,
        lambda seed: (np.random.seed(seed), np.random.random((3, 1)) - 1)[1],
        "global generator changed",
    ),
    checks.check_symmetric_uniform: (
        lambda rng, shape, limit: limit * (2 * rng.random(shape) - 1),
        lambda rng, shape, limit: limit * rng.random(shape),
        "only cover",
    ),
    checks.check_glorot_limit: (
        lambda fan_in, fan_out: np.sqrt(6 / (fan_in + fan_out)),
        lambda fan_in, fan_out: np.sqrt(6 / fan_in),
        "too large",
    ),
    checks.check_training_step: (
        tanh_step,
        lambda X, t, w, rate=1.0: tanh_step(X, t, w, rate, slope=lambda y: 1 - np.tanh(4 * y)),
        "TRUE slope",
    ),
    checks.check_gradient: (true_gradient, lambda X, t, w: -true_gradient(X, t, w), "wrong sign"),
    checks.check_to_labels: (
        lambda outputs, threshold=0.5: (np.asarray(outputs) > threshold).astype(int),
        lambda outputs, threshold=0.5: (np.asarray(outputs) >= threshold).astype(int),
        "exactly at the threshold",
    ),
    checks.check_count_parameters: (count, lambda model: sum(a.size for a in model.coefs_), "only the weights"),
}


@pytest.mark.parametrize("check", CASES, ids=lambda c: c.__name__)
def test_a_correct_answer_passes(check):
    verdict = check(CASES[check][0])
    assert verdict.passed is True and bool(verdict) is True
    assert repr(verdict).startswith("Well done:")


@pytest.mark.parametrize("check", CASES, ids=lambda c: c.__name__)
def test_a_typical_wrong_answer_gets_specific_feedback(check):
    verdict = check(CASES[check][1])
    assert verdict.passed is False and not verdict
    assert verdict.message.startswith("Not yet right:") and CASES[check][2] in verdict.message


@pytest.mark.parametrize("check", CASES, ids=lambda c: c.__name__)
def test_a_broken_answer_is_reported_not_raised(check):
    verdict = check(crashes)
    assert verdict.passed is False
    assert "your function raised KeyError" in verdict.message and "called with" in verdict.message


@pytest.mark.parametrize("check", CASES, ids=lambda c: c.__name__)
def test_a_stub_is_not_implemented_yet(check):
    verdict = check(stub)
    assert verdict.passed is False and verdict.message == checks.NOT_YET


def test_a_wrong_shape_names_the_expected_shape():
    verdict = checks.check_training_step(lambda X, t, w, rate=1.0: np.zeros(3))
    assert not verdict and "should have shape (3, 1); got shape (3,)" in verdict.message
    assert helpers.checks is checks


@pytest.mark.parametrize("check", CASES, ids=lambda c: c.__name__)
def test_passing_a_value_instead_of_the_function_says_so(check):
    verdict = check(np.zeros(3))
    assert not verdict and "your function itself, without brackets" in verdict.message


def test_forbidden_shortcuts_and_common_slips_get_their_own_feedback():
    def in_place(X, t, w, learning_rate=1.0):
        w += learning_rate * (X.T @ ((t - np.tanh(X @ w)) * (1 - np.tanh(X @ w) ** 2)))
        return w

    assert "in place" in checks.check_training_step(in_place).message
    assert "ignores the learning rate" in checks.check_training_step(lambda X, t, w, rate=1.0: tanh_step(X, t, w)).message
    assert "twice the right one" in checks.check_gradient(lambda X, t, w: 2 * true_gradient(X, t, w)).message
    uses_uniform = checks.check_symmetric_uniform(lambda rng, shape, limit: rng.uniform(-limit, limit, shape))
    assert not uses_uniform and "uniform" in uses_uniform.message
    measured = checks.check_tanh_slope_from_output(lambda y: 1 - np.tanh(4 * y)).message
    assert "measured slope there is about 0.0099" in measured

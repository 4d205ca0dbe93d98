"""An independent oracle: the 2019 post's training loop, re-typed plainly, sharing no code with helpers.

It keeps the post's exact operations (the exponential formula for tanh, its slope
computed as ``1 - tanh(4 * output)``, integer inputs, ``np.random.seed`` then
``random((3, 1)) - 1``), so the tests and the benchmark can compare helpers with it.
"""

import numpy as np


def exp_tanh(x):
    """tanh as the post writes it: two exponentials of 2x (overflows for x > 354.9)."""
    return (np.exp(2 * x) - 1) / (np.exp(2 * x) + 1)


def run_post_loop(seed=1, iterations=10_000):
    """Train exactly as the post does; return (final weights, predictions for the three unseen inputs)."""
    examples = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    wanted = np.array([[0, 0, 1, 1]]).T
    np.random.seed(seed)
    weights = np.random.random((3, 1)) - 1
    for _ in range(iterations):
        layer = exp_tanh(np.dot(examples, weights))
        delta = (wanted - layer) * (1 - exp_tanh(np.exp2(2) * layer))
        weights += np.dot(examples.T, delta)
    unseen = np.array([[1, 1, 0], [0, 1, 0], [1, 0, 0]])
    return weights, exp_tanh(np.dot(unseen, weights))

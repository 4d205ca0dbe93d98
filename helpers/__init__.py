"""Helpers for the book: the network, its plots, its sliders and the exercise self-checks.

Importing this package has no side effects: nothing is plotted, seeded or configured.
"""

from helpers import checks, explorers, hidden, plotting
from helpers.network import (
    ACTIVATIONS,
    INIT_SCHEMES,
    MAX_HISTORY_VALUES,
    MAX_ITERATIONS,
    MAX_LEARNING_RATE,
    MAX_N_INPUTS,
    POST_INPUTS,
    POST_ITERATIONS,
    POST_SEED,
    POST_TARGETS,
    POST_TEST_INPUTS,
    SEED_LIMIT,
    History,
    TrainingDivergedError,
    derivative,
    get_activation,
    initial_weights,
    predict,
    train,
    train_columns,
    train_columns_final,
)

__all__ = [
    "ACTIVATIONS",
    "INIT_SCHEMES",
    "MAX_HISTORY_VALUES",
    "MAX_ITERATIONS",
    "MAX_LEARNING_RATE",
    "MAX_N_INPUTS",
    "POST_INPUTS",
    "POST_ITERATIONS",
    "POST_SEED",
    "POST_TARGETS",
    "POST_TEST_INPUTS",
    "SEED_LIMIT",
    "History",
    "TrainingDivergedError",
    "checks",
    "derivative",
    "explorers",
    "hidden",
    "plotting",
    "get_activation",
    "initial_weights",
    "predict",
    "train",
    "train_columns",
    "train_columns_final",
]

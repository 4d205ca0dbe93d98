"""web/live/engine.js's data for the step-through explorers (chapters 5 and 7, contract of issue
#21, section 3) against helpers computed here, independently of the Python explorers: NumPy's
network.train / hidden.train_hidden, then network.step / hidden.step at each iteration of the
block. engine.js computes in node (tests/step_engine.mjs), in the same run; nothing is stored.

Each engine trains its own run, so the numbers agree within TOLERANCE where the run is
well-conditioned (see tests/test_step_parity.py; its `conditioned` picks the runs). The timings of
a jump to iteration 10,000 are printed, not asserted.
"""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from helpers import explorers, hidden, network
from tests.test_step_parity import conditioned

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "step_engine.mjs"

TOLERANCE = 1e-12
"""Relative to max(1, |value|)."""
BLOCK, LAST = 10, 10_000
RECORDED = explorers.RECORDED.tolist()
CONSTANTS = {"recorded": RECORDED, "last_iteration": LAST, "block": BLOCK}
SLOPES = {"post": "post_tanh", "true": "tanh"}

STEP_CASES = [
    {"seed": seed, "iterations": k, "learning_rate": rate, "slope": slope, "line": line, "row": 2}
    for seed, slope, rate, k, line in [
        (1, "post", 1.0, 0, 0), (1, "post", 1.0, 7, 3), (1, "post", 1.0, 9999, 4),
        (1, "post", 1.0, 10_000, 4), (1, "true", 1.0, 100, 1), (1, "post", 0.5, 4321, 2),
        (1, "true", 0.5, 10_000, 0), (7, "true", 0.3, 55, 2), (2**32 - 1, "post", 1.0, 9990, 1),
        (123, "true", 2.0, 5000, 3),
    ]
]
HIDDEN_CASES = [
    {"seed": seed, "n_hidden": n, "iterations": k, "learning_rate": rate, "line": 0, "row": 1}
    for seed, n, rate, k in [
        (0, 2, 0.25, 0), (0, 2, 0.25, 13), (0, 2, 0.25, 100), (0, 4, 0.25, 10_000),
        (0, 4, 0.25, 1000), (12, 2, 0.25, 10_000), (12, 4, 0.25, 59), (3, 1, 0.1, 777),
        (3, 1, 0.1, 10_000), (5, 8, 0.25, 3000), (99, 6, 0.5, 10_000), (0, 2, 0.25, 10_000),
    ]
]
CASES = [("step", v) for v in STEP_CASES] + [("hidden_step", v) for v in HIDDEN_CASES]
KEYS = [("step", {"seed": 1, "slope": "post", "learning_rate": 1.0, "iterations": k})
        for k in (0, 9, 10, 19, 9999, 10_000)]
KEYS += [("hidden_step", {"seed": 0, "n_hidden": 2, "learning_rate": 0.25, "iterations": k})
         for k in (5, 15)]


def block(iterations):
    first = iterations - iterations % BLOCK
    return first, min(BLOCK, LAST - first + 1)


def python_data(name, values):
    """The contract's data from helpers: the whole run, then `step` at each iteration of the
    block."""
    first, count = block(values["iterations"])
    if name == "step":
        activation = SLOPES[values["slope"]]
        weights = network.initial_weights(values["seed"], "post")
        history = network.train(network.POST_INPUTS, network.POST_TARGETS, weights, activation,
                                LAST, values["learning_rate"])
        steps = [network.step(network.POST_INPUTS, network.POST_TARGETS,
                              history.weights[k][:, None], activation, values["learning_rate"])
                 for k in range(first, first + count)]
    else:
        W1, W2 = hidden.initial_hidden_weights(values["seed"], values["n_hidden"])
        history = hidden.train_hidden(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2, "tanh", LAST,
                                      values["learning_rate"])
        steps = [hidden.step(hidden.XOR_INPUTS, hidden.XOR_TARGETS, history.W1[k], history.W2[k],
                             "tanh", values["learning_rate"])
                 for k in range(first, first + count)]
    data = {name: np.stack([np.ravel(getattr(s, name)) for s in steps])
            for name in steps[0]._fields}
    data["step_mse"] = np.array([np.mean(s.error**2) for s in steps])
    data["mse"] = history.mean_squared_error[RECORDED]
    return {"first": first, "count": count, **data, "diverged": ""}


def setting(name, values):
    """The case as tests/test_step_parity.py writes settings, for its `conditioned`."""
    if name == "step":
        return ("one", values["seed"], SLOPES[values["slope"]], values["learning_rate"],
                values["iterations"])
    return ("two", values["seed"], values["n_hidden"], values["learning_rate"],
            values["iterations"])


@pytest.fixture(scope="module")
def engine(node, tmp_path_factory):
    folder = tmp_path_factory.mktemp("step_engine")
    request = {"constants": CONSTANTS, "cases": [{"name": n, "values": v} for n, v in CASES],
               "keys": [{"name": n, "values": v} for n, v in KEYS], "timing": {"repeats": 9}}
    (folder / "request.json").write_text(json.dumps(request))
    command = [node, str(SCRIPT), str(folder / "request.json"), str(folder / "answer.json")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"step_engine.mjs failed:\n{result.stderr[-4000:]}"
    return json.loads((folder / "answer.json").read_text())


SHAPES = {
    "step": lambda v: {"weights": 3, "z": 4, "output": 4, "error": 4, "slope": 4, "delta": 4,
                       "update": 3, "new_weights": 3, "step_mse": 1},
    "hidden_step": lambda v: {
        "W1": 3 * v["n_hidden"], "W2": v["n_hidden"] + 1, "z1": 4 * v["n_hidden"],
        "hidden": 4 * v["n_hidden"], "back": 4 * v["n_hidden"], "slope1": 4 * v["n_hidden"],
        "delta1": 4 * v["n_hidden"], "z2": 4, "output": 4, "error": 4, "slope2": 4, "delta2": 4,
        "dW2": v["n_hidden"] + 1, "new_W2": v["n_hidden"] + 1, "dW1": 3 * v["n_hidden"],
        "new_W1": 3 * v["n_hidden"], "step_mse": 1},
}


@pytest.mark.parametrize("index", range(len(CASES)))
def test_the_data_has_the_contracts_keys_block_and_shapes(engine, index):
    name, values = CASES[index]
    theirs = engine["cases"][index]
    widths = SHAPES[name](values)
    first, count = block(values["iterations"])
    assert set(theirs) == {*widths, "first", "count", "mse", "diverged"}
    assert (theirs["first"], theirs["count"], theirs["diverged"]) == (first, count, "")
    assert first <= values["iterations"] < first + count
    for key, width in widths.items():
        assert len(theirs[key]) == count * width, key
    assert len(theirs["mse"]) == len(RECORDED)


def relative(theirs, mine) -> float:
    mine = np.ravel(mine)
    other = np.asarray(theirs, dtype=float)
    assert other.shape == mine.shape
    return float(np.max(np.abs(other - mine) / np.maximum(1.0, np.abs(mine)), initial=0.0))


@pytest.mark.parametrize("index", range(len(CASES)))
def test_each_row_of_the_block_is_step_at_the_engines_own_weights(engine, index):
    """Any run, conditioned or not: row j holds helpers' step from the weights engine.js's run has
    at iteration first + j, and the next row starts from its new weights."""
    name, values = CASES[index]
    theirs = engine["cases"][index]
    count, rate = theirs["count"], values["learning_rate"]
    n = values.get("n_hidden")
    for j in range(count):
        row = {key: np.reshape(theirs[key], (count, -1))[j] for key in SHAPES[name](values)}
        if name == "step":
            ours = network.step(network.POST_INPUTS, network.POST_TARGETS, row["weights"][:, None],
                                SLOPES[values["slope"]], rate)
            following = "weights", "new_weights"
        else:
            ours = hidden.step(hidden.XOR_INPUTS, hidden.XOR_TARGETS, row["W1"].reshape(3, n),
                               row["W2"].reshape(n + 1, 1), "tanh", rate)
            following = "W1", "new_W1"
        for key in ours._fields:
            assert relative(row[key], getattr(ours, key)) <= TOLERANCE, (j, key)
        assert relative(row["step_mse"], np.mean(ours.error**2)) <= TOLERANCE, (j, "step_mse")
        if j + 1 < count:
            after = np.reshape(theirs[following[0]], (count, -1))[j + 1]
            assert relative(after, row[following[1]]) <= TOLERANCE, (j, "the next row's start")


WELL_CONDITIONED = [i for i, (name, values) in enumerate(CASES)
                    if conditioned(setting(name, values))]


def test_the_chapters_cases_are_compared_with_helpers_own_runs():
    compared = {CASES[i][0] for i in WELL_CONDITIONED}
    assert compared == {"step", "hidden_step"} and len(WELL_CONDITIONED) >= len(CASES) // 2
    assert all(i in WELL_CONDITIONED for i, (name, v) in enumerate(CASES)
               if name == "step" and v["seed"] == 1)


@pytest.mark.parametrize("index", WELL_CONDITIONED)
def test_the_data_is_helpers_train_then_step_at_each_iteration_of_the_block(engine, index):
    """Well-conditioned runs: helpers' own run, trained here, then step at each iteration of the
    block; the error curve up to the block (to the end if the run's last step is conditioned)."""
    name, values = CASES[index]
    theirs, ours = engine["cases"][index], python_data(name, values)
    last_conditioned = conditioned(setting(name, {**values, "iterations": LAST}))
    shown = np.asarray(RECORDED) <= (LAST if last_conditioned else values["iterations"])
    for key, mine in ours.items():
        if key in ("first", "count", "diverged"):
            assert theirs[key] == mine, key
        elif key == "mse":
            assert relative(np.asarray(theirs[key])[shown], mine[shown]) <= TOLERANCE, key
        else:
            assert relative(theirs[key], mine) <= TOLERANCE, key


def test_the_blocks_at_the_ends_of_the_run():
    assert block(0) == (0, 10) and block(9) == (0, 10) and block(10) == (10, 10)
    assert block(9999) == (9990, 10) and block(10_000) == (10_000, 1)


def test_run_keys_read_the_block_of_ten_iterations(engine):
    keys = dict(zip(((n, v["iterations"]) for n, v in KEYS), engine["keys"]))
    assert keys["step", 0] == keys["step", 9] == '[1,"post",1,0]'  # JSON writes 1.0 as 1
    assert keys["step", 10] == keys["step", 19] != keys["step", 9]
    assert keys["step", 9999] != keys["step", 10_000]
    assert keys["hidden_step", 5] != keys["hidden_step", 15]


def test_report_the_time_of_a_jump_to_iteration_10000(engine):
    timings = engine["timings"]
    for key, value in timings.items():
        print(f"engine.js {key}: {value:.2f}", file=sys.stderr)
    assert all(value > 0 for value in timings.values())  # measured; speed itself is not asserted

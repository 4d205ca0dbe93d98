"""web/live/network.js, the live site's engine, against helpers.network: its own node tests, then parity.

Parity: the inputs go to node as JSON (tests/engine_parity.mjs computes with network.js and writes
JSON back) while this process computes the same with helpers.network, in the same run; no number of
either side is stored anywhere. JSON numbers round-trip float64 both ways, so nothing is lost on the way.
"""

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from helpers import explorers, network

ROOT = Path(__file__).resolve().parent.parent
PARITY_SCRIPT = ROOT / "tests" / "engine_parity.mjs"

RANDOM_SEEDS = [int(s) for s in np.random.default_rng(2019).integers(0, network.SEED_LIMIT, 1000)]
LARGE_SEEDS = [int(s) for s in np.random.default_rng(2020).integers(2**31, network.SEED_LIMIT, 20)]
INITIAL_SEEDS = [*range(100), network.SEED_LIMIT - 1, *RANDOM_SEEDS]
OTHER_N_INPUTS = (1, 2, 7, 1000)  # 1000 post weights read 2000 words: MT19937 regenerates its 624 four times
TRAINING_SEEDS = [*range(100), *LARGE_SEEDS]
VERDICT_SEEDS = list(range(30))

ITERATIONS = explorers.ITERATION_STOPS[-1]
SMALL_RATES = [r for r in explorers.LEARNING_RATES if r <= 1]
LARGE_RATES = (2.0, 5.0, 10.0, 100.0, 1000.0)
TOLERANCE = 1e-9

# The post's examples with -1 for 0 in the first two columns: relu's weights then swing between
# examples of either sign and blow up at large rates, which the post's own data never does.
SIGNED_INPUTS = np.hstack([2 * network.POST_INPUTS[:, :2] - 1, network.POST_INPUTS[:, 2:]])
DATASETS = {"post": network.POST_INPUTS, "signed": SIGNED_INPUTS}

LAST_STEPS = 100
STILL = 1e-6
"""Verdicts on a run of ITERATIONS steps at a large rate:

- diverges: the weights, errors or their mean square stop being finite (TrainingDivergedError),
  at the same step give or take one;
- settles: in none of the last LAST_STEPS updates does a weight change by more than STILL
  (most stand still exactly: tanh and the sigmoid saturated, relu's examples all below 0);
- swings: the weights still move after ITERATIONS steps: they bounce, chaotically at some rates
  (there node and NumPy part ways after a few thousand steps, bit differences grown large), or creep.

Chaos is why the verdict looks at moves, not at where the weights are: both sides still move, or not.
"""


def test_node_tests_pass(node):
    # The files by name: node 18 to 20 take a folder, newer versions read the arguments as glob patterns.
    command = [node, "--test", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "web" / "test").glob("*.test.mjs"))]
    result = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"node --test web/test/ failed:\n{result.stdout[-6000:]}{result.stderr[-2000:]}"
    assert re.search(r"^# pass [1-9]", result.stdout, re.MULTILINE)
    assert re.search(r"^# fail 0$", result.stdout, re.MULTILINE)


# --- parity: the request, both sides, the answers --------------------------------------


def training_configs():
    """(data, activation, rate, starts): one train_columns call each, a column and a node run per (scheme, seed).

    The slider rates take a call per scheme: three schemes of TRAINING_SEEDS would record more than
    MAX_HISTORY_VALUES numbers in one call.
    """
    small = [("post", a, r, [(s, seed) for seed in TRAINING_SEEDS]) for a in network.ACTIVATIONS
             for s in network.INIT_SCHEMES for r in SMALL_RATES]
    every_scheme = [(s, seed) for s in network.INIT_SCHEMES for seed in VERDICT_SEEDS]
    large = [("post", a, r, every_scheme) for a in network.ACTIVATIONS for r in LARGE_RATES]
    signed = [("signed", "relu", r, every_scheme) for r in LARGE_RATES]
    return small + large + signed


def parity_request(configs):
    initial = [(seed, scheme, 3) for seed in INITIAL_SEEDS for scheme in network.INIT_SCHEMES]
    initial += [(seed, scheme, n) for seed in (*range(5), network.SEED_LIMIT - 1) for scheme in network.INIT_SCHEMES
                for n in OTHER_N_INPUTS]
    runs = [{"data": data, "seed": seed, "scheme": scheme, "activation": activation, "learningRate": rate,
             "lastSteps": last_steps(rate)} for data, activation, rate, starts in configs for scheme, seed in starts]
    return {
        "initial": [{"seed": seed, "scheme": scheme, "nInputs": n} for seed, scheme, n in initial],
        "datasets": {name: inputs.tolist() for name, inputs in DATASETS.items()},
        "iterations": ITERATIONS,
        "stops": list(explorers.ITERATION_STOPS),
        "runs": runs,
        "calls": CALLS,
    }


POST = {"inputs": network.POST_INPUTS.tolist(), "targets": network.POST_TARGETS.tolist(), "weights": [-0.5, 0.2, 0.1],
        "iterations": 10}
CALLS = [  # [name in network.js, its arguments]: each refused by both sides, or by neither
    ["initialWeights", [2**32]], ["initialWeights", [-1]], ["initialWeights", [1.5]], ["initialWeights", [True]],
    ["initialWeights", ["1"]], ["initialWeights", [1, "gauss"]], ["initialWeights", [1, "post", 0]],
    ["initialWeights", [1, "post", 2.5]], ["initialWeights", [2**32 - 1, "glorot", 1]],
    ["train", [{**POST, "inputs": [[0, 1], [1]]}]], ["train", [{**POST, "inputs": [[0, 0, "1"]] * 4}]],
    ["train", [{**POST, "inputs": [0, 0, 1]}]], ["train", [{**POST, "inputs": [[]]}]],
    ["train", [{**POST, "inputs": [[True, False, True]] * 4}]], ["train", [{**POST, "targets": [0, 0, 1, 1]}]],
    ["train", [{**POST, "targets": [[0], [1]]}]], ["train", [{**POST, "weights": [1, 2]}]],
    ["train", [{**POST, "iterations": -1}]], ["train", [{**POST, "iterations": 0}]],
    ["train", [{**POST, "iterations": 1.5}]], ["train", [{**POST, "iterations": "10"}]],
    ["train", [{**POST, "iterations": False}]],
    ["train", [{**POST, "iterations": network.MAX_ITERATIONS + 1}]],
    ["train", [{**POST, "inputs": [[1, 0, 1]] * 17, "targets": [[1]] * 17, "iterations": network.MAX_ITERATIONS}]],
    ["train", [{**POST, "learningRate": 0}]], ["train", [{**POST, "learningRate": -1}]],
    ["train", [{**POST, "learningRate": 1000}]], ["train", [{**POST, "learningRate": 1000.5}]],
    ["train", [{**POST, "learningRate": "0.5"}]], ["train", [{**POST, "learningRate": True}]],
    ["train", [{**POST, "activation": "tan"}]], ["train", [{**POST, "activation": "post_tanh"}]],
    ["train", [{**POST, "inputs": [[1e200]], "targets": [[0]], "weights": [1e200], "activation": "relu"}]],
    ["predict", [[[1, 2]], [0.5, 1, 2]]], ["predict", [[1, 2, 3], [0.5, 1, 2]]], ["predict", [[1e200], [1e200]]],
    ["predict", [[[1, 2, 3]], [0.5, 1, 2], "sigmoid"]], ["predict", [[[1, 2, 3]], [0.5, 1, 2], "sigmoid "]],
]
PYTHON_NAMES = {"learning_rate": "learningRate", "n_inputs": "nInputs"}


def as_column(weights):
    return np.reshape(weights, (-1, 1))


def python_call(name, args):
    """The call of helpers.network matching network.js's: weights there are flat, in Python a column."""
    if name == "initialWeights":
        return network.initial_weights(*args)
    if name == "predict":
        inputs, weights, *activation = args
        return network.predict(inputs, as_column(weights), *activation)
    [options] = args
    return network.train(options["inputs"], options["targets"], as_column(options["weights"]),
                         options.get("activation", "tanh"), options["iterations"], options.get("learningRate", 1.0))


def last_steps(rate: float) -> int:
    """The verdicts need the last LAST_STEPS updates; the other runs only the weights at the stops."""
    return LAST_STEPS if rate in LARGE_RATES else 0


def python_runs(data, activation, rate, starts):
    """helpers' side of one config, every start a column: the same fields as engine_parity.mjs's answer."""
    weights = np.hstack([network.initial_weights(seed, scheme) for scheme, seed in starts])
    steps, errors = network.train_columns(DATASETS[data], network.POST_TARGETS, weights, activation, ITERATIONS, rate)
    stops, last = list(explorers.ITERATION_STOPS), slice(ITERATIONS - last_steps(rate), None)
    with np.errstate(over="ignore", invalid="ignore"):  # diverged runs hold inf and nan
        finite = np.isfinite(steps).all(axis=1) & np.isfinite(np.mean(errors**2, axis=1))
        mse = np.mean(errors[stops] ** 2, axis=1)

    def run(i):
        if not finite[:, i].all():
            return {"divergedAt": int(np.argmin(finite[:, i]))}
        test_outputs = network.predict(network.POST_TEST_INPUTS, steps[-1, :, i][:, None], activation).ravel()
        return {"weights": steps[stops, :, i], "last": steps[last, :, i], "meanSquaredError": mse[:, i],
                "testOutputs": test_outputs}

    return [run(i) for i in range(len(starts))]


@pytest.fixture(scope="module")
def parity(node, tmp_path_factory):
    """(request, node's answer, helpers' runs in the same order): node computes while Python does."""
    folder = tmp_path_factory.mktemp("parity")
    configs = training_configs()
    request = parity_request(configs)
    (folder / "request.json").write_text(json.dumps(request))
    command = [node, str(PARITY_SCRIPT), str(folder / "request.json"), str(folder / "answer.json")]
    started, cpu = time.perf_counter(), time.process_time()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            ours = [run for config in configs for run in python_runs(*config)]
            report("helpers' side (seconds, of them CPU)",
                   (round(time.perf_counter() - started, 1), round(time.process_time() - cpu, 1)))
        finally:
            _, stderr = process.communicate(timeout=300)
    report("node's side, in parallel (seconds)", round(time.perf_counter() - started, 1))
    assert process.returncode == 0, f"{' '.join(command[1:2])} failed:\n{stderr[-4000:]}"
    return request, json.loads((folder / "answer.json").read_text()), ours


def report(what: str, value) -> str:
    text = f"{what}: {value}"
    print(text, file=sys.stderr)
    return text


def test_initial_weights_are_bit_identical(parity):
    request, answer, _ = parity
    mismatches = []
    for asked, theirs in zip(request["initial"], answer["initial"], strict=True):
        ours = network.initial_weights(asked["seed"], asked["scheme"], asked["nInputs"]).ravel()
        if [x.hex() for x in ours.tolist()] != [float(x).hex() for x in theirs]:
            mismatches.append(asked)
    summary = report(f"initial weights: {len(request['initial'])} draws compared bit for bit; mismatches",
                     len(mismatches))
    assert not mismatches, f"{summary}, the first {mismatches[:3]}"


def training_pairs(parity, rates, data="post"):
    """(run asked, node's result, helpers' result) for the runs at these rates on this data."""
    request, answer, ours = parity
    return [(asked, theirs, mine) for asked, theirs, mine in zip(request["runs"], answer["runs"], ours, strict=True)
            if asked["learningRate"] in rates and asked["data"] == data]


def test_weights_agree_at_every_slider_stop(parity):
    pairs = training_pairs(parity, SMALL_RATES)
    assert all("weights" in theirs and "weights" in mine for _, theirs, mine in pairs)  # none diverges
    differences = [np.max(np.abs(np.array(theirs["weights"]) - mine["weights"])) for _, theirs, mine in pairs]
    worst = int(np.argmax(differences))
    summary = report(f"weights at {len(explorers.ITERATION_STOPS)} stops of {len(pairs)} runs "
                     f"(rates {SMALL_RATES}): largest difference", f"{differences[worst]:.3g} in {pairs[worst][0]}")
    assert differences[worst] <= TOLERANCE, summary
    assert len(pairs) == len(TRAINING_SEEDS) * len(network.ACTIVATIONS) * len(network.INIT_SCHEMES) * len(SMALL_RATES)


@pytest.mark.parametrize("field", ["meanSquaredError", "testOutputs"])
def test_errors_and_predictions_agree_too(parity, field):
    """What the explorers show besides the weights: the error panel's mean squared error at every stop,
    and predict's outputs for the unseen inputs after the last step."""
    pairs = training_pairs(parity, SMALL_RATES)
    differences = [np.max(np.abs(np.array(theirs[field]) - mine[field])) for _, theirs, mine in pairs]
    worst = int(np.argmax(differences))
    summary = report(f"{field} of {len(pairs)} runs: largest difference", f"{differences[worst]:.3g} in {pairs[worst][0]}")
    assert differences[worst] <= TOLERANCE, summary


@pytest.mark.parametrize(
    "seed, activation, scheme, rate",
    [(1, "post_tanh", "post", 1.0), (0, "tanh", "uniform", 0.3), (7, "sigmoid", "glorot", 0.01),
     (99, "relu", "post", 0.5)],
)
def test_single_runs_agree_with_the_columns_and_node(parity, seed, activation, scheme, rate):
    """helpers.train runs one column (the explorers' own run), the parity a matrix of them: all three agree."""
    history = network.train(network.POST_INPUTS, network.POST_TARGETS, network.initial_weights(seed, scheme),
                            activation, ITERATIONS, rate)
    single = history.weights[list(explorers.ITERATION_STOPS)]
    [(_, theirs, columns)] = [(asked, theirs, mine) for asked, theirs, mine in training_pairs(parity, [rate])
                              if (asked["seed"], asked["activation"], asked["scheme"]) == (seed, activation, scheme)]
    assert np.max(np.abs(single - columns["weights"])) <= 1e-12
    assert np.max(np.abs(single - np.array(theirs["weights"]))) <= TOLERANCE


def test_the_same_inputs_are_refused(parity):
    """Each call is refused by both sides with a message naming the same argument, or by neither."""
    request, answer, _ = parity
    for (name, args), theirs in zip(request["calls"], answer["calls"], strict=True):
        try:
            python_call(name, args)
            ours = None
        except (TypeError, ValueError, network.TrainingDivergedError) as error:
            ours = re.sub(r"\w+", lambda word: PYTHON_NAMES.get(word[0], word[0]), str(error))
        assert (ours is None) == ("ok" in theirs), f"{name}{args}: helpers says {ours}, node says {theirs}"
        if ours is not None:
            # node's counts say both rules at once ("a whole number from 0 to ..."), Python's the one broken
            assert gist(ours)[0] == gist(theirs["message"])[0], f"{name}{args}: {ours} | {theirs['message']}"
            assert set(gist(ours)) <= set(gist(theirs["message"])), f"{name}{args}: {ours} | {theirs['message']}"
    report("calls refused alike (of those asked)", f"{sum('ok' not in c for c in answer['calls'])} of {len(CALLS)}")


def gist(message: str) -> list[str]:
    """A refusal's words up to the first number, quote or ';': the argument, then the rule it broke.

    What follows (the value given, the shape, NumPy's or JavaScript's name for inf and nan) may differ.
    """
    return re.split(r"[;'\d(]", message, maxsplit=1)[0].split()


def verdict(result) -> tuple[str, int | None]:
    """("diverges", step), ("swings", None) or ("settles", None): see STILL."""
    if "divergedAt" in result:
        return "diverges", result["divergedAt"]
    moves = np.abs(np.diff(np.asarray(result["last"]), axis=0))
    return ("swings" if moves.max() > STILL else "settles"), None


@pytest.mark.parametrize("data", DATASETS)
def test_larger_rates_give_the_same_verdict(parity, data):
    pairs = training_pairs(parity, LARGE_RATES, data)
    verdicts = [(asked, verdict(theirs), verdict(mine)) for asked, theirs, mine in pairs]
    disagree = [(asked, theirs, mine) for asked, theirs, mine in verdicts
                if theirs[0] != mine[0] or (theirs[1] is not None and abs(theirs[1] - mine[1]) > 1)]
    counts = {kind: sum(mine[0] == kind for _, _, mine in verdicts) for kind in ("settles", "swings", "diverges")}
    steps = [abs(theirs[1] - mine[1]) for _, theirs, mine in verdicts if theirs[1] is not None and mine[1] is not None]
    summary = report(f"verdicts of {len(pairs)} runs on the {data} data (rates {LARGE_RATES}): {counts}; "
                     f"largest step difference {max(steps, default=None)}; disagreements", len(disagree))
    assert not disagree, f"{summary}, the first {disagree[:3]}"
    if data == "signed":
        assert counts["diverges"] > 0  # the divergence path is compared, not only the calm ones

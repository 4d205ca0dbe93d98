// web/live/network.js on its own: closed forms, finite differences, the post's printed numbers,
// and every input check with its own wrong input. Parity with NumPy: tests/test_engine.py.
//
//   node --test web/test/

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import * as network from "../live/network.js";

const {
  ACTIVATIONS, INIT_SCHEMES, MAX_HISTORY_VALUES, MAX_ITERATIONS, MAX_LEARNING_RATE, MAX_N_INPUTS,
  POST_INPUTS, POST_ITERATIONS, POST_SEED, POST_TARGETS, POST_TEST_INPUTS, SEED_LIMIT,
  History, TrainingDivergedError, derivative, getActivation, initialWeights, predict, train,
} = network;

const post = { inputs: POST_INPUTS, targets: POST_TARGETS, weights: initialWeights(POST_SEED) };
const printed = (values) => Array.from(values, (v) => v.toFixed(8)); // as NumPy prints them: 8 decimals

/** fn() must throw exactly one error of class Kind with exactly this message. */
function throwsWith(fn, Kind, message) {
  assert.throws(fn, (error) => {
    assert.equal(error.constructor, Kind);
    assert.equal(error.message, message);
    return true;
  });
}

describe("the post's data and limits", () => {
  test("constants mirror helpers.network", () => {
    assert.deepEqual(POST_INPUTS, [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]);
    assert.deepEqual(POST_TARGETS, [[0], [0], [1], [1]]);
    assert.deepEqual(POST_TEST_INPUTS, [[1, 1, 0], [0, 1, 0], [1, 0, 0]]);
    assert.deepEqual([POST_SEED, POST_ITERATIONS, MAX_ITERATIONS], [1, 10_000, 1_000_000]);
    assert.deepEqual([MAX_HISTORY_VALUES, MAX_LEARNING_RATE, MAX_N_INPUTS], [20_000_000, 1000, 1_000_000]);
    assert.deepEqual([SEED_LIMIT, INIT_SCHEMES], [2 ** 32, ["post", "uniform", "glorot"]]);
  });

  test("the data cannot be changed", () => {
    for (const frozen of [POST_INPUTS, POST_INPUTS[0], POST_TARGETS[3], POST_TEST_INPUTS, INIT_SCHEMES, ACTIVATIONS]) {
      assert.ok(Object.isFrozen(frozen));
    }
  });
});

describe("activations", () => {
  const points = [-30, -3, -0.7, -1e-3, 0, 1e-3, 0.5, 2, 30];

  test("each is {name, function, slopeFromOutput} under its name", () => {
    assert.deepEqual(Object.keys(ACTIVATIONS), ["tanh", "sigmoid", "relu", "post_tanh"]);
    for (const [name, activation] of Object.entries(ACTIVATIONS)) {
      assert.deepEqual(Object.keys(activation), ["name", "function", "slopeFromOutput"]);
      assert.equal(activation.name, name);
      assert.equal(getActivation(name), activation);
    }
  });

  test("functions against their closed forms", () => {
    for (const z of points) {
      assert.ok(Math.abs(ACTIVATIONS.tanh.function(z) - (Math.exp(2 * z) - 1) / (Math.exp(2 * z) + 1)) < 1e-15);
      assert.ok(Math.abs(network.sigmoid(z) - 1 / (1 + Math.exp(-z))) < 1e-16);
      assert.equal(network.relu(z), z > 0 ? z : 0);
      assert.equal(ACTIVATIONS.post_tanh.function(z), Math.tanh(z));
    }
  });

  test("the sigmoid never overflows: far left is 0, not NaN; far right is 1", () => {
    assert.equal(network.sigmoid(-1000), 0);
    assert.equal(network.sigmoid(1000), 1);
    assert.equal(network.sigmoid(-Infinity), 0);
    assert.ok(Number.isNaN(network.sigmoid(NaN)) && Number.isNaN(network.relu(NaN)));
  });

  test("slopes against their closed forms in terms of the output y", () => {
    for (const y of [-1, -0.5, 0, 0.25, 0.5, 0.9, 1]) {
      assert.equal(network.tanhSlope(y), 1 - y ** 2);
      assert.equal(network.sigmoidSlope(y), y * (1 - y));
      assert.equal(network.reluSlope(y), y > 0 ? 1 : 0);
      assert.equal(network.postTanhSlope(y), 1 - Math.tanh(4 * y));
    }
  });

  test("derivative matches a central finite difference, except the post's flawed slope", () => {
    const h = 1e-6;
    for (const name of ["tanh", "sigmoid", "relu"]) {
      const f = ACTIVATIONS[name].function;
      for (const z of points.filter((p) => Math.abs(p) > 1e-2)) { // relu has no slope at 0
        const difference = (f(z + h) - f(z - h)) / (2 * h);
        assert.ok(Math.abs(derivative(name, z) - difference) < 1e-8, `${name} at ${z}`);
      }
    }
    const trueSlope = derivative("tanh", 0.5);
    assert.equal(derivative("post_tanh", 0.5), 1 - Math.tanh(4 * Math.tanh(0.5)));
    assert.ok(Math.abs(derivative("post_tanh", 0.5) - trueSlope) > 0.5); // wrong value, right sign
    assert.ok(derivative("post_tanh", 0.5) > 0);
  });

  test("unknown names and non-numbers are refused", () => {
    const valid = "expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'";
    throwsWith(() => getActivation("tan"), RangeError, `unknown activation 'tan'; ${valid}`);
    throwsWith(() => getActivation("toString"), RangeError, `unknown activation 'toString'; ${valid}`);
    throwsWith(() => getActivation(["tanh"]), TypeError, `unknown activation ['tanh']; ${valid}`);
    throwsWith(() => derivative("tanh", "1"), TypeError, "z must be a number; got '1' (string)");
  });
});

describe("initialWeights", () => {
  test("draws nInputs numbers in each scheme's range", () => {
    const ranges = { post: [-1, 0], uniform: [-1, 1], glorot: [-Math.sqrt(6 / 1001), Math.sqrt(6 / 1001)] };
    for (const scheme of INIT_SCHEMES) {
      const weights = initialWeights(7, scheme, 1000);
      const [low, high] = ranges[scheme];
      assert.ok(Array.isArray(weights) && weights.length === 1000);
      assert.ok(weights.every((w) => low <= w && w < high), scheme);
      assert.ok(Math.min(...weights) < low + 0.01 * (high - low) && Math.max(...weights) > high - 0.01 * (high - low));
    }
  });

  test("the same seed gives the same weights; another seed others", () => {
    for (const scheme of INIT_SCHEMES) {
      assert.deepEqual(initialWeights(3, scheme), initialWeights(3, scheme));
      assert.notDeepEqual(initialWeights(3, scheme), initialWeights(4, scheme));
    }
    for (const n of [1, 2, 3, 10]) { // glorot is uniform's stream (default_rng) scaled to +-sqrt(6 / (n + 1))
      const scaled = initialWeights(9, "uniform", n).map((w) => w * Math.sqrt(6 / (n + 1)));
      initialWeights(9, "glorot", n).forEach((w, i) => assert.ok(Math.abs(w - scaled[i]) < 1e-15));
    }
    for (const scheme of ["post", "uniform"]) { // one stream, read further for more inputs
      assert.deepEqual(initialWeights(SEED_LIMIT - 1, scheme, 5).slice(0, 3), initialWeights(SEED_LIMIT - 1, scheme));
    }
    assert.equal(initialWeights(1).length, 3); // defaults: the post's scheme, three inputs
  });

  test("bad seeds, schemes and sizes are refused", () => {
    const seed = (got) => `seed must be a whole number from 0 to 2**32 - 1 = 4,294,967,295; got ${got}`;
    throwsWith(() => initialWeights(2 ** 32), RangeError, seed("4294967296"));
    throwsWith(() => initialWeights(-1), RangeError, seed("-1"));
    throwsWith(() => initialWeights(1.5), RangeError, seed("1.5"));
    throwsWith(() => initialWeights(NaN), RangeError, seed("NaN"));
    throwsWith(() => initialWeights("1"), TypeError, seed("'1'"));
    throwsWith(() => initialWeights(true), TypeError, seed("true"));
    throwsWith(() => initialWeights(1n), TypeError, seed("1n"));
    const schemes = "expected one of 'post', 'uniform', 'glorot'";
    throwsWith(() => initialWeights(1, "gauss"), RangeError, `unknown initialisation scheme 'gauss'; ${schemes}`);
    throwsWith(() => initialWeights(1, null), TypeError, `unknown initialisation scheme null; ${schemes}`);
    const size = (got) => `nInputs must be a whole number from 1 to MAX_N_INPUTS = 1,000,000; got ${got}`;
    throwsWith(() => initialWeights(1, "post", 0), RangeError, size("0"));
    throwsWith(() => initialWeights(1, "post", MAX_N_INPUTS + 1), RangeError, size("1000001"));
    throwsWith(() => initialWeights(1, "post", 2.5), RangeError, size("2.5"));
    throwsWith(() => initialWeights(1, "post", "3"), TypeError, size("'3'"));
  });
});

describe("train", () => {
  test("the post's configuration prints the post's numbers", () => {
    const history = train({ ...post, activation: "post_tanh" });
    assert.deepEqual(printed(predict(POST_TEST_INPUTS, history.finalWeights, "post_tanh")),
      ["0.99999874", "-0.01759575", "0.99999878"]);
    assert.deepEqual(printed(history.finalWeights), ["7.15658165", "-0.01759756", "-0.04949243"]);
  });

  test("the history holds every step, row k after k updates", () => {
    const history = train({ ...post, iterations: 50, learningRate: 0.3 });
    assert.ok(history instanceof History && Object.isFrozen(history));
    assert.deepEqual([history.iterations, history.activation, history.learningRate], [50, "tanh", 0.3]);
    assert.deepEqual([history.weights.length, history.errors.length, history.meanSquaredError.length], [51, 51, 51]);
    assert.deepEqual(Array.from(history.weightsAt(0)), post.weights);
    assert.deepEqual(history.finalWeights, Array.from(history.weights[50]));
    assert.equal(history.weights, history.weights); // built once
    for (let k = 0; k <= 50; k += 10) {
      const errors = predict(POST_INPUTS, history.weightsAt(k)).map((output, i) => POST_TARGETS[i][0] - output);
      assert.deepEqual(Array.from(history.errorsAt(k)), errors);
      assert.deepEqual(Array.from(history.errors[k]), errors);
      assert.ok(Math.abs(history.meanSquaredError[k] - errors.reduce((s, e) => s + e * e, 0) / 4) < 1e-16);
    }
  });

  test("each update is w += learningRate * inputs^T @ (error * slope(output))", () => {
    for (const activation of Object.keys(ACTIVATIONS)) {
      const history = train({ ...post, activation, iterations: 5, learningRate: 0.5 });
      const { function: f, slopeFromOutput } = ACTIVATIONS[activation];
      for (let k = 0; k < 5; k++) {
        const w = history.weightsAt(k);
        const outputs = POST_INPUTS.map((row) => f(row.reduce((s, x, j) => s + x * w[j], 0)));
        const deltas = outputs.map((y, i) => (POST_TARGETS[i][0] - y) * slopeFromOutput(y));
        const update = (j) => 0.5 * POST_INPUTS.reduce((s, row, i) => s + row[j] * deltas[i], 0);
        const expected = Array.from(w, (wj, j) => wj + update(j));
        Array.from(history.weightsAt(k + 1)).forEach((wj, j) => assert.ok(Math.abs(wj - expected[j]) < 1e-15));
      }
    }
  });

  test("zero iterations record the starting point only; booleans count as 1 and 0, as in NumPy", () => {
    const history = train({ ...post, iterations: 0 });
    assert.deepEqual([history.iterations, history.finalWeights], [0, post.weights]);
    const asBooleans = POST_INPUTS.map((row) => row.map(Boolean));
    assert.deepEqual(train({ ...post, inputs: asBooleans, iterations: 20 }).finalWeights,
      train({ ...post, iterations: 20 }).finalWeights);
    const typed = POST_INPUTS.map((row) => Float64Array.from(row));
    assert.deepEqual(train({ ...post, inputs: typed, iterations: 20 }).finalWeights,
      train({ ...post, iterations: 20 }).finalWeights);
  });

  test("a run that blows up throws TrainingDivergedError at its first non-finite step", () => {
    const signed = { inputs: [[-1, -1, 1], [-1, 1, 1], [1, -1, 1], [1, 1, 1]], targets: POST_TARGETS,
      weights: [0.1, 0.2, 0.3], activation: "relu", learningRate: 1000 };
    let step;
    assert.throws(() => train(signed), (error) => {
      assert.ok(error instanceof TrainingDivergedError && error instanceof Error);
      step = error.step;
      assert.equal(error.message, `training diverged: the numbers stopped being finite at update ${step} of 10000 ` +
        "(activation 'relu', learningRate 1000, the largest input is 1 in size); " +
        "try a smaller learningRate, or inputs nearer to -1..1");
      return true;
    });
    assert.ok(step > 0);
    assert.doesNotThrow(() => train({ ...signed, iterations: step - 1 }));
    assert.throws(() => train({ ...signed, iterations: step }), { step });
  });

  test("weights that overflow count even while tanh saturates and every error stays finite", () => {
    // update 1 takes the weight to -6.7e304, so every later sum is -Infinity and tanh gives -1, a
    // finite error; update 2 adds 1e308 * 2: Infinity. Only the weights show it.
    const saturated = { inputs: [[1e305]], targets: [[0]], weights: [1], activation: "post_tanh", learningRate: 1000 };
    assert.throws(() => train(saturated), { name: "TrainingDivergedError", step: 2 });
    assert.doesNotThrow(() => train({ ...saturated, iterations: 1 }));
  });

  test("starting weights that already overflow: step 0, cannot start", () => {
    throwsWith(() => train({ inputs: [[1e200]], targets: [[0]], weights: [1e200], activation: "relu" }),
      TrainingDivergedError, "training cannot start: the starting weights already give numbers too large to " +
      "represent (the largest input is 1e+200 in size); use inputs and weights nearer to -1..1");
    assert.throws(() => train({ inputs: [[1e200, 1e200]], targets: [[0]], weights: [1e200, -1e200] }), { step: 0 });
  });
});

describe("train refuses bad arguments, each with one clear error", () => {
  const fails = (options, Kind, message) => throwsWith(() => train({ ...post, ...options }), Kind, message);

  test("the options object", () => {
    throwsWith(() => train(null), TypeError, "train takes one object {inputs, targets, weights, ...}; got null");
    throwsWith(() => train(POST_INPUTS, POST_TARGETS), TypeError,
      "train takes one object {inputs, targets, weights, ...}; got [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]");
    throwsWith(() => train([1]), TypeError, "train takes one object {inputs, targets, weights, ...}; got [1]");
    fails({ learning_rate: 0.5 }, TypeError, "train got an unknown option 'learning_rate'; expected some of " +
      "inputs, targets, weights, activation, iterations, learningRate");
    throwsWith(() => train({ inputs: POST_INPUTS, weights: post.weights }), TypeError, "train needs targets; got none");
  });

  test("inputs", () => {
    fails({ inputs: [[0, 0, "1"]] }, TypeError, "inputs must be numbers (or booleans); got '1' (string)");
    fails({ inputs: [[0, 0, null]] }, TypeError, "inputs must be numbers (or booleans); got null (null)");
    fails({ inputs: [[0, 0, { x: 1 }]] }, TypeError, "inputs must be numbers (or booleans); got {...} (object)");
    fails({ inputs: [[0, 1], [1]] }, RangeError,
      "inputs must be rectangular, every row the same length; got [[0, 1], [1]]");
    fails({ inputs: [[0, 0, 1], [0, NaN, 1], [Infinity, 0, 1]] }, RangeError,
      "inputs must be finite numbers; got 2 NaN or Infinity in shape (3, 3), the first at index (1, 1)");
    fails({ inputs: [0, 0, 1] }, RangeError,
      "inputs must be a matrix of shape (nExamples, nInputs), one row per example; got shape (3,)");
    fails({ inputs: [[]] }, RangeError,
      "inputs must have at least one example (row) and one input (column); got shape (1, 0)");
    const history = train({ ...post, iterations: 1 });
    fails({ inputs: history }, TypeError,
      "inputs must be an array, not a History; for its weights pass history.finalWeights");
  });

  test("weights and targets", () => {
    fails({ weights: [[-0.5], [-0.2], [-0.9]] }, RangeError,
      "weights must have shape (3,), one number per input; got shape (3, 1)");
    fails({ weights: [-0.5, -0.2, -Infinity] }, RangeError,
      "weights must be finite numbers; got 1 NaN or Infinity in shape (3,), the first at index (2,)");
    fails({ targets: [0, 0, 1, 1] }, RangeError,
      "targets must have shape (4, 1), one row [target] per example; got shape (4,)");
  });

  test("iterations and the size of the history", () => {
    const iterations = (got) => `iterations must be a whole number from 0 to MAX_ITERATIONS = 1,000,000; got ${got}`;
    fails({ iterations: -1 }, RangeError, iterations("-1"));
    fails({ iterations: 10.5 }, RangeError, iterations("10.5"));
    fails({ iterations: MAX_ITERATIONS + 1 }, RangeError, iterations("1000001"));
    fails({ iterations: "10" }, TypeError, iterations("'10'"));
    fails({ iterations: true }, TypeError, iterations("true"));
    const inputs = Array.from({ length: 17 }, () => [1, 0, 1]);
    fails({ inputs, targets: inputs.map(() => [1]), iterations: MAX_ITERATIONS }, RangeError,
      "training would record (iterations + 1) x (nInputs + nExamples) = 1,000,001 x 20 = 20,000,020 numbers, " +
      "more than MAX_HISTORY_VALUES = 20,000,000; use fewer iterations or examples");
  });

  test("learningRate and activation", () => {
    const range = (got) => `learningRate must be a positive number at most MAX_LEARNING_RATE = 1000; got ${got}`;
    fails({ learningRate: 0 }, RangeError, range("0"));
    fails({ learningRate: -0.5 }, RangeError, range("-0.5"));
    fails({ learningRate: 1000.5 }, RangeError, range("1000.5"));
    fails({ learningRate: NaN }, RangeError, range("NaN"));
    fails({ learningRate: "0.5" }, TypeError, "learningRate must be a real number such as 0.5; got '0.5' (string)");
    fails({ learningRate: true }, TypeError, "learningRate must be a real number such as 0.5; got true (boolean)");
    fails({ activation: "tan" }, RangeError,
      "unknown activation 'tan'; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'");
  });

  test("messages stay short: an excerpt of at most 80 characters, never a whole array", () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => (i === 999 ? [1, 2] : [Math.PI, Math.E, Math.SQRT2]));
    const start = "inputs must be rectangular, every row the same length; got ";
    assert.throws(() => train({ ...post, inputs }), (error) => {
      assert.ok(error.message.startsWith(`${start}[[3.141592653589793, 2.718281828459045, `));
      assert.equal(error.message.length, start.length + 80);
      return error.message.endsWith("...");
    });
  });
});

describe("predict", () => {
  const weights = [0.5, -1.5, 2];

  test("one example gives [output], a matrix one output per row", () => {
    const expected = POST_TEST_INPUTS.map((row) => Math.tanh(row[0] * 0.5 + row[1] * -1.5 + row[2] * 2));
    assert.deepEqual(predict(POST_TEST_INPUTS, weights), expected);
    assert.deepEqual(predict(POST_TEST_INPUTS[1], weights), [expected[1]]);
    assert.deepEqual(predict([[1, 2, 3]], weights, "relu"), [3.5]);
    assert.deepEqual(predict([1, 2, 3], Float64Array.from(weights), "sigmoid"), [network.sigmoid(3.5)]);
    assert.deepEqual(predict(2, [0.25], "relu"), [0.5]); // one number is one example of one input, as in NumPy
  });

  test("bad arguments are refused, each with one clear error", () => {
    throwsWith(() => predict(POST_TEST_INPUTS, [[0.5], [-1.5], [2]]), RangeError,
      "weights must be a flat array of nInputs numbers, shape (nInputs,), nInputs >= 1; got shape (3, 1)");
    throwsWith(() => predict(POST_TEST_INPUTS, []), RangeError,
      "weights must be a flat array of nInputs numbers, shape (nInputs,), nInputs >= 1; got shape (0,)");
    throwsWith(() => predict(POST_TEST_INPUTS, weights, "tan"), RangeError,
      "unknown activation 'tan'; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'");
    throwsWith(() => predict([[1, 2]], weights), RangeError,
      "inputs must be a matrix of shape (nExamples, 3), one row per example; got shape (1, 2)");
    throwsWith(() => predict([1, NaN, 3], weights), RangeError,
      "inputs must be finite numbers; got 1 NaN or Infinity in shape (3,), the first at index (1,)");
    throwsWith(() => predict([[[1, 2, 3]]], weights), RangeError,
      "inputs must be a matrix of shape (nExamples, 3), one row per example; got shape (1, 1, 3)");
  });

  test("sums too large to represent are refused rather than returned as Infinity or NaN", () => {
    const message = "predict: inputs @ weights is too large to represent (the largest input is 1e+200 in size, " +
      "the largest weight is 1e+200 in size); use inputs and weights nearer to -1..1";
    throwsWith(() => predict([1e200, 1e200], [1e200, -1e200]), RangeError, message);
    throwsWith(() => predict([[1e200]], [1e200], "relu"), RangeError, message);
    throwsWith(() => predict([[1e200]], [1e200], "tanh"), RangeError, message); // though tanh(Infinity) is 1
  });
});

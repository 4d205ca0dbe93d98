// network.step and hidden.step (the step-through explorers of chapters 5 and 7) on their own:
// each against its training loop, the chapter's formulas by hand and finite differences, and
// every input check with its own wrong input. Parity with Python: tests/test_step_parity.py.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import * as network from "../live/network.js";
import * as hidden from "../live/hidden.js";

const { POST_INPUTS: X, POST_TARGETS: T, initialWeights, train } = network;
const { XOR_TARGETS, initialHiddenWeights, trainHidden, hiddenGradients } = hidden;

/** fn() must throw exactly one error of class Kind with exactly this message. */
function throwsWith(fn, Kind, message) {
  assert.throws(fn, (error) => {
    assert.equal(error.constructor, Kind);
    assert.equal(error.message, message);
    return true;
  });
}

const near = (a, b, tolerance, what) =>
  assert.ok(Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe("network.step", () => {
  for (const activation of ["post_tanh", "tanh", "sigmoid", "relu"]) {
    for (const learningRate of [1.0, 0.5, 0.3]) {
      test(`newWeights is train's next row to the bit (${activation}, ${learningRate})`, () => {
        const history = train({ inputs: X, targets: T, weights: initialWeights(1), activation,
                                iterations: 2000, learningRate });
        for (let k = 0; k < history.iterations; k++) {
          const result = network.step({ inputs: X, targets: T, weights: history.weightsAt(k),
                                        activation, learningRate });
          assert.deepEqual(Array.from(result.newWeights), Array.from(history.weightsAt(k + 1)));
          assert.deepEqual(Array.from(result.error), Array.from(history.errorsAt(k)));
        }
      });
    }
  }

  test("every array is chapter 5's formula by hand, flat Float64Arrays", () => {
    const w = initialWeights(1);
    const result = network.step({ inputs: X, targets: T, weights: w, activation: "post_tanh",
                                  learningRate: 0.5 });
    assert.deepEqual(Object.keys(result),
                     ["weights", "z", "output", "error", "slope", "delta", "update", "newWeights"]);
    const z = X.map((row) => row[0] * w[0] + row[1] * w[1] + row[2] * w[2]);
    const y = z.map(Math.tanh);
    const error = y.map((v, i) => T[i][0] - v);
    const slope = y.map((v) => 1 - Math.tanh(4 * v));
    const delta = error.map((e, i) => e * slope[i]);
    const update = [0, 1, 2].map((j) => 0.5 * X.reduce((s, row, i) => s + row[j] * delta[i], 0));
    const expected = { weights: w, z, output: y, error, slope, delta, update,
                       newWeights: w.map((v, j) => v + update[j]) };
    for (const [name, values] of Object.entries(expected)) {
      assert.ok(result[name] instanceof Float64Array, name);
      assert.equal(result[name].length, values.length, name);
      values.forEach((v, i) => near(result[name][i], v, 1e-15, `${name}[${i}]`));
    }
  });

  test("update / rate is minus the slope of sum(error**2) / 2, by finite differences", () => {
    const w = initialWeights(3, "uniform");
    const zOf = (row, v) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2];
    const loss = (v) => X.reduce((s, row, i) => s + (T[i][0] - Math.tanh(zOf(row, v))) ** 2, 0) / 2;
    const { update } = network.step({ inputs: X, targets: T, weights: w, learningRate: 0.3 });
    for (let j = 0; j < 3; j++) {
      const plus = w.map((v, i) => v + (i === j ? 1e-6 : 0));
      const minus = w.map((v, i) => v - (i === j ? 1e-6 : 0));
      near(update[j] / 0.3, -(loss(plus) - loss(minus)) / 2e-6, 1e-7, `update[${j}]`);
    }
  });

  test("the defaults are tanh at rate 1, and the arguments are left alone", () => {
    const w = initialWeights(1);
    const before = [...w];
    const result = network.step({ inputs: X, targets: T, weights: w });
    assert.deepEqual(result, network.step({ inputs: X, targets: T, weights: w, activation: "tanh",
                                            learningRate: 1 }));
    assert.deepEqual(w, before);
  });

  const ok = { inputs: X, targets: T, weights: initialWeights(1) };
  const fails = (change, Kind, message) => throwsWith(() => network.step({ ...ok, ...change }),
                                                      Kind, message);
  const range = (got) =>
    `learningRate must be a positive number at most MAX_LEARNING_RATE = 1000; got ${got}`;
  const tooLarge = (name, input, weight) =>
    `step: ${name} is too large to represent (the largest input is ${input} in size, the ` +
    `largest weight is ${weight} in size); use inputs and weights nearer to -1..1`;

  test("the options object", () => {
    throwsWith(() => network.step(null), TypeError,
               "step takes one object {inputs, targets, weights, ...}; got null");
    fails({ iterations: 3 }, TypeError, "step got an unknown option 'iterations'; expected some " +
          "of inputs, targets, weights, activation, learningRate");
    throwsWith(() => network.step({ inputs: X, targets: T }), TypeError,
               "step needs weights; got none");
  });

  test("each wrong argument gets train's error", () => {
    fails({ inputs: [0, 0, 1] }, RangeError, "inputs must be a matrix of shape (nExamples, " +
          "nInputs), one row per example; got shape (3,)");
    fails({ inputs: [[]] }, RangeError,
          "inputs must have at least one example (row) and one input (column); got shape (1, 0)");
    fails({ inputs: [[0, 0, "1"]] }, TypeError,
          "inputs must be numbers (or booleans); got '1' (string)");
    fails({ weights: [[-0.5], [-0.2], [-0.9]] }, RangeError,
          "weights must have shape (3,), one number per input; got shape (3, 1)");
    fails({ weights: [0.1, 0.2] }, RangeError,
          "weights must have shape (3,), one number per input; got shape (2,)");
    fails({ weights: [0.1, NaN, 0.2] }, RangeError, "weights must be finite numbers; got 1 NaN " +
          "or Infinity in shape (3,), the first at index (1,)");
    fails({ targets: [0, 0, 1, 1] }, RangeError,
          "targets must have shape (4, 1), one row [target] per example; got shape (4,)");
    fails({ targets: [[0], [0], [1], [Infinity]] }, RangeError, "targets must be finite " +
          "numbers; got 1 NaN or Infinity in shape (4, 1), the first at index (3, 0)");
    fails({ activation: "tan" }, RangeError,
          "unknown activation 'tan'; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'");
    fails({ activation: 3 }, TypeError,
          "unknown activation 3; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'");
    fails({ learningRate: 0 }, RangeError, range("0"));
    fails({ learningRate: -0.5 }, RangeError, range("-0.5"));
    fails({ learningRate: 1000.5 }, RangeError, range("1000.5"));
    fails({ learningRate: NaN }, RangeError, range("NaN"));
    fails({ learningRate: "0.5" }, TypeError,
          "learningRate must be a real number such as 0.5; got '0.5' (string)");
  });

  test("several wrong arguments: the one train names", () => {
    for (const change of [
      { activation: "tan", learningRate: 0 },
      { targets: [[0]], weights: [1] },
      { inputs: [[1, 2]], targets: [0], weights: [1, 2, 3] },
    ]) {
      let expected;
      assert.throws(() => train({ ...ok, ...change, iterations: 1 }), (error) => {
        expected = error;
        return true;
      });
      throwsWith(() => network.step({ ...ok, ...change }), expected.constructor, expected.message);
    }
  });

  test("numbers too large to represent name the first array that overflowed", () => {
    fails({ inputs: [[1e200]], targets: [[0]], weights: [1e200], activation: "relu" }, RangeError,
          tooLarge("z", "1e+200", "1e+200"));
    fails({ inputs: [[1]], targets: [[-1.7e308]], weights: [1.7e308], activation: "relu" },
          RangeError, tooLarge("error", "1", "1.7e+308"));
    fails({ inputs: [[1]], targets: [[1.7e308]], weights: [-10], activation: "post_tanh" },
          RangeError, tooLarge("delta", "1", "10"));
    fails({ inputs: [[1e306]], targets: [[1]], weights: [-1e-306], learningRate: 1000 },
          RangeError, tooLarge("update", "1e+306", "1e-306"));
    fails({ inputs: [[1]], targets: [[1e308]], weights: [1.7e308], activation: "post_tanh",
            learningRate: 1000 }, RangeError, tooLarge("newWeights", "1", "1.7e+308"));
  });
});

describe("hidden.step", () => {
  const FIELDS = ["W1", "W2", "z1", "hidden", "z2", "output", "error", "slope2", "delta2", "back",
                  "slope1", "delta1", "dW2", "dW1", "newW1", "newW2"];

  for (const [seed, nHidden, activation, learningRate] of [
    [0, 2, "tanh", 0.25], [12, 4, "tanh", 0.25], [3, 1, "sigmoid", 1.0], [7, 3, "post_tanh", 0.5],
  ]) {
    test(`newW1, newW2 are trainHidden's next weights within 1e-12 (seed ${seed}, ` +
         `${nHidden} units, ${activation}, rate ${learningRate})`, () => {
      const [W1, W2] = initialHiddenWeights(seed, nHidden);
      const history = trainHidden({ inputs: X, targets: XOR_TARGETS, W1, W2, activation,
                                    iterations: 1000, learningRate });
      for (let k = 0; k < history.iterations; k++) {
        const result = hidden.step({ inputs: X, targets: XOR_TARGETS, W1: history.W1At(k),
                                     W2: history.W2At(k), activation, learningRate });
        result.newW1.flat().forEach((v, i) => near(v, history.W1At(k + 1).flat()[i], 1e-12, "W1"));
        result.newW2.flat().forEach((v, i) => near(v, history.W2At(k + 1).flat()[i], 1e-12, "W2"));
        result.error.flat().forEach((v, e) => near(v, history.errorsAt(k)[e], 1e-12, "error"));
      }
    });
  }

  test("rows of the chapter's shapes; dW / rate is hiddenGradients; the chapter's formulas", () => {
    const [W1, W2] = initialHiddenWeights(2, 3);
    const result = hidden.step({ inputs: X, targets: XOR_TARGETS, W1, W2, learningRate: 0.5 });
    assert.deepEqual(Object.keys(result), FIELDS);
    const shapes = { W1: [3, 3], W2: [4, 1], z1: [4, 3], hidden: [4, 3], z2: [4, 1],
                     output: [4, 1], error: [4, 1], slope2: [4, 1], delta2: [4, 1], back: [4, 3],
                     slope1: [4, 3], delta1: [4, 3], dW2: [4, 1], dW1: [3, 3], newW1: [3, 3],
                     newW2: [4, 1] };
    for (const [name, [nRows, nColumns]] of Object.entries(shapes)) {
      assert.equal(result[name].length, nRows, name);
      assert.ok(result[name].every((row) => row.length === nColumns), name);
    }
    const [dW1, dW2] = hiddenGradients(X, XOR_TARGETS, W1, W2);
    result.dW1.flat().forEach((v, i) => near(v / 0.5, dW1.flat()[i], 1e-14, "dW1"));
    result.dW2.flat().forEach((v, i) => near(v / 0.5, dW2.flat()[i], 1e-14, "dW2"));
    // by hand: h = tanh(X @ W1), delta1 = (delta2 @ W2[:-1].T) * (1 - h**2)
    X.forEach((row, e) => {
      const h = [0, 1, 2].map((u) =>
        Math.tanh(row[0] * W1[0][u] + row[1] * W1[1][u] + row[2] * W1[2][u]));
      const y = Math.tanh(h[0] * W2[0][0] + h[1] * W2[1][0] + h[2] * W2[2][0] + W2[3][0]);
      const delta2 = (XOR_TARGETS[e][0] - y) * (1 - y * y);
      near(result.output[e][0], y, 1e-15, "output");
      near(result.delta2[e][0], delta2, 1e-15, "delta2");
      h.forEach((v, u) => {
        near(result.hidden[e][u], v, 1e-15, "hidden");
        near(result.back[e][u], delta2 * W2[u][0], 1e-15, "back");
        near(result.delta1[e][u], delta2 * W2[u][0] * (1 - v * v), 1e-15, "delta1");
      });
    });
  });

  test("the defaults are tanh at the chapter's rate 0.25", () => {
    const [W1, W2] = initialHiddenWeights(0, 2);
    assert.deepEqual(hidden.step({ inputs: X, targets: XOR_TARGETS, W1, W2 }),
                     hidden.step({ inputs: X, targets: XOR_TARGETS, W1, W2, activation: "tanh",
                                   learningRate: 0.25 }));
  });

  const [W1, W2] = initialHiddenWeights(0, 2);
  const ok = { inputs: X, targets: XOR_TARGETS, W1, W2 };
  const fails = (change, Kind, message) => throwsWith(() => hidden.step({ ...ok, ...change }),
                                                      Kind, message);
  const range = (got) =>
    `learningRate must be a positive number at most MAX_LEARNING_RATE = 1000; got ${got}`;
  const tooLarge = (name, input, w1, w2) =>
    `step: ${name} is too large to represent (the largest input is ${input} in size, the ` +
    `largest weight in W1 is ${w1} in size, the largest weight in W2 is ${w2} in size); ` +
    "use inputs and weights nearer to -1..1";

  test("each wrong argument gets trainHidden's error", () => {
    throwsWith(() => hidden.step([1, 2]), TypeError,
               "step takes one object {inputs, targets, W1, W2, ...}; got [1, 2]");
    fails({ iterations: 1 }, TypeError, "step got an unknown option 'iterations'; expected some " +
          "of inputs, targets, W1, W2, activation, learningRate");
    throwsWith(() => hidden.step({ inputs: X, targets: XOR_TARGETS, W1 }), TypeError,
               "step needs W2; got none");
    fails({ inputs: [0, 0, 1] }, RangeError, "inputs must be a matrix of shape (nExamples, " +
          "nInputs), one row per example; got shape (3,)");
    fails({ W1: W1.slice(0, 2) }, RangeError, "W1 must have shape (3, nHidden), a column per " +
          "hidden unit, nHidden >= 1; got shape (2, 2)");
    fails({ W2: W2.slice(0, 2) }, RangeError, "W2 must have shape (3, 1): a weight per hidden " +
          "unit, then the output's bias; got shape (2, 1)");
    fails({ W1: [[NaN, 0], [0, 0], [0, 0]] }, RangeError, "W1 must be finite numbers; got 1 NaN " +
          "or Infinity in shape (3, 2), the first at index (0, 0)");
    fails({ W2: [[0], [Infinity], [0]] }, RangeError, "W2 must be finite numbers; got 1 NaN or " +
          "Infinity in shape (3, 1), the first at index (1, 0)");
    fails({ targets: XOR_TARGETS.slice(0, 2) }, RangeError,
          "targets must have shape (4, 1); got shape (2, 1)");
    fails({ targets: [[0], [1], [1], [NaN]] }, RangeError, "targets must be finite numbers; got " +
          "1 NaN or Infinity in shape (4, 1), the first at index (3, 0)");
    fails({ activation: "softmax" }, RangeError,
          "unknown activation 'softmax'; expected one of 'tanh', 'sigmoid', 'relu', 'post_tanh'");
    fails({ learningRate: 0 }, RangeError, range("0"));
    fails({ learningRate: Infinity }, RangeError, range("Infinity"));
    fails({ learningRate: "0.25" }, TypeError,
          "learningRate must be a real number such as 0.5; got '0.25' (string)");
    const history = trainHidden({ ...ok, iterations: 1 });
    fails({ W1: history }, TypeError, "W1 must be an array, not a HiddenHistory; for its " +
          "weights pass history.finalW1 and history.finalW2");
  });

  test("several wrong arguments: the one trainHidden names", () => {
    for (const change of [
      { activation: "tan", learningRate: 0 },
      { targets: [[0]], W2: [[1]] },
    ]) {
      let expected;
      assert.throws(() => trainHidden({ ...ok, ...change, iterations: 1 }), (error) => {
        expected = error;
        return true;
      });
      throwsWith(() => hidden.step({ ...ok, ...change }), expected.constructor, expected.message);
    }
  });

  test("numbers too large to represent name the first array that overflowed", () => {
    fails({ inputs: [[1e200]], targets: [[0]], W1: [[1e200]], W2: [[1], [0]],
            activation: "relu" }, RangeError, tooLarge("z1", "1e+200", "1e+200", "1"));
    fails({ inputs: [[1]], targets: [[0]], W1: [[1e200]], W2: [[1e200], [0]],
            activation: "relu" }, RangeError, tooLarge("z2", "1", "1e+200", "1e+200"));
    fails({ inputs: [[1e306]], targets: [[1]], W1: [[-1e-306]], W2: [[1], [0]],
            learningRate: 1000 }, RangeError, tooLarge("dW1", "1e+306", "1e-306", "1"));
  });
});

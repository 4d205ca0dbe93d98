// web/live/hidden.js on its own: shapes, the chain rule against finite differences, the one-layer case,
// training, solves and refusals. Parity with helpers.hidden is tests/test_hidden_engine.py's.

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { initialWeights, train, TrainingDivergedError } from "../live/network.js";
import {
  MAX_N_HIDDEN, THRESHOLD, XOR_INPUTS, XOR_ITERATIONS, XOR_LEARNING_RATE, XOR_TARGETS,
  HiddenHistory, forward, hiddenGradients, initialHiddenWeights, solves, trainHidden,
} from "../live/hidden.js";

const sumSquares = (inputs, targets, W1, W2, activation) =>
  forward(inputs, W1, W2, activation)[1].reduce((s, [y], e) => s + (targets[e][0] - y) ** 2, 0) / 2;

describe("initialHiddenWeights", () => {
  it("gives W1 (nInputs, nHidden) then W2 (nHidden + 1, 1), in range, the same for the same seed", () => {
    const [W1, W2] = initialHiddenWeights(42, 5, 2);
    assert.deepEqual([W1.length, W1[0].length, W2.length, W2[0].length], [2, 5, 6, 1]);
    assert.ok([...W1.flat(), ...W2.flat()].every((w) => w >= -1 && w < 1));
    assert.deepEqual(initialHiddenWeights(42, 5, 2), [W1, W2]);
    assert.notDeepEqual(initialHiddenWeights(43, 5, 2), [W1, W2]);
    const [post1, post2] = initialHiddenWeights(1, 4, 3, "post");
    assert.ok([...post1.flat(), ...post2.flat()].every((w) => w >= -1 && w < 0));
    const limit = Math.sqrt(6 / (3 + 300));
    assert.ok(initialHiddenWeights(1, 300, 3, "glorot")[0].flat().every((w) => Math.abs(w) <= limit));
  });

  it("draws W1 first from network.js's stream: one hidden unit of the post scheme is initialWeights", () => {
    const [W1] = initialHiddenWeights(1, 1, 3, "post");
    assert.deepEqual(W1.map((row) => row[0]), initialWeights(1, "post", 3));
  });

  it("refuses a bad seed, count or scheme", () => {
    assert.throws(() => initialHiddenWeights(-1, 4), /^RangeError: seed must be a whole number from 0 to 2\*\*32 - 1/);
    assert.throws(() => initialHiddenWeights(1, 0), /^RangeError: nHidden must be a whole number from 1 to MAX_N_HIDDEN = 10,000; got 0$/);
    assert.throws(() => initialHiddenWeights(1, MAX_N_HIDDEN + 1), RangeError);
    assert.throws(() => initialHiddenWeights(1, "4"), TypeError);
    assert.throws(() => initialHiddenWeights(1, 4, 3, "he"), /unknown initialisation scheme 'he'/);
  });
});

describe("forward and hiddenGradients", () => {
  const [W1, W2] = initialHiddenWeights(3, 3);

  it("gives rows of the right shapes", () => {
    const [hidden, output] = forward(XOR_INPUTS, W1, W2);
    assert.deepEqual([hidden.length, hidden[0].length, output.length, output[0].length], [4, 3, 4, 1]);
  });

  for (const activation of ["tanh", "sigmoid", "relu"]) {
    it(`are minus the gradient of the squared error, by finite differences (${activation})`, () => {
      const [dW1, dW2] = hiddenGradients(XOR_INPUTS, XOR_TARGETS, W1, W2, activation);
      const h = 1e-6;
      const nudged = (matrix, i, j, by) => matrix.map((row, r) => row.map((w, c) => (r === i && c === j ? w + by : w)));
      for (const [which, matrix, d] of [[1, W1, dW1], [2, W2, dW2]]) {
        matrix.forEach((row, i) => row.forEach((_, j) => {
          const loss = (by) => (which === 1
            ? sumSquares(XOR_INPUTS, XOR_TARGETS, nudged(W1, i, j, by), W2, activation)
            : sumSquares(XOR_INPUTS, XOR_TARGETS, W1, nudged(W2, i, j, by), activation));
          const slope = (loss(h) - loss(-h)) / (2 * h);
          assert.ok(Math.abs(-slope - d[i][j]) < 1e-6, `W${which}[${i}][${j}]: ${-slope} vs ${d[i][j]}`);
        }));
      }
    });
  }

  it("refuses mismatched shapes and overflow with one clear error", () => {
    assert.throws(() => forward(XOR_INPUTS, W1.slice(0, 2), W2), /^RangeError: W1 must have shape \(3, nHidden\)/);
    assert.throws(() => forward(XOR_INPUTS, W1, W2.slice(0, 3)),
      /^RangeError: W2 must have shape \(4, 1\): a weight per hidden unit, then the output's bias; got shape \(3, 1\)$/);
    assert.throws(() => forward([[1e200]], [[1e200]], [[1], [0]], "relu"), /^RangeError: forward: the weighted sums are too large/);
    assert.throws(() => hiddenGradients(XOR_INPUTS, [0, 1, 1, 0], W1, W2), /^RangeError: targets must have shape \(4, 1\)/);
  });
});

describe("trainHidden and solves", () => {
  it("trains the chapter's seed 0 to solve XOR; seed 12 gets stuck (two hidden units)", () => {
    for (const [seed, expected] of [[0, true], [12, false]]) {
      const [W1, W2] = initialHiddenWeights(seed, 2);
      const history = trainHidden({ inputs: XOR_INPUTS, targets: XOR_TARGETS, W1, W2 });
      assert.ok(history instanceof HiddenHistory);
      assert.equal(history.iterations, XOR_ITERATIONS);
      assert.equal(history.learningRate, XOR_LEARNING_RATE);
      assert.deepEqual(history.W1At(0), W1);
      assert.equal(solves(XOR_INPUTS, XOR_TARGETS, history.finalW1, history.finalW2), expected);
      assert.ok(history.meanSquaredError.every(Number.isFinite));
    }
  });

  it("takes one step as hiddenGradients says", () => {
    const [W1, W2] = initialHiddenWeights(5, 4);
    const [dW1, dW2] = hiddenGradients(XOR_INPUTS, XOR_TARGETS, W1, W2, "sigmoid");
    const history = trainHidden({ inputs: XOR_INPUTS, targets: XOR_TARGETS, W1, W2, activation: "sigmoid",
                                  iterations: 1, learningRate: 0.5 });
    history.finalW1.forEach((row, i) => row.forEach((w, j) => assert.ok(Math.abs(w - (W1[i][j] + 0.5 * dW1[i][j])) < 1e-15)));
    history.finalW2.forEach(([w], i) => assert.ok(Math.abs(w - (W2[i][0] + 0.5 * dW2[i][0])) < 1e-15));
  });

  it("is the one-layer network's training when the hidden layer passes its sum on (relu, positive sums)", () => {
    // One relu hidden unit with weights w and the output weight 1, bias 0: while every sum stays positive,
    // the output is relu(relu(x @ w)) = x @ w and the output's step is the one-layer network's.
    const inputs = [[1, 0.5, 1], [0.2, 1, 1]], targets = [[2], [1.5]];
    const w = [0.3, 0.2, 0.4];
    const history = trainHidden({ inputs, targets, W1: w.map((v) => [v]), W2: [[1], [0]], activation: "relu",
                                  iterations: 1, learningRate: 0.01 });
    const [, output] = forward(inputs, history.W1At(0), history.W2At(0), "relu");
    const one = train({ inputs, targets, weights: w, activation: "relu", iterations: 1, learningRate: 0.01 });
    assert.deepEqual(output.map(([y]) => y), inputs.map((x) => x[0] * w[0] + x[1] * w[1] + x[2] * w[2]));
    assert.ok(one.errorsAt(0).every((e, i) => Math.abs(e - history.errorsAt(0)[i]) < 1e-15));
  });

  it("says a diverging run diverged, and exactly 0.5 is on neither side", () => {
    assert.throws(
      () => trainHidden({ inputs: [[1]], targets: [[1e150]], W1: [[1]], W2: [[1], [1]], activation: "relu",
                          iterations: 3, learningRate: 1 }),
      (error) => error instanceof TrainingDivergedError && error.step === 1
        && /^training diverged: the numbers stopped being finite at update 1 of 3/.test(error.message));
    assert.equal(THRESHOLD, 0.5);
    assert.equal(solves([[0]], [[0]], [[0]], [[0], [0]], "sigmoid"), false);
    assert.equal(solves([[0]], [[0]], [[0]], [[0], [-1]], "sigmoid"), true);
  });

  it("refuses bad options with one clear error", () => {
    const [W1, W2] = initialHiddenWeights(0, 2);
    const ok = { inputs: XOR_INPUTS, targets: XOR_TARGETS, W1, W2 };
    assert.throws(() => trainHidden({ ...ok, rate: 1 }), /^TypeError: trainHidden got an unknown option 'rate'/);
    assert.throws(() => trainHidden({ ...ok, W2: undefined }), /^TypeError: trainHidden needs W2; got none$/);
    assert.throws(() => trainHidden({ ...ok, learningRate: 0 }), /^RangeError: learningRate must be a positive number/);
    assert.throws(() => trainHidden({ ...ok, iterations: 2.5 }), /^RangeError: iterations must be a whole number/);
    const history = trainHidden({ ...ok, iterations: 1 });
    assert.throws(() => forward(XOR_INPUTS, history, W2), /^TypeError: W1 must be an array, not a HiddenHistory/);
  });
});

// The network with one hidden layer, in plain JavaScript: the live site's engine for the chapter
// "A hidden layer" (its hidden-layer explorer).
//
// It mirrors helpers/hidden.py name for name (snake_case there, camelCase here): the same shapes,
//
//     hidden = f(inputs @ W1)              (nExamples, nHidden);   W1: (nInputs, nHidden)
//     output = f([hidden, 1] @ W2)         (nExamples, 1);         W2: (nHidden + 1, 1)
//
// the same starting weights to the last bit (./network.js's MT19937 and SeedSequence/PCG64, W1
// drawn first, then W2) and the same training steps, operation by operation as helpers.hidden's
// _train_runs: tests/test_hidden_engine.py checks both against helpers.hidden, and
// web/test/hidden.test.mjs checks this file on its own. Float64 throughout, as in NumPy.
//
// Differences from Python, all because JavaScript has no NumPy:
// - matrices are arrays of rows (W2 a column: [[w], [w], ...]), as Python's .tolist() writes them;
//   forward and hiddenGradients return [hidden, output] and [dW1, dW2] in that form;
// - trainHidden takes one object {inputs, targets, W1, W2, activation, iterations, learningRate}, as
//   network.js's train does; its HiddenHistory keeps flat Float64Arrays and gives the weights after
//   k updates as W1At(k) and W2At(k);
// - a diverging run stops at the first step that is not finite (Python trains on, then looks);
// - the checks name the JavaScript arguments (nHidden, nInputs, learningRate);
// - train_hidden_many, which trains a thousand seeds side by side for the chapter's sweep, has no
//   twin: the site trains one run at a time.

import {
  MAX_ITERATIONS,
  MAX_N_INPUTS,
  POST_INPUTS,
  SEED_LIMIT,
  allFinite,
  defaultRngDouble,
  getActivation,
  randomStateSample,
  uniform,
} from "./network.js";
import {
  checkCount,
  checkHiddenHistorySize,
  checkLearningRate,
  checkNetwork,
  checkOptions,
  checkScheme,
  checkTargets,
  divergedError,
  notRepresentable,
  tooLarge,
} from "./validate.js";

function frozen(rows) {
  return Object.freeze(rows.map((row) => Object.freeze(row)));
}

/** XOR of the first two inputs of each row of POST_INPUTS (001, 011, 101, 111): Trask's second dataset. */
export const XOR_TARGETS = frozen([[0], [1], [1], [0]]);

/** The same four inputs as the post's; the third column, always 1, is the hidden units' bias. */
export const XOR_INPUTS = POST_INPUTS;

/** The steps of the chapter's runs, as many as the post's. */
export const XOR_ITERATIONS = 10_000;

/** The rate of the chapter's runs (see helpers.hidden.XOR_LEARNING_RATE). */
export const XOR_LEARNING_RATE = 0.25;

/** The most hidden units initialHiddenWeights draws. */
export const MAX_N_HIDDEN = 10_000;

/** An output solves its example when it is on the same side of this as the target. */
export const THRESHOLD = 0.5;

// --- starting weights -------------------------------------------------------------

/**
 * Starting weights [W1, W2]: W1 of shape (nInputs, nHidden), W2 of shape (nHidden + 1, 1), as rows.
 *
 * Both from one stream, W1 first (row by row), then W2 (the hidden units' weights, then the
 * output's bias): uniform (the default), a default_rng(seed) Generator, uniform in [-1, 1);
 * glorot, the same Generator, uniform in +-sqrt(6 / (nInputs + nHidden)) for W1 and
 * +-sqrt(6 / (nHidden + 2)) for W2; post, the post's RandomState(seed), random(shape) - 1.
 */
export function initialHiddenWeights(seed, nHidden, nInputs = 3, scheme = "uniform") {
  checkCount(seed, "seed", 0, SEED_LIMIT - 1, "2**32 - 1");
  checkCount(nHidden, "nHidden", 1, MAX_N_HIDDEN, "MAX_N_HIDDEN");
  checkCount(nInputs, "nInputs", 1, MAX_N_INPUTS, "MAX_N_INPUTS");
  checkScheme(scheme);
  const shapes = [
    [nInputs, nHidden],
    [nHidden + 1, 1],
  ];
  let draws; // one function per matrix, drawing from the one stream
  if (scheme === "post") {
    const random = randomStateSample(seed);
    draws = shapes.map(() => () => random() - 1.0);
  } else {
    const random = defaultRngDouble(seed);
    const limits = scheme === "uniform" ? [1.0, 1.0] : [Math.sqrt(6.0 / (nInputs + nHidden)), Math.sqrt(6.0 / (nHidden + 2))];
    draws = limits.map((limit) => () => uniform(random, -limit, limit));
  }
  return shapes.map(([nRows, nColumns], m) =>
    Array.from({ length: nRows }, () => Array.from({ length: nColumns }, () => draws[m]())),
  );
}

// --- forward and backward pass -------------------------------------------------------

/**
 * The network's numbers for every example, flat: hidden (nExamples x nHidden) and output (nExamples),
 * in the order of helpers.hidden's _train_runs: the output's sum over the hidden units, then its bias.
 */
function forwardFlat(x, nExamples, nInputs, w1, nHidden, w2, f) {
  const hidden = new Float64Array(nExamples * nHidden);
  const output = new Float64Array(nExamples);
  for (let e = 0; e < nExamples; e++) {
    let sum2 = 0.0;
    for (let h = 0; h < nHidden; h++) {
      let sum = 0.0; // inputs[e] @ W1[:, h]
      for (let i = 0; i < nInputs; i++) sum += x[e * nInputs + i] * w1[i * nHidden + h];
      const value = f(sum);
      hidden[e * nHidden + h] = value;
      sum2 += value * w2[h];
    }
    output[e] = f(sum2 + w2[nHidden]);
  }
  return { hidden, output };
}

function rows(data, nRows, nColumns) {
  return Array.from({ length: nRows }, (_, r) => Array.from(data.subarray(r * nColumns, (r + 1) * nColumns)));
}

/**
 * [hidden, output]: hidden = f(inputs @ W1), shape (nExamples, nHidden), and output = f([hidden, 1] @ W2),
 * shape (nExamples, 1), as rows. Throws a RangeError rather than return Infinity or NaN.
 */
export function forward(inputs, W1, W2, activation = "tanh") {
  const net = checkNetwork(inputs, W1, W2, HiddenHistory);
  const { f } = chosenActivation(activation);
  const { hidden, output } = forwardFlat(net.x, net.nExamples, net.nInputs, net.w1, net.nHidden, net.w2, f);
  if (!(hidden.every(Number.isFinite) && output.every(Number.isFinite))) {
    throw tooLarge("forward", net.inputs, net.W1, net.W2);
  }
  return [rows(hidden, net.nExamples, net.nHidden), rows(output, net.nExamples, 1)];
}

/**
 * [dW1, dW2], the steps training adds to W1 and W2 (times the learning rate), as in helpers.hidden:
 * delta2 = (targets - output) * f'(output), dW2 = [hidden, 1].T @ delta2; delta1 =
 * (delta2 @ W2[:-1].T) * f'(hidden), dW1 = inputs.T @ delta1. Sums over the examples, not means.
 */
export function hiddenGradients(inputs, targets, W1, W2, activation = "tanh") {
  const net = checkNetwork(inputs, W1, W2, HiddenHistory);
  const t = checkTargets(targets, net.nExamples);
  const { f, slope } = chosenActivation(activation);
  const { nExamples, nInputs, nHidden } = net;
  const { hidden, output } = forwardFlat(net.x, nExamples, nInputs, net.w1, nHidden, net.w2, f);
  const dW1 = new Float64Array(nInputs * nHidden);
  const dW2 = new Float64Array(nHidden + 1);
  for (let e = 0; e < nExamples; e++) {
    const delta2 = (t[e] - output[e]) * slope(output[e]);
    for (let h = 0; h < nHidden; h++) {
      const delta1 = delta2 * net.w2[h] * slope(hidden[e * nHidden + h]);
      for (let i = 0; i < nInputs; i++) dW1[i * nHidden + h] += net.x[e * nInputs + i] * delta1;
      dW2[h] += hidden[e * nHidden + h] * delta2;
    }
    dW2[nHidden] += delta2;
  }
  if (!(dW1.every(Number.isFinite) && dW2.every(Number.isFinite))) {
    throw tooLarge("hiddenGradients", net.inputs, net.W1, net.W2);
  }
  return [rows(dW1, nInputs, nHidden), rows(dW2, nHidden + 1, 1)];
}

/** Whether the output ``y`` is on the other side of 0.5 from its target (exactly 0.5 is wrong). */
export function wrongSide(y, target) {
  return y === THRESHOLD || y > THRESHOLD !== target > THRESHOLD;
}

/** Whether every output is on the same side of 0.5 as its target (exactly 0.5 counts as wrong). */
export function solves(inputs, targets, W1, W2, activation = "tanh") {
  const [, output] = forward(inputs, W1, W2, activation);
  const t = checkTargets(targets, output.length);
  return !output.some(([y], e) => wrongSide(y, t[e]));
}

const STEP_OPTIONS = ["inputs", "targets", "W1", "W2", "activation", "learningRate"];

/**
 * One step of trainHidden, keeping every array it computes (the step-through explorer of the
 * chapter "A hidden layer"): the twin of Python's hidden.step. Returns {W1, W2, z1, hidden, z2,
 * output, error, slope2, delta2, back, slope1, delta1, dW2, dW1, newW1, newW2}, each as rows,
 * as forward and hiddenGradients return them (a column is [[v], [v], ...]):
 *
 *     z1 = inputs @ W1 (nExamples, nHidden), hidden = f(z1), z2 = [hidden, 1] @ W2 (nExamples, 1),
 *     output = f(z2), error = targets - output, slope2 = f'(output), delta2 = error * slope2,
 *     back = delta2 @ W2[:-1].T (the old W2), slope1 = f'(hidden), delta1 = back * slope1,
 *     dW2 = learningRate * [hidden, 1].T @ delta2, dW1 = learningRate * inputs.T @ delta1,
 *     newW1 = W1 + dW1, newW2 = W2 + dW2.
 *
 * Takes trainHidden's options but iterations, with the same checks and errors; throws a
 * RangeError naming the first array whose numbers are too large to represent.
 */
export function step(options) {
  checkOptions(options, "step", STEP_OPTIONS, ["inputs", "targets", "W1", "W2"]);
  const { activation = "tanh", learningRate = XOR_LEARNING_RATE } = options;
  const net = checkNetwork(options.inputs, options.W1, options.W2, HiddenHistory);
  const { nExamples: nE, nInputs: nI, nHidden: nH, x, w1, w2 } = net;
  const t = checkTargets(options.targets, nE);
  const { f, slope } = chosenActivation(activation);
  checkLearningRate(learningRate);
  const flat = (length) => new Float64Array(length);
  const z1 = flat(nE * nH), hidden = flat(nE * nH), back = flat(nE * nH);
  const slope1 = flat(nE * nH), delta1 = flat(nE * nH);
  const z2 = flat(nE), output = flat(nE), error = flat(nE), slope2 = flat(nE), delta2 = flat(nE);
  for (let e = 0; e < nE; e++) {
    let sum2 = 0.0; // [hidden, 1] @ W2: the hidden units, then the bias, as trainHidden sums
    for (let h = 0; h < nH; h++) {
      let sum = 0.0; // inputs[e] @ W1[:, h]
      for (let i = 0; i < nI; i++) sum += x[e * nI + i] * w1[i * nH + h];
      z1[e * nH + h] = sum;
      hidden[e * nH + h] = f(sum);
      sum2 += hidden[e * nH + h] * w2[h];
    }
    z2[e] = sum2 + w2[nH];
    output[e] = f(z2[e]);
    error[e] = t[e] - output[e];
    slope2[e] = slope(output[e]);
    delta2[e] = error[e] * slope2[e];
    for (let h = 0; h < nH; h++) {
      back[e * nH + h] = delta2[e] * w2[h];
      slope1[e * nH + h] = slope(hidden[e * nH + h]);
      delta1[e * nH + h] = back[e * nH + h] * slope1[e * nH + h];
    }
  }
  const dW2 = flat(nH + 1), dW1 = flat(nI * nH);
  for (let h = 0; h <= nH; h++) {
    let sum = 0.0; // [hidden, 1].T @ delta2
    for (let e = 0; e < nE; e++) sum += (h < nH ? hidden[e * nH + h] : 1.0) * delta2[e];
    dW2[h] = learningRate * sum;
  }
  for (let i = 0; i < nI; i++) {
    for (let h = 0; h < nH; h++) {
      let sum = 0.0; // inputs.T @ delta1
      for (let e = 0; e < nE; e++) sum += x[e * nI + i] * delta1[e * nH + h];
      dW1[i * nH + h] = learningRate * sum;
    }
  }
  const newW1 = w1.map((w, k) => w + dW1[k]), newW2 = w2.map((w, k) => w + dW2[k]);
  const arrays = [
    ["W1", w1, nI, nH], ["W2", w2, nH + 1, 1], ["z1", z1, nE, nH], ["hidden", hidden, nE, nH],
    ["z2", z2, nE, 1], ["output", output, nE, 1], ["error", error, nE, 1],
    ["slope2", slope2, nE, 1], ["delta2", delta2, nE, 1], ["back", back, nE, nH],
    ["slope1", slope1, nE, nH], ["delta1", delta1, nE, nH], ["dW2", dW2, nH + 1, 1],
    ["dW1", dW1, nI, nH], ["newW1", newW1, nI, nH], ["newW2", newW2, nH + 1, 1],
  ];
  const result = {};
  for (const [name, values, nRows, nColumns] of arrays) {
    if (!values.every(Number.isFinite)) {
      throw notRepresentable(`step: ${name} is`, [x, "input"], [w1, "weight in W1"],
                             [w2, "weight in W2"]);
    }
    result[name] = rows(values, nRows, nColumns);
  }
  return result;
}

// --- training -----------------------------------------------------------------------

/**
 * One training run of the two-layer network. W1At(k) and W2At(k) are the weights after k updates
 * (k = 0 .. iterations), as rows; errorsAt(k) the errors target - output they make, and
 * meanSquaredError[k] their mean square. The numbers sit in flat Float64Arrays (W1Values,
 * W2Values, errorValues), one step after another.
 */
export class HiddenHistory {
  constructor({ W1Values, W2Values, errorValues, meanSquaredError, nInputs, nHidden, activation, learningRate }) {
    Object.assign(this, { W1Values, W2Values, errorValues, meanSquaredError, nInputs, nHidden, activation, learningRate });
    this.nExamples = errorValues.length / meanSquaredError.length;
    Object.freeze(this);
  }

  get iterations() {
    return this.meanSquaredError.length - 1;
  }

  W1At(k) {
    const size = this.nInputs * this.nHidden;
    return rows(this.W1Values.subarray(k * size, (k + 1) * size), this.nInputs, this.nHidden);
  }

  W2At(k) {
    const size = this.nHidden + 1;
    return rows(this.W2Values.subarray(k * size, (k + 1) * size), size, 1);
  }

  errorsAt(k) {
    return Array.from(this.errorValues.subarray(k * this.nExamples, (k + 1) * this.nExamples));
  }

  get finalW1() {
    return this.W1At(this.iterations);
  }

  get finalW2() {
    return this.W2At(this.iterations);
  }
}

const TRAIN_OPTIONS = ["inputs", "targets", "W1", "W2", "activation", "iterations", "learningRate"];

/**
 * Train the two-layer network by full-batch steps W += learningRate * dW (see hiddenGradients).
 *
 * iterations from 0 to MAX_ITERATIONS, learningRate above 0 and at most MAX_LEARNING_RATE; the
 * history may hold at most MAX_HISTORY_VALUES numbers. Throws TrainingDivergedError if the numbers
 * stop being finite.
 */
export function trainHidden(options) {
  checkOptions(options, "trainHidden", TRAIN_OPTIONS, ["inputs", "targets", "W1", "W2"]);
  const { activation = "tanh", iterations = XOR_ITERATIONS, learningRate = XOR_LEARNING_RATE } = options;
  const net = checkNetwork(options.inputs, options.W1, options.W2, HiddenHistory);
  const { nExamples, nInputs, nHidden } = net;
  const t = checkTargets(options.targets, nExamples);
  const { f, slope } = chosenActivation(activation);
  checkCount(iterations, "iterations", 0, MAX_ITERATIONS, "MAX_ITERATIONS");
  checkLearningRate(learningRate);
  checkHiddenHistorySize(iterations, nInputs * nHidden + nHidden + 1 + nExamples);
  const size1 = nInputs * nHidden, size2 = nHidden + 1;
  const history = new HiddenHistory({
    W1Values: new Float64Array((iterations + 1) * size1),
    W2Values: new Float64Array((iterations + 1) * size2),
    errorValues: new Float64Array((iterations + 1) * nExamples),
    meanSquaredError: new Float64Array(iterations + 1),
    nInputs,
    nHidden,
    activation,
    learningRate,
  });
  history.W1Values.set(net.w1);
  history.W2Values.set(net.w2);
  const step = trainSteps(net.x, t, f, slope, learningRate, history);
  if (step !== null) throw divergedError(step, history, net.inputs.data);
  return history;
}

/**
 * The loop of helpers.hidden's _train_runs for one run, filling `history` in place: each step the
 * same operations in the same order. Returns null, or the first step whose weights or mean squared
 * error are not finite (training stops there).
 */
function trainSteps(x, t, f, slope, learningRate, history) {
  const { W1Values: W1, W2Values: W2, errorValues: errors, meanSquaredError: mse, nInputs, nHidden, nExamples } = history;
  const size1 = nInputs * nHidden, size2 = nHidden + 1;
  const hidden = new Float64Array(nExamples * nHidden);
  const delta1 = new Float64Array(nExamples * nHidden);
  const delta2 = new Float64Array(nExamples);
  for (let k = 0; ; k++) {
    const a = k * size1, v = k * size2; // this step's W1 and W2
    let squares = 0.0;
    for (let e = 0; e < nExamples; e++) {
      let sum2 = 0.0; // einsum("erh,rh->er", hidden, V), then + b
      for (let h = 0; h < nHidden; h++) {
        let sum = 0.0; // inputs @ A
        for (let i = 0; i < nInputs; i++) sum += x[e * nInputs + i] * W1[a + i * nHidden + h];
        const value = f(sum);
        hidden[e * nHidden + h] = value;
        sum2 += value * W2[v + h];
      }
      const output = f(sum2 + W2[v + nHidden]);
      const error = t[e] - output;
      errors[k * nExamples + e] = error;
      squares += error * error;
      delta2[e] = error * slope(output);
      for (let h = 0; h < nHidden; h++) {
        delta1[e * nHidden + h] = slope(hidden[e * nHidden + h]) * W2[v + h] * delta2[e];
      }
    }
    mse[k] = squares / nExamples;
    if (!(Number.isFinite(mse[k]) && allFinite(W1, a, size1) && allFinite(W2, v, size2))) return k;
    if (k === history.iterations) return null;
    for (let h = 0; h < nHidden; h++) {
      let sum = 0.0; // einsum("erh,er->rh", hidden, delta2)
      for (let e = 0; e < nExamples; e++) sum += hidden[e * nHidden + h] * delta2[e];
      W2[v + size2 + h] = W2[v + h] + learningRate * sum;
    }
    let bias = 0.0; // delta2.sum()
    for (let e = 0; e < nExamples; e++) bias += delta2[e];
    W2[v + size2 + nHidden] = W2[v + nHidden] + learningRate * bias;
    for (let i = 0; i < nInputs; i++) {
      for (let h = 0; h < nHidden; h++) {
        let sum = 0.0; // inputs.T @ delta1
        for (let e = 0; e < nExamples; e++) sum += x[e * nInputs + i] * delta1[e * nHidden + h];
        W1[a + size1 + i * nHidden + h] = W1[a + i * nHidden + h] + learningRate * sum;
      }
    }
  }
}

function chosenActivation(name) {
  const chosen = getActivation(name);
  return { f: chosen.function, slope: chosen.slopeFromOutput };
}

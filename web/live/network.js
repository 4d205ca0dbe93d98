// The one-layer network of the book, in plain JavaScript: the engine of the live site.
//
// It mirrors helpers/network.py name for name (snake_case there, camelCase here), so the two
// can be read side by side; the site serves it as live/network.js. One ES module, no dependencies.
// NumPy's random streams are rebuilt below (MT19937, SeedSequence, PCG64), so every seed gives
// the book's starting weights to the last bit; training follows train_columns operation by
// operation and agrees with NumPy to about 1e-15 a step (Math.tanh and np.tanh differ in the
// last bit now and then): within 1.3e-11 after the sliders' 10,000 steps. tests/test_engine.py
// checks both against helpers.network; web/test/network.test.mjs checks this file on its own.
// Weights, errors and data are float64 throughout, as in NumPy.
//
// Differences from Python, all because JavaScript has no NumPy:
// - weights are a flat array of nInputs numbers (Python: a column of shape (n_inputs, 1));
//   predict returns a flat array of outputs (Python: a column), or [output] for one example;
// - an activation works on one number at a time (Python: on whole arrays);
// - History keeps its numbers in flat Float64Arrays, with rows as views (see History);
// - a diverging run stops at the first step that is not finite (Python trains on, then looks);
// - the checks name the JavaScript arguments (learningRate, nInputs) and say NaN or Infinity;
// - an activation is a frozen object {name, function, slopeFromOutput} (Python: an Activation
//   named tuple), and History also offers the rows one at a time (weightsAt, errorsAt) and its
//   flat arrays (weightValues, errorValues);
// - train_columns, which trains many runs side by side for chapter 4, and train_columns_final,
//   its seed sweep without history, have no twin: the site trains one run at a time.
//
// The checks of the arguments are in ./validate.js (helpers/_validate.py's twin).

import {
  asFiniteArray,
  checkChoice,
  checkCount,
  checkHistorySize,
  checkInputMatrix,
  checkInputs,
  checkLearningRate,
  checkNumber,
  checkOptions,
  checkScheme,
  checkShape,
  checkWeightColumn,
  divergedError,
  largest,
  notRepresentable,
} from "./validate.js";

// --- the post's data (chapter 2) -------------------------------------------

function frozen(rows) {
  return Object.freeze(rows.map((row) => Object.freeze(row)));
}

/** The four training examples; the third column is always 1 (chapter 2). */
export const POST_INPUTS = frozen([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]);

/** The wanted output of each example: its first input (chapter 2). */
export const POST_TARGETS = frozen([[0], [0], [1], [1]]);

/** Three inputs the network never sees while training (chapter 6). */
export const POST_TEST_INPUTS = frozen([[1, 1, 0], [0, 1, 0], [1, 0, 0]]);

export const POST_SEED = 1;
export const POST_ITERATIONS = 10_000;

// --- limits: odd values get a clear error, not a frozen page (chapters 3 to 6) ---

/** The most training steps train takes (chapter 5). */
export const MAX_ITERATIONS = 1_000_000;

/** The most numbers one training call may record: (iterations + 1) x (nInputs + nExamples) (chapter 5). */
export const MAX_HISTORY_VALUES = 20_000_000;

/** The largest learning rate train takes (chapter 5). */
export const MAX_LEARNING_RATE = 1000;

/** The most weights initialWeights draws (chapters 3 and 4). */
export const MAX_N_INPUTS = 1_000_000;

/** Seeds go from 0 to SEED_LIMIT - 1, as NumPy's np.random.seed needs (chapter 3). */
export const SEED_LIMIT = 2 ** 32;

// --- activations (chapter 1) ------------------------------------------------
//
// Each is {name, function, slopeFromOutput}: an activation f and its slope written in terms
// of the output y = f(z) (Python: the Activation named tuple).

/** Slope of tanh at the point whose output is y: 1 - y**2 (chapter 1). */
export function tanhSlope(y) {
  return 1.0 - y * y;
}

/** The blog post's flawed slope 1 - tanh(4*y); right sign, wrong value (chapter 5). */
export function postTanhSlope(y) {
  return 1.0 - Math.tanh(4.0 * y);
}

/** Logistic function 1 / (1 + e^-z), written so that no exponential overflows (chapter 1). */
export function sigmoid(z) {
  const e = Math.exp(-Math.abs(z)); // at most 1: e^-z for z >= 0, e^z below
  return (z >= 0 ? 1.0 : e) / (1.0 + e);
}

/** Slope of the sigmoid at the point whose output is y: y * (1 - y) (chapter 1). */
export function sigmoidSlope(y) {
  return y * (1.0 - y);
}

/** Rectified linear unit max(0, z) (chapter 1); NaN stays NaN, as with np.maximum. */
export function relu(z) {
  return Math.max(z, 0.0);
}

/** Slope of relu at the point whose output is y: 1 where y > 0, else 0 (chapter 1). */
export function reluSlope(y) {
  return y > 0 ? 1.0 : 0.0;
}

function activation(name, fn, slopeFromOutput) {
  return Object.freeze({ name, function: fn, slopeFromOutput });
}

/** Every activation by name; post_tanh is tanh with the post's flawed slope. */
export const ACTIVATIONS = Object.freeze({
  // Math.tanh never overflows, unlike the formula (e^2z - 1) / (e^2z + 1) (chapter 1).
  tanh: activation("tanh", Math.tanh, tanhSlope),
  sigmoid: activation("sigmoid", sigmoid, sigmoidSlope),
  relu: activation("relu", relu, reluSlope),
  post_tanh: activation("post_tanh", Math.tanh, postTanhSlope),
});

/** Look an activation up by name, with an error that lists the valid names (chapters 1 and 5). */
export function getActivation(name) {
  checkChoice(name, Object.keys(ACTIVATIONS), "activation");
  return ACTIVATIONS[name];
}

/** The slope of activation `name` at the input z, one number (chapter 1). */
export function derivative(name, z) {
  const chosen = getActivation(name);
  checkNumber(z, "z");
  return chosen.slopeFromOutput(chosen.function(z));
}

// --- initial weights (chapters 3 and 4) ---------------------------------------

export const INIT_SCHEMES = Object.freeze(["post", "uniform", "glorot"]);

/**
 * Starting weights, a flat array of nInputs numbers (chapters 3 and 4); the same bits as
 * Python's initial_weights(seed, scheme, n_inputs).ravel().
 *
 * post: the blog post's np.random.seed(seed) then random((n, 1)) - 1, all in [-1, 0).
 * uniform: a default_rng(seed) Generator, uniform in [-1, 1).
 * glorot: a default_rng(seed) Generator, uniform in +-sqrt(6 / (nInputs + 1)).
 *
 * seed is a whole number from 0 to SEED_LIMIT - 1 (2**32 - 1), nInputs one from 1 to MAX_N_INPUTS.
 */
export function initialWeights(seed, scheme = "post", nInputs = 3) {
  checkCount(seed, "seed", 0, SEED_LIMIT - 1, "2**32 - 1");
  checkScheme(scheme);
  checkCount(nInputs, "nInputs", 1, MAX_N_INPUTS, "MAX_N_INPUTS");
  if (scheme === "post") {
    const random = randomStateSample(seed);
    return Array.from({ length: nInputs }, () => random() - 1.0);
  }
  const limit = scheme === "uniform" ? 1.0 : Math.sqrt(6.0 / (nInputs + 1)); // glorot
  const random = defaultRngDouble(seed);
  return Array.from({ length: nInputs }, () => uniform(random, -limit, limit));
}

/** Generator.uniform(low, high): low + (high - low) * next_double (numpy's random_uniform). */
function uniform(random, low, high) {
  return low + (high - low) * random();
}

// The legacy generator: np.random.RandomState(seed), a Mersenne Twister (MT19937) seeded by
// numpy's mt19937_seed (Matsumoto and Nishimura's init_genrand) for an integer seed.

const MT_N = 624;
const MT_M = 397;

/** RandomState(seed).random_sample as a function: each call gives the next double in [0, 1). */
function randomStateSample(seed) {
  const next32 = mt19937(seed);
  return () => {
    const a = next32() >>> 5; // 27 bits
    const b = next32() >>> 6; // 26 bits
    return (a * 67108864.0 + b) / 9007199254740992.0; // numpy's mt19937_next_double
  };
}

/** MT19937 seeded with one 32-bit integer: a function giving the next 32-bit output. */
function mt19937(seed) {
  const key = new Uint32Array(MT_N); // stores wrap every value modulo 2**32, as uint32_t does
  key[0] = seed;
  for (let i = 1; i < MT_N; i++) {
    const previous = key[i - 1] ^ (key[i - 1] >>> 30);
    key[i] = Math.imul(1812433253, previous) + i;
  }
  let position = MT_N;
  return () => {
    if (position === MT_N) {
      mtRegenerate(key);
      position = 0;
    }
    return mtTemper(key[position++]);
  };
}

/** The twist that refills all 624 words (numpy's mt19937_gen). */
function mtRegenerate(key) {
  for (let i = 0; i < MT_N; i++) {
    const y = (key[i] & 0x80000000) | (key[(i + 1) % MT_N] & 0x7fffffff);
    key[i] = key[(i + MT_M) % MT_N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
  }
}

function mtTemper(y) {
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

// The modern generator: np.random.default_rng(seed) = Generator(PCG64(SeedSequence(seed))).
// SeedSequence hashes the seed into 128 bits of state and 128 of increment
// (numpy/random/bit_generator.pyx), PCG64 is a 128-bit LCG with the XSL-RR output
// (numpy/random/src/pcg64); BigInt holds the 128-bit numbers: a few draws need no more speed.

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const XSHIFT = 16;
const POOL_SIZE = 4;

/** SeedSequence(seed).pool for a seed below 2**32: its entropy is the one 32-bit word [seed]. */
function seedSequencePool(seed) {
  let hashConst = INIT_A;
  const hashmix = (value) => {
    value = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    return (value ^ (value >>> XSHIFT)) >>> 0;
  };
  const entropy = [seed];
  const pool = Array.from({ length: POOL_SIZE }, (_, i) => hashmix(i < entropy.length ? entropy[i] : 0));
  for (let source = 0; source < POOL_SIZE; source++) {
    for (let target = 0; target < POOL_SIZE; target++) {
      if (source !== target) pool[target] = mix(pool[target], hashmix(pool[source]));
    }
  }
  return pool;
}

function mix(x, y) {
  const result = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  return (result ^ (result >>> XSHIFT)) >>> 0;
}

/** SeedSequence.generate_state(nWords, np.uint64): 2 * nWords hashed 32-bit words, paired little-endian. */
function generateState64(pool, nWords) {
  let hashConst = INIT_B;
  const words = [];
  for (let i = 0; i < 2 * nWords; i++) {
    let value = (pool[i % POOL_SIZE] ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_B) >>> 0;
    value = Math.imul(value, hashConst) >>> 0;
    words.push((value ^ (value >>> XSHIFT)) >>> 0);
  }
  return Array.from({ length: nWords }, (_, k) => (BigInt(words[2 * k + 1]) << 32n) | BigInt(words[2 * k]));
}

const MASK_64 = (1n << 64n) - 1n;
const MASK_128 = (1n << 128n) - 1n;
const PCG_MULTIPLIER = (2549297995355413924n << 64n) | 4865540595714422341n; // PCG_DEFAULT_MULTIPLIER_128

/** default_rng(seed).random as a function: each call gives PCG64's next double in [0, 1). */
function defaultRngDouble(seed) {
  const [s0, s1, i0, i1] = generateState64(seedSequencePool(seed), 4);
  // pcg64_set_seed, then pcg_setseq_128_srandom_r: state = 0, step, add the seed, step.
  const increment = ((((i0 << 64n) | i1) << 1n) | 1n) & MASK_128;
  const step = (state) => (state * PCG_MULTIPLIER + increment) & MASK_128;
  let state = (step(0n) + ((s0 << 64n) | s1)) & MASK_128;
  state = step(state);
  return () => {
    state = step(state); // pcg_setseq_128_xsl_rr_64_random_r: step, then output
    return Number(pcgOutput(state) >> 11n) * 2 ** -53; // next_double: the top 53 bits
  };
}

/** The XSL-RR output: the two halves xor-ed, rotated right by the top 6 bits. */
function pcgOutput(state) {
  const value = ((state >> 64n) ^ state) & MASK_64;
  const rotation = state >> 122n;
  return ((value >> rotation) | (value << ((64n - rotation) & 63n))) & MASK_64;
}

// --- training and prediction (chapters 5 and 6) -----------------------------
//
// Arrays are arrays (or typed arrays) of numbers, nested one level for a matrix; booleans count
// as 1 and 0, as in NumPy. Text, NaN and Infinity are refused with an error naming the argument.

/** Training produced numbers too large to represent, Infinity or NaN (chapter 5). */
export class TrainingDivergedError extends Error {
  /** step: the first update whose weights, errors or mean squared error are not finite; 0: cannot start. */
  constructor(message, step) {
    super(message);
    this.name = "TrainingDivergedError";
    this.step = step;
  }
}

/**
 * Everything one training run saw, so a slider can scrub it without retraining (chapter 5).
 *
 * weightsAt(k) are the weights after k updates (k = 0 .. iterations) and errorsAt(k) the errors
 * target - output those weights make on each example; both are Float64Array views of one flat
 * array (weightValues, errorValues), made on demand. `weights` and `errors` give every row as
 * such a view, built on first use: 10,001 views take about 0.5 ms in node, a sixth of the
 * 10,000-step run itself (about 3 ms), which callers who read a few rows need not pay.
 */
export class History {
  #weightRows = null;
  #errorRows = null;

  constructor({ weightValues, errorValues, meanSquaredError, nInputs, activation, learningRate }) {
    this.weightValues = weightValues;
    this.errorValues = errorValues;
    this.meanSquaredError = meanSquaredError; // after each number of updates, mean(errors ** 2)
    this.nInputs = nInputs;
    this.nExamples = errorValues.length / meanSquaredError.length;
    this.activation = activation;
    this.learningRate = learningRate;
    Object.freeze(this);
  }

  get iterations() {
    return this.meanSquaredError.length - 1;
  }

  weightsAt(k) {
    return this.weightValues.subarray(k * this.nInputs, (k + 1) * this.nInputs);
  }

  errorsAt(k) {
    return this.errorValues.subarray(k * this.nExamples, (k + 1) * this.nExamples);
  }

  get weights() {
    this.#weightRows ??= Array.from(this.meanSquaredError, (_, k) => this.weightsAt(k));
    return this.#weightRows;
  }

  get errors() {
    this.#errorRows ??= Array.from(this.meanSquaredError, (_, k) => this.errorsAt(k));
    return this.#errorRows;
  }

  /** The weights after the last update, a plain array (Python: a column). */
  get finalWeights() {
    return Array.from(this.weightsAt(this.iterations));
  }
}

const TRAIN_OPTIONS = ["inputs", "targets", "weights", "activation", "iterations", "learningRate"];

/**
 * Train the one-layer network by full-batch gradient steps (chapter 5).
 *
 * Each step: output = f(inputs @ w), error = targets - output, delta = error * f'(output),
 * w += learningRate * inputs^T @ delta. iterations goes from 0 to MAX_ITERATIONS, learningRate
 * is a number above 0 and at most MAX_LEARNING_RATE, and the history may hold at most
 * MAX_HISTORY_VALUES numbers. Throws TrainingDivergedError if the numbers (weights, errors or
 * their mean square) stop being finite.
 */
export function train(options) {
  checkOptions(options, "train", TRAIN_OPTIONS, ["inputs", "targets", "weights"]);
  const { activation = "tanh", iterations = POST_ITERATIONS, learningRate = 1.0 } = options;
  const inputs = checkInputs(options.inputs);
  const [nExamples, nInputs] = inputs.shape;
  const weights = checkShape(options.weights, "weights", [nInputs], "one number per input");
  const targets = checkShape(options.targets, "targets", [nExamples, 1], "one row [target] per example");
  checkCount(iterations, "iterations", 0, MAX_ITERATIONS, "MAX_ITERATIONS");
  checkHistorySize(iterations, nInputs, nExamples);
  checkLearningRate(learningRate);
  const chosen = getActivation(activation);
  const history = new History({
    weightValues: new Float64Array((iterations + 1) * nInputs),
    errorValues: new Float64Array((iterations + 1) * nExamples),
    meanSquaredError: new Float64Array(iterations + 1),
    nInputs,
    activation,
    learningRate,
  });
  history.weightValues.set(weights.data);
  const step = trainColumn(inputs.data, targets.data, chosen, learningRate, history);
  if (step !== null) throw divergedError(step, history, inputs.data);
  return history;
}

/**
 * The loop of Python's train_columns for one column, filling `history` in place. Returns null,
 * or the first step whose weights, errors or mean squared error are not finite (training stops there).
 */
function trainColumn(inputs, targets, { function: f, slopeFromOutput: slope }, learningRate, history) {
  const { weightValues: w, errorValues: errors, meanSquaredError: mse, nInputs, nExamples } = history;
  // The learning rate is folded into the transposed inputs once, not applied every step;
  // with the post's implicit rate of 1 the numbers are unchanged to the bit.
  const scaledInputsT = transposed(inputs, nExamples, nInputs).map((x) => learningRate * x);
  const delta = new Float64Array(nExamples);
  for (let k = 0; ; k++) {
    const at = k * nInputs; // this step's weights: w[at .. at + nInputs)
    let squares = 0.0;
    for (let i = 0; i < nExamples; i++) {
      let sum = 0.0; // inputs[i] @ w
      for (let j = 0; j < nInputs; j++) sum += inputs[i * nInputs + j] * w[at + j];
      const output = f(sum);
      const error = targets[i] - output;
      errors[k * nExamples + i] = error;
      delta[i] = error * slope(output);
      squares += error * error;
    }
    mse[k] = squares / nExamples;
    if (!(Number.isFinite(mse[k]) && allFinite(w, at, nInputs))) return k;
    if (k === history.iterations) return null;
    for (let j = 0; j < nInputs; j++) {
      let sum = 0.0; // scaledInputsT[j] @ delta
      for (let i = 0; i < nExamples; i++) sum += scaledInputsT[j * nExamples + i] * delta[i];
      w[at + nInputs + j] = w[at + j] + sum;
    }
  }
}

function transposed(matrix, nRows, nColumns) {
  const result = new Float64Array(matrix.length);
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nColumns; j++) result[j * nRows + i] = matrix[i * nColumns + j];
  }
  return result;
}

function allFinite(values, start, count) {
  for (let j = start; j < start + count; j++) if (!Number.isFinite(values[j])) return false;
  return true;
}

/**
 * The network's outputs f(inputs @ weights) for one example or a matrix of them (chapter 6).
 *
 * weights is a flat array such as history.finalWeights. One example (a flat array) gives
 * [output], a matrix one output per row. Throws a RangeError rather than return Infinity or NaN
 * when inputs and weights are too large for their product to be represented.
 */
export function predict(inputs, weights, activation = "tanh") {
  const column = checkWeightColumn(weights);
  const f = getActivation(activation).function;
  const array = asFiniteArray(inputs, "inputs");
  const atLeast2d = [1, 1, ...array.shape].slice(-Math.max(2, array.shape.length)); // np.atleast_2d
  const matrix = checkInputMatrix({ shape: atLeast2d, data: array.data }, column.length);
  const sums = rowsTimes(matrix.data, column);
  const outputs = sums.map(f); // tanh and the sigmoid turn an infinite sum into a finite output
  if (!(sums.every(Number.isFinite) && outputs.every(Number.isFinite))) {
    throw new RangeError(
      `predict: inputs @ weights is too large to represent (${largest(matrix.data, "input")}, ` +
        `${largest(column, "weight")}); use inputs and weights nearer to -1..1`,
    );
  }
  return outputs;
}

/** matrix @ column, the matrix flat with rows of column.length numbers: one sum per row. */
function rowsTimes(matrix, column) {
  const n = column.length;
  return Array.from({ length: matrix.length / n }, (_, i) => {
    let sum = 0.0;
    for (let j = 0; j < n; j++) sum += matrix[i * n + j] * column[j];
    return sum;
  });
}

const STEP_OPTIONS = ["inputs", "targets", "weights", "activation", "learningRate"];
const STEP_FIELDS = ["weights", "z", "output", "error", "slope", "delta", "update", "newWeights"];

/**
 * One step of train, keeping every array it computes (chapter 5's step-through explorer): the
 * twin of Python's network.step. Returns {weights, z, output, error, slope, delta, update,
 * newWeights}, each a flat Float64Array, as network.js keeps weights (Python: columns):
 * weights, update and newWeights nInputs numbers, the others one per example:
 *
 *     z = inputs @ weights, output = f(z), error = targets - output,
 *     slope = slopeFromOutput(output), delta = error * slope,
 *     update = learningRate * inputs^T @ delta, newWeights = weights + update.
 *
 * The operations of train's loop in its order, so newWeights is train's next row to the bit.
 * Takes train's options but iterations, with the same checks and errors; throws a RangeError
 * naming the first array whose numbers are too large to represent instead of returning them.
 */
export function step(options) {
  checkOptions(options, "step", STEP_OPTIONS, ["inputs", "targets", "weights"]);
  const { activation = "tanh", learningRate = 1.0 } = options;
  const inputs = checkInputs(options.inputs);
  const [nExamples, nInputs] = inputs.shape;
  const weights = checkShape(options.weights, "weights", [nInputs], "one number per input");
  const targets = checkShape(options.targets, "targets", [nExamples, 1],
                             "one row [target] per example");
  checkLearningRate(learningRate);
  const { function: f, slopeFromOutput } = getActivation(activation);
  const x = inputs.data, w = weights.data, t = targets.data;
  const z = new Float64Array(nExamples), output = new Float64Array(nExamples);
  const error = new Float64Array(nExamples), slope = new Float64Array(nExamples);
  const delta = new Float64Array(nExamples);
  for (let i = 0; i < nExamples; i++) {
    let sum = 0.0; // inputs[i] @ w, as trainColumn sums it
    for (let j = 0; j < nInputs; j++) sum += x[i * nInputs + j] * w[j];
    z[i] = sum;
    output[i] = f(sum);
    error[i] = t[i] - output[i];
    slope[i] = slopeFromOutput(output[i]);
    delta[i] = error[i] * slope[i];
  }
  const scaledInputsT = transposed(x, nExamples, nInputs).map((value) => learningRate * value);
  const update = new Float64Array(nInputs), newWeights = new Float64Array(nInputs);
  for (let j = 0; j < nInputs; j++) {
    let sum = 0.0; // scaledInputsT[j] @ delta
    for (let i = 0; i < nExamples; i++) sum += scaledInputsT[j * nExamples + i] * delta[i];
    update[j] = sum;
    newWeights[j] = w[j] + sum;
  }
  const result = { weights: Float64Array.from(w), z, output, error, slope, delta, update,
                   newWeights };
  for (const name of STEP_FIELDS) {
    if (!result[name].every(Number.isFinite)) {
      throw notRepresentable(`step: ${name} is`, [x, "input"], [w, "weight"]);
    }
  }
  return result;
}

// --- for ./hidden.js ------------------------------------------------------------
//
// The two-layer network (helpers/hidden.py's twin) draws from the same random streams; these are
// shared with it, not part of the site's API. The checks it used to take from here are exported
// again from ./validate.js, for any module that still does.

export { allFinite, defaultRngDouble, randomStateSample, uniform };
export {
  asFiniteArray,
  checkCount,
  checkInputs,
  checkLearningRate,
  checkScheme,
  divergedError,
  excerpt,
  largest,
  quoted,
  shapeText,
  thousands,
  typeName,
} from "./validate.js";

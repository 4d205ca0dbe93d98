// The site's engine: each explorer's `data` computed in the browser by network.js and hidden.js
// (the JavaScript twins of helpers.network and helpers.hidden), in the shapes Python sends in
// Jupyter (see the contract in docs/ARCHITECTURE.md): Float64Arrays, row-major. And `localModel`,
// which holds an explorer's settings and data behind the interface of an anywidget model, so the
// same renderer (widget.js) draws it on the site.

import * as network from "./network.js";
import * as twoLayer from "./hidden.js";
import {RUN_KEYS, STEP_BLOCK, runKey} from "./runs.js";

const EXAMPLES = [...network.POST_INPUTS, ...network.POST_TEST_INPUTS].map(row => Array.from(row));

/** The rows of a flat history (``width`` numbers a step) at ``steps``, as one row-major array. */
function gather(values, width, steps) {
  const out = new Float64Array(steps.length * width);
  steps.forEach((k, r) => out.set(values.subarray(k * width, (k + 1) * width), r * width));
  return out;
}

/** inputs @ column through f, one output per row: the sums in network.predict's order (x0 w0 + x1 w1 +
    x2 w2, from 0.0), so the numbers are predict's to the last bit, without its checks on every one of
    a run's recorded steps (the run's weights are finite: train checked them). */
function outputsOf(inputs, column, f) {
  return inputs.map(row => {
    let sum = 0.0;
    for (let j = 0; j < column.length; j++) sum += row[j] * column[j];
    return f(sum);
  });
}

/** The two-layer network's outputs, as hidden.forward computes them (the same order of sums):
    w1 is one step's W1 (nInputs × nHidden, flat), w2 its W2 (nHidden + 1, the bias last). */
function hiddenOutputsOf(inputs, w1, w2, nHidden, f) {
  return inputs.map(row => {
    let sum2 = 0.0;
    for (let h = 0; h < nHidden; h++) {
      let sum = 0.0;
      for (let i = 0; i < row.length; i++) sum += row[i] * w1[i * nHidden + h];
      sum2 += f(sum) * w2[h];
    }
    return f(sum2 + w2[nHidden]);
  });
}

/** A run that blew up, as Python reports it: its message, and no arrays. */
function diverged(error) {
  if (!(error instanceof network.TrainingDivergedError)) throw error;
  return {diverged: error.message};
}

function training(values, constants) {
  const steps = constants.recorded, last = steps[steps.length - 1];
  let history;
  try {
    history = network.train({
      inputs: network.POST_INPUTS, targets: network.POST_TARGETS,
      weights: network.initialWeights(values.seed, values.scheme, 3),
      activation: values.activation, iterations: last, learningRate: values.learning_rate,
    });
  } catch (error) {
    return diverged(error);
  }
  const weights = gather(history.weightValues, 3, steps), f = network.getActivation(values.activation).function;
  const outputs = new Float64Array(steps.length * EXAMPLES.length);
  steps.forEach((_, r) => outputs.set(outputsOf(EXAMPLES, weights.subarray(3 * r, 3 * r + 3), f), r * EXAMPLES.length));
  const mse = Float64Array.from(steps, k => history.meanSquaredError[k]);
  return {mse, weights, outputs, diverged: ""};
}

function activation({activation: name, z}, constants) {
  const low = constants.grid_low, high = constants.grid_high, count = constants.grid_count;
  const f = network.getActivation(name).function;
  const grid = Float64Array.from({length: count}, (_, i) => low + (i * (high - low)) / (count - 1));
  return {
    f: grid.map(v => f(v)), slope: grid.map(v => network.derivative(name, v)),
    y: f(z), slope_at: network.derivative(name, z),
  };
}

function seed(values) {
  return {weights: Float64Array.from(network.initialWeights(values.seed, values.scheme, 3))};
}

/** The prediction explorer's two trained networks: their final weights, trained once per page. */
const trainedModels = new Map();

function models(constants) {
  const key = JSON.stringify([constants.models, constants.seed, constants.scheme, constants.iterations]);
  if (!trainedModels.has(key)) {
    trainedModels.set(key, constants.models.map(model => ({...model, weights: network.train({
      inputs: network.POST_INPUTS, targets: network.POST_TARGETS,
      weights: network.initialWeights(constants.seed, constants.scheme, 3),
      activation: model.activation, iterations: constants.iterations, learningRate: model.learning_rate,
    }).finalWeights})));
  }
  return trainedModels.get(key);
}

function prediction({x1, x2, x3}, constants) {
  const x = [x1, x2, x3], trained = models(constants);
  return {
    z: Float64Array.from(trained, m => x[0] * m.weights[0] + x[1] * m.weights[1] + x[2] * m.weights[2]),
    outputs: Float64Array.from(trained, m => network.predict([x], m.weights, m.activation)[0]),
  };
}

function hidden(values, constants) {
  const steps = constants.recorded, last = steps[steps.length - 1], n = values.n_hidden;
  const inputs = twoLayer.XOR_INPUTS, targets = twoLayer.XOR_TARGETS;
  const [W1, W2] = twoLayer.initialHiddenWeights(values.seed, n);
  let history;
  try {
    history = twoLayer.trainHidden({inputs, targets, W1, W2, activation: values.activation, iterations: last,
                                    learningRate: values.learning_rate});
  } catch (error) {
    return diverged(error);
  }
  const W1s = gather(history.W1Values, 3 * n, steps), W2s = gather(history.W2Values, n + 1, steps);
  const f = network.getActivation(values.activation).function, rows = inputs.map(row => Array.from(row));
  const t = Array.from(targets, ([target]) => target);
  const outputs = new Float64Array(steps.length * inputs.length), solved = new Float64Array(steps.length);
  steps.forEach((_, r) => {
    const y = hiddenOutputsOf(rows, W1s.subarray(r * 3 * n), W2s.subarray(r * (n + 1)), n, f);
    outputs.set(y, r * inputs.length);
    solved[r] = y.some((v, e) => twoLayer.wrongSide(v, t[e])) ? 0 : 1;  // as twoLayer.solves
  });
  return {mse: Float64Array.from(steps, k => history.meanSquaredError[k]), W1: W1s, W2: W2s, outputs, solved,
          diverged: ""};
}

// --- the step-through explorers (chapters 5 and 7) ---------------------------------------------
//
// Their data hold the steps of one block of STEP_BLOCK iterations (runs.js), each computed by
// network.step / hidden.step itself at that iteration's weights. The whole run behind them, every
// step's weights, is trained once per setting (the run key without the block) and kept in
// `wholeRuns`, so a move to another block of the same run costs STEP_BLOCK steps, not a run.

const SLOPE_ACTIVATIONS = {post: "post_tanh", true: "tanh"};
const WHOLE_RUNS_SIZE = 8;  // at most 3 MB each (8 hidden units: 10,001 x 38 numbers)
const wholeRuns = new Map();

/** The whole run under ``key``, trained by ``train()`` once: {history} or {diverged: message}. The
    runs used last are kept. */
function wholeRun(key, train) {
  let run = wholeRuns.get(key);
  if (run === undefined) {
    try {
      run = {history: train()};
    } catch (error) {
      run = diverged(error);
    }
    if (wholeRuns.size >= WHOLE_RUNS_SIZE) wholeRuns.delete(wholeRuns.keys().next().value);
  }
  wholeRuns.delete(key);
  wholeRuns.set(key, run);  // now the newest
  return run;
}

/** The block holding ``iterations``: its first iteration and how many it holds (up to ``last``). */
function block(iterations, last) {
  const first = iterations - (iterations % STEP_BLOCK);
  return {first, count: Math.min(STEP_BLOCK, last - first + 1)};
}

/** ``count`` rows of ``widths[name]`` numbers for each name, as Float64Arrays. */
function blockArrays(widths, count) {
  return Object.fromEntries(Object.entries(widths).map(([name, width]) =>
    [name, new Float64Array(count * width)]));
}

/** The mean of the squares of ``values``, summed in order (as History's meanSquaredError). */
function meanSquare(values) {
  let squares = 0.0;
  for (const v of values) squares += v * v;
  return squares / values.length;
}

/** A run that blew up, as the other explorers report it: its message, every array empty (the
    block's first and count kept). */
function divergedBlock(first, count, widths, message) {
  return {first, count, ...blockArrays(widths, 0), mse: new Float64Array(0), diverged: message};
}

function lastIteration(constants) {
  return constants.last_iteration ?? network.POST_ITERATIONS;
}

/** Chapter 5's step-through: each step of the block, network.step's arrays (Python's names). */
function step(values, constants) {
  const activation = SLOPE_ACTIVATIONS[values.slope];
  if (activation === undefined) {
    const got = JSON.stringify(values.slope);
    throw new RangeError(`unknown slope ${got}; expected "post" or "true"`);
  }
  const last = lastIteration(constants), {first, count} = block(values.iterations, last);
  const nE = network.POST_INPUTS.length, nI = network.POST_INPUTS[0].length;
  const widths = {weights: nI, z: nE, output: nE, error: nE, slope: nE, delta: nE, update: nI,
                  new_weights: nI, step_mse: 1};
  const key = JSON.stringify(["step", values.seed, values.slope, values.learning_rate, last]);
  const run = wholeRun(key, () => network.train({
    inputs: network.POST_INPUTS, targets: network.POST_TARGETS,
    weights: network.initialWeights(values.seed, "post", nI), activation, iterations: last,
    learningRate: values.learning_rate,
  }));
  if (run.diverged) return divergedBlock(first, count, widths, run.diverged);
  const history = run.history, data = blockArrays(widths, count);
  for (let j = 0; j < count; j++) {
    const result = network.step({inputs: network.POST_INPUTS, targets: network.POST_TARGETS,
                                 weights: history.weightsAt(first + j), activation,
                                 learningRate: values.learning_rate});
    for (const name of Object.keys(widths).slice(0, -1)) {
      data[name].set(result[name === "new_weights" ? "newWeights" : name], j * widths[name]);
    }
    data.step_mse[j] = meanSquare(result.error);
  }
  const mse = Float64Array.from(constants.recorded, k => history.meanSquaredError[k]);
  return {first, count, ...data, mse, diverged: ""};
}

const HIDDEN_STEP_NAMES = {new_W1: "newW1", new_W2: "newW2"};

/** Chapter 7's step-through: each step of the block, hidden.step's arrays, row-major. */
function hidden_step(values, constants) {
  const last = lastIteration(constants), {first, count} = block(values.iterations, last);
  const n = values.n_hidden, inputs = twoLayer.XOR_INPUTS, targets = twoLayer.XOR_TARGETS;
  const nE = inputs.length, nI = inputs[0].length;
  const widths = {W1: nI * n, W2: n + 1, z1: nE * n, hidden: nE * n, z2: nE, output: nE, error: nE,
                  slope2: nE, delta2: nE, back: nE * n, slope1: nE * n, delta1: nE * n, dW2: n + 1,
                  dW1: nI * n, new_W1: nI * n, new_W2: n + 1, step_mse: 1};
  const key = JSON.stringify(["hidden_step", values.seed, n, values.learning_rate, last]);
  const run = wholeRun(key, () => {
    const [W1, W2] = twoLayer.initialHiddenWeights(values.seed, n, nI);
    return twoLayer.trainHidden({inputs, targets, W1, W2, activation: "tanh", iterations: last,
                                 learningRate: values.learning_rate});
  });
  if (run.diverged) return divergedBlock(first, count, widths, run.diverged);
  const history = run.history, data = blockArrays(widths, count);
  for (let j = 0; j < count; j++) {
    const result = twoLayer.step({inputs, targets, W1: history.W1At(first + j),
                                  W2: history.W2At(first + j), activation: "tanh",
                                  learningRate: values.learning_rate});
    for (const name of Object.keys(widths).slice(0, -1)) {
      data[name].set(result[HIDDEN_STEP_NAMES[name] ?? name].flat(), j * widths[name]);
    }
    data.step_mse[j] = meanSquare(result.error.flat());
  }
  const mse = Float64Array.from(constants.recorded, k => history.meanSquaredError[k]);
  return {first, count, ...data, mse, diverged: ""};
}

const COMPUTE = {training, activation, seed, prediction, hidden, step, hidden_step};
const CACHE_SIZE = 64;
const runs = new Map();

/** The data of explorer ``name`` for ``values``, kept for the last CACHE_SIZE runs (moving back to a
    run the reader saw is instant, as in Jupyter). */
export function compute(name, values, constants) {
  if (!COMPUTE[name]) throw new Error(`unknown live explorer ${JSON.stringify(name)}`);
  const key = `${name}|${runKey(name, values)}`;
  if (!runs.has(key)) {
    if (runs.size >= CACHE_SIZE) runs.delete(runs.keys().next().value);
    runs.set(key, COMPUTE[name](values, constants));
  }
  return runs.get(key);
}

/** An explorer's state behind an anywidget model's interface (get, set, on, off, save_changes):
    save_changes computes new data when the values name another run, then tells the listeners. */
export function localModel(name, controls, values, constants) {
  const state = {name, controls, constants, values: {...values}, data: null, error: ""};
  const listeners = new Map();
  const emit = event => (listeners.get(event) ?? []).slice().forEach(callback => callback());
  let key = runKey(name, state.values);
  state.data = compute(name, state.values, constants);
  const pending = new Set();
  return {
    get: trait => state[trait],
    set(trait, value) {
      state[trait] = value;
      pending.add(trait);
    },
    on(event, callback) { listeners.set(event, [...(listeners.get(event) ?? []), callback]); },
    off(event, callback) {
      listeners.set(event, (listeners.get(event) ?? []).filter(c => callback !== undefined && c !== callback));
    },
    save_changes() {
      const changed = [...pending];
      pending.clear();
      if (changed.includes("values") && runKey(name, state.values) !== key) {
        key = runKey(name, state.values);
        state.data = compute(name, state.values, constants);
        changed.push("data");
      }
      changed.forEach(trait => emit(`change:${trait}`));
    },
  };
}

export {RUN_KEYS, STEP_BLOCK};

// Computes with web/live/hidden.js what tests/test_hidden_engine.py asks, for comparison with helpers.hidden.
//
//   node tests/hidden_engine_parity.mjs request.json answer.json
//
// request: {initial: [{seed, nHidden, nInputs, scheme}], iterations, stops, values: [[name, args]],
//           runs: [{seed, nHidden, activation, learningRate}] (uniform starting weights, XOR), calls: [[name, args]]}
// answer:  {initial: [[W1, W2]], runs: [{W1, W2, meanSquaredError, solves} or {divergedAt}],
//           values: [result], calls: [{error, message} or {ok}]}: W1, W2 and the mean squared error at each stop, and
//          whether the final weights solve XOR; or the step of TrainingDivergedError; what each of
//          `values` returns (forward, hiddenGradients, solves); each call's error, if any.
// JSON numbers round-trip float64 both here and in Python.

import { readFileSync, writeFileSync } from "node:fs";
import { TrainingDivergedError } from "../web/live/network.js";
import {
  XOR_INPUTS, XOR_TARGETS, forward, hiddenGradients, initialHiddenWeights, solves, trainHidden,
} from "../web/live/hidden.js";

const CALLS = { initialHiddenWeights, forward, hiddenGradients, solves, trainHidden };

function call([name, args]) {
  try {
    CALLS[name](...args);
    return { ok: true };
  } catch (error) {
    return { error: error.name, message: error.message };
  }
}

function trainRun({ seed, nHidden, activation, learningRate }, { iterations, stops }) {
  const [W1, W2] = initialHiddenWeights(seed, nHidden);
  try {
    const history = trainHidden({ inputs: XOR_INPUTS, targets: XOR_TARGETS, W1, W2, activation, iterations, learningRate });
    return {
      W1: stops.map((k) => history.W1At(k)),
      W2: stops.map((k) => history.W2At(k)),
      meanSquaredError: stops.map((k) => history.meanSquaredError[k]),
      solves: solves(XOR_INPUTS, XOR_TARGETS, history.finalW1, history.finalW2, activation),
    };
  } catch (error) {
    if (error instanceof TrainingDivergedError) return { divergedAt: error.step };
    throw error;
  }
}

const [requestPath, answerPath] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestPath, "utf8"));
const answer = {
  initial: request.initial.map(({ seed, nHidden, nInputs, scheme }) => initialHiddenWeights(seed, nHidden, nInputs, scheme)),
  runs: request.runs.map((run) => trainRun(run, request)),
  values: request.values.map(([name, args]) => CALLS[name](...args)),
  calls: request.calls.map(call),
};
writeFileSync(answerPath, JSON.stringify(answer));

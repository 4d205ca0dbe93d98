// Computes with web/live/network.js what tests/test_engine.py asks, for comparison with helpers.network.
//
//   node tests/engine_parity.mjs request.json answer.json
//
// request: {initial: [{seed, scheme, nInputs}], datasets: {name: inputs}, iterations, stops,
//           runs: [{data, seed, scheme, activation, learningRate, lastSteps}], all on the post's targets,
//           calls: [[name, args]]}
// answer:  {initial: [weights], runs: [{weights, last, meanSquaredError, testOutputs} or {divergedAt}],
//          calls: [{error, message} or {ok}]}: the weights and mean squared error at each stop, the
//          weights after each of the last `lastSteps` updates and the one before, the outputs of the
//          final weights for the post's unseen inputs;
//          or the step of TrainingDivergedError; each call's error, if any.
// JSON numbers round-trip float64 both here and in Python.
//
// (Not in web/test/: node --test runs every script in a folder named test.)

import { readFileSync, writeFileSync } from "node:fs";
import { initialWeights, predict, train, TrainingDivergedError, POST_TARGETS, POST_TEST_INPUTS } from "../web/live/network.js";

const CALLS = { initialWeights, predict, train };

function call([name, args]) {
  try {
    CALLS[name](...args);
    return { ok: true };
  } catch (error) {
    return { error: error.name, message: error.message };
  }
}

function trainRun({ data, seed, scheme, activation, learningRate, lastSteps }, { datasets, iterations, stops }) {
  const weights = initialWeights(seed, scheme);
  try {
    const inputs = datasets[data];
    const history = train({ inputs, targets: POST_TARGETS, weights, activation, iterations, learningRate });
    const rows = (steps) => steps.map((k) => Array.from(history.weightsAt(k)));
    const last = Array.from({ length: lastSteps + 1 }, (_, i) => iterations - lastSteps + i);
    return {
      weights: rows(stops),
      last: rows(last),
      meanSquaredError: stops.map((k) => history.meanSquaredError[k]),
      testOutputs: predict(POST_TEST_INPUTS, history.finalWeights, activation),
    };
  } catch (error) {
    if (error instanceof TrainingDivergedError) return { divergedAt: error.step };
    throw error;
  }
}

const [requestPath, answerPath] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestPath, "utf8"));
const answer = {
  initial: request.initial.map(({ seed, scheme, nInputs }) => initialWeights(seed, scheme, nInputs)),
  runs: request.runs.map((run) => trainRun(run, request)),
  calls: request.calls.map(call),
};
writeFileSync(answerPath, JSON.stringify(answer));

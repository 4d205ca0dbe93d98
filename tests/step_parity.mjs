// Computes with web/live/network.js's and hidden.js's `step` what tests/test_step_parity.py asks,
// for comparison with helpers.network.step and helpers.hidden.step.
//
//   node tests/step_parity.mjs request.json answer.json
//
// request: {given: [{kind: "one", weights, activation, learningRate}
//                   | {kind: "two", W1, W2, activation, learningRate}],
//           trained: [{kind: "one", seed, activation, learningRate, iterations}
//                     | {kind: "two", seed, nHidden, learningRate, iterations}],
//           calls: [[name, options]]}
// answer:  {given: [step], trained: [step], calls: [{error, message} or {ok}]}
// - given: one step at weights Python sends (its own run's weights at some iteration): the step
//   functions compared with nothing else in between;
// - trained: the engine's whole path, as engine.js takes it: train from the seed's starting
//   weights (post scheme on the post's data; uniform on XOR) to `iterations`, then step there;
// each step is {name: flat array of its numbers, row-major} under Python's names (new_weights,
// new_W1, new_W2); calls: each refusal of step, to compare with Python's.
// The inputs are the post's four (POST_INPUTS = XOR_INPUTS); targets POST_TARGETS / XOR_TARGETS.
// JSON numbers round-trip float64 both here and in Python.
//
// (Not in web/test/: node --test runs every script in a folder named test.)

import { readFileSync, writeFileSync } from "node:fs";
import * as network from "../web/live/network.js";
import * as hidden from "../web/live/hidden.js";

const PYTHON_NAMES = { newWeights: "new_weights", newW1: "new_W1", newW2: "new_W2" };

function flat(result) {
  return Object.fromEntries(Object.entries(result).map(([name, values]) =>
    [PYTHON_NAMES[name] ?? name, Array.from(values).flat()]));
}

function stepOne(weights, activation, learningRate) {
  return flat(network.step({ inputs: network.POST_INPUTS, targets: network.POST_TARGETS, weights,
                             activation, learningRate }));
}

function stepTwo(W1, W2, activation, learningRate) {
  return flat(hidden.step({ inputs: hidden.XOR_INPUTS, targets: hidden.XOR_TARGETS, W1, W2,
                            activation, learningRate }));
}

function given(request) {
  return request.kind === "one"
    ? stepOne(request.weights, request.activation, request.learningRate)
    : stepTwo(request.W1, request.W2, request.activation, request.learningRate);
}

function trained({ kind, seed, nHidden, activation, learningRate, iterations }) {
  if (kind === "one") {
    const history = network.train({
      inputs: network.POST_INPUTS, targets: network.POST_TARGETS,
      weights: network.initialWeights(seed, "post"), activation, iterations, learningRate,
    });
    return stepOne(history.weightsAt(iterations), activation, learningRate);
  }
  const [W1, W2] = hidden.initialHiddenWeights(seed, nHidden);
  const history = hidden.trainHidden({ inputs: hidden.XOR_INPUTS, targets: hidden.XOR_TARGETS,
                                       W1, W2, iterations, learningRate });
  return stepTwo(history.W1At(iterations), history.W2At(iterations), "tanh", learningRate);
}

const CALLS = { step: network.step, hiddenStep: hidden.step };

function call([name, options]) {
  try {
    CALLS[name](options);
    return { ok: true };
  } catch (error) {
    return { error: error.name, message: error.message };
  }
}

const [requestPath, answerPath] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestPath, "utf8"));
const answer = {
  given: request.given.map(given),
  trained: request.trained.map(trained),
  calls: request.calls.map(call),
};
writeFileSync(answerPath, JSON.stringify(answer));

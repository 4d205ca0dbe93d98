// Computes with web/live/engine.js the step-through explorers' data that tests/test_step_engine.py
// asks for, and times its jumps, for comparison with helpers (network.train + network.step).
//
//   node tests/step_engine.mjs request.json answer.json
//
// request: {constants, cases: [{name, values}], keys: [{name, values}], timing: {repeats} | null}
// answer:  {cases: [data, its Float64Arrays as lists], keys: [runKey], timings: {...} | null}
// timings, in milliseconds (median of `repeats`, each at a seed or block not seen before):
//   <name>_jump_cached_run_ms: compute at iteration 10,000 when the whole run is trained already
//   (iteration 0 was shown), so only the block's ten steps are computed;
//   <name>_jump_new_run_ms: compute at iteration 10,000 of a run never trained (a new seed).
// JSON numbers round-trip float64 both here and in Python.
//
// (Not in web/test/: node --test runs every script in a folder named test.)

import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { compute } from "../web/live/engine.js";
import { runKey } from "../web/live/runs.js";

function plain(data) {
  return Object.fromEntries(Object.entries(data).map(([key, value]) =>
    [key, ArrayBuffer.isView(value) ? Array.from(value) : value]));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timed(fn) {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Medians of the two jumps for explorer `name`, seeds from `seed0` on (none seen before). */
function jumps(name, base, constants, repeats, seed0) {
  const cached = [], fresh = [];
  for (let r = 0; r < repeats; r++) {
    const values = { ...base, seed: seed0 + r };
    compute(name, { ...values, iterations: 0 }, constants); // trains the whole run
    cached.push(timed(() => compute(name, { ...values, iterations: 10_000 }, constants)));
    fresh.push(timed(() => compute(name, { ...values, seed: seed0 + 1000 + r, iterations: 10_000 },
                                   constants)));
  }
  return { [`${name}_jump_cached_run_ms`]: median(cached),
           [`${name}_jump_new_run_ms`]: median(fresh) };
}

const [requestPath, answerPath] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestPath, "utf8"));
const { constants } = request;
let timings = null;
if (request.timing) {
  const { repeats } = request.timing;
  // first, to warm up the JIT
  jumps("step", { slope: "post", learning_rate: 1.0, line: 0, row: 2 }, constants, 5, 50_000);
  jumps("hidden_step", { n_hidden: 2, learning_rate: 0.25, line: 0, row: 1 }, constants, 5, 50_000);
  timings = {
    ...jumps("step", { slope: "post", learning_rate: 1.0, line: 0, row: 2 }, constants, repeats,
             100_000),
    ...jumps("hidden_step", { n_hidden: 2, learning_rate: 0.25, line: 0, row: 1 }, constants,
             repeats, 100_000),
    ...Object.fromEntries(Object.entries(jumps("hidden_step", { n_hidden: 8, learning_rate: 0.25,
                                                                line: 0, row: 1 },
                                               constants, repeats, 200_000))
      .map(([key, value]) => [key.replace("hidden_step", "hidden_step_8_units"), value])),
  };
}
const answer = {
  cases: request.cases.map(({ name, values }) => plain(compute(name, values, constants))),
  keys: request.keys.map(({ name, values }) => runKey(name, values)),
  timings,
};
writeFileSync(answerPath, JSON.stringify(answer));

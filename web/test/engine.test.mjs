// web/live/engine.js, the site's engine, on its own: its data in the contract's shapes, its outputs
// equal to network.predict / hidden.forward / hidden.solves bit for bit (it skips their checks on
// every recorded step), and its local model, which behaves as an anywidget model for the renderer.
// Run by `node --test web/test/` (tests/test_engine.py). A diverging run: no setting found diverges, so
// tests/test_site_in_browser.py gives the page an engine that does.

import assert from "node:assert/strict";
import {test} from "node:test";

import {compute, localModel} from "../live/engine.js";
import * as network from "../live/network.js";
import * as twoLayer from "../live/hidden.js";

const recorded = Array.from({length: 41}, (_, i) => Math.round(10000 * (i / 40) ** 3));
const EXAMPLES = [...network.POST_INPUTS, ...network.POST_TEST_INPUTS].map(row => Array.from(row));

test("training data: the recorded steps of network.train, and predict's outputs to the last bit", () => {
  for (const activation of ["tanh", "sigmoid", "relu", "post_tanh"]) {
    const values = {seed: 3, activation, learning_rate: 0.5, scheme: "glorot"};
    const data = compute("training", values, {recorded});
    const history = network.train({inputs: network.POST_INPUTS, targets: network.POST_TARGETS,
      weights: network.initialWeights(3, "glorot", 3), activation, iterations: 10000, learningRate: 0.5});
    assert.equal(data.diverged, "");
    assert.deepEqual([data.mse.length, data.weights.length, data.outputs.length], [41, 123, 287]);
    recorded.forEach((k, r) => {
      assert.equal(data.mse[r], history.meanSquaredError[k]);
      const w = Array.from(history.weightsAt(k));
      assert.deepEqual(Array.from(data.weights.subarray(3 * r, 3 * r + 3)), w);
      assert.deepEqual(Array.from(data.outputs.subarray(7 * r, 7 * r + 7)), network.predict(EXAMPLES, w, activation));
    });
  }
});

test("hidden data: W1 and W2 row-major by step, forward's outputs and solves' verdict", () => {
  for (const [activation, n] of [["tanh", 1], ["sigmoid", 3], ["relu", 8]]) {
    const data = compute("hidden", {seed: 5, n_hidden: n, activation, learning_rate: 0.25}, {recorded});
    const [W1, W2] = twoLayer.initialHiddenWeights(5, n);
    const history = twoLayer.trainHidden({inputs: twoLayer.XOR_INPUTS, targets: twoLayer.XOR_TARGETS, W1, W2,
                                          activation, iterations: 10000, learningRate: 0.25});
    assert.deepEqual([data.W1.length, data.W2.length, data.outputs.length, data.solved.length],
                     [41 * 3 * n, 41 * (n + 1), 41 * 4, 41]);
    recorded.forEach((k, r) => {
      const w1 = history.W1At(k), w2 = history.W2At(k);
      assert.deepEqual(Array.from(data.W1.subarray(r * 3 * n, (r + 1) * 3 * n)), w1.flat());
      assert.deepEqual(Array.from(data.W2.subarray(r * (n + 1), (r + 1) * (n + 1))), w2.flat());
      const y = twoLayer.forward(twoLayer.XOR_INPUTS, w1, w2, activation)[1].map(([v]) => v);
      assert.deepEqual(Array.from(data.outputs.subarray(4 * r, 4 * r + 4)), y);
      assert.equal(data.solved[r], twoLayer.solves(twoLayer.XOR_INPUTS, twoLayer.XOR_TARGETS, w1, w2, activation) ? 1 : 0);
    });
  }
});

test("activation, seed and prediction data", () => {
  const a = compute("activation", {activation: "sigmoid", z: 1.5}, {grid_low: -4, grid_high: 4, grid_count: 401});
  assert.equal(a.f.length, 401);
  assert.equal(a.f[0], network.sigmoid(-4));
  assert.equal(a.y, network.sigmoid(1.5));
  assert.equal(a.slope_at, network.derivative("sigmoid", 1.5));
  assert.deepEqual(Array.from(compute("seed", {seed: 9, scheme: "uniform"}, {}).weights),
                   Array.from(network.initialWeights(9, "uniform", 3)));
  const models = [{label: "a", activation: "post_tanh", learning_rate: 1.0}, {label: "b", activation: "tanh", learning_rate: 0.5}];
  const p = compute("prediction", {x1: 0.5, x2: -1, x3: 1}, {models, seed: 1, scheme: "post", iterations: 10000});
  models.forEach((m, i) => {
    const w = network.train({inputs: network.POST_INPUTS, targets: network.POST_TARGETS,
      weights: network.initialWeights(1, "post", 3), activation: m.activation, iterations: 10000,
      learningRate: m.learning_rate}).finalWeights;
    assert.equal(p.outputs[i], network.predict([[0.5, -1, 1]], w, m.activation)[0]);
    assert.equal(p.z[i], 0.5 * w[0] + -1 * w[1] + 1 * w[2]);
  });
});

test("an unknown explorer is refused by name", () => {
  assert.throws(() => compute("nonsense", {}, {}), /unknown live explorer "nonsense"/);
});

test("the local model: new data only for another run, then change:values and change:data", () => {
  const start = {seed: 1, iterations: 10000, activation: "tanh", learning_rate: 0.5, scheme: "post"};
  const model = localModel("training", [], start, {recorded});
  const heard = [];
  const onData = () => heard.push("data"), onValues = () => heard.push("values");
  model.on("change:data", onData);
  model.on("change:values", onValues);
  const first = model.get("data");
  assert.equal(model.get("name"), "training");
  assert.equal(model.get("error"), "");
  model.set("values", {...start, iterations: 300});
  assert.deepEqual(heard, [], "nothing is said before save_changes");
  model.save_changes();
  assert.deepEqual(heard, ["values"]);
  assert.equal(model.get("data"), first, "a step of the same run: the same data");
  model.set("values", {...start, seed: 2});
  model.save_changes();
  assert.deepEqual(heard, ["values", "values", "data"]);
  assert.notEqual(model.get("data"), first);
  model.off("change:data", onData);
  model.set("values", start);
  model.save_changes();
  assert.deepEqual(heard.slice(3), ["values"], "off: no longer told");
  assert.equal(model.get("data"), first, "a run seen before comes from the cache");
  model.off("change:values");
  model.set("values", {...start, seed: 3});
  model.save_changes();
  assert.equal(heard.length, 4, "off without a callback: every listener of that event");
});

// Which settings make a new run, per explorer: the rest (the iterations) pick a step of the run
// the explorer has. Shared by the renderer (explorers.js: is `data` the data for these values?)
// and the site's engine (engine.js: its run cache), as Python's explorers key their runs.

/** The step-through explorers' data hold the steps of a block of STEP_BLOCK iterations
    (chapters 5 and 7): "Next step" needs new data once in ten presses. */
export const STEP_BLOCK = 10;

export const RUN_KEYS = {
  training: ["seed", "activation", "learning_rate", "scheme"],
  activation: ["activation", "z"],
  seed: ["seed", "scheme"],
  prediction: ["x1", "x2", "x3"],
  hidden: ["seed", "n_hidden", "activation", "learning_rate"],
  step: ["seed", "slope", "learning_rate", "block"],
  hidden_step: ["seed", "n_hidden", "learning_rate", "block"],
};

/** A key's value: a setting, or for "block" the block of the iterations (Python's
    iterations // STEP_BLOCK). */
function keyValue(values, key) {
  return key === "block" ? Math.floor(values.iterations / STEP_BLOCK) : values[key];
}

/** The run's key for ``values``: one string, equal for two settings exactly when their runs are. */
export function runKey(name, values) {
  return JSON.stringify(RUN_KEYS[name].map(key => keyValue(values, key)));
}

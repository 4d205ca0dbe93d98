// Which settings make a new run, per explorer: the rest (the iterations) pick a step of the run
// the explorer has. Shared by the renderer (explorers.js: is `data` the data for these values?)
// and the site's engine (engine.js: its run cache), as Python's explorers key their runs.

export const RUN_KEYS = {
  training: ["seed", "activation", "learning_rate", "scheme"],
  activation: ["activation", "z"],
  seed: ["seed", "scheme"],
  prediction: ["x1", "x2", "x3"],
  hidden: ["seed", "n_hidden", "activation", "learning_rate"],
};

/** The run's key for ``values``: one string, equal for two settings exactly when their runs are. */
export function runKey(name, values) {
  return JSON.stringify(RUN_KEYS[name].map(key => values[key]));
}

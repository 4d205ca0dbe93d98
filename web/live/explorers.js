// The seven explorers' panels and sentences (the step-through ones, step and hidden_step, are in
// steps.js). Each builder takes the explorer's `ui` (its panels' parent, its status and live-region
// writers, its disposers and `setValues`, from widget.js) and `constants`
// (from Python: colours, recorded steps, labels...) and returns `update(values, data)`, which draws
// `data` (the numbers computed for `values`, by Python in Jupyter and by engine.js on the site) and
// writes the sentences of helpers/explorer_text.json. Nothing here trains or evaluates a network.

import TEXT from "../../helpers/explorer_text.json";
import {fill} from "./texts.js";
import {hidden_step, step} from "./steps.js";
import {fixed, general} from "./format.js";
import {cursorOptions, dataTable, keyboardCursor} from "./access.js";
import {
  DASHES, INK, axis, cssHatch, diamonds, errorAxis, errorLimits, hatch, markLine, markers, panel, redraw,
  segment, show, squares, stepScale, uPlot, valueLimits, widest,
} from "./charts.js";

export {TEXT};

/** An array of the data as float64: Python's buffers arrive as DataViews, the site's as Float64Arrays. */
export function floats(x) {
  if (x instanceof Float64Array) return x;
  if (x instanceof DataView) {
    const {buffer, byteOffset, byteLength} = x;
    return byteOffset % 8 === 0 ? new Float64Array(buffer, byteOffset, byteLength / 8)
      : new Float64Array(buffer.slice(byteOffset, byteOffset + byteLength));
  }
  if (x instanceof ArrayBuffer) return new Float64Array(x);
  return Float64Array.from(x ?? []);
}

/** Row ``k`` of a row-major array with ``width`` columns, as a plain array. */
const row = (values, k, width) => Array.from(values.subarray(k * width, (k + 1) * width));
/** Column ``j`` of a row-major array with ``width`` columns, as a plain array. */
const column = (values, j, width) => Array.from({length: values.length / width}, (_, k) => values[k * width + j]);
const indices = list => list.map((_, i) => i);
const nulls = list => list.map(() => null);

/** The rows of a long run a data table shows: the iteration slider's stops, and the current step. */
export function sampleSteps(constants, steps, step) {
  const stops = constants.iteration_stops ?? steps;
  const wanted = new Set([...stops, step]);
  return steps.flatMap((s, k) => (wanted.has(s) ? [k] : []));
}

/** The rows ``make()`` gives, made once per run and sample of its steps (a move of the iterations
    slider only moves the current row). */
export function cachedRows(state, sample, make) {
  const key = sample.join(",");
  if (state.rows?.data !== state.data || state.rows.key !== key) state.rows = {data: state.data, key, rows: make()};
  return state.rows.rows;
}

/** A panel's extras (access.js): a "Data" table under its chart and, given ``describe(i)`` (a line
    chart, made with ``cursor: cursorOptions()``), a keyboard cursor that reads point i out. Its
    update(rows, currentIndex) fills the table and keeps the cursor on the data. The panel's and the
    table's disposers go to ``ui.disposers`` (every panel has extras), called when the view goes. */
function extras(ui, p, {caption, columns, describe}) {
  const table = dataTable(p.box, {caption, columns});
  ui.disposers.push(p.dispose, table.dispose);
  const cursor = describe
    ? keyboardCursor(p.chart, p.holder, {label: `${caption} chart`, describe, say: ui.announce}) : null;
  return {
    update(rows, currentIndex) {
      table.update(rows, currentIndex);
      cursor?.refresh();
    },
  };
}

// --- training (chapter 5) ------------------------------------------------------------------

/** The error panel of a training run, its step marked by a dotted line (training, hidden and the
    step-through explorers of steps.js). */
export function errorPanel(ui, constants, state) {
  const steps = constants.recorded, x = stepScale(steps[steps.length - 1]);
  const p = panel(ui.panels, "Error", {
    scales: {x: x.scale, y: {distr: 3, log: 10, range: () => state.limits?.error ?? [1e-4, 1]}},
    axes: [x.axis(), errorAxis("mean squared error")],
    series: [{}, {label: "mean squared error", stroke: constants.colours.black, width: 2}],
    legend: {show: false}, hooks: {draw: [u => markLine(u, "x", state.step, [2, 3])]}, cursor: cursorOptions(),
  }, [[0], [null]]);
  p.extra = extras(ui, p, {caption: "Error", columns: ["step", "mean squared error"],
                           describe: i => `step ${steps[i]}: error ${general(state.mse[i], 3)}`});
  return p;
}

function weightsPanel(ui, constants, state) {
  const steps = constants.recorded, x = stepScale(steps[steps.length - 1]);
  const names = constants.weight_names, colours = Object.values(constants.colours);
  const p = panel(ui.panels, "Weights", {
    scales: {x: x.scale, y: {range: () => state.limits?.weights ?? [-1.1, 1.1]}},
    axes: [x.axis(), axis("weight value", {size: 56})],
    series: [{}, ...names.map((name, i) => ({
      label: name, stroke: colours[i], width: 2, dash: DASHES[["-", "--", "-."][i]]}))],
    legend: {live: false, markers: markers(["", ...colours.slice(0, names.length)])},
    hooks: {draw: [u => markLine(u, "x", state.step, [2, 3])]}, cursor: cursorOptions(),
  }, [[0], ...names.map(() => [null])]);
  p.extra = extras(ui, p, {caption: "Weights", columns: ["step", ...names],
                           describe: i => `step ${steps[i]}: weights ${row(state.weights, i, 3).map(w => fixed(w, 3)).join(", ")}`});
  return p;
}

/** Horizontal bars of outputs (first input on top), with their targets as diamonds. */
function outputBars(ui, title, labels, {series, fills, limits, draw}) {
  return panel(ui.panels, title, {
    scales: {x: {time: false, ori: 1, dir: -1, range: [-0.6, labels.length - 0.4]},
             y: {ori: 0, range: limits}},
    axes: [axis("", {side: 3, size: 76, splits: () => indices(labels), values: () => labels, grid: {show: false}}),
           axis("output", {side: 2})],
    series: [{}, ...series],
    legend: {live: false, markers: markers(["", ...fills])}, hooks: {draw: [draw]},
  }, [indices(labels), ...series.map(() => nulls(labels))]);
}

const bar = (label, fill) => ({label, fill, stroke: "#000000", width: 1, paths: uPlot.paths.bars({size: [0.8]}),
                               points: {show: false}});
const TARGET = {label: "target", stroke: "#000000", fill: "#ffffff", paths: () => null,
                points: {show: true, size: 10, width: 1.5, stroke: "#000000", fill: "#ffffff", paths: diamonds}};

function trainingOutputsPanel(ui, constants, state) {
  const colours = constants.colours, labels = constants.example_labels;
  const p = outputBars(ui, "Outputs (hatched: unseen inputs)", labels, {
    series: [bar("training inputs", colours.blue), bar("unseen inputs", hatch(colours.orange)), TARGET],
    fills: [colours.blue, cssHatch(colours.orange), "#ffffff"],
    limits: () => state.limits?.outputs ?? [-1.05, 1.05], draw: u => markLine(u, "y", 0, [], false)});
  p.extra = extras(ui, p, {caption: "Outputs", columns: ["input", "output", "target"]});
  return p;
}

/** Every panel of a run emptied, and the run's divergence said (training and hidden). */
function showDiverged(ui, state, panels, message) {
  Object.assign(state, {data: null, step: null});
  for (const p of panels) show(p.chart, p.chart.data.map((series, i) => (i ? nulls(series) : series)));
  panels[0].heading.textContent = TEXT.diverged.heading;
  ui.status(fill(TEXT.diverged.status, {message}));
  ui.say(fill(TEXT.diverged.alt, {message}));
}

/** A run's new data: the axes widen to fit it (they never narrow). */
export function takeRun(state, data, limits) {
  if (data === state.data) return false;
  state.data = data;
  state.limits = widest(state.limits, limits());
  return true;
}

/** Chapter 5: seed, iterations, activation, learning rate and initial weights, and what training does. */
function training(ui, constants) {
  const steps = constants.recorded, labels = constants.example_labels, ladder = constants.ladder;
  const targets = constants.targets;  // the post's four; the unseen inputs have none
  const state = {limits: null, step: null, data: null};
  const panels = [errorPanel(ui, constants, state), weightsPanel(ui, constants, state),
                  trainingOutputsPanel(ui, constants, state)];
  const [error, weights, outputs] = panels;
  return function update(values, data) {
    if (data.diverged) return showDiverged(ui, state, panels, data.diverged);
    const mse = floats(data.mse), w = floats(data.weights), outs = floats(data.outputs);
    const k = steps.indexOf(values.iterations), n = labels.length;
    state.step = values.iterations;
    Object.assign(state, {mse, weights: w});
    if (takeRun(state, data, () => ({error: errorLimits(mse, ladder), weights: valueLimits(w, ladder),
                                    outputs: valueLimits(outs, ladder, [0, 1])}))) {
      show(error.chart, [steps, Array.from(mse)]);
      show(weights.chart, [steps, ...[0, 1, 2].map(j => column(w, j, 3))]);
    } else {
      redraw(error.chart);  // the step marker only: drawn now, not later
      redraw(weights.chart);
    }
    const y = row(outs, k, n);
    show(outputs.chart, [indices(labels), y.map((v, i) => (i < 4 ? v : null)), y.map((v, i) => (i < 4 ? null : v)),
                         labels.map((_, i) => targets[i] ?? null)]);
    const sample = sampleSteps(constants, steps, values.iterations);
    const rows = cachedRows(state, sample, () => ({
      error: sample.map(i => [String(steps[i]), general(mse[i], 3)]),
      weights: sample.map(i => [String(steps[i]), ...row(w, i, 3).map(v => fixed(v, 3))])}));
    error.extra.update(rows.error, sample.indexOf(k));
    weights.extra.update(rows.weights, sample.indexOf(k));
    outputs.extra.update(labels.map((label, i) => [label, fixed(y[i], 3), i < 4 ? String(targets[i]) : "none"]), -1);
    const t = TEXT.training, numbers = {iterations: values.iterations, mse: mse[k]};
    error.heading.textContent = fill(t.heading, numbers);
    ui.status(values.learning_rate > t.stable_rate ? t.chaos_note : "");
    ui.say(fill(t.alt, {...values, ...numbers, last_step: steps[steps.length - 1], weights: row(w, k, 3), outputs: y}));
  };
}

// --- activation (chapter 1) ----------------------------------------------------------------

function activationPanels(ui, constants, grid, state) {
  const colours = constants.colours, range = [grid[0], grid[grid.length - 1]];
  const point = label => ({label, stroke: "#000000", paths: () => null,
                           points: {show: true, size: 8, fill: "#000000", stroke: "#000000"}});
  const left = panel(ui.panels, "Activation", {
    scales: {x: {time: false, range}, y: {range: () => constants.y_limits[state.activation]}},
    axes: [axis("input z"), axis("f(z)", {size: 50})],
    series: [{}, {label: "f(z)", stroke: colours.blue, width: 2},
      {label: "tangent", stroke: colours.vermillion, width: 2, dash: DASHES["--"]}, point("f(z) at the chosen input")],
    cursor: cursorOptions(),
  }, [grid, nulls(grid), nulls(grid), nulls(grid)]);
  const right = panel(ui.panels, "Slope", {
    scales: {x: {time: false, range}, y: {range: [-0.1, 1.1]}},
    axes: [axis("input z"), axis("slope f'(z)", {size: 50})],
    series: [{}, {label: "slope", stroke: colours.green, width: 2, dash: DASHES["-."]}, point("slope at the chosen input")],
    legend: {show: false}, cursor: cursorOptions(),
  }, [grid, nulls(grid), nulls(grid)]);
  const at = (values, i) => `input ${fixed(grid[i], 2)}: ${fixed(values[i], 3)}`;
  left.extra = extras(ui, left, {caption: "Activation", columns: ["input z", "f(z)"], describe: i => at(state.f, i)});
  right.extra = extras(ui, right, {caption: "Slope", columns: ["input z", "slope f'(z)"],
                                   describe: i => at(state.slope, i)});
  return [left, right];
}

/** Chapter 1: an activation, its slope, and the tangent line at a chosen input. */
function activation(ui, constants) {
  const low = constants.grid_low, high = constants.grid_high, count = constants.grid_count;
  const grid = Array.from({length: count}, (_, i) => low + (i * (high - low)) / (count - 1));
  const state = {activation: null};
  const [left, right] = activationPanels(ui, constants, grid, state);
  const every = grid.flatMap((v, i) => (i % 25 === 0 ? [i] : []));  // every half unit: a readable sample
  return function update(values, data) {
    const {z} = values, f = floats(data.f), slopes = floats(data.slope), y = data.y, slope = data.slope_at;
    Object.assign(state, {activation: values.activation, f, slope: slopes});
    const at = Math.round(((z - low) * (count - 1)) / (high - low));
    const tangent = grid.map(v => (Math.abs(v - z) <= 1.5 + 1e-9 ? y + slope * (v - z) : null));
    const point = nulls(grid), slopePoint = nulls(grid);
    point[at] = y;
    slopePoint[at] = slope;
    show(left.chart, [grid, Array.from(f), tangent, point]);
    show(right.chart, [grid, Array.from(slopes), slopePoint]);
    const rows = [...new Set([...every, at])].sort((a, b) => a - b);
    left.extra.update(rows.map(i => [fixed(grid[i], 2), fixed(f[i], 3)]), rows.indexOf(at));
    right.extra.update(rows.map(i => [fixed(grid[i], 2), fixed(slopes[i], 3)]), rows.indexOf(at));
    const numbers = {activation: values.activation, z, y, slope};
    left.heading.textContent = fill(TEXT.activation.heading, numbers);
    ui.say(fill(TEXT.activation.alt, numbers));
  };
}

// --- seed (chapters 3 and 4) ---------------------------------------------------------------

/** Chapters 3 and 4: a seed and an initialisation scheme, and the three starting weights they give. */
function seed(ui, constants) {
  const colours = Object.values(constants.colours), names = constants.weight_names;
  const state = {weights: [0, 0, 0]};
  function labelBars(u) {
    const ctx = u.ctx, ratio = uPlot.pxRatio;
    ctx.save();
    ctx.fillStyle = INK;
    ctx.font = `${12 * ratio}px system-ui, sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    state.weights.forEach((w, i) => {
      ctx.fillText(fixed(w, 3), u.valToPos(i, "x", true), u.valToPos(Math.max(w, 0), "y", true) - 2 * ratio);
    });
    ctx.restore();
    markLine(u, "y", 0, [], true);
  }
  const bars = panel(ui.panels, "", {
    scales: {x: {time: false, range: [-0.6, 2.6]}, y: {range: [-1.1, 1.1]}},
    axes: [axis("", {splits: () => [0, 1, 2], values: () => names.map(n => n.split(" (")[0]), grid: {show: false}}),
           axis("starting weight", {size: 56})],
    series: [{}, ...names.map((name, i) => ({label: name, fill: colours[i], stroke: "#000000", width: 1,
                                            paths: uPlot.paths.bars({size: [0.7]}), points: {show: false}}))],
    legend: {live: false, markers: markers(["", ...colours])},
    hooks: {draw: [labelBars]},
  }, [[0, 1, 2], ...names.map(() => [null, null, null])]);
  bars.extra = extras(ui, bars, {caption: "Starting weights", columns: ["weight", "value"]});
  return function update(values, data) {
    const weights = Array.from(floats(data.weights));
    state.weights = weights;
    show(bars.chart, [[0, 1, 2], ...weights.map((w, i) => [0, 1, 2].map(j => (j === i ? w : null)))]);
    bars.extra.update(names.map((name, i) => [name, fixed(weights[i], 3)]), -1);
    bars.heading.textContent = fill(TEXT.seed.heading, values);
    ui.say(fill(TEXT.seed.alt, {...values, weights}));
  };
}

// --- prediction (chapter 6) ----------------------------------------------------------------

function predictionPanel(ui, constants, labels) {
  const colours = Object.values(constants.colours), threshold = TEXT.threshold;
  return panel(ui.panels, "", {
    scales: {x: {time: false, ori: 1, dir: 1, range: [-0.6, labels.length - 0.4]}, y: {ori: 0, range: [-1.05, 1.05]}},
    axes: [axis("", {side: 3, size: 120, splits: () => indices(labels), values: () => labels, grid: {show: false}}),
           axis("output", {side: 2})],
    series: [{}, ...labels.map((label, i) => ({
      label, fill: i ? hatch(colours[i]) : colours[i], stroke: "#000000", width: 1,
      paths: uPlot.paths.bars({size: [0.7]}), points: {show: false}})),
      {label: `threshold ${threshold}`, stroke: "#000000", width: 1, dash: DASHES["--"], paths: () => null,
       points: {show: false}}],
    legend: {live: false, markers: markers(["", colours[0], cssHatch(colours[1]), "transparent"])},
    hooks: {draw: [u => { markLine(u, "y", threshold, [6, 4]); markLine(u, "y", 0, []); }]},
  }, [indices(labels), ...labels.map(() => nulls(labels)), nulls(labels)]);
}

/** Chapter 6: an input, and the weighted sum and output of the post's and the corrected network. */
function prediction(ui, constants) {
  const labels = constants.models.map(model => model.label);
  const list = document.createElement("ul");
  list.className = "live-sums";
  const bars = predictionPanel(ui, constants, labels);
  bars.holder.after(list);  // outside the aria-hidden chart: the numbers are read out as shown
  bars.extra = extras(ui, bars, {caption: "Outputs", columns: ["network", "weighted sum z", "output"]});
  return function update(values, data) {
    const z = floats(data.z), ys = floats(data.outputs), t = TEXT.prediction;
    const each = labels.map((label, i) => ({label, z: z[i], output: ys[i]}));
    show(bars.chart, [indices(labels), ...labels.map((_, i) => labels.map((__, j) => (i === j ? ys[i] : null))),
                      nulls(labels)]);
    list.replaceChildren(...each.map(v => Object.assign(document.createElement("li"), {textContent: fill(t.row, v)})));
    bars.extra.update(each.map(v => [v.label, fixed(v.z, 2), fixed(v.output, 3)]), -1);
    bars.heading.textContent = fill(t.heading, values);
    ui.say(fill(t.alt, {...values, parts: each.map(v => fill(t.part, v)).join("; ")}));
  };
}

// --- hidden layer (chapter 7) --------------------------------------------------------------

/** The line where one hidden unit's weighted sum w1 x1 + w2 x2 + w3 is 0, as two points at the ends of the
    range along the axis it crosses more steeply; null when w1 = w2 = 0. */
export function hiddenLine([w1, w2, w3], low, high) {
  if (w1 === 0 && w2 === 0) return null;
  if (Math.abs(w2) >= Math.abs(w1)) return [[low, high], [-(w1 * low + w3) / w2, -(w1 * high + w3) / w2]];
  return [[-(w2 * low + w3) / w1, -(w2 * high + w3) / w1], [low, high]];
}

function hiddenOutputsPanel(ui, constants, state) {
  const colours = constants.colours, labels = constants.example_labels, threshold = TEXT.threshold;
  const line = {label: String(threshold), stroke: "#000000", width: 1, dash: DASHES["--"], paths: () => null,
                points: {show: false}};
  const p = outputBars(ui, "Outputs for XOR", labels, {
    series: [bar("output", colours.blue), TARGET, line], fills: [colours.blue, "#ffffff", "transparent"],
    limits: () => state.limits?.outputs ?? [-1.05, 1.05],
    draw: u => { markLine(u, "y", 0, []); markLine(u, "y", threshold, [6, 4]); }});
  p.extra = extras(ui, p, {caption: "Outputs for XOR", columns: ["input", "output", "target"]});
  return p;
}

/** The unit square: the four inputs (target 0 white circles, target 1 black squares) and each hidden
    unit's line. */
function squarePanel(ui, constants, state) {
  const [low, high] = constants.square, targets = constants.targets;
  const inputs = constants.example_labels.map(label => JSON.parse(label));
  const x1 = inputs.map(r => r[0]), x2 = inputs.map(r => r[1]);
  const ofTarget = t => x2.map((v, i) => (targets[i] === t ? v : null));
  const palette = Object.values(constants.colours), styles = ["-", "--", "-.", ":"];
  const unitLines = u => (state.W1 ?? []).forEach((weights, h) => {
    const line = hiddenLine(weights, low, high);
    if (line) segment(u, line, palette[h % palette.length], DASHES[styles[h % styles.length]]);
  });
  const p = panel(ui.panels, "Hidden units' lines (sum = 0)", {
    scales: {x: {time: false, range: [low, high]}, y: {range: [low, high]}},
    axes: [axis("x1"), axis("x2", {size: 50})],
    series: [{},
      {label: "target 0", stroke: "#000000", paths: () => null,
       points: {show: true, size: 11, width: 1.5, stroke: "#000000", fill: "#ffffff"}},
      {label: "target 1", stroke: "#000000", fill: "#000000", paths: () => null,
       points: {show: true, size: 10, width: 1.5, stroke: "#000000", fill: "#000000", paths: squares}}],
    legend: {live: false, markers: markers(["", "#ffffff", "#000000"])},
    hooks: {draw: [unitLines]},
  }, [x1, ofTarget(0), ofTarget(1)]);
  p.extra = extras(ui, p, {caption: "Hidden units' weights", columns: ["hidden unit", "w1", "w2", "w3 (bias)"]});
  return p;
}

/** The hidden units' incoming weights at step ``k``: one [w1, w2, w3] per unit (W1 is R×3×H). */
function unitWeights(W1, k, nHidden) {
  return Array.from({length: nHidden}, (_, h) => [0, 1, 2].map(i => W1[(k * 3 + i) * nHidden + h]));
}

/** The status line's verdict: does the network solve XOR after these steps? */
function verdict(constants, values, y, solved) {
  const threshold = TEXT.threshold, targets = constants.targets;
  if (solved) return fill(TEXT.hidden.solved, values);
  const wrong = constants.example_labels.filter((_, i) => y[i] === threshold
    || (y[i] > threshold) !== (targets[i] > threshold));
  return fill(TEXT.hidden.unsolved, {...values, wrong});
}

/** Chapter 7: seed, hidden units, iterations, activation and learning rate of the two-layer network on
    XOR; its error, its four outputs against their targets, and the hidden units' lines. */
function hidden(ui, constants) {
  const steps = constants.recorded, labels = constants.example_labels, ladder = constants.ladder;
  const state = {limits: null, step: null, data: null, W1: null};
  const panels = [errorPanel(ui, constants, state), hiddenOutputsPanel(ui, constants, state),
                  squarePanel(ui, constants, state)];
  const [error, outputs, square] = panels;
  return function update(values, data) {
    if (data.diverged) { state.W1 = null; return showDiverged(ui, state, panels, data.diverged); }
    const mse = floats(data.mse), W1 = floats(data.W1), outs = floats(data.outputs), n = values.n_hidden;
    const k = steps.indexOf(values.iterations), y = row(outs, k, labels.length), t = TEXT.hidden;
    Object.assign(state, {step: values.iterations, mse, W1: unitWeights(W1, k, n)});
    if (takeRun(state, data, () => ({error: errorLimits(mse, ladder), outputs: valueLimits(outs, ladder, [0, 1])}))) {
      show(error.chart, [steps, Array.from(mse)]);
    } else redraw(error.chart);  // the step marker only
    show(outputs.chart, [indices(labels), y, constants.targets, nulls(labels)]);
    redraw(square.chart);
    const sample = sampleSteps(constants, steps, values.iterations);
    const rows = cachedRows(state, sample, () => sample.map(i => [String(steps[i]), general(mse[i], 3)]));
    error.extra.update(rows, sample.indexOf(k));
    outputs.extra.update(labels.map((label, i) => [label, fixed(y[i], 3), String(constants.targets[i])]), -1);
    square.extra.update(state.W1.map((w, h) => [String(h + 1), ...w.map(v => fixed(v, 3))]), -1);
    const said = verdict(constants, values, y, floats(data.solved)[k] === 1);
    error.heading.textContent = fill(t.heading, {iterations: values.iterations, mse: mse[k]});
    ui.status(values.learning_rate > t.stable_rate ? `${said} ${t.chaos_note}` : said);
    const units = fill(n === 1 ? t.units_one : t.units_many, values);
    ui.say(fill(t.alt, {...values, units, last_step: steps[steps.length - 1], mse: mse[k], labels,
                        targets: constants.targets, outputs: y, verdict: said}));
  };
}

export const EXPLORERS = {training, activation, seed, prediction, hidden, step, hidden_step};

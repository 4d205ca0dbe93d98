// The book's explorers, live on its static site (issue #11).
//
// Each explorer's notebook output is a <figure data-live-explorer="..."> holding a snapshot of
// the Jupyter explorer, its controls, starting values and settings as JSON (written by
// helpers/explorers.py, the single source of both). This module turns every such figure into the
// same explorer computed in the browser: the same controls and defaults, the same panels (uPlot
// charts), and the same numbers, written as the Jupyter explorer's alt text, in a polite live
// region. The network is ./network.js, the JavaScript twin of helpers.network (and ./hidden.js,
// helpers.hidden's, for the hidden-layer explorer). Without
// JavaScript, or if anything here fails, the snapshot stays as it is.

import uPlot from "./uPlot.esm.js";
import * as engine from "./network.js";
import * as twoLayer from "./hidden.js";
import {fixed, general, powerOfTenLabel, pyFloat, readWhole} from "./format.js";

export {fixed, general, powerOfTenLabel, pyFloat, readWhole};  // as before they moved to ./format.js

const joined = (values, digits) => Array.from(values, v => fixed(v, digits)).join(", ");

// --- the network, through ./network.js ----------------------------------------------------

const EXAMPLE_INPUTS = [...engine.POST_INPUTS, ...engine.POST_TEST_INPUTS].map(row => Array.from(row));

/** The outputs f(inputs @ w) of the network with the weights ``w`` (three numbers), one per input row. */
function outputs(inputs, w, activation) {
  return engine.predict(inputs, Array.from(w), activation);
}

function activationAt(name, z) {
  return engine.getActivation(name).function(z);
}

function slopeAt(name, z) {
  return engine.derivative(name, z);
}

/** One training run as the Jupyter explorer keeps it: its weights and error at the recorded steps. */
function trainRun(seed, activation, learningRate, scheme, iterations, recorded) {
  const history = engine.train({
    inputs: engine.POST_INPUTS, targets: engine.POST_TARGETS, weights: engine.initialWeights(seed, scheme, 3),
    activation, iterations, learningRate,
  });
  const steps = recorded.filter(k => k <= iterations);
  return {
    steps,
    weights: steps.map(k => Array.from(history.weightsAt(k))),
    meanSquaredError: steps.map(k => history.meanSquaredError[k]),
    index: k => steps.indexOf(k),
  };
}

// --- axis limits that fit every run shown, on a coarse ladder (as helpers.explorers) --------

function rung(value, ladder) {
  return ladder.find(step => step >= value) ?? value;
}

function coarseLimits(low, high, ladder, log = false) {
  if (log) return [10 ** (2 * Math.floor(Math.log10(low) / 2)), 10 ** (2 * Math.ceil(Math.log10(high) / 2))];
  return [low < 0 ? -rung(-low, ladder) : -0.05, high > 0 ? rung(high, ladder) : 0.5];
}

function runLimits(run, activation, ladder) {
  const positive = run.meanSquaredError.filter(v => v > 0);
  const floor = Math.max(positive.length ? Math.min(...positive) : 1.0, 1e-12);
  const weights = run.weights.flat();
  const outs = run.weights.flatMap(w => outputs(EXAMPLE_INPUTS, w, activation));
  return {
    error: coarseLimits(floor, Math.max(Math.max(...run.meanSquaredError), floor * 10), ladder, true),
    weights: coarseLimits(Math.min(...weights), Math.max(...weights), ladder),
    outputs: coarseLimits(Math.min(...outs, 0), Math.max(...outs, 1), ladder),
  };
}

function widest(limits, more) {
  if (!limits) return more;
  const both = {};
  for (const axis of Object.keys(more)) {
    both[axis] = [Math.min(limits[axis][0], more[axis][0]), Math.max(limits[axis][1], more[axis][1])];
  }
  return both;
}

// --- charts --------------------------------------------------------------------------------

const DASHES = {"-": [], "--": [8, 4], "-.": [8, 3, 2, 3], ":": [2, 3]};
const INK = "#222222";
const FONT = "12px system-ui, sans-serif";
const HEIGHT = 230;

function axis(label, extra = {}) {
  return {label, stroke: INK, font: FONT, labelFont: FONT, grid: {stroke: "rgba(0,0,0,0.12)", width: 1},
          ticks: {stroke: "rgba(0,0,0,0.3)", width: 1}, ...extra};
}

/** The same hatch for a legend marker, as a CSS background. */
function cssHatch(colour) {
  return `repeating-linear-gradient(-45deg, ${colour} 0 3px, #000000 3px 4px)`;
}

/** A line's dash as a CSS border style: a legend marker's nearest match (CSS has no dash-dot). */
function borderStyle(dash) {
  if (!dash || !dash.length) return "solid";
  return dash[0] <= 2 ? "dotted" : "dashed";
}

/** Legend markers: plain colours, or a CSS hatch where the series is filled with a pattern; dashed
    where the line is dashed. */
function markers(fills) {
  return {fill: (u, i) => fills[i] ?? "transparent", dash: (u, i) => borderStyle(u.series[i].dash)};
}

/** Points drawn as diamonds (matplotlib's "D"), for a chart whose x scale runs down (ori 1). */
function diamonds(u, seriesIdx, idx0, idx1) {
  const r = (u.series[seriesIdx].points.size / 2) * uPlot.pxRatio;
  const path = new Path2D();
  for (let i = idx0; i <= idx1; i++) {
    const value = u.data[seriesIdx][i];
    if (value == null) continue;
    const x = u.valToPos(value, "y", true), y = u.valToPos(u.data[0][i], "x", true);
    path.moveTo(x, y - r); path.lineTo(x + r, y); path.lineTo(x, y + r); path.lineTo(x - r, y); path.closePath();
  }
  return {stroke: path, fill: path, clip: null, flags: 0};
}

const isPowerOfTen = v => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
const powersOfTen = (u, splits) => splits.map(v => (isPowerOfTen(v) ? v : null));
/** A diagonal hatch, as matplotlib's "//", over a colour. */
function hatch(colour) {
  const tile = document.createElement("canvas");
  tile.width = tile.height = 8;
  const ctx = tile.getContext("2d");
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = "#000000";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, 8); ctx.lineTo(8, 0); ctx.moveTo(-2, 2); ctx.lineTo(2, -2); ctx.moveTo(6, 10); ctx.lineTo(10, 6);
  ctx.stroke();
  return (u) => u.ctx.createPattern(tile, "repeat");
}

/** A vertical (or, with horizontal, horizontal) dotted or dashed line at ``value`` of a scale. */
function markLine(u, scale, value, dash, horizontal = false) {
  if (value == null) return;
  const ctx = u.ctx, ratio = uPlot.pxRatio, box = u.bbox;
  const at = u.valToPos(value, scale, true);
  ctx.save();
  ctx.strokeStyle = "#000000";
  ctx.lineWidth = 1.5 * ratio;
  ctx.setLineDash(dash.map(v => v * ratio));
  ctx.beginPath();
  if (horizontal) { ctx.moveTo(box.left, at); ctx.lineTo(box.left + box.width, at); }
  else { ctx.moveTo(at, box.top); ctx.lineTo(at, box.top + box.height); }
  ctx.stroke();
  ctx.restore();
}

/** A panel: a title, and a uPlot chart that follows its container's width. */
function panel(parent, title, options, data) {
  const box = document.createElement("div");
  box.className = "live-panel";
  const heading = document.createElement("p");
  heading.className = "live-title";
  heading.textContent = title;
  const holder = document.createElement("div");
  holder.className = "live-chart";
  holder.setAttribute("aria-hidden", "true");  // the numbers are in the text below the panels
  box.append(heading, holder);
  parent.append(box);
  const width = Math.max(holder.clientWidth, 200);
  const chart = new uPlot({width, height: HEIGHT, cursor: {show: false}, legend: {live: false},
                           ...options}, data, holder);
  (parent.charts ??= []).push(chart);  // the panels' uPlot charts, for tests and the benchmark
  new ResizeObserver(() => {
    const now = holder.clientWidth;
    if (now > 0 && now !== chart.width) chart.setSize({width: now, height: HEIGHT});
  }).observe(holder);
  return {chart, heading, holder};
}

// --- the explorers ---------------------------------------------------------------------------

/** Chapter 5: seed, iterations, activation, learning rate and initial weights, and what training does. */
function trainingExplorer(ui, settings) {
  const colours = settings.colours, recorded = settings.recorded, ladder = settings.ladder;
  const iterations = recorded[recorded.length - 1];
  const runs = new Map();
  const state = {limits: null, step: null, shown: null};
  const stepX = {time: false, distr: 4, asinh: 1, auto: false, range: () => [0, iterations]};
  const markStep = u => markLine(u, "x", state.step, [2, 3]);
  // 0, then every power of ten up to the longest run; uPlot's own would add a -1 left of the axis
  const stepSplits = () => [0, ...Array.from({length: Math.round(Math.log10(iterations)) + 1}, (_, i) => 10 ** i)];
  // every gridline labelled, and written as the titles write a step count: 10000, not 10,000 or 1e4
  const stepAxis = () => axis("training steps", {splits: stepSplits, filter: (u, splits) => splits,
                                                 values: (u, splits) => splits.map(String)});
  const none = [[0], [null]], noWeights = [[0], [null], [null], [null]];  // empty panels

  const error = panel(ui.panels, "Error", {
    scales: {x: stepX, y: {distr: 3, log: 10, range: () => state.limits?.error ?? [1e-4, 1]}},
    axes: [stepAxis(), axis("mean squared error", {
      size: 64, filter: powersOfTen, values: (u, splits) => splits.map(powerOfTenLabel),
      grid: {stroke: "rgba(0,0,0,0.12)", width: 1, filter: powersOfTen}, ticks: {filter: powersOfTen}})],
    series: [{}, {label: "mean squared error", stroke: colours.black, width: 2}],
    legend: {show: false}, hooks: {draw: [markStep]},
  }, none);
  const weightNames = settings.weight_names;
  const weights = panel(ui.panels, "Weights", {
    scales: {x: stepX, y: {range: () => state.limits?.weights ?? [-1.1, 1.1]}},
    axes: [stepAxis(), axis("weight value", {size: 56})],
    series: [{}, ...weightNames.map((name, i) => ({
      label: name, stroke: Object.values(colours)[i], width: 2, dash: DASHES[["-", "--", "-."][i]]}))],
    legend: {live: false, markers: markers(["", ...weightNames.map((_, i) => Object.values(colours)[i])])},
    hooks: {draw: [markStep]},
  }, noWeights);
  const labels = settings.example_labels;
  const noOutputs = () => [labels.map((_, i) => i), ...[1, 2, 3].map(() => labels.map(() => null))];  // empty bars
  const outputsPanel = panel(ui.panels, "Outputs (hatched: unseen inputs)", {
    scales: {x: {time: false, ori: 1, dir: -1, range: [-0.6, labels.length - 0.4]},  // the first input on top
             y: {ori: 0, range: () => state.limits?.outputs ?? [-1.05, 1.05]}},
    axes: [axis("", {side: 3, size: 76, splits: () => labels.map((_, i) => i), values: () => labels, grid: {show: false}}),
           axis("output", {side: 2})],
    series: [{},
      {label: "training inputs", fill: colours.blue, stroke: "#000000", width: 1, paths: uPlot.paths.bars({size: [0.8]}),
       points: {show: false}},
      {label: "unseen inputs", fill: hatch(colours.orange), stroke: "#000000", width: 1,
       paths: uPlot.paths.bars({size: [0.8]}), points: {show: false}},
      {label: "target", stroke: "#000000", fill: "#ffffff", paths: () => null,
       points: {show: true, size: 10, width: 1.5, stroke: "#000000", fill: "#ffffff", paths: diamonds}}],
    legend: {live: false, markers: markers(["", colours.blue, cssHatch(colours.orange), "#ffffff"])},
    hooks: {draw: [u => markLine(u, "y", 0, [], false)]},
  }, noOutputs());
  const targets = Array.from(engine.POST_TARGETS, row => Number(row[0] ?? row));

  function run(values) {
    const key = [values.seed, values.activation, values.learning_rate, values.scheme].join("|");
    if (!runs.has(key)) {
      if (runs.size >= 64) runs.delete(runs.keys().next().value);
      try {
        runs.set(key, trainRun(values.seed, values.activation, values.learning_rate, values.scheme, iterations, recorded));
      } catch (error) {
        if (!(error instanceof engine.TrainingDivergedError)) throw error;
        runs.set(key, {diverged: error.message});
      }
    }
    return [key, runs.get(key)];
  }

  function diverged(message) {
    state.shown = null;
    state.step = null;
    error.chart.batch(() => error.chart.setData(none));
    weights.chart.batch(() => weights.chart.setData(noWeights));
    outputsPanel.chart.batch(() => outputsPanel.chart.setData(noOutputs()));
    error.heading.textContent = "This run diverged";
    ui.status(`Nothing to plot: ${message}.`);
    ui.say(`Empty panels: this run diverged. ${message}.`);
  }

  return function update(values) {
    const [key, shown] = run(values);
    if (shown.diverged) return diverged(shown.diverged);
    const k = shown.index(values.iterations);
    const outs = outputs(EXAMPLE_INPUTS, shown.weights[k], values.activation);
    state.step = values.iterations;
    const mse = shown.meanSquaredError[k];
    if (key !== state.shown) {
      state.limits = widest(state.limits, runLimits(shown, values.activation, ladder));
      state.shown = key;
      error.chart.batch(() => error.chart.setData([shown.steps, shown.meanSquaredError]));
      weights.chart.batch(() => weights.chart.setData([shown.steps, ...[0, 1, 2].map(i => shown.weights.map(w => w[i]))]));
    } else {
      error.chart.batch(() => error.chart.redraw(false));  // the step marker only: drawn now, not later
      weights.chart.batch(() => weights.chart.redraw(false));
    }
    const seen = outs.map((v, i) => (i < 4 ? v : null)), unseen = outs.map((v, i) => (i < 4 ? null : v));
    outputsPanel.chart.batch(() => outputsPanel.chart.setData(
      [labels.map((_, i) => i), seen, unseen, labels.map((_, i) => targets[i] ?? null)]));
    error.heading.textContent = `Error after ${values.iterations} steps: ${general(mse, 2)}`;
    ui.status(values.learning_rate > settings.stable_rate ? settings.chaos_note : "");
    ui.say(`Three panels for seed ${values.seed}, activation ${values.activation}, learning rate `
      + `${pyFloat(values.learning_rate)} and ${values.scheme} initial weights. Error panel: the mean squared error over `
      + `${shown.steps[shown.steps.length - 1]} training steps, ${general(mse, 2)} at step ${values.iterations}. `
      + `Weights panel: the three weights over the same steps; at step ${values.iterations} they are `
      + `${joined(shown.weights[k], 2)}. Outputs panel: the outputs for the four training inputs and the three unseen `
      + `ones: ${joined(outs, 2)}.`);
  };
}

/** Chapter 1: an activation, its slope, and the tangent line at a chosen input. */
function activationExplorer(ui, settings) {
  const colours = settings.colours;
  const grid = Array.from({length: 401}, (_, i) => -4 + 0.02 * i);
  const nulls = () => grid.map(() => null);
  const state = {activation: "tanh"};
  const left = panel(ui.panels, "Activation", {
    scales: {x: {time: false, range: [-4, 4]}, y: {range: () => settings.y_limits[state.activation]}},
    axes: [axis("input z"), axis("f(z)", {size: 50})],
    series: [{}, {label: "f(z)", stroke: colours.blue, width: 2},
      {label: "tangent", stroke: colours.vermillion, width: 2, dash: DASHES["--"]},
      {label: "f(z) at the chosen input", stroke: "#000000", paths: () => null,
       points: {show: true, size: 8, fill: "#000000", stroke: "#000000"}}],
  }, [grid, nulls(), nulls(), nulls()]);
  const right = panel(ui.panels, "Slope", {
    scales: {x: {time: false, range: [-4, 4]}, y: {range: [-0.1, 1.1]}},
    axes: [axis("input z"), axis("slope f'(z)", {size: 50})],
    series: [{}, {label: "slope", stroke: colours.green, width: 2, dash: DASHES["-."]},
      {label: "slope at the chosen input", stroke: "#000000", paths: () => null,
       points: {show: true, size: 8, fill: "#000000", stroke: "#000000"}}],
    legend: {show: false},
  }, [grid, nulls(), nulls()]);

  return function update({activation, z}) {
    const y = activationAt(activation, z), slope = slopeAt(activation, z);
    state.activation = activation;
    const at = Math.round((z + 4) * 50);
    const curve = grid.map(v => activationAt(activation, v));
    const tangent = grid.map(v => (Math.abs(v - z) <= 1.5 + 1e-9 ? y + slope * (v - z) : null));
    const point = nulls(); point[at] = y;
    const slopes = grid.map(v => slopeAt(activation, v));
    const slopePoint = nulls(); slopePoint[at] = slope;
    left.chart.batch(() => left.chart.setData([grid, curve, tangent, point]));
    right.chart.batch(() => right.chart.setData([grid, slopes, slopePoint]));
    left.heading.textContent = `${activation}(${fixed(z, 1)}) = ${fixed(y, 3)}, slope ${fixed(slope, 3)}`;
    ui.say(`Activation panel: the ${activation} curve with its tangent line at input ${fixed(z, 1)}, where the output is `
      + `${fixed(y, 3)} and the slope is ${fixed(slope, 3)}. Slope panel: the slope of ${activation} at every input, `
      + `with the point at ${fixed(z, 1)} marked.`);
  };
}

/** Chapters 3 and 4: a seed and an initialisation scheme, and the three starting weights they give. */
function seedExplorer(ui, settings) {
  const colours = Object.values(settings.colours);
  const names = settings.weight_names;
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
  const bars = panel(ui.panels, "seed 0, uniform scheme", {
    scales: {x: {time: false, range: [-0.6, 2.6]}, y: {range: [-1.1, 1.1]}},
    axes: [axis("", {splits: () => [0, 1, 2], values: () => names.map(n => n.split(" (")[0]), grid: {show: false}}),
           axis("starting weight", {size: 56})],
    series: [{}, ...names.map((name, i) => ({label: name, fill: colours[i], stroke: "#000000", width: 1,
                                            paths: uPlot.paths.bars({size: [0.7]}), points: {show: false}}))],
    legend: {live: false, markers: markers(["", ...colours])},
    hooks: {draw: [labelBars]},
  }, [[0, 1, 2], [null, null, null], [null, null, null], [null, null, null]]);

  return function update({seed, scheme}) {
    const weights = engine.initialWeights(seed, scheme, 3);
    state.weights = weights;
    bars.chart.batch(() => bars.chart.setData([[0, 1, 2], ...weights.map((w, i) => [0, 1, 2].map(j => (j === i ? w : null)))]));
    bars.heading.textContent = `seed ${seed}, ${scheme} scheme`;
    ui.say(`Bar chart of the three starting weights for seed ${seed} with the ${scheme} scheme: ${joined(weights, 3)}.`);
  };
}

/** Chapter 6: an input, and the weighted sum and output of the post's and the corrected network. */
function predictionExplorer(ui, settings) {
  const colours = Object.values(settings.colours);
  const models = settings.models.map(model => {
    const history = engine.train({
      inputs: engine.POST_INPUTS, targets: engine.POST_TARGETS,
      weights: engine.initialWeights(settings.seed, settings.scheme, 3),
      activation: model.activation, iterations: settings.iterations, learningRate: model.learning_rate,
    });
    return {...model, weights: history.finalWeights};
  });
  const labels = models.map(model => model.label);
  const list = document.createElement("ul");
  list.className = "live-sums";
  const bars = panel(ui.panels, "input [0.0, 0.0, 0.0]", {
    scales: {x: {time: false, ori: 1, dir: 1, range: [-0.6, labels.length - 0.4]}, y: {ori: 0, range: [-1.05, 1.05]}},
    axes: [axis("", {side: 3, size: 120, splits: () => labels.map((_, i) => i), values: () => labels, grid: {show: false}}),
           axis("output", {side: 2})],
    series: [{}, ...labels.map((label, i) => ({
      label, fill: i ? hatch(colours[i]) : colours[i], stroke: "#000000", width: 1, paths: uPlot.paths.bars({size: [0.7]}),
      points: {show: false}})),
      {label: "threshold 0.5", stroke: "#000000", width: 1, dash: DASHES["--"], paths: () => null, points: {show: false}}],
    legend: {live: false, markers: markers(["", colours[0], cssHatch(colours[1]), "transparent"])},
    hooks: {draw: [u => { markLine(u, "y", 0.5, [6, 4]); markLine(u, "y", 0, []); }]},
  }, [labels.map((_, i) => i), ...labels.map(() => labels.map(() => null)), labels.map(() => null)]);
  bars.holder.after(list);  // outside the aria-hidden chart: the numbers are read out as shown

  return function update({x1, x2, x3}) {
    const x = [x1, x2, x3];
    const parts = [], rows = [];
    const ys = models.map(model => {
      const z = x[0] * model.weights[0] + x[1] * model.weights[1] + x[2] * model.weights[2];
      const y = outputs([x], model.weights, model.activation)[0];
      rows.push(`${model.label}: z = ${fixed(z, 2)}, output ${fixed(y, 3)}`);
      parts.push(`the ${model.label} gives weighted sum ${fixed(z, 2)} and output ${fixed(y, 3)}`);
      return y;
    });
    bars.chart.batch(() => bars.chart.setData(
      [labels.map((_, i) => i), ...ys.map((y, i) => labels.map((_, j) => (i === j ? y : null))), labels.map(() => null)]));
    list.replaceChildren(...rows.map(text => Object.assign(document.createElement("li"), {textContent: text})));
    const input = `[${x.map(v => fixed(v, 1)).join(", ")}]`;
    bars.heading.textContent = `input ${input}`;
    ui.say(`For the input ${input}, ${parts.join("; ")}. A dashed line marks 0.5.`);
  };
}

/** The line where one hidden unit's weighted sum w1 x1 + w2 x2 + w3 is 0, as two points at the ends of the
    range along the axis it crosses more steeply; null when w1 = w2 = 0 (helpers.explorers.hidden_line). */
function hiddenLine([w1, w2, w3], low, high) {
  if (w1 === 0 && w2 === 0) return null;
  if (Math.abs(w2) >= Math.abs(w1)) return [[low, high], [-(w1 * low + w3) / w2, -(w1 * high + w3) / w2]];
  return [[-(w2 * low + w3) / w1, -(w2 * high + w3) / w1], [low, high]];
}

/** Points drawn as squares (matplotlib's "s"), for a chart whose x scale runs across (ori 0). */
function squares(u, seriesIdx, idx0, idx1) {
  const r = (u.series[seriesIdx].points.size / 2) * uPlot.pxRatio;
  const path = new Path2D();
  for (let i = idx0; i <= idx1; i++) {
    const value = u.data[seriesIdx][i];
    if (value == null) continue;
    path.rect(u.valToPos(u.data[0][i], "x", true) - r, u.valToPos(value, "y", true) - r, 2 * r, 2 * r);
  }
  return {stroke: path, fill: path, clip: null, flags: 0};
}

/** Chapter "A hidden layer": seed, hidden units, iterations, activation and learning rate of the two-layer
    network on XOR; its error, its four outputs against their targets, and the hidden units' lines. */
function hiddenExplorer(ui, settings) {
  const colours = settings.colours, recorded = settings.recorded, ladder = settings.ladder;
  const iterations = recorded[recorded.length - 1];
  const labels = settings.example_labels, targets = settings.targets, threshold = settings.threshold;
  const [low, high] = settings.square;
  const inputs = twoLayer.XOR_INPUTS;
  const palette = Object.values(colours), styles = ["-", "--", "-.", ":"];
  const runs = new Map();
  const state = {limits: null, step: null, shown: null, W1: null};
  const stepX = {time: false, distr: 4, asinh: 1, auto: false, range: () => [0, iterations]};
  const stepSplits = () => [0, ...Array.from({length: Math.round(Math.log10(iterations)) + 1}, (_, i) => 10 ** i)];
  const stepAxis = () => axis("training steps", {splits: stepSplits, filter: (u, splits) => splits,
                                                 values: (u, splits) => splits.map(String)});
  const none = [[0], [null]];

  const error = panel(ui.panels, "Error", {
    scales: {x: stepX, y: {distr: 3, log: 10, range: () => state.limits?.error ?? [1e-4, 1]}},
    axes: [stepAxis(), axis("mean squared error", {
      size: 64, filter: powersOfTen, values: (u, splits) => splits.map(powerOfTenLabel),
      grid: {stroke: "rgba(0,0,0,0.12)", width: 1, filter: powersOfTen}, ticks: {filter: powersOfTen}})],
    series: [{}, {label: "mean squared error", stroke: colours.black, width: 2}],
    legend: {show: false}, hooks: {draw: [u => markLine(u, "x", state.step, [2, 3])]},
  }, none);
  const noOutputs = () => [labels.map((_, i) => i), labels.map(() => null), labels.map(() => null)];
  const outputsPanel = panel(ui.panels, "Outputs for XOR", {
    scales: {x: {time: false, ori: 1, dir: -1, range: [-0.6, labels.length - 0.4]},  // the first input on top
             y: {ori: 0, range: () => state.limits?.outputs ?? [-1.05, 1.05]}},
    axes: [axis("", {side: 3, size: 76, splits: () => labels.map((_, i) => i), values: () => labels, grid: {show: false}}),
           axis("output", {side: 2})],
    series: [{},
      {label: "output", fill: colours.blue, stroke: "#000000", width: 1, paths: uPlot.paths.bars({size: [0.8]}),
       points: {show: false}},
      {label: "target", stroke: "#000000", fill: "#ffffff", paths: () => null,
       points: {show: true, size: 10, width: 1.5, stroke: "#000000", fill: "#ffffff", paths: diamonds}},
      {label: String(threshold), stroke: "#000000", width: 1, dash: DASHES["--"], paths: () => null, points: {show: false}}],
    legend: {live: false, markers: markers(["", colours.blue, "#ffffff", "transparent"])},
    hooks: {draw: [u => { markLine(u, "y", 0, []); markLine(u, "y", threshold, [6, 4]); }]},
  }, noOutputs());
  // The four inputs, by x1 (0, 0, 1, 1): target 0 as white circles, target 1 as black squares.
  const x1 = inputs.map(row => row[0]), x2 = inputs.map(row => row[1]);
  const ofTarget = t => x2.map((v, i) => (targets[i] === t ? v : null));
  function unitLines(u) {
    if (!state.W1) return;
    const ctx = u.ctx, ratio = uPlot.pxRatio, box = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.left, box.top, box.width, box.height);
    ctx.clip();
    state.W1[0].forEach((_, h) => {
      const line = hiddenLine(state.W1.map(row => row[h]), low, high);
      if (!line) return;
      ctx.strokeStyle = palette[h % palette.length];
      ctx.lineWidth = 2 * ratio;
      ctx.setLineDash(DASHES[styles[h % styles.length]].map(v => v * ratio));
      ctx.beginPath();
      ctx.moveTo(u.valToPos(line[0][0], "x", true), u.valToPos(line[1][0], "y", true));
      ctx.lineTo(u.valToPos(line[0][1], "x", true), u.valToPos(line[1][1], "y", true));
      ctx.stroke();
    });
    ctx.restore();
  }
  const square = panel(ui.panels, "Hidden units' lines (sum = 0)", {
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

  function forwardAt(run, k, activation) {
    return twoLayer.forward(inputs, run.W1[k], run.W2[k], activation)[1].map(([y]) => y);
  }

  function train(values) {
    const [W1, W2] = twoLayer.initialHiddenWeights(values.seed, values.n_hidden);
    const history = twoLayer.trainHidden({inputs, targets: twoLayer.XOR_TARGETS, W1, W2, activation: values.activation,
                                          iterations, learningRate: values.learning_rate});
    const run = {steps: recorded, W1: recorded.map(k => history.W1At(k)), W2: recorded.map(k => history.W2At(k)),
                 meanSquaredError: recorded.map(k => history.meanSquaredError[k]), index: k => recorded.indexOf(k)};
    const positive = run.meanSquaredError.filter(v => v > 0);
    const floor = Math.max(positive.length ? Math.min(...positive) : 1.0, 1e-12);
    const outs = recorded.flatMap((_, k) => forwardAt(run, k, values.activation));
    run.limits = {
      error: coarseLimits(floor, Math.max(Math.max(...run.meanSquaredError), floor * 10), ladder, true),
      outputs: coarseLimits(Math.min(...outs, 0), Math.max(...outs, 1), ladder),
    };
    return run;
  }

  function run(values) {
    const key = [values.seed, values.n_hidden, values.activation, values.learning_rate].join("|");
    if (!runs.has(key)) {
      if (runs.size >= 32) runs.delete(runs.keys().next().value);
      try {
        runs.set(key, train(values));
      } catch (failure) {
        if (!(failure instanceof engine.TrainingDivergedError)) throw failure;
        runs.set(key, {diverged: failure.message});
      }
    }
    return [key, runs.get(key)];
  }

  function diverged(message) {
    Object.assign(state, {shown: null, step: null, W1: null});
    error.chart.batch(() => error.chart.setData(none));
    outputsPanel.chart.batch(() => outputsPanel.chart.setData(noOutputs()));
    square.chart.batch(() => square.chart.redraw(false));
    error.heading.textContent = "This run diverged";
    ui.status(`Nothing to plot: ${message}.`);
    ui.say(`Empty panels: this run diverged. ${message}.`);
  }

  return function update(values) {
    const [key, shown] = run(values);
    if (shown.diverged) return diverged(shown.diverged);
    const k = shown.index(values.iterations);
    const outs = forwardAt(shown, k, values.activation);
    const wrong = outs.flatMap((y, i) => (y === threshold || (y > threshold) !== (targets[i] > threshold) ? [i] : []));
    const solved = twoLayer.solves(inputs, twoLayer.XOR_TARGETS, shown.W1[k], shown.W2[k], values.activation);
    const mse = shown.meanSquaredError[k];
    state.step = values.iterations;
    state.W1 = shown.W1[k];
    if (key !== state.shown) {
      state.limits = widest(state.limits, shown.limits);
      state.shown = key;
      error.chart.batch(() => error.chart.setData([shown.steps, shown.meanSquaredError]));
    } else {
      error.chart.batch(() => error.chart.redraw(false));  // the step marker only
    }
    outputsPanel.chart.batch(() => outputsPanel.chart.setData([labels.map((_, i) => i), outs, targets, labels.map(() => null)]));
    square.chart.batch(() => square.chart.redraw(false));
    error.heading.textContent = `Error after ${values.iterations} steps: ${general(mse, 2)}`;
    const verdict = solved
      ? `Solves XOR after ${values.iterations} steps: every output is on its target's side of 0.5.`
      : `Does not solve XOR after ${values.iterations} steps: the outputs for ${wrong.map(i => labels[i]).join(", ")} `
        + "are on the wrong side of 0.5.";
    ui.status(values.learning_rate > settings.stable_rate ? `${verdict} ${settings.chaos_note}` : verdict);
    const nHidden = values.n_hidden;
    ui.say(`Three panels for seed ${values.seed}, ${nHidden === 1 ? "1 hidden unit" : `${nHidden} hidden units`}, `
      + `activation ${values.activation} and learning rate ${pyFloat(values.learning_rate)}. Error panel: the mean `
      + `squared error over ${shown.steps[shown.steps.length - 1]} training steps, ${general(mse, 2)} at step `
      + `${values.iterations}. Outputs panel: the outputs for the four XOR inputs ${labels.join(", ")}, targets `
      + `${targets.join(", ")}: ${joined(outs, 2)}. Unit square panel: the four inputs and, for each hidden unit, the `
      + `line where its weighted sum is 0. ${verdict}`);
  };
}

const EXPLORERS = {training: trainingExplorer, activation: activationExplorer, seed: seedExplorer,
                   prediction: predictionExplorer, hidden: hiddenExplorer};

// --- controls ----------------------------------------------------------------------------------

/** Milliseconds without a change before the live region speaks: ten arrow presses, one sentence. */
const ANNOUNCE_DELAY = 400;

/** A live region's text, set once ``ANNOUNCE_DELAY`` passes without another message; "" clears it at once. */
function spokenLater(region) {
  return message => {
    clearTimeout(region.timer);
    if (!message) region.textContent = "";
    else if (message !== region.textContent) {
      region.timer = setTimeout(() => { region.textContent = message; }, ANNOUNCE_DELAY);
    }
  };
}

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

/** A slider and the value it shows, kept on one line when the row wraps (on a phone). */
function pair(slider, shown) {
  const both = element("span", {class: "live-pair"});
  both.append(slider, shown);
  return both;
}

/** One labelled control; calls ``changed`` with its new value, and shows its value beside it. */
function control(spec, value, id, changed) {
  const row = element("div", {class: "live-control"});
  row.append(element("label", {for: id}, spec.label));
  if (spec.kind === "menu") {
    const select = element("select", {id});
    for (const option of spec.options) select.append(element("option", {value: option}, option));
    select.value = value;
    select.addEventListener("input", () => changed(select.value));
    row.append(select);
    return row;
  }
  const shown = element("output", {for: id, "aria-hidden": "true"});
  if (spec.kind === "stops") {
    const slider = element("input", {type: "range", id, min: 0, max: spec.options.length - 1, step: 1});
    const floats = spec.options.some(option => typeof option === "number" && !Number.isInteger(option));
    const show = () => {
      const option = spec.options[Number(slider.value)];
      const text = floats ? pyFloat(option) : String(option);  // learning rate 1.0, as in Python
      shown.textContent = text;
      slider.setAttribute("aria-valuetext", text);
      return option;
    };
    slider.value = spec.options.indexOf(value);
    show();
    slider.addEventListener("input", () => changed(show()));
    row.append(pair(slider, shown));
    return row;
  }
  if (spec.kind === "number") {
    const slider = element("input", {type: "range", id, min: spec.low, max: spec.high, step: spec.step});
    const show = () => {
      const number = Math.round(Number(slider.value) * 10) / 10;
      shown.textContent = fixed(number, 1);
      slider.setAttribute("aria-valuetext", fixed(number, 1));
      return number;
    };
    slider.value = value;
    show();
    slider.addEventListener("input", () => changed(show()));
    row.append(pair(slider, shown));
    return row;
  }
  // "whole": a slider over a range a mouse can pick from, and a box to type any number of the whole range in
  const sliderHigh = spec.slider_high ?? spec.high;
  const slider = element("input", {type: "range", id, min: spec.low, max: sliderHigh, step: 1});
  const box = element("input", {type: "text", id: `${id}-box`, inputmode: "numeric", autocomplete: "off",
                                "aria-label": `${spec.label}, typed`, "aria-describedby": `${id}-error`,
                                size: String(String(spec.high).length)});
  const error = element("span", {class: "live-error", id: `${id}-error`});  // shown at once, as typed
  const errorSpoken = element("span", {class: "live-error-announce", "aria-live": "polite"});
  const sayError = spokenLater(errorSpoken);  // read out once the typing rests: no word per keystroke
  const beyond = element("span", {class: "live-beyond", id: `${id}-beyond`});
  // A typed number past the slider's end: the slider rests at its end, dimmed, and says so.
  const place = number => {
    slider.value = String(Math.min(number, sliderHigh));
    const past = number > sliderHigh;
    slider.classList.toggle("live-past", past);
    beyond.textContent = past ? `typed ${spec.label} ${number} is beyond the slider (${spec.low} to ${sliderHigh})` : "";
    if (past) slider.setAttribute("aria-valuetext", `${number}, typed, beyond the slider's ${sliderHigh}`);
    else slider.removeAttribute("aria-valuetext");
  };
  box.value = String(value);
  place(value);
  slider.addEventListener("input", () => {
    place(Number(slider.value));
    box.value = slider.value;
    box.removeAttribute("aria-invalid");
    error.textContent = "";
    sayError("");
    changed(Number(slider.value));
  });
  box.addEventListener("input", () => {
    const read = readWhole(box.value, spec);
    if (read.error) {
      box.setAttribute("aria-invalid", "true");
      error.textContent = read.error;
      sayError(read.error);
      return;
    }
    box.removeAttribute("aria-invalid");
    error.textContent = "";
    sayError("");
    place(read.value);
    changed(read.value);
  });
  row.append(slider, box, beyond, error, errorSpoken);
  return row;
}

// --- mounting ------------------------------------------------------------------------------

/** The caption under a live explorer: what computes it, and how far its numbers are Python's. */
function caption(name) {
  if (name === "hidden") {
    return "Live: computed in this page by the same network as the book's Python helpers: the same starting "
      + "weights and the same steps, agreeing to about 1e-15 a step. A run that sits on a plateau and then leaves "
      + "it suddenly magnifies that last-digit difference (NumPy's own run moves as much if one starting weight "
      + "moves by its last digit), so after such a jump the numbers can differ from the notebook's in the third "
      + "digit; whether the run solves XOR agrees, except where a run is chaotic (learning rate above 0.5). "
      + "In Jupyter, the chapter's notebook shows the Python version of this explorer.";
  }
  const same = name === "training"
    ? "the same numbers, except where a run is chaotic (learning rate above 1)" : "the same numbers";
  return `Live: computed in this page by the same network as the book's Python helpers: ${same}. `
    + "In Jupyter, the chapter's notebook shows the Python version of this explorer.";
}

function mount(figure, index) {
  const name = figure.dataset.liveExplorer;
  const build = EXPLORERS[name];
  if (!build) throw new Error(`unknown live explorer ${JSON.stringify(name)}`);
  const controls = JSON.parse(figure.dataset.controls);
  const values = {...JSON.parse(figure.dataset.values)};
  const settings = JSON.parse(figure.dataset.settings);

  const root = element("div", {class: "live-explorer", role: "group", "aria-label": `${name} explorer`});
  const controlRow = element("div", {class: "live-controls"});
  const panels = element("div", {class: "live-panels"});
  const status = element("p", {class: "live-status", role: "status", hidden: ""});
  const text = element("p", {class: "live-text"});
  const announce = element("p", {class: "live-announce", "aria-live": "polite"});
  root.append(controlRow, panels, status, text, announce, element("p", {class: "live-caption"}, caption(name)));
  const snapshot = [...figure.childNodes];
  figure.replaceChildren(root);  // panels need their width before the charts are drawn
  figure.classList.add("live");

  const ui = {
    panels,
    status: message => { status.textContent = message; status.hidden = !message; },
    say: message => {
      text.textContent = message;  // shown at once; read out once the controls rest (ANNOUNCE_DELAY)
      clearTimeout(announce.timer);
      if (!announce.textContent) announce.textContent = message;  // the starting values: nothing to wait for
      else announce.timer = setTimeout(() => { announce.textContent = message; }, ANNOUNCE_DELAY);
    },
  };
  try {
    const update = build(ui, settings);
    for (const spec of controls) {
      controlRow.append(control(spec, values[spec.name], `live-${index}-${spec.name}`, value => {
        values[spec.name] = value;
        update({...values});
        figure.dispatchEvent(new CustomEvent("live-explorer-drawn", {bubbles: true}));
      }));
    }
    update({...values});
  } catch (error) {
    figure.replaceChildren(...snapshot);  // the snapshot, rather than half an explorer
    figure.classList.remove("live");
    throw error;
  }
}

export function mountAll(root = document) {
  root.querySelectorAll("figure[data-live-explorer]").forEach((figure, index) => {
    try {
      mount(figure, index);
    } catch (error) {
      console.error("live explorer:", error);
    }
  });
}

if (typeof document !== "undefined") {  // not when a test imports the module in Node
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => mountAll());
  else mountAll();
}

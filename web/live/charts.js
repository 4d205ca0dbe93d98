// The explorers' charts: uPlot panels drawn as the book's matplotlib figures are (axes, dashes,
// hatches, markers), and the coarse axis limits that only ever widen. Presentation only: every
// number drawn comes from an explorer's `data` (see explorers.js).

import uPlot from "uplot";
import {powerOfTenLabel} from "./format.js";

export {uPlot};

export const DASHES = {"-": [], "--": [8, 4], "-.": [8, 3, 2, 3], ":": [2, 3]};
export const INK = "#222222";
const FONT = "12px system-ui, sans-serif";
const HEIGHT = 230;

export function axis(label, extra = {}) {
  return {label, stroke: INK, font: FONT, labelFont: FONT, grid: {stroke: "rgba(0,0,0,0.12)", width: 1},
          ticks: {stroke: "rgba(0,0,0,0.3)", width: 1}, ...extra};
}

// --- axis limits on a coarse ladder: most runs share them, so the axes are seldom redrawn --

function rung(value, ladder) {
  return ladder.find(step => step >= value) ?? value;
}

/** [low, high] on the ladder's rungs (or powers of 100 for a log axis) around ``low`` .. ``high``. */
export function coarseLimits(low, high, ladder, log = false) {
  if (log) return [10 ** (2 * Math.floor(Math.log10(low) / 2)), 10 ** (2 * Math.ceil(Math.log10(high) / 2))];
  return [low < 0 ? -rung(-low, ladder) : -0.05, high > 0 ? rung(high, ladder) : 0.5];
}

const smallest = values => values.reduce((a, b) => Math.min(a, b), Infinity);
const largest = values => values.reduce((a, b) => Math.max(a, b), -Infinity);

/** The log axis of a run's error: from its smallest positive value (at least 1e-12) to its largest. */
export function errorLimits(mse, ladder) {
  const positive = Array.from(mse).filter(v => v > 0);
  const floor = Math.max(positive.length ? smallest(positive) : 1.0, 1e-12);
  return coarseLimits(floor, Math.max(largest(mse), floor * 10), ladder, true);
}

/** A linear axis around ``values`` (and ``at_least``, e.g. [0, 1] for outputs). */
export function valueLimits(values, ladder, atLeast = []) {
  const all = [...Array.from(values), ...atLeast];
  return coarseLimits(smallest(all), largest(all), ladder);
}

/** Both sets of limits together: the axes only ever widen as runs are shown. */
export function widest(limits, more) {
  if (!limits) return more;
  const both = {};
  for (const name of Object.keys(more)) {
    both[name] = [Math.min(limits[name][0], more[name][0]), Math.max(limits[name][1], more[name][1])];
  }
  return both;
}

// --- markers, hatches and lines -------------------------------------------------------------

/** The same hatch for a legend marker, as a CSS background. */
export function cssHatch(colour) {
  return `repeating-linear-gradient(-45deg, ${colour} 0 3px, #000000 3px 4px)`;
}

/** A line's dash as a CSS border style: a legend marker's nearest match (CSS has no dash-dot). */
function borderStyle(dash) {
  if (!dash || !dash.length) return "solid";
  return dash[0] <= 2 ? "dotted" : "dashed";
}

/** Legend markers: plain colours, or a CSS hatch where the series is filled with a pattern; dashed
    where the line is dashed. */
export function markers(fills) {
  return {fill: (u, i) => fills[i] ?? "transparent", dash: (u, i) => borderStyle(u.series[i].dash)};
}

/** Points drawn by ``shape(path, x, y, r)`` at each value of a series, in canvas pixels. */
function pointPaths(shape, across) {
  return (u, seriesIdx, idx0, idx1) => {
    const r = (u.series[seriesIdx].points.size / 2) * uPlot.pxRatio;
    const path = new Path2D();
    for (let i = idx0; i <= idx1; i++) {
      const value = u.data[seriesIdx][i];
      if (value == null) continue;
      const [x, y] = across
        ? [u.valToPos(u.data[0][i], "x", true), u.valToPos(value, "y", true)]
        : [u.valToPos(value, "y", true), u.valToPos(u.data[0][i], "x", true)];
      shape(path, x, y, r);
    }
    return {stroke: path, fill: path, clip: null, flags: 0};
  };
}

/** Points drawn as diamonds (matplotlib's "D"), for a chart whose x scale runs down (ori 1). */
export const diamonds = pointPaths((path, x, y, r) => {
  path.moveTo(x, y - r); path.lineTo(x + r, y); path.lineTo(x, y + r); path.lineTo(x - r, y); path.closePath();
}, false);

/** Points drawn as squares (matplotlib's "s"), for a chart whose x scale runs across (ori 0). */
export const squares = pointPaths((path, x, y, r) => path.rect(x - r, y - r, 2 * r, 2 * r), true);

const isPowerOfTen = v => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
export const powersOfTen = (u, splits) => splits.map(v => (isPowerOfTen(v) ? v : null));

/** A diagonal hatch, as matplotlib's "//", over a colour. */
export function hatch(colour) {
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
  return u => u.ctx.createPattern(tile, "repeat");
}

/** A vertical (or, with horizontal, horizontal) dotted or dashed line at ``value`` of a scale. */
export function markLine(u, scale, value, dash, horizontal = false) {
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

/** A line from (x0, y0) to (x1, y1) in a chart's values, clipped to its plotting area. */
export function segment(u, [[x0, x1], [y0, y1]], colour, dash) {
  const ctx = u.ctx, ratio = uPlot.pxRatio, box = u.bbox;
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.left, box.top, box.width, box.height);
  ctx.clip();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2 * ratio;
  ctx.setLineDash(dash.map(v => v * ratio));
  ctx.beginPath();
  ctx.moveTo(u.valToPos(x0, "x", true), u.valToPos(y0, "y", true));
  ctx.lineTo(u.valToPos(x1, "x", true), u.valToPos(y1, "y", true));
  ctx.stroke();
  ctx.restore();
}

// --- the step axis of a training run ------------------------------------------------------

/** The x scale and axis of a run's steps, 0 to ``last`` on an asinh scale, every power of ten labelled
    and written as the titles write a step count: 10000, not 10,000 or 1e4. */
export function stepScale(last) {
  // 0, then every power of ten up to the longest run; uPlot's own would add a -1 left of the axis
  const splits = () => [0, ...Array.from({length: Math.round(Math.log10(last)) + 1}, (_, i) => 10 ** i)];
  return {
    scale: {time: false, distr: 4, asinh: 1, auto: false, range: () => [0, last]},
    axis: () => axis("training steps", {splits, filter: (u, s) => s, values: (u, s) => s.map(String)}),
  };
}

/** The y axis of a run's error: log scale, labelled at powers of ten only. */
export function errorAxis(label) {
  return axis(label, {
    size: 64, filter: powersOfTen, values: (u, splits) => splits.map(powerOfTenLabel),
    grid: {stroke: "rgba(0,0,0,0.12)", width: 1, filter: powersOfTen}, ticks: {filter: powersOfTen}});
}

// --- panels --------------------------------------------------------------------------------

/** A panel: a title, and a uPlot chart that follows its container's width. ``box`` is where a data
    table goes under the chart (access.js's dataTable); ``holder`` is what a keyboard cursor focuses;
    ``dispose()`` stops following the width and destroys the chart (the view is gone). */
export function panel(parent, title, options, data) {
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
  const observer = new ResizeObserver(() => {
    const now = holder.clientWidth;
    if (now > 0 && now !== chart.width) chart.setSize({width: now, height: HEIGHT});
  });
  observer.observe(holder);
  const dispose = () => { observer.disconnect(); chart.destroy(); };
  return {box, chart, heading, holder, dispose};
}

/** New data for a chart, drawn at once (not on the next frame). */
export function show(chart, data) {
  chart.batch(() => chart.setData(data));
}

/** A chart drawn again as it is: its hooks (a step marker, lines) read state that moved. */
export function redraw(chart) {
  chart.batch(() => chart.redraw(false));
}

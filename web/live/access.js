// Accessible charts: the numbers of a chart as a table, and a keyboard data cursor (issue #20).
//
// Used by every explorer's renderer in both hosts (Jupyter through anywidget, and the static site):
// dataTable under every chart (training, activation, seed, prediction, hidden), keyboardCursor on
// every line chart (training, activation, hidden). No uPlot import: the renderer passes its chart,
// created with `cursor: cursorOptions()`. Styles: ./features.css.

import {general} from "./format.js";

const CURRENT = "live-current";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** A cell's text: strings as given, numbers as Python's f"{x:.4g}", nothing for a missing value. */
const cellText = value => (typeof value === "number" ? general(value, 4) : (value ?? "").toString());

/** The box scrolls sideways only when the table is wider than it: only then is it a labelled tab stop.
    Returns what stops watching their widths. Also the step-through explorers' arrays (steps.js). */
export function scrollWhenWide(wrap, table, label) {
  const check = () => {
    const wide = table.offsetWidth > wrap.clientWidth + 1;
    if (wide === wrap.hasAttribute("tabindex")) return;
    if (wide) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label);
    } else {
      for (const name of ["tabindex", "role", "aria-label"]) wrap.removeAttribute(name);
    }
  };
  const observer = new ResizeObserver(check);
  observer.observe(wrap);
  observer.observe(table);
  return () => observer.disconnect();
}

/** One row's cells: the first a row header, the others data; made again only if the width changes. */
function fillRow(row, values) {
  if (row.cells.length !== values.length) {
    row.replaceChildren(...values.map((_, j) => element(j ? "td" : "th")));
    row.cells[0]?.setAttribute("scope", "row");
  }
  values.forEach((value, j) => {
    const text = cellText(value), cell = row.cells[j];
    if (cell.textContent !== text) cell.textContent = text;
  });
}

/**
 * A "Data: CAPTION" disclosure holding a table of what a chart plots.
 * ``columns``: the column headings; ``rows`` (optional): the first rows, as for ``update``.
 * Returns {element, update(rows, currentIndex), setColumns(columns), dispose()}: ``update`` takes an
 * array of rows (each an array of strings or numbers, the first cell naming the row) and the index
 * of the row at the current setting (or -1/null), marked with aria-current="true". Rows are reused.
 * ``dispose`` stops watching the table's width (the view is gone).
 */
export function dataTable(parent, {caption, columns, rows = [], currentIndex = null}) {
  const details = element("details", "live-data");
  const summary = element("summary", null, `Data: ${caption}`);
  const wrap = element("div", "live-table-wrap");
  const table = element("table");
  const head = table.createTHead().insertRow(), body = table.createTBody();
  table.createCaption().textContent = caption;
  table.caption.className = "live-visually-hidden";
  wrap.append(table);
  details.append(summary, wrap);
  parent.append(details);
  const dispose = scrollWhenWide(wrap, table, `Data: ${caption}`);
  const setColumns = names => {
    head.replaceChildren(...names.map(name => element("th", null, name)));
    for (const cell of head.cells) cell.setAttribute("scope", "col");
  };
  const update = (newRows, current = null) => {
    while (body.rows.length > newRows.length) body.deleteRow(-1);
    while (body.rows.length < newRows.length) body.insertRow();
    newRows.forEach((values, i) => markRow(body.rows[i], values, i === current));
  };
  setColumns(columns);
  update(rows, currentIndex);
  return {element: details, update, setColumns, dispose};
}

function markRow(row, values, current) {
  fillRow(row, values);
  if (current === row.classList.contains(CURRENT)) return;
  row.classList.toggle(CURRENT, current);
  if (current) row.setAttribute("aria-current", "true");
  else row.removeAttribute("aria-current");
}

/**
 * uPlot cursor options for a chart that gets a keyboardCursor: the cursor is shown (a vertical
 * line and a point on each series) but only the keyboard moves it, not the mouse; no drag-zoom.
 * A fresh object each time (uPlot keeps and changes the one it is given).
 */
export function cursorOptions() {
  const none = () => null;
  return {
    show: true, x: true, y: false,
    drag: {setScale: false, x: false, y: false},
    bind: {mousedown: none, mouseup: none, dblclick: none, mousemove: none, mouseleave: none,
           mouseenter: none},
  };
}

/** Where the cursor shows data index ``i``: {left, top} in the plotting area's CSS pixels, or null. */
function cursorAt(chart, i) {
  const xKey = chart.series[0].scale ?? "x";
  const along = chart.valToPos(chart.data[0][i], xKey);
  if (!Number.isFinite(along)) return null;
  let across = 0;
  for (let s = 1; s < chart.series.length; s++) {
    const value = chart.data[s]?.[i];
    const at = value == null ? NaN : chart.valToPos(value, chart.series[s].scale);
    if (chart.series[s].show !== false && Number.isFinite(at)) { across = Math.max(at, 0); break; }
  }
  return chart.scales[xKey].ori === 1 ? {left: across, top: along} : {left: along, top: across};
}

const KEYS = {ArrowLeft: -1, ArrowRight: 1, PageUp: -10, PageDown: 10};

/** The index a key moves to from ``index`` among ``count`` points, or undefined for other keys. */
function keyTarget(key, index, count) {
  if (key in KEYS) return index + KEYS[key];
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return undefined;
}

const sentence = text => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The holder as a focusable, named chart that JupyterLab's notebook shortcuts leave alone. */
function makeFocusable(holder, label) {
  holder.removeAttribute("aria-hidden");
  holder.setAttribute("tabindex", "0");
  holder.setAttribute("role", "group");
  holder.setAttribute("aria-roledescription", "chart");
  holder.setAttribute("aria-label", `${sentence(label)} Use the arrow keys to read its values.`);
  holder.setAttribute("data-lm-suppress-shortcuts", "true");
}

/**
 * A keyboard data cursor on a uPlot line chart (created with ``cursor: cursorOptions()``) in
 * ``holder``: ArrowLeft/ArrowRight move one point, PageUp/PageDown ten, Home/End to the ends;
 * Escape hides the cursor. The point's ``describe(i)`` is written in a readout after the holder
 * and passed to ``say`` (the host's polite live region). Returns {index, moveTo(i), refresh()}:
 * ``moveTo`` shows point i (clamped) without announcing it; ``refresh`` keeps the index within
 * the data and redraws the cursor and readout (it also runs after every redraw of the chart).
 */
export function keyboardCursor(chart, holder, {label, describe, say = () => {}}) {
  if (!chart.cursor?.show) throw new Error("keyboardCursor needs a chart made with cursor: cursorOptions()");
  makeFocusable(holder, label);
  const readout = element("p", "live-readout");
  holder.after(readout);
  const state = {index: 0, shown: false};
  const count = () => chart.data[0]?.length ?? 0;
  const hide = () => {
    state.shown = false;
    chart.setCursor({left: -10, top: -10});
    readout.textContent = "";
  };
  const show = () => {
    const at = count() ? cursorAt(chart, state.index) : null;
    if (!at) return hide();
    state.shown = true;
    chart.setCursor(at);
    readout.textContent = describe(state.index);
  };
  const moveTo = i => {
    state.index = Math.min(Math.max(Math.round(i), 0), Math.max(count() - 1, 0));
    show();
  };
  holder.addEventListener("keydown", event => onKey(event, {state, count, moveTo, hide, readout, say}));
  (chart.hooks.draw ??= []).push(() => state.shown && moveTo(state.index));
  return {get index() { return state.index; }, moveTo, refresh: () => refreshed(state, count, moveTo)};
}

/** After new data: the index kept within it; the cursor and readout redrawn if shown. */
function refreshed(state, count, moveTo) {
  if (state.shown) moveTo(state.index);
  else state.index = Math.min(state.index, Math.max(count() - 1, 0));
}

function onKey(event, {state, count, moveTo, hide, readout, say}) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (event.key === "Escape") {
    if (!state.shown) return;
    hide();
  } else {
    const target = keyTarget(event.key, state.index, count());
    if (target === undefined || !count()) return;
    moveTo(target);
    if (state.shown) say(readout.textContent);
  }
  event.preventDefault();
  event.stopPropagation();
}

// The step-through explorers (issue #21): one iteration of training, line by line. `step` (chapter
// 5, the one-layer loop) and `hidden_step` (chapter 7, the two-layer loop) show the loop's lines as
// code, every array of the iteration as a small table with its shape (the arrays of later lines
// hidden, so a reader can predict them before pressing Next), the formula for the chosen row with
// its numbers, and the run's error curve with the iteration marked. Their data is a block of ten
// iterations (contract §3: arrays row-major, the block's iterations first), computed by
// network.step / hidden.step in Python or engine.js: nothing here computes a step. Styles: the
// end of ./explorers.css.

import TEXT from "../../helpers/explorer_text.json";
import {fill} from "./texts.js";
import {fixed, general} from "./format.js";
import {scrollWhenWide} from "./access.js";
import {element} from "./controls.js";
import {cachedRows, errorPanel, floats, sampleSteps, takeRun} from "./explorers.js";
import {errorLimits, redraw, show} from "./charts.js";

/** The activation each slope of chapter 5 trains with. */
const ACTIVATIONS = {post: "post_tanh", true: "tanh"};
const DIGITS = 4;  // as the formulas and sentences write the numbers

/** The arrays of chapter 5's step, in the order they are shown: ``key`` as TEXT's lines read and
    write them, ``data`` the key of the data (if another), ``name`` as shown, and its shape. */
function stepArrays() {
  const examples = (key, name) => ({key, name, rows: 4, cols: 1, example: true});
  return [
    {key: "X", name: "X", rows: 4, cols: 3, given: true, example: true},
    {key: "targets", name: "targets", rows: 4, cols: 1, given: true, example: true},
    {key: "w", data: "weights", name: "w", rows: 3, cols: 1},
    examples("z", "z = X @ w"), examples("output", "y"), examples("error", "error"),
    examples("slope", "slope"), examples("delta", "delta"),
    {key: "update", name: "update", rows: 3, cols: 1},
    {key: "new_weights", name: "new w", rows: 3, cols: 1},
  ];
}

/** The arrays of chapter 7's step, for ``H`` hidden units. */
function hiddenArrays(H) {
  const examples = (key, name, cols = 1) => ({key, name, rows: 4, cols, example: true});
  return [
    {key: "X", name: "X", rows: 4, cols: 3, given: true, example: true},
    {key: "targets", name: "targets", rows: 4, cols: 1, given: true, example: true},
    {key: "W1", name: "W1", rows: 3, cols: H}, {key: "W2", name: "W2", rows: H + 1, cols: 1},
    examples("z1", "z1 = X @ W1", H), examples("hidden", "h", H), examples("z2", "z2"),
    examples("output", "y"), examples("error", "error"), examples("slope2", "slope2"),
    examples("delta2", "delta2"), examples("back", "back = delta2 @ W2[:-1].T", H),
    examples("slope1", "slope1", H), examples("delta1", "delta1", H),
    {key: "dW2", name: "dW2", rows: H + 1, cols: 1},
    {key: "new_W2", name: "new W2", rows: H + 1, cols: 1},
    {key: "dW1", name: "dW1", rows: 3, cols: H}, {key: "new_W1", name: "new W1", rows: 3, cols: H},
  ];
}

// --- where a step goes ------------------------------------------------------------------------

/** Where Next goes from ``at`` ({iterations, line}): the next line, or line 1 of the next
    iteration; null at the last line of the last iteration. */
export function nextPlace({iterations, line}, lines, last) {
  if (line < lines) return {iterations, line: line + 1};
  return iterations < last ? {iterations: iterations + 1, line: 1} : null;
}

/** Where Back goes: the line before; from line 0, the last line of the iteration before. */
export function backPlace({iterations, line}, lines) {
  if (line > 0) return {iterations, line: line - 1};
  return iterations > 0 ? {iterations: iterations - 1, line: lines} : null;
}

/** Where Next step goes: the same line of the next iteration; null at the last iteration. */
export function nextStepPlace({iterations, line}, last) {
  return iterations < last ? {iterations: iterations + 1, line} : null;
}

/** Where Reset goes: iteration 0, line 0; null when there already. */
export function resetPlace({iterations, line}) {
  return iterations === 0 && line === 0 ? null : {iterations: 0, line: 0};
}

// --- the parts of the view --------------------------------------------------------------------

/** The loop's lines as an ordered list of code, a tab stop; chapter 5's with the post's line.
    ``show(texts, line)`` writes the lines and marks line ``line`` (1..; none at 0) as the current
    step. */
function codeListing(parent, lines, label) {
  const list = element("ol", {class: "live-code", tabindex: "0", "aria-label": label});
  const items = lines.map(line => {
    const item = element("li");
    const code = element("code", {class: "live-code-line"});
    item.append(code);
    if (line.post) {
      const post = element("span", {class: "live-post"}, "post: ");
      post.append(element("code", {}, line.post));
      item.append(post);
    }
    list.append(item);
    return {item, code};
  });
  parent.append(list);
  let current = 0;
  const show = (texts, line) => {
    texts.forEach((text, i) => {
      if (items[i].code.textContent !== text) items[i].code.textContent = text;
    });
    if (current === line) return;
    items[current - 1]?.item.classList.remove("live-line-current");
    items[current - 1]?.item.removeAttribute("aria-current");
    items[line - 1]?.item.classList.add("live-line-current");
    items[line - 1]?.item.setAttribute("aria-current", "step");
    current = line;
  };
  return {list, show};
}

/** The toolbar: Back, Next, Next step and Reset, each a tab stop (a group, not an ARIA toolbar,
    whose buttons would be one tab stop moved between by the arrow keys). */
function toolbar(parent) {
  const bar = element("div", {class: "live-stepper", role: "group",
                              "aria-label": "Step through the loop"});
  const button = (text, keys) => {
    const made = element("button", {type: "button", class: "live-step-button"}, text);
    if (keys) made.setAttribute("aria-keyshortcuts", keys);
    bar.append(made);
    return made;
  };
  const buttons = {back: button("Back", "b"), next: button("Next", "n"),
                   nextStep: button("Next step"), reset: button("Reset")};
  parent.append(bar);
  return buttons;
}

/** One array as a table: caption ``name (rows, cols)`` and a state word, a row header per row. */
function arrayTable(parent, spec, disposers) {
  const box = element("div", {class: "live-array", "data-array": spec.key});
  const wrap = element("div", {class: "live-array-wrap"});
  const table = element("table");
  const caption = table.createCaption();
  const shape = `${spec.name} (${spec.rows}, ${spec.cols})`;
  caption.append(element("span", {class: "live-array-name"}, shape),
                 element("span", {class: "live-state"}));
  const head = table.createTHead().insertRow();
  const columns = spec.cols > 1 ? Array.from({length: spec.cols}, (_, c) => String(c)) : ["value"];
  const headings = ["row", ...columns];
  for (const text of headings) head.append(element("th", {scope: "col"}, text));
  const body = table.createTBody();
  for (let r = 0; r < spec.rows; r++) {
    const tr = body.insertRow();
    tr.append(element("th", {scope: "row"}, String(r)));
    for (let c = 0; c < spec.cols; c++) tr.insertCell();
  }
  wrap.append(table);
  box.append(wrap);
  parent.append(box);
  disposers.push(scrollWhenWide(wrap, table, shape));
  const rows = [...body.rows];
  return {spec, box, state: caption.lastChild, rows, cells: rows.map(tr => [...tr.cells].slice(1)),
          shown: null};
}

const STATE_WORDS = {written: "written by this line", read: "read by this line",
                     pending: "not yet computed"};

/** The table's state (given, read, written or pending) and its cells' ``texts`` (row-major, or
    null: every cell "?"). */
function fillTable(table, state, texts) {
  if (table.shown !== state) {
    for (const name of ["written", "read", "pending"]) {
      table.box.classList.toggle(`live-${name}`, state === name);
    }
    table.state.textContent = STATE_WORDS[state] ? `: ${STATE_WORDS[state]}` : "";
    table.shown = state;
  }
  table.cells.forEach((cells, r) => cells.forEach((cell, c) => {
    const text = texts ? texts[r * table.spec.cols + c] : "?";
    if (cell.textContent !== text) cell.textContent = text;
  }));
}

/** The rows of the example tables (one row per example: X, targets and the arrays of the
    examples, not a weight table of 4 rows): the chosen one marked, each a click target; the rows of
    the first (X) are tab stops too, chosen by Enter or Space. */
function choosableRows(tables, choose) {
  const examples = tables.filter(t => t.spec.example);
  examples.forEach((table, n) => table.rows.forEach((tr, r) => {
    tr.classList.add("live-choosable");
    tr.addEventListener("click", () => choose(r));
    if (n) return;
    tr.setAttribute("tabindex", "0");
    tr.addEventListener("keydown", event => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      choose(r);
    });
  }));
  return row => examples.forEach(table => table.rows.forEach((tr, r) => {
    if (tr.classList.contains("live-chosen") === (r === row)) return;
    tr.classList.toggle("live-chosen", r === row);
    if (r === row) tr.setAttribute("aria-current", "true");
    else tr.removeAttribute("aria-current");
  }));
}

/** For each array key, the line (1..) that writes it; the given arrays are not written. */
function writers(lines) {
  const by = {};
  lines.forEach((line, i) => line.writes.forEach(key => { by[key] = i + 1; }));
  return by;
}

/** An array's state at ``line``: given (shown, no line's), pending, written, read or shown. */
function stateAt(key, line, lines, writtenAt) {
  const at = writtenAt[key];
  if (at !== undefined && at > line) return "pending";
  if (line === 0) return "given";
  if (lines[line - 1].writes.includes(key)) return "written";
  return lines[line - 1].reads.includes(key) ? "read" : "given";
}

// --- the fields of the sentences (contract §5) -------------------------------------------------

/** Row ``k`` of a row-major array with ``width`` columns, as a plain array. */
const rowOf = (values, k, width) => Array.from(values.subarray(k * width, (k + 1) * width));

/** The block row of the iteration in ``values``: the data must hold it. */
function blockRow(values, data) {
  const j = values.iterations - data.first;
  if (!(j >= 0 && j < data.count)) {
    throw new Error(`the data holds iterations ${data.first} to ${data.first + data.count - 1}; ` +
                    `got iteration ${values.iterations}`);
  }
  return j;
}

/** Chapter 5's fields at block row ``j``: every number a template needs, looked up. */
function stepFields(values, A, j, constants) {
  const t = TEXT.step, r = values.row, at = key => A[key][j * 4 + r];
  const slope = t.slopes[values.slope];
  if (!slope) {
    throw new Error(`slope must be 'post' or 'true'; got ${JSON.stringify(values.slope)}`);
  }
  const [x0, x1, x2] = constants.inputs[r], w = rowOf(A.weights, j, 3);
  const f = {
    seed: values.seed, iteration: values.iterations, line: values.line, lines: t.lines.length,
    learning_rate: values.learning_rate, slope_name: values.slope,
    activation: ACTIVATIONS[values.slope],
    row: r, x0, x1, x2, t: constants.targets[r], w, w0: w[0], w1: w[1], w2: w[2],
    z: at("z"), y: at("output"), error: at("error"), slope_value: at("slope"), delta: at("delta"),
    update: rowOf(A.update, j, 3), new_w: rowOf(A.new_weights, j, 3), mse: A.step_mse[j],
    slope_code: slope.code,
  };
  f.slope_formula = fill(slope.formula, f);
  return said(t, f);
}

/** Chapter 7's fields at block row ``j``. */
function hiddenFields(values, A, j, constants) {
  const t = TEXT.hidden_step, r = values.row, H = values.n_hidden;
  const of = (key, width) => rowOf(A[key], j * 4 + r, width);  // row r of a (4, width) array
  const W2 = rowOf(A.W2, j, H + 1);
  const units = fill(H === 1 ? TEXT.hidden.units_one : TEXT.hidden.units_many, values);
  const f = {
    seed: values.seed, n_hidden: H, H, H1: H + 1, units, iteration: values.iterations,
    line: values.line,
    lines: t.lines.length, learning_rate: values.learning_rate, row: r, t: constants.targets[r],
    W1: rowOf(A.W1, j, 3 * H), W2, w2h: W2.slice(0, H), z1: of("z1", H), h: of("hidden", H),
    z2: of("z2", 1)[0], y: of("output", 1)[0], error: of("error", 1)[0], slope2: of("slope2", 1)[0],
    delta2: of("delta2", 1)[0], back: of("back", H), slope1: of("slope1", H),
    delta1: of("delta1", H),
    dW2: rowOf(A.dW2, j, H + 1), new_W2: rowOf(A.new_W2, j, H + 1), dW1: rowOf(A.dW1, j, 3 * H),
    new_W1: rowOf(A.new_W1, j, 3 * H), mse: A.step_mse[j],
  };
  return said(t, f);
}

/** The fields ``spoken`` and ``said``: the current line's sentence, or at line 0 the one before. */
function said(t, f) {
  f.spoken = f.line ? fill(t.lines[f.line - 1].spoken, f) : "";
  f.said = fill(f.line ? t.said : t.before, f);
  return f;
}

// --- the builder ------------------------------------------------------------------------------

/** The data's arrays as float64 (made once per data). */
function arraysOf(state, data, specs) {
  if (state.arraysOf === data) return state.arrays;
  const arrays = {step_mse: floats(data.step_mse)};
  for (const spec of specs) {
    const key = spec.data ?? spec.key;
    if (!spec.given) arrays[key] = floats(data[key]);
  }
  Object.assign(state, {arraysOf: data, arrays});
  return arrays;
}

/** The numbers a table shows at block row ``j``. */
function tableValues(spec, A, j, constants) {
  if (spec.key === "X") return constants.inputs.flat();
  if (spec.key === "targets") return constants.targets;
  const size = spec.rows * spec.cols;
  return A[spec.data ?? spec.key].subarray(j * size, (j + 1) * size);
}

/** A table's numbers at block row ``j`` as shown (the inputs and targets whole), formatted once
    per data and row: a move to another line of the same iteration shows the same texts. */
function formatted(table, A, j, constants) {
  if (table.textsOf !== A || table.textsAt !== j) {
    const digits = table.spec.given ? 0 : DIGITS;
    table.texts = Array.from(tableValues(table.spec, A, j, constants), v => fixed(v, digits));
    Object.assign(table, {textsOf: A, textsAt: j});
  }
  return table.texts;
}

/** The moves of the toolbar and keys, from the values last set (a move across blocks is set before
    its data comes: a second press builds on it). */
function mover(ui, state, lines, last) {
  const go = place => {
    if (!place) return;
    state.values = {...state.values, ...place};
    ui.setValues(place);
  };
  return {
    next: () => go(nextPlace(state.values, lines, last)),
    back: () => go(backPlace(state.values, lines)),
    nextStep: () => go(nextStepPlace(state.values, last)),
    reset: () => go(resetPlace(state.values)),
    choose: row => go({row}),
  };
}

const TYPING = "input[type='text'], input:not([type]), textarea, select, [contenteditable='true']";

/** The keys: n / b anywhere in the explorer (not while typing), the arrows on the code listing. */
function keys(root, list, move, disposers) {
  const anywhere = event => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest?.(TYPING)) return;
    const key = event.key.toLowerCase();
    if (key !== "n" && key !== "b") return;
    event.preventDefault();
    (key === "n" ? move.next : move.back)();
  };
  const arrows = event => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const to = {ArrowRight: move.next, ArrowDown: move.next,
                ArrowLeft: move.back, ArrowUp: move.back}[event.key];
    if (!to) return;
    event.preventDefault();
    to();
  };
  root.addEventListener("keydown", anywhere);
  list.addEventListener("keydown", arrows);
  disposers.push(() => root.removeEventListener("keydown", anywhere));
}

/** The error curve with the iteration marked, and its data table (redrawn when the iteration
    moves). */
function drawError(panel, state, constants, data, iteration) {
  const steps = constants.recorded, mse = floats(data.mse);
  if (state.step === iteration && state.data === data) return;
  Object.assign(state, {step: iteration, mse});
  if (takeRun(state, data, () => ({error: errorLimits(mse, constants.ladder)}))) {
    show(panel.chart, [steps, Array.from(mse)]);
  } else redraw(panel.chart);
  const sample = sampleSteps(constants, steps, iteration);
  const make = () => sample.map(i => [String(steps[i]), general(mse[i], 3)]);
  const rows = cachedRows(state, sample, make);
  panel.extra.update(rows, sample.indexOf(steps.indexOf(iteration)));
}

/** A step-through explorer: ``name`` (step or hidden_step), its arrays, and its fields. */
function stepThrough(name, ui, constants, specs, fieldsOf) {
  const t = TEXT[name], lines = t.lines, last = constants.last_iteration;
  const writtenAt = writers(lines);
  const root = ui.panels.parentElement ?? ui.panels;
  const top = element("div", {class: "live-step"}), grid = element("div", {class: "live-arrays"});
  const heading = element("p", {class: "live-title live-step-heading"});
  top.append(heading);
  const buttons = toolbar(top);
  const code = codeListing(top, lines, "The loop's lines: the arrow keys, or n and b, step");
  const formula = element("p", {class: "live-formula"});
  top.append(formula);
  const hint = element("p", {class: "live-hint"}, "Click a row of a table, or Tab to a row of X " +
                      "and press Enter, to choose the example the formula shows.");
  ui.panels.append(top, hint, grid);
  const tables = specs.map(spec => arrayTable(grid, spec, ui.disposers));
  const state = {values: null, limits: null, step: null, data: null, mse: null};
  const error = errorPanel(ui, constants, state);
  const move = mover(ui, state, lines.length, last);
  const choose = choosableRows(tables, move.choose);
  for (const [key, button] of Object.entries(buttons)) button.addEventListener("click", move[key]);
  keys(root, code.list, move, ui.disposers);
  return function update(values, data) {
    if (!Number.isInteger(values.line) || values.line < 0 || values.line > lines.length) {
      throw new Error(`line must be a whole number from 0 to ${lines.length}; got ${values.line}`);
    }
    state.values = {...values};
    if (data.diverged) {
      return diverged(ui, {heading, tables, formula, error, state}, values, data.diverged);
    }
    const j = blockRow(values, data), A = arraysOf(state, data, specs);
    const f = fieldsOf(values, A, j, constants);
    code.show(lines.map(line => fill(line.code, f)), values.line);
    for (const table of tables) {
      const shown = stateAt(table.spec.key, values.line, lines, writtenAt);
      fillTable(table, shown, shown === "pending" ? null : formatted(table, A, j, constants));
    }
    choose(values.row);
    showFormula(formula, values.line ? fill(lines[values.line - 1].formula, f) : "", values.row);
    drawError(error, state, constants, data, values.iterations);
    enable(buttons, values, lines.length, last, code.list);
    heading.textContent = fill(t.heading, f);
    ui.status("");
    ui.say(fill(t.alt, f));
    return {...values, ...f, activation: f.activation ?? "tanh"};
  };
}

/** The formula for the chosen row, or none (line 0, or a diverged run). */
function showFormula(formula, text, row) {
  formula.hidden = !text;
  if (!text) return formula.replaceChildren();
  formula.replaceChildren(element("span", {class: "live-formula-label"}, `Row ${row}: `),
                          element("code", {}, text));
}

/** The buttons enabled where their move goes somewhere; a focused button that is disabled hands the
    focus to the code listing (it would otherwise fall to the page). */
function enable(buttons, values, lines, last, list) {
  const goes = {next: nextPlace(values, lines, last), back: backPlace(values, lines),
                nextStep: nextStepPlace(values, last), reset: resetPlace(values)};
  let lost = false;
  for (const [key, button] of Object.entries(buttons)) {
    const disabled = !goes[key];
    if (disabled && document.activeElement === button) lost = true;
    button.disabled = disabled;
  }
  if (lost) list.focus();
}

/** A diverged run: the given arrays only, no formula, the error curve empty, TEXT.diverged said. */
function diverged(ui, {heading, tables, formula, error, state}, values, message) {
  for (const table of tables) if (!table.spec.given) fillTable(table, "pending", null);
  showFormula(formula, "", values.row);
  Object.assign(state, {data: null, step: null});
  show(error.chart, [error.chart.data[0], error.chart.data[0].map(() => null)]);
  heading.textContent = TEXT.diverged.heading;
  ui.status(fill(TEXT.diverged.status, {message}));
  ui.say(fill(TEXT.diverged.alt, {message}));
  return {...values, activation: ACTIVATIONS[values.slope] ?? "tanh"};
}

/** Chapter 5: one iteration of the one-layer loop, line by line (seed, iteration, learning rate,
    the post's or the true slope). */
export function step(ui, constants) {
  return stepThrough("step", ui, constants, stepArrays(), stepFields);
}

/** Chapter 7: one iteration of the two-layer loop, line by line; the tables follow ``n_hidden``
    (made again when it changes). */
export function hidden_step(ui, constants) {
  let made = null, H = null, own = null;
  const dispose = () => own?.disposers.splice(0).forEach(disposer => disposer());
  ui.disposers.push(dispose);
  return function update(values, data) {
    if (values.n_hidden !== H) {
      dispose();  // the old tables' watchers, chart and keys
      ui.panels.replaceChildren();
      ui.panels.charts = [];
      own = Object.create(ui);  // ui itself (its setValues is set after the build), own disposers
      own.disposers = [];
      H = values.n_hidden;
      made = stepThrough("hidden_step", own, constants, hiddenArrays(H), hiddenFields);
    }
    return made(values, data);
  };
}

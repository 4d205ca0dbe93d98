// generated from web/live by tools/build_js.py; do not edit

// ../helpers/explorer_text.json
var explorer_text_default = {
  _about: "Every sentence the explorers show, in one place: the JavaScript renderer (web/live/texts.js) and Python (helpers/explorers.py, for the snapshot's alt text and `reproduce`) fill the same templates. Syntax: Python's str.format with {name}, {name!r} (Python repr: 'tanh', 1.0), {name:.Nf} and {name:.Ng}; a list is formatted item by item and joined with ', '; {{ and }} are literal braces.",
  threshold: 0.5,
  training: {
    stable_rate: 1,
    heading: "Error after {iterations} steps: {mse:.2g}",
    alt: "Three panels for seed {seed}, activation {activation}, learning rate {learning_rate!r} and {scheme} initial weights. Error panel: the mean squared error over {last_step} training steps, {mse:.2g} at step {iterations}. Weights panel: the three weights over the same steps; at step {iterations} they are {weights:.2f}. Outputs panel: the outputs for the four training inputs and the three unseen ones: {outputs:.2f}.",
    chaos_note: "Above learning rate 1 training can be chaotic: the last digit of any number can change the whole run, so the book's site and its notebooks agree on what the run does (settle or keep swinging), not always on its exact numbers.",
    reproduce: 'from helpers import network\n\nweights = network.initial_weights({seed}, {scheme!r})\nhistory = network.train(network.POST_INPUTS, network.POST_TARGETS,\n                        weights, {activation!r}, {iterations},\n                        {learning_rate!r})\nprint(f"error {{history.mean_squared_error[-1]:.2g}}")\nprint("weights", history.weights[-1].round(2))'
  },
  activation: {
    heading: "{activation}({z:.1f}) = {y:.3f}, slope {slope:.3f}",
    alt: "Activation panel: the {activation} curve with its tangent line at input {z:.1f}, where the output is {y:.3f} and the slope is {slope:.3f}. Slope panel: the slope of {activation} at every input, with the point at {z:.1f} marked.",
    reproduce: 'from helpers import network\n\nf = network.get_activation({activation!r}).function\nprint(f"{{f({z!r}):.3f}}", f"{{network.derivative({activation!r}, {z!r}):.3f}}")'
  },
  seed: {
    heading: "seed {seed}, {scheme} scheme",
    alt: "Bar chart of the three starting weights for seed {seed} with the {scheme} scheme: {weights:.3f}.",
    reproduce: "from helpers import network\n\nprint(network.initial_weights({seed}, {scheme!r}).ravel().round(3))"
  },
  prediction: {
    heading: "input [{x1:.1f}, {x2:.1f}, {x3:.1f}]",
    row: "{label}: z = {z:.2f}, output {output:.3f}",
    part: "the {label} gives weighted sum {z:.2f} and output {output:.3f}",
    alt: "For the input [{x1:.1f}, {x2:.1f}, {x3:.1f}], {parts}. A dashed line marks 0.5.",
    reproduce: `import numpy as np
from helpers import network

weights = network.initial_weights(network.POST_SEED, 'post')
x = np.array([{x1!r}, {x2!r}, {x3!r}])
for activation, rate in [('post_tanh', 1.0), ('tanh', 0.5)]:
    w = network.train(network.POST_INPUTS, network.POST_TARGETS, weights,
                      activation, 10_000, rate).weights[-1]
    print(activation, f"{{x @ w:.2f}}",
          f"{{network.predict(x, w[:, None], activation)[0]:.3f}}")`
  },
  hidden: {
    stable_rate: 0.5,
    heading: "Error after {iterations} steps: {mse:.2g}",
    units_one: "1 hidden unit",
    units_many: "{n_hidden} hidden units",
    solved: "Solves XOR after {iterations} steps: every output is on its target's side of 0.5.",
    unsolved: "Does not solve XOR after {iterations} steps: the outputs for {wrong} are on the wrong side of 0.5.",
    alt: "Three panels for seed {seed}, {units}, activation {activation} and learning rate {learning_rate!r}. Error panel: the mean squared error over {last_step} training steps, {mse:.2g} at step {iterations}. Outputs panel: the outputs for the four XOR inputs {labels}, targets {targets}: {outputs:.2f}. Unit square panel: the four inputs and, for each hidden unit, the line where its weighted sum is 0. {verdict}",
    chaos_note: "Above learning rate 0.5 this network's training can be chaotic: the last digit of any number can change the whole run, so the book's site and its notebooks agree on what the run does, not always on its numbers.",
    reproduce: 'from helpers import hidden\n\nW1, W2 = hidden.initial_hidden_weights({seed}, {n_hidden})\nhistory = hidden.train_hidden(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2,\n                              {activation!r}, {iterations}, {learning_rate!r})\nW1, W2 = history.W1[-1], history.W2[-1]\nprint(f"error {{history.mean_squared_error[-1]:.2g}}")\nprint("solves XOR:", hidden.solves(hidden.XOR_INPUTS, hidden.XOR_TARGETS,\n                                   W1, W2, {activation!r}))'
  },
  step: {
    heading: "Iteration {iteration}, line {line} of {lines}; mean squared error {mse:.2g}",
    alt: "Iteration {iteration} of seed {seed}, {slope_name} slope, learning rate {learning_rate!r}. {said}",
    before: "Before line 1 of {lines}: the weights w are {w:.4f}; press Next to run line 1.",
    said: "Line {line} of {lines}: {spoken}",
    slopes: {
      true: {
        name: "true",
        code: "1 - y**2",
        formula: "1 - y[{row}]**2 = 1 - ({y:.4f})**2 = {slope_value:.4f}"
      },
      post: {
        name: "post's",
        code: "1 - np.tanh(4 * y)",
        formula: "1 - tanh(4 × y[{row}]) = 1 - tanh(4 × ({y:.4f})) = {slope_value:.4f}"
      }
    },
    lines: [
      {
        code: "y = np.tanh(X @ w)",
        post: "hidden_layer = tanh(np.dot(input_layer, synapse))",
        reads: [
          "X",
          "w"
        ],
        writes: [
          "z",
          "output"
        ],
        spoken: "y = tanh of X times w, shape 4 by 1; for row {row}, {y:.4f}.",
        formula: "z[{row}] = X[{row}] @ w = {x0:.0f} × ({w0:.4f}) + {x1:.0f} × ({w1:.4f}) + {x2:.0f} × ({w2:.4f}) = {z:.4f}; y[{row}] = tanh({z:.4f}) = {y:.4f}"
      },
      {
        code: "error = targets - y",
        post: "hidden_error = outputs - hidden_layer",
        reads: [
          "targets",
          "output"
        ],
        writes: [
          "error"
        ],
        spoken: "error = targets minus y, shape 4 by 1; for row {row}, {error:.4f}.",
        formula: "error[{row}] = targets[{row}] - y[{row}] = {t:.0f} - ({y:.4f}) = {error:.4f}"
      },
      {
        code: "delta = error * ({slope_code})",
        post: "hidden_delta = hidden_error * tanh(hidden_layer, True)",
        reads: [
          "error",
          "output"
        ],
        writes: [
          "slope",
          "delta"
        ],
        spoken: "delta = error times the {slope_name} slope at y, shape 4 by 1; for row {row}, {delta:.4f}.",
        formula: "slope[{row}] = {slope_formula}; delta[{row}] = error[{row}] × slope[{row}] = {error:.4f} × {slope_value:.4f} = {delta:.4f}"
      },
      {
        code: "w += learning_rate * X.T @ delta",
        post: "synapse += np.dot(input_layer.T, hidden_delta)",
        reads: [
          "X",
          "delta"
        ],
        writes: [
          "update",
          "new_weights"
        ],
        spoken: "w plus learning rate times X transposed times delta, shape 3 by 1; w becomes {new_w:.4f}.",
        formula: "update = {learning_rate!r} × X.T @ delta = [{update:.4f}], to which row {row} adds {learning_rate!r} × {delta:.4f} × [{x0:.0f}, {x1:.0f}, {x2:.0f}]; w = [{w:.4f}] + update = [{new_w:.4f}]"
      }
    ],
    reproduce: "from helpers import network\n\nweights = network.initial_weights({seed}, 'post')\nhistory = network.train(network.POST_INPUTS, network.POST_TARGETS, weights,\n                        {activation!r}, {iterations}, {learning_rate!r})\nstep = network.step(network.POST_INPUTS, network.POST_TARGETS,\n                    history.final_weights, {activation!r}, {learning_rate!r})\nfor name in ('output', 'error', 'slope', 'delta', 'update', 'new_weights'):\n    print(name, getattr(step, name).ravel().round(4))"
  },
  hidden_step: {
    heading: "Iteration {iteration}, line {line} of {lines}; mean squared error {mse:.2g}",
    alt: "Iteration {iteration} of seed {seed}, {units}, learning rate {learning_rate!r}. {said}",
    before: "Before line 1 of {lines}: W1 is {W1:.4f} (row by row) and W2 is {W2:.4f}; press Next to run line 1.",
    said: "Line {line} of {lines}: {spoken}",
    lines: [
      {
        code: "h = np.tanh(X @ W1)",
        reads: [
          "X",
          "W1"
        ],
        writes: [
          "z1",
          "hidden"
        ],
        spoken: "h = tanh of X times W1, shape 4 by {H}; for row {row}, {h:.4f}.",
        formula: "z1[{row}] = X[{row}] @ W1 = [{z1:.4f}]; h[{row}] = tanh(z1[{row}]) = [{h:.4f}]"
      },
      {
        code: "y = np.tanh(np.hstack([h, ones]) @ W2)",
        reads: [
          "hidden",
          "W2"
        ],
        writes: [
          "z2",
          "output"
        ],
        spoken: "y = tanh of h with a column of ones times W2, shape 4 by 1; for row {row}, {y:.4f}.",
        formula: "z2[{row}] = [h[{row}], 1] @ W2 = {z2:.4f}; y[{row}] = tanh({z2:.4f}) = {y:.4f}"
      },
      {
        code: "error = targets - y",
        reads: [
          "targets",
          "output"
        ],
        writes: [
          "error"
        ],
        spoken: "error = targets minus y, shape 4 by 1; for row {row}, {error:.4f}.",
        formula: "error[{row}] = targets[{row}] - y[{row}] = {t:.0f} - ({y:.4f}) = {error:.4f}"
      },
      {
        code: "delta2 = error * (1 - y**2)",
        reads: [
          "error",
          "output"
        ],
        writes: [
          "slope2",
          "delta2"
        ],
        spoken: "delta2 = error times the slope at y, shape 4 by 1; for row {row}, {delta2:.4f}.",
        formula: "delta2[{row}] = error[{row}] × (1 - y[{row}]**2) = {error:.4f} × {slope2:.4f} = {delta2:.4f}"
      },
      {
        code: "delta1 = (delta2 @ W2[:-1].T) * (1 - h**2)",
        reads: [
          "delta2",
          "W2",
          "hidden"
        ],
        writes: [
          "back",
          "slope1",
          "delta1"
        ],
        spoken: "delta1 = delta2 sent back through W2, times the slope at h, shape 4 by {H}; for row {row}, {delta1:.4f}.",
        formula: "delta2[{row}] × W2[:-1].T = {delta2:.4f} × [{w2h:.4f}] = [{back:.4f}]; times 1 - h[{row}]**2 = [{slope1:.4f}] gives delta1[{row}] = [{delta1:.4f}]"
      },
      {
        code: "W2 += learning_rate * np.hstack([h, ones]).T @ delta2",
        reads: [
          "hidden",
          "delta2"
        ],
        writes: [
          "dW2",
          "new_W2"
        ],
        spoken: "W2 plus learning rate times h with ones, transposed, times delta2, shape {H1} by 1; W2 becomes {new_W2:.4f}.",
        formula: "update = {learning_rate!r} × [h, 1].T @ delta2 = [{dW2:.4f}]; W2 = [{W2:.4f}] + update = [{new_W2:.4f}]"
      },
      {
        code: "W1 += learning_rate * X.T @ delta1",
        reads: [
          "X",
          "delta1"
        ],
        writes: [
          "dW1",
          "new_W1"
        ],
        spoken: "W1 plus learning rate times X transposed times delta1, shape 3 by {H}; W1 becomes {new_W1:.4f}, row by row.",
        formula: "update = {learning_rate!r} × X.T @ delta1 = [{dW1:.4f}], to which row {row} adds {learning_rate!r} × X[{row}] × delta1[{row}]; W1 = W1 + update = [{new_W1:.4f}]"
      }
    ],
    reproduce: "from helpers import hidden\n\nW1, W2 = hidden.initial_hidden_weights({seed}, {n_hidden})\nhistory = hidden.train_hidden(hidden.XOR_INPUTS, hidden.XOR_TARGETS, W1, W2,\n                              'tanh', {iterations}, {learning_rate!r})\nstep = hidden.step(hidden.XOR_INPUTS, hidden.XOR_TARGETS, history.final_W1,\n                   history.final_W2, 'tanh', {learning_rate!r})\nfor name in ('hidden', 'output', 'delta2', 'delta1', 'dW2', 'dW1'):\n    print(name, getattr(step, name).round(4))"
  },
  diverged: {
    heading: "This run diverged",
    status: "Nothing to plot: {message}.",
    alt: "Empty panels: this run diverged. {message}."
  },
  caption: {
    site: "Live: computed in this page by the JavaScript twin of the book's Python helpers, with the same numbers.",
    site_training: "Live: computed in this page by the JavaScript twin of the book's Python helpers, with the same numbers, except where a run is chaotic (learning rate above 1).",
    site_hidden: "Live: computed in this page by the JavaScript twin of the book's Python helpers: the same starting weights and the same steps, agreeing to about 1e-15 a step. A run that sits on a plateau and then leaves it suddenly magnifies that last-digit difference, so after such a jump the numbers can differ from the notebook's in the third digit; whether the run solves XOR agrees, except where a run is chaotic (learning rate above 0.5).",
    jupyter: "Live: computed by the book's Python helpers in this notebook's kernel.",
    snapshot: "A snapshot of the explorer at its starting values."
  }
};

// live/format.js
function exactDecimal(size) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, size);
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n & 0x7ffn);
  const fraction = bits & (1n << 52n) - 1n;
  const mantissa = biased ? fraction | 1n << 52n : fraction;
  const power = (biased || 1) - 1075;
  if (power >= 0) return { whole: mantissa << BigInt(power), scale: 0 };
  return { whole: mantissa * 5n ** BigInt(-power), scale: -power };
}
function roundHalfEven({ whole: whole2, scale }, keep) {
  if (keep >= scale) return whole2 * 10n ** BigInt(keep - scale);
  const unit = 10n ** BigInt(scale - keep);
  let kept = whole2 / unit;
  const twice = 2n * (whole2 % unit);
  if (twice > unit || twice === unit && kept % 2n === 1n) kept += 1n;
  return kept;
}
function pointed(digits, places) {
  const text = digits.toString().padStart(places + 1, "0");
  return places ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
}
var signOf = (x) => x < 0 || Object.is(x, -0) ? "-" : "";
function notFinite(x) {
  return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
}
function exponentText(power) {
  return `e${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}
function fixed(x, digits) {
  if (!Number.isFinite(x)) return notFinite(x);
  const size = Math.abs(x);
  const digitsText = size === 0 ? 0n : roundHalfEven(exactDecimal(size), digits);
  return signOf(x) + pointed(digitsText, digits);
}
function leadingPower(exact, precision) {
  const power = exact.whole.toString().length - 1 - exact.scale;
  const rounded = roundHalfEven(exact, precision - 1 - power);
  return rounded.toString().length > precision ? power + 1 : power;
}
var stripZeros = (text) => text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
function general(x, precision) {
  if (!Number.isFinite(x)) return notFinite(x);
  const sign2 = signOf(x);
  if (x === 0) return `${sign2}0`;
  const digits = Math.max(precision, 1);
  const exact = exactDecimal(Math.abs(x));
  const power = leadingPower(exact, digits);
  const rounded = roundHalfEven(exact, digits - 1 - power);
  if (power >= -4 && power < digits) return sign2 + stripZeros(pointed(rounded, digits - 1 - power));
  return sign2 + stripZeros(pointed(rounded, digits - 1)) + exponentText(power);
}
function pyFloat(x) {
  if (!Number.isFinite(x)) return notFinite(x);
  if (x === 0) return `${signOf(x)}0.0`;
  const [mantissa, exponent] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", ""), power = Number(exponent);
  let text;
  if (power < -4 || power >= 16) text = stripZeros(pointed(BigInt(digits), digits.length - 1)) + exponentText(power);
  else if (power < 0) text = `0.${"0".repeat(-power - 1)}${digits}`;
  else if (power >= digits.length - 1) text = `${digits}${"0".repeat(power - digits.length + 1)}.0`;
  else text = `${digits.slice(0, power + 1)}.${digits.slice(power + 1)}`;
  return signOf(x) + text;
}
var SUPERSCRIPTS = {
  "-": "⁻",
  0: "⁰",
  1: "¹",
  2: "²",
  3: "³",
  4: "⁴",
  5: "⁵",
  6: "⁶",
  7: "⁷",
  8: "⁸",
  9: "⁹"
};
var powerOfTenLabel = (v) => {
  if (v == null) return "";
  const power = String(Math.round(Math.log10(v)));
  return `10${[...power].map((c) => SUPERSCRIPTS[c]).join("")}`;
};
function readWhole(text, control2) {
  const range = `from ${control2.low} to ${control2.high}`;
  const trimmed = text.trim();
  if (trimmed === "") return { error: `${control2.label} must be a whole number ${range}; the box is empty` };
  if (!/^[+-]?\d+$/.test(trimmed)) return { error: `${control2.label} must be a whole number ${range}; got ${trimmed}` };
  const value = Number(trimmed) + 0;
  if (value < control2.low || value > control2.high) return { error: `${control2.label} must be ${range}; got ${trimmed}` };
  return { value };
}

// live/texts.js
var FIELD = /\{\{|\}\}|\{([A-Za-z_]\w*)(!r)?(?::\.(\d)([fg]))?\}|[{}]/g;
var isList = (value) => Array.isArray(value) || ArrayBuffer.isView(value);
function repr(value) {
  if (typeof value === "string") {
    if (/['\\]/.test(value)) throw new Error(`!r takes a string without quotes or backslashes; got ${value}`);
    return `'${value}'`;
  }
  if (typeof value === "number") return pyFloat(value);
  throw new TypeError(`!r takes a string or a number; got ${value}`);
}
function written(value, conversion, digits, kind) {
  if (isList(value)) return Array.from(value, (item) => written(item, conversion, digits, kind)).join(", ");
  if (conversion) return repr(value);
  if (kind) {
    if (typeof value !== "number") throw new TypeError(`{:.${digits}${kind}} needs a number; got ${value}`);
    return kind === "f" ? fixed(value, Number(digits)) : general(value, Number(digits));
  }
  if (typeof value === "string" || Number.isInteger(value)) return String(value);
  throw new TypeError(`a plain {name} takes a string or a whole number; got ${value}`);
}
function fill(template, values) {
  return template.replace(FIELD, (match, name, conversion, digits, kind) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    if (!name) throw new Error(`a lone ${match} in the template: write ${match}${match}`);
    if (!(name in values)) throw new Error(`the template needs a value for '${name}'`);
    return written(values[name], conversion, digits, kind);
  });
}

// live/access.js
var CURRENT = "live-current";
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}
var cellText = (value) => typeof value === "number" ? general(value, 4) : (value ?? "").toString();
function scrollWhenWide(wrap, table, label) {
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
function fillRow(row2, values) {
  if (row2.cells.length !== values.length) {
    row2.replaceChildren(...values.map((_2, j) => element(j ? "td" : "th")));
    row2.cells[0]?.setAttribute("scope", "row");
  }
  values.forEach((value, j) => {
    const text = cellText(value), cell = row2.cells[j];
    if (cell.textContent !== text) cell.textContent = text;
  });
}
function dataTable(parent, { caption, columns, rows = [], currentIndex = null }) {
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
  const setColumns = (names) => {
    head.replaceChildren(...names.map((name) => element("th", null, name)));
    for (const cell of head.cells) cell.setAttribute("scope", "col");
  };
  const update = (newRows, current = null) => {
    while (body.rows.length > newRows.length) body.deleteRow(-1);
    while (body.rows.length < newRows.length) body.insertRow();
    newRows.forEach((values, i) => markRow(body.rows[i], values, i === current));
  };
  setColumns(columns);
  update(rows, currentIndex);
  return { element: details, update, setColumns, dispose };
}
function markRow(row2, values, current) {
  fillRow(row2, values);
  if (current === row2.classList.contains(CURRENT)) return;
  row2.classList.toggle(CURRENT, current);
  if (current) row2.setAttribute("aria-current", "true");
  else row2.removeAttribute("aria-current");
}
function cursorOptions() {
  const none = () => null;
  return {
    show: true,
    x: true,
    y: false,
    drag: { setScale: false, x: false, y: false },
    bind: {
      mousedown: none,
      mouseup: none,
      dblclick: none,
      mousemove: none,
      mouseleave: none,
      mouseenter: none
    }
  };
}
function cursorAt(chart, i) {
  const xKey = chart.series[0].scale ?? "x";
  const along = chart.valToPos(chart.data[0][i], xKey);
  if (!Number.isFinite(along)) return null;
  let across = 0;
  for (let s = 1; s < chart.series.length; s++) {
    const value = chart.data[s]?.[i];
    const at = value == null ? NaN : chart.valToPos(value, chart.series[s].scale);
    if (chart.series[s].show !== false && Number.isFinite(at)) {
      across = Math.max(at, 0);
      break;
    }
  }
  return chart.scales[xKey].ori === 1 ? { left: across, top: along } : { left: along, top: across };
}
var KEYS = { ArrowLeft: -1, ArrowRight: 1, PageUp: -10, PageDown: 10 };
function keyTarget(key, index, count) {
  if (key in KEYS) return index + KEYS[key];
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return void 0;
}
var sentence = (text) => /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
function makeFocusable(holder, label) {
  holder.removeAttribute("aria-hidden");
  holder.setAttribute("tabindex", "0");
  holder.setAttribute("role", "group");
  holder.setAttribute("aria-roledescription", "chart");
  holder.setAttribute("aria-label", `${sentence(label)} Use the arrow keys to read its values.`);
  holder.setAttribute("data-lm-suppress-shortcuts", "true");
}
function keyboardCursor(chart, holder, { label, describe, say = () => {
} }) {
  if (!chart.cursor?.show) throw new Error("keyboardCursor needs a chart made with cursor: cursorOptions()");
  makeFocusable(holder, label);
  const readout = element("p", "live-readout");
  holder.after(readout);
  const state = { index: 0, shown: false };
  const count = () => chart.data[0]?.length ?? 0;
  const hide = () => {
    state.shown = false;
    chart.setCursor({ left: -10, top: -10 });
    readout.textContent = "";
  };
  const show2 = () => {
    const at = count() ? cursorAt(chart, state.index) : null;
    if (!at) return hide();
    state.shown = true;
    chart.setCursor(at);
    readout.textContent = describe(state.index);
  };
  const moveTo = (i) => {
    state.index = Math.min(Math.max(Math.round(i), 0), Math.max(count() - 1, 0));
    show2();
  };
  holder.addEventListener("keydown", (event) => onKey(event, { state, count, moveTo, hide, readout, say }));
  (chart.hooks.draw ??= []).push(() => state.shown && moveTo(state.index));
  return { get index() {
    return state.index;
  }, moveTo, refresh: () => refreshed(state, count, moveTo) };
}
function refreshed(state, count, moveTo) {
  if (state.shown) moveTo(state.index);
  else state.index = Math.min(state.index, Math.max(count() - 1, 0));
}
function onKey(event, { state, count, moveTo, hide, readout, say }) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (event.key === "Escape") {
    if (!state.shown) return;
    hide();
  } else {
    const target = keyTarget(event.key, state.index, count());
    if (target === void 0 || !count()) return;
    moveTo(target);
    if (state.shown) say(readout.textContent);
  }
  event.preventDefault();
  event.stopPropagation();
}

// live/controls.js
var ANNOUNCE_DELAY = 400;
function spokenLater(region, { atOnce = false } = {}) {
  const say = (message) => {
    clearTimeout(region.timer);
    if (!message || atOnce && !region.textContent) region.textContent = message;
    else if (message !== region.textContent) {
      region.timer = setTimeout(() => {
        region.textContent = message;
      }, ANNOUNCE_DELAY);
    }
  };
  say.cancel = () => clearTimeout(region.timer);
  return say;
}
function element2(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}
function pair(slider, shown) {
  const both = element2("span", { class: "live-pair" });
  both.append(slider, shown);
  return both;
}
function menu(spec, id, changed) {
  const labels = spec.labels ?? spec.options.map(String);
  if (labels.length !== spec.options.length) {
    const counts = `${labels.length} labels for ${spec.options.length} options`;
    throw new Error(`the menu ${spec.name} must have a label per option; got ${counts}`);
  }
  const select = element2("select", { id });
  spec.options.forEach((option, i) => select.append(element2("option", { value: option }, labels[i])));
  select.addEventListener("input", () => {
    changed(spec.options.find((option) => String(option) === select.value));
  });
  return { nodes: [select], set: (value) => {
    select.value = String(value);
  } };
}
function stops(spec, id, changed) {
  const slider = element2("input", { type: "range", id, min: 0, max: spec.options.length - 1, step: 1 });
  const shown = element2("output", { for: id, "aria-hidden": "true" });
  const floats2 = spec.options.some((option) => typeof option === "number" && !Number.isInteger(option));
  const show2 = () => {
    const option = spec.options[Number(slider.value)];
    const text = floats2 ? pyFloat(option) : String(option);
    shown.textContent = text;
    slider.setAttribute("aria-valuetext", text);
    return option;
  };
  slider.addEventListener("input", () => changed(show2()));
  return { nodes: [pair(slider, shown)], set: (value) => {
    slider.value = spec.options.indexOf(value);
    show2();
  } };
}
function number(spec, id, changed) {
  const slider = element2("input", { type: "range", id, min: spec.low, max: spec.high, step: spec.step });
  const shown = element2("output", { for: id, "aria-hidden": "true" });
  const show2 = () => {
    const value = Math.round(Number(slider.value) * 10) / 10;
    shown.textContent = fixed(value, 1);
    slider.setAttribute("aria-valuetext", fixed(value, 1));
    return value;
  };
  slider.addEventListener("input", () => changed(show2()));
  return { nodes: [pair(slider, shown)], set: (value) => {
    slider.value = value;
    show2();
  } };
}
function typedError(id) {
  const shown = element2("span", { class: "live-error", id: `${id}-error` });
  const spoken = element2("span", { class: "live-error-announce", "aria-live": "polite" });
  const say = spokenLater(spoken);
  const set = (message) => {
    shown.textContent = message;
    say(message);
  };
  return { nodes: [shown, spoken], set, cancel: say.cancel };
}
function whole(spec, id, changed) {
  const sliderHigh = spec.slider_high ?? spec.high;
  const slider = element2("input", { type: "range", id, min: spec.low, max: sliderHigh, step: 1 });
  const box = element2("input", {
    type: "text",
    id: `${id}-box`,
    inputmode: "numeric",
    autocomplete: "off",
    "aria-label": `${spec.label}, typed`,
    "aria-describedby": `${id}-error`,
    size: String(String(spec.high).length)
  });
  const error = typedError(id);
  const beyond = element2("span", { class: "live-beyond", id: `${id}-beyond` });
  const place = (value) => {
    slider.value = String(Math.min(value, sliderHigh));
    const past = value > sliderHigh;
    slider.classList.toggle("live-past", past);
    beyond.textContent = past ? `typed ${spec.label} ${value} is beyond the slider (${spec.low} to ${sliderHigh})` : "";
    if (past) slider.setAttribute("aria-valuetext", `${value}, typed, beyond the slider's ${sliderHigh}`);
    else slider.removeAttribute("aria-valuetext");
  };
  const valid = (value) => {
    box.removeAttribute("aria-invalid");
    error.set("");
    place(value);
    changed(value);
  };
  slider.addEventListener("input", () => {
    box.value = slider.value;
    valid(Number(slider.value));
  });
  box.addEventListener("input", () => {
    const read = readWhole(box.value, spec);
    if (!read.error) return valid(read.value);
    box.setAttribute("aria-invalid", "true");
    error.set(read.error);
  });
  const set = (value) => {
    box.value = String(value);
    place(value);
  };
  return { nodes: [slider, box, beyond, ...error.nodes], set, dispose: error.cancel };
}
var KINDS = { menu, stops, number, whole };
var SELF_DRAWN = /* @__PURE__ */ new Set(["line"]);
function control(spec, value, id, changed) {
  const row2 = element2("div", { class: "live-control" });
  row2.append(element2("label", { for: id }, spec.label));
  const made = KINDS[spec.kind](spec, id, changed);
  row2.append(...made.nodes);
  made.set(value);
  row2.set = made.set;
  row2.dispose = made.dispose ?? (() => {
  });
  return row2;
}

// node_modules/uplot/dist/uPlot.esm.js
var FEAT_TIME = true;
var pre = "u-";
var UPLOT = "uplot";
var ORI_HZ = pre + "hz";
var ORI_VT = pre + "vt";
var TITLE = pre + "title";
var WRAP = pre + "wrap";
var UNDER = pre + "under";
var OVER = pre + "over";
var AXIS = pre + "axis";
var OFF = pre + "off";
var SELECT = pre + "select";
var CURSOR_X = pre + "cursor-x";
var CURSOR_Y = pre + "cursor-y";
var CURSOR_PT = pre + "cursor-pt";
var LEGEND = pre + "legend";
var LEGEND_LIVE = pre + "live";
var LEGEND_INLINE = pre + "inline";
var LEGEND_SERIES = pre + "series";
var LEGEND_MARKER = pre + "marker";
var LEGEND_LABEL = pre + "label";
var LEGEND_VALUE = pre + "value";
var WIDTH = "width";
var HEIGHT = "height";
var TOP = "top";
var BOTTOM = "bottom";
var LEFT = "left";
var RIGHT = "right";
var hexBlack = "#000";
var transparent = hexBlack + "0";
var mousemove = "mousemove";
var mousedown = "mousedown";
var mouseup = "mouseup";
var mouseenter = "mouseenter";
var mouseleave = "mouseleave";
var dblclick = "dblclick";
var resize = "resize";
var scroll = "scroll";
var change = "change";
var dppxchange = "dppxchange";
var LEGEND_DISP = "--";
var domEnv = typeof window != "undefined";
var doc = domEnv ? document : null;
var win = domEnv ? window : null;
var nav = domEnv ? navigator : null;
var pxRatio;
var query;
function setPxRatio() {
  let _pxRatio = devicePixelRatio;
  if (pxRatio != _pxRatio) {
    pxRatio = _pxRatio;
    query && off(change, query, setPxRatio);
    query = matchMedia(`(min-resolution: ${pxRatio - 1e-3}dppx) and (max-resolution: ${pxRatio + 1e-3}dppx)`);
    on(change, query, setPxRatio);
    win.dispatchEvent(new CustomEvent(dppxchange));
  }
}
function addClass(el, c) {
  if (c != null) {
    let cl = el.classList;
    !cl.contains(c) && cl.add(c);
  }
}
function remClass(el, c) {
  let cl = el.classList;
  cl.contains(c) && cl.remove(c);
}
function setStylePx(el, name, value) {
  el.style[name] = value + "px";
}
function placeTag(tag, cls, targ, refEl) {
  let el = doc.createElement(tag);
  if (cls != null)
    addClass(el, cls);
  if (targ != null)
    targ.insertBefore(el, refEl);
  return el;
}
function placeDiv(cls, targ) {
  return placeTag("div", cls, targ);
}
var xformCache = /* @__PURE__ */ new WeakMap();
function elTrans(el, xPos, yPos, xMax, yMax) {
  let xform = "translate(" + xPos + "px," + yPos + "px)";
  let xformOld = xformCache.get(el);
  if (xform != xformOld) {
    el.style.transform = xform;
    xformCache.set(el, xform);
    if (xPos < 0 || yPos < 0 || xPos > xMax || yPos > yMax)
      addClass(el, OFF);
    else
      remClass(el, OFF);
  }
}
var colorCache = /* @__PURE__ */ new WeakMap();
function elColor(el, background, borderColor) {
  let newColor = background + borderColor;
  let oldColor = colorCache.get(el);
  if (newColor != oldColor) {
    colorCache.set(el, newColor);
    el.style.background = background;
    el.style.borderColor = borderColor;
  }
}
var sizeCache = /* @__PURE__ */ new WeakMap();
function elSize(el, newWid, newHgt, centered) {
  let newSize = newWid + "" + newHgt;
  let oldSize = sizeCache.get(el);
  if (newSize != oldSize) {
    sizeCache.set(el, newSize);
    el.style.height = newHgt + "px";
    el.style.width = newWid + "px";
    el.style.marginLeft = centered ? -newWid / 2 + "px" : 0;
    el.style.marginTop = centered ? -newHgt / 2 + "px" : 0;
  }
}
var evOpts = { passive: true };
var evOpts2 = { ...evOpts, capture: true };
function on(ev, el, cb, capt) {
  el.addEventListener(ev, cb, capt ? evOpts2 : evOpts);
}
function off(ev, el, cb, capt) {
  el.removeEventListener(ev, cb, evOpts);
}
domEnv && setPxRatio();
function closestIdx(num, arr, lo, hi) {
  let mid;
  lo = lo || 0;
  hi = hi || arr.length - 1;
  let bitwise = hi <= 2147483647;
  while (hi - lo > 1) {
    mid = bitwise ? lo + hi >> 1 : floor((lo + hi) / 2);
    if (arr[mid] < num)
      lo = mid;
    else
      hi = mid;
  }
  if (num - arr[lo] <= arr[hi] - num)
    return lo;
  return hi;
}
function makeIndexOfs(predicate) {
  let indexOfs = (data, _i0, _i1) => {
    let i0 = -1;
    let i1 = -1;
    for (let i = _i0; i <= _i1; i++) {
      if (predicate(data[i])) {
        i0 = i;
        break;
      }
    }
    for (let i = _i1; i >= _i0; i--) {
      if (predicate(data[i])) {
        i1 = i;
        break;
      }
    }
    return [i0, i1];
  };
  return indexOfs;
}
var notNullish = (v) => v != null;
var isPositive = (v) => v != null && v > 0;
var nonNullIdxs = makeIndexOfs(notNullish);
var positiveIdxs = makeIndexOfs(isPositive);
function getMinMax(data, _i0, _i1, sorted = 0, log = false) {
  let getEdgeIdxs = log ? positiveIdxs : nonNullIdxs;
  let predicate = log ? isPositive : notNullish;
  [_i0, _i1] = getEdgeIdxs(data, _i0, _i1);
  let _min = data[_i0];
  let _max = data[_i0];
  if (_i0 > -1) {
    if (sorted == 1) {
      _min = data[_i0];
      _max = data[_i1];
    } else if (sorted == -1) {
      _min = data[_i1];
      _max = data[_i0];
    } else {
      for (let i = _i0; i <= _i1; i++) {
        let v = data[i];
        if (predicate(v)) {
          if (v < _min)
            _min = v;
          else if (v > _max)
            _max = v;
        }
      }
    }
  }
  return [_min ?? inf, _max ?? -inf];
}
function rangeLog(min2, max2, base, fullMags) {
  let minSign = sign(min2);
  let maxSign = sign(max2);
  if (min2 == max2) {
    if (minSign == -1) {
      min2 *= base;
      max2 /= base;
    } else {
      min2 /= base;
      max2 *= base;
    }
  }
  let logFn = base == 10 ? log10 : log2;
  let growMinAbs = minSign == 1 ? floor : ceil;
  let growMaxAbs = maxSign == 1 ? ceil : floor;
  let minExp = growMinAbs(logFn(abs(min2)));
  let maxExp = growMaxAbs(logFn(abs(max2)));
  let minIncr = pow(base, minExp);
  let maxIncr = pow(base, maxExp);
  if (base == 10) {
    if (minExp < 0)
      minIncr = roundDec(minIncr, -minExp);
    if (maxExp < 0)
      maxIncr = roundDec(maxIncr, -maxExp);
  }
  if (fullMags || base == 2) {
    min2 = minIncr * minSign;
    max2 = maxIncr * maxSign;
  } else {
    min2 = incrRoundDn(min2, minIncr);
    max2 = incrRoundUp(max2, maxIncr);
  }
  return [min2, max2];
}
function rangeAsinh(min2, max2, base, fullMags) {
  let minMax = rangeLog(min2, max2, base, fullMags);
  if (min2 == 0)
    minMax[0] = 0;
  if (max2 == 0)
    minMax[1] = 0;
  return minMax;
}
var rangePad = 0.1;
var autoRangePart = {
  mode: 3,
  pad: rangePad
};
var _eqRangePart = {
  pad: 0,
  soft: null,
  mode: 0
};
var _eqRange = {
  min: _eqRangePart,
  max: _eqRangePart
};
function rangeNum(_min, _max, mult, extra) {
  if (isObj(mult))
    return _rangeNum(_min, _max, mult);
  _eqRangePart.pad = mult;
  _eqRangePart.soft = extra ? 0 : null;
  _eqRangePart.mode = extra ? 3 : 0;
  return _rangeNum(_min, _max, _eqRange);
}
function ifNull(lh, rh) {
  return lh == null ? rh : lh;
}
function hasData(data, idx0, idx1) {
  idx0 = ifNull(idx0, 0);
  idx1 = ifNull(idx1, data.length - 1);
  while (idx0 <= idx1) {
    if (data[idx0] != null)
      return true;
    idx0++;
  }
  return false;
}
function _rangeNum(_min, _max, cfg) {
  let cmin = cfg.min;
  let cmax = cfg.max;
  let padMin = ifNull(cmin.pad, 0);
  let padMax = ifNull(cmax.pad, 0);
  let hardMin = ifNull(cmin.hard, -inf);
  let hardMax = ifNull(cmax.hard, inf);
  let softMin = ifNull(cmin.soft, inf);
  let softMax = ifNull(cmax.soft, -inf);
  let softMinMode = ifNull(cmin.mode, 0);
  let softMaxMode = ifNull(cmax.mode, 0);
  let delta = _max - _min;
  let deltaMag = log10(delta);
  let scalarMax = max(abs(_min), abs(_max));
  let scalarMag = log10(scalarMax);
  let scalarMagDelta = abs(scalarMag - deltaMag);
  if (delta < 1e-24 || scalarMagDelta > 10) {
    delta = 0;
    if (_min == 0 || _max == 0) {
      delta = 1e-24;
      if (softMinMode == 2 && softMin != inf)
        padMin = 0;
      if (softMaxMode == 2 && softMax != -inf)
        padMax = 0;
    }
  }
  let nonZeroDelta = delta || scalarMax || 1e3;
  let mag = log10(nonZeroDelta);
  let base = pow(10, floor(mag));
  let _padMin = nonZeroDelta * (delta == 0 ? _min == 0 ? 0.1 : 1 : padMin);
  let _newMin = roundDec(incrRoundDn(_min - _padMin, base / 10), 24);
  let _softMin = _min >= softMin && (softMinMode == 1 || softMinMode == 3 && _newMin <= softMin || softMinMode == 2 && _newMin >= softMin) ? softMin : inf;
  let minLim = max(hardMin, _newMin < _softMin && _min >= _softMin ? _softMin : min(_softMin, _newMin));
  let _padMax = nonZeroDelta * (delta == 0 ? _max == 0 ? 0.1 : 1 : padMax);
  let _newMax = roundDec(incrRoundUp(_max + _padMax, base / 10), 24);
  let _softMax = _max <= softMax && (softMaxMode == 1 || softMaxMode == 3 && _newMax >= softMax || softMaxMode == 2 && _newMax <= softMax) ? softMax : -inf;
  let maxLim = min(hardMax, _newMax > _softMax && _max <= _softMax ? _softMax : max(_softMax, _newMax));
  if (minLim == maxLim && minLim == 0)
    maxLim = 100;
  return [minLim, maxLim];
}
var numFormatter = new Intl.NumberFormat(domEnv ? nav.language : "en-US");
var fmtNum = (val) => numFormatter.format(val);
var M = Math;
var PI = M.PI;
var abs = M.abs;
var floor = M.floor;
var round = M.round;
var ceil = M.ceil;
var min = M.min;
var max = M.max;
var pow = M.pow;
var sign = M.sign;
var log10 = M.log10;
var log2 = M.log2;
var sinh = (v, linthresh = 1) => M.sinh(v) * linthresh;
var asinh = (v, linthresh = 1) => M.asinh(v / linthresh);
var inf = Infinity;
function numIntDigits(x) {
  return (log10((x ^ x >> 31) - (x >> 31)) | 0) + 1;
}
function clamp(num, _min, _max) {
  return min(max(num, _min), _max);
}
function isFn(v) {
  return typeof v == "function";
}
function fnOrSelf(v) {
  return isFn(v) ? v : () => v;
}
var noop = () => {
};
var retArg0 = (_0) => _0;
var retArg1 = (_0, _1) => _1;
var retNull = (_2) => null;
var retTrue = (_2) => true;
var retEq = (a, b) => a == b;
var regex6 = /\.\d*?(?=9{6,}|0{6,})/gm;
var fixFloat = (val) => {
  if (isInt(val) || fixedDec.has(val))
    return val;
  const str = `${val}`;
  const match = str.match(regex6);
  if (match == null)
    return val;
  let len = match[0].length - 1;
  if (str.indexOf("e-") != -1) {
    let [num, exp] = str.split("e");
    return +`${fixFloat(num)}e${exp}`;
  }
  return roundDec(val, len);
};
function incrRound(num, incr) {
  return fixFloat(roundDec(fixFloat(num / incr)) * incr);
}
function incrRoundUp(num, incr) {
  return fixFloat(ceil(fixFloat(num / incr)) * incr);
}
function incrRoundDn(num, incr) {
  return fixFloat(floor(fixFloat(num / incr)) * incr);
}
function roundDec(val, dec = 0) {
  if (isInt(val))
    return val;
  let p = 10 ** dec;
  let n = val * p * (1 + Number.EPSILON);
  return round(n) / p;
}
var fixedDec = /* @__PURE__ */ new Map();
function guessDec(num) {
  return (("" + num).split(".")[1] || "").length;
}
function genIncrs(base, minExp, maxExp, mults) {
  let incrs = [];
  let multDec = mults.map(guessDec);
  for (let exp = minExp; exp < maxExp; exp++) {
    let expa = abs(exp);
    let mag = roundDec(pow(base, exp), expa);
    for (let i = 0; i < mults.length; i++) {
      let _incr = base == 10 ? +`${mults[i]}e${exp}` : mults[i] * mag;
      let dec = (exp >= 0 ? 0 : expa) + (exp >= multDec[i] ? 0 : multDec[i]);
      let incr = base == 10 ? _incr : roundDec(_incr, dec);
      incrs.push(incr);
      fixedDec.set(incr, dec);
    }
  }
  return incrs;
}
var EMPTY_OBJ = {};
var EMPTY_ARR = [];
var nullNullTuple = [null, null];
var isArr = Array.isArray;
var isInt = Number.isInteger;
var isUndef = (v) => v === void 0;
function isStr(v) {
  return typeof v == "string";
}
function isObj(v) {
  let is = false;
  if (v != null) {
    let c = v.constructor;
    is = c == null || c == Object;
  }
  return is;
}
function fastIsObj(v) {
  return v != null && typeof v == "object";
}
var TypedArray = Object.getPrototypeOf(Uint8Array);
var __proto__ = "__proto__";
function copy(o, _isObj = isObj) {
  let out;
  if (isArr(o)) {
    let val = o.find((v) => v != null);
    if (isArr(val) || _isObj(val)) {
      out = Array(o.length);
      for (let i = 0; i < o.length; i++)
        out[i] = copy(o[i], _isObj);
    } else
      out = o.slice();
  } else if (o instanceof TypedArray)
    out = o.slice();
  else if (_isObj(o)) {
    out = {};
    for (let k in o) {
      if (k != __proto__)
        out[k] = copy(o[k], _isObj);
    }
  } else
    out = o;
  return out;
}
function assign(targ) {
  let args = arguments;
  for (let i = 1; i < args.length; i++) {
    let src = args[i];
    for (let key in src) {
      if (key != __proto__) {
        if (isObj(targ[key]))
          assign(targ[key], copy(src[key]));
        else
          targ[key] = copy(src[key]);
      }
    }
  }
  return targ;
}
var NULL_REMOVE = 0;
var NULL_RETAIN = 1;
var NULL_EXPAND = 2;
function nullExpand(yVals, nullIdxs, alignedLen) {
  for (let i = 0, xi, lastNullIdx = -1; i < nullIdxs.length; i++) {
    let nullIdx = nullIdxs[i];
    if (nullIdx > lastNullIdx) {
      xi = nullIdx - 1;
      while (xi >= 0 && yVals[xi] == null)
        yVals[xi--] = null;
      xi = nullIdx + 1;
      while (xi < alignedLen && yVals[xi] == null)
        yVals[lastNullIdx = xi++] = null;
    }
  }
}
function join(tables, nullModes) {
  if (allHeadersSame(tables)) {
    let table = tables[0].slice();
    for (let i = 1; i < tables.length; i++)
      table.push(...tables[i].slice(1));
    if (!isAsc(table[0]))
      table = sortCols(table);
    return table;
  }
  let xVals = /* @__PURE__ */ new Set();
  for (let ti = 0; ti < tables.length; ti++) {
    let t = tables[ti];
    let xs = t[0];
    let len = xs.length;
    for (let i = 0; i < len; i++)
      xVals.add(xs[i]);
  }
  let data = [Array.from(xVals).sort((a, b) => a - b)];
  let alignedLen = data[0].length;
  let xIdxs = /* @__PURE__ */ new Map();
  for (let i = 0; i < alignedLen; i++)
    xIdxs.set(data[0][i], i);
  for (let ti = 0; ti < tables.length; ti++) {
    let t = tables[ti];
    let xs = t[0];
    for (let si = 1; si < t.length; si++) {
      let ys = t[si];
      let yVals = Array(alignedLen).fill(void 0);
      let nullMode = nullModes ? nullModes[ti][si] : NULL_RETAIN;
      let nullIdxs = [];
      for (let i = 0; i < ys.length; i++) {
        let yVal = ys[i];
        let alignedIdx = xIdxs.get(xs[i]);
        if (yVal === null) {
          if (nullMode != NULL_REMOVE) {
            yVals[alignedIdx] = yVal;
            if (nullMode == NULL_EXPAND)
              nullIdxs.push(alignedIdx);
          }
        } else
          yVals[alignedIdx] = yVal;
      }
      nullExpand(yVals, nullIdxs, alignedLen);
      data.push(yVals);
    }
  }
  return data;
}
var microTask = typeof queueMicrotask == "undefined" ? (fn) => Promise.resolve().then(fn) : queueMicrotask;
function sortCols(table) {
  let head = table[0];
  let rlen = head.length;
  let idxs = Array(rlen);
  for (let i = 0; i < idxs.length; i++)
    idxs[i] = i;
  idxs.sort((i0, i1) => head[i0] - head[i1]);
  let table2 = [];
  for (let i = 0; i < table.length; i++) {
    let row2 = table[i];
    let row22 = Array(rlen);
    for (let j = 0; j < rlen; j++)
      row22[j] = row2[idxs[j]];
    table2.push(row22);
  }
  return table2;
}
function allHeadersSame(tables) {
  let vals0 = tables[0][0];
  let len0 = vals0.length;
  for (let i = 1; i < tables.length; i++) {
    let vals1 = tables[i][0];
    if (vals1.length != len0)
      return false;
    if (vals1 != vals0) {
      for (let j = 0; j < len0; j++) {
        if (vals1[j] != vals0[j])
          return false;
      }
    }
  }
  return true;
}
function isAsc(vals, samples = 100) {
  const len = vals.length;
  if (len <= 1)
    return true;
  let firstIdx = 0;
  let lastIdx = len - 1;
  while (firstIdx <= lastIdx && vals[firstIdx] == null)
    firstIdx++;
  while (lastIdx >= firstIdx && vals[lastIdx] == null)
    lastIdx--;
  if (lastIdx <= firstIdx)
    return true;
  const stride = max(1, floor((lastIdx - firstIdx + 1) / samples));
  for (let prevVal = vals[firstIdx], i = firstIdx + stride; i <= lastIdx; i += stride) {
    const v = vals[i];
    if (v != null) {
      if (v <= prevVal)
        return false;
      prevVal = v;
    }
  }
  return true;
}
var months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
var days = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday"
];
function slice3(str) {
  return str.slice(0, 3);
}
var days3 = days.map(slice3);
var months3 = months.map(slice3);
var engNames = {
  MMMM: months,
  MMM: months3,
  WWWW: days,
  WWW: days3
};
function zeroPad2(int) {
  return (int < 10 ? "0" : "") + int;
}
function zeroPad3(int) {
  return (int < 10 ? "00" : int < 100 ? "0" : "") + int;
}
var subs = {
  // 2019
  YYYY: (d) => d.getFullYear(),
  // 19
  YY: (d) => (d.getFullYear() + "").slice(2),
  // July
  MMMM: (d, names) => names.MMMM[d.getMonth()],
  // Jul
  MMM: (d, names) => names.MMM[d.getMonth()],
  // 07
  MM: (d) => zeroPad2(d.getMonth() + 1),
  // 7
  M: (d) => d.getMonth() + 1,
  // 09
  DD: (d) => zeroPad2(d.getDate()),
  // 9
  D: (d) => d.getDate(),
  // Monday
  WWWW: (d, names) => names.WWWW[d.getDay()],
  // Mon
  WWW: (d, names) => names.WWW[d.getDay()],
  // 03
  HH: (d) => zeroPad2(d.getHours()),
  // 3
  H: (d) => d.getHours(),
  // 9 (12hr, unpadded)
  h: (d) => {
    let h = d.getHours();
    return h == 0 ? 12 : h > 12 ? h - 12 : h;
  },
  // AM
  AA: (d) => d.getHours() >= 12 ? "PM" : "AM",
  // am
  aa: (d) => d.getHours() >= 12 ? "pm" : "am",
  // a
  a: (d) => d.getHours() >= 12 ? "p" : "a",
  // 09
  mm: (d) => zeroPad2(d.getMinutes()),
  // 9
  m: (d) => d.getMinutes(),
  // 09
  ss: (d) => zeroPad2(d.getSeconds()),
  // 9
  s: (d) => d.getSeconds(),
  // 374
  fff: (d) => zeroPad3(d.getMilliseconds())
};
function fmtDate(tpl, names) {
  names = names || engNames;
  let parts = [];
  let R = /\{([a-z]+)\}|[^{]+/gi, m;
  while (m = R.exec(tpl))
    parts.push(m[0][0] == "{" ? subs[m[1]] : m[0]);
  return (d) => {
    let out = "";
    for (let i = 0; i < parts.length; i++)
      out += typeof parts[i] == "string" ? parts[i] : parts[i](d, names);
    return out;
  };
}
var localTz = new Intl.DateTimeFormat().resolvedOptions().timeZone;
function tzDate(date, tz) {
  let date2;
  if (tz == "UTC" || tz == "Etc/UTC")
    date2 = new Date(+date + date.getTimezoneOffset() * 6e4);
  else if (tz == localTz)
    date2 = date;
  else {
    date2 = new Date(date.toLocaleString("en-US", { timeZone: tz }));
    date2.setMilliseconds(date.getMilliseconds());
  }
  return date2;
}
var onlyWhole = (v) => v % 1 == 0;
var allMults = [1, 2, 2.5, 5];
var decIncrs = genIncrs(10, -32, 0, allMults);
var oneIncrs = genIncrs(10, 0, 32, allMults);
var wholeIncrs = oneIncrs.filter(onlyWhole);
var numIncrs = decIncrs.concat(oneIncrs);
var NL = "\n";
var yyyy = "{YYYY}";
var NLyyyy = NL + yyyy;
var md = "{M}/{D}";
var NLmd = NL + md;
var NLmdyy = NLmd + "/{YY}";
var aa = "{aa}";
var hmm = "{h}:{mm}";
var hmmaa = hmm + aa;
var NLhmmaa = NL + hmmaa;
var ss = ":{ss}";
var _ = null;
function genTimeStuffs(ms) {
  let s = ms * 1e3, m = s * 60, h = m * 60, d = h * 24, mo = d * 30, y = d * 365;
  let subSecIncrs = ms == 1 ? genIncrs(10, 0, 3, allMults).filter(onlyWhole) : genIncrs(10, -3, 0, allMults);
  let timeIncrs = subSecIncrs.concat([
    // minute divisors (# of secs)
    s,
    s * 5,
    s * 10,
    s * 15,
    s * 30,
    // hour divisors (# of mins)
    m,
    m * 5,
    m * 10,
    m * 15,
    m * 30,
    // day divisors (# of hrs)
    h,
    h * 2,
    h * 3,
    h * 4,
    h * 6,
    h * 8,
    h * 12,
    // month divisors TODO: need more?
    d,
    d * 2,
    d * 3,
    d * 4,
    d * 5,
    d * 6,
    d * 7,
    d * 8,
    d * 9,
    d * 10,
    d * 15,
    // year divisors (# months, approx)
    mo,
    mo * 2,
    mo * 3,
    mo * 4,
    mo * 6,
    // century divisors
    y,
    y * 2,
    y * 5,
    y * 10,
    y * 25,
    y * 50,
    y * 100
  ]);
  const _timeAxisStamps = [
    //   tick incr    default          year                    month   day                   hour    min       sec   mode
    [y, yyyy, _, _, _, _, _, _, 1],
    [d * 28, "{MMM}", NLyyyy, _, _, _, _, _, 1],
    [d, md, NLyyyy, _, _, _, _, _, 1],
    [h, "{h}" + aa, NLmdyy, _, NLmd, _, _, _, 1],
    [m, hmmaa, NLmdyy, _, NLmd, _, _, _, 1],
    [s, ss, NLmdyy + " " + hmmaa, _, NLmd + " " + hmmaa, _, NLhmmaa, _, 1],
    [ms, ss + ".{fff}", NLmdyy + " " + hmmaa, _, NLmd + " " + hmmaa, _, NLhmmaa, _, 1]
  ];
  function timeAxisSplits(tzDate2) {
    return (self, axisIdx, scaleMin, scaleMax, foundIncr, foundSpace) => {
      let splits = [];
      let isYr = foundIncr >= y;
      let isMo = foundIncr >= mo && foundIncr < y;
      let minDate = tzDate2(scaleMin);
      let minDateTs = roundDec(minDate * ms, 3);
      let minMin = mkDate(minDate.getFullYear(), isYr ? 0 : minDate.getMonth(), isMo || isYr ? 1 : minDate.getDate());
      let minMinTs = roundDec(minMin * ms, 3);
      if (isMo || isYr) {
        let moIncr = isMo ? foundIncr / mo : 0;
        let yrIncr = isYr ? foundIncr / y : 0;
        let split = minDateTs == minMinTs ? minDateTs : roundDec(mkDate(minMin.getFullYear() + yrIncr, minMin.getMonth() + moIncr, 1) * ms, 3);
        let splitDate = new Date(round(split / ms));
        let baseYear = splitDate.getFullYear();
        let baseMonth = splitDate.getMonth();
        for (let i = 0; split <= scaleMax; i++) {
          let next = mkDate(baseYear + yrIncr * i, baseMonth + moIncr * i, 1);
          let offs = next - tzDate2(roundDec(next * ms, 3));
          split = roundDec((+next + offs) * ms, 3);
          if (split <= scaleMax)
            splits.push(split);
        }
      } else {
        let incr0 = foundIncr >= d ? d : foundIncr;
        let tzOffset = floor(scaleMin) - floor(minDateTs);
        let split = minMinTs + tzOffset + incrRoundUp(minDateTs - minMinTs, incr0);
        splits.push(split);
        let date0 = tzDate2(split);
        let prevHour = date0.getHours() + date0.getMinutes() / m + date0.getSeconds() / h;
        let incrHours = foundIncr / h;
        let minSpace = self.axes[axisIdx]._space;
        let pctSpace = foundSpace / minSpace;
        while (1) {
          split = roundDec(split + foundIncr, ms == 1 ? 0 : 3);
          if (split > scaleMax)
            break;
          if (incrHours > 1) {
            let expectedHour = floor(roundDec(prevHour + incrHours, 6)) % 24;
            let splitDate = tzDate2(split);
            let actualHour = splitDate.getHours();
            let dstShift = actualHour - expectedHour;
            if (dstShift > 1)
              dstShift = -1;
            split -= dstShift * h;
            prevHour = (prevHour + incrHours) % 24;
            let prevSplit = splits[splits.length - 1];
            let pctIncr = roundDec((split - prevSplit) / foundIncr, 3);
            if (pctIncr * pctSpace >= 0.7)
              splits.push(split);
          } else
            splits.push(split);
        }
      }
      return splits;
    };
  }
  return [
    timeIncrs,
    _timeAxisStamps,
    timeAxisSplits
  ];
}
var [timeIncrsMs, _timeAxisStampsMs, timeAxisSplitsMs] = genTimeStuffs(1);
var [timeIncrsS, _timeAxisStampsS, timeAxisSplitsS] = genTimeStuffs(1e-3);
genIncrs(2, -53, 53, [1]);
function timeAxisStamps(stampCfg, fmtDate2) {
  return stampCfg.map((s) => s.map(
    (v, i) => i == 0 || i == 8 || v == null ? v : fmtDate2(i == 1 || s[8] == 0 ? v : s[1] + v)
  ));
}
function timeAxisVals(tzDate2, stamps) {
  return (self, splits, axisIdx, foundSpace, foundIncr) => {
    let s = stamps.find((s2) => foundIncr >= s2[0]) || stamps[stamps.length - 1];
    let prevYear;
    let prevMnth;
    let prevDate;
    let prevHour;
    let prevMins;
    let prevSecs;
    return splits.map((split) => {
      let date = tzDate2(split);
      let newYear = date.getFullYear();
      let newMnth = date.getMonth();
      let newDate = date.getDate();
      let newHour = date.getHours();
      let newMins = date.getMinutes();
      let newSecs = date.getSeconds();
      let stamp = newYear != prevYear && s[2] || newMnth != prevMnth && s[3] || newDate != prevDate && s[4] || newHour != prevHour && s[5] || newMins != prevMins && s[6] || newSecs != prevSecs && s[7] || s[1];
      prevYear = newYear;
      prevMnth = newMnth;
      prevDate = newDate;
      prevHour = newHour;
      prevMins = newMins;
      prevSecs = newSecs;
      return stamp(date);
    });
  };
}
function timeAxisVal(tzDate2, dateTpl) {
  let stamp = fmtDate(dateTpl);
  return (self, splits, axisIdx, foundSpace, foundIncr) => splits.map((split) => stamp(tzDate2(split)));
}
function mkDate(y, m, d) {
  return new Date(y, m, d);
}
function timeSeriesStamp(stampCfg, fmtDate2) {
  return fmtDate2(stampCfg);
}
var _timeSeriesStamp = "{YYYY}-{MM}-{DD} {h}:{mm}{aa}";
function timeSeriesVal(tzDate2, stamp) {
  return (self, val, seriesIdx, dataIdx) => dataIdx == null ? LEGEND_DISP : stamp(tzDate2(val));
}
function legendStroke(self, seriesIdx) {
  let s = self.series[seriesIdx];
  return s.width ? s.stroke(self, seriesIdx) : s.points.width ? s.points.stroke(self, seriesIdx) : null;
}
function legendFill(self, seriesIdx) {
  return self.series[seriesIdx].fill(self, seriesIdx);
}
var legendOpts = {
  show: true,
  live: true,
  isolate: false,
  mount: noop,
  markers: {
    show: true,
    width: 2,
    stroke: legendStroke,
    fill: legendFill,
    dash: "solid"
  },
  idx: null,
  idxs: null,
  values: []
};
function cursorPointShow(self, si) {
  let o = self.cursor.points;
  let pt = placeDiv();
  let size = o.size(self, si);
  setStylePx(pt, WIDTH, size);
  setStylePx(pt, HEIGHT, size);
  let mar = size / -2;
  setStylePx(pt, "marginLeft", mar);
  setStylePx(pt, "marginTop", mar);
  let width = o.width(self, si, size);
  width && setStylePx(pt, "borderWidth", width);
  return pt;
}
function cursorPointFill(self, si) {
  let sp = self.series[si].points;
  return sp._fill || sp._stroke;
}
function cursorPointStroke(self, si) {
  let sp = self.series[si].points;
  return sp._stroke || sp._fill;
}
function cursorPointSize(self, si) {
  let sp = self.series[si].points;
  return sp.size;
}
var moveTuple = [0, 0];
function cursorMove(self, mouseLeft1, mouseTop1) {
  moveTuple[0] = mouseLeft1;
  moveTuple[1] = mouseTop1;
  return moveTuple;
}
function filtBtn0(self, targ, handle, onlyTarg = true) {
  return (e) => {
    e.button == 0 && (!onlyTarg || e.target == targ) && handle(e);
  };
}
function filtTarg(self, targ, handle, onlyTarg = true) {
  return (e) => {
    (!onlyTarg || e.target == targ) && handle(e);
  };
}
var cursorOpts = {
  show: true,
  x: true,
  y: true,
  lock: false,
  move: cursorMove,
  points: {
    one: false,
    show: cursorPointShow,
    size: cursorPointSize,
    width: 0,
    stroke: cursorPointStroke,
    fill: cursorPointFill
  },
  bind: {
    mousedown: filtBtn0,
    mouseup: filtBtn0,
    click: filtBtn0,
    // legend clicks, not .u-over clicks
    dblclick: filtBtn0,
    mousemove: filtTarg,
    mouseleave: filtTarg,
    mouseenter: filtTarg
  },
  drag: {
    setScale: true,
    x: true,
    y: false,
    dist: 0,
    uni: null,
    click: (self, e) => {
      e.stopPropagation();
      e.stopImmediatePropagation();
    },
    _x: false,
    _y: false
  },
  focus: {
    dist: (self, seriesIdx, dataIdx, valPos, curPos) => valPos - curPos,
    prox: -1,
    bias: 0
  },
  hover: {
    skip: [void 0],
    prox: null,
    bias: 0
  },
  left: -10,
  top: -10,
  idx: null,
  dataIdx: null,
  idxs: null,
  event: null
};
var axisLines = {
  show: true,
  stroke: "rgba(0,0,0,0.07)",
  width: 2
  //	dash: [],
};
var grid = assign({}, axisLines, {
  filter: retArg1
});
var ticks = assign({}, grid, {
  size: 10
});
var border = assign({}, axisLines, {
  show: false
});
var font = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"';
var labelFont = "bold " + font;
var lineGap = 1.5;
var xAxisOpts = {
  show: true,
  scale: "x",
  stroke: hexBlack,
  space: 50,
  gap: 5,
  alignTo: 1,
  size: 50,
  labelGap: 0,
  labelSize: 30,
  labelFont,
  side: 2,
  //	class: "x-vals",
  //	incrs: timeIncrs,
  //	values: timeVals,
  //	filter: retArg1,
  grid,
  ticks,
  border,
  font,
  lineGap,
  rotate: 0
};
var numSeriesLabel = "Value";
var timeSeriesLabel = "Time";
var xSeriesOpts = {
  show: true,
  scale: "x",
  auto: false,
  sorted: 1,
  //	label: "Time",
  //	value: v => stamp(new Date(v * 1e3)),
  // internal caches
  min: inf,
  max: -inf,
  idxs: []
};
function numAxisVals(self, splits, axisIdx, foundSpace, foundIncr) {
  return splits.map((v) => v == null ? "" : fmtNum(v));
}
function numAxisSplits(self, axisIdx, scaleMin, scaleMax, foundIncr, foundSpace, forceMin) {
  let splits = [];
  let numDec = fixedDec.get(foundIncr) || 0;
  scaleMin = forceMin ? scaleMin : roundDec(incrRoundUp(scaleMin, foundIncr), numDec);
  for (let val = scaleMin; val <= scaleMax; val = roundDec(val + foundIncr, numDec))
    splits.push(Object.is(val, -0) ? 0 : val);
  return splits;
}
function logAxisSplits(self, axisIdx, scaleMin, scaleMax, foundIncr, foundSpace, forceMin) {
  const splits = [];
  const logBase = self.scales[self.axes[axisIdx].scale].log;
  const logFn = logBase == 10 ? log10 : log2;
  const exp = floor(logFn(scaleMin));
  foundIncr = pow(logBase, exp);
  if (logBase == 10)
    foundIncr = numIncrs[closestIdx(foundIncr, numIncrs)];
  let split = scaleMin;
  let nextMagIncr = foundIncr * logBase;
  if (logBase == 10)
    nextMagIncr = numIncrs[closestIdx(nextMagIncr, numIncrs)];
  do {
    splits.push(split);
    split = split + foundIncr;
    if (logBase == 10 && !fixedDec.has(split))
      split = roundDec(split, fixedDec.get(foundIncr));
    if (split >= nextMagIncr) {
      foundIncr = split;
      nextMagIncr = foundIncr * logBase;
      if (logBase == 10)
        nextMagIncr = numIncrs[closestIdx(nextMagIncr, numIncrs)];
    }
  } while (split <= scaleMax);
  return splits;
}
function asinhAxisSplits(self, axisIdx, scaleMin, scaleMax, foundIncr, foundSpace, forceMin) {
  let sc = self.scales[self.axes[axisIdx].scale];
  let linthresh = sc.asinh;
  let posSplits = scaleMax > linthresh ? logAxisSplits(self, axisIdx, max(linthresh, scaleMin), scaleMax, foundIncr) : [linthresh];
  let zero = scaleMax >= 0 && scaleMin <= 0 ? [0] : [];
  let negSplits = scaleMin < -linthresh ? logAxisSplits(self, axisIdx, max(linthresh, -scaleMax), -scaleMin, foundIncr) : [linthresh];
  return negSplits.reverse().map((v) => -v).concat(zero, posSplits);
}
var RE_ALL = /./;
var RE_12357 = /[12357]/;
var RE_125 = /[125]/;
var RE_1 = /1/;
var _filt = (splits, distr, re, keepMod) => splits.map((v, i) => distr == 4 && v == 0 || i % keepMod == 0 && re.test(v.toExponential()[v < 0 ? 1 : 0]) ? v : null);
function log10AxisValsFilt(self, splits, axisIdx, foundSpace, foundIncr) {
  let axis2 = self.axes[axisIdx];
  let scaleKey = axis2.scale;
  let sc = self.scales[scaleKey];
  let valToPos = self.valToPos;
  let minSpace = axis2._space;
  let _10 = valToPos(10, scaleKey);
  let re = valToPos(9, scaleKey) - _10 >= minSpace ? RE_ALL : valToPos(7, scaleKey) - _10 >= minSpace ? RE_12357 : valToPos(5, scaleKey) - _10 >= minSpace ? RE_125 : RE_1;
  if (re == RE_1) {
    let magSpace = abs(valToPos(1, scaleKey) - _10);
    if (magSpace < minSpace)
      return _filt(splits.slice().reverse(), sc.distr, re, ceil(minSpace / magSpace)).reverse();
  }
  return _filt(splits, sc.distr, re, 1);
}
function log2AxisValsFilt(self, splits, axisIdx, foundSpace, foundIncr) {
  let axis2 = self.axes[axisIdx];
  let scaleKey = axis2.scale;
  let minSpace = axis2._space;
  let valToPos = self.valToPos;
  let magSpace = abs(valToPos(1, scaleKey) - valToPos(2, scaleKey));
  if (magSpace < minSpace)
    return _filt(splits.slice().reverse(), 3, RE_ALL, ceil(minSpace / magSpace)).reverse();
  return splits;
}
function numSeriesVal(self, val, seriesIdx, dataIdx) {
  return dataIdx == null ? LEGEND_DISP : val == null ? "" : fmtNum(val);
}
var yAxisOpts = {
  show: true,
  scale: "y",
  stroke: hexBlack,
  space: 30,
  gap: 5,
  alignTo: 1,
  size: 50,
  labelGap: 0,
  labelSize: 30,
  labelFont,
  side: 3,
  //	class: "y-vals",
  //	incrs: numIncrs,
  //	values: (vals, space) => vals,
  //	filter: retArg1,
  grid,
  ticks,
  border,
  font,
  lineGap,
  rotate: 0
};
function ptDia(width, mult) {
  let dia = 3 + (width || 1) * 2;
  return roundDec(dia * mult, 3);
}
function seriesPointsShow(self, si) {
  let { scale, idxs } = self.series[0];
  let xData = self._data[0];
  let p0 = self.valToPos(xData[idxs[0]], scale, true);
  let p1 = self.valToPos(xData[idxs[1]], scale, true);
  let dim = abs(p1 - p0);
  let s = self.series[si];
  let maxPts = dim / (s.points.space * pxRatio);
  return idxs[1] - idxs[0] <= maxPts;
}
var facet = {
  scale: null,
  auto: true,
  sorted: 0,
  // internal caches
  min: inf,
  max: -inf
};
var gaps = (self, seriesIdx, idx0, idx1, nullGaps) => nullGaps;
var xySeriesOpts = {
  show: true,
  auto: true,
  sorted: 0,
  gaps,
  alpha: 1,
  facets: [
    assign({}, facet, { scale: "x" }),
    assign({}, facet, { scale: "y" })
  ]
};
var ySeriesOpts = {
  scale: "y",
  auto: true,
  sorted: 0,
  show: true,
  spanGaps: false,
  gaps,
  alpha: 1,
  points: {
    show: seriesPointsShow,
    filter: null
    //  paths:
    //	stroke: "#000",
    //	fill: "#fff",
    //	width: 1,
    //	size: 10,
  },
  //	label: "Value",
  //	value: v => v,
  values: null,
  // internal caches
  min: inf,
  max: -inf,
  idxs: [],
  path: null,
  clip: null
};
function clampScale(self, val, scaleMin, scaleMax, scaleKey) {
  return scaleMin / 10;
}
var xScaleOpts = {
  time: FEAT_TIME,
  auto: true,
  distr: 1,
  log: 10,
  asinh: 1,
  min: null,
  max: null,
  dir: 1,
  ori: 0
};
var yScaleOpts = assign({}, xScaleOpts, {
  time: false,
  ori: 1
});
var syncs = {};
function _sync(key, opts) {
  let s = syncs[key];
  if (!s) {
    s = {
      key,
      plots: [],
      sub(plot) {
        s.plots.push(plot);
      },
      unsub(plot) {
        s.plots = s.plots.filter((c) => c != plot);
      },
      pub(type, self, x, y, w, h, i) {
        for (let j = 0; j < s.plots.length; j++)
          s.plots[j] != self && s.plots[j].pub(type, self, x, y, w, h, i);
      }
    };
    if (key != null)
      syncs[key] = s;
  }
  return s;
}
var BAND_CLIP_FILL = 1 << 0;
var BAND_CLIP_STROKE = 1 << 1;
function orient(u, seriesIdx, cb) {
  const mode = u.mode;
  const series = u.series[seriesIdx];
  const data = mode == 2 ? u._data[seriesIdx] : u._data;
  const scales = u.scales;
  const bbox = u.bbox;
  let dx = data[0], dy = mode == 2 ? data[1] : data[seriesIdx], sx = mode == 2 ? scales[series.facets[0].scale] : scales[u.series[0].scale], sy = mode == 2 ? scales[series.facets[1].scale] : scales[series.scale], l = bbox.left, t = bbox.top, w = bbox.width, h = bbox.height, H = u.valToPosH, V = u.valToPosV;
  return sx.ori == 0 ? cb(
    series,
    dx,
    dy,
    sx,
    sy,
    H,
    V,
    l,
    t,
    w,
    h,
    moveToH,
    lineToH,
    rectH,
    arcH,
    bezierCurveToH
  ) : cb(
    series,
    dx,
    dy,
    sx,
    sy,
    V,
    H,
    t,
    l,
    h,
    w,
    moveToV,
    lineToV,
    rectV,
    arcV,
    bezierCurveToV
  );
}
function bandFillClipDirs(self, seriesIdx) {
  let fillDir = 0;
  let clipDirs = 0;
  let bands = ifNull(self.bands, EMPTY_ARR);
  for (let i = 0; i < bands.length; i++) {
    let b = bands[i];
    if (b.series[0] == seriesIdx)
      fillDir = b.dir;
    else if (b.series[1] == seriesIdx) {
      if (b.dir == 1)
        clipDirs |= 1;
      else
        clipDirs |= 2;
    }
  }
  return [
    fillDir,
    clipDirs == 1 ? -1 : (
      // neg only
      clipDirs == 2 ? 1 : (
        // pos only
        clipDirs == 3 ? 2 : (
          // both
          0
        )
      )
    )
  ];
}
function seriesFillTo(self, seriesIdx, dataMin, dataMax, bandFillDir) {
  let mode = self.mode;
  let series = self.series[seriesIdx];
  let scaleKey = mode == 2 ? series.facets[1].scale : series.scale;
  let scale = self.scales[scaleKey];
  return bandFillDir == -1 ? scale.min : bandFillDir == 1 ? scale.max : scale.distr == 3 ? scale.dir == 1 ? scale.min : scale.max : 0;
}
function clipBandLine(self, seriesIdx, idx0, idx1, strokePath, clipDir) {
  return orient(self, seriesIdx, (series, dataX, dataY, scaleX, scaleY, valToPosX, valToPosY, xOff, yOff, xDim, yDim) => {
    let pxRound = series.pxRound;
    const dir = scaleX.dir * (scaleX.ori == 0 ? 1 : -1);
    const lineTo = scaleX.ori == 0 ? lineToH : lineToV;
    let frIdx, toIdx;
    if (dir == 1) {
      frIdx = idx0;
      toIdx = idx1;
    } else {
      frIdx = idx1;
      toIdx = idx0;
    }
    let x0 = pxRound(valToPosX(dataX[frIdx], scaleX, xDim, xOff));
    let y0 = pxRound(valToPosY(dataY[frIdx], scaleY, yDim, yOff));
    let x1 = pxRound(valToPosX(dataX[toIdx], scaleX, xDim, xOff));
    let yLimit = pxRound(valToPosY(clipDir == 1 ? scaleY.max : scaleY.min, scaleY, yDim, yOff));
    let clip = new Path2D(strokePath);
    lineTo(clip, x1, yLimit);
    lineTo(clip, x0, yLimit);
    lineTo(clip, x0, y0);
    return clip;
  });
}
function clipGaps(gaps2, ori, plotLft, plotTop, plotWid, plotHgt) {
  let clip = null;
  if (gaps2.length > 0) {
    clip = new Path2D();
    const rect2 = ori == 0 ? rectH : rectV;
    let prevGapEnd = plotLft;
    for (let i = 0; i < gaps2.length; i++) {
      let g = gaps2[i];
      if (g[1] > g[0]) {
        let w2 = g[0] - prevGapEnd;
        w2 > 0 && rect2(clip, prevGapEnd, plotTop, w2, plotTop + plotHgt);
        prevGapEnd = g[1];
      }
    }
    let w = plotLft + plotWid - prevGapEnd;
    let maxStrokeWidth = 10;
    w > 0 && rect2(clip, prevGapEnd, plotTop - maxStrokeWidth / 2, w, plotTop + plotHgt + maxStrokeWidth);
  }
  return clip;
}
function addGap(gaps2, fromX, toX) {
  let prevGap = gaps2[gaps2.length - 1];
  if (prevGap && prevGap[0] == fromX)
    prevGap[1] = toX;
  else
    gaps2.push([fromX, toX]);
}
function findGaps(xs, ys, idx0, idx1, dir, pixelForX, align) {
  let gaps2 = [];
  let len = xs.length;
  for (let i = dir == 1 ? idx0 : idx1; i >= idx0 && i <= idx1; i += dir) {
    let yVal = ys[i];
    if (yVal === null) {
      let fr = i, to = i;
      if (dir == 1) {
        while (++i <= idx1 && ys[i] === null)
          to = i;
      } else {
        while (--i >= idx0 && ys[i] === null)
          to = i;
      }
      let frPx = pixelForX(xs[fr]);
      let toPx = to == fr ? frPx : pixelForX(xs[to]);
      let fri2 = fr - dir;
      let frPx2 = align <= 0 && fri2 >= 0 && fri2 < len ? pixelForX(xs[fri2]) : frPx;
      frPx = frPx2;
      let toi2 = to + dir;
      let toPx2 = align >= 0 && toi2 >= 0 && toi2 < len ? pixelForX(xs[toi2]) : toPx;
      toPx = toPx2;
      if (toPx >= frPx)
        gaps2.push([frPx, toPx]);
    }
  }
  return gaps2;
}
function pxRoundGen(pxAlign) {
  return pxAlign == 0 ? retArg0 : pxAlign == 1 ? round : (v) => incrRound(v, pxAlign);
}
function rect(ori) {
  let moveTo = ori == 0 ? moveToH : moveToV;
  let arcTo = ori == 0 ? (p, x1, y1, x2, y2, r) => {
    p.arcTo(x1, y1, x2, y2, r);
  } : (p, y1, x1, y2, x2, r) => {
    p.arcTo(x1, y1, x2, y2, r);
  };
  let rect2 = ori == 0 ? (p, x, y, w, h) => {
    p.rect(x, y, w, h);
  } : (p, y, x, h, w) => {
    p.rect(x, y, w, h);
  };
  return (p, x, y, w, h, endRad = 0, baseRad = 0) => {
    if (endRad == 0 && baseRad == 0)
      rect2(p, x, y, w, h);
    else {
      endRad = min(endRad, w / 2, h / 2);
      baseRad = min(baseRad, w / 2, h / 2);
      moveTo(p, x + endRad, y);
      arcTo(p, x + w, y, x + w, y + h, endRad);
      arcTo(p, x + w, y + h, x, y + h, baseRad);
      arcTo(p, x, y + h, x, y, baseRad);
      arcTo(p, x, y, x + w, y, endRad);
      p.closePath();
    }
  };
}
var moveToH = (p, x, y) => {
  p.moveTo(x, y);
};
var moveToV = (p, y, x) => {
  p.moveTo(x, y);
};
var lineToH = (p, x, y) => {
  p.lineTo(x, y);
};
var lineToV = (p, y, x) => {
  p.lineTo(x, y);
};
var rectH = rect(0);
var rectV = rect(1);
var arcH = (p, x, y, r, startAngle, endAngle) => {
  p.arc(x, y, r, startAngle, endAngle);
};
var arcV = (p, y, x, r, startAngle, endAngle) => {
  p.arc(x, y, r, startAngle, endAngle);
};
var bezierCurveToH = (p, bp1x, bp1y, bp2x, bp2y, p2x, p2y) => {
  p.bezierCurveTo(bp1x, bp1y, bp2x, bp2y, p2x, p2y);
};
var bezierCurveToV = (p, bp1y, bp1x, bp2y, bp2x, p2y, p2x) => {
  p.bezierCurveTo(bp1x, bp1y, bp2x, bp2y, p2x, p2y);
};
function points(opts) {
  return (u, seriesIdx, idx0, idx1, filtIdxs) => {
    return orient(u, seriesIdx, (series, dataX, dataY, scaleX, scaleY, valToPosX, valToPosY, xOff, yOff, xDim, yDim) => {
      let { pxRound, points: points2 } = series;
      let moveTo, arc;
      if (scaleX.ori == 0) {
        moveTo = moveToH;
        arc = arcH;
      } else {
        moveTo = moveToV;
        arc = arcV;
      }
      const width = roundDec(points2.width * pxRatio, 3);
      let rad = (points2.size - points2.width) / 2 * pxRatio;
      let dia = roundDec(rad * 2, 3);
      let fill2 = new Path2D();
      let clip = new Path2D();
      let { left: lft, top, width: wid, height: hgt } = u.bbox;
      rectH(
        clip,
        lft - dia,
        top - dia,
        wid + dia * 2,
        hgt + dia * 2
      );
      const drawPoint = (pi) => {
        if (dataY[pi] != null) {
          let x = pxRound(valToPosX(dataX[pi], scaleX, xDim, xOff));
          let y = pxRound(valToPosY(dataY[pi], scaleY, yDim, yOff));
          moveTo(fill2, x + rad, y);
          arc(fill2, x, y, rad, 0, PI * 2);
        }
      };
      if (filtIdxs)
        filtIdxs.forEach(drawPoint);
      else {
        for (let pi = idx0; pi <= idx1; pi++)
          drawPoint(pi);
      }
      return {
        stroke: width > 0 ? fill2 : null,
        fill: fill2,
        clip,
        flags: BAND_CLIP_FILL | BAND_CLIP_STROKE
      };
    });
  };
}
function _drawAcc(lineTo) {
  return (stroke, accX, minY, maxY, inY, outY) => {
    if (minY != maxY) {
      if (inY != minY && outY != minY)
        lineTo(stroke, accX, minY);
      if (inY != maxY && outY != maxY)
        lineTo(stroke, accX, maxY);
      lineTo(stroke, accX, outY);
    }
  };
}
var drawAccH = _drawAcc(lineToH);
var drawAccV = _drawAcc(lineToV);
function linear(opts) {
  const alignGaps = ifNull(opts?.alignGaps, 0);
  return (u, seriesIdx, idx0, idx1) => {
    return orient(u, seriesIdx, (series, dataX, dataY, scaleX, scaleY, valToPosX, valToPosY, xOff, yOff, xDim, yDim) => {
      [idx0, idx1] = nonNullIdxs(dataY, idx0, idx1);
      let pxRound = series.pxRound;
      let pixelForX = (val) => pxRound(valToPosX(val, scaleX, xDim, xOff));
      let pixelForY = (val) => pxRound(valToPosY(val, scaleY, yDim, yOff));
      let lineTo, drawAcc;
      if (scaleX.ori == 0) {
        lineTo = lineToH;
        drawAcc = drawAccH;
      } else {
        lineTo = lineToV;
        drawAcc = drawAccV;
      }
      const dir = scaleX.dir * (scaleX.ori == 0 ? 1 : -1);
      const _paths = { stroke: new Path2D(), fill: null, clip: null, band: null, gaps: null, flags: BAND_CLIP_FILL };
      const stroke = _paths.stroke;
      let hasGap = false;
      const decimate = idx1 - idx0 >= xDim * 4;
      if (decimate) {
        let xForPixel = (pos) => u.posToVal(pos, scaleX.key, true);
        let minY = null, maxY = null, inY, outY, drawnAtX;
        let accX = pixelForX(dataX[dir == 1 ? idx0 : idx1]);
        let idx0px = pixelForX(dataX[idx0]);
        let idx1px = pixelForX(dataX[idx1]);
        let nextAccXVal = xForPixel(dir == 1 ? idx0px + 1 : idx1px - 1);
        for (let i = dir == 1 ? idx0 : idx1; i >= idx0 && i <= idx1; i += dir) {
          let xVal = dataX[i];
          let reuseAccX = dir == 1 ? xVal < nextAccXVal : xVal > nextAccXVal;
          let x = reuseAccX ? accX : pixelForX(xVal);
          let yVal = dataY[i];
          if (x == accX) {
            if (yVal != null) {
              outY = yVal;
              if (minY == null) {
                lineTo(stroke, x, pixelForY(outY));
                inY = minY = maxY = outY;
              } else {
                if (outY < minY)
                  minY = outY;
                else if (outY > maxY)
                  maxY = outY;
              }
            } else {
              if (yVal === null)
                hasGap = true;
            }
          } else {
            if (minY != null)
              drawAcc(stroke, accX, pixelForY(minY), pixelForY(maxY), pixelForY(inY), pixelForY(outY));
            if (yVal != null) {
              outY = yVal;
              lineTo(stroke, x, pixelForY(outY));
              minY = maxY = inY = outY;
            } else {
              minY = maxY = null;
              if (yVal === null)
                hasGap = true;
            }
            accX = x;
            nextAccXVal = xForPixel(accX + dir);
          }
        }
        if (minY != null && minY != maxY && drawnAtX != accX)
          drawAcc(stroke, accX, pixelForY(minY), pixelForY(maxY), pixelForY(inY), pixelForY(outY));
      } else {
        for (let i = dir == 1 ? idx0 : idx1; i >= idx0 && i <= idx1; i += dir) {
          let yVal = dataY[i];
          if (yVal === null)
            hasGap = true;
          else if (yVal != null)
            lineTo(stroke, pixelForX(dataX[i]), pixelForY(yVal));
        }
      }
      let [bandFillDir, bandClipDir] = bandFillClipDirs(u, seriesIdx);
      if (series.fill != null || bandFillDir != 0) {
        let fill2 = _paths.fill = new Path2D(stroke);
        let fillToVal = series.fillTo(u, seriesIdx, series.min, series.max, bandFillDir);
        let fillToY = pixelForY(fillToVal);
        let frX = pixelForX(dataX[idx0]);
        let toX = pixelForX(dataX[idx1]);
        if (dir == -1)
          [toX, frX] = [frX, toX];
        lineTo(fill2, toX, fillToY);
        lineTo(fill2, frX, fillToY);
      }
      if (!series.spanGaps) {
        let gaps2 = [];
        hasGap && gaps2.push(...findGaps(dataX, dataY, idx0, idx1, dir, pixelForX, alignGaps));
        _paths.gaps = gaps2 = series.gaps(u, seriesIdx, idx0, idx1, gaps2);
        _paths.clip = clipGaps(gaps2, scaleX.ori, xOff, yOff, xDim, yDim);
      }
      if (bandClipDir != 0) {
        _paths.band = bandClipDir == 2 ? [
          clipBandLine(u, seriesIdx, idx0, idx1, stroke, -1),
          clipBandLine(u, seriesIdx, idx0, idx1, stroke, 1)
        ] : clipBandLine(u, seriesIdx, idx0, idx1, stroke, bandClipDir);
      }
      return _paths;
    });
  };
}
function stepped(opts) {
  const align = ifNull(opts.align, 1);
  const ascDesc = ifNull(opts.ascDesc, false);
  const alignGaps = ifNull(opts.alignGaps, 0);
  const extend = ifNull(opts.extend, false);
  return (u, seriesIdx, idx0, idx1) => {
    return orient(u, seriesIdx, (series, dataX, dataY, scaleX, scaleY, valToPosX, valToPosY, xOff, yOff, xDim, yDim) => {
      [idx0, idx1] = nonNullIdxs(dataY, idx0, idx1);
      let pxRound = series.pxRound;
      let { left, width } = u.bbox;
      let pixelForX = (val) => pxRound(valToPosX(val, scaleX, xDim, xOff));
      let pixelForY = (val) => pxRound(valToPosY(val, scaleY, yDim, yOff));
      let lineTo = scaleX.ori == 0 ? lineToH : lineToV;
      const _paths = { stroke: new Path2D(), fill: null, clip: null, band: null, gaps: null, flags: BAND_CLIP_FILL };
      const stroke = _paths.stroke;
      const dir = scaleX.dir * (scaleX.ori == 0 ? 1 : -1);
      let prevYPos = pixelForY(dataY[dir == 1 ? idx0 : idx1]);
      let firstXPos = pixelForX(dataX[dir == 1 ? idx0 : idx1]);
      let prevXPos = firstXPos;
      let firstXPosExt = firstXPos;
      if (extend && align == -1) {
        firstXPosExt = left;
        lineTo(stroke, firstXPosExt, prevYPos);
      }
      lineTo(stroke, firstXPos, prevYPos);
      for (let i = dir == 1 ? idx0 : idx1; i >= idx0 && i <= idx1; i += dir) {
        let yVal1 = dataY[i];
        if (yVal1 == null)
          continue;
        let x1 = pixelForX(dataX[i]);
        let y1 = pixelForY(yVal1);
        if (align == 1)
          lineTo(stroke, x1, prevYPos);
        else
          lineTo(stroke, prevXPos, y1);
        lineTo(stroke, x1, y1);
        prevYPos = y1;
        prevXPos = x1;
      }
      let prevXPosExt = prevXPos;
      if (extend && align == 1) {
        prevXPosExt = left + width;
        lineTo(stroke, prevXPosExt, prevYPos);
      }
      let [bandFillDir, bandClipDir] = bandFillClipDirs(u, seriesIdx);
      if (series.fill != null || bandFillDir != 0) {
        let fill2 = _paths.fill = new Path2D(stroke);
        let fillTo = series.fillTo(u, seriesIdx, series.min, series.max, bandFillDir);
        let fillToY = pixelForY(fillTo);
        lineTo(fill2, prevXPosExt, fillToY);
        lineTo(fill2, firstXPosExt, fillToY);
      }
      if (!series.spanGaps) {
        let gaps2 = [];
        gaps2.push(...findGaps(dataX, dataY, idx0, idx1, dir, pixelForX, alignGaps));
        let halfStroke = series.width * pxRatio / 2;
        let startsOffset = ascDesc || align == 1 ? halfStroke : -halfStroke;
        let endsOffset = ascDesc || align == -1 ? -halfStroke : halfStroke;
        gaps2.forEach((g) => {
          g[0] += startsOffset;
          g[1] += endsOffset;
        });
        _paths.gaps = gaps2 = series.gaps(u, seriesIdx, idx0, idx1, gaps2);
        _paths.clip = clipGaps(gaps2, scaleX.ori, xOff, yOff, xDim, yDim);
      }
      if (bandClipDir != 0) {
        _paths.band = bandClipDir == 2 ? [
          clipBandLine(u, seriesIdx, idx0, idx1, stroke, -1),
          clipBandLine(u, seriesIdx, idx0, idx1, stroke, 1)
        ] : clipBandLine(u, seriesIdx, idx0, idx1, stroke, bandClipDir);
      }
      return _paths;
    });
  };
}
function findColWidth(dataX, dataY, valToPosX, scaleX, xDim, xOff, colWid = inf) {
  if (dataX.length > 1) {
    let prevIdx = null;
    for (let i = 0, minDelta = Infinity; i < dataX.length; i++) {
      if (dataY[i] !== void 0) {
        if (prevIdx != null) {
          let delta = abs(dataX[i] - dataX[prevIdx]);
          if (delta < minDelta) {
            minDelta = delta;
            colWid = abs(valToPosX(dataX[i], scaleX, xDim, xOff) - valToPosX(dataX[prevIdx], scaleX, xDim, xOff));
          }
        }
        prevIdx = i;
      }
    }
  }
  return colWid;
}
function bars(opts) {
  opts = opts || EMPTY_OBJ;
  const size = ifNull(opts.size, [0.6, inf, 1]);
  const align = opts.align || 0;
  const _extraGap = opts.gap || 0;
  let ro = opts.radius;
  ro = // [valueRadius, baselineRadius]
  ro == null ? [0, 0] : typeof ro == "number" ? [ro, 0] : ro;
  const radiusFn = fnOrSelf(ro);
  const gapFactor = 1 - size[0];
  const _maxWidth = ifNull(size[1], inf);
  const _minWidth = ifNull(size[2], 1);
  const disp = ifNull(opts.disp, EMPTY_OBJ);
  const _each = ifNull(opts.each, (_2) => {
  });
  const { fill: dispFills, stroke: dispStrokes } = disp;
  return (u, seriesIdx, idx0, idx1) => {
    return orient(u, seriesIdx, (series, dataX, dataY, scaleX, scaleY, valToPosX, valToPosY, xOff, yOff, xDim, yDim) => {
      let pxRound = series.pxRound;
      let _align = align;
      let extraGap = _extraGap * pxRatio;
      let maxWidth = _maxWidth * pxRatio;
      let minWidth = _minWidth * pxRatio;
      let valRadius, baseRadius;
      if (scaleX.ori == 0)
        [valRadius, baseRadius] = radiusFn(u, seriesIdx);
      else
        [baseRadius, valRadius] = radiusFn(u, seriesIdx);
      const _dirX = scaleX.dir * (scaleX.ori == 0 ? 1 : -1);
      let rect2 = scaleX.ori == 0 ? rectH : rectV;
      let each = scaleX.ori == 0 ? _each : (u2, seriesIdx2, i, top, lft, hgt, wid) => {
        _each(u2, seriesIdx2, i, lft, top, wid, hgt);
      };
      let band = ifNull(u.bands, EMPTY_ARR).find((b) => b.series[0] == seriesIdx);
      let fillDir = band != null ? band.dir : 0;
      let fillTo = series.fillTo(u, seriesIdx, series.min, series.max, fillDir);
      let fillToY = pxRound(valToPosY(fillTo, scaleY, yDim, yOff));
      let xShift, barWid, fullGap, colWid = xDim;
      let strokeWidth = pxRound(series.width * pxRatio);
      let multiPath = false;
      let fillColors = null;
      let fillPaths = null;
      let strokeColors = null;
      let strokePaths = null;
      if (dispFills != null && (strokeWidth == 0 || dispStrokes != null)) {
        multiPath = true;
        fillColors = dispFills.values(u, seriesIdx, idx0, idx1);
        fillPaths = /* @__PURE__ */ new Map();
        new Set(fillColors).forEach((color) => {
          if (color != null)
            fillPaths.set(color, new Path2D());
        });
        if (strokeWidth > 0) {
          strokeColors = dispStrokes.values(u, seriesIdx, idx0, idx1);
          strokePaths = /* @__PURE__ */ new Map();
          new Set(strokeColors).forEach((color) => {
            if (color != null)
              strokePaths.set(color, new Path2D());
          });
        }
      }
      let { x0, size: size2 } = disp;
      if (x0 != null && size2 != null) {
        _align = 1;
        dataX = x0.values(u, seriesIdx, idx0, idx1);
        if (x0.unit == 2)
          dataX = dataX.map((pct) => u.posToVal(xOff + pct * xDim, scaleX.key, true));
        let sizes = size2.values(u, seriesIdx, idx0, idx1);
        if (size2.unit == 2)
          barWid = sizes[0] * xDim;
        else
          barWid = valToPosX(sizes[0], scaleX, xDim, xOff) - valToPosX(0, scaleX, xDim, xOff);
        colWid = findColWidth(dataX, dataY, valToPosX, scaleX, xDim, xOff, colWid);
        let gapWid = colWid - barWid;
        fullGap = gapWid + extraGap;
      } else {
        colWid = findColWidth(dataX, dataY, valToPosX, scaleX, xDim, xOff, colWid);
        let gapWid = colWid * gapFactor;
        fullGap = gapWid + extraGap;
        barWid = colWid - fullGap;
      }
      if (fullGap < 1)
        fullGap = 0;
      if (strokeWidth >= barWid / 2)
        strokeWidth = 0;
      if (fullGap < 5)
        pxRound = retArg0;
      let insetStroke = fullGap > 0;
      let rawBarWid = colWid - fullGap - (insetStroke ? strokeWidth : 0);
      barWid = pxRound(clamp(rawBarWid, minWidth, maxWidth));
      xShift = (_align == 0 ? barWid / 2 : _align == _dirX ? 0 : barWid) - _align * _dirX * ((_align == 0 ? extraGap / 2 : 0) + (insetStroke ? strokeWidth / 2 : 0));
      const _paths = { stroke: null, fill: null, clip: null, band: null, gaps: null, flags: 0 };
      const stroke = multiPath ? null : new Path2D();
      let dataY0 = null;
      if (band != null)
        dataY0 = u.data[band.series[1]];
      else {
        let { y0, y1 } = disp;
        if (y0 != null && y1 != null) {
          dataY = y1.values(u, seriesIdx, idx0, idx1);
          dataY0 = y0.values(u, seriesIdx, idx0, idx1);
        }
      }
      let radVal = valRadius * barWid;
      let radBase = baseRadius * barWid;
      for (let i = _dirX == 1 ? idx0 : idx1; i >= idx0 && i <= idx1; i += _dirX) {
        let yVal = dataY[i];
        if (yVal == null)
          continue;
        if (dataY0 != null) {
          let yVal0 = dataY0[i] ?? 0;
          if (yVal - yVal0 == 0)
            continue;
          fillToY = valToPosY(yVal0, scaleY, yDim, yOff);
        }
        let xVal = scaleX.distr != 2 || disp != null ? dataX[i] : i;
        let xPos = valToPosX(xVal, scaleX, xDim, xOff);
        let yPos = valToPosY(ifNull(yVal, fillTo), scaleY, yDim, yOff);
        let lft = pxRound(xPos - xShift);
        let btm = pxRound(max(yPos, fillToY));
        let top = pxRound(min(yPos, fillToY));
        let barHgt = btm - top;
        if (yVal != null) {
          let rv = yVal < 0 ? radBase : radVal;
          let rb = yVal < 0 ? radVal : radBase;
          if (multiPath) {
            if (strokeWidth > 0 && strokeColors[i] != null)
              rect2(strokePaths.get(strokeColors[i]), lft, top + floor(strokeWidth / 2), barWid, max(0, barHgt - strokeWidth), rv, rb);
            if (fillColors[i] != null)
              rect2(fillPaths.get(fillColors[i]), lft, top + floor(strokeWidth / 2), barWid, max(0, barHgt - strokeWidth), rv, rb);
          } else
            rect2(stroke, lft, top + floor(strokeWidth / 2), barWid, max(0, barHgt - strokeWidth), rv, rb);
          each(
            u,
            seriesIdx,
            i,
            lft - strokeWidth / 2,
            top,
            barWid + strokeWidth,
            barHgt
          );
        }
      }
      if (strokeWidth > 0)
        _paths.stroke = multiPath ? strokePaths : stroke;
      else if (!multiPath) {
        _paths._fill = series.width == 0 ? series._fill : series._stroke ?? series._fill;
        _paths.width = 0;
      }
      _paths.fill = multiPath ? fillPaths : stroke;
      return _paths;
    });
  };
}
function splineInterp(interp, opts) {
  const alignGaps = ifNull(opts?.alignGaps, 0);
  return (u, seriesIdx, idx0, idx1) => {
    return orient(u, seriesIdx, (series, dataX, dataY, scaleX, scaleY, valToPosX, valToPosY, xOff, yOff, xDim, yDim) => {
      [idx0, idx1] = nonNullIdxs(dataY, idx0, idx1);
      let pxRound = series.pxRound;
      let pixelForX = (val) => pxRound(valToPosX(val, scaleX, xDim, xOff));
      let pixelForY = (val) => pxRound(valToPosY(val, scaleY, yDim, yOff));
      let moveTo, bezierCurveTo, lineTo;
      if (scaleX.ori == 0) {
        moveTo = moveToH;
        lineTo = lineToH;
        bezierCurveTo = bezierCurveToH;
      } else {
        moveTo = moveToV;
        lineTo = lineToV;
        bezierCurveTo = bezierCurveToV;
      }
      const dir = scaleX.dir * (scaleX.ori == 0 ? 1 : -1);
      let firstXPos = pixelForX(dataX[dir == 1 ? idx0 : idx1]);
      let prevXPos = firstXPos;
      let xCoords = [];
      let yCoords = [];
      for (let i = dir == 1 ? idx0 : idx1; i >= idx0 && i <= idx1; i += dir) {
        let yVal = dataY[i];
        if (yVal != null) {
          let xVal = dataX[i];
          let xPos = pixelForX(xVal);
          xCoords.push(prevXPos = xPos);
          yCoords.push(pixelForY(dataY[i]));
        }
      }
      const _paths = { stroke: interp(xCoords, yCoords, moveTo, lineTo, bezierCurveTo, pxRound), fill: null, clip: null, band: null, gaps: null, flags: BAND_CLIP_FILL };
      const stroke = _paths.stroke;
      let [bandFillDir, bandClipDir] = bandFillClipDirs(u, seriesIdx);
      if (series.fill != null || bandFillDir != 0) {
        let fill2 = _paths.fill = new Path2D(stroke);
        let fillTo = series.fillTo(u, seriesIdx, series.min, series.max, bandFillDir);
        let fillToY = pixelForY(fillTo);
        lineTo(fill2, prevXPos, fillToY);
        lineTo(fill2, firstXPos, fillToY);
      }
      if (!series.spanGaps) {
        let gaps2 = [];
        gaps2.push(...findGaps(dataX, dataY, idx0, idx1, dir, pixelForX, alignGaps));
        _paths.gaps = gaps2 = series.gaps(u, seriesIdx, idx0, idx1, gaps2);
        _paths.clip = clipGaps(gaps2, scaleX.ori, xOff, yOff, xDim, yDim);
      }
      if (bandClipDir != 0) {
        _paths.band = bandClipDir == 2 ? [
          clipBandLine(u, seriesIdx, idx0, idx1, stroke, -1),
          clipBandLine(u, seriesIdx, idx0, idx1, stroke, 1)
        ] : clipBandLine(u, seriesIdx, idx0, idx1, stroke, bandClipDir);
      }
      return _paths;
    });
  };
}
function monotoneCubic(opts) {
  return splineInterp(_monotoneCubic, opts);
}
function _monotoneCubic(xs, ys, moveTo, lineTo, bezierCurveTo, pxRound) {
  const n = xs.length;
  if (n < 2)
    return null;
  const path = new Path2D();
  moveTo(path, xs[0], ys[0]);
  if (n == 2)
    lineTo(path, xs[1], ys[1]);
  else {
    let ms = Array(n), ds = Array(n - 1), dys = Array(n - 1), dxs = Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      dys[i] = ys[i + 1] - ys[i];
      dxs[i] = xs[i + 1] - xs[i];
      ds[i] = dys[i] / dxs[i];
    }
    ms[0] = ds[0];
    for (let i = 1; i < n - 1; i++) {
      if (ds[i] === 0 || ds[i - 1] === 0 || ds[i - 1] > 0 !== ds[i] > 0)
        ms[i] = 0;
      else {
        ms[i] = 3 * (dxs[i - 1] + dxs[i]) / ((2 * dxs[i] + dxs[i - 1]) / ds[i - 1] + (dxs[i] + 2 * dxs[i - 1]) / ds[i]);
        if (!isFinite(ms[i]))
          ms[i] = 0;
      }
    }
    ms[n - 1] = ds[n - 2];
    for (let i = 0; i < n - 1; i++) {
      bezierCurveTo(
        path,
        xs[i] + dxs[i] / 3,
        ys[i] + ms[i] * dxs[i] / 3,
        xs[i + 1] - dxs[i] / 3,
        ys[i + 1] - ms[i + 1] * dxs[i] / 3,
        xs[i + 1],
        ys[i + 1]
      );
    }
  }
  return path;
}
var cursorPlots = /* @__PURE__ */ new Set();
function invalidateRects() {
  for (let u of cursorPlots)
    u.syncRect(true);
}
if (domEnv) {
  on(resize, win, invalidateRects);
  on(scroll, win, invalidateRects, true);
  on(dppxchange, win, () => {
    uPlot.pxRatio = pxRatio;
  });
}
var linearPath = linear();
var pointsPath = points();
function setDefaults(d, xo, yo, initY) {
  let d2 = initY ? [d[0], d[1]].concat(d.slice(2)) : [d[0]].concat(d.slice(1));
  return d2.map((o, i) => setDefault(o, i, xo, yo));
}
function setDefaults2(d, xyo) {
  return d.map((o, i) => i == 0 ? {} : assign({}, xyo, o));
}
function setDefault(o, i, xo, yo) {
  return assign({}, i == 0 ? xo : yo, o);
}
function snapNumX(self, dataMin, dataMax) {
  return dataMin == null ? nullNullTuple : [dataMin, dataMax];
}
var snapTimeX = snapNumX;
function snapNumY(self, dataMin, dataMax) {
  return dataMin == null ? nullNullTuple : rangeNum(dataMin, dataMax, rangePad, true);
}
function snapLogY(self, dataMin, dataMax, scale) {
  return dataMin == null ? nullNullTuple : rangeLog(dataMin, dataMax, self.scales[scale].log, false);
}
var snapLogX = snapLogY;
function snapAsinhY(self, dataMin, dataMax, scale) {
  return dataMin == null ? nullNullTuple : rangeAsinh(dataMin, dataMax, self.scales[scale].log, false);
}
var snapAsinhX = snapAsinhY;
function findIncr(minVal, maxVal, incrs, dim, minSpace) {
  let intDigits = max(numIntDigits(minVal), numIntDigits(maxVal));
  let delta = maxVal - minVal;
  let incrIdx = closestIdx(minSpace / dim * delta, incrs);
  do {
    let foundIncr = incrs[incrIdx];
    let foundSpace = dim * foundIncr / delta;
    if (foundSpace >= minSpace && intDigits + (foundIncr < 5 ? fixedDec.get(foundIncr) : 0) <= 17)
      return [foundIncr, foundSpace];
  } while (++incrIdx < incrs.length);
  return [0, 0];
}
function pxRatioFont(font2) {
  let fontSize, fontSizeCss;
  font2 = font2.replace(/(\d+)px/, (m, p1) => (fontSize = round((fontSizeCss = +p1) * pxRatio)) + "px");
  return [font2, fontSize, fontSizeCss];
}
function syncFontSize(axis2) {
  if (axis2.show) {
    [axis2.font, axis2.labelFont].forEach((f) => {
      let size = roundDec(f[2] * pxRatio, 1);
      f[0] = f[0].replace(/[0-9.]+px/, size + "px");
      f[1] = size;
    });
  }
}
function uPlot(opts, data, then) {
  const self = {
    mode: ifNull(opts.mode, 1)
  };
  const mode = self.mode;
  function getHPos(val, scale, dim, off2) {
    let pct = scale.valToPct(val);
    return off2 + dim * (scale.dir == -1 ? 1 - pct : pct);
  }
  function getVPos(val, scale, dim, off2) {
    let pct = scale.valToPct(val);
    return off2 + dim * (scale.dir == -1 ? pct : 1 - pct);
  }
  function getPos(val, scale, dim, off2) {
    return scale.ori == 0 ? getHPos(val, scale, dim, off2) : getVPos(val, scale, dim, off2);
  }
  self.valToPosH = getHPos;
  self.valToPosV = getVPos;
  let ready = false;
  self.status = 0;
  const root = self.root = placeDiv(UPLOT);
  if (opts.id != null)
    root.id = opts.id;
  addClass(root, opts.class);
  if (opts.title) {
    let title = placeDiv(TITLE, root);
    title.textContent = opts.title;
  }
  const can = placeTag("canvas");
  const ctx = self.ctx = can.getContext("2d");
  const wrap = placeDiv(WRAP, root);
  on("click", wrap, (e) => {
    if (e.target === over) {
      let didDrag = mouseLeft1 != mouseLeft0 || mouseTop1 != mouseTop0;
      didDrag && drag.click(self, e);
    }
  }, true);
  const under = self.under = placeDiv(UNDER, wrap);
  wrap.appendChild(can);
  const over = self.over = placeDiv(OVER, wrap);
  opts = copy(opts);
  const pxAlign = +ifNull(opts.pxAlign, 1);
  const pxRound = pxRoundGen(pxAlign);
  (opts.plugins || []).forEach((p) => {
    if (p.opts)
      opts = p.opts(self, opts) || opts;
  });
  const ms = opts.ms || 1e-3;
  const series = self.series = mode == 1 ? setDefaults(opts.series || [], xSeriesOpts, ySeriesOpts, false) : setDefaults2(opts.series || [null], xySeriesOpts);
  const axes = self.axes = setDefaults(opts.axes || [], xAxisOpts, yAxisOpts, true);
  const scales = self.scales = {};
  const bands = self.bands = opts.bands || [];
  bands.forEach((b) => {
    b.fill = fnOrSelf(b.fill || null);
    b.dir = ifNull(b.dir, -1);
  });
  const xScaleKey = mode == 2 ? series[1].facets[0].scale : series[0].scale;
  const drawOrderMap = {
    axes: drawAxesGrid,
    series: drawSeries
  };
  const drawOrder = (opts.drawOrder || ["axes", "series"]).map((key2) => drawOrderMap[key2]);
  function initValToPct(sc) {
    const getVal = sc.distr == 3 ? (val) => log10(val > 0 ? val : sc.clamp(self, val, sc.min, sc.max, sc.key)) : sc.distr == 4 ? (val) => asinh(val, sc.asinh) : sc.distr == 100 ? (val) => sc.fwd(val) : (val) => val;
    return (val) => {
      let _val = getVal(val);
      let { _min, _max } = sc;
      let delta = _max - _min;
      return (_val - _min) / delta;
    };
  }
  function initScale(scaleKey) {
    let sc = scales[scaleKey];
    if (sc == null) {
      let scaleOpts = (opts.scales || EMPTY_OBJ)[scaleKey] || EMPTY_OBJ;
      if (scaleOpts.from != null) {
        initScale(scaleOpts.from);
        let sc2 = assign({}, scales[scaleOpts.from], scaleOpts, { key: scaleKey });
        sc2.valToPct = initValToPct(sc2);
        scales[scaleKey] = sc2;
      } else {
        sc = scales[scaleKey] = assign({}, scaleKey == xScaleKey ? xScaleOpts : yScaleOpts, scaleOpts);
        sc.key = scaleKey;
        let isTime = sc.time;
        let rn = sc.range;
        let rangeIsArr = isArr(rn);
        if (scaleKey != xScaleKey || mode == 2 && !isTime) {
          if (rangeIsArr && (rn[0] == null || rn[1] == null)) {
            rn = {
              min: rn[0] == null ? autoRangePart : {
                mode: 1,
                hard: rn[0],
                soft: rn[0]
              },
              max: rn[1] == null ? autoRangePart : {
                mode: 1,
                hard: rn[1],
                soft: rn[1]
              }
            };
            rangeIsArr = false;
          }
          if (!rangeIsArr && isObj(rn)) {
            let cfg = rn;
            rn = (self2, dataMin, dataMax) => dataMin == null ? nullNullTuple : rangeNum(dataMin, dataMax, cfg);
          }
        }
        sc.range = fnOrSelf(rn || (isTime ? snapTimeX : scaleKey == xScaleKey ? sc.distr == 3 ? snapLogX : sc.distr == 4 ? snapAsinhX : snapNumX : sc.distr == 3 ? snapLogY : sc.distr == 4 ? snapAsinhY : snapNumY));
        sc.auto = fnOrSelf(rangeIsArr ? false : sc.auto);
        sc.clamp = fnOrSelf(sc.clamp || clampScale);
        sc._min = sc._max = null;
        sc.valToPct = initValToPct(sc);
      }
    }
  }
  initScale("x");
  initScale("y");
  if (mode == 1) {
    series.forEach((s) => {
      initScale(s.scale);
    });
  }
  axes.forEach((a) => {
    initScale(a.scale);
  });
  for (let k in opts.scales)
    initScale(k);
  const scaleX = scales[xScaleKey];
  const xScaleDistr = scaleX.distr;
  let valToPosX, valToPosY;
  if (scaleX.ori == 0) {
    addClass(root, ORI_HZ);
    valToPosX = getHPos;
    valToPosY = getVPos;
  } else {
    addClass(root, ORI_VT);
    valToPosX = getVPos;
    valToPosY = getHPos;
  }
  const pendScales = {};
  for (let k in scales) {
    let sc = scales[k];
    if (sc.min != null || sc.max != null) {
      pendScales[k] = { min: sc.min, max: sc.max };
      sc.min = sc.max = null;
    }
  }
  const _tzDate = opts.tzDate || ((ts) => new Date(round(ts / ms)));
  const _fmtDate = opts.fmtDate || fmtDate;
  const _timeAxisSplits = ms == 1 ? timeAxisSplitsMs(_tzDate) : timeAxisSplitsS(_tzDate);
  const _timeAxisVals = timeAxisVals(_tzDate, timeAxisStamps(ms == 1 ? _timeAxisStampsMs : _timeAxisStampsS, _fmtDate));
  const _timeSeriesVal = timeSeriesVal(_tzDate, timeSeriesStamp(_timeSeriesStamp, _fmtDate));
  const activeIdxs = [];
  const legend = self.legend = assign({}, legendOpts, opts.legend);
  const cursor = self.cursor = assign({}, cursorOpts, { drag: { y: mode == 2 } }, opts.cursor);
  const showLegend = legend.show;
  const showCursor = cursor.show;
  const markers2 = legend.markers;
  {
    legend.idxs = activeIdxs;
    markers2.width = fnOrSelf(markers2.width);
    markers2.dash = fnOrSelf(markers2.dash);
    markers2.stroke = fnOrSelf(markers2.stroke);
    markers2.fill = fnOrSelf(markers2.fill);
  }
  let legendTable;
  let legendHead;
  let legendBody;
  let legendRows = [];
  let legendCells = [];
  let legendCols;
  let multiValLegend = false;
  let NULL_LEGEND_VALUES = {};
  if (legend.live) {
    const getMultiVals = series[1] ? series[1].values : null;
    multiValLegend = getMultiVals != null;
    legendCols = multiValLegend ? getMultiVals(self, 1, 0) : { _: 0 };
    for (let k in legendCols)
      NULL_LEGEND_VALUES[k] = LEGEND_DISP;
  }
  if (showLegend) {
    legendTable = placeTag("table", LEGEND, root);
    legendBody = placeTag("tbody", null, legendTable);
    legend.mount(self, legendTable);
    if (multiValLegend) {
      legendHead = placeTag("thead", null, legendTable, legendBody);
      let head = placeTag("tr", null, legendHead);
      placeTag("th", null, head);
      for (var key in legendCols)
        placeTag("th", LEGEND_LABEL, head).textContent = key;
    } else {
      addClass(legendTable, LEGEND_INLINE);
      legend.live && addClass(legendTable, LEGEND_LIVE);
    }
  }
  const son = { show: true };
  const soff = { show: false };
  function initLegendRow(s, i) {
    if (i == 0 && (multiValLegend || !legend.live || mode == 2))
      return nullNullTuple;
    let cells = [];
    let row2 = placeTag("tr", LEGEND_SERIES, legendBody, legendBody.childNodes[i]);
    addClass(row2, s.class);
    if (!s.show)
      addClass(row2, OFF);
    let label = placeTag("th", null, row2);
    if (markers2.show) {
      let indic = placeDiv(LEGEND_MARKER, label);
      if (i > 0) {
        let width = markers2.width(self, i);
        if (width)
          indic.style.border = width + "px " + markers2.dash(self, i) + " " + markers2.stroke(self, i);
        indic.style.background = markers2.fill(self, i);
      }
    }
    let text = placeDiv(LEGEND_LABEL, label);
    if (s.label instanceof HTMLElement)
      text.appendChild(s.label);
    else
      text.textContent = s.label;
    if (i > 0) {
      if (!markers2.show)
        text.style.color = s.width > 0 ? markers2.stroke(self, i) : markers2.fill(self, i);
      onMouse("click", label, (e) => {
        if (cursor._lock)
          return;
        setCursorEvent(e);
        let seriesIdx = series.indexOf(s);
        if ((e.ctrlKey || e.metaKey) != legend.isolate) {
          let isolate = series.some((s2, i2) => i2 > 0 && i2 != seriesIdx && s2.show);
          series.forEach((s2, i2) => {
            i2 > 0 && setSeries(i2, isolate ? i2 == seriesIdx ? son : soff : son, true, syncOpts.setSeries);
          });
        } else
          setSeries(seriesIdx, { show: !s.show }, true, syncOpts.setSeries);
      }, false);
      if (cursorFocus) {
        onMouse(mouseenter, label, (e) => {
          if (cursor._lock)
            return;
          setCursorEvent(e);
          setSeries(series.indexOf(s), FOCUS_TRUE, true, syncOpts.setSeries);
        }, false);
      }
    }
    for (var key2 in legendCols) {
      let v = placeTag("td", LEGEND_VALUE, row2);
      v.textContent = "--";
      cells.push(v);
    }
    return [row2, cells];
  }
  const mouseListeners = /* @__PURE__ */ new Map();
  function onMouse(ev, targ, fn, onlyTarg = true) {
    const targListeners = mouseListeners.get(targ) || {};
    const listener = cursor.bind[ev](self, targ, fn, onlyTarg);
    if (listener) {
      on(ev, targ, targListeners[ev] = listener);
      mouseListeners.set(targ, targListeners);
    }
  }
  function offMouse(ev, targ, fn) {
    const targListeners = mouseListeners.get(targ) || {};
    for (let k in targListeners) {
      if (ev == null || k == ev) {
        off(k, targ, targListeners[k]);
        delete targListeners[k];
      }
    }
    if (ev == null)
      mouseListeners.delete(targ);
  }
  let fullWidCss = 0;
  let fullHgtCss = 0;
  let plotWidCss = 0;
  let plotHgtCss = 0;
  let plotLftCss = 0;
  let plotTopCss = 0;
  let _plotLftCss = plotLftCss;
  let _plotTopCss = plotTopCss;
  let _plotWidCss = plotWidCss;
  let _plotHgtCss = plotHgtCss;
  let plotLft = 0;
  let plotTop = 0;
  let plotWid = 0;
  let plotHgt = 0;
  self.bbox = {};
  let shouldSetScales = false;
  let shouldSetSize = false;
  let shouldConvergeSize = false;
  let shouldSetCursor = false;
  let shouldSetSelect = false;
  let shouldSetLegend = false;
  function _setSize(width, height, force) {
    if (force || (width != self.width || height != self.height))
      calcSize(width, height);
    resetYSeries(false);
    shouldConvergeSize = true;
    shouldSetSize = true;
    commit();
  }
  function calcSize(width, height) {
    self.width = fullWidCss = plotWidCss = width;
    self.height = fullHgtCss = plotHgtCss = height;
    plotLftCss = plotTopCss = 0;
    calcPlotRect();
    calcAxesRects();
    let bb = self.bbox;
    plotLft = bb.left = incrRound(plotLftCss * pxRatio, 0.5);
    plotTop = bb.top = incrRound(plotTopCss * pxRatio, 0.5);
    plotWid = bb.width = incrRound(plotWidCss * pxRatio, 0.5);
    plotHgt = bb.height = incrRound(plotHgtCss * pxRatio, 0.5);
  }
  const CYCLE_LIMIT = 3;
  function convergeSize() {
    let converged = false;
    let cycleNum = 0;
    while (!converged) {
      cycleNum++;
      let axesConverged = axesCalc(cycleNum);
      let paddingConverged = paddingCalc(cycleNum);
      converged = cycleNum == CYCLE_LIMIT || axesConverged && paddingConverged;
      if (!converged) {
        calcSize(self.width, self.height);
        shouldSetSize = true;
      }
    }
  }
  function setSize({ width, height }) {
    _setSize(width, height);
  }
  self.setSize = setSize;
  function calcPlotRect() {
    let hasTopAxis = false;
    let hasBtmAxis = false;
    let hasRgtAxis = false;
    let hasLftAxis = false;
    axes.forEach((axis2, i) => {
      if (axis2.show && axis2._show) {
        let { side, _size } = axis2;
        let isVt = side % 2;
        let labelSize = axis2.label != null ? axis2.labelSize : 0;
        let fullSize = _size + labelSize;
        if (fullSize > 0) {
          if (isVt) {
            plotWidCss -= fullSize;
            if (side == 3) {
              plotLftCss += fullSize;
              hasLftAxis = true;
            } else
              hasRgtAxis = true;
          } else {
            plotHgtCss -= fullSize;
            if (side == 0) {
              plotTopCss += fullSize;
              hasTopAxis = true;
            } else
              hasBtmAxis = true;
          }
        }
      }
    });
    sidesWithAxes[0] = hasTopAxis;
    sidesWithAxes[1] = hasRgtAxis;
    sidesWithAxes[2] = hasBtmAxis;
    sidesWithAxes[3] = hasLftAxis;
    plotWidCss -= _padding[1] + _padding[3];
    plotLftCss += _padding[3];
    plotHgtCss -= _padding[2] + _padding[0];
    plotTopCss += _padding[0];
  }
  function calcAxesRects() {
    let off1 = plotLftCss + plotWidCss;
    let off2 = plotTopCss + plotHgtCss;
    let off3 = plotLftCss;
    let off0 = plotTopCss;
    function incrOffset(side, size) {
      switch (side) {
        case 1:
          off1 += size;
          return off1 - size;
        case 2:
          off2 += size;
          return off2 - size;
        case 3:
          off3 -= size;
          return off3 + size;
        case 0:
          off0 -= size;
          return off0 + size;
      }
    }
    axes.forEach((axis2, i) => {
      if (axis2.show && axis2._show) {
        let side = axis2.side;
        axis2._pos = incrOffset(side, axis2._size);
        if (axis2.label != null)
          axis2._lpos = incrOffset(side, axis2.labelSize);
      }
    });
  }
  if (cursor.dataIdx == null) {
    let hov = cursor.hover;
    let skip = hov.skip = new Set(hov.skip ?? []);
    skip.add(void 0);
    let prox = hov.prox = fnOrSelf(hov.prox);
    let bias = hov.bias ??= 0;
    cursor.dataIdx = (self2, seriesIdx, cursorIdx, valAtPosX) => {
      if (seriesIdx == 0)
        return cursorIdx;
      let idx2 = cursorIdx;
      let _prox = prox(self2, seriesIdx, cursorIdx, valAtPosX) ?? inf;
      let withProx = _prox >= 0 && _prox < inf;
      let xDim = scaleX.ori == 0 ? plotWidCss : plotHgtCss;
      let cursorLft = cursor.left;
      let xValues = data[0];
      let yValues = data[seriesIdx];
      if (skip.has(yValues[cursorIdx])) {
        idx2 = null;
        let nonNullLft = null, nonNullRgt = null, j;
        if (bias == 0 || bias == -1) {
          j = cursorIdx;
          while (nonNullLft == null && j-- > 0) {
            if (!skip.has(yValues[j]))
              nonNullLft = j;
          }
        }
        if (bias == 0 || bias == 1) {
          j = cursorIdx;
          while (nonNullRgt == null && j++ < yValues.length) {
            if (!skip.has(yValues[j]))
              nonNullRgt = j;
          }
        }
        if (nonNullLft != null || nonNullRgt != null) {
          if (withProx) {
            let lftPos = nonNullLft == null ? -Infinity : valToPosX(xValues[nonNullLft], scaleX, xDim, 0);
            let rgtPos = nonNullRgt == null ? Infinity : valToPosX(xValues[nonNullRgt], scaleX, xDim, 0);
            let lftDelta = cursorLft - lftPos;
            let rgtDelta = rgtPos - cursorLft;
            if (lftDelta <= rgtDelta) {
              if (lftDelta <= _prox)
                idx2 = nonNullLft;
            } else {
              if (rgtDelta <= _prox)
                idx2 = nonNullRgt;
            }
          } else {
            idx2 = nonNullRgt == null ? nonNullLft : nonNullLft == null ? nonNullRgt : cursorIdx - nonNullLft <= nonNullRgt - cursorIdx ? nonNullLft : nonNullRgt;
          }
        }
      } else if (withProx) {
        let dist = abs(cursorLft - valToPosX(xValues[cursorIdx], scaleX, xDim, 0));
        if (dist > _prox)
          idx2 = null;
      }
      return idx2;
    };
  }
  const setCursorEvent = (e) => {
    cursor.event = e;
  };
  cursor.idxs = activeIdxs;
  cursor._lock = false;
  let points2 = cursor.points;
  points2.show = fnOrSelf(points2.show);
  points2.size = fnOrSelf(points2.size);
  points2.stroke = fnOrSelf(points2.stroke);
  points2.width = fnOrSelf(points2.width);
  points2.fill = fnOrSelf(points2.fill);
  const focus = self.focus = assign({}, opts.focus || { alpha: 0.3 }, cursor.focus);
  const cursorFocus = focus.prox >= 0;
  const cursorOnePt = cursorFocus && points2.one;
  let cursorPts = [];
  let cursorPtsLft = [];
  let cursorPtsTop = [];
  function initCursorPt(s, si) {
    let pt = points2.show(self, si);
    if (pt instanceof HTMLElement) {
      addClass(pt, CURSOR_PT);
      addClass(pt, s.class);
      elTrans(pt, -10, -10, plotWidCss, plotHgtCss);
      over.insertBefore(pt, cursorPts[si]);
      return pt;
    }
  }
  function initSeries(s, i) {
    if (mode == 1 || i > 0) {
      let isTime = mode == 1 && scales[s.scale].time;
      let sv = s.value;
      s.value = isTime ? isStr(sv) ? timeSeriesVal(_tzDate, timeSeriesStamp(sv, _fmtDate)) : sv || _timeSeriesVal : sv || numSeriesVal;
      s.label = s.label || (isTime ? timeSeriesLabel : numSeriesLabel);
    }
    if (cursorOnePt || i > 0) {
      s.width = s.width == null ? 1 : s.width;
      s.paths = s.paths || linearPath || retNull;
      s.fillTo = fnOrSelf(s.fillTo || seriesFillTo);
      s.pxAlign = +ifNull(s.pxAlign, pxAlign);
      s.pxRound = pxRoundGen(s.pxAlign);
      s.stroke = fnOrSelf(s.stroke || null);
      s.fill = fnOrSelf(s.fill || null);
      s._stroke = s._fill = s._paths = s._focus = null;
      let _ptDia = ptDia(max(1, s.width), 1);
      let points3 = s.points = assign({}, {
        size: _ptDia,
        width: max(1, _ptDia * 0.2),
        stroke: s.stroke,
        space: _ptDia * 2,
        paths: pointsPath,
        _stroke: null,
        _fill: null
      }, s.points);
      points3.show = fnOrSelf(points3.show);
      points3.filter = fnOrSelf(points3.filter);
      points3.fill = fnOrSelf(points3.fill);
      points3.stroke = fnOrSelf(points3.stroke);
      points3.paths = fnOrSelf(points3.paths);
      points3.pxAlign = s.pxAlign;
    }
    if (showLegend) {
      let rowCells = initLegendRow(s, i);
      legendRows.splice(i, 0, rowCells[0]);
      legendCells.splice(i, 0, rowCells[1]);
      legend.values.push(null);
    }
    if (showCursor) {
      activeIdxs.splice(i, 0, null);
      let pt = null;
      if (cursorOnePt) {
        if (i == 0)
          pt = initCursorPt(s, i);
      } else if (i > 0)
        pt = initCursorPt(s, i);
      cursorPts.splice(i, 0, pt);
      cursorPtsLft.splice(i, 0, 0);
      cursorPtsTop.splice(i, 0, 0);
    }
    fire("addSeries", i);
  }
  function addSeries(opts2, si) {
    si = si == null ? series.length : si;
    opts2 = mode == 1 ? setDefault(opts2, si, xSeriesOpts, ySeriesOpts) : setDefault(opts2, si, {}, xySeriesOpts);
    series.splice(si, 0, opts2);
    initSeries(series[si], si);
  }
  self.addSeries = addSeries;
  function delSeries(i) {
    series.splice(i, 1);
    if (showLegend) {
      legend.values.splice(i, 1);
      legendCells.splice(i, 1);
      let tr = legendRows.splice(i, 1)[0];
      offMouse(null, tr.firstChild);
      tr.remove();
    }
    if (showCursor) {
      activeIdxs.splice(i, 1);
      cursorPts.splice(i, 1)[0].remove();
      cursorPtsLft.splice(i, 1);
      cursorPtsTop.splice(i, 1);
    }
    fire("delSeries", i);
  }
  self.delSeries = delSeries;
  const sidesWithAxes = [false, false, false, false];
  function initAxis(axis2, i) {
    axis2._show = axis2.show;
    if (axis2.show) {
      let isVt = axis2.side % 2;
      let sc = scales[axis2.scale];
      if (sc == null) {
        axis2.scale = isVt ? series[1].scale : xScaleKey;
        sc = scales[axis2.scale];
      }
      let isTime = sc.time;
      axis2.size = fnOrSelf(axis2.size);
      axis2.space = fnOrSelf(axis2.space);
      axis2.rotate = fnOrSelf(axis2.rotate);
      if (isArr(axis2.incrs)) {
        axis2.incrs.forEach((incr) => {
          !fixedDec.has(incr) && fixedDec.set(incr, guessDec(incr));
        });
      }
      axis2.incrs = fnOrSelf(axis2.incrs || (sc.distr == 2 ? wholeIncrs : isTime ? ms == 1 ? timeIncrsMs : timeIncrsS : numIncrs));
      axis2.splits = fnOrSelf(axis2.splits || (isTime && sc.distr == 1 ? _timeAxisSplits : sc.distr == 3 ? logAxisSplits : sc.distr == 4 ? asinhAxisSplits : numAxisSplits));
      axis2.stroke = fnOrSelf(axis2.stroke);
      axis2.grid.stroke = fnOrSelf(axis2.grid.stroke);
      axis2.ticks.stroke = fnOrSelf(axis2.ticks.stroke);
      axis2.border.stroke = fnOrSelf(axis2.border.stroke);
      let av = axis2.values;
      axis2.values = // static array of tick values
      isArr(av) && !isArr(av[0]) ? fnOrSelf(av) : (
        // temporal
        isTime ? (
          // config array of fmtDate string tpls
          isArr(av) ? timeAxisVals(_tzDate, timeAxisStamps(av, _fmtDate)) : (
            // fmtDate string tpl
            isStr(av) ? timeAxisVal(_tzDate, av) : av || _timeAxisVals
          )
        ) : av || numAxisVals
      );
      axis2.filter = fnOrSelf(axis2.filter || (sc.distr >= 3 && sc.log == 10 ? log10AxisValsFilt : sc.distr == 3 && sc.log == 2 ? log2AxisValsFilt : retArg1));
      axis2.font = pxRatioFont(axis2.font);
      axis2.labelFont = pxRatioFont(axis2.labelFont);
      axis2._size = axis2.size(self, null, i, 0);
      axis2._space = axis2._rotate = axis2._incrs = axis2._found = // foundIncrSpace
      axis2._splits = axis2._values = null;
      if (axis2._size > 0) {
        sidesWithAxes[i] = true;
        axis2._el = placeDiv(AXIS, wrap);
      }
    }
  }
  function autoPadSide(self2, side, sidesWithAxes2, cycleNum) {
    let [hasTopAxis, hasRgtAxis, hasBtmAxis, hasLftAxis] = sidesWithAxes2;
    let ori = side % 2;
    let size = 0;
    if (ori == 0 && (hasLftAxis || hasRgtAxis))
      size = side == 0 && !hasTopAxis || side == 2 && !hasBtmAxis ? round(xAxisOpts.size / 3) : 0;
    if (ori == 1 && (hasTopAxis || hasBtmAxis))
      size = side == 1 && !hasRgtAxis || side == 3 && !hasLftAxis ? round(yAxisOpts.size / 2) : 0;
    return size;
  }
  const padding = self.padding = (opts.padding || [autoPadSide, autoPadSide, autoPadSide, autoPadSide]).map((p) => fnOrSelf(ifNull(p, autoPadSide)));
  const _padding = self._padding = padding.map((p, i) => p(self, i, sidesWithAxes, 0));
  let dataLen;
  let i0 = null;
  let i1 = null;
  const idxs = mode == 1 ? series[0].idxs : null;
  let data0 = null;
  let viaAutoScaleX = false;
  function setData(_data, _resetScales) {
    data = _data == null ? [] : _data;
    self.data = self._data = data;
    if (mode == 2) {
      dataLen = 0;
      for (let i = 1; i < series.length; i++)
        dataLen += data[i][0].length;
    } else {
      if (data.length == 0)
        self.data = self._data = data = [[]];
      data0 = data[0];
      dataLen = data0.length;
      let scaleData = data;
      if (xScaleDistr == 2) {
        scaleData = data.slice();
        let _data0 = scaleData[0] = Array(dataLen);
        for (let i = 0; i < dataLen; i++)
          _data0[i] = i;
      }
      self._data = data = scaleData;
    }
    resetYSeries(true);
    fire("setData");
    if (xScaleDistr == 2) {
      shouldConvergeSize = true;
    }
    if (_resetScales !== false) {
      let xsc = scaleX;
      if (xsc.auto(self, viaAutoScaleX))
        autoScaleX();
      else
        _setScale(xScaleKey, xsc.min, xsc.max);
      shouldSetCursor = shouldSetCursor || cursor.left >= 0;
      shouldSetLegend = true;
      commit();
    }
  }
  self.setData = setData;
  function autoScaleX() {
    viaAutoScaleX = true;
    let _min, _max;
    if (mode == 1) {
      if (dataLen > 0) {
        i0 = idxs[0] = 0;
        i1 = idxs[1] = dataLen - 1;
        _min = data[0][i0];
        _max = data[0][i1];
        if (xScaleDistr == 2) {
          _min = i0;
          _max = i1;
        } else if (_min == _max) {
          if (xScaleDistr == 3)
            [_min, _max] = rangeLog(_min, _min, scaleX.log, false);
          else if (xScaleDistr == 4)
            [_min, _max] = rangeAsinh(_min, _min, scaleX.log, false);
          else if (scaleX.time)
            _max = _min + round(86400 / ms);
          else
            [_min, _max] = rangeNum(_min, _max, rangePad, true);
        }
      } else {
        i0 = idxs[0] = _min = null;
        i1 = idxs[1] = _max = null;
      }
    }
    _setScale(xScaleKey, _min, _max);
  }
  let ctxStroke, ctxFill, ctxWidth, ctxDash, ctxJoin, ctxCap, ctxFont, ctxAlign, ctxBaseline;
  let ctxAlpha;
  function setCtxStyle(stroke, width, dash, cap, fill2, join2) {
    stroke ??= transparent;
    dash ??= EMPTY_ARR;
    cap ??= "butt";
    fill2 ??= transparent;
    join2 ??= "round";
    if (stroke != ctxStroke)
      ctx.strokeStyle = ctxStroke = stroke;
    if (fill2 != ctxFill)
      ctx.fillStyle = ctxFill = fill2;
    if (width != ctxWidth)
      ctx.lineWidth = ctxWidth = width;
    if (join2 != ctxJoin)
      ctx.lineJoin = ctxJoin = join2;
    if (cap != ctxCap)
      ctx.lineCap = ctxCap = cap;
    if (dash != ctxDash)
      ctx.setLineDash(ctxDash = dash);
  }
  function setFontStyle(font2, fill2, align, baseline) {
    if (fill2 != ctxFill)
      ctx.fillStyle = ctxFill = fill2;
    if (font2 != ctxFont)
      ctx.font = ctxFont = font2;
    if (align != ctxAlign)
      ctx.textAlign = ctxAlign = align;
    if (baseline != ctxBaseline)
      ctx.textBaseline = ctxBaseline = baseline;
  }
  function accScale(wsc, psc, facet2, data2, sorted = 0) {
    if (data2.length > 0 && wsc.auto(self, viaAutoScaleX) && (psc == null || psc.min == null)) {
      let _i0 = ifNull(i0, 0);
      let _i1 = ifNull(i1, data2.length - 1);
      let minMax = facet2.min == null ? getMinMax(data2, _i0, _i1, sorted, wsc.distr == 3) : [facet2.min, facet2.max];
      wsc.min = min(wsc.min, facet2.min = minMax[0]);
      wsc.max = max(wsc.max, facet2.max = minMax[1]);
    }
  }
  const AUTOSCALE = { min: null, max: null };
  function setScales() {
    for (let k in scales) {
      let sc = scales[k];
      if (pendScales[k] == null && // scales that have never been set (on init)
      (sc.min == null || // or auto scales when the x scale was explicitly set
      pendScales[xScaleKey] != null && sc.auto(self, viaAutoScaleX))) {
        pendScales[k] = AUTOSCALE;
      }
    }
    for (let k in scales) {
      let sc = scales[k];
      if (pendScales[k] == null && sc.from != null && pendScales[sc.from] != null)
        pendScales[k] = AUTOSCALE;
    }
    if (pendScales[xScaleKey] != null)
      resetYSeries(true);
    let wipScales = {};
    for (let k in pendScales) {
      let psc = pendScales[k];
      if (psc != null) {
        let wsc = wipScales[k] = copy(scales[k], fastIsObj);
        if (psc.min != null)
          assign(wsc, psc);
        else if (k != xScaleKey || mode == 2) {
          if (dataLen == 0 && wsc.from == null) {
            let minMax = wsc.range(self, null, null, k);
            wsc.min = minMax[0];
            wsc.max = minMax[1];
          } else {
            wsc.min = inf;
            wsc.max = -inf;
          }
        }
      }
    }
    if (dataLen > 0) {
      series.forEach((s, i) => {
        if (mode == 1) {
          let k = s.scale;
          let psc = pendScales[k];
          if (psc == null)
            return;
          let wsc = wipScales[k];
          if (i == 0) {
            let minMax = wsc.range(self, wsc.min, wsc.max, k);
            wsc.min = minMax[0];
            wsc.max = minMax[1];
            i0 = closestIdx(wsc.min, data[0]);
            i1 = closestIdx(wsc.max, data[0]);
            if (i1 - i0 > 1) {
              if (data[0][i0] < wsc.min)
                i0++;
              if (data[0][i1] > wsc.max)
                i1--;
            }
            s.min = data0[i0];
            s.max = data0[i1];
          } else if (s.show && s.auto)
            accScale(wsc, psc, s, data[i], s.sorted);
          s.idxs[0] = i0;
          s.idxs[1] = i1;
        } else {
          if (i > 0) {
            if (s.show && s.auto) {
              let [xFacet, yFacet] = s.facets;
              let xScaleKey2 = xFacet.scale;
              let yScaleKey = yFacet.scale;
              let [xData, yData] = data[i];
              let wscx = wipScales[xScaleKey2];
              let wscy = wipScales[yScaleKey];
              wscx != null && accScale(wscx, pendScales[xScaleKey2], xFacet, xData, xFacet.sorted);
              wscy != null && accScale(wscy, pendScales[yScaleKey], yFacet, yData, yFacet.sorted);
              s.min = yFacet.min;
              s.max = yFacet.max;
            }
          }
        }
      });
      for (let k in wipScales) {
        let wsc = wipScales[k];
        let psc = pendScales[k];
        if (wsc.from == null && (psc == null || psc.min == null)) {
          let minMax = wsc.range(
            self,
            wsc.min == inf ? null : wsc.min,
            wsc.max == -inf ? null : wsc.max,
            k
          );
          wsc.min = minMax[0];
          wsc.max = minMax[1];
        }
      }
    }
    for (let k in wipScales) {
      let wsc = wipScales[k];
      if (wsc.from != null) {
        let base = wipScales[wsc.from];
        if (base.min == null)
          wsc.min = wsc.max = null;
        else {
          let minMax = wsc.range(self, base.min, base.max, k);
          wsc.min = minMax[0];
          wsc.max = minMax[1];
        }
      }
    }
    let changed = {};
    let anyChanged = false;
    for (let k in wipScales) {
      let wsc = wipScales[k];
      let sc = scales[k];
      if (sc.min != wsc.min || sc.max != wsc.max) {
        sc.min = wsc.min;
        sc.max = wsc.max;
        let distr = sc.distr;
        sc._min = distr == 3 ? log10(sc.min) : distr == 4 ? asinh(sc.min, sc.asinh) : distr == 100 ? sc.fwd(sc.min) : sc.min;
        sc._max = distr == 3 ? log10(sc.max) : distr == 4 ? asinh(sc.max, sc.asinh) : distr == 100 ? sc.fwd(sc.max) : sc.max;
        changed[k] = anyChanged = true;
      }
    }
    if (anyChanged) {
      series.forEach((s, i) => {
        if (mode == 2) {
          if (i > 0 && changed.y)
            s._paths = null;
        } else {
          if (changed[s.scale])
            s._paths = null;
        }
      });
      for (let k in changed) {
        shouldConvergeSize = true;
        fire("setScale", k);
      }
      if (showCursor && cursor.left >= 0)
        shouldSetCursor = shouldSetLegend = true;
    }
    for (let k in pendScales)
      pendScales[k] = null;
  }
  function getOuterIdxs(ydata) {
    let _i0 = clamp(i0 - 1, 0, dataLen - 1);
    let _i1 = clamp(i1 + 1, 0, dataLen - 1);
    while (ydata[_i0] == null && _i0 > 0)
      _i0--;
    while (ydata[_i1] == null && _i1 < dataLen - 1)
      _i1++;
    return [_i0, _i1];
  }
  function drawSeries() {
    if (dataLen > 0) {
      let shouldAlpha = series.some((s) => s._focus) && ctxAlpha != focus.alpha;
      if (shouldAlpha)
        ctx.globalAlpha = ctxAlpha = focus.alpha;
      series.forEach((s, i) => {
        if (i > 0 && s.show) {
          cacheStrokeFill(i, false);
          cacheStrokeFill(i, true);
          if (s._paths == null) {
            let _ctxAlpha = ctxAlpha;
            if (ctxAlpha != s.alpha)
              ctx.globalAlpha = ctxAlpha = s.alpha;
            let _idxs = mode == 2 ? [0, data[i][0].length - 1] : getOuterIdxs(data[i]);
            s._paths = s.paths(self, i, _idxs[0], _idxs[1]);
            if (ctxAlpha != _ctxAlpha)
              ctx.globalAlpha = ctxAlpha = _ctxAlpha;
          }
        }
      });
      series.forEach((s, i) => {
        if (i > 0 && s.show) {
          let _ctxAlpha = ctxAlpha;
          if (ctxAlpha != s.alpha)
            ctx.globalAlpha = ctxAlpha = s.alpha;
          s._paths != null && drawPath(i, false);
          {
            let _gaps = s._paths != null ? s._paths.gaps : null;
            let show2 = s.points.show(self, i, i0, i1, _gaps);
            let idxs2 = s.points.filter(self, i, show2, _gaps);
            if (show2 || idxs2) {
              s.points._paths = s.points.paths(self, i, i0, i1, idxs2);
              drawPath(i, true);
            }
          }
          if (ctxAlpha != _ctxAlpha)
            ctx.globalAlpha = ctxAlpha = _ctxAlpha;
          fire("drawSeries", i);
        }
      });
      if (shouldAlpha)
        ctx.globalAlpha = ctxAlpha = 1;
    }
  }
  function cacheStrokeFill(si, _points) {
    let s = _points ? series[si].points : series[si];
    s._stroke = s.stroke(self, si);
    s._fill = s.fill(self, si);
  }
  function drawPath(si, _points) {
    let s = _points ? series[si].points : series[si];
    let {
      stroke,
      fill: fill2,
      clip: gapsClip,
      flags,
      _stroke: strokeStyle = s._stroke,
      _fill: fillStyle = s._fill,
      _width: width = s.width
    } = s._paths;
    width = roundDec(width * pxRatio, 3);
    let boundsClip = null;
    let offset = width % 2 / 2;
    if (_points && fillStyle == null)
      fillStyle = width > 0 ? "#fff" : strokeStyle;
    let _pxAlign = s.pxAlign == 1 && offset > 0;
    _pxAlign && ctx.translate(offset, offset);
    if (!_points) {
      let lft = plotLft - width / 2, top = plotTop - width / 2, wid = plotWid + width, hgt = plotHgt + width;
      boundsClip = new Path2D();
      boundsClip.rect(lft, top, wid, hgt);
    }
    if (_points)
      strokeFill(strokeStyle, width, s.dash, s.cap, fillStyle, stroke, fill2, flags, gapsClip);
    else
      fillStroke(si, strokeStyle, width, s.dash, s.cap, fillStyle, stroke, fill2, flags, boundsClip, gapsClip);
    _pxAlign && ctx.translate(-offset, -offset);
  }
  function fillStroke(si, strokeStyle, lineWidth, lineDash, lineCap, fillStyle, strokePath, fillPath, flags, boundsClip, gapsClip) {
    let didStrokeFill = false;
    flags != 0 && bands.forEach((b, bi) => {
      if (b.series[0] == si) {
        let lowerEdge = series[b.series[1]];
        let lowerData = data[b.series[1]];
        let bandClip = (lowerEdge._paths || EMPTY_OBJ).band;
        if (isArr(bandClip))
          bandClip = b.dir == 1 ? bandClip[0] : bandClip[1];
        let gapsClip2;
        let _fillStyle = null;
        if (lowerEdge.show && bandClip && hasData(lowerData, i0, i1)) {
          _fillStyle = b.fill(self, bi) || fillStyle;
          gapsClip2 = lowerEdge._paths.clip;
        } else
          bandClip = null;
        strokeFill(strokeStyle, lineWidth, lineDash, lineCap, _fillStyle, strokePath, fillPath, flags, boundsClip, gapsClip, gapsClip2, bandClip);
        didStrokeFill = true;
      }
    });
    if (!didStrokeFill)
      strokeFill(strokeStyle, lineWidth, lineDash, lineCap, fillStyle, strokePath, fillPath, flags, boundsClip, gapsClip);
  }
  const CLIP_FILL_STROKE = BAND_CLIP_FILL | BAND_CLIP_STROKE;
  function strokeFill(strokeStyle, lineWidth, lineDash, lineCap, fillStyle, strokePath, fillPath, flags, boundsClip, gapsClip, gapsClip2, bandClip) {
    setCtxStyle(strokeStyle, lineWidth, lineDash, lineCap, fillStyle);
    if (boundsClip || gapsClip || bandClip) {
      ctx.save();
      boundsClip && ctx.clip(boundsClip);
      gapsClip && ctx.clip(gapsClip);
    }
    if (bandClip) {
      if ((flags & CLIP_FILL_STROKE) == CLIP_FILL_STROKE) {
        ctx.clip(bandClip);
        gapsClip2 && ctx.clip(gapsClip2);
        doFill(fillStyle, fillPath);
        doStroke(strokeStyle, strokePath, lineWidth);
      } else if (flags & BAND_CLIP_STROKE) {
        doFill(fillStyle, fillPath);
        ctx.clip(bandClip);
        doStroke(strokeStyle, strokePath, lineWidth);
      } else if (flags & BAND_CLIP_FILL) {
        ctx.save();
        ctx.clip(bandClip);
        gapsClip2 && ctx.clip(gapsClip2);
        doFill(fillStyle, fillPath);
        ctx.restore();
        doStroke(strokeStyle, strokePath, lineWidth);
      }
    } else {
      doFill(fillStyle, fillPath);
      doStroke(strokeStyle, strokePath, lineWidth);
    }
    if (boundsClip || gapsClip || bandClip)
      ctx.restore();
  }
  function doStroke(strokeStyle, strokePath, lineWidth) {
    if (lineWidth > 0) {
      if (strokePath instanceof Map) {
        strokePath.forEach((strokePath2, strokeStyle2) => {
          ctx.strokeStyle = ctxStroke = strokeStyle2;
          ctx.stroke(strokePath2);
        });
      } else
        strokePath != null && strokeStyle && ctx.stroke(strokePath);
    }
  }
  function doFill(fillStyle, fillPath) {
    if (fillPath instanceof Map) {
      fillPath.forEach((fillPath2, fillStyle2) => {
        ctx.fillStyle = ctxFill = fillStyle2;
        ctx.fill(fillPath2);
      });
    } else
      fillPath != null && fillStyle && ctx.fill(fillPath);
  }
  function getIncrSpace(axisIdx, min2, max2, fullDim) {
    let axis2 = axes[axisIdx];
    let incrSpace;
    if (fullDim <= 0)
      incrSpace = [0, 0];
    else {
      let minSpace = axis2._space = axis2.space(self, axisIdx, min2, max2, fullDim);
      let incrs = axis2._incrs = axis2.incrs(self, axisIdx, min2, max2, fullDim, minSpace);
      incrSpace = findIncr(min2, max2, incrs, fullDim, minSpace);
    }
    return axis2._found = incrSpace;
  }
  function drawOrthoLines(offs, filts, ori, side, pos0, len, width, stroke, dash, cap) {
    let offset = width % 2 / 2;
    pxAlign == 1 && ctx.translate(offset, offset);
    setCtxStyle(stroke, width, dash, cap, stroke);
    ctx.beginPath();
    let x0, y0, x1, y1, pos1 = pos0 + (side == 0 || side == 3 ? -len : len);
    if (ori == 0) {
      y0 = pos0;
      y1 = pos1;
    } else {
      x0 = pos0;
      x1 = pos1;
    }
    for (let i = 0; i < offs.length; i++) {
      if (filts[i] != null) {
        if (ori == 0)
          x0 = x1 = offs[i];
        else
          y0 = y1 = offs[i];
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
      }
    }
    ctx.stroke();
    pxAlign == 1 && ctx.translate(-offset, -offset);
  }
  function axesCalc(cycleNum) {
    let converged = true;
    axes.forEach((axis2, i) => {
      if (!axis2.show)
        return;
      let scale = scales[axis2.scale];
      if (scale.min == null) {
        if (axis2._show) {
          converged = false;
          axis2._show = false;
          resetYSeries(false);
        }
        return;
      } else {
        if (!axis2._show) {
          converged = false;
          axis2._show = true;
          resetYSeries(false);
        }
      }
      let side = axis2.side;
      let ori = side % 2;
      let { min: min2, max: max2 } = scale;
      let [_incr, _space] = getIncrSpace(i, min2, max2, ori == 0 ? plotWidCss : plotHgtCss);
      if (_space == 0)
        return;
      let forceMin = scale.distr == 2;
      let _splits = axis2._splits = axis2.splits(self, i, min2, max2, _incr, _space, forceMin);
      let splits = scale.distr == 2 ? _splits.map((i2) => data0[i2]) : _splits;
      let incr = scale.distr == 2 ? data0[_splits[1]] - data0[_splits[0]] : _incr;
      let values = axis2._values = axis2.values(self, axis2.filter(self, splits, i, _space, incr), i, _space, incr);
      axis2._rotate = side == 2 ? axis2.rotate(self, values, i, _space) : 0;
      let oldSize = axis2._size;
      axis2._size = ceil(axis2.size(self, values, i, cycleNum));
      if (oldSize != null && axis2._size != oldSize)
        converged = false;
    });
    return converged;
  }
  function paddingCalc(cycleNum) {
    let converged = true;
    padding.forEach((p, i) => {
      let _p = p(self, i, sidesWithAxes, cycleNum);
      if (_p != _padding[i])
        converged = false;
      _padding[i] = _p;
    });
    return converged;
  }
  function drawAxesGrid() {
    for (let i = 0; i < axes.length; i++) {
      let axis2 = axes[i];
      if (!axis2.show || !axis2._show)
        continue;
      let side = axis2.side;
      let ori = side % 2;
      let x, y;
      let fillStyle = axis2.stroke(self, i);
      let shiftDir = side == 0 || side == 3 ? -1 : 1;
      let [_incr, _space] = axis2._found;
      if (axis2.label != null) {
        let shiftAmt2 = axis2.labelGap * shiftDir;
        let baseLpos = round((axis2._lpos + shiftAmt2) * pxRatio);
        setFontStyle(axis2.labelFont[0], fillStyle, "center", side == 2 ? TOP : BOTTOM);
        ctx.save();
        if (ori == 1) {
          x = y = 0;
          ctx.translate(
            baseLpos,
            round(plotTop + plotHgt / 2)
          );
          ctx.rotate((side == 3 ? -PI : PI) / 2);
        } else {
          x = round(plotLft + plotWid / 2);
          y = baseLpos;
        }
        let _label = isFn(axis2.label) ? axis2.label(self, i, _incr, _space) : axis2.label;
        ctx.fillText(_label, x, y);
        ctx.restore();
      }
      if (_space == 0)
        continue;
      let scale = scales[axis2.scale];
      let plotDim = ori == 0 ? plotWid : plotHgt;
      let plotOff = ori == 0 ? plotLft : plotTop;
      let _splits = axis2._splits;
      let splits = scale.distr == 2 ? _splits.map((i2) => data0[i2]) : _splits;
      let incr = scale.distr == 2 ? data0[_splits[1]] - data0[_splits[0]] : _incr;
      let ticks2 = axis2.ticks;
      let border2 = axis2.border;
      let _tickSize = ticks2.show ? ticks2.size : 0;
      let tickSize = round(_tickSize * pxRatio);
      let axisGap = round((axis2.alignTo == 2 ? axis2._size - _tickSize - axis2.gap : axis2.gap) * pxRatio);
      let angle = axis2._rotate * -PI / 180;
      let basePos = pxRound(axis2._pos * pxRatio);
      let shiftAmt = (tickSize + axisGap) * shiftDir;
      let finalPos = basePos + shiftAmt;
      y = ori == 0 ? finalPos : 0;
      x = ori == 1 ? finalPos : 0;
      let font2 = axis2.font[0];
      let textAlign = axis2.align == 1 ? LEFT : axis2.align == 2 ? RIGHT : angle > 0 ? LEFT : angle < 0 ? RIGHT : ori == 0 ? "center" : side == 3 ? RIGHT : LEFT;
      let textBaseline = angle || ori == 1 ? "middle" : side == 2 ? TOP : BOTTOM;
      setFontStyle(font2, fillStyle, textAlign, textBaseline);
      let lineHeight = axis2.font[1] * axis2.lineGap;
      let canOffs = _splits.map((val) => pxRound(getPos(val, scale, plotDim, plotOff)));
      let _values = axis2._values;
      for (let i2 = 0; i2 < _values.length; i2++) {
        let val = _values[i2];
        if (val != null) {
          if (ori == 0)
            x = canOffs[i2];
          else
            y = canOffs[i2];
          val = "" + val;
          let _parts = val.indexOf("\n") == -1 ? [val] : val.split(/\n/gm);
          for (let j = 0; j < _parts.length; j++) {
            let text = _parts[j];
            if (angle) {
              ctx.save();
              ctx.translate(x, y + j * lineHeight);
              ctx.rotate(angle);
              ctx.fillText(text, 0, 0);
              ctx.restore();
            } else
              ctx.fillText(text, x, y + j * lineHeight);
          }
        }
      }
      if (ticks2.show) {
        drawOrthoLines(
          canOffs,
          ticks2.filter(self, splits, i, _space, incr),
          ori,
          side,
          basePos,
          tickSize,
          roundDec(ticks2.width * pxRatio, 3),
          ticks2.stroke(self, i),
          ticks2.dash,
          ticks2.cap
        );
      }
      let grid2 = axis2.grid;
      if (grid2.show) {
        drawOrthoLines(
          canOffs,
          grid2.filter(self, splits, i, _space, incr),
          ori,
          ori == 0 ? 2 : 1,
          ori == 0 ? plotTop : plotLft,
          ori == 0 ? plotHgt : plotWid,
          roundDec(grid2.width * pxRatio, 3),
          grid2.stroke(self, i),
          grid2.dash,
          grid2.cap
        );
      }
      if (border2.show) {
        drawOrthoLines(
          [basePos],
          [1],
          ori == 0 ? 1 : 0,
          ori == 0 ? 1 : 2,
          ori == 1 ? plotTop : plotLft,
          ori == 1 ? plotHgt : plotWid,
          roundDec(border2.width * pxRatio, 3),
          border2.stroke(self, i),
          border2.dash,
          border2.cap
        );
      }
    }
    fire("drawAxes");
  }
  function resetYSeries(minMax) {
    series.forEach((s, i) => {
      if (i > 0) {
        s._paths = null;
        if (minMax) {
          if (mode == 1) {
            s.min = null;
            s.max = null;
          } else {
            s.facets.forEach((f) => {
              f.min = null;
              f.max = null;
            });
          }
        }
      }
    });
  }
  let queuedCommit = false;
  let deferHooks = false;
  let hooksQueue = [];
  function flushHooks() {
    deferHooks = false;
    for (let i = 0; i < hooksQueue.length; i++)
      fire(...hooksQueue[i]);
    hooksQueue.length = 0;
  }
  function commit() {
    if (!queuedCommit) {
      microTask(_commit);
      queuedCommit = true;
    }
  }
  function batch(fn, _deferHooks = false) {
    queuedCommit = true;
    deferHooks = _deferHooks;
    fn(self);
    _commit();
    if (_deferHooks && hooksQueue.length > 0)
      queueMicrotask(flushHooks);
  }
  self.batch = batch;
  function _commit() {
    if (shouldSetScales) {
      setScales();
      shouldSetScales = false;
    }
    if (shouldConvergeSize) {
      convergeSize();
      shouldConvergeSize = false;
    }
    if (shouldSetSize) {
      setStylePx(under, LEFT, plotLftCss);
      setStylePx(under, TOP, plotTopCss);
      setStylePx(under, WIDTH, plotWidCss);
      setStylePx(under, HEIGHT, plotHgtCss);
      setStylePx(over, LEFT, plotLftCss);
      setStylePx(over, TOP, plotTopCss);
      setStylePx(over, WIDTH, plotWidCss);
      setStylePx(over, HEIGHT, plotHgtCss);
      setStylePx(wrap, WIDTH, fullWidCss);
      setStylePx(wrap, HEIGHT, fullHgtCss);
      can.width = round(fullWidCss * pxRatio);
      can.height = round(fullHgtCss * pxRatio);
      axes.forEach(({ _el, _show, _size, _pos, side }) => {
        if (_el != null) {
          if (_show) {
            let posOffset = side === 3 || side === 0 ? _size : 0;
            let isVt = side % 2 == 1;
            setStylePx(_el, isVt ? "left" : "top", _pos - posOffset);
            setStylePx(_el, isVt ? "width" : "height", _size);
            setStylePx(_el, isVt ? "top" : "left", isVt ? plotTopCss : plotLftCss);
            setStylePx(_el, isVt ? "height" : "width", isVt ? plotHgtCss : plotWidCss);
            remClass(_el, OFF);
          } else
            addClass(_el, OFF);
        }
      });
      ctxStroke = ctxFill = ctxWidth = ctxJoin = ctxCap = ctxFont = ctxAlign = ctxBaseline = ctxDash = null;
      ctxAlpha = 1;
      syncRect(true);
      if (plotLftCss != _plotLftCss || plotTopCss != _plotTopCss || plotWidCss != _plotWidCss || plotHgtCss != _plotHgtCss) {
        resetYSeries(false);
        let pctWid = plotWidCss / _plotWidCss;
        let pctHgt = plotHgtCss / _plotHgtCss;
        if (showCursor && !shouldSetCursor && cursor.left >= 0) {
          cursor.left *= pctWid;
          cursor.top *= pctHgt;
          vCursor && elTrans(vCursor, round(cursor.left), 0, plotWidCss, plotHgtCss);
          hCursor && elTrans(hCursor, 0, round(cursor.top), plotWidCss, plotHgtCss);
          for (let i = 0; i < cursorPts.length; i++) {
            let pt = cursorPts[i];
            if (pt != null) {
              cursorPtsLft[i] *= pctWid;
              cursorPtsTop[i] *= pctHgt;
              elTrans(pt, ceil(cursorPtsLft[i]), ceil(cursorPtsTop[i]), plotWidCss, plotHgtCss);
            }
          }
        }
        if (select.show && !shouldSetSelect && select.left >= 0 && select.width > 0) {
          select.left *= pctWid;
          select.width *= pctWid;
          select.top *= pctHgt;
          select.height *= pctHgt;
          for (let prop in _hideProps)
            setStylePx(selectDiv, prop, select[prop]);
        }
        _plotLftCss = plotLftCss;
        _plotTopCss = plotTopCss;
        _plotWidCss = plotWidCss;
        _plotHgtCss = plotHgtCss;
      }
      fire("setSize");
      shouldSetSize = false;
    }
    if (fullWidCss > 0 && fullHgtCss > 0) {
      ctx.clearRect(0, 0, can.width, can.height);
      fire("drawClear");
      drawOrder.forEach((fn) => fn());
      fire("draw");
    }
    if (select.show && shouldSetSelect) {
      setSelect(select);
      shouldSetSelect = false;
    }
    if (showCursor && shouldSetCursor) {
      updateCursor(null, true, false);
      shouldSetCursor = false;
    }
    if (legend.show && legend.live && shouldSetLegend) {
      setLegend();
      shouldSetLegend = false;
    }
    if (!ready) {
      ready = true;
      self.status = 1;
      fire("ready");
    }
    viaAutoScaleX = false;
    queuedCommit = false;
  }
  self.redraw = (rebuildPaths, recalcAxes) => {
    shouldConvergeSize = recalcAxes || false;
    if (rebuildPaths !== false)
      _setScale(xScaleKey, scaleX.min, scaleX.max);
    else
      commit();
  };
  function setScale(key2, opts2) {
    let sc = scales[key2];
    if (sc.from == null) {
      if (dataLen == 0) {
        let minMax = sc.range(self, opts2.min, opts2.max, key2);
        opts2.min = minMax[0];
        opts2.max = minMax[1];
      }
      if (opts2.min > opts2.max) {
        let _min = opts2.min;
        opts2.min = opts2.max;
        opts2.max = _min;
      }
      if (dataLen > 1 && opts2.min != null && opts2.max != null && opts2.max - opts2.min < 1e-16)
        return;
      if (key2 == xScaleKey) {
        if (sc.distr == 2 && dataLen > 0) {
          opts2.min = closestIdx(opts2.min, data[0]);
          opts2.max = closestIdx(opts2.max, data[0]);
          if (opts2.min == opts2.max)
            opts2.max++;
        }
      }
      pendScales[key2] = opts2;
      shouldSetScales = true;
      commit();
    }
  }
  self.setScale = setScale;
  let xCursor;
  let yCursor;
  let vCursor;
  let hCursor;
  let rawMouseLeft0;
  let rawMouseTop0;
  let mouseLeft0;
  let mouseTop0;
  let rawMouseLeft1;
  let rawMouseTop1;
  let mouseLeft1;
  let mouseTop1;
  let dragging = false;
  const drag = cursor.drag;
  let dragX = drag.x;
  let dragY = drag.y;
  if (showCursor) {
    if (cursor.x)
      xCursor = placeDiv(CURSOR_X, over);
    if (cursor.y)
      yCursor = placeDiv(CURSOR_Y, over);
    if (scaleX.ori == 0) {
      vCursor = xCursor;
      hCursor = yCursor;
    } else {
      vCursor = yCursor;
      hCursor = xCursor;
    }
    mouseLeft1 = cursor.left;
    mouseTop1 = cursor.top;
  }
  const select = self.select = assign({
    show: true,
    over: true,
    left: 0,
    width: 0,
    top: 0,
    height: 0
  }, opts.select);
  const selectDiv = select.show ? placeDiv(SELECT, select.over ? over : under) : null;
  function setSelect(opts2, _fire) {
    if (select.show) {
      for (let prop in opts2) {
        select[prop] = opts2[prop];
        if (prop in _hideProps)
          setStylePx(selectDiv, prop, opts2[prop]);
      }
      _fire !== false && fire("setSelect");
    }
  }
  self.setSelect = setSelect;
  function toggleDOM(i) {
    let s = series[i];
    if (s.show)
      showLegend && remClass(legendRows[i], OFF);
    else {
      showLegend && addClass(legendRows[i], OFF);
      if (showCursor) {
        let pt = cursorOnePt ? cursorPts[0] : cursorPts[i];
        pt != null && elTrans(pt, -10, -10, plotWidCss, plotHgtCss);
      }
    }
  }
  function _setScale(key2, min2, max2) {
    setScale(key2, { min: min2, max: max2 });
  }
  function setSeries(i, opts2, _fire, _pub) {
    if (opts2.focus != null)
      setFocus(i);
    if (opts2.show != null) {
      series.forEach((s, si) => {
        if (si > 0 && (i == si || i == null)) {
          s.show = opts2.show;
          toggleDOM(si);
          if (mode == 2) {
            _setScale(s.facets[0].scale, null, null);
            _setScale(s.facets[1].scale, null, null);
          } else
            _setScale(s.scale, null, null);
          commit();
        }
      });
    }
    _fire !== false && fire("setSeries", i, opts2);
    _pub && pubSync("setSeries", self, i, opts2);
  }
  self.setSeries = setSeries;
  function setBand(bi, opts2) {
    assign(bands[bi], opts2);
  }
  function addBand(opts2, bi) {
    opts2.fill = fnOrSelf(opts2.fill || null);
    opts2.dir = ifNull(opts2.dir, -1);
    bi = bi == null ? bands.length : bi;
    bands.splice(bi, 0, opts2);
  }
  function delBand(bi) {
    if (bi == null)
      bands.length = 0;
    else
      bands.splice(bi, 1);
  }
  self.addBand = addBand;
  self.setBand = setBand;
  self.delBand = delBand;
  function setAlpha(i, value) {
    series[i].alpha = value;
    if (showCursor && cursorPts[i] != null)
      cursorPts[i].style.opacity = value;
    if (showLegend && legendRows[i])
      legendRows[i].style.opacity = value;
  }
  let closestDist;
  let closestSeries;
  let focusedSeries;
  const FOCUS_TRUE = { focus: true };
  function setFocus(i) {
    if (i != focusedSeries) {
      let allFocused = i == null;
      let _setAlpha = focus.alpha != 1;
      series.forEach((s, i2) => {
        if (mode == 1 || i2 > 0) {
          let isFocused = allFocused || i2 == 0 || i2 == i;
          s._focus = allFocused ? null : isFocused;
          _setAlpha && setAlpha(i2, isFocused ? 1 : focus.alpha);
        }
      });
      focusedSeries = i;
      _setAlpha && commit();
    }
  }
  if (showLegend && cursorFocus) {
    onMouse(mouseleave, legendTable, (e) => {
      if (cursor._lock)
        return;
      setCursorEvent(e);
      if (focusedSeries != null)
        setSeries(null, FOCUS_TRUE, true, syncOpts.setSeries);
    });
  }
  function posToVal(pos, scale, can2) {
    let sc = scales[scale];
    if (can2)
      pos = pos / pxRatio - (sc.ori == 1 ? plotTopCss : plotLftCss);
    let dim = plotWidCss;
    if (sc.ori == 1) {
      dim = plotHgtCss;
      pos = dim - pos;
    }
    if (sc.dir == -1)
      pos = dim - pos;
    let _min = sc._min, _max = sc._max, pct = pos / dim;
    let sv = _min + (_max - _min) * pct;
    let distr = sc.distr;
    return distr == 3 ? pow(10, sv) : distr == 4 ? sinh(sv, sc.asinh) : distr == 100 ? sc.bwd(sv) : sv;
  }
  function closestIdxFromXpos(pos, can2) {
    let v = posToVal(pos, xScaleKey, can2);
    return closestIdx(v, data[0], i0, i1);
  }
  self.valToIdx = (val) => closestIdx(val, data[0]);
  self.posToIdx = closestIdxFromXpos;
  self.posToVal = posToVal;
  self.valToPos = (val, scale, can2) => scales[scale].ori == 0 ? getHPos(
    val,
    scales[scale],
    can2 ? plotWid : plotWidCss,
    can2 ? plotLft : 0
  ) : getVPos(
    val,
    scales[scale],
    can2 ? plotHgt : plotHgtCss,
    can2 ? plotTop : 0
  );
  self.setCursor = (opts2, _fire, _pub) => {
    mouseLeft1 = opts2.left;
    mouseTop1 = opts2.top;
    updateCursor(null, _fire, _pub);
  };
  function setSelH(off2, dim) {
    setStylePx(selectDiv, LEFT, select.left = off2);
    setStylePx(selectDiv, WIDTH, select.width = dim);
  }
  function setSelV(off2, dim) {
    setStylePx(selectDiv, TOP, select.top = off2);
    setStylePx(selectDiv, HEIGHT, select.height = dim);
  }
  let setSelX = scaleX.ori == 0 ? setSelH : setSelV;
  let setSelY = scaleX.ori == 1 ? setSelH : setSelV;
  function syncLegend() {
    if (showLegend && legend.live) {
      for (let i = mode == 2 ? 1 : 0; i < series.length; i++) {
        if (i == 0 && multiValLegend)
          continue;
        let vals = legend.values[i];
        let j = 0;
        for (let k in vals)
          legendCells[i][j++].firstChild.nodeValue = vals[k];
      }
    }
  }
  function setLegend(opts2, _fire) {
    if (opts2 != null) {
      if (opts2.idxs) {
        opts2.idxs.forEach((didx, sidx) => {
          activeIdxs[sidx] = didx;
        });
      } else if (!isUndef(opts2.idx))
        activeIdxs.fill(opts2.idx);
      legend.idx = activeIdxs[0];
    }
    if (showLegend && legend.live) {
      for (let sidx = 0; sidx < series.length; sidx++) {
        if (sidx > 0 || mode == 1 && !multiValLegend)
          setLegendValues(sidx, activeIdxs[sidx]);
      }
      syncLegend();
    }
    shouldSetLegend = false;
    _fire !== false && fire("setLegend");
  }
  self.setLegend = setLegend;
  function setLegendValues(sidx, idx) {
    let s = series[sidx];
    let src = sidx == 0 && xScaleDistr == 2 ? data0 : data[sidx];
    let val;
    if (multiValLegend)
      val = s.values(self, sidx, idx) ?? NULL_LEGEND_VALUES;
    else {
      val = s.value(self, idx == null ? null : src[idx], sidx, idx);
      val = val == null ? NULL_LEGEND_VALUES : { _: val };
    }
    legend.values[sidx] = val;
  }
  function updateCursor(src, _fire, _pub) {
    rawMouseLeft1 = mouseLeft1;
    rawMouseTop1 = mouseTop1;
    [mouseLeft1, mouseTop1] = cursor.move(self, mouseLeft1, mouseTop1);
    cursor.left = mouseLeft1;
    cursor.top = mouseTop1;
    if (showCursor) {
      vCursor && elTrans(vCursor, round(mouseLeft1), 0, plotWidCss, plotHgtCss);
      hCursor && elTrans(hCursor, 0, round(mouseTop1), plotWidCss, plotHgtCss);
    }
    let idx;
    let noDataInRange = i0 > i1;
    closestDist = inf;
    closestSeries = null;
    let xDim = scaleX.ori == 0 ? plotWidCss : plotHgtCss;
    let yDim = scaleX.ori == 1 ? plotWidCss : plotHgtCss;
    if (mouseLeft1 < 0 || dataLen == 0 || noDataInRange) {
      idx = cursor.idx = null;
      for (let i = 0; i < series.length; i++) {
        let pt = cursorPts[i];
        pt != null && elTrans(pt, -10, -10, plotWidCss, plotHgtCss);
      }
      if (cursorFocus)
        setSeries(null, FOCUS_TRUE, true, src == null && syncOpts.setSeries);
      if (legend.live) {
        activeIdxs.fill(idx);
        shouldSetLegend = true;
      }
    } else {
      let mouseXPos, valAtPosX, xPos;
      if (mode == 1) {
        mouseXPos = scaleX.ori == 0 ? mouseLeft1 : mouseTop1;
        valAtPosX = posToVal(mouseXPos, xScaleKey);
        idx = cursor.idx = closestIdx(valAtPosX, data[0], i0, i1);
        xPos = valToPosX(data[0][idx], scaleX, xDim, 0);
      }
      let _ptLft = -10;
      let _ptTop = -10;
      let _ptWid = 0;
      let _ptHgt = 0;
      let _centered = true;
      let _ptFill = "";
      let _ptStroke = "";
      for (let i = mode == 2 ? 1 : 0; i < series.length; i++) {
        let s = series[i];
        let idx1 = activeIdxs[i];
        let yVal1 = idx1 == null ? null : mode == 1 ? data[i][idx1] : data[i][1][idx1];
        let idx2 = cursor.dataIdx(self, i, idx, valAtPosX);
        let yVal2 = idx2 == null ? null : mode == 1 ? data[i][idx2] : data[i][1][idx2];
        shouldSetLegend = shouldSetLegend || yVal2 != yVal1 || idx2 != idx1;
        activeIdxs[i] = idx2;
        if (i > 0 && s.show) {
          let xPos2 = idx2 == null ? -10 : idx2 == idx ? xPos : valToPosX(mode == 1 ? data[0][idx2] : data[i][0][idx2], scaleX, xDim, 0);
          let yPos = yVal2 == null ? -10 : valToPosY(yVal2, mode == 1 ? scales[s.scale] : scales[s.facets[1].scale], yDim, 0);
          if (cursorFocus && yVal2 != null) {
            let mouseYPos = scaleX.ori == 1 ? mouseLeft1 : mouseTop1;
            let dist = abs(focus.dist(self, i, idx2, yPos, mouseYPos));
            if (dist < closestDist) {
              let bias = focus.bias;
              if (bias != 0) {
                let mouseYVal = posToVal(mouseYPos, s.scale);
                let seriesYValSign = yVal2 >= 0 ? 1 : -1;
                let mouseYValSign = mouseYVal >= 0 ? 1 : -1;
                if (mouseYValSign == seriesYValSign && (mouseYValSign == 1 ? bias == 1 ? yVal2 >= mouseYVal : yVal2 <= mouseYVal : (
                  // >= 0
                  bias == 1 ? yVal2 <= mouseYVal : yVal2 >= mouseYVal
                ))) {
                  closestDist = dist;
                  closestSeries = i;
                }
              } else {
                closestDist = dist;
                closestSeries = i;
              }
            }
          }
          if (shouldSetLegend || cursorOnePt) {
            let hPos, vPos;
            if (scaleX.ori == 0) {
              hPos = xPos2;
              vPos = yPos;
            } else {
              hPos = yPos;
              vPos = xPos2;
            }
            let ptWid, ptHgt, ptLft, ptTop, ptStroke, ptFill, centered = true, getBBox = points2.bbox;
            if (getBBox != null) {
              centered = false;
              let bbox = getBBox(self, i);
              ptLft = bbox.left;
              ptTop = bbox.top;
              ptWid = bbox.width;
              ptHgt = bbox.height;
            } else {
              ptLft = hPos;
              ptTop = vPos;
              ptWid = ptHgt = points2.size(self, i);
            }
            ptFill = points2.fill(self, i);
            ptStroke = points2.stroke(self, i);
            if (cursorOnePt) {
              if (i == closestSeries && closestDist <= focus.prox) {
                _ptLft = ptLft;
                _ptTop = ptTop;
                _ptWid = ptWid;
                _ptHgt = ptHgt;
                _centered = centered;
                _ptFill = ptFill;
                _ptStroke = ptStroke;
              }
            } else {
              let pt = cursorPts[i];
              if (pt != null) {
                cursorPtsLft[i] = ptLft;
                cursorPtsTop[i] = ptTop;
                elSize(pt, ptWid, ptHgt, centered);
                elColor(pt, ptFill, ptStroke);
                elTrans(pt, ceil(ptLft), ceil(ptTop), plotWidCss, plotHgtCss);
              }
            }
          }
        }
      }
      if (cursorOnePt) {
        let p = focus.prox;
        let focusChanged = focusedSeries == null ? closestDist <= p : closestDist > p || closestSeries != focusedSeries;
        if (shouldSetLegend || focusChanged) {
          let pt = cursorPts[0];
          if (pt != null) {
            cursorPtsLft[0] = _ptLft;
            cursorPtsTop[0] = _ptTop;
            elSize(pt, _ptWid, _ptHgt, _centered);
            elColor(pt, _ptFill, _ptStroke);
            elTrans(pt, ceil(_ptLft), ceil(_ptTop), plotWidCss, plotHgtCss);
          }
        }
      }
    }
    if (select.show && dragging) {
      if (src != null) {
        let [xKey, yKey] = syncOpts.scales;
        let [matchXKeys, matchYKeys] = syncOpts.match;
        let [xKeySrc, yKeySrc] = src.cursor.sync.scales;
        let sdrag = src.cursor.drag;
        dragX = sdrag._x;
        dragY = sdrag._y;
        if (dragX || dragY) {
          let { left, top, width, height } = src.select;
          let sori = src.scales[xKeySrc].ori;
          let sPosToVal = src.posToVal;
          let sOff, sDim, sc, a, b;
          let matchingX = xKey != null && matchXKeys(xKey, xKeySrc);
          let matchingY = yKey != null && matchYKeys(yKey, yKeySrc);
          if (matchingX && dragX) {
            if (sori == 0) {
              sOff = left;
              sDim = width;
            } else {
              sOff = top;
              sDim = height;
            }
            sc = scales[xKey];
            a = valToPosX(sPosToVal(sOff, xKeySrc), sc, xDim, 0);
            b = valToPosX(sPosToVal(sOff + sDim, xKeySrc), sc, xDim, 0);
            setSelX(min(a, b), abs(b - a));
          } else
            setSelX(0, xDim);
          if (matchingY && dragY) {
            if (sori == 1) {
              sOff = left;
              sDim = width;
            } else {
              sOff = top;
              sDim = height;
            }
            sc = scales[yKey];
            a = valToPosY(sPosToVal(sOff, yKeySrc), sc, yDim, 0);
            b = valToPosY(sPosToVal(sOff + sDim, yKeySrc), sc, yDim, 0);
            setSelY(min(a, b), abs(b - a));
          } else
            setSelY(0, yDim);
        } else
          hideSelect();
      } else {
        let rawDX = abs(rawMouseLeft1 - rawMouseLeft0);
        let rawDY = abs(rawMouseTop1 - rawMouseTop0);
        if (scaleX.ori == 1) {
          let _rawDX = rawDX;
          rawDX = rawDY;
          rawDY = _rawDX;
        }
        dragX = drag.x && rawDX >= drag.dist;
        dragY = drag.y && rawDY >= drag.dist;
        let uni = drag.uni;
        if (uni != null) {
          if (dragX && dragY) {
            dragX = rawDX >= uni;
            dragY = rawDY >= uni;
            if (!dragX && !dragY) {
              if (rawDY > rawDX)
                dragY = true;
              else
                dragX = true;
            }
          }
        } else if (drag.x && drag.y && (dragX || dragY))
          dragX = dragY = true;
        let p0, p1;
        if (dragX) {
          if (scaleX.ori == 0) {
            p0 = mouseLeft0;
            p1 = mouseLeft1;
          } else {
            p0 = mouseTop0;
            p1 = mouseTop1;
          }
          setSelX(min(p0, p1), abs(p1 - p0));
          if (!dragY)
            setSelY(0, yDim);
        }
        if (dragY) {
          if (scaleX.ori == 1) {
            p0 = mouseLeft0;
            p1 = mouseLeft1;
          } else {
            p0 = mouseTop0;
            p1 = mouseTop1;
          }
          setSelY(min(p0, p1), abs(p1 - p0));
          if (!dragX)
            setSelX(0, xDim);
        }
        if (!dragX && !dragY) {
          setSelX(0, 0);
          setSelY(0, 0);
        }
      }
    }
    drag._x = dragX;
    drag._y = dragY;
    if (src == null) {
      if (_pub) {
        if (syncKey != null) {
          let [xSyncKey, ySyncKey] = syncOpts.scales;
          syncOpts.values[0] = xSyncKey != null ? posToVal(scaleX.ori == 0 ? mouseLeft1 : mouseTop1, xSyncKey) : null;
          syncOpts.values[1] = ySyncKey != null ? posToVal(scaleX.ori == 1 ? mouseLeft1 : mouseTop1, ySyncKey) : null;
        }
        pubSync(mousemove, self, mouseLeft1, mouseTop1, plotWidCss, plotHgtCss, idx);
      }
      if (cursorFocus) {
        let shouldPub = _pub && syncOpts.setSeries;
        let p = focus.prox;
        if (focusedSeries == null) {
          if (closestDist <= p)
            setSeries(closestSeries, FOCUS_TRUE, true, shouldPub);
        } else {
          if (closestDist > p)
            setSeries(null, FOCUS_TRUE, true, shouldPub);
          else if (closestSeries != focusedSeries)
            setSeries(closestSeries, FOCUS_TRUE, true, shouldPub);
        }
      }
    }
    if (shouldSetLegend) {
      legend.idx = idx;
      setLegend();
    }
    _fire !== false && fire("setCursor");
  }
  let rect2 = null;
  Object.defineProperty(self, "rect", {
    get() {
      if (rect2 == null)
        syncRect(false);
      return rect2;
    }
  });
  function syncRect(defer = false) {
    if (defer)
      rect2 = null;
    else {
      rect2 = over.getBoundingClientRect();
      fire("syncRect", rect2);
    }
  }
  function mouseMove(e, src, _l, _t, _w, _h, _i) {
    if (cursor._lock)
      return;
    if (dragging && e != null && e.movementX == 0 && e.movementY == 0)
      return;
    cacheMouse(e, src, _l, _t, _w, _h, _i, false, e != null);
    if (e != null)
      updateCursor(null, true, true);
    else
      updateCursor(src, true, false);
  }
  function cacheMouse(e, src, _l, _t, _w, _h, _i, initial, snap) {
    if (rect2 == null)
      syncRect(false);
    setCursorEvent(e);
    if (e != null) {
      _l = e.clientX - rect2.left;
      _t = e.clientY - rect2.top;
    } else {
      if (_l < 0 || _t < 0) {
        mouseLeft1 = -10;
        mouseTop1 = -10;
        return;
      }
      let [xKey, yKey] = syncOpts.scales;
      let syncOptsSrc = src.cursor.sync;
      let [xValSrc, yValSrc] = syncOptsSrc.values;
      let [xKeySrc, yKeySrc] = syncOptsSrc.scales;
      let [matchXKeys, matchYKeys] = syncOpts.match;
      let rotSrc = src.axes[0].side % 2 == 1;
      let xDim = scaleX.ori == 0 ? plotWidCss : plotHgtCss, yDim = scaleX.ori == 1 ? plotWidCss : plotHgtCss, _xDim = rotSrc ? _h : _w, _yDim = rotSrc ? _w : _h, _xPos = rotSrc ? _t : _l, _yPos = rotSrc ? _l : _t;
      if (xKeySrc != null)
        _l = matchXKeys(xKey, xKeySrc) ? getPos(xValSrc, scales[xKey], xDim, 0) : -10;
      else
        _l = xDim * (_xPos / _xDim);
      if (yKeySrc != null)
        _t = matchYKeys(yKey, yKeySrc) ? getPos(yValSrc, scales[yKey], yDim, 0) : -10;
      else
        _t = yDim * (_yPos / _yDim);
      if (scaleX.ori == 1) {
        let __l = _l;
        _l = _t;
        _t = __l;
      }
    }
    if (snap && (src == null || src.cursor.event.type == mousemove)) {
      if (_l <= 1 || _l >= plotWidCss - 1)
        _l = incrRound(_l, plotWidCss);
      if (_t <= 1 || _t >= plotHgtCss - 1)
        _t = incrRound(_t, plotHgtCss);
    }
    if (initial) {
      rawMouseLeft0 = _l;
      rawMouseTop0 = _t;
      [mouseLeft0, mouseTop0] = cursor.move(self, _l, _t);
    } else {
      mouseLeft1 = _l;
      mouseTop1 = _t;
    }
  }
  const _hideProps = {
    width: 0,
    height: 0,
    left: 0,
    top: 0
  };
  function hideSelect() {
    setSelect(_hideProps, false);
  }
  let downSelectLeft;
  let downSelectTop;
  let downSelectWidth;
  let downSelectHeight;
  function mouseDown(e, src, _l, _t, _w, _h, _i) {
    dragging = true;
    dragX = dragY = drag._x = drag._y = false;
    cacheMouse(e, src, _l, _t, _w, _h, _i, true, false);
    if (e != null) {
      onMouse(mouseup, doc, mouseUp, false);
      pubSync(mousedown, self, mouseLeft0, mouseTop0, plotWidCss, plotHgtCss, null);
    }
    let { left, top, width, height } = select;
    downSelectLeft = left;
    downSelectTop = top;
    downSelectWidth = width;
    downSelectHeight = height;
  }
  function mouseUp(e, src, _l, _t, _w, _h, _i) {
    dragging = drag._x = drag._y = false;
    cacheMouse(e, src, _l, _t, _w, _h, _i, false, true);
    let { left, top, width, height } = select;
    let hasSelect = width > 0 || height > 0;
    let chgSelect = downSelectLeft != left || downSelectTop != top || downSelectWidth != width || downSelectHeight != height;
    hasSelect && chgSelect && setSelect(select);
    if (drag.setScale && hasSelect && chgSelect) {
      let xOff = left, xDim = width, yOff = top, yDim = height;
      if (scaleX.ori == 1) {
        xOff = top, xDim = height, yOff = left, yDim = width;
      }
      if (dragX) {
        _setScale(
          xScaleKey,
          posToVal(xOff, xScaleKey),
          posToVal(xOff + xDim, xScaleKey)
        );
      }
      if (dragY) {
        for (let k in scales) {
          let sc = scales[k];
          if (k != xScaleKey && sc.from == null && sc.min != inf) {
            _setScale(
              k,
              posToVal(yOff + yDim, k),
              posToVal(yOff, k)
            );
          }
        }
      }
      hideSelect();
    } else if (cursor.lock) {
      cursor._lock = !cursor._lock;
      updateCursor(src, true, e != null);
    }
    if (e != null) {
      offMouse(mouseup, doc);
      pubSync(mouseup, self, mouseLeft1, mouseTop1, plotWidCss, plotHgtCss, null);
    }
  }
  function mouseLeave(e, src, _l, _t, _w, _h, _i) {
    if (cursor._lock)
      return;
    setCursorEvent(e);
    let _dragging = dragging;
    if (dragging) {
      let snapH = true;
      let snapV = true;
      let snapProx = 10;
      let dragH, dragV;
      if (scaleX.ori == 0) {
        dragH = dragX;
        dragV = dragY;
      } else {
        dragH = dragY;
        dragV = dragX;
      }
      if (dragH && dragV) {
        snapH = mouseLeft1 <= snapProx || mouseLeft1 >= plotWidCss - snapProx;
        snapV = mouseTop1 <= snapProx || mouseTop1 >= plotHgtCss - snapProx;
      }
      if (dragH && snapH)
        mouseLeft1 = mouseLeft1 < mouseLeft0 ? 0 : plotWidCss;
      if (dragV && snapV)
        mouseTop1 = mouseTop1 < mouseTop0 ? 0 : plotHgtCss;
      updateCursor(null, true, true);
      dragging = false;
    }
    mouseLeft1 = -10;
    mouseTop1 = -10;
    activeIdxs.fill(null);
    updateCursor(null, true, true);
    if (_dragging)
      dragging = _dragging;
  }
  function dblClick(e, src, _l, _t, _w, _h, _i) {
    if (cursor._lock)
      return;
    setCursorEvent(e);
    autoScaleX();
    hideSelect();
    if (e != null)
      pubSync(dblclick, self, mouseLeft1, mouseTop1, plotWidCss, plotHgtCss, null);
  }
  function syncPxRatio() {
    axes.forEach(syncFontSize);
    _setSize(self.width, self.height, true);
  }
  on(dppxchange, win, syncPxRatio);
  const events = {};
  events.mousedown = mouseDown;
  events.mousemove = mouseMove;
  events.mouseup = mouseUp;
  events.dblclick = dblClick;
  events["setSeries"] = (e, src, idx, opts2) => {
    let seriesIdxMatcher2 = syncOpts.match[2];
    idx = seriesIdxMatcher2(self, src, idx);
    idx != -1 && setSeries(idx, opts2, true, false);
  };
  if (showCursor) {
    onMouse(mousedown, over, mouseDown);
    onMouse(mousemove, over, mouseMove);
    onMouse(mouseenter, over, (e) => {
      setCursorEvent(e);
      syncRect(false);
    });
    onMouse(mouseleave, over, mouseLeave);
    onMouse(dblclick, over, dblClick);
    cursorPlots.add(self);
    self.syncRect = syncRect;
  }
  const hooks = self.hooks = opts.hooks || {};
  function fire(evName, a1, a2) {
    if (deferHooks)
      hooksQueue.push([evName, a1, a2]);
    else {
      if (evName in hooks) {
        hooks[evName].forEach((fn) => {
          fn.call(null, self, a1, a2);
        });
      }
    }
  }
  (opts.plugins || []).forEach((p) => {
    for (let evName in p.hooks)
      hooks[evName] = (hooks[evName] || []).concat(p.hooks[evName]);
  });
  const seriesIdxMatcher = (self2, src, srcSeriesIdx) => srcSeriesIdx;
  const syncOpts = assign({
    key: null,
    setSeries: false,
    filters: {
      pub: retTrue,
      sub: retTrue
    },
    scales: [xScaleKey, series[1] ? series[1].scale : null],
    match: [retEq, retEq, seriesIdxMatcher],
    values: [null, null]
  }, cursor.sync);
  if (syncOpts.match.length == 2)
    syncOpts.match.push(seriesIdxMatcher);
  cursor.sync = syncOpts;
  const syncKey = syncOpts.key;
  const sync = _sync(syncKey);
  function pubSync(type, src, x, y, w, h, i) {
    if (syncOpts.filters.pub(type, src, x, y, w, h, i))
      sync.pub(type, src, x, y, w, h, i);
  }
  sync.sub(self);
  function pub(type, src, x, y, w, h, i) {
    if (syncOpts.filters.sub(type, src, x, y, w, h, i))
      events[type](null, src, x, y, w, h, i);
  }
  self.pub = pub;
  function destroy() {
    sync.unsub(self);
    cursorPlots.delete(self);
    mouseListeners.clear();
    off(dppxchange, win, syncPxRatio);
    root.remove();
    legendTable?.remove();
    fire("destroy");
  }
  self.destroy = destroy;
  function _init() {
    fire("init", opts, data);
    setData(data || opts.data, false);
    if (pendScales[xScaleKey])
      setScale(xScaleKey, pendScales[xScaleKey]);
    else
      autoScaleX();
    shouldSetSelect = select.show && (select.width > 0 || select.height > 0);
    shouldSetCursor = shouldSetLegend = true;
    _setSize(opts.width, opts.height);
  }
  series.forEach(initSeries);
  axes.forEach(initAxis);
  if (then) {
    if (then instanceof HTMLElement) {
      then.appendChild(root);
      _init();
    } else
      then(self, _init);
  } else
    _init();
  return self;
}
uPlot.assign = assign;
uPlot.fmtNum = fmtNum;
uPlot.rangeNum = rangeNum;
uPlot.rangeLog = rangeLog;
uPlot.rangeAsinh = rangeAsinh;
uPlot.orient = orient;
uPlot.pxRatio = pxRatio;
{
  uPlot.join = join;
}
{
  uPlot.fmtDate = fmtDate;
  uPlot.tzDate = tzDate;
}
uPlot.sync = _sync;
{
  uPlot.addGap = addGap;
  uPlot.clipGaps = clipGaps;
  let paths = uPlot.paths = {
    points
  };
  paths.linear = linear;
  paths.stepped = stepped;
  paths.bars = bars;
  paths.spline = monotoneCubic;
}

// live/charts.js
var DASHES = { "-": [], "--": [8, 4], "-.": [8, 3, 2, 3], ":": [2, 3] };
var INK = "#222222";
var FONT = "12px system-ui, sans-serif";
var HEIGHT2 = 230;
function axis(label, extra = {}) {
  return {
    label,
    stroke: INK,
    font: FONT,
    labelFont: FONT,
    grid: { stroke: "rgba(0,0,0,0.12)", width: 1 },
    ticks: { stroke: "rgba(0,0,0,0.3)", width: 1 },
    ...extra
  };
}
function rung(value, ladder) {
  return ladder.find((step2) => step2 >= value) ?? value;
}
function coarseLimits(low, high, ladder, log = false) {
  if (log) return [10 ** (2 * Math.floor(Math.log10(low) / 2)), 10 ** (2 * Math.ceil(Math.log10(high) / 2))];
  return [low < 0 ? -rung(-low, ladder) : -0.05, high > 0 ? rung(high, ladder) : 0.5];
}
var smallest = (values) => values.reduce((a, b) => Math.min(a, b), Infinity);
var largest = (values) => values.reduce((a, b) => Math.max(a, b), -Infinity);
function errorLimits(mse, ladder) {
  const positive = Array.from(mse).filter((v) => v > 0);
  const floor2 = Math.max(positive.length ? smallest(positive) : 1, 1e-12);
  return coarseLimits(floor2, Math.max(largest(mse), floor2 * 10), ladder, true);
}
function valueLimits(values, ladder, atLeast = []) {
  const all = [...Array.from(values), ...atLeast];
  return coarseLimits(smallest(all), largest(all), ladder);
}
function widest(limits, more) {
  if (!limits) return more;
  const both = {};
  for (const name of Object.keys(more)) {
    both[name] = [Math.min(limits[name][0], more[name][0]), Math.max(limits[name][1], more[name][1])];
  }
  return both;
}
function cssHatch(colour) {
  return `repeating-linear-gradient(-45deg, ${colour} 0 3px, #000000 3px 4px)`;
}
function borderStyle(dash) {
  if (!dash || !dash.length) return "solid";
  return dash[0] <= 2 ? "dotted" : "dashed";
}
function markers(fills) {
  return { fill: (u, i) => fills[i] ?? "transparent", dash: (u, i) => borderStyle(u.series[i].dash) };
}
function pointPaths(shape, across) {
  return (u, seriesIdx, idx0, idx1) => {
    const r = u.series[seriesIdx].points.size / 2 * uPlot.pxRatio;
    const path = new Path2D();
    for (let i = idx0; i <= idx1; i++) {
      const value = u.data[seriesIdx][i];
      if (value == null) continue;
      const [x, y] = across ? [u.valToPos(u.data[0][i], "x", true), u.valToPos(value, "y", true)] : [u.valToPos(value, "y", true), u.valToPos(u.data[0][i], "x", true)];
      shape(path, x, y, r);
    }
    return { stroke: path, fill: path, clip: null, flags: 0 };
  };
}
var diamonds = pointPaths((path, x, y, r) => {
  path.moveTo(x, y - r);
  path.lineTo(x + r, y);
  path.lineTo(x, y + r);
  path.lineTo(x - r, y);
  path.closePath();
}, false);
var squares = pointPaths((path, x, y, r) => path.rect(x - r, y - r, 2 * r, 2 * r), true);
var isPowerOfTen = (v) => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
var powersOfTen = (u, splits) => splits.map((v) => isPowerOfTen(v) ? v : null);
function hatch(colour) {
  const tile = document.createElement("canvas");
  tile.width = tile.height = 8;
  const ctx = tile.getContext("2d");
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = "#000000";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return (u) => u.ctx.createPattern(tile, "repeat");
}
function markLine(u, scale, value, dash, horizontal = false) {
  if (value == null) return;
  const ctx = u.ctx, ratio = uPlot.pxRatio, box = u.bbox;
  const at = u.valToPos(value, scale, true);
  ctx.save();
  ctx.strokeStyle = "#000000";
  ctx.lineWidth = 1.5 * ratio;
  ctx.setLineDash(dash.map((v) => v * ratio));
  ctx.beginPath();
  if (horizontal) {
    ctx.moveTo(box.left, at);
    ctx.lineTo(box.left + box.width, at);
  } else {
    ctx.moveTo(at, box.top);
    ctx.lineTo(at, box.top + box.height);
  }
  ctx.stroke();
  ctx.restore();
}
function segment(u, [[x0, x1], [y0, y1]], colour, dash) {
  const ctx = u.ctx, ratio = uPlot.pxRatio, box = u.bbox;
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.left, box.top, box.width, box.height);
  ctx.clip();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2 * ratio;
  ctx.setLineDash(dash.map((v) => v * ratio));
  ctx.beginPath();
  ctx.moveTo(u.valToPos(x0, "x", true), u.valToPos(y0, "y", true));
  ctx.lineTo(u.valToPos(x1, "x", true), u.valToPos(y1, "y", true));
  ctx.stroke();
  ctx.restore();
}
function stepScale(last) {
  const splits = () => [0, ...Array.from({ length: Math.round(Math.log10(last)) + 1 }, (_2, i) => 10 ** i)];
  return {
    scale: { time: false, distr: 4, asinh: 1, auto: false, range: () => [0, last] },
    axis: () => axis("training steps", { splits, filter: (u, s) => s, values: (u, s) => s.map(String) })
  };
}
function errorAxis(label) {
  return axis(label, {
    size: 64,
    filter: powersOfTen,
    values: (u, splits) => splits.map(powerOfTenLabel),
    grid: { stroke: "rgba(0,0,0,0.12)", width: 1, filter: powersOfTen },
    ticks: { filter: powersOfTen }
  });
}
function panel(parent, title, options, data) {
  const box = document.createElement("div");
  box.className = "live-panel";
  const heading = document.createElement("p");
  heading.className = "live-title";
  heading.textContent = title;
  const holder = document.createElement("div");
  holder.className = "live-chart";
  holder.setAttribute("aria-hidden", "true");
  box.append(heading, holder);
  parent.append(box);
  const width = Math.max(holder.clientWidth, 200);
  const chart = new uPlot({
    width,
    height: HEIGHT2,
    cursor: { show: false },
    legend: { live: false },
    ...options
  }, data, holder);
  (parent.charts ??= []).push(chart);
  const observer = new ResizeObserver(() => {
    const now = holder.clientWidth;
    if (now > 0 && now !== chart.width) chart.setSize({ width: now, height: HEIGHT2 });
  });
  observer.observe(holder);
  const dispose = () => {
    observer.disconnect();
    chart.destroy();
  };
  return { box, chart, heading, holder, dispose };
}
function show(chart, data) {
  chart.batch(() => chart.setData(data));
}
function redraw(chart) {
  chart.batch(() => chart.redraw(false));
}

// live/steps.js
var ACTIVATIONS = { post: "post_tanh", true: "tanh" };
var DIGITS = 4;
function stepArrays() {
  const examples = (key, name) => ({ key, name, rows: 4, cols: 1, example: true });
  return [
    { key: "X", name: "X", rows: 4, cols: 3, given: true, example: true },
    { key: "targets", name: "targets", rows: 4, cols: 1, given: true, example: true },
    { key: "w", data: "weights", name: "w", rows: 3, cols: 1 },
    examples("z", "z = X @ w"),
    examples("output", "y"),
    examples("error", "error"),
    examples("slope", "slope"),
    examples("delta", "delta"),
    { key: "update", name: "update", rows: 3, cols: 1 },
    { key: "new_weights", name: "new w", rows: 3, cols: 1 }
  ];
}
function hiddenArrays(H) {
  const examples = (key, name, cols = 1) => ({ key, name, rows: 4, cols, example: true });
  return [
    { key: "X", name: "X", rows: 4, cols: 3, given: true, example: true },
    { key: "targets", name: "targets", rows: 4, cols: 1, given: true, example: true },
    { key: "W1", name: "W1", rows: 3, cols: H },
    { key: "W2", name: "W2", rows: H + 1, cols: 1 },
    examples("z1", "z1 = X @ W1", H),
    examples("hidden", "h", H),
    examples("z2", "z2"),
    examples("output", "y"),
    examples("error", "error"),
    examples("slope2", "slope2"),
    examples("delta2", "delta2"),
    examples("back", "back = delta2 @ W2[:-1].T", H),
    examples("slope1", "slope1", H),
    examples("delta1", "delta1", H),
    { key: "dW2", name: "dW2", rows: H + 1, cols: 1 },
    { key: "new_W2", name: "new W2", rows: H + 1, cols: 1 },
    { key: "dW1", name: "dW1", rows: 3, cols: H },
    { key: "new_W1", name: "new W1", rows: 3, cols: H }
  ];
}
function nextPlace({ iterations, line }, lines, last) {
  if (line < lines) return { iterations, line: line + 1 };
  return iterations < last ? { iterations: iterations + 1, line: 1 } : null;
}
function backPlace({ iterations, line }, lines) {
  if (line > 0) return { iterations, line: line - 1 };
  return iterations > 0 ? { iterations: iterations - 1, line: lines } : null;
}
function nextStepPlace({ iterations, line }, last) {
  return iterations < last ? { iterations: iterations + 1, line } : null;
}
function resetPlace({ iterations, line }) {
  return iterations === 0 && line === 0 ? null : { iterations: 0, line: 0 };
}
function codeListing(parent, lines, label) {
  const list = element2("ol", { class: "live-code", tabindex: "0", "aria-label": label });
  const items = lines.map((line) => {
    const item = element2("li");
    const code = element2("code", { class: "live-code-line" });
    item.append(code);
    if (line.post) {
      const post = element2("span", { class: "live-post" }, "post: ");
      post.append(element2("code", {}, line.post));
      item.append(post);
    }
    list.append(item);
    return { item, code };
  });
  parent.append(list);
  let current = 0;
  const show2 = (texts, line) => {
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
  return { list, show: show2 };
}
function toolbar(parent) {
  const bar2 = element2("div", {
    class: "live-stepper",
    role: "group",
    "aria-label": "Step through the loop"
  });
  const button = (text, keys2) => {
    const made = element2("button", { type: "button", class: "live-step-button" }, text);
    if (keys2) made.setAttribute("aria-keyshortcuts", keys2);
    bar2.append(made);
    return made;
  };
  const buttons = {
    back: button("Back", "b"),
    next: button("Next", "n"),
    nextStep: button("Next step"),
    reset: button("Reset")
  };
  parent.append(bar2);
  return buttons;
}
function arrayTable(parent, spec, disposers) {
  const box = element2("div", { class: "live-array", "data-array": spec.key });
  const wrap = element2("div", { class: "live-array-wrap" });
  const table = element2("table");
  const caption = table.createCaption();
  const shape = `${spec.name} (${spec.rows}, ${spec.cols})`;
  caption.append(
    element2("span", { class: "live-array-name" }, shape),
    element2("span", { class: "live-state" })
  );
  const head = table.createTHead().insertRow();
  const columns = spec.cols > 1 ? Array.from({ length: spec.cols }, (_2, c) => String(c)) : ["value"];
  const headings = ["row", ...columns];
  for (const text of headings) head.append(element2("th", { scope: "col" }, text));
  const body = table.createTBody();
  for (let r = 0; r < spec.rows; r++) {
    const tr = body.insertRow();
    tr.append(element2("th", { scope: "row" }, String(r)));
    for (let c = 0; c < spec.cols; c++) tr.insertCell();
  }
  wrap.append(table);
  box.append(wrap);
  parent.append(box);
  disposers.push(scrollWhenWide(wrap, table, shape));
  const rows = [...body.rows];
  return {
    spec,
    box,
    state: caption.lastChild,
    rows,
    cells: rows.map((tr) => [...tr.cells].slice(1)),
    shown: null
  };
}
var STATE_WORDS = {
  written: "written by this line",
  read: "read by this line",
  pending: "not yet computed"
};
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
function choosableRows(tables, choose) {
  const examples = tables.filter((t) => t.spec.example);
  examples.forEach((table, n) => table.rows.forEach((tr, r) => {
    tr.classList.add("live-choosable");
    tr.addEventListener("click", () => choose(r));
    if (n) return;
    tr.setAttribute("tabindex", "0");
    tr.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      choose(r);
    });
  }));
  return (row2) => examples.forEach((table) => table.rows.forEach((tr, r) => {
    if (tr.classList.contains("live-chosen") === (r === row2)) return;
    tr.classList.toggle("live-chosen", r === row2);
    if (r === row2) tr.setAttribute("aria-current", "true");
    else tr.removeAttribute("aria-current");
  }));
}
function writers(lines) {
  const by = {};
  lines.forEach((line, i) => line.writes.forEach((key) => {
    by[key] = i + 1;
  }));
  return by;
}
function stateAt(key, line, lines, writtenAt) {
  const at = writtenAt[key];
  if (at !== void 0 && at > line) return "pending";
  if (line === 0) return "given";
  if (lines[line - 1].writes.includes(key)) return "written";
  return lines[line - 1].reads.includes(key) ? "read" : "given";
}
var rowOf = (values, k, width) => Array.from(values.subarray(k * width, (k + 1) * width));
function blockRow(values, data) {
  const j = values.iterations - data.first;
  if (!(j >= 0 && j < data.count)) {
    throw new Error(`the data holds iterations ${data.first} to ${data.first + data.count - 1}; got iteration ${values.iterations}`);
  }
  return j;
}
function stepFields(values, A, j, constants) {
  const t = explorer_text_default.step, r = values.row, at = (key) => A[key][j * 4 + r];
  const slope = t.slopes[values.slope];
  if (!slope) {
    throw new Error(`slope must be 'post' or 'true'; got ${JSON.stringify(values.slope)}`);
  }
  const [x0, x1, x2] = constants.inputs[r], w = rowOf(A.weights, j, 3);
  const f = {
    seed: values.seed,
    iteration: values.iterations,
    line: values.line,
    lines: t.lines.length,
    learning_rate: values.learning_rate,
    slope_name: slope.name,
    activation: ACTIVATIONS[values.slope],
    row: r,
    x0,
    x1,
    x2,
    t: constants.targets[r],
    w,
    w0: w[0],
    w1: w[1],
    w2: w[2],
    z: at("z"),
    y: at("output"),
    error: at("error"),
    slope_value: at("slope"),
    delta: at("delta"),
    update: rowOf(A.update, j, 3),
    new_w: rowOf(A.new_weights, j, 3),
    mse: A.step_mse[j],
    slope_code: slope.code
  };
  f.slope_formula = fill(slope.formula, f);
  return said(t, f);
}
function hiddenFields(values, A, j, constants) {
  const t = explorer_text_default.hidden_step, r = values.row, H = values.n_hidden;
  const of = (key, width) => rowOf(A[key], j * 4 + r, width);
  const W2 = rowOf(A.W2, j, H + 1);
  const units = fill(H === 1 ? explorer_text_default.hidden.units_one : explorer_text_default.hidden.units_many, values);
  const f = {
    seed: values.seed,
    n_hidden: H,
    H,
    H1: H + 1,
    units,
    iteration: values.iterations,
    line: values.line,
    lines: t.lines.length,
    learning_rate: values.learning_rate,
    row: r,
    t: constants.targets[r],
    W1: rowOf(A.W1, j, 3 * H),
    W2,
    w2h: W2.slice(0, H),
    z1: of("z1", H),
    h: of("hidden", H),
    z2: of("z2", 1)[0],
    y: of("output", 1)[0],
    error: of("error", 1)[0],
    slope2: of("slope2", 1)[0],
    delta2: of("delta2", 1)[0],
    back: of("back", H),
    slope1: of("slope1", H),
    delta1: of("delta1", H),
    dW2: rowOf(A.dW2, j, H + 1),
    new_W2: rowOf(A.new_W2, j, H + 1),
    dW1: rowOf(A.dW1, j, 3 * H),
    new_W1: rowOf(A.new_W1, j, 3 * H),
    mse: A.step_mse[j]
  };
  return said(t, f);
}
function said(t, f) {
  f.spoken = f.line ? fill(t.lines[f.line - 1].spoken, f) : "";
  f.said = fill(f.line ? t.said : t.before, f);
  return f;
}
function arraysOf(state, data, specs) {
  if (state.arraysOf === data) return state.arrays;
  const arrays = { step_mse: floats(data.step_mse) };
  for (const spec of specs) {
    const key = spec.data ?? spec.key;
    if (!spec.given) arrays[key] = floats(data[key]);
  }
  Object.assign(state, { arraysOf: data, arrays });
  return arrays;
}
function tableValues(spec, A, j, constants) {
  if (spec.key === "X") return constants.inputs.flat();
  if (spec.key === "targets") return constants.targets;
  const size = spec.rows * spec.cols;
  return A[spec.data ?? spec.key].subarray(j * size, (j + 1) * size);
}
function formatted(table, A, j, constants) {
  if (table.textsOf !== A || table.textsAt !== j) {
    const digits = table.spec.given ? 0 : DIGITS;
    table.texts = Array.from(tableValues(table.spec, A, j, constants), (v) => fixed(v, digits));
    Object.assign(table, { textsOf: A, textsAt: j });
  }
  return table.texts;
}
function mover(ui, state, lines, last) {
  const go = (place) => {
    if (!place) return;
    state.values = { ...state.values, ...place };
    ui.setValues(place);
  };
  return {
    next: () => go(nextPlace(state.values, lines, last)),
    back: () => go(backPlace(state.values, lines)),
    nextStep: () => go(nextStepPlace(state.values, last)),
    reset: () => go(resetPlace(state.values)),
    choose: (row2) => go({ row: row2 })
  };
}
var TYPING = "input[type='text'], input:not([type]), textarea, select, [contenteditable='true']";
function keys(root, list, move, disposers) {
  const anywhere = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest?.(TYPING)) return;
    const key = event.key.toLowerCase();
    if (key !== "n" && key !== "b") return;
    event.preventDefault();
    (key === "n" ? move.next : move.back)();
  };
  const arrows = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const to = {
      ArrowRight: move.next,
      ArrowDown: move.next,
      ArrowLeft: move.back,
      ArrowUp: move.back
    }[event.key];
    if (!to) return;
    event.preventDefault();
    to();
  };
  root.addEventListener("keydown", anywhere);
  list.addEventListener("keydown", arrows);
  disposers.push(() => root.removeEventListener("keydown", anywhere));
}
function drawError(panel2, state, constants, data, iteration) {
  const steps = constants.recorded, mse = floats(data.mse);
  if (state.step === iteration && state.data === data) return;
  Object.assign(state, { step: iteration, mse });
  if (takeRun(state, data, () => ({ error: errorLimits(mse, constants.ladder) }))) {
    show(panel2.chart, [steps, Array.from(mse)]);
  } else redraw(panel2.chart);
  const sample = sampleSteps(constants, steps, iteration);
  const make = () => sample.map((i) => [String(steps[i]), general(mse[i], 3)]);
  const rows = cachedRows(state, sample, make);
  panel2.extra.update(rows, sample.indexOf(steps.indexOf(iteration)));
}
function stepThrough(name, ui, constants, specs, fieldsOf) {
  const t = explorer_text_default[name], lines = t.lines, last = constants.last_iteration;
  const writtenAt = writers(lines);
  const root = ui.panels.parentElement ?? ui.panels;
  const top = element2("div", { class: "live-step" }), grid2 = element2("div", { class: "live-arrays" });
  const heading = element2("p", { class: "live-title live-step-heading" });
  top.append(heading);
  const buttons = toolbar(top);
  const code = codeListing(top, lines, "The loop's lines: the arrow keys, or n and b, step");
  const formula = element2("p", { class: "live-formula" });
  top.append(formula);
  const hint = element2("p", { class: "live-hint" }, "Click a row of a table, or Tab to a row of X and press Enter, to choose the example the formula shows.");
  ui.panels.append(top, hint, grid2);
  const tables = specs.map((spec) => arrayTable(grid2, spec, ui.disposers));
  const state = { values: null, limits: null, step: null, data: null, mse: null };
  const error = errorPanel(ui, constants, state);
  const move = mover(ui, state, lines.length, last);
  const choose = choosableRows(tables, move.choose);
  for (const [key, button] of Object.entries(buttons)) button.addEventListener("click", move[key]);
  keys(root, code.list, move, ui.disposers);
  return function update(values, data) {
    if (!Number.isInteger(values.line) || values.line < 0 || values.line > lines.length) {
      throw new Error(`line must be a whole number from 0 to ${lines.length}; got ${values.line}`);
    }
    state.values = { ...values };
    if (data.diverged) {
      return diverged(ui, { heading, tables, formula, error, state }, values, data.diverged);
    }
    const j = blockRow(values, data), A = arraysOf(state, data, specs);
    const f = fieldsOf(values, A, j, constants);
    code.show(lines.map((line) => fill(line.code, f)), values.line);
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
    return { ...values, ...f, activation: f.activation ?? "tanh" };
  };
}
function showFormula(formula, text, row2) {
  formula.hidden = !text;
  if (!text) return formula.replaceChildren();
  formula.replaceChildren(
    element2("span", { class: "live-formula-label" }, `Row ${row2}: `),
    element2("code", {}, text)
  );
}
function enable(buttons, values, lines, last, list) {
  const goes = {
    next: nextPlace(values, lines, last),
    back: backPlace(values, lines),
    nextStep: nextStepPlace(values, last),
    reset: resetPlace(values)
  };
  let lost = false;
  for (const [key, button] of Object.entries(buttons)) {
    const disabled = !goes[key];
    if (disabled && document.activeElement === button) lost = true;
    button.disabled = disabled;
  }
  if (lost) list.focus();
}
function diverged(ui, { heading, tables, formula, error, state }, values, message) {
  for (const table of tables) if (!table.spec.given) fillTable(table, "pending", null);
  showFormula(formula, "", values.row);
  Object.assign(state, { data: null, step: null });
  show(error.chart, [error.chart.data[0], error.chart.data[0].map(() => null)]);
  heading.textContent = explorer_text_default.diverged.heading;
  ui.status(fill(explorer_text_default.diverged.status, { message }));
  ui.say(fill(explorer_text_default.diverged.alt, { message }));
  return { ...values, activation: ACTIVATIONS[values.slope] ?? "tanh" };
}
function step(ui, constants) {
  return stepThrough("step", ui, constants, stepArrays(), stepFields);
}
function hidden_step(ui, constants) {
  let made = null, H = null, own = null;
  const dispose = () => own?.disposers.splice(0).forEach((disposer) => disposer());
  ui.disposers.push(dispose);
  return function update(values, data) {
    if (values.n_hidden !== H) {
      dispose();
      ui.panels.replaceChildren();
      ui.panels.charts = [];
      own = Object.create(ui);
      own.disposers = [];
      H = values.n_hidden;
      made = stepThrough("hidden_step", own, constants, hiddenArrays(H), hiddenFields);
    }
    return made(values, data);
  };
}

// live/explorers.js
function floats(x) {
  if (x instanceof Float64Array) return x;
  if (x instanceof DataView) {
    const { buffer, byteOffset, byteLength } = x;
    return byteOffset % 8 === 0 ? new Float64Array(buffer, byteOffset, byteLength / 8) : new Float64Array(buffer.slice(byteOffset, byteOffset + byteLength));
  }
  if (x instanceof ArrayBuffer) return new Float64Array(x);
  return Float64Array.from(x ?? []);
}
var row = (values, k, width) => Array.from(values.subarray(k * width, (k + 1) * width));
var column = (values, j, width) => Array.from({ length: values.length / width }, (_2, k) => values[k * width + j]);
var indices = (list) => list.map((_2, i) => i);
var nulls = (list) => list.map(() => null);
function sampleSteps(constants, steps, step2) {
  const stops2 = constants.iteration_stops ?? steps;
  const wanted = /* @__PURE__ */ new Set([...stops2, step2]);
  return steps.flatMap((s, k) => wanted.has(s) ? [k] : []);
}
function cachedRows(state, sample, make) {
  const key = sample.join(",");
  if (state.rows?.data !== state.data || state.rows.key !== key) state.rows = { data: state.data, key, rows: make() };
  return state.rows.rows;
}
function extras(ui, p, { caption, columns, describe }) {
  const table = dataTable(p.box, { caption, columns });
  ui.disposers.push(p.dispose, table.dispose);
  const cursor = describe ? keyboardCursor(p.chart, p.holder, { label: `${caption} chart`, describe, say: ui.announce }) : null;
  return {
    update(rows, currentIndex) {
      table.update(rows, currentIndex);
      cursor?.refresh();
    }
  };
}
function errorPanel(ui, constants, state) {
  const steps = constants.recorded, x = stepScale(steps[steps.length - 1]);
  const p = panel(ui.panels, "Error", {
    scales: { x: x.scale, y: { distr: 3, log: 10, range: () => state.limits?.error ?? [1e-4, 1] } },
    axes: [x.axis(), errorAxis("mean squared error")],
    series: [{}, { label: "mean squared error", stroke: constants.colours.black, width: 2 }],
    legend: { show: false },
    hooks: { draw: [(u) => markLine(u, "x", state.step, [2, 3])] },
    cursor: cursorOptions()
  }, [[0], [null]]);
  p.extra = extras(ui, p, {
    caption: "Error",
    columns: ["step", "mean squared error"],
    describe: (i) => `step ${steps[i]}: error ${general(state.mse[i], 3)}`
  });
  return p;
}
function weightsPanel(ui, constants, state) {
  const steps = constants.recorded, x = stepScale(steps[steps.length - 1]);
  const names = constants.weight_names, colours = Object.values(constants.colours);
  const p = panel(ui.panels, "Weights", {
    scales: { x: x.scale, y: { range: () => state.limits?.weights ?? [-1.1, 1.1] } },
    axes: [x.axis(), axis("weight value", { size: 56 })],
    series: [{}, ...names.map((name, i) => ({
      label: name,
      stroke: colours[i],
      width: 2,
      dash: DASHES[["-", "--", "-."][i]]
    }))],
    legend: { live: false, markers: markers(["", ...colours.slice(0, names.length)]) },
    hooks: { draw: [(u) => markLine(u, "x", state.step, [2, 3])] },
    cursor: cursorOptions()
  }, [[0], ...names.map(() => [null])]);
  p.extra = extras(ui, p, {
    caption: "Weights",
    columns: ["step", ...names],
    describe: (i) => `step ${steps[i]}: weights ${row(state.weights, i, 3).map((w) => fixed(w, 3)).join(", ")}`
  });
  return p;
}
function outputBars(ui, title, labels, { series, fills, limits, draw }) {
  return panel(ui.panels, title, {
    scales: {
      x: { time: false, ori: 1, dir: -1, range: [-0.6, labels.length - 0.4] },
      y: { ori: 0, range: limits }
    },
    axes: [
      axis("", { side: 3, size: 76, splits: () => indices(labels), values: () => labels, grid: { show: false } }),
      axis("output", { side: 2 })
    ],
    series: [{}, ...series],
    legend: { live: false, markers: markers(["", ...fills]) },
    hooks: { draw: [draw] }
  }, [indices(labels), ...series.map(() => nulls(labels))]);
}
var bar = (label, fill2) => ({
  label,
  fill: fill2,
  stroke: "#000000",
  width: 1,
  paths: uPlot.paths.bars({ size: [0.8] }),
  points: { show: false }
});
var TARGET = {
  label: "target",
  stroke: "#000000",
  fill: "#ffffff",
  paths: () => null,
  points: { show: true, size: 10, width: 1.5, stroke: "#000000", fill: "#ffffff", paths: diamonds }
};
function trainingOutputsPanel(ui, constants, state) {
  const colours = constants.colours, labels = constants.example_labels;
  const p = outputBars(ui, "Outputs (hatched: unseen inputs)", labels, {
    series: [bar("training inputs", colours.blue), bar("unseen inputs", hatch(colours.orange)), TARGET],
    fills: [colours.blue, cssHatch(colours.orange), "#ffffff"],
    limits: () => state.limits?.outputs ?? [-1.05, 1.05],
    draw: (u) => markLine(u, "y", 0, [], false)
  });
  p.extra = extras(ui, p, { caption: "Outputs", columns: ["input", "output", "target"] });
  return p;
}
function showDiverged(ui, state, panels, message) {
  Object.assign(state, { data: null, step: null });
  for (const p of panels) show(p.chart, p.chart.data.map((series, i) => i ? nulls(series) : series));
  panels[0].heading.textContent = explorer_text_default.diverged.heading;
  ui.status(fill(explorer_text_default.diverged.status, { message }));
  ui.say(fill(explorer_text_default.diverged.alt, { message }));
}
function takeRun(state, data, limits) {
  if (data === state.data) return false;
  state.data = data;
  state.limits = widest(state.limits, limits());
  return true;
}
function training(ui, constants) {
  const steps = constants.recorded, labels = constants.example_labels, ladder = constants.ladder;
  const targets = constants.targets;
  const state = { limits: null, step: null, data: null };
  const panels = [
    errorPanel(ui, constants, state),
    weightsPanel(ui, constants, state),
    trainingOutputsPanel(ui, constants, state)
  ];
  const [error, weights, outputs] = panels;
  return function update(values, data) {
    if (data.diverged) return showDiverged(ui, state, panels, data.diverged);
    const mse = floats(data.mse), w = floats(data.weights), outs = floats(data.outputs);
    const k = steps.indexOf(values.iterations), n = labels.length;
    state.step = values.iterations;
    Object.assign(state, { mse, weights: w });
    if (takeRun(state, data, () => ({
      error: errorLimits(mse, ladder),
      weights: valueLimits(w, ladder),
      outputs: valueLimits(outs, ladder, [0, 1])
    }))) {
      show(error.chart, [steps, Array.from(mse)]);
      show(weights.chart, [steps, ...[0, 1, 2].map((j) => column(w, j, 3))]);
    } else {
      redraw(error.chart);
      redraw(weights.chart);
    }
    const y = row(outs, k, n);
    show(outputs.chart, [
      indices(labels),
      y.map((v, i) => i < 4 ? v : null),
      y.map((v, i) => i < 4 ? null : v),
      labels.map((_2, i) => targets[i] ?? null)
    ]);
    const sample = sampleSteps(constants, steps, values.iterations);
    const rows = cachedRows(state, sample, () => ({
      error: sample.map((i) => [String(steps[i]), general(mse[i], 3)]),
      weights: sample.map((i) => [String(steps[i]), ...row(w, i, 3).map((v) => fixed(v, 3))])
    }));
    error.extra.update(rows.error, sample.indexOf(k));
    weights.extra.update(rows.weights, sample.indexOf(k));
    outputs.extra.update(labels.map((label, i) => [label, fixed(y[i], 3), i < 4 ? String(targets[i]) : "none"]), -1);
    const t = explorer_text_default.training, numbers = { iterations: values.iterations, mse: mse[k] };
    error.heading.textContent = fill(t.heading, numbers);
    ui.status(values.learning_rate > t.stable_rate ? t.chaos_note : "");
    ui.say(fill(t.alt, { ...values, ...numbers, last_step: steps[steps.length - 1], weights: row(w, k, 3), outputs: y }));
  };
}
function activationPanels(ui, constants, grid2, state) {
  const colours = constants.colours, range = [grid2[0], grid2[grid2.length - 1]];
  const point = (label) => ({
    label,
    stroke: "#000000",
    paths: () => null,
    points: { show: true, size: 8, fill: "#000000", stroke: "#000000" }
  });
  const left = panel(ui.panels, "Activation", {
    scales: { x: { time: false, range }, y: { range: () => constants.y_limits[state.activation] } },
    axes: [axis("input z"), axis("f(z)", { size: 50 })],
    series: [
      {},
      { label: "f(z)", stroke: colours.blue, width: 2 },
      { label: "tangent", stroke: colours.vermillion, width: 2, dash: DASHES["--"] },
      point("f(z) at the chosen input")
    ],
    cursor: cursorOptions()
  }, [grid2, nulls(grid2), nulls(grid2), nulls(grid2)]);
  const right = panel(ui.panels, "Slope", {
    scales: { x: { time: false, range }, y: { range: [-0.1, 1.1] } },
    axes: [axis("input z"), axis("slope f'(z)", { size: 50 })],
    series: [{}, { label: "slope", stroke: colours.green, width: 2, dash: DASHES["-."] }, point("slope at the chosen input")],
    legend: { show: false },
    cursor: cursorOptions()
  }, [grid2, nulls(grid2), nulls(grid2)]);
  const at = (values, i) => `input ${fixed(grid2[i], 2)}: ${fixed(values[i], 3)}`;
  left.extra = extras(ui, left, { caption: "Activation", columns: ["input z", "f(z)"], describe: (i) => at(state.f, i) });
  right.extra = extras(ui, right, {
    caption: "Slope",
    columns: ["input z", "slope f'(z)"],
    describe: (i) => at(state.slope, i)
  });
  return [left, right];
}
function activation(ui, constants) {
  const low = constants.grid_low, high = constants.grid_high, count = constants.grid_count;
  const grid2 = Array.from({ length: count }, (_2, i) => low + i * (high - low) / (count - 1));
  const state = { activation: null };
  const [left, right] = activationPanels(ui, constants, grid2, state);
  const every = grid2.flatMap((v, i) => i % 25 === 0 ? [i] : []);
  return function update(values, data) {
    const { z } = values, f = floats(data.f), slopes = floats(data.slope), y = data.y, slope = data.slope_at;
    Object.assign(state, { activation: values.activation, f, slope: slopes });
    const at = Math.round((z - low) * (count - 1) / (high - low));
    const tangent = grid2.map((v) => Math.abs(v - z) <= 1.5 + 1e-9 ? y + slope * (v - z) : null);
    const point = nulls(grid2), slopePoint = nulls(grid2);
    point[at] = y;
    slopePoint[at] = slope;
    show(left.chart, [grid2, Array.from(f), tangent, point]);
    show(right.chart, [grid2, Array.from(slopes), slopePoint]);
    const rows = [.../* @__PURE__ */ new Set([...every, at])].sort((a, b) => a - b);
    left.extra.update(rows.map((i) => [fixed(grid2[i], 2), fixed(f[i], 3)]), rows.indexOf(at));
    right.extra.update(rows.map((i) => [fixed(grid2[i], 2), fixed(slopes[i], 3)]), rows.indexOf(at));
    const numbers = { activation: values.activation, z, y, slope };
    left.heading.textContent = fill(explorer_text_default.activation.heading, numbers);
    ui.say(fill(explorer_text_default.activation.alt, numbers));
  };
}
function seed(ui, constants) {
  const colours = Object.values(constants.colours), names = constants.weight_names;
  const state = { weights: [0, 0, 0] };
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
  const bars2 = panel(ui.panels, "", {
    scales: { x: { time: false, range: [-0.6, 2.6] }, y: { range: [-1.1, 1.1] } },
    axes: [
      axis("", { splits: () => [0, 1, 2], values: () => names.map((n) => n.split(" (")[0]), grid: { show: false } }),
      axis("starting weight", { size: 56 })
    ],
    series: [{}, ...names.map((name, i) => ({
      label: name,
      fill: colours[i],
      stroke: "#000000",
      width: 1,
      paths: uPlot.paths.bars({ size: [0.7] }),
      points: { show: false }
    }))],
    legend: { live: false, markers: markers(["", ...colours]) },
    hooks: { draw: [labelBars] }
  }, [[0, 1, 2], ...names.map(() => [null, null, null])]);
  bars2.extra = extras(ui, bars2, { caption: "Starting weights", columns: ["weight", "value"] });
  return function update(values, data) {
    const weights = Array.from(floats(data.weights));
    state.weights = weights;
    show(bars2.chart, [[0, 1, 2], ...weights.map((w, i) => [0, 1, 2].map((j) => j === i ? w : null))]);
    bars2.extra.update(names.map((name, i) => [name, fixed(weights[i], 3)]), -1);
    bars2.heading.textContent = fill(explorer_text_default.seed.heading, values);
    ui.say(fill(explorer_text_default.seed.alt, { ...values, weights }));
  };
}
function predictionPanel(ui, constants, labels) {
  const colours = Object.values(constants.colours), threshold = explorer_text_default.threshold;
  return panel(ui.panels, "", {
    scales: { x: { time: false, ori: 1, dir: 1, range: [-0.6, labels.length - 0.4] }, y: { ori: 0, range: [-1.05, 1.05] } },
    axes: [
      axis("", { side: 3, size: 120, splits: () => indices(labels), values: () => labels, grid: { show: false } }),
      axis("output", { side: 2 })
    ],
    series: [
      {},
      ...labels.map((label, i) => ({
        label,
        fill: i ? hatch(colours[i]) : colours[i],
        stroke: "#000000",
        width: 1,
        paths: uPlot.paths.bars({ size: [0.7] }),
        points: { show: false }
      })),
      {
        label: `threshold ${threshold}`,
        stroke: "#000000",
        width: 1,
        dash: DASHES["--"],
        paths: () => null,
        points: { show: false }
      }
    ],
    legend: { live: false, markers: markers(["", colours[0], cssHatch(colours[1]), "transparent"]) },
    hooks: { draw: [(u) => {
      markLine(u, "y", threshold, [6, 4]);
      markLine(u, "y", 0, []);
    }] }
  }, [indices(labels), ...labels.map(() => nulls(labels)), nulls(labels)]);
}
function prediction(ui, constants) {
  const labels = constants.models.map((model) => model.label);
  const list = document.createElement("ul");
  list.className = "live-sums";
  const bars2 = predictionPanel(ui, constants, labels);
  bars2.holder.after(list);
  bars2.extra = extras(ui, bars2, { caption: "Outputs", columns: ["network", "weighted sum z", "output"] });
  return function update(values, data) {
    const z = floats(data.z), ys = floats(data.outputs), t = explorer_text_default.prediction;
    const each = labels.map((label, i) => ({ label, z: z[i], output: ys[i] }));
    show(bars2.chart, [
      indices(labels),
      ...labels.map((_2, i) => labels.map((__, j) => i === j ? ys[i] : null)),
      nulls(labels)
    ]);
    list.replaceChildren(...each.map((v) => Object.assign(document.createElement("li"), { textContent: fill(t.row, v) })));
    bars2.extra.update(each.map((v) => [v.label, fixed(v.z, 2), fixed(v.output, 3)]), -1);
    bars2.heading.textContent = fill(t.heading, values);
    ui.say(fill(t.alt, { ...values, parts: each.map((v) => fill(t.part, v)).join("; ") }));
  };
}
function hiddenLine([w1, w2, w3], low, high) {
  if (w1 === 0 && w2 === 0) return null;
  if (Math.abs(w2) >= Math.abs(w1)) return [[low, high], [-(w1 * low + w3) / w2, -(w1 * high + w3) / w2]];
  return [[-(w2 * low + w3) / w1, -(w2 * high + w3) / w1], [low, high]];
}
function hiddenOutputsPanel(ui, constants, state) {
  const colours = constants.colours, labels = constants.example_labels, threshold = explorer_text_default.threshold;
  const line = {
    label: String(threshold),
    stroke: "#000000",
    width: 1,
    dash: DASHES["--"],
    paths: () => null,
    points: { show: false }
  };
  const p = outputBars(ui, "Outputs for XOR", labels, {
    series: [bar("output", colours.blue), TARGET, line],
    fills: [colours.blue, "#ffffff", "transparent"],
    limits: () => state.limits?.outputs ?? [-1.05, 1.05],
    draw: (u) => {
      markLine(u, "y", 0, []);
      markLine(u, "y", threshold, [6, 4]);
    }
  });
  p.extra = extras(ui, p, { caption: "Outputs for XOR", columns: ["input", "output", "target"] });
  return p;
}
function squarePanel(ui, constants, state) {
  const [low, high] = constants.square, targets = constants.targets;
  const inputs = constants.example_labels.map((label) => JSON.parse(label));
  const x1 = inputs.map((r) => r[0]), x2 = inputs.map((r) => r[1]);
  const ofTarget = (t) => x2.map((v, i) => targets[i] === t ? v : null);
  const palette = Object.values(constants.colours), styles = ["-", "--", "-.", ":"];
  const unitLines = (u) => (state.W1 ?? []).forEach((weights, h) => {
    const line = hiddenLine(weights, low, high);
    if (line) segment(u, line, palette[h % palette.length], DASHES[styles[h % styles.length]]);
  });
  const p = panel(ui.panels, "Hidden units' lines (sum = 0)", {
    scales: { x: { time: false, range: [low, high] }, y: { range: [low, high] } },
    axes: [axis("x1"), axis("x2", { size: 50 })],
    series: [
      {},
      {
        label: "target 0",
        stroke: "#000000",
        paths: () => null,
        points: { show: true, size: 11, width: 1.5, stroke: "#000000", fill: "#ffffff" }
      },
      {
        label: "target 1",
        stroke: "#000000",
        fill: "#000000",
        paths: () => null,
        points: { show: true, size: 10, width: 1.5, stroke: "#000000", fill: "#000000", paths: squares }
      }
    ],
    legend: { live: false, markers: markers(["", "#ffffff", "#000000"]) },
    hooks: { draw: [unitLines] }
  }, [x1, ofTarget(0), ofTarget(1)]);
  p.extra = extras(ui, p, { caption: "Hidden units' weights", columns: ["hidden unit", "w1", "w2", "w3 (bias)"] });
  return p;
}
function unitWeights(W1, k, nHidden) {
  return Array.from({ length: nHidden }, (_2, h) => [0, 1, 2].map((i) => W1[(k * 3 + i) * nHidden + h]));
}
function verdict(constants, values, y, solved) {
  const threshold = explorer_text_default.threshold, targets = constants.targets;
  if (solved) return fill(explorer_text_default.hidden.solved, values);
  const wrong = constants.example_labels.filter((_2, i) => y[i] === threshold || y[i] > threshold !== targets[i] > threshold);
  return fill(explorer_text_default.hidden.unsolved, { ...values, wrong });
}
function hidden(ui, constants) {
  const steps = constants.recorded, labels = constants.example_labels, ladder = constants.ladder;
  const state = { limits: null, step: null, data: null, W1: null };
  const panels = [
    errorPanel(ui, constants, state),
    hiddenOutputsPanel(ui, constants, state),
    squarePanel(ui, constants, state)
  ];
  const [error, outputs, square] = panels;
  return function update(values, data) {
    if (data.diverged) {
      state.W1 = null;
      return showDiverged(ui, state, panels, data.diverged);
    }
    const mse = floats(data.mse), W1 = floats(data.W1), outs = floats(data.outputs), n = values.n_hidden;
    const k = steps.indexOf(values.iterations), y = row(outs, k, labels.length), t = explorer_text_default.hidden;
    Object.assign(state, { step: values.iterations, mse, W1: unitWeights(W1, k, n) });
    if (takeRun(state, data, () => ({ error: errorLimits(mse, ladder), outputs: valueLimits(outs, ladder, [0, 1]) }))) {
      show(error.chart, [steps, Array.from(mse)]);
    } else redraw(error.chart);
    show(outputs.chart, [indices(labels), y, constants.targets, nulls(labels)]);
    redraw(square.chart);
    const sample = sampleSteps(constants, steps, values.iterations);
    const rows = cachedRows(state, sample, () => sample.map((i) => [String(steps[i]), general(mse[i], 3)]));
    error.extra.update(rows, sample.indexOf(k));
    outputs.extra.update(labels.map((label, i) => [label, fixed(y[i], 3), String(constants.targets[i])]), -1);
    square.extra.update(state.W1.map((w, h) => [String(h + 1), ...w.map((v) => fixed(v, 3))]), -1);
    const said2 = verdict(constants, values, y, floats(data.solved)[k] === 1);
    error.heading.textContent = fill(t.heading, { iterations: values.iterations, mse: mse[k] });
    ui.status(values.learning_rate > t.stable_rate ? `${said2} ${t.chaos_note}` : said2);
    const units = fill(n === 1 ? t.units_one : t.units_many, values);
    ui.say(fill(t.alt, {
      ...values,
      units,
      last_step: steps[steps.length - 1],
      mse: mse[k],
      labels,
      targets: constants.targets,
      outputs: y,
      verdict: said2
    }));
  };
}
var EXPLORERS = { training, activation, seed, prediction, hidden, step, hidden_step };

// live/runs.js
var STEP_BLOCK = 10;
var RUN_KEYS = {
  training: ["seed", "activation", "learning_rate", "scheme"],
  activation: ["activation", "z"],
  seed: ["seed", "scheme"],
  prediction: ["x1", "x2", "x3"],
  hidden: ["seed", "n_hidden", "activation", "learning_rate"],
  step: ["seed", "slope", "learning_rate", "block"],
  hidden_step: ["seed", "n_hidden", "learning_rate", "block"]
};
function keyValue(values, key) {
  return key === "block" ? Math.floor(values.iterations / STEP_BLOCK) : values[key];
}
function runKey(name, values) {
  return JSON.stringify(RUN_KEYS[name].map((key) => keyValue(values, key)));
}

// live/share.js
function reproduceBlock(parent) {
  const details = document.createElement("details");
  details.className = "live-reproduce";
  const summary = document.createElement("summary");
  summary.textContent = "Reproduce in Python";
  const pre2 = document.createElement("pre"), code = document.createElement("code");
  pre2.append(code);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "live-copy";
  button.textContent = "Copy";
  button.hidden = !navigator.clipboard?.writeText;
  const status = document.createElement("span");
  status.className = "live-copy-status";
  status.setAttribute("role", "status");
  button.addEventListener("click", () => copy2(code.textContent, status));
  details.append(summary, pre2, button, status);
  parent.append(details);
  const update = (text) => {
    if (code.textContent !== text) {
      code.textContent = text;
      status.textContent = "";
    }
  };
  return { element: details, update };
}
async function copy2(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied.";
  } catch {
    status.textContent = "Could not copy: select the code and copy it.";
  }
}

// live/widget.js
var MOUNTED = /* @__PURE__ */ Symbol.for("live-explorers-mounted");
function nextIndex() {
  globalThis[MOUNTED] = (globalThis[MOUNTED] ?? -1) + 1;
  return globalThis[MOUNTED];
}
var OWN_KEYS = /* @__PURE__ */ new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"]);
function captionFor(name, host) {
  if (host !== "site") return explorer_text_default.caption.jupyter;
  return explorer_text_default.caption[`site_${name}`] ?? explorer_text_default.caption.site;
}
function frame(name, caption) {
  const root = element2("div", {
    class: "live-explorer",
    role: "group",
    "aria-label": `${name} explorer`,
    "data-lm-suppress-shortcuts": "true"
  });
  const parts = {
    controls: element2("div", { class: "live-controls" }),
    panels: element2("div", { class: "live-panels" }),
    // No role="status": what it says changes at each move; the live region reads out the sentence,
    // and an error or a link's notice (`notify`, below).
    status: element2("p", { class: "live-status", hidden: "" }),
    text: element2("p", { class: "live-text" }),
    announce: element2("p", { class: "live-announce", "aria-live": "polite" }),
    extras: element2("div", { class: "live-extras" })
    // "Reproduce in Python" (share.js)
  };
  root.append(...Object.values(parts), element2("p", { class: "live-caption" }, caption));
  return { root, ...parts };
}
function writers2(parts) {
  let status = "";
  const later = spokenLater(parts.announce, { atOnce: true });
  return {
    panels: parts.panels,
    status: (message) => {
      status = message;
    },
    shownStatus: () => status,
    announce: (message) => {
      parts.announce.textContent = message;
    },
    // a keyboard cursor's point, at once
    // shown at once; read out once the controls rest (ANNOUNCE_DELAY)
    say: (message) => {
      parts.text.textContent = message;
      later(message);
    },
    notify: later,
    // an error or a link's notice, read out as the sentence is
    disposers: [later.cancel]
    // what render's cleanup calls: the panels' add theirs (explorers.js)
  };
}
function showStatus(element_, message) {
  element_.textContent = message;
  element_.hidden = !message;
}
function drawer(model, parts, ui, update, host) {
  const name = model.get("name");
  const reproduce = reproduceBlock(parts.extras);
  let drawnKey = runKey(name, model.get("values"));
  const draw = () => {
    const error = model.get("error"), values = model.get("values");
    if (!error) {
      const fields = update(values, model.get("data"));
      reproduce.update(fill(explorer_text_default[name].reproduce, fields ?? values));
    }
    const notice = error || host.notice;
    showStatus(parts.status, notice || ui.shownStatus());
    if (notice) ui.notify(notice);
  };
  return {
    draw,
    dataChanged: () => {
      drawnKey = runKey(name, model.get("values"));
      draw();
    },
    // New values of the same run: a step of it, drawn now. Another run's: drawn when its data comes.
    valuesChanged: () => {
      if (runKey(name, model.get("values")) === drawnKey) draw();
    }
  };
}
function controlsRow(model, row2, index, host) {
  const current = { ...model.get("values") };
  const drawn = model.get("controls").filter((spec) => !SELF_DRAWN.has(spec.kind));
  const rows = drawn.map((spec) => {
    const made = control(spec, current[spec.name], `live-${index}-${spec.name}`, (value) => {
      current[spec.name] = value;
      host.notice = "";
      model.set("values", { ...model.get("values"), [spec.name]: value });
      model.save_changes();
      host.onChange?.();
    });
    row2.append(made);
    return [spec.name, made];
  });
  const sync = () => rows.forEach(([name, made]) => {
    const value = model.get("values")[name];
    if (value !== current[name]) made.set(current[name] = value);
  });
  return { sync, dispose: () => rows.forEach(([, made]) => made.dispose()) };
}
function setValues(model, controls, hosted, partial) {
  hosted.notice = "";
  model.set("values", { ...model.get("values"), ...partial });
  model.save_changes();
  controls.sync();
  hosted.onChange?.();
}
function render({ model, el, host = "jupyter", notice = "", onChange }) {
  const name = model.get("name");
  const build = EXPLORERS[name];
  if (!build) throw new Error(`unknown live explorer ${JSON.stringify(name)}`);
  const parts = frame(name, captionFor(name, host));
  el.replaceChildren(parts.root);
  parts.root.addEventListener("keydown", (event) => {
    if (OWN_KEYS.has(event.key) || !(event.ctrlKey || event.altKey || event.metaKey)) {
      event.stopPropagation();
    }
  });
  const ui = writers2(parts);
  const stops2 = model.get("controls").find((spec) => spec.name === "iterations")?.options;
  const update = build(ui, { iteration_stops: stops2, ...model.get("constants") });
  const hosted = { notice, onChange };
  const { draw, dataChanged, valuesChanged } = drawer(model, parts, ui, update, hosted);
  const controls = controlsRow(model, parts.controls, nextIndex(), hosted);
  ui.disposers.push(controls.dispose);
  ui.setValues = (partial) => setValues(model, controls, hosted, partial);
  const onValues = () => {
    controls.sync();
    valuesChanged();
  };
  model.on("change:data", dataChanged);
  model.on("change:values", onValues);
  model.on("change:error", draw);
  draw();
  return () => {
    model.off("change:data", dataChanged);
    model.off("change:values", onValues);
    model.off("change:error", draw);
    ui.disposers.splice(0).forEach((dispose) => dispose());
  };
}
var widget_default = { render };
export {
  captionFor,
  widget_default as default
};

// Shareable settings and "Reproduce in Python" (issue #20).
//
// readFragment / writeFragment: on the static site, every explorer (training, activation, seed,
// prediction, hidden) keeps its settings in the page's URL fragment, #explore-NAME?seed=12&n_hidden=3,
// so a link restores them; a bad value in a link is never clamped: it is left out and named in one
// sentence. reproduceBlock: under every explorer in both hosts, the `helpers` call for the current
// settings. Control specs are helpers/explorers.py's site_controls(): kinds menu, stops, whole,
// number, line.
// Styles: ./features.css.

import {pyFloat, readWhole} from "./format.js";

const PREFIX = "#explore-";
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;  // what a number in a link may look like: no exponent, no hex

/** The query of ``hash`` if it is this explorer's fragment (#explore-NAME or #explore-NAME?...), else null. */
export function linkedQuery(name, hash = location.hash) {
  const own = PREFIX + name;
  if (hash === own) return "";
  return hash.startsWith(`${own}?`) ? hash.slice(own.length + 1) : null;
}

/** An option as a sentence lists it: 'tanh' quoted, numbers as JavaScript writes them (1.0 is 1). */
const optionText = option => (typeof option === "number" ? String(option) : `'${option}'`);

/** The option a menu or stops control has for ``text`` ("1" is the stop 1.0), or an error sentence. */
function readOption(text, control, where) {
  const number = DECIMAL.test(text.trim()) ? Number(text) : NaN;
  const matches = option => (typeof option === "number" ? option === number : option === text);
  const found = control.options.find(matches);
  if (found !== undefined) return {value: found};
  const kind = control.kind === "stops" ? "the slider's stops" : "the menu's options";
  const listing = control.options.map(optionText).join(", ");
  return {error: `${where} must be one of ${kind} ${listing}; got ${shown(text)}`};
}

/** A number from low to high on the step grid (a slider's value), or an error sentence. */
function readNumber(text, control, where) {
  const [low, high, step] = [control.low, control.high, control.step].map(pyFloat);
  if (!DECIMAL.test(text.trim())) {
    return {error: `${where} must be a number from ${low} to ${high} in steps of ${step}; got ${shown(text)}`};
  }
  const value = Number(text) + 0;  // "-0" is 0
  if (value < control.low || value > control.high) {
    return {error: `${where} must be from ${low} to ${high}; got ${text.trim()}`};
  }
  const steps = (value - control.low) / control.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    return {error: `${where} must be on the slider's steps of ${step} from ${low}; got ${text.trim()}`};
  }
  return {value};
}

const shown = text => (text.trim() === "" ? "nothing" : text);

/** A whole number from low to high (format.js readWhole, the typed box's rule), or an error sentence. */
function readWholeNumber(text, control, where) {
  if (text.trim() !== "") return readWhole(text, {...control, label: where});
  return {error: `${where} must be a whole number from ${control.low} to ${control.high}; got nothing`};
}

const READERS = {menu: readOption, stops: readOption, number: readNumber, whole: readWholeNumber,
                 line: readWholeNumber};  // the step-through explorers' line (chapters 5 and 7)

/** One value from a link, checked against its control: {value} or {error: one sentence}. */
function readValue(text, control) {
  const where = `${control.name} in the link`;
  const reader = READERS[control.kind];
  if (!reader) return {error: `${where} is a kind of control this page cannot read: ${control.kind}`};
  return reader(text, control, where);
}

/** The setting ``key`` of a link, given as ``given`` (all its values), checked: {value} or {error}. */
function readSetting(key, given, controls) {
  const control = controls.find(c => c.name === key);
  if (!control) {
    const names = controls.map(c => c.name).join(", ");
    return {error: `${key} in the link is not a setting of this explorer; expected some of ${names}`};
  }
  if (given.length > 1) return {error: `${key} is in the link ${given.length} times; expected it once`};
  return readValue(given[0], control);
}

/**
 * The settings in this explorer's URL fragment, each checked against its control spec:
 * {values: {name: value}, problems: [sentence, ...]}. A bad value, an unknown name or a name given
 * twice is left out of ``values`` and named in ``problems`` (never clamped). Another explorer's
 * fragment, or none, gives {values: {}, problems: []}.
 */
export function readFragment(name, controls, hash = location.hash) {
  const query = linkedQuery(name, hash);
  const values = {}, problems = [];
  if (query === null) return {values, problems};
  const params = new URLSearchParams(query);
  for (const key of new Set(params.keys())) {
    const result = readSetting(key, params.getAll(key), controls);
    if ("error" in result) problems.push(result.error);
    else values[key] = result.value;
  }
  return {values, problems};
}

/** The settings written to the URL fragment, #explore-NAME?a=1&b=x, in place: no jump, no new history entry. */
export function writeFragment(name, values) {
  const params = new URLSearchParams(Object.entries(values).map(([key, value]) => [key, String(value)]));
  const query = params.toString();
  const fragment = `${PREFIX}${name}${query ? `?${query}` : ""}`;
  history.replaceState(null, "", `${location.pathname}${location.search}${fragment}`);
}

/**
 * A "Reproduce in Python" disclosure: the code as text, and a Copy button where the Clipboard API
 * is available (hidden otherwise). Returns {element, update(code)}.
 */
export function reproduceBlock(parent) {
  const details = document.createElement("details");
  details.className = "live-reproduce";
  const summary = document.createElement("summary");
  summary.textContent = "Reproduce in Python";
  const pre = document.createElement("pre"), code = document.createElement("code");
  pre.append(code);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "live-copy";
  button.textContent = "Copy";
  button.hidden = !navigator.clipboard?.writeText;
  const status = document.createElement("span");
  status.className = "live-copy-status";
  status.setAttribute("role", "status");
  button.addEventListener("click", () => copy(code.textContent, status));
  details.append(summary, pre, button, status);
  parent.append(details);
  const update = text => {
    if (code.textContent !== text) { code.textContent = text; status.textContent = ""; }
  };
  return {element: details, update};
}

async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied.";
  } catch {
    status.textContent = "Could not copy: select the code and copy it.";
  }
}

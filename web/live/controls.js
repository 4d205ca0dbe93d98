// The explorers' controls: one labelled menu, slider or slider-and-box per control spec (the specs
// are Python's CONTROLS, as `Explorer.site_controls()` writes them), and a live region that speaks
// once its messages rest.

import {fixed, pyFloat, readWhole} from "./format.js";

/** Milliseconds without a change before a live region speaks: ten arrow presses, one sentence. */
export const ANNOUNCE_DELAY = 400;

/** A live region's writer: its text set once ``ANNOUNCE_DELAY`` passes without another message; ""
    clears it at once. With ``atOnce``, the first message (to an empty region) is set at once: there
    is nothing to wait for. ``cancel()`` drops a message still waiting. */
export function spokenLater(region, {atOnce = false} = {}) {
  const say = message => {
    clearTimeout(region.timer);
    if (!message || (atOnce && !region.textContent)) region.textContent = message;
    else if (message !== region.textContent) {
      region.timer = setTimeout(() => { region.textContent = message; }, ANNOUNCE_DELAY);
    }
  };
  say.cancel = () => clearTimeout(region.timer);
  return say;
}

export function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

/** A slider and the value it shows, kept on one line when the row wraps (on a phone). */
export function pair(slider, shown) {
  const both = element("span", {class: "live-pair"});
  both.append(slider, shown);
  return both;
}

/** A drop-down menu of the spec's options, showing ``spec.labels`` (as many) when given; it
    returns the option itself (an int stays an int). */
function menu(spec, id, changed) {
  const labels = spec.labels ?? spec.options.map(String);
  if (labels.length !== spec.options.length) {
    const counts = `${labels.length} labels for ${spec.options.length} options`;
    throw new Error(`the menu ${spec.name} must have a label per option; got ${counts}`);
  }
  const select = element("select", {id});
  spec.options.forEach((option, i) => select.append(element("option", {value: option}, labels[i])));
  select.addEventListener("input", () => {
    changed(spec.options.find(option => String(option) === select.value));
  });
  return {nodes: [select], set: value => { select.value = String(value); }};
}

/** A slider over the spec's options (its stops), showing the option it rests on. */
function stops(spec, id, changed) {
  const slider = element("input", {type: "range", id, min: 0, max: spec.options.length - 1, step: 1});
  const shown = element("output", {for: id, "aria-hidden": "true"});
  const floats = spec.options.some(option => typeof option === "number" && !Number.isInteger(option));
  const show = () => {
    const option = spec.options[Number(slider.value)];
    const text = floats ? pyFloat(option) : String(option);  // learning rate 1.0, as in Python
    shown.textContent = text;
    slider.setAttribute("aria-valuetext", text);
    return option;
  };
  slider.addEventListener("input", () => changed(show()));
  return {nodes: [pair(slider, shown)], set: value => { slider.value = spec.options.indexOf(value); show(); }};
}

/** A slider over a range of numbers with one decimal. */
function number(spec, id, changed) {
  const slider = element("input", {type: "range", id, min: spec.low, max: spec.high, step: spec.step});
  const shown = element("output", {for: id, "aria-hidden": "true"});
  const show = () => {
    const value = Math.round(Number(slider.value) * 10) / 10;
    shown.textContent = fixed(value, 1);
    slider.setAttribute("aria-valuetext", fixed(value, 1));
    return value;
  };
  slider.addEventListener("input", () => changed(show()));
  return {nodes: [pair(slider, shown)], set: value => { slider.value = value; show(); }};
}

/** The message beside a typed whole number: shown at once, read out once the typing rests. */
function typedError(id) {
  const shown = element("span", {class: "live-error", id: `${id}-error`});
  const spoken = element("span", {class: "live-error-announce", "aria-live": "polite"});
  const say = spokenLater(spoken);  // no word per keystroke
  const set = message => { shown.textContent = message; say(message); };
  return {nodes: [shown, spoken], set, cancel: say.cancel};
}

/** "whole": a slider over a range a mouse can pick from, and a box to type any number of the whole range in. */
function whole(spec, id, changed) {
  const sliderHigh = spec.slider_high ?? spec.high;
  const slider = element("input", {type: "range", id, min: spec.low, max: sliderHigh, step: 1});
  const box = element("input", {type: "text", id: `${id}-box`, inputmode: "numeric", autocomplete: "off",
                                "aria-label": `${spec.label}, typed`, "aria-describedby": `${id}-error`,
                                size: String(String(spec.high).length)});
  const error = typedError(id);
  const beyond = element("span", {class: "live-beyond", id: `${id}-beyond`});
  // A typed number past the slider's end: the slider rests at its end, dimmed, and says so.
  const place = value => {
    slider.value = String(Math.min(value, sliderHigh));
    const past = value > sliderHigh;
    slider.classList.toggle("live-past", past);
    beyond.textContent = past ? `typed ${spec.label} ${value} is beyond the slider (${spec.low} to ${sliderHigh})` : "";
    if (past) slider.setAttribute("aria-valuetext", `${value}, typed, beyond the slider's ${sliderHigh}`);
    else slider.removeAttribute("aria-valuetext");
  };
  const valid = value => {
    box.removeAttribute("aria-invalid");
    error.set("");
    place(value);
    changed(value);
  };
  slider.addEventListener("input", () => { box.value = slider.value; valid(Number(slider.value)); });
  box.addEventListener("input", () => {
    const read = readWhole(box.value, spec);
    if (!read.error) return valid(read.value);
    box.setAttribute("aria-invalid", "true");
    error.set(read.error);
  });
  const set = value => { box.value = String(value); place(value); };
  return {nodes: [slider, box, beyond, ...error.nodes], set, dispose: error.cancel};
}

const KINDS = {menu, stops, number, whole};

/** Kinds of control the explorer draws itself, not the controls row: ``line``, the step-through
    explorers' stepper (steps.js, chapters 5 and 7). */
export const SELF_DRAWN = new Set(["line"]);

/** One labelled control; calls ``changed`` with its new value, and shows its value beside it.
    ``row.set(value)`` moves it without calling ``changed`` (a value set by the other side);
    ``row.dispose()`` drops a message still waiting to be read out (the view is gone). */
export function control(spec, value, id, changed) {
  const row = element("div", {class: "live-control"});
  row.append(element("label", {for: id}, spec.label));
  const made = KINDS[spec.kind](spec, id, changed);
  row.append(...made.nodes);
  made.set(value);
  row.set = made.set;
  row.dispose = made.dispose ?? (() => {});
  return row;
}

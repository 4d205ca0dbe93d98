// One explorer, rendered from a model: in Jupyter the anywidget model of helpers/explorers.py (its
// data computed by Python), on the site a local model (engine.js; its data computed in the page).
// The controls row comes from the model's `controls`; a moved control sets `values` and saves; the
// panels redraw on `change:data` and `change:values` (a step of the run the model already has).
// Bundled by tools/build_js.py into helpers/explorer.js, the widget's `_esm`.

import {EXPLORERS, TEXT} from "./explorers.js";
import {runKey} from "./runs.js";
import {SELF_DRAWN, control, element, spokenLater} from "./controls.js";
import {reproduceBlock} from "./share.js";
import {fill} from "./texts.js";

// Explorers rendered in this page, counted across every copy of this module (JupyterLab may load
// one per widget; a test page loads the site's and Jupyter's): their controls' ids stay unique.
const MOUNTED = Symbol.for("live-explorers-mounted");

function nextIndex() {
  globalThis[MOUNTED] = (globalThis[MOUNTED] ?? -1) + 1;
  return globalThis[MOUNTED];
}

const OWN_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"]);

/** The caption under an explorer: what computes it, and how far its numbers are Python's. */
export function captionFor(name, host) {
  if (host !== "site") return TEXT.caption.jupyter;
  return TEXT.caption[`site_${name}`] ?? TEXT.caption.site;
}

/** The explorer's frame: controls row, panels, status line, text, live region and caption. */
function frame(name, caption) {
  // data-lm-suppress-shortcuts: JupyterLab's own keys (arrows move between cells) stay out of the
  // explorer, so its sliders and charts answer the arrow keys as they do on the site.
  const root = element("div", {class: "live-explorer", role: "group", "aria-label": `${name} explorer`,
                               "data-lm-suppress-shortcuts": "true"});
  const parts = {
    controls: element("div", {class: "live-controls"}),
    panels: element("div", {class: "live-panels"}),
    // No role="status": what it says changes at each move; the live region reads out the sentence,
    // and an error or a link's notice (`notify`, below).
    status: element("p", {class: "live-status", hidden: ""}),
    text: element("p", {class: "live-text"}),
    announce: element("p", {class: "live-announce", "aria-live": "polite"}),
    extras: element("div", {class: "live-extras"}),  // "Reproduce in Python" (share.js)
  };
  root.append(...Object.values(parts), element("p", {class: "live-caption"}, caption));
  return {root, ...parts};
}

/** What an explorer writes to: its panels, and its status line and live region; and the disposers
    render's cleanup calls. */
function writers(parts) {
  let status = "";
  const later = spokenLater(parts.announce, {atOnce: true});  // the start: nothing to wait for
  return {
    panels: parts.panels,
    status: message => { status = message; },
    shownStatus: () => status,
    announce: message => { parts.announce.textContent = message; },  // a keyboard cursor's point, at once
    // shown at once; read out once the controls rest (ANNOUNCE_DELAY)
    say: message => { parts.text.textContent = message; later(message); },
    notify: later,  // an error or a link's notice, read out as the sentence is
    disposers: [later.cancel],  // what render's cleanup calls: the panels' add theirs (explorers.js)
  };
}

function showStatus(element_, message) {
  element_.textContent = message;
  element_.hidden = !message;
}

/** Draw the explorer for the model's values and data, and its code; the model's error, or else the
    host's notice (a bad value in a shared link), or else the explorer's own in the status line. An
    error or notice is also read out (after the sentence, which it replaces in the live region). */
function drawer(model, parts, ui, update, host) {
  const name = model.get("name");
  const reproduce = reproduceBlock(parts.extras);
  let drawnKey = runKey(name, model.get("values"));  // the run the model's data is for
  const draw = () => {
    const error = model.get("error"), values = model.get("values");
    if (!error) {
      const fields = update(values, model.get("data"));  // a builder may return its text's fields
      reproduce.update(fill(TEXT[name].reproduce, fields ?? values));
    }
    const notice = error || host.notice;
    showStatus(parts.status, notice || ui.shownStatus());
    if (notice) ui.notify(notice);
  };
  return {
    draw,
    dataChanged: () => { drawnKey = runKey(name, model.get("values")); draw(); },
    // New values of the same run: a step of it, drawn now. Another run's: drawn when its data comes.
    valuesChanged: () => { if (runKey(name, model.get("values")) === drawnKey) draw(); },
  };
}

/** The controls row: each control sets `values` and saves; `sync()` moves a control whose value the
    model changed (Python's `set`, or a shared URL), and leaves alone the one being typed in;
    `dispose()` drops their messages still waiting to be read out. */
function controlsRow(model, row, index, host) {
  const current = {...model.get("values")};
  const drawn = model.get("controls").filter(spec => !SELF_DRAWN.has(spec.kind));
  const rows = drawn.map(spec => {
    const made = control(spec, current[spec.name], `live-${index}-${spec.name}`, value => {
      current[spec.name] = value;
      host.notice = "";
      model.set("values", {...model.get("values"), [spec.name]: value});
      model.save_changes();
      host.onChange?.();
    });
    row.append(made);
    return [spec.name, made];
  });
  const sync = () => rows.forEach(([name, made]) => {
    const value = model.get("values")[name];
    if (value !== current[name]) made.set((current[name] = value));
  });
  return {sync, dispose: () => rows.forEach(([, made]) => made.dispose())};
}

/** Several values set at once by a builder (the step-through explorers' line and iteration): merged
    into ``values`` and saved, the controls moved to them, the host told (as a control's move). */
function setValues(model, controls, hosted, partial) {
  hosted.notice = "";
  model.set("values", {...model.get("values"), ...partial});
  model.save_changes();
  controls.sync();
  hosted.onChange?.();
}

/** anywidget's render (the default export only: anywidget warns of a named one): build the
    explorer in ``el`` and follow the model. The site passes ``host`` "site" (its captions),
    ``notice`` (shown in the status line until a control moves) and ``onChange`` (called after
    each control's move has been drawn). Returns the cleanup (JupyterLab calls it when it draws the
    view again or removes it): the model no longer followed, the charts destroyed, their observers
    and the timers of the live regions stopped. */
function render({model, el, host = "jupyter", notice = "", onChange}) {
  const name = model.get("name");
  const build = EXPLORERS[name];
  if (!build) throw new Error(`unknown live explorer ${JSON.stringify(name)}`);
  const parts = frame(name, captionFor(name, host));
  el.replaceChildren(parts.root);  // panels need their width before the charts are drawn
  // Keys pressed in the explorer stay in it. The arrow keys and their kin move a slider or a
  // chart's cursor; JupyterLab's notebook would take them and move the focus to another cell.
  // Its single command-mode keys (a, b, m, d d...) are bound to selectors ending in ":focus",
  // which Lumino matches on the focused control itself before its walk up reaches the root's
  // data-lm-suppress-shortcuts: so no key without Ctrl, Alt or Meta leaves the explorer (a on a
  // slider would insert a cell; m would turn the explorer's cell to Markdown).
  parts.root.addEventListener("keydown", event => {
    if (OWN_KEYS.has(event.key) || !(event.ctrlKey || event.altKey || event.metaKey)) {
      event.stopPropagation();
    }
  });
  const ui = writers(parts);
  // The data tables' sample of a run: the iterations slider's stops (constants.iteration_stops).
  const stops = model.get("controls").find(spec => spec.name === "iterations")?.options;
  const update = build(ui, {iteration_stops: stops, ...model.get("constants")});
  const hosted = {notice, onChange};
  const {draw, dataChanged, valuesChanged} = drawer(model, parts, ui, update, hosted);
  const controls = controlsRow(model, parts.controls, nextIndex(), hosted);
  ui.disposers.push(controls.dispose);
  ui.setValues = partial => setValues(model, controls, hosted, partial);
  const onValues = () => { controls.sync(); valuesChanged(); };
  model.on("change:data", dataChanged);
  model.on("change:values", onValues);
  model.on("change:error", draw);
  draw();
  return () => {
    model.off("change:data", dataChanged);
    model.off("change:values", onValues);
    model.off("change:error", draw);
    ui.disposers.splice(0).forEach(dispose => dispose());
  };
}

export default {render};

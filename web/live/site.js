// The site's entry (bundled by tools/build_book.py through tools/build_js.py into live/explorers.js):
// every explorer's notebook output is a <figure data-live-explorer="NAME"> holding a snapshot and,
// as JSON, its controls, starting values and constants (written by helpers/explorers.py). Each
// becomes the live explorer: the renderer of widget.js, given a local model whose data engine.js
// computes in the page. Without JavaScript, or if anything here fails, the snapshot stays.

import widget from "./widget.js";
import {localModel} from "./engine.js";
import {linkedQuery, readFragment, writeFragment} from "./share.js";

/** Milliseconds without a move before the settings are written into the page's link (Chromium
    throttles a page that replaces its history entry hundreds of times in a few seconds). */
const LINK_DELAY = 300;

/** The explorer in ``figure``, live; on failure the snapshot is put back and the error thrown. */
function mount(figure) {
  const name = figure.dataset.liveExplorer;
  const read = key => JSON.parse(figure.dataset[key]);
  const snapshot = [...figure.childNodes];
  figure.classList.add("live");
  try {
    const constants = read("constants");
    const controls = read("controls");
    const linked = readFragment(name, controls);  // a shared link's settings, each checked
    const model = localModel(name, controls, {...read("values"), ...linked.values}, constants);
    let writing = null;  // the link is written once the controls rest: a dragged slider is one write
    const onChange = () => {
      clearTimeout(writing);
      writing = setTimeout(() => writeFragment(name, model.get("values")), LINK_DELAY);
      figure.dispatchEvent(new CustomEvent("live-explorer-drawn", {bubbles: true}));
    };
    widget.render({model, el: figure, host: "site", notice: linked.problems.join(" "), onChange});
    if (linkedQuery(name) !== null) figure.scrollIntoView({block: "start"});
  } catch (error) {
    figure.replaceChildren(...snapshot);  // the snapshot, rather than half an explorer
    figure.classList.remove("live");
    throw error;
  }
}

export function mountAll(root = document) {
  root.querySelectorAll("figure[data-live-explorer]").forEach(figure => {
    try {
      mount(figure);
    } catch (error) {
      console.error("live explorer:", error);
    }
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => mountAll());
else mountAll();

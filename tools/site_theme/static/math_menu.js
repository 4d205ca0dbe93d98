// MathJax's menu on formulas typeset at build time (tools/typeset_math.mjs), with MathJax
// loaded only when a reader asks for the menu: a right-click or long press on a formula, or
// Space on a formula that has the keyboard focus (MathJax's own keys). A cold load fetches no
// MathJax script; the first such request loads the site's mathjax/tex-chtml.js (about a
// second on a slow phone), which then opens its menu where the reader asked.
//
// MathJax does not typeset the page again: each formula already on the page becomes one of
// its MathItems, compiled from the TeX kept on the formula (data-tex), with the formula's
// HTML as its typeset output. Its menu then works as on a page MathJax typeset itself
// (Show Math As, Copy, zoom, another renderer or scale, which re-typeset from that TeX).
(() => {
  const MATHJAX = new URL("../mathjax/tex-chtml.js", document.currentScript.src).href;
  const FORMULA = "mjx-container[data-tex]";
  let loading = null;
  let loaded = false;

  function adopt() {
    const doc = MathJax.startup.document;
    const { STATE } = MathJax._.core.MathItem;
    const tex = doc.inputJax.find((jax) => jax.name === "TeX");
    const items = [];
    for (const node of document.querySelectorAll(FORMULA)) {
      if (node.classList.contains("CtxtMenu_Attached_0")) continue; // done (a retry)
      const display = node.getAttribute("display") === "true";
      const delims = display ? ["\\[", "\\]"] : ["\\(", "\\)"];
      const math = new doc.options.MathItem(node.dataset.tex, tex, display,
        { node, n: 0, delim: delims[0] }, { node, n: 0, delim: delims[1] });
      math.compile(doc); // may ask to load a TeX extension: then retried (handleRetriesFor)
      doc.math.push(math);
      items.push([math, node]);
    }
    doc.outputJax.getMetrics(doc); // what a re-render (another scale or renderer) starts from
    for (const [math, node] of items) {
      math.typesetRoot = node;
      math.state(STATE.TYPESET);
      math.addMenu(doc);
      math.state(STATE.INSERTED);
    }
    for (const step of ["findMath", "compile", "getMetrics", "typeset", "updateDocument", "context-menu"]) {
      doc.processed.set(step);
    }
  }

  function load() {
    loading ??= new Promise((resolve, reject) => {
      window.MathJax = {
        startup: {
          typeset: false,
          ready() {
            MathJax.startup.defaultReady();
            MathJax.startup.promise
              .then(() => MathJax._.mathjax.mathjax.handleRetriesFor(adopt))
              .then(() => { loaded = true; resolve(); }, reject);
          },
        },
      };
      const script = document.createElement("script");
      script.src = MATHJAX;
      script.async = true;
      script.onerror = () => reject(new Error(`could not load ${MATHJAX}`));
      document.head.append(script);
    });
    return loading;
  }

  // Until MathJax is there, the request is held and then passed on to MathJax's own handlers.
  function hold(event, replay) {
    if (loaded) return;
    const formula = event.target.closest?.(FORMULA);
    if (!formula) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    load().then(() => event.target.dispatchEvent(replay()), (error) => console.error(error));
  }

  document.addEventListener("contextmenu", (event) => hold(event, () => new MouseEvent("contextmenu", {
    view: window, bubbles: true, cancelable: true, clientX: event.clientX, clientY: event.clientY,
    screenX: event.screenX, screenY: event.screenY,
  })), true);
  document.addEventListener("keydown", (event) => {
    if (event.key !== " " || event.ctrlKey || event.altKey || event.metaKey) return;
    // At the formula's place, as MathJax posts it for a key.
    hold(event, () => new Event("contextmenu", { bubbles: true, cancelable: true }));
  }, true);
})();

// A figure that scrolls sideways inside its own box (on a narrow screen, see site.css) can be
// scrolled with the keyboard too (WCAG 2.1.1): its box is a tab stop while it scrolls, as the
// theme does for code and tables.
(() => {
  const update = () => {
    for (const box of document.querySelectorAll("div.cell_output")) {
      if (box.querySelector(":scope > img")) box.tabIndex = box.scrollWidth > box.clientWidth ? 0 : -1;
    }
  };
  window.addEventListener("load", update);
  window.addEventListener("resize", update);
})();

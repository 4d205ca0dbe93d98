// A figure that scrolls sideways inside its own box (on a narrow screen, see site.css) can be
// scrolled with the keyboard too (WCAG 2.1.1): its box is a tab stop while it scrolls, as the
// theme does for code and tables. It also says so above the figure, since a phone shows no
// scroll bar until the reader swipes.
(() => {
  const update = () => {
    for (const box of document.querySelectorAll("div.cell_output")) {
      if (!box.querySelector(":scope > img, :scope > picture > img")) continue;  // WebP: <picture>
      const scrolls = box.scrollWidth > box.clientWidth;
      box.tabIndex = scrolls ? 0 : -1;
      box.classList.toggle("figure-scrolls", scrolls); // shows a hint, see site.css
    }
  };
  window.addEventListener("load", update);
  window.addEventListener("resize", update);
})();

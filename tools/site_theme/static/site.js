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

// When a sidebar dialog closes (Escape, or a click beside it), the keyboard focus goes back to
// the button that opened it, as a dialog's focus should (WAI-ARIA's dialog pattern). The theme
// means to do that, but sphinx-book-theme.js takes the focus off the button as it is clicked, so
// the focus fell to the page's start.
(() => {
  for (const kind of ["primary", "secondary"]) {
    const dialog = document.getElementById(`pst-${kind}-sidebar-modal`);
    const button = document.querySelector(`button.${kind}-toggle`);
    if (!dialog || !button) continue;
    // After the theme's own "close" listeners, which focus what had the focus at the click.
    dialog.addEventListener("close", () => setTimeout(() => {
      if (document.activeElement === document.body || !document.activeElement) button.focus();
    }));
  }
})();

// Trims the theme's stylesheets in the built site to the rules its pages can use, with
// PurgeCSS (pinned in web/package-lock.json). pydata-sphinx-theme's CSS alone is 397 KB
// (64 KiB gzip-compressed) and about nine tenths of it styles components this book never shows; a
// phone downloads it and matches every element against it before the first paint.
//
//   node tools/trim_css.mjs _build/html
//
// A rule is kept when every class, id and element name in one of its selectors appears as a
// word in a built page (any .html under the folder) or in one of the site's scripts (the
// theme's, Sphinx's and the extensions' in _static/, the live explorers in live/), because
// scripts add classes at run time (a menu's "show", a dialog's state), or when it is made of
// pseudo-classes alone (the focus ring). @font-face, @keyframes
// and CSS variables stay. The book's own stylesheets (site.css, icons/icons.css,
// live/explorers.css) and MathJax's are written for this site and are not touched.
// Prints one line: the stylesheets trimmed and their size before and after.

import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, "..", "web", "package.json"));
const { PurgeCSS } = require("purgecss");

// The theme's and the extensions' stylesheets, relative to _static/ (mystnb's name carries a
// hash, hence the pattern).
export const STYLESHEETS = [
  /^styles\/pydata-sphinx-theme\.css$/, /^styles\/sphinx-book-theme\.css$/, /^basic\.css$/,
  /^pygments\.css$/, /^mystnb\.[0-9a-f]+\.css$/, /^togglebutton\.css$/, /^copybutton\.css$/,
  /^sphinx-design\.min\.css$/, /^exercise\.css$/,
];
// Classes Bootstrap builds from parts at run time ("bs-tooltip-" + placement): never words.
const BUILT_AT_RUN_TIME = [/^bs-tooltip-/, /^bs-popover-/, /^tooltip/, /^popover/];
// A selector of pseudo-classes alone, such as the theme's focus ring `:focus-visible { outline }`,
// names nothing a page could contain, so PurgeCSS would drop it: each pseudo-class counts as
// present (a compound selector such as `.unused:hover` still goes with its class).
const PSEUDO = /^::?[a-z-]+$/;

function walk(folder, keep, found = []) {
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) {
      if (name !== "mathjax") walk(file, keep, found); // MathJax's engine styles itself
    } else if (keep(file)) found.push(file);
  }
  return found;
}

export async function trim(site) {
  const staticDir = path.join(site, "_static");
  if (!existsSync(staticDir)) throw new Error(`trim_css: site must be a built site with _static/, not ${site}`);
  const css = walk(staticDir, (file) => {
    const relative = path.relative(staticDir, file).split(path.sep).join("/");
    return STYLESHEETS.some((pattern) => pattern.test(relative));
  });
  const content = walk(site, (file) => /\.(html|js)$/.test(file));
  const before = css.map((file) => statSync(file).size);
  const results = await new PurgeCSS().purge({
    content, css, safelist: { standard: [...BUILT_AT_RUN_TIME, PSEUDO], greedy: BUILT_AT_RUN_TIME },
  });
  for (const { css: trimmed, file } of results) writeFileSync(file, trimmed);
  const after = css.map((file) => statSync(file).size);
  const kb = (sizes) => Math.round(sizes.reduce((a, b) => a + b, 0) / 1024);
  return { count: css.length, before: kb(before), after: kb(after) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const site = process.argv[2];
  if (!site) {
    console.error("usage: node tools/trim_css.mjs SITE_FOLDER");
    process.exit(2);
  }
  try {
    const { count, before, after } = await trim(site);
    console.log(`trim_css: ${count} stylesheets, ${before} KB -> ${after} KB`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

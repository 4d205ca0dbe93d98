// Typesets every formula of the built site at build time, with MathJax 3.2.2 in Node
// (mathjax-full, the same version as the site's MathJax), so that a page ships its math as
// HTML and CSS (CommonHTML) instead of loading MathJax's TeX engine.
//
//   node tools/typeset_math.mjs _build/html
//
// For each page under the folder, it:
// - replaces each formula Sphinx wrote (<span class="math ...">\(...\)</span>,
//   <div class="math ...">\[...\]</div>, amsmath environments) with MathJax's CommonHTML and
//   its assistive MathML (mjx-assistive-mml, read by screen readers), as MathJax would in the
//   browser; the TeX source stays on the formula (data-tex) for MathJax's menu;
// - adds the CSS of the characters the page uses (<style id="MJX-static-styles">); the
//   fonts are the site's own copy of MathJax's (mathjax/output/chtml/fonts/woff-v2),
//   which the browser fetches only for the characters on the page;
// - replaces Sphinx's MathJax script with _static/math_menu.js, which loads MathJax only
//   when a reader opens a formula's menu (right-click, long press, Space on a formula);
// - fails (exit code 1) on a TeX error, naming the page and the formula, and on any TeX
//   delimiter left in the page's text outside code: no formula reaches a reader untypeset.
//
// A page already done (it has the style element) is left alone, so the step can run twice.
// Prints one line: the pages and formulas typeset and the time taken.

import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, "..", "web", "package.json"));
const { mathjax } = require("mathjax-full/js/mathjax.js");
const { TeX } = require("mathjax-full/js/input/tex.js");
const { FindTeX } = require("mathjax-full/js/input/tex/FindTeX.js");
const { CHTML } = require("mathjax-full/js/output/chtml.js");
const { liteAdaptor } = require("mathjax-full/js/adaptors/liteAdaptor.js");
const { RegisterHTMLHandler } = require("mathjax-full/js/handlers/html.js");
const { AssistiveMmlHandler } = require("mathjax-full/js/a11y/assistive-mml.js");
const { AllPackages } = require("mathjax-full/js/input/tex/AllPackages.js");

// The TeX packages the site's MathJax (tex-chtml.js) has or loads on demand (autoload), less
// those that turn an error into red text (noerrors, noundefined) or change what \text means
// (textmacros and its textcomp; tagformat only configures tags).
export const PACKAGES = AllPackages.filter(
  (name) => !["noerrors", "noundefined", "textmacros", "textcomp", "tagformat"].includes(name));
// What MathJax measures in the browser around the book's text (Debian Chromium, the theme's
// fonts): 16 px em, 9 px ex, so formulas come out at the size they had when typeset there.
const EM = 16, EX = 9, WIDTH = 80 * 16;
const STYLE_ID = "MJX-static-styles";
const FONTS = "mathjax/output/chtml/fonts/woff-v2";
const LOADER = "_static/math_menu.js";
// Sphinx's math: an inline <span> holds only text; a display <div> may also hold an equation
// number (<span class="eqno">), which stays as it is.
const MATH = /<(span|div) class="math notranslate nohighlight"([^>]*)>([\s\S]*?)<\/\1>/g;
const EQNO = /<span class="eqno">[\s\S]*?<\/span>\s*<\/span>|<span class="eqno">[\s\S]*?<\/span>/;
// Sphinx's MathJax scripts: the configuration and the engine (mathjax_path in _config.yml).
const MATHJAX_SCRIPTS = [
  /[ \t]*<script>window\.MathJax = [^<]*<\/script>\n?/g,
  /[ \t]*<script[^>]* src="[^"]*mathjax\/[^"]*\.js(?:\?[^"]*)?"[^>]*><\/script>\n?/g,
];
// Where MathJax in the browser finds no math: code, scripts, styles (its skipHtmlTags).
const SKIP = /<(script|noscript|style|textarea|pre|code|annotation|annotation-xml)\b[\s\S]*?<\/\1>/g;

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
export function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
const escapeText = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text) => escapeText(text).replace(/"/g, "&quot;");

export class MathError extends Error {}

const adaptor = liteAdaptor();
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));
const finder = new FindTeX({});

/** One MathJax document per page: its CSS then holds only that page's characters. */
function newDocument(fontURL) {
  const tex = new TeX({
    packages: PACKAGES,
    formatError: (_jax, error) => { throw error; }, // strict: an error fails the build
  });
  const chtml = new CHTML({ fontURL, adaptiveCSS: true });
  return mathjax.document("", { InputJax: tex, OutputJax: chtml });
}

/** The page's HTML with its formulas typeset; `where` names the page in error messages. */
export function typesetPage(page, { where, relativeRoot }) {
  if (page.includes(`id="${STYLE_ID}"`)) return { page, count: 0 };
  const doc = newDocument(`${relativeRoot}${FONTS}`);
  // MathJax's matchFontHeight: the formula's x-height is the surrounding text's.
  const scale = EX / doc.outputJax.font.params.x_height / EM;
  let count = 0;
  const typeset = (text) => {
    const found = finder.findMath([text]);
    if (!found.length) return null;
    let out = "", at = 0;
    for (const item of found) {
      const tex = item.math;
      if (item.display === null) { // an escaped character, \$ for $
        out += escapeText(text.slice(at, item.start.n) + tex);
        at = item.end.n;
        continue;
      }
      let node;
      try {
        node = doc.convert(tex, { display: item.display, em: EM, ex: EX, scale, containerWidth: WIDTH });
      } catch (error) {
        throw new MathError(`${where}: TeX error in the formula ${item.open}${tex}${item.close}: ${error.message}`);
      }
      adaptor.setAttribute(node, "tabindex", "0"); // a tab stop, as MathJax's menu makes it
      adaptor.setAttribute(node, "data-tex", tex);
      out += escapeText(text.slice(at, item.start.n)) + adaptor.outerHTML(node);
      at = item.end.n;
      count += 1;
    }
    return out + escapeText(text.slice(at));
  };
  const outside = [];
  let body = page.replace(MATH, (whole, tag, attributes, inner) => {
    const eqno = tag === "div" ? (inner.match(EQNO) || [""])[0] : "";
    const source = unescapeHtml(inner.replace(eqno, ""));
    const done = typeset(source);
    if (done === null) {
      throw new MathError(`${where}: TeX error in the formula ${source.trim()}: ` +
        "no closing delimiter found (an unbalanced brace?)");
    }
    return `<${tag} class="math notranslate nohighlight"${attributes}>${eqno}${done}</${tag}>`;
  });
  // Anything MathJax would still find in the text (outside code) is math left untypeset.
  for (const [whole] of page.replace(MATH, "").replace(SKIP, "").matchAll(/>([^<]+)</g)) {
    const text = unescapeHtml(whole.slice(1, -1));
    for (const item of finder.findMath([text])) outside.push(`${item.open}${item.math}${item.close}`);
  }
  if (outside.length) {
    throw new MathError(`${where}: TeX outside Sphinx's math elements, which nothing would typeset: ${outside.join(" ")}`);
  }
  for (const script of MATHJAX_SCRIPTS) body = body.replace(script, "");
  if (count) {
    const css = adaptor.textContent(doc.outputJax.styleSheet(doc)).replace(/\s*\n\s*/g, "");
    const head = `<style id="${STYLE_ID}">${css}</style>\n` +
      `<script defer src="${escapeAttribute(relativeRoot + LOADER)}"></script>\n`;
    body = body.replace("</head>", `${head}</head>`);
  }
  return { page: body, count };
}

function* htmlFiles(folder) {
  for (const name of readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) yield* htmlFiles(file);
    else if (name.endsWith(".html")) yield file;
  }
}

/** Every page under `root`, typeset; nothing is written unless every page succeeds. */
export function typesetSite(root) {
  let pages = 0, formulas = 0;
  const changed = [];
  for (const file of htmlFiles(root)) {
    const where = path.relative(root, file).split(path.sep).join("/");
    const depth = where.split("/").length - 1;
    const before = readFileSync(file, "utf8");
    const { page, count } = typesetPage(before, { where, relativeRoot: "../".repeat(depth) });
    if (page !== before) changed.push([file, page]); // a page without math loses its MathJax script
    pages += count ? 1 : 0;
    formulas += count;
  }
  for (const [file, page] of changed) writeFileSync(file, page);
  return { pages, formulas };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2];
  if (!root) {
    console.error("usage: node tools/typeset_math.mjs SITE_FOLDER");
    process.exit(2);
  }
  const start = performance.now();
  try {
    const { pages, formulas } = typesetSite(root);
    const seconds = ((performance.now() - start) / 1000).toFixed(2);
    console.log(`typeset_math: ${formulas} formulas on ${pages} pages in ${seconds} s`);
  } catch (error) {
    if (!(error instanceof MathError)) throw error;
    console.error(`typeset_math: ${error.message}`);
    process.exit(1);
  }
}

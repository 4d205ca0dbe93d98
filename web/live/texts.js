// How an explorer's sentence is filled in: helpers/explorer_text.json holds every sentence the
// explorers show, and both hosts fill its templates by the same rules (helpers/explorer_text.py
// in Python; this module in the browser and in Jupyter's front end). Pure: no DOM, no JSON import,
// so Node can test it against Python (tests/test_explorer_text.py).
//
// {name}: a string or a whole number; {name!r}: a string in single quotes, a number as Python prints
// a float (1.0); {name:.3f}, {name:.2g}: digits as Python writes them; a list item by item, joined
// with ", "; {{ and }}: literal braces.

import {fixed, general, pyFloat} from "./format.js";

const FIELD = /\{\{|\}\}|\{([A-Za-z_]\w*)(!r)?(?::\.(\d)([fg]))?\}|[{}]/g;

const isList = value => Array.isArray(value) || ArrayBuffer.isView(value);

function repr(value) {
  if (typeof value === "string") {
    if (/['\\]/.test(value)) throw new Error(`!r takes a string without quotes or backslashes; got ${value}`);
    return `'${value}'`;
  }
  if (typeof value === "number") return pyFloat(value);
  throw new TypeError(`!r takes a string or a number; got ${value}`);
}

function written(value, conversion, digits, kind) {
  if (isList(value)) return Array.from(value, item => written(item, conversion, digits, kind)).join(", ");
  if (conversion) return repr(value);
  if (kind) {
    if (typeof value !== "number") throw new TypeError(`{:.${digits}${kind}} needs a number; got ${value}`);
    return kind === "f" ? fixed(value, Number(digits)) : general(value, Number(digits));
  }
  if (typeof value === "string" || Number.isInteger(value)) return String(value);
  throw new TypeError(`a plain {name} takes a string or a whole number; got ${value}`);
}

/** ``template`` with ``values`` written in, as helpers.explorer_text.fill writes it. */
export function fill(template, values) {
  return template.replace(FIELD, (match, name, conversion, digits, kind) => {
    if (match === "{{") return "{";
    if (match === "}}") return "}";
    if (!name) throw new Error(`a lone ${match} in the template: write ${match}${match}`);
    if (!(name in values)) throw new Error(`the template needs a value for '${name}'`);
    return written(values[name], conversion, digits, kind);
  });
}

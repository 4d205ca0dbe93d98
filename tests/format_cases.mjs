// Reads cases from stdin as JSON, [[helper, x, digits], ...] with x as a string ("inf", "-0.0", "1e21"),
// and writes what web/live/format.js gives for each, as a JSON list, for tests/test_format_js.py.
import {readFileSync} from "node:fs";
import * as format from "../web/live/format.js";

const number = text => (text === "-0.0" ? -0 : Number(text === "inf" ? "Infinity" : text === "-inf" ? "-Infinity" : text));
const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map(([helper, x, digits]) => format[helper](number(x), digits));
process.stdout.write(JSON.stringify(results));

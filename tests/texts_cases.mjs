// Reads cases from stdin as JSON, [[template, values], ...], and writes what web/live/texts.js's
// fill gives for each (or "error: ..." when it refuses), as a JSON list, for tests/test_explorer_text.py.
import {readFileSync} from "node:fs";
import {fill} from "../web/live/texts.js";

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map(([template, values]) => {
  try {
    return fill(template, values);
  } catch (error) {
    return `error: ${error.message}`;
  }
});
process.stdout.write(JSON.stringify(results));

// The explorers' pure helpers (web/live/format.js), run by `node --test web/test/`. Every number format is
// also checked against Python itself, on thousands of doubles, by tests/test_format_js.py.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { fixed, general, powerOfTenLabel, pyFloat, readWhole } from "../live/format.js";

const SEED = {label: "seed", low: 0, high: 1000};
const range = "from 0 to 1000";

describe("readWhole", () => {
  const cases = [
    ["", {error: `seed must be a whole number ${range}; the box is empty`}],
    ["   ", {error: `seed must be a whole number ${range}; the box is empty`}],
    ["+5", {value: 5}],
    ["-0", {value: 0}],
    [" 7 ", {value: 7}],
    ["0", {value: 0}],
    ["1000", {value: 1000}],
    ["0042", {value: 42}],
    ["1e3", {error: `seed must be a whole number ${range}; got 1e3`}],
    ["abc", {error: `seed must be a whole number ${range}; got abc`}],
    ["2.5", {error: `seed must be a whole number ${range}; got 2.5`}],
    ["3.0", {error: `seed must be a whole number ${range}; got 3.0`}],
    ["1 2", {error: `seed must be a whole number ${range}; got 1 2`}],
    ["0x10", {error: `seed must be a whole number ${range}; got 0x10`}],
    ["1001", {error: `seed must be ${range}; got 1001`}],
    ["-1", {error: `seed must be ${range}; got -1`}],
    ["99999999999999999999", {error: `seed must be ${range}; got 99999999999999999999`}],
  ];
  for (const [typed, expected] of cases) {
    test(`${JSON.stringify(typed)} reads as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(readWhole(typed, SEED), expected);
    });
  }

  test("-0 reads as +0, not -0", () => {
    assert.ok(Object.is(readWhole("-0", SEED).value, 0));
  });

  test("the message names the control and its range", () => {
    assert.deepEqual(readWhole("9", {label: "iterations", low: 10, high: 20}),
                     {error: "iterations must be from 10 to 20; got 9"});
  });
});

describe("powerOfTenLabel", () => {
  const cases = [[100, "10\u00b2"], [10, "10\u00b9"], [1, "10\u2070"], [0.1, "10\u207b\u00b9"],
                 [1e-12, "10\u207b\u00b9\u00b2"], [1e10, "10\u00b9\u2070"], [null, ""], [undefined, ""]];
  for (const [value, expected] of cases) {
    test(`${value} is written ${expected || "as nothing"}`, () => {
      assert.equal(powerOfTenLabel(value), expected);
    });
  }
});

describe("fixed, general and pyFloat: a few of Python's strings (the rest in tests/test_format_js.py)", () => {
  const cases = [
    [fixed, 1e21, 2, "1000000000000000000000.00"],
    [fixed, -1e21, 0, "-1000000000000000000000"],
    [fixed, 0.125, 2, "0.12"],
    [fixed, 0.375, 2, "0.38"],
    [fixed, 2.5, 0, "2"],
    [fixed, -0.001, 2, "-0.00"],
    [fixed, -0, 1, "-0.0"],
    [fixed, 1e-7, 3, "0.000"],
    [fixed, Infinity, 2, "inf"],
    [fixed, NaN, 2, "nan"],
    [general, 0.125, 2, "0.12"],
    [general, 125, 2, "1.2e+02"],
    [general, 1e-5, 2, "1e-05"],
    [general, 0.0001, 2, "0.0001"],
    [general, 9.96, 2, "10"],
    [general, -0, 2, "-0"],
    [general, 1e21, 3, "1e+21"],
    [pyFloat, 1, 0, "1.0"],
    [pyFloat, 0.1, 0, "0.1"],
    [pyFloat, 1e16, 0, "1e+16"],
    [pyFloat, 1e15, 0, "1000000000000000.0"],
    [pyFloat, 1e-5, 0, "1e-05"],
    [pyFloat, 1.5e-7, 0, "1.5e-07"],
    [pyFloat, -0, 0, "-0.0"],
    [pyFloat, -Infinity, 0, "-inf"],
  ];
  for (const [helper, x, digits, expected] of cases) {
    test(`${helper.name}(${Object.is(x, -0) ? "-0" : x}, ${digits}) is ${expected}`, () => {
      assert.equal(helper(x, digits), expected);
    });
  }
});

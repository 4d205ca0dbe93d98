// The input checks of ./network.js and ./hidden.js, kept apart from the maths: the twin of
// helpers/_validate.py, with the same rules and words (tests/test_engine.py and
// tests/test_hidden_engine.py compare the refusals of both).
//
// Each check throws one short error that names the argument and says what was expected:
// never a whole array (a shape and a short excerpt). TypeError: the wrong kind of value;
// RangeError: the right kind, but a value, size or name that is not allowed. Arrays are arrays
// (or typed arrays) of numbers, nested one level for a matrix; booleans count as 1 and 0, as in
// NumPy. Text, NaN and Infinity are refused.
//
// network.js's History and limits are imported for the messages (used at call time only, so the
// two modules may import each other); hidden.js's HiddenHistory is handed to checkNetwork, since
// hidden.js uses network.js's constants as it loads.

import { general } from "./format.js";
import { History, INIT_SCHEMES, MAX_HISTORY_VALUES, MAX_LEARNING_RATE, TrainingDivergedError } from "./network.js";

// --- the options of train and trainHidden ------------------------------------------

/** options: one object with some of the keys `known`, every one of `required` among them. */
export function checkOptions(options, what, known, required) {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${what} takes one object {${required.join(", ")}, ...}; got ${excerpt(options)}`);
  }
  const unknown = Object.keys(options).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new TypeError(`${what} got an unknown option ${quoted(unknown)}; expected some of ${known.join(", ")}`);
  }
  const missing = required.find((key) => options[key] === undefined);
  if (missing !== undefined) throw new TypeError(`${what} needs ${missing}; got none`);
}

/** z of derivative: one number. */
export function checkNumber(z, name) {
  if (typeof z !== "number") {
    throw new TypeError(`${name} must be a number; got ${excerpt(z)} (${typeName(z)})`);
  }
}

// --- arrays, counts, names ----------------------------------------------------------

/** inputs as {shape: [nExamples, nInputs], data}, a matrix with at least one row and column. */
export function checkInputs(inputs) {
  return checkInputMatrix(asFiniteArray(inputs, "inputs"));
}

export function checkInputMatrix(array, nInputs = null) {
  const { shape } = array;
  if (shape.length !== 2 || (nInputs !== null && shape[1] !== nInputs)) {
    throw new RangeError(
      `inputs must be a matrix of shape (nExamples, ${nInputs ?? "nInputs"}), one row per example; ` +
        `got shape ${shapeText(shape)}`,
    );
  }
  if (shape[0] === 0 || shape[1] === 0) {
    throw new RangeError(
      `inputs must have at least one example (row) and one input (column); got shape ${shapeText(shape)}`,
    );
  }
  return array;
}

export function checkShape(values, name, shape, meaning) {
  const array = asFiniteArray(values, name);
  if (shapeText(array.shape) !== shapeText(shape)) {
    const got = shapeText(array.shape);
    throw new RangeError(`${name} must have shape ${shapeText(shape)}, ${meaning}; got shape ${got}`);
  }
  return array;
}

export function checkWeightColumn(weights) {
  const { shape, data } = asFiniteArray(weights, "weights");
  if (shape.length !== 1 || shape[0] === 0) {
    throw new RangeError(
      `weights must be a flat array of nInputs numbers, shape (nInputs,), nInputs >= 1; got shape ${shapeText(shape)}`,
    );
  }
  return data;
}

/** values as {shape, data: Float64Array}, or one clear error if they are not finite numbers. */
export function asFiniteArray(values, name) {
  const array = asRealArray(values, name);
  const bad = array.data.reduce((count, x) => count + (Number.isFinite(x) ? 0 : 1), 0);
  if (bad > 0) {
    const first = unravel(array.data.findIndex((x) => !Number.isFinite(x)), array.shape);
    throw new RangeError(
      `${name} must be finite numbers; got ${bad} NaN or Infinity in shape ${shapeText(array.shape)}, ` +
        `the first at index ${shapeText(first)}`,
    );
  }
  return array;
}

export function asRealArray(values, name) {
  if (values instanceof History) {
    throw new TypeError(`${name} must be an array, not a History; for its weights pass history.finalWeights`);
  }
  const shape = shapeOf(values, name);
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  let n = 0;
  const visit = (value) => {
    if (isList(value)) {
      for (const item of Array.from(value)) visit(item);
    } else if (typeof value === "number" || typeof value === "boolean") {
      data[n++] = Number(value);
    } else {
      throw new TypeError(`${name} must be numbers (or booleans); got ${excerpt(value)} (${typeName(value)})`);
    }
  };
  visit(values);
  return { shape, data };
}

/** The shape of nested lists, NumPy's way: [] for one number, [rows, columns] for a matrix. */
export function shapeOf(value, name) {
  if (!isList(value)) return [];
  const shapes = Array.from(value, (item) => shapeOf(item, name));
  const first = shapes.length > 0 ? shapeText(shapes[0]) : null;
  if (shapes.some((shape) => shapeText(shape) !== first)) {
    throw new RangeError(`${name} must be rectangular, every row the same length; got ${excerpt(value)}`);
  }
  return [value.length, ...(shapes[0] ?? [])];
}

export function isList(value) {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

export function unravel(index, shape) {
  const result = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    result.unshift(index % shape[axis]);
    index = Math.floor(index / shape[axis]);
  }
  return result;
}

export function checkCount(value, name, minimum, maximum, maximumName) {
  if (!(typeof value === "number" && Number.isInteger(value) && minimum <= value && value <= maximum)) {
    const Kind = typeof value === "number" ? RangeError : TypeError;
    throw new Kind(
      `${name} must be a whole number from ${minimum} to ${maximumName} = ${thousands(maximum)}; got ${excerpt(value)}`,
    );
  }
}

/** An error unless value is one of the names valid: "unknown WHAT ...; expected one of ...". */
export function checkChoice(value, valid, what) {
  if (!(typeof value === "string" && valid.includes(value))) {
    const Kind = typeof value === "string" ? RangeError : TypeError;
    throw new Kind(`unknown ${what} ${excerpt(value)}; expected one of ${valid.map(quoted).join(", ")}`);
  }
}

export function checkScheme(scheme) {
  checkChoice(scheme, INIT_SCHEMES, "initialisation scheme");
}

export function checkHistorySize(iterations, nInputs, nExamples) {
  const values = (iterations + 1) * (nInputs + nExamples);
  if (values > MAX_HISTORY_VALUES) {
    throw new RangeError(
      `training would record (iterations + 1) x (nInputs + nExamples) = ${thousands(iterations + 1)} x ` +
        `${thousands(nInputs + nExamples)} = ${thousands(values)} numbers, more than MAX_HISTORY_VALUES = ` +
        `${thousands(MAX_HISTORY_VALUES)}; use fewer iterations or examples`,
    );
  }
}

export function checkLearningRate(rate) {
  if (typeof rate !== "number") {
    throw new TypeError(`learningRate must be a real number such as 0.5; got ${excerpt(rate)} (${typeName(rate)})`);
  }
  if (!(0 < rate && rate <= MAX_LEARNING_RATE)) {
    throw new RangeError(
      `learningRate must be a positive number at most MAX_LEARNING_RATE = ${MAX_LEARNING_RATE}; got ${excerpt(rate)}`,
    );
  }
}

// --- the two-layer network (./hidden.js) ------------------------------------------------

/**
 * inputs, W1 and W2 checked against each other (as helpers/_validate.py checks them), flat and with their
 * sizes; W1 or W2 given as a HiddenHistory (hidden.js's class) is refused with a hint.
 */
export function checkNetwork(inputs, W1, W2, HiddenHistory) {
  for (const [name, value] of [
    ["W1", W1],
    ["W2", W2],
  ]) {
    if (value instanceof HiddenHistory) {
      throw new TypeError(`${name} must be an array, not a HiddenHistory; for its weights pass history.finalW1 and history.finalW2`);
    }
  }
  const checkedInputs = checkInputs(inputs);
  const [nExamples, nInputs] = checkedInputs.shape;
  const checkedW1 = asFiniteArray(W1, "W1");
  if (checkedW1.shape.length !== 2 || checkedW1.shape[0] !== nInputs || checkedW1.shape[1] === 0) {
    throw new RangeError(
      `W1 must have shape (${nInputs}, nHidden), a column per hidden unit, nHidden >= 1; got shape ${shapeText(checkedW1.shape)}`,
    );
  }
  const nHidden = checkedW1.shape[1];
  const checkedW2 = asFiniteArray(W2, "W2");
  if (shapeText(checkedW2.shape) !== shapeText([nHidden + 1, 1])) {
    throw new RangeError(
      `W2 must have shape (${nHidden + 1}, 1): a weight per hidden unit, then the output's bias; ` +
        `got shape ${shapeText(checkedW2.shape)}`,
    );
  }
  return {
    inputs: checkedInputs, W1: checkedW1, W2: checkedW2, x: checkedInputs.data, w1: checkedW1.data, w2: checkedW2.data,
    nExamples, nInputs, nHidden,
  };
}

export function checkTargets(targets, nExamples) {
  const checked = asFiniteArray(targets, "targets");
  if (shapeText(checked.shape) !== shapeText([nExamples, 1])) {
    throw new RangeError(`targets must have shape (${nExamples}, 1); got shape ${shapeText(checked.shape)}`);
  }
  return checked.data;
}

/** trainHidden records perStep numbers (weights and errors) after each step. */
export function checkHiddenHistorySize(iterations, perStep) {
  if ((iterations + 1) * perStep > MAX_HISTORY_VALUES) {
    throw new RangeError(
      `training would record (iterations + 1) x (weights + nExamples) = ${thousands(iterations + 1)} x ` +
        `${thousands(perStep)} = ${thousands((iterations + 1) * perStep)} numbers, more than MAX_HISTORY_VALUES = ` +
        `${thousands(MAX_HISTORY_VALUES)}; use fewer iterations, hidden units or examples`,
    );
  }
}

// --- results too large to represent ---------------------------------------------------

/** Python's _check_finite_history messages: step 0 means the starting weights already overflow. */
export function divergedError(step, history, inputs) {
  if (step === 0) {
    return new TrainingDivergedError(
      "training cannot start: the starting weights already give numbers too large to represent " +
        `(${largest(inputs, "input")}); use inputs and weights nearer to -1..1`,
      0,
    );
  }
  return new TrainingDivergedError(
    `training diverged: the numbers stopped being finite at update ${step} of ${history.iterations} ` +
      `(activation ${quoted(history.activation)}, learningRate ${history.learningRate}, ` +
      `${largest(inputs, "input")}); ` +
      "try a smaller learningRate, or inputs nearer to -1..1",
    step,
  );
}

export function tooLarge(what, inputs, W1, W2) {
  return new RangeError(
    `${what}: the ${what === "forward" ? "weighted sums are" : "numbers are"} too large to represent ` +
      `(${largest(inputs.data, "input")}, ${largest(W1.data, "weight in W1")}, ${largest(W2.data, "weight in W2")}); ` +
      "use inputs and weights nearer to -1..1",
  );
}

/**
 * Python's check_representable: a RangeError saying `what` (e.g. "step: z is") is too large to
 * represent, with the largest value of each [values, what they hold] pair of `sizes`.
 */
export function notRepresentable(what, ...sizes) {
  const described = sizes.map(([values, holds]) => largest(values, holds)).join(", ");
  return new RangeError(
    `${what} too large to represent (${described}); use inputs and weights nearer to -1..1`,
  );
}

// --- short descriptions for error messages -------------------------------------

/** At most about 80 characters describing value: a few items, never a whole array. */
export function excerpt(value) {
  const text = describe(value, 0);
  return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
}

export function describe(value, depth) {
  if (typeof value === "string") return quoted(value.length > 80 ? value.slice(0, 80) : value);
  if (typeof value === "bigint") return `${value}n`;
  if (isList(value)) {
    if (depth > 2) return "[...]";
    const items = Array.from(value.slice(0, 4), (item) => describe(item, depth + 1));
    return `[${items.join(", ")}${value.length > 4 ? ", ..." : ""}]`;
  }
  if (value !== null && typeof value === "object") {
    const kind = value.constructor?.name;
    return kind && kind !== "Object" ? `a ${kind}` : "{...}";
  }
  if (typeof value === "function") return `function ${value.name}`;
  return Object.is(value, -0) ? "-0" : String(value);
}

export function typeName(value) {
  if (value === null) return "null";
  if (isList(value)) return value.constructor.name;
  return typeof value;
}

export function quoted(text) {
  return `'${text}'`;
}

/** Python's shape notation: (), (4,), (4, 3). */
export function shapeText(shape) {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

export function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Python's f"the largest {what} is {size:.3g} in size". */
export function largest(values, what) {
  const size = values.reduce((biggest, x) => Math.max(biggest, Math.abs(x)), 0);
  return `the largest ${what} is ${general(size, 3)} in size`;
}

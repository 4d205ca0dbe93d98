// Numbers written as Python writes them, and a whole number read from a typed box: the explorers'
// pure helpers, kept apart from the charts (no uPlot, no DOM) so Node can load and test them
// (web/test/format.test.mjs, and tests/test_format_js.py with Python itself as the oracle).
//
// Each double is written from its exact decimal value (a BigInt), so rounding is Python's: half to
// even on the exact binary value, and never an exponent where Python writes all the digits.

/** A finite double of size > 0 as its exact decimal value: ``whole`` × 10^-``scale``. */
function exactDecimal(size) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, size);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased ? fraction | (1n << 52n) : fraction;
  const power = (biased || 1) - 1075;  // size = mantissa × 2^power
  if (power >= 0) return {whole: mantissa << BigInt(power), scale: 0};
  return {whole: mantissa * 5n ** BigInt(-power), scale: -power};  // m / 2^k = m·5^k / 10^k
}

/** The exact decimal rounded, half to even, to ``keep`` digits after the point: that many digits × 10^-keep. */
function roundHalfEven({whole, scale}, keep) {
  if (keep >= scale) return whole * 10n ** BigInt(keep - scale);
  const unit = 10n ** BigInt(scale - keep);
  let kept = whole / unit;
  const twice = 2n * (whole % unit);
  if (twice > unit || (twice === unit && kept % 2n === 1n)) kept += 1n;
  return kept;
}

/** Digits (a BigInt) with ``places`` of them after the point: 1234n, 2 → "12.34". */
function pointed(digits, places) {
  const text = digits.toString().padStart(places + 1, "0");
  return places ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
}

const signOf = x => (x < 0 || Object.is(x, -0) ? "-" : "");

function notFinite(x) {
  return Number.isNaN(x) ? "nan" : (x > 0 ? "inf" : "-inf");
}

/** Python's exponent: e+05, e-10, e+300. */
function exponentText(power) {
  return `e${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}

/** f"{x:.{digits}f}": rounded half to even on the exact binary value, as Python does. */
export function fixed(x, digits) {
  if (!Number.isFinite(x)) return notFinite(x);
  const size = Math.abs(x);
  const digitsText = size === 0 ? 0n : roundHalfEven(exactDecimal(size), digits);
  return signOf(x) + pointed(digitsText, digits);
}

/** The power of ten of a double's first digit once it is rounded to ``precision`` digits. */
function leadingPower(exact, precision) {
  const power = exact.whole.toString().length - 1 - exact.scale;
  const rounded = roundHalfEven(exact, precision - 1 - power);
  return rounded.toString().length > precision ? power + 1 : power;  // 9.96 → 10.0: one power more
}

const stripZeros = text => (text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);

/** f"{x:.{precision}g}": fixed or exponent form by Python's rule, trailing zeros dropped. */
export function general(x, precision) {
  if (!Number.isFinite(x)) return notFinite(x);
  const sign = signOf(x);
  if (x === 0) return `${sign}0`;
  const digits = Math.max(precision, 1);
  const exact = exactDecimal(Math.abs(x));
  const power = leadingPower(exact, digits);
  const rounded = roundHalfEven(exact, digits - 1 - power);
  if (power >= -4 && power < digits) return sign + stripZeros(pointed(rounded, digits - 1 - power));
  return sign + stripZeros(pointed(rounded, digits - 1)) + exponentText(power);
}

/** str(x) of a Python float: the shortest digits that read back as x; 1.0 stays "1.0", 1e16 is "1e+16". */
export function pyFloat(x) {
  if (!Number.isFinite(x)) return notFinite(x);
  if (x === 0) return `${signOf(x)}0.0`;
  const [mantissa, exponent] = Math.abs(x).toExponential().split("e");  // shortest round-trip digits
  const digits = mantissa.replace(".", ""), power = Number(exponent);
  let text;
  if (power < -4 || power >= 16) text = stripZeros(pointed(BigInt(digits), digits.length - 1)) + exponentText(power);
  else if (power < 0) text = `0.${"0".repeat(-power - 1)}${digits}`;
  else if (power >= digits.length - 1) text = `${digits}${"0".repeat(power - digits.length + 1)}.0`;
  else text = `${digits.slice(0, power + 1)}.${digits.slice(power + 1)}`;
  return signOf(x) + text;
}

const SUPERSCRIPTS = {"-": "\u207b", 0: "\u2070", 1: "\u00b9", 2: "\u00b2", 3: "\u00b3", 4: "\u2074",
                      5: "\u2075", 6: "\u2076", 7: "\u2077", 8: "\u2078", 9: "\u2079"};

/** 10², 10¹, 10⁰, 10⁻¹: every power of ten written the same way, as matplotlib writes them. */
export const powerOfTenLabel = v => {
  if (v == null) return "";
  const power = String(Math.round(Math.log10(v)));
  return `10${[...power].map(c => SUPERSCRIPTS[c]).join("")}`;
};

/** A whole number typed in a box: the number, or the one message that says what the box takes. */
export function readWhole(text, control) {
  const range = `from ${control.low} to ${control.high}`;
  const trimmed = text.trim();
  if (trimmed === "") return {error: `${control.label} must be a whole number ${range}; the box is empty`};
  if (!/^[+-]?\d+$/.test(trimmed)) return {error: `${control.label} must be a whole number ${range}; got ${trimmed}`};
  const value = Number(trimmed) + 0;  // "-0" is 0
  if (value < control.low || value > control.high) return {error: `${control.label} must be ${range}; got ${trimmed}`};
  return {value};
}

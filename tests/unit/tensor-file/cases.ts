// The codec's table of files and what reading each gives, shared by the
// whole-file tests and the streaming tests (which feed each file split at
// every byte offset and must get the same answer). .npy fixtures are
// hand-built bytes following the format spec, so the reader is checked
// against the format, not itself.

/** Element cap the JSON cases are read with. */
export const JSON_MAX = 100;
/** Element cap the .npy cases are read with. */
export const NPY_MAX = 1000;

export type Accepted<T> = { name: string; file: T; shape: number[]; data: number[] };
export type Refused<T> = { name: string; file: T; message: string };

/** A .npy file with an arbitrary header dict, version and data bytes. */
export function npyBytes(dict: string, data: Uint8Array, version: 1 | 2 | 3 = 1): Uint8Array {
  const lengthBytes = version === 1 ? 2 : 4;
  const unpadded = 8 + lengthBytes + dict.length + 1;
  const header = new TextEncoder().encode(`${dict}${" ".repeat((64 - (unpadded % 64)) % 64)}\n`);
  const out = new Uint8Array(8 + lengthBytes + header.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  out.set(header, 8 + lengthBytes);
  out.set(data, 8 + lengthBytes + header.length);
  return out;
}

/** `values` as little-endian bytes of one .npy element type (f8be: big-endian float64). */
export function typed(kind: "f8" | "f4" | "i8" | "i4" | "i2" | "u1" | "f8be", values: number[]): Uint8Array {
  const size = { f8: 8, f4: 4, i8: 8, i4: 4, i2: 2, u1: 1, f8be: 8 }[kind];
  const out = new Uint8Array(values.length * size);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    const at = i * size;
    if (kind === "f8") view.setFloat64(at, v, true);
    else if (kind === "f8be") view.setFloat64(at, v, false);
    else if (kind === "f4") view.setFloat32(at, v, true);
    else if (kind === "i8") view.setBigInt64(at, BigInt(v), true);
    else if (kind === "i4") view.setInt32(at, v, true);
    else if (kind === "i2") view.setInt16(at, v, true);
    else view.setUint8(at, v);
  });
  return out;
}

/** A .npy header dict as NumPy writes it. */
export const dict = (descr: string, shape: string, fortran = "False") => `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

export const JSON_ACCEPTED: Accepted<string>[] = [
  { name: "nested arrays 2×2", file: "[[1, 2], [3, 4.5]]", shape: [2, 2], data: [1, 2, 3, 4.5] },
  { name: "a flat vector", file: "[1e-3, -2]", shape: [2], data: [0.001, -2] },
  { name: "a bare number", file: "7", shape: [], data: [7] },
  { name: "shape and flat data", file: '{"shape": [2, 3], "data": [1, 2, 3, 4, 5, 6]}', shape: [2, 3], data: [1, 2, 3, 4, 5, 6] },
  { name: "shape and nested data", file: '{"shape": [2, 2], "data": [[1, 2], [3, 4]]}', shape: [2, 2], data: [1, 2, 3, 4] },
  { name: "non-finite strings", file: '[["NaN", "Infinity"], ["-Infinity", 0]]', shape: [2, 2], data: [Number.NaN, Infinity, -Infinity, 0] },
  { name: "an empty matrix", file: "[[], []]", shape: [2, 0], data: [] },
  { name: "3 axes", file: "[[[1], [2]], [[3], [4]]]", shape: [2, 2, 1], data: [1, 2, 3, 4] },
  { name: "8 axes, the most allowed", file: "[[[[[[[[1.5]]]]]]]]", shape: [1, 1, 1, 1, 1, 1, 1, 1], data: [1.5] },
  { name: "an empty vector", file: "[]", shape: [0], data: [] },
  { name: "a bare NaN", file: '"NaN"', shape: [], data: [Number.NaN] },
  { name: "data before shape", file: '{"data": [1, 2, 3], "shape": [3]}', shape: [3], data: [1, 2, 3] },
  { name: "a single number as data", file: '{"shape": [], "data": 4}', shape: [], data: [4] },
  {
    name: "other keys skipped",
    file: '{"dtype": "float64", "shape": [2], "meta": {"a": [1, {"b": null}], "c": true}, "data": [1, 2]}',
    shape: [2],
    data: [1, 2],
  },
  { name: "a byte order mark and whitespace", file: "\uFEFF \t[1,\r\n2] \n", shape: [2], data: [1, 2] },
  { name: "escapes spelling NaN", file: '["\\u004eaN", "\\u0049nfinity"]', shape: [2], data: [Number.NaN, Infinity] },
  {
    name: "numbers as JSON writes them",
    file: "[-0, 0, 0.5e1, 1E-2, -1.5e+3, 123456789012345678, 0.1000000000000000055511151231257827, 1e400, -1e400, 5e-324, 1e-400]",
    shape: [11],
    data: [-0, 0, 5, 0.01, -1500, 123456789012345680, 0.1, Infinity, -Infinity, 5e-324, 0],
  },
];

export const JSON_REFUSED: Refused<string>[] = [
  { name: "text that is not JSON", file: "[1, 2", message: "not valid JSON" },
  { name: "ragged rows", file: "[[1, 2], [3]]", message: "ragged arrays: the row at [1] has 1 entries, expected 2" },
  { name: "a number where a row belongs", file: "[[1, 2], 3]", message: "ragged arrays: a number at [1] where a list of 2 was expected" },
  {
    name: "null (JSON's stand-in for NaN in some writers)",
    file: "[1, null]",
    message: 'the entry at [1] is null: use a number or "NaN", "Infinity", "-Infinity"',
  },
  { name: "lowercase nan", file: '[1, "nan"]', message: 'the entry at [1] is "nan"' },
  { name: "a string that names an Object method", file: '["constructor"]', message: 'the entry at [0] is "constructor"' },
  { name: "an object without shape", file: '{"data": [1]}', message: 'a JSON object must be {"shape": [...], "data": [...]}' },
  { name: "a shape with fractions", file: '{"shape": [1.5], "data": [1]}', message: "must hold whole numbers" },
  {
    name: "data shorter than the shape",
    file: '{"shape": [2, 2], "data": [1, 2, 3]}',
    message: 'wrong element count: shape [2, 2] needs 4 values, "data" holds 3',
  },
  {
    name: "too many elements (nested)",
    file: JSON.stringify(Array.from({ length: 11 }, () => Array(10).fill(0))),
    message: "too many elements: at least 110 (a lab output holds at most 100)",
  },
  { name: "too many elements (flat data)", file: JSON.stringify({ shape: [101], data: Array(101).fill(0) }), message: "too many elements: 101" },
  { name: "a string", file: '"hello"', message: "send a number, nested arrays of numbers" },
  { name: "true at the top", file: "true", message: "send a number, nested arrays of numbers" },
  { name: "an empty file", file: "", message: "not valid JSON (the file is empty)" },
  { name: "only whitespace", file: " \n ", message: "not valid JSON (the file ends before the value is complete)" },
  { name: "an unclosed array", file: "[[1, 2], [3, 4]", message: "not valid JSON (the file ends before the value is complete)" },
  { name: "text after the value", file: "[1] x", message: 'not valid JSON (unexpected "x" at byte 4)' },
  { name: "a trailing comma", file: "[1,]", message: 'not valid JSON (unexpected "]" at byte 3)' },
  { name: "a leading zero", file: "[01]", message: 'not valid JSON (unexpected "1" at byte 2)' },
  { name: "a number cut short", file: "[1.]", message: "not valid JSON (a number is cut short)" },
  { name: "a lone minus", file: "[-]", message: "not valid JSON (a number is cut short)" },
  { name: "a bad escape", file: '["\\x"]', message: "not valid JSON (a bad escape \\x inside a string)" },
  { name: "a raw newline in a string", file: '["a\nb"]', message: "not valid JSON (a control character inside a string)" },
  { name: "a single-quoted string", file: "['NaN']", message: `not valid JSON (unexpected "'" at byte 1)` },
  { name: "a misspelt literal", file: "[nul]", message: 'not valid JSON (unexpected "]" at byte 4)' },
  { name: "a number of 200 digits", file: `[${"1".repeat(200)}]`, message: "a number longer than 128 characters" },
  { name: "9 nested levels", file: "[[[[[[[[[1]]]]]]]]]", message: "too many nested levels (at most 8 axes)" },
  { name: "data nested 9 levels", file: '{"shape": [1], "data": [[[[[[[[[1]]]]]]]]]}', message: 'too many nested levels in "data" (at most 8 axes)' },
  {
    name: "other keys nested too deep",
    file: `{"meta": ${"[".repeat(9)}${"]".repeat(9)}, "shape": [], "data": 1}`,
    message: "too many nested levels (at most 9)",
  },
  { name: "a row longer than the first", file: "[[1, 2], [3, 4, 5]]", message: "ragged arrays: the row at [1] has more than 2 entries, expected 2" },
  { name: "a list where a number belongs", file: "[1, [2]]", message: "ragged arrays: a list at [1] where a number was expected" },
  { name: "an empty row after a full one", file: "[[1], []]", message: "ragged arrays: the row at [1] has 0 entries, expected 1" },
  { name: "an object as an entry", file: '[1, {"a": 1}]', message: 'the entry at [1] is an object: use a number or "NaN"' },
  { name: "true as an entry", file: "[[1, true]]", message: "the entry at [0, 1] is true" },
  { name: "a long string entry, quoted short", file: `[1, "${"x".repeat(300)}"]`, message: `the entry at [1] is "${"x".repeat(40)}…": use a number` },
  { name: "an entry inside data", file: '{"shape": [2], "data": [1, "one"]}', message: 'the entry at [1] is "one"' },
  {
    name: "data longer than the shape",
    file: '{"shape": [2], "data": [1, 2, 3]}',
    message: 'wrong element count: shape [2] needs 2 values, "data" holds more',
  },
  {
    name: "data given after a short shape",
    file: '{"data": [1, 2, 3], "shape": [2]}',
    message: 'wrong element count: shape [2] needs 2 values, "data" holds 3',
  },
  { name: "a shape that is not a list", file: '{"shape": 4, "data": [1, 2, 3, 4]}', message: 'a JSON object must be {"shape": [...], "data": [...]}' },
  { name: "a shape holding strings", file: '{"shape": ["2"], "data": [1, 2]}', message: '"shape" must be a list of whole numbers' },
  { name: "a shape of 9 axes", file: '{"shape": [1, 1, 1, 1, 1, 1, 1, 1, 1], "data": [1]}', message: "too many axes: more than 8 (at most 8)" },
  { name: "a negative dimension", file: '{"shape": [-1], "data": []}', message: "must hold whole numbers ≥ 0" },
  {
    name: "a shape over the cap, refused before its data",
    file: '{"shape": [11, 10], "data": [',
    message: "too many elements: 110 (a lab output holds at most 100)",
  },
  { name: "shape given twice", file: '{"shape": [1], "shape": [1], "data": [1]}', message: 'the key "shape" appears twice' },
  { name: "an object without data", file: '{"shape": [1]}', message: 'a JSON object must be {"shape": [...], "data": [...]}' },
];

export const NPY_ACCEPTED: Accepted<Uint8Array>[] = [
  { name: "float64 2×3, v1 header", file: npyBytes(dict("<f8", "(2, 3)"), typed("f8", [1, 2, 3, 4, 5, 6.5])), shape: [2, 3], data: [1, 2, 3, 4, 5, 6.5] },
  { name: "float32 vector, v2 header", file: npyBytes(dict("<f4", "(3,)"), typed("f4", [0.5, -2, 1e10]), 2), shape: [3], data: [0.5, -2, Math.fround(1e10)] },
  {
    name: "int64 with a v3 header",
    file: npyBytes(dict("<i8", "(2,)"), typed("i8", [-7, 9_007_199_254_740_991]), 3),
    shape: [2],
    data: [-7, 9_007_199_254_740_991],
  },
  { name: "int32", file: npyBytes(dict("<i4", "(1, 2)"), typed("i4", [-1, 2 ** 31 - 1])), shape: [1, 2], data: [-1, 2 ** 31 - 1] },
  { name: "int16", file: npyBytes(dict("<i2", "(2,)"), typed("i2", [-300, 300])), shape: [2], data: [-300, 300] },
  { name: "uint8 written as |u1", file: npyBytes(dict("|u1", "(2,)"), typed("u1", [0, 255])), shape: [2], data: [0, 255] },
  {
    name: "NaN and ±Infinity kept from float64",
    file: npyBytes(dict("<f8", "(3,)"), typed("f8", [Number.NaN, Infinity, -Infinity])),
    shape: [3],
    data: [Number.NaN, Infinity, -Infinity],
  },
  {
    name: "NaN and ±Infinity kept from float32",
    file: npyBytes(dict("<f4", "(3,)"), typed("f4", [Number.NaN, Infinity, -Infinity])),
    shape: [3],
    data: [Number.NaN, Infinity, -Infinity],
  },
  { name: "a 0-d scalar", file: npyBytes(dict("<f8", "()"), typed("f8", [4])), shape: [], data: [4] },
  { name: "an empty array", file: npyBytes(dict("<f8", "(0, 4)"), new Uint8Array()), shape: [0, 4], data: [] },
  {
    name: "keys in another order, double quotes",
    file: npyBytes(`{"shape": (2,), "fortran_order": False, "descr": "<f8"}`, typed("f8", [1, 2])),
    shape: [2],
    data: [1, 2],
  },
];

export const NPY_REFUSED: Refused<Uint8Array>[] = [
  { name: "a file without the magic", file: new TextEncoder().encode("NUMPY not really"), message: "not a .npy file" },
  { name: "an unknown version", file: npyBytes(dict("<f8", "(1,)"), typed("f8", [1])).map((b, i) => (i === 6 ? 4 : b)), message: "unsupported .npy version 4" },
  { name: "Fortran order", file: npyBytes(dict("<f8", "(2, 2)", "True"), typed("f8", [1, 2, 3, 4])), message: "Fortran order" },
  { name: "big-endian float64", file: npyBytes(dict(">f8", "(1,)"), typed("f8be", [1])), message: "big-endian dtype '>f8' is not supported" },
  { name: "an object array", file: npyBytes(dict("|O", "(1,)"), new Uint8Array(8)), message: "object arrays are not supported" },
  { name: "complex numbers", file: npyBytes(dict("<c16", "(1,)"), new Uint8Array(16)), message: "dtype '<c16' is not supported" },
  {
    name: "a structured dtype",
    file: npyBytes(`{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }`, new Uint8Array(8)),
    message: "structured (record) dtypes",
  },
  { name: "a header that is not a dict", file: npyBytes("descr <f8", new Uint8Array(8)), message: "bad .npy header: it is not a {…} dictionary" },
  { name: "a header without a shape", file: npyBytes(`{'descr': '<f8', 'fortran_order': False}`, new Uint8Array(8)), message: "no 'shape' tuple" },
  { name: "a shape that is not whole numbers", file: npyBytes(dict("<f8", "(2.5,)"), new Uint8Array(8)), message: "is not a tuple of whole numbers" },
  { name: "a header longer than the file", file: npyBytes(dict("<f8", "(1,)"), new Uint8Array()).slice(0, 40), message: "header is longer than the file" },
  {
    name: "too few data bytes",
    file: npyBytes(dict("<f8", "(2, 3)"), typed("f8", [1, 2, 3, 4, 5])),
    message: "wrong element count: the header says shape (2, 3) = 6 elements of 8 bytes (48 bytes), but the file holds 40 bytes",
  },
  { name: "trailing bytes", file: npyBytes(dict("<f4", "(2,)"), typed("f4", [1, 2, 3])), message: "wrong element count" },
  {
    name: "more elements than the cap",
    file: npyBytes(dict("<f8", "(1001,)"), new Uint8Array(8)),
    message: "too many elements: 1,001 (a lab output holds at most 1,000)",
  },
  {
    name: "a huge declared shape, before allocating",
    file: npyBytes(dict("<f8", "(100000000, 100000000)"), new Uint8Array(8)),
    message: "too many elements: more than 10^15",
  },
];

import { describe, expect, it } from "vitest";
import { csvField, csvRecord, parseCsv, type ExportValue } from "@/lib/export/csv";

describe("csvField", () => {
  it.each<{ name: string; value: ExportValue; field: string }>([
    { name: "plain text as is", value: "softmax", field: "softmax" },
    { name: "a comma quotes", value: "mean, then variance", field: '"mean, then variance"' },
    { name: "quotes double inside quotes", value: 'say "pre-norm"', field: '"say ""pre-norm"""' },
    { name: "a newline quotes", value: "line one\nline two", field: '"line one\nline two"' },
    { name: "a carriage return quotes", value: "a\rb", field: '"a\rb"' },
    { name: "null is empty", value: null, field: "" },
    { name: "empty string is empty", value: "", field: "" },
    { name: "numbers as JavaScript prints them", value: -1.2247, field: "-1.2247" },
    { name: "booleans", value: false, field: "false" },
    { name: "dates in UTC ISO 8601", value: new Date("2026-03-29T01:00:00Z"), field: "2026-03-29T01:00:00.000Z" },
    { name: "arrays as JSON, quoted for their commas", value: ["gqa", "mqa"], field: '"[""gqa"",""mqa""]"' },
    { name: "non-ASCII kept as UTF-8 text", value: "√d · µ", field: "√d · µ" },
  ])("$name", ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });
});

describe("csvField neutralises formula text (OWASP CSV injection)", () => {
  it.each<{ name: string; value: ExportValue; field: string }>([
    { name: "= starts a formula", value: '=HYPERLINK("http://evil.example")', field: '"\'=HYPERLINK(""http://evil.example"")"' },
    { name: "+ starts a formula", value: "+1+cmd|' /C calc'!A0", field: "'+1+cmd|' /C calc'!A0" },
    { name: "- starts a formula", value: "-2+3", field: "'-2+3" },
    { name: "@ starts a formula", value: "@SUM(A1:A9)", field: "'@SUM(A1:A9)" },
    { name: "a leading tab", value: "\t=1", field: "'\t=1" },
    { name: "a leading carriage return is quoted too", value: "\r=1", field: '"\'\r=1"' },
    { name: "a typed answer such as -1.2247 is text, so it is neutralised", value: "-1.2247", field: "'-1.2247" },
    { name: "= later in the text is harmless", value: "a=b", field: "a=b" },
    { name: "a negative number stays a number", value: -1.2247, field: "-1.2247" },
    { name: "a negative zero stays a number", value: -0, field: "0" },
    { name: "JSON of a list starting with a formula string is not at the start", value: ["=1"], field: '"[""=1""]"' },
    { name: "an object as JSON", value: { a: "=1" }, field: '"{""a"":""=1""}"' },
  ])("$name", ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });

  it("a record with a formula cell still parses back, the cell prefixed", () => {
    expect(parseCsv(csvRecord(["id-1", "=1+1", -3]))).toEqual([["id-1", "'=1+1", "-3"]]);
  });
});

describe("parseCsv", () => {
  it.each([
    {
      name: "CRLF records",
      text: "a,b\r\n1,2\r\n",
      records: [
        ["a", "b"],
        ["1", "2"],
      ],
    },
    {
      name: "LF records and no final newline",
      text: "a,b\n1,2",
      records: [
        ["a", "b"],
        ["1", "2"],
      ],
    },
    { name: "empty fields", text: ",x,\r\n", records: [["", "x", ""]] },
    { name: "quoted comma, quote and newline", text: '"a,b","say ""hi""","1\r\n2"\r\n', records: [["a,b", 'say "hi"', "1\r\n2"]] },
  ])("$name", ({ text, records }) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it("rejects a quote left open", () => {
    expect(() => parseCsv('"open\r\n')).toThrow(SyntaxError);
  });

  it("round-trips what csvRecord writes", () => {
    const values = ["id-1", 'He said "no", then\nleft', "", "3", "ünïcødé"];
    expect(parseCsv(csvRecord(values) + csvRecord(values))).toEqual([values, values]);
  });
});

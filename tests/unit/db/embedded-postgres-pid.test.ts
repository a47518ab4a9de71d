import { describe, expect, it } from "vitest";
import { parsePidFile } from "../../../lib/db/embedded-postgres-pid";

const pidFile = (pid: string, port: string): string =>
  [pid, "/data/postgres", "1735689600", port, "", "127.0.0.1", "  54329001    3", "ready   ", ""].join("\n");

describe("parsePidFile", () => {
  it.each([
    { name: "a complete file", text: pidFile("4242", "54329"), expected: { pid: 4242, port: 54329 } },
    { name: "a file cut off before the port", text: "4242\n/data/postgres\n", expected: null },
    { name: "an empty file", text: "", expected: null },
    { name: "a garbled pid", text: pidFile("-", "54329"), expected: null },
    { name: "a zero port", text: pidFile("4242", "0"), expected: null },
  ])("$name", ({ text, expected }) => {
    expect(parsePidFile(text)).toEqual(expected);
  });
});

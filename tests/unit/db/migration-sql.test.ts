import { describe, expect, it } from "vitest";
import { isEmptyDiff } from "../../../lib/db/migrations/diff-sql";
import { withDatabaseName } from "../../../lib/db/migrations/databases";

describe("isEmptyDiff", () => {
  it.each([
    { name: "the engine's empty migration", sql: "-- This is an empty migration.\n", empty: true },
    { name: "nothing at all", sql: "", empty: true },
    { name: "comments and blank lines", sql: "-- a\n\n   -- b\n", empty: true },
    { name: "a statement", sql: '-- CreateTable\nCREATE TABLE "t" ("id" TEXT);\n', empty: false },
    { name: "an indented statement", sql: '  ALTER TABLE "t" ADD COLUMN "x" INT;', empty: false },
  ])("$name", ({ sql, empty }) => {
    expect(isEmptyDiff(sql)).toBe(empty);
  });
});

describe("withDatabaseName", () => {
  it.each([
    {
      name: "replaces the database, keeping credentials and port",
      url: "postgresql://postgres:secret@127.0.0.1:54329/postgres",
      expected: "postgresql://postgres:secret@127.0.0.1:54329/residual_test_w1",
    },
    {
      name: "keeps query options",
      url: "postgres://u:p@db.example:5432/app?sslmode=require",
      expected: "postgres://u:p@db.example:5432/residual_test_w1?sslmode=require",
    },
    {
      name: "adds a database to a URL without one",
      url: "postgresql://u@localhost",
      expected: "postgresql://u@localhost/residual_test_w1",
    },
  ])("$name", ({ url, expected }) => {
    expect(withDatabaseName(url, "residual_test_w1")).toBe(expected);
  });
});

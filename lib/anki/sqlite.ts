// sql.js (SQLite compiled to WebAssembly): no native build, the database
// lives in memory. The module is loaded once per process.
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from "sql.js";
import type { TimeSlice } from "../event-loop/yield";
import { AnkiPackageError, causeText } from "./errors";

let loading: Promise<SqlJsStatic> | undefined;

/** The sql.js module, instantiated on first use. */
export function sqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs();
  return loading;
}

/** Opens SQLite file bytes in memory; CORRUPT when they are not a SQLite database. */
export async function openDatabase(bytes: Uint8Array, name: string): Promise<Database> {
  const SQL = await sqlJs();
  try {
    const db = new SQL.Database(bytes);
    db.exec("PRAGMA query_only = 1");
    db.exec("SELECT count(*) FROM sqlite_master");
    return db;
  } catch (error) {
    throw new AnkiPackageError("CORRUPT", `${name} is not a readable SQLite database: ${causeText(error)}`);
  }
}

export type Row = Record<string, SqlValue>;

/** Calls `each` for every row of `sql`, streaming through a prepared statement. */
export function forEachRow(db: Database, sql: string, each: (row: Row) => void): void {
  const statement = db.prepare(sql);
  try {
    while (statement.step()) each(statement.getAsObject());
  } finally {
    statement.free();
  }
}

/**
 * Like forEachRow for tables of any size: awaits `pause` between rows, so
 * stepping through 100,000 rows gives the event loop a turn every slice.
 */
export async function forEachRowSliced(db: Database, sql: string, pause: TimeSlice, each: (row: Row) => void): Promise<void> {
  const statement = db.prepare(sql);
  try {
    while (statement.step()) {
      each(statement.getAsObject());
      await pause();
    }
  } finally {
    statement.free();
  }
}

/** The names of the tables in `db`. */
export function tableNames(db: Database): Set<string> {
  const names = new Set<string>();
  forEachRow(db, "SELECT name FROM sqlite_master WHERE type = 'table'", (row) => names.add(String(row.name)));
  return names;
}

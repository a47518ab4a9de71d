// Works around a version gap between @prisma/adapter-pg 7.x and the 8.x wasm
// schema engine: the engine reads catalog columns of Postgres type "char"
// (pg_constraint.contype and friends) and needs them typed as Character, but
// adapter-pg has no mapping for that type and fails the whole query with
// "Column type 'char' could not be deserialized" (the same failure that breaks
// `schemaPush`). pg results are retyped to text before adapter-pg sees them,
// and the adapter's result set then reports those columns as Character.
import type pg from "pg";
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlQuery, type SqlResultSet, type Transaction } from "@prisma/driver-adapter-utils";

const CHAR_OID = 18;
const TEXT_OID = 25;

// adapter-pg hands pg's `rows` array through unchanged, so it identifies the result.
const charColumnsByRows = new WeakMap<object, number[]>();

type QueryFunction = (...args: unknown[]) => unknown;

/** Patches every client `pool` creates so "char" result columns arrive as text and are remembered. */
export function retypeCharColumnsInPool(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as unknown as QueryFunction;
    const query: QueryFunction = (...args) => {
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (error: unknown, result: unknown) => callback(error, retype(result));
        return original(...args);
      }
      const returned = original(...args);
      return returned instanceof Promise ? returned.then(retype) : returned;
    };
    Object.assign(client, { query });
  });
}

/** Wraps an adapter-pg adapter so result sets report remembered "char" columns as Character. */
export function reportCharColumns(inner: SqlDriverAdapter): SqlDriverAdapter {
  const getConnectionInfo = inner.getConnectionInfo?.bind(inner);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query: SqlQuery) => markCharacter(await inner.queryRaw(query)),
    executeRaw: (query: SqlQuery) => inner.executeRaw(query),
    executeScript: (script: string) => inner.executeScript(script),
    startTransaction: async (level) => reportCharColumnsInTransaction(await inner.startTransaction(level)),
    ...(getConnectionInfo ? { getConnectionInfo } : {}),
    dispose: () => inner.dispose(),
  };
}

function reportCharColumnsInTransaction(inner: Transaction): Transaction {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: async (query: SqlQuery) => markCharacter(await inner.queryRaw(query)),
    executeRaw: (query: SqlQuery) => inner.executeRaw(query),
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
    ...(inner.createSavepoint ? { createSavepoint: inner.createSavepoint.bind(inner) } : {}),
    ...(inner.rollbackToSavepoint ? { rollbackToSavepoint: inner.rollbackToSavepoint.bind(inner) } : {}),
    ...(inner.releaseSavepoint ? { releaseSavepoint: inner.releaseSavepoint.bind(inner) } : {}),
  };
}

function retype(result: unknown): unknown {
  if (!isResultLike(result)) return result;
  const charColumns: number[] = [];
  result.fields.forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return;
    field.dataTypeID = TEXT_OID;
    charColumns.push(index);
  });
  if (charColumns.length > 0) charColumnsByRows.set(result.rows, charColumns);
  return result;
}

function isResultLike(value: unknown): value is { fields: pg.FieldDef[]; rows: unknown[] } {
  return typeof value === "object" && value !== null && "fields" in value && Array.isArray(value.fields) && "rows" in value && Array.isArray(value.rows);
}

function markCharacter(resultSet: SqlResultSet): SqlResultSet {
  const charColumns = charColumnsByRows.get(resultSet.rows);
  for (const index of charColumns ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
  return resultSet;
}

// The driver adapter the wasm schema engine talks to Postgres through:
// adapter-pg on our own pools (so the "char" workaround can hook them), with
// the shadow database given explicitly, and every connection tracked so it can
// be closed when the engine is done (the engine does not close them).
// adapter-pg's executeScript splits scripts on every ";" (breaking `$$` bodies
// and string literals) and runs the pieces on whichever pooled connection is
// free; scripts here go to the server whole, as one simple query, which is
// what Prisma's native engine does (one implicit transaction per migration).
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { reportCharColumns, retypeCharColumnsInPool } from "./char-columns";

export type MigrationAdapterFactory = ErrorCapturingSqlMigrationAwareDriverAdapterFactory & {
  /** Closes every connection opened through this factory; safe to call more than once. */
  disposeAll(): Promise<void>;
};

/**
 * An adapter factory for `databaseUrl`. `connectToShadowDb` connects to
 * `shadowDatabaseUrl`, which must name an empty database (the engine replays
 * the migrations into it); without one, asking for a shadow database fails.
 */
export function migrationAdapterFactory(databaseUrl: string, shadowDatabaseUrl?: string): MigrationAdapterFactory {
  const open: Array<() => Promise<void>> = [];
  const connect = async (url: string): Promise<SqlDriverAdapter> => {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    retypeCharColumnsInPool(pool);
    const adapter = reportCharColumns(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
    let disposed: Promise<void> | undefined;
    const dispose = (): Promise<void> => (disposed ??= adapter.dispose());
    open.push(dispose);
    const executeScript = async (script: string): Promise<void> => void (await pool.query(script));
    return { ...adapter, executeScript, dispose };
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(databaseUrl),
    connectToShadowDb: async () => {
      if (shadowDatabaseUrl === undefined) throw new Error("this operation needs a shadow database; pass shadowDatabaseUrl");
      return connect(shadowDatabaseUrl);
    },
  });
  return Object.assign(factory, { disposeAll: async () => void (await Promise.all(open.map((dispose) => dispose()))) });
}

/**
 * A factory for diffs between schema files, which need no database. The engine
 * still opens a connection and probes the server once (schema exists, version),
 * so that probe is answered as a Postgres 18 server would; any other query
 * fails, naming itself.
 */
export function offlineAdapterFactory(): MigrationAdapterFactory {
  const refuse = (sql: string): Promise<never> => Promise.reject(new Error(`offline schema engine adapter cannot run: ${sql.slice(0, 120)}`));
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "residual-offline",
    queryRaw: async (query: SqlQuery): Promise<SqlResultSet> => {
      if (!query.sql.includes("server_version_num")) return refuse(query.sql);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 18.0 (offline)", 180000]],
      };
    },
    executeRaw: (query: SqlQuery) => refuse(query.sql),
    executeScript: (script: string) => refuse(script),
    startTransaction: () => refuse("BEGIN"),
    dispose: async () => undefined,
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "residual-offline",
    connect: async () => adapter,
    connectToShadowDb: async () => adapter,
  });
  return Object.assign(factory, { disposeAll: async () => undefined });
}

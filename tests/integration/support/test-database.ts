// What the global setup hands to every worker: where to create databases and
// which migrated template to clone. Shared by global-setup.ts and worker-setup.ts.

export interface TestDatabaseContext {
  /** URL of a database on the test server, as a user allowed to create databases. */
  adminUrl: string;
  /** Name of the migrated template database; each worker clones it once. */
  template: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

/** Name of the database of vitest pool slot `poolId`; derived from the template so runs never share one. */
export function workerDatabaseName(template: string, poolId: string): string {
  return `${template}_w${poolId}`;
}

/** Auth settings every integration test runs with (the secret must be ≥ 32 characters). */
export const TEST_AUTH_ENV = {
  BETTER_AUTH_SECRET: "residual-integration-test-secret-not-for-production",
  BETTER_AUTH_URL: "http://localhost:3000",
} as const;

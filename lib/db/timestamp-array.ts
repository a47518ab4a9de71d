// Instants as one `timestamp[]` parameter, for width_bucket over study-day
// starts. Cast to plain `timestamp[]`, never `timestamp(3)[]`: raw statements
// are prepared once per connection (raw-pool.ts) and after five runs Postgres
// may use its generic plan, where a typmod cast on a parameter is not folded
// into a constant but re-applied to the whole array for every row bucketed.
// That made the load balancer's due counts 7.5 ms instead of 2 ms.
import { Prisma } from "./generated/client";

/** `dates` as a `timestamp[]` parameter (columns hold UTC wall time; the `Z` is read as UTC then dropped). */
export function timestampArraySql(dates: readonly Date[]): Prisma.Sql {
  return Prisma.sql`${dates.map((d) => d.toISOString())}::timestamp[]`;
}

// Names of migration directories, in Prisma's layout: `<YYYYMMDDHHMMSS>_<name>`
// with the timestamp in UTC so names sort in creation order on any machine.

/** `now` as YYYYMMDDHHMMSS in UTC, e.g. 2025-03-04T05:06:07Z → "20250304050607". */
export function migrationTimestamp(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, "0");
  return (
    String(now.getUTCFullYear()).padStart(4, "0") +
    pad(now.getUTCMonth() + 1) +
    pad(now.getUTCDate()) +
    pad(now.getUTCHours()) +
    pad(now.getUTCMinutes()) +
    pad(now.getUTCSeconds())
  );
}

/**
 * The directory name for a migration called `name` created at `now`. The name
 * is lower-cased, runs of anything but letters and digits become one `_`, and
 * it is cut to 200 characters; throws when nothing usable is left.
 */
export function migrationDirName(now: Date, name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 200)
    .replace(/^_+|_+$/g, "");
  if (slug === "") throw new Error(`migration name ${JSON.stringify(name)} has no letters or digits`);
  return `${migrationTimestamp(now)}_${slug}`;
}

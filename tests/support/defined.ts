// A test's way of saying "this must exist here": fails the test with a
// message instead of a non-null assertion the type checker takes on trust.
export function defined<T>(value: T | null | undefined, what = "value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to be present`);
  return value;
}

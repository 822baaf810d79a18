import assert from "node:assert/strict";

/** What each row gets: its own folder, and a store folder already holding a saved run. */
export interface RowContext {
  /** A fresh temporary folder for this row's files. */
  readonly dir: string;
  /** `<dir>/runs`, holding the seed run (`seed.json`); it must be unchanged after the row. */
  readonly storeDir: string;
  /** Writes `text` (or bytes) to `<dir>/<name>` and returns the path. */
  write(name: string, content: string | Uint8Array): Promise<string>;
}

/** One bad input: what it is, and the check that it fails clearly. */
export interface BadInputRow {
  readonly name: string;
  /** Set when the feature under test does not exist yet; the row is skipped with this reason. */
  readonly skip?: string;
  /** Puts extra files in place (e.g. a corrupt run in the store) before the snapshot is taken. */
  setup?(context: RowContext): Promise<void>;
  check(context: RowContext): Promise<void>;
}

/**
 * Asserts `work` rejects with an error of class `name` whose message matches every pattern
 * (each pattern names the input or what was wrong), and carries no stack in its message.
 */
export async function rejectsClearly(
  work: Promise<unknown> | (() => Promise<unknown>),
  expected: { name: string; message: readonly RegExp[] },
): Promise<Error> {
  let caught: unknown;
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    caught = error;
  }
  assert.ok(
    caught instanceof Error,
    `expected a rejection with ${expected.name}; got ${String(caught)}`,
  );
  assert.equal(caught.name, expected.name, caught.message);
  for (const pattern of expected.message) assert.match(caught.message, pattern);
  assert.doesNotMatch(caught.message, /\n\s+at /, "the message carries no stack trace");
  return caught;
}

/** Escapes a path for use inside a RegExp. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

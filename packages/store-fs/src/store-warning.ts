/**
 * A file the store skipped while listing: which one and why. Listing never fails because of
 * one bad file; it reports the file here and goes on.
 *
 * @example
 * ```ts
 * const store = fsRunStore({ dir: "runs", onWarning: (w) => console.warn(`${w.file}: ${w.message}`) });
 * ```
 */
export interface StoreWarning {
  /** Path of the skipped file. */
  readonly file: string;
  readonly message: string;
}

/**
 * A time as Python's `datetime.isoformat()` writes an aware UTC datetime, the form the
 * reference stores in `created_at`: microseconds and a `+00:00` offset.
 *
 * @example
 * ```ts
 * toIsoUtc(new Date("2026-11-26T10:30:00.123Z")); // "2026-11-26T10:30:00.123000+00:00"
 * ```
 */
export function toIsoUtc(date: Date): string {
  const iso = date.toISOString(); // 2026-11-26T10:30:00.123Z
  if (!iso.endsWith("Z") || iso.length !== 24) {
    // Years beyond 9999 or before 0 have no Python isoformat equivalent; keep JS's form.
    return iso;
  }
  return `${iso.slice(0, 23)}000+00:00`;
}

/**
 * The current time in the form of {@link toIsoUtc}.
 *
 * @example
 * ```ts
 * const createdAt = isoUtcNow(); // e.g. "2026-11-26T10:30:00.123000+00:00"
 * ```
 */
export function isoUtcNow(): string {
  return toIsoUtc(new Date());
}

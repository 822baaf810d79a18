/**
 * An approximation of Python's `str.casefold()`: NFC-normalize, then upper- and lower-case
 * without a locale, which folds e.g. "ß" to "ss" and "ﬁ" to "fi" as casefold does. It differs
 * for a few characters (Turkish dotless "ı" folds to "i" here but stays "ı" in Python).
 */
export function casefold(text: string): string {
  return text.normalize("NFC").toUpperCase().toLowerCase();
}

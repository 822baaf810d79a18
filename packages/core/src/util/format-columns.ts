/**
 * Lays `items` out in columns, top to bottom then left to right as `ls` does, as many as fit
 * in `width` characters after `indent`; one column when even that is too wide. With
 * `maxRows`, only the items of the first rows are laid out and a last line says how many
 * were left out, ending with `more` (what shows them all).
 *
 * @example
 * ```ts
 * formatColumns(["a", "b", "c"], { width: 12, indent: "  " }); // ["  a  c", "  b"]
 * ```
 */
export function formatColumns(
  items: readonly string[],
  options: { width: number; indent?: string; maxRows?: number; more?: string },
): string[] {
  const indent = options.indent ?? "";
  const gap = 2;
  const widest = Math.max(0, ...items.map((item) => item.length));
  const columns = Math.max(1, Math.floor((options.width - indent.length + gap) / (widest + gap)));
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const shown =
    Math.ceil(items.length / columns) > maxRows ? items.slice(0, maxRows * columns) : items;
  const rows = Math.ceil(shown.length / columns);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    const cells: string[] = [];
    for (let column = 0; column * rows + row < shown.length; column++) {
      cells.push(shown[column * rows + row] as string);
    }
    const last = cells.length - 1;
    lines.push(
      indent + cells.map((cell, i) => (i === last ? cell : cell.padEnd(widest))).join("  "),
    );
  }
  const left = items.length - shown.length;
  if (left > 0) lines.push(`${indent}and ${left} more${options.more ? ` (${options.more})` : ""}`);
  return lines;
}

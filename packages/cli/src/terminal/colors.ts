/** ANSI styling functions; identity functions when colors are off. */
export interface Colors {
  readonly enabled: boolean;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
}

/**
 * Colors for a stream: on for a terminal, off when `NO_COLOR` is set (any non-empty value,
 * per no-color.org) or the output is not a TTY.
 *
 * @example
 * ```ts
 * const c = colors({ isTTY: process.stdout.isTTY, env: process.env });
 * console.log(c.green("passed"));
 * ```
 */
export function colors(options: {
  isTTY: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
}): Colors {
  const enabled = Boolean(options.isTTY) && !options.env.NO_COLOR;
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
  };
}

import { closestName } from "../util/closest-name.js";
import { InvalidOptionError } from "./invalid-option-error.js";

/**
 * Every option name an entry point takes, as a record so the compiler flags a name the
 * options interface gained or lost.
 */
export type OptionNames<T> = { readonly [K in keyof Required<T>]: true };

/**
 * Refuses an option name the entry point does not know: a misspelt `storedir` silently
 * ignored means nothing is saved, which the user finds out only later.
 */
export function checkOptionNames<T>(options: T, known: OptionNames<T>, caller: string): void {
  if (typeof options !== "object" || options === null) return;
  const names = Object.keys(known);
  for (const name of Object.keys(options)) {
    if (Object.hasOwn(known, name)) continue;
    const near = closestName(name, names);
    const hint = near ? `did you mean '${near}'?` : `it takes ${names.join(", ")}`;
    throw new InvalidOptionError(name, `${caller}: unknown option '${name}'; ${hint}`);
  }
}

import { COMMON_FLAGS, type Command, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import { listingWarnings, loadSettings, openStore } from "../config/settings.js";
import { formatRunList } from "../output/format-run-list.js";
import { printStoreWarnings } from "../output/print-store-warnings.js";
import { textWidth } from "../terminal/text-width.js";
import { visibleData, visibleJson } from "../terminal/visible-text.js";

/** `ag2-eval list [--label <l>]`: saved runs, newest first. */
export const listCommand: Command = {
  name: "list",
  usage: "ag2-eval list [--label <label>] [--json]",
  summary: "List the saved runs of the store, newest first (cut to fit a terminal's width).",
  maxPositionals: 0,
  flags: {
    label: { type: "string", valueName: "<label>", description: "only runs with this label" },
    json: { type: "boolean", description: "print the listing as JSON" },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  async run({ values, io }) {
    const flags = flagReader(values);
    const store = await openStore(await loadSettings({ values, io }));
    const label = flags.string("label");
    const runs = await store.list(label === undefined ? {} : { label });
    printStoreWarnings({ warnings: listingWarnings(store), io });
    if (flags.boolean("json")) {
      io.stdout.write(`${visibleJson(runs)}\n`);
      return 0;
    }
    io.stdout.write(formatRunList(visibleData(runs), { width: textWidth(io) }));
    return 0;
  },
};

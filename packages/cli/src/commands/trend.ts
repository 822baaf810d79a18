import { COMMON_FLAGS, type Command, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import { UsageError } from "../args/usage-error.js";
import { listingWarnings, loadSettings, openStore } from "../config/settings.js";
import { formatTrend } from "../output/format-trend.js";
import { printStoreWarnings } from "../output/print-store-warnings.js";
import { visibleData, visibleJson } from "../terminal/visible-text.js";

/** `ag2-eval trend --label <l>`: a text chart of pass rates over the label's runs. */
export const trendCommand: Command = {
  name: "trend",
  usage: "ag2-eval trend --label <label> [--key <scorer-key>] [--json]",
  summary: "Chart the pass rates of the runs carrying a label, oldest first.",
  maxPositionals: 0,
  flags: {
    label: {
      type: "string",
      valueName: "<label>",
      description: "the label whose runs to chart (required)",
    },
    key: { type: "string", valueName: "<key>", description: "chart only this scorer key" },
    json: { type: "boolean", description: "print the trend points as JSON" },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  async run({ values, io }) {
    const flags = flagReader(values);
    const label = flags.string("label");
    if (label === undefined) {
      throw new UsageError("ag2-eval trend: missing --label", {
        hint: "ag2-eval list shows the runs and their labels",
      });
    }
    const store = await openStore(await loadSettings({ values, io }));
    const points = await store.trend(label);
    printStoreWarnings({ warnings: listingWarnings(store), io });
    if (points.length === 0) {
      throw new UsageError(`ag2-eval trend: no saved run has the label "${label}"`, {
        hint: "ag2-eval list shows the runs and their labels",
      });
    }
    if (flags.boolean("json")) io.stdout.write(`${visibleJson(points)}\n`);
    else {
      const key = flags.string("key");
      io.stdout.write(
        formatTrend(visibleData(key === undefined ? { label, points } : { label, points, key })),
      );
    }
    return 0;
  },
};

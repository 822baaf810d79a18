import { resolve } from "node:path";
import { renderReport } from "@ag2/eval-report";
import { COMMON_FLAGS, type Command, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import { resolveRunId } from "../args/resolve-run-id.js";
import { UsageError } from "../args/usage-error.js";
import { loadSettings, openStore } from "../config/settings.js";
import { formatJunit } from "../output/format-junit.js";
import { formatMarkdown } from "../output/format-markdown.js";
import { visibleRun } from "../output/visible-run.js";
import { priceTableCost } from "../run/price-table-cost.js";
import { visibleJson } from "../terminal/visible-text.js";
import { writeReport } from "./report.js";

const FORMATS = ["junit", "markdown", "json", "html"] as const;

/** `ag2-eval export <run-id> --format junit|markdown|json [--output <file>]`. */
export const exportCommand: Command = {
  name: "export",
  usage: "ag2-eval export <run-id | latest> --format junit|markdown|json|html [--output <file>]",
  summary:
    "Write a saved run as JUnit XML, Markdown, JSON or an HTML report (to stdout, or a file).",
  maxPositionals: 1,
  flags: {
    format: { type: "string", valueName: "<format>", description: "junit, markdown, json or html" },
    output: {
      type: "string",
      short: "o",
      valueName: "<file>",
      description: "write to this file instead of stdout",
    },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  async run({ values, positionals, io }) {
    const flags = flagReader(values);
    const format = flags.string("format");
    if (!FORMATS.includes(format as (typeof FORMATS)[number])) {
      throw new UsageError(
        `--format: got ${format === undefined ? "nothing" : `"${format}"`}, expected one of ${FORMATS.join(", ")}`,
        {
          hint: "e.g. ag2-eval export latest --format junit -o junit.xml",
        },
      );
    }
    const store = await openStore(await loadSettings({ values, io }));
    const result = await store.load(
      await resolveRunId({ store, given: positionals[0], command: "export" }),
    );
    const text =
      format === "junit"
        ? formatJunit(result)
        : format === "markdown"
          ? formatMarkdown(visibleRun(result))
          : format === "html"
            ? renderReport({ kind: "run", run: result }, { costOf: priceTableCost().costOf })
            : `${visibleJson(result.toJSON())}
`;
    const output = flags.string("output");
    if (output === undefined) io.stdout.write(text);
    else await writeReport(resolve(io.cwd, output), text);
    return 0;
  },
};

import { lstat, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { type ReportInput, renderReport } from "@ag2/eval-report";
import { COMMON_FLAGS, type Command, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import { loadReportSource, type ReportSource } from "../args/report-sources.js";
import { UsageError } from "../args/usage-error.js";
import { folderStore, loadSettings } from "../config/settings.js";
import { priceTableCost } from "../run/price-table-cost.js";

/** `ag2-eval report <run-id | file>... [-o report.html]`. */
export const reportCommand: Command = {
  name: "report",
  usage: "ag2-eval report <run-id | latest | file>... [-o report.html]",
  summary:
    "Write one self-contained HTML report: a run, two runs compared, a sweep or a pairwise run.",
  maxPositionals: 50,
  flags: {
    output: {
      type: "string",
      short: "o",
      valueName: "<file>",
      description: "where to write (default report.html)",
    },
    title: { type: "string", valueName: "<text>", description: "the page title" },
    seed: {
      type: "string",
      valueName: "<n>",
      description: "seed of the comparison's bootstrap (default 0)",
    },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  details: [
    "One run gives a run report; two give a comparison (the first is the baseline); more give a",
    "list of runs. A variants sweep id or a pairwise run id gives that sweep or comparison.",
    "The file loads nothing from the network: open it from disk or keep it as a CI artifact.",
  ].join("\n"),
  async run({ values, positionals, io }) {
    const flags = flagReader(values);
    if (positionals.length === 0) {
      throw new UsageError("ag2-eval report: missing <run-id | file>", {
        hint: 'ag2-eval list shows the saved runs; "latest" names the newest',
      });
    }
    const store = folderStore(await loadSettings({ values, io }), "report");
    const sources: ReportSource[] = [];
    for (const given of positionals) {
      sources.push(await loadReportSource({ store, given, cwd: io.cwd, command: "report" }));
    }
    const seed = flags.string("seed");
    const seedValue = seed === undefined ? 0 : Number(seed);
    if (!Number.isInteger(seedValue)) {
      throw new UsageError(`--seed: got "${seed}", expected a whole number`);
    }
    const html = renderReport(reportInput(sources), {
      costOf: priceTableCost().costOf,
      compare: { seed: seedValue },
      ...(flags.string("title") === undefined ? {} : { title: flags.string("title") }),
    });
    const path = resolve(io.cwd, flags.string("output") ?? "report.html");
    await writeReport(path, html);
    io.stdout.write(`wrote ${path} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)\n`);
    return 0;
  },
};

function reportInput(sources: readonly ReportSource[]): ReportInput {
  const [first] = sources;
  if (sources.length === 1 && first) {
    if (first.kind === "run") return { kind: "run", run: first.run };
    if (first.kind === "variants") return { kind: "variants", sweep: first.sweep };
    return { kind: "pairwise", result: first.result };
  }
  const runs = sources.flatMap((s) => (s.kind === "run" ? [s.run] : []));
  if (runs.length !== sources.length) {
    throw new UsageError(
      "ag2-eval report: a variants sweep or a pairwise run is reported alone; got it among other runs",
    );
  }
  const [baseline, current] = runs;
  if (runs.length === 2 && baseline && current) return { kind: "compare", baseline, current };
  return { kind: "runs", runs };
}

/**
 * Writes the report whole or not at all: into a hidden file beside the target, renamed over it
 * once complete, so a failed write (no such folder, no permission, a full disk) leaves nothing.
 * A target that is not a plain file (`/dev/stdout`, a named pipe, a link) is written into.
 */
export async function writeReport(path: string, html: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const existing = await lstat(path).catch(() => null);
  if (existing !== null && !existing.isFile() && !existing.isDirectory()) {
    // -o /dev/stdout, a named pipe or a link: write into it; a rename would replace it
    return writeInto(path, html);
  }
  try {
    // -o reports/2026/run.html: the folders are made, as a shell redirect would not
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, html, { encoding: "utf8", flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw unwritable(path, error);
  }
}

async function writeInto(path: string, text: string): Promise<void> {
  await writeFile(path, text, "utf8").catch((error: unknown) => {
    throw unwritable(path, error);
  });
}

function unwritable(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new UsageError(`cannot write the report to ${path} (${code})`, {
    hint: "-o names a file you can write to (missing folders are created)",
    cause: error,
  });
}

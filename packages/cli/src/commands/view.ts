import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { serveReport, type ViewerStore } from "@ag2/eval-report";
import { COMMON_FLAGS, type Command, STORE_FLAG } from "../args/command.js";
import { flagReader } from "../args/flag-values.js";
import { resolveRunId } from "../args/resolve-run-id.js";
import { UsageError } from "../args/usage-error.js";
import { folderStore, loadSettings } from "../config/settings.js";
import { priceTableCost } from "../run/price-table-cost.js";

const DEFAULT_PORT = 4317;
const JOURNAL_SUFFIX = ".journal.jsonl";

/** `ag2-eval view [--store <dir>] [--port <n>] [--host <addr>] [--open]`. */
export const viewCommand: Command = {
  name: "view",
  usage: "ag2-eval view [--store <dir>] [--port <n>] [--host <address>] [--open]",
  summary: "Browse the store's runs in a local web page, runs in progress included.",
  maxPositionals: 0,
  flags: {
    port: {
      type: "string",
      valueName: "<n>",
      description: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`,
    },
    host: {
      type: "string",
      valueName: "<address>",
      description: "listen on this address instead of 127.0.0.1",
    },
    open: { type: "boolean", description: "open the page in the default browser" },
    ...STORE_FLAG,
    ...COMMON_FLAGS,
  },
  details: "Only GET is answered, and only the store's runs are read. Ctrl-C stops the viewer.",
  async run({ values, io }) {
    const flags = flagReader(values);
    const portText = flags.string("port");
    const port = portText === undefined ? DEFAULT_PORT : Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port: got "${portText}", expected a whole number from 0 to 65535`);
    }
    const settings = await loadSettings({ values, io });
    const store = folderStore(settings, "view");
    const viewerStore: ViewerStore = {
      list: (options) => store.list(options),
      load: (runId) => store.load(runId),
      readJournal: (runId) => store.readJournal(runId),
      listJournals: async () => {
        const names = await readdir(store.dir).catch(() => [] as string[]);
        return names
          .filter((n) => n.endsWith(JOURNAL_SUFFIX))
          .map((n) => n.slice(0, -JOURNAL_SUFFIX.length));
      },
    };
    const host = flags.string("host") ?? "127.0.0.1";
    const viewer = await serveReport({
      store: viewerStore,
      host,
      port,
      costOf: priceTableCost().costOf,
      resolveRunId: (given) => resolveRunId({ store, given, command: "view" }),
    });
    io.stdout.write(`ag2-eval view: ${store.dir} at ${viewer.url} (Ctrl-C stops it)\n`);
    if (!LOOPBACK.test(host)) {
      io.stderr.write(
        `warning: --host ${host}: anyone who can reach this address can read every run in ${store.dir} (tasks' inputs and outputs included); the viewer has no password\n`,
      );
    }
    if (flags.boolean("open")) {
      openInBrowser(viewer.url, () =>
        io.stderr.write(`warning: --open: no browser could be started; open ${viewer.url}\n`),
      );
    }
    await new Promise<void>((resolve) => {
      if (io.signal?.aborted) resolve();
      io.signal?.addEventListener("abort", () => resolve(), { once: true });
    });
    await viewer.close();
    return 0;
  },
};

// addresses only this machine can reach
const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|localhost)$/i;

function openInBrowser(url: string, failed: () => void): void {
  const opener =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(opener, [url], { stdio: "ignore", detached: true });
    child.on("error", failed);
    child.unref();
  } catch {
    failed();
  }
}

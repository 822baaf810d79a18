import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Trace } from "@ag2/eval-core";
import { runIdProblem } from "@ag2/eval-core/internal";
import { htmlPage } from "./html-page.js";
import type { ReportData } from "./report-data.js";
import { ReportServerError } from "./report-server-error.js";
import { listEntries, loadRunView, type ViewerStore } from "./viewer-store.js";

/** Options of {@link createReportServer} and {@link serveReport}. */
export interface ReportServerOptions {
  readonly store: ViewerStore;
  /** Turns what the user typed (`latest`, `latest:<label>`) into a run id; default: as is. */
  readonly resolveRunId?: (given: string) => Promise<string>;
  /** Prices one task's trace in dollars. */
  readonly costOf?: (trace: Trace) => number;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * The viewer as a request handler: GET (and HEAD) only. `/` is the app, `/api/runs` the run
 * list (runs still being written included), `/api/runs/<id>` one run; every other path, and
 * any id the run-id rules refuse, is a 404. It reads nothing but what `store` gives.
 *
 * @example
 * ```ts
 * const server = createReportServer({ store: fsRunStore("runs") });
 * server.listen(4173, "127.0.0.1");
 * ```
 */
export function createReportServer(options: ReportServerOptions): Server {
  const page = htmlPage({
    title: "ag2-eval viewer",
    sameOriginFetch: true,
    data: viewerData(),
  });
  return createServer((request, response) => {
    handle(options, page, request, response).catch((error: unknown) => {
      send(response, 500, "text/plain", `${(error as Error)?.message ?? String(error)}\n`);
    });
  });
}

async function handle(
  options: ReportServerOptions,
  page: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("allow", "GET, HEAD");
    return send(response, 405, "text/plain", "only GET and HEAD are answered\n");
  }
  // a page elsewhere that points a name at 127.0.0.1 must not read the store through it
  const local = request.socket.localAddress ?? "";
  const hostname = (request.headers.host ?? "").replace(/:\d+$/, "");
  if (isLoopback(local) && !LOOPBACK.has(hostname)) {
    return send(response, 403, "text/plain", "this viewer answers only to localhost\n");
  }
  const path = new URL(request.url ?? "/", "http://viewer").pathname;
  if (path === "/" || path === "/index.html") return send(response, 200, "text/html", page);
  if (path === "/api/runs") return json(response, await listEntries(options.store));
  const id = /^\/api\/runs\/([^/]+)$/.exec(path)?.[1];
  if (id === undefined) return send(response, 404, "text/plain", `no such page: ${path}\n`);
  let given: string;
  try {
    given = decodeURIComponent(id);
  } catch {
    return send(response, 404, "text/plain", "not a run id\n");
  }
  const runId = options.resolveRunId ? await options.resolveRunId(given).catch(() => null) : given;
  const problem = runId === null ? "no such run" : runIdProblem(runId);
  if (problem !== null || runId === null) {
    return send(response, 404, "text/plain", `not a run id: ${problem}\n`);
  }
  const loaded = await loadRunView(options.store, runId, options.costOf);
  if (!loaded.found) return send(response, 404, "text/plain", `${loaded.reason}\n`);
  return json(response, loaded.view);
}

function isLoopback(address: string): boolean {
  return address.startsWith("127.") || address === "::1" || address === "::ffff:127.0.0.1";
}

function json(response: ServerResponse, value: unknown): void {
  send(response, 200, "application/json", JSON.stringify(value));
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  response.end(response.req.method === "HEAD" ? undefined : body);
}

function viewerData(): ReportData {
  return {
    format: "ag2-eval.report/1",
    kind: "viewer",
    title: "Runs",
    generatedAt: new Date().toISOString(),
    runs: [],
    runList: [],
    comparison: null,
    variants: null,
    pairwise: null,
  };
}

/** A listening viewer: its address, and `close` to stop it. */
export interface RunningReportServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * Starts the viewer on `host` (default 127.0.0.1) and `port` (default 0: any free port).
 * A port in use or a host that cannot be bound rejects with {@link ReportServerError}.
 *
 * @example
 * ```ts
 * const viewer = await serveReport({ store: fsRunStore("runs"), port: 4173 });
 * console.log(`open ${viewer.url}`);
 * ```
 */
export async function serveReport(
  options: ReportServerOptions & { readonly host?: string; readonly port?: number },
): Promise<RunningReportServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const server = createReportServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const why =
        error.code === "EADDRINUSE"
          ? `port ${port} is already in use`
          : `cannot listen on ${host}:${port} (${error.code ?? error.message})`;
      reject(new ReportServerError({ host, port, message: `ag2-eval view: ${why}`, cause: error }));
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${bound}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

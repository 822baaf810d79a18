import { useEffect, useState } from "preact/hooks";
import type { ReportData, RunListEntry, RunView } from "../src/report-data.ts";

export function readEmbeddedData(): ReportData {
  const element = document.getElementById("ag2-report-data");
  return JSON.parse(element?.textContent ?? "null") as ReportData;
}

/** How often the viewer asks its server again while something may still change. */
const POLL_MS = 1000;
/** The run list reads every run file of the store: asked for less often. */
const LIST_POLL_MS = 3000;

export type Loaded<T> =
  | { readonly state: "ready"; readonly value: T }
  | { readonly state: "loading" }
  | { readonly state: "error"; readonly message: string };

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function usePolled<T>(
  path: string | null,
  fallback: T,
  stillChanging: (value: T) => boolean,
  every = POLL_MS,
): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>(
    path === null ? { state: "ready", value: fallback } : { state: "loading" },
  );
  useEffect(() => {
    if (path === null) {
      setLoaded({ state: "ready", value: fallback });
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const value = await getJson<T>(path);
        if (stopped) return;
        setLoaded({ state: "ready", value });
        if (stillChanging(value)) timer = setTimeout(load, every);
      } catch (error) {
        if (!stopped) setLoaded({ state: "error", message: (error as Error).message });
      }
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [path, fallback]);
  return loaded;
}

/** The list of runs: embedded in a report; in the viewer, asked for again every second. */
export function useRunList(data: ReportData): Loaded<readonly RunListEntry[]> {
  return usePolled(
    data.kind === "viewer" ? "api/runs" : null,
    data.runList,
    () => true,
    LIST_POLL_MS,
  );
}

/** One run: from the report's data, or from the viewer (again and again while it is written). */
export function useRun(data: ReportData, runId: string): Loaded<RunView> {
  const embedded = data.runs.find((run) => run.runId === runId) ?? null;
  const path = data.kind === "viewer" ? `api/runs/${encodeURIComponent(runId)}` : null;
  const loaded = usePolled<RunView | null>(path, embedded, (run) => run?.inProgress !== null);
  if (loaded.state !== "ready") return loaded;
  if (loaded.value === null)
    return { state: "error", message: `No run "${runId}" in this report.` };
  return { state: "ready", value: loaded.value };
}

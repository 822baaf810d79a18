import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ReportData, RunView } from "../src/report-data.ts";
import { useRun, useRunList } from "./data.ts";
import { ComparePage, FlipPage } from "./pages/compare-page.tsx";
import { PairwisePage } from "./pages/pairwise-page.tsx";
import { RunPage } from "./pages/run-page.tsx";
import { RunsPage } from "./pages/runs-page.tsx";
import { TaskPage } from "./pages/task-page.tsx";
import { TasksPage } from "./pages/tasks-page.tsx";
import { VariantsPage } from "./pages/variants-page.tsx";
import { href, parseRoute, type Route } from "./route.ts";
import { Await, Empty, Text } from "./ui.tsx";

function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => {
      setHash(location.hash);
      window.scrollTo(0, 0);
    };
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return parseRoute(hash);
}

/** The page a report opens on: what it was made to show. */
function home(data: ReportData): Route {
  if (data.kind === "compare") return { page: "compare" };
  if (data.kind === "variants") return { page: "variants" };
  if (data.kind === "pairwise") return { page: "pairwise" };
  if (data.kind === "run" && data.runs[0]) return { page: "run", runId: data.runs[0].runId };
  return { page: "runs" };
}

export function App(props: { data: ReportData }) {
  const { data } = props;
  const parsed = useRoute();
  const route = parsed.page === "home" ? home(data) : parsed;
  const tabs: [Route, string][] = [];
  if (data.kind === "viewer" || data.runList.length > 1) tabs.push([{ page: "runs" }, "Runs"]);
  if (data.comparison) tabs.push([{ page: "compare" }, "Compare"]);
  if (data.variants) tabs.push([{ page: "variants" }, "Variants"]);
  if (data.pairwise) tabs.push([{ page: "pairwise" }, "Pairwise"]);
  return (
    <>
      <header class="topbar">
        <a class="brand" href="#/">
          ag2-eval
        </a>
        <span class="title">
          <Text value={data.title} limit={120} />
        </span>
        <nav class="nav">
          {tabs.map(([target, name]) => (
            <a key={name} href={href(target)} class={target.page === route.page ? "active" : ""}>
              {name}
            </a>
          ))}
        </nav>
      </header>
      <main class="page">
        <Page data={data} route={route} />
      </main>
    </>
  );
}

function Page(props: { data: ReportData; route: Route }) {
  const { data, route } = props;
  switch (route.page) {
    case "runs":
      return <RunsLoader data={data} />;
    case "compare":
      return data.comparison ? (
        <ComparePage comparison={data.comparison} runs={data.runs} />
      ) : (
        <Empty>This report compares no runs.</Empty>
      );
    case "flip":
      return <FlipPage taskId={route.taskId} runs={data.runs} />;
    case "variants":
      return data.variants ? (
        <VariantsPage variants={data.variants} runs={data.runs} />
      ) : (
        <Empty>This report holds no variants sweep.</Empty>
      );
    case "pairwise":
      return data.pairwise ? (
        <PairwisePage pairwise={data.pairwise} />
      ) : (
        <Empty>This report holds no pairwise run.</Empty>
      );
    case "run":
    case "tasks":
    case "task":
      return <RunLoader data={data} route={route} />;
    default:
      return <Empty>Nothing here.</Empty>;
  }
}

function RunsLoader(props: { data: ReportData }) {
  return <Await loaded={useRunList(props.data)} ready={(runs) => <RunsPage runs={runs} />} />;
}

function RunLoader(props: { data: ReportData; route: Extract<Route, { runId: string }> }) {
  const { route } = props;
  const loaded = useRun(props.data, route.runId);
  return (
    <Await
      loaded={loaded}
      ready={(run) => (
        <>
          {route.page !== "run" && <Crumbs run={run} route={route} />}
          {route.page === "run" && <RunPage run={run} />}
          {route.page === "tasks" && <TasksPage run={run} />}
          {route.page === "task" && (
            <TaskPage run={run} group={route.group} repeat={route.repeat} />
          )}
        </>
      )}
    />
  );
}

function Crumbs(props: { run: RunView; route: Route }) {
  const { run, route } = props;
  const parts: ComponentChildren[] = [
    <a key="run" href={href({ page: "run", runId: run.runId })}>
      Run <Text value={run.runId} limit={60} />
    </a>,
  ];
  if (route.page === "tasks" || route.page === "task") {
    parts.push(
      <a key="tasks" href={href({ page: "tasks", runId: run.runId })}>
        Tasks
      </a>,
    );
  }
  return (
    <nav class="crumbs" aria-label="Breadcrumbs">
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && <span class="sep"> / </span>}
          {part}
        </span>
      ))}
      {run.inProgress && <span class="live">● live</span>}
    </nav>
  );
}

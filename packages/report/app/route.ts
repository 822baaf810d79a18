/** The pages and their hash URLs. Ids are encoded, so no run text ever becomes a URL scheme. */
export type Route =
  | { readonly page: "home" }
  | { readonly page: "runs" }
  | { readonly page: "run"; readonly runId: string }
  | { readonly page: "tasks"; readonly runId: string }
  | {
      readonly page: "task";
      readonly runId: string;
      readonly group: number;
      readonly repeat: number;
    }
  | { readonly page: "compare" }
  | { readonly page: "flip"; readonly taskId: string }
  | { readonly page: "variants" }
  | { readonly page: "pairwise" };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").map(decode);
  const [head, a, b, c, d] = parts;
  if (head === "runs") return { page: "runs" };
  if (head === "compare" && a === "flip" && b !== undefined) return { page: "flip", taskId: b };
  if (head === "compare") return { page: "compare" };
  if (head === "variants") return { page: "variants" };
  if (head === "pairwise") return { page: "pairwise" };
  if (head === "run" && a !== undefined) {
    if (b === "tasks") return { page: "tasks", runId: a };
    if (b === "task" && c !== undefined) {
      return { page: "task", runId: a, group: Number(c) || 0, repeat: Number(d) || 0 };
    }
    return { page: "run", runId: a };
  }
  return { page: "home" };
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.page) {
    case "home":
      return "#/";
    case "run":
      return `#/run/${e(route.runId)}`;
    case "tasks":
      return `#/run/${e(route.runId)}/tasks`;
    case "task":
      return `#/run/${e(route.runId)}/task/${route.group}/${route.repeat}`;
    case "flip":
      return `#/compare/flip/${e(route.taskId)}`;
    default:
      return `#/${route.page}`;
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

import { finalAnswerMatches, noToolErrors, type Scorer, scorer, toolCalled } from "@ag2/eval";

/**
 * The example's own scorer: the `get_weather` result in the trace is the report itself,
 * as the tool returned it (the AI SDK's spans hold it JSON-encoded; the trace decodes it).
 *
 * @example
 * ```ts
 * const scorers = [reportsToolResult];
 * ```
 */
export const reportsToolResult: Scorer = scorer(
  ({ trace, referenceOutputs }) =>
    trace
      .eventsOf("ToolResultEvent")
      .some(
        (event) => event.type === "ToolResultEvent" && event.result === referenceOutputs?.report,
      ),
  { key: "reports_tool_result" },
);

/** Built-in scorers plus the custom one; the default export `ag2-eval run` loads. */
const scorers: Scorer[] = [
  toolCalled("get_weather"),
  noToolErrors(),
  finalAnswerMatches("report", { matcher: "contains" }),
  reportsToolResult,
];

export default scorers;

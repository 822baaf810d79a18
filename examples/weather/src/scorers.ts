import { finalAnswerMatches, noToolErrors, type Scorer, scorer, toolCalled } from "@ag2/eval";

/**
 * The example's own scorer: the answer must state the reference temperature in °C, which
 * only a looked-up answer can do.
 *
 * @example
 * ```ts
 * const scorers = [reportsTemperature];
 * ```
 */
export const reportsTemperature: Scorer = scorer(
  ({ outputs, referenceOutputs }) => {
    const expected = `${String(referenceOutputs?.temperature_c)}°C`;
    const answer = String(outputs.body ?? "");
    return { key: "reports_temperature", score: answer.includes(expected), detail: { expected } };
  },
  { key: "reports_temperature" },
);

/** Built-in scorers plus the custom one; the default export `ag2-eval run` loads. */
const scorers: Scorer[] = [
  toolCalled("get_weather"),
  noToolErrors(),
  finalAnswerMatches("city", { matcher: "contains" }),
  reportsTemperature,
];

export default scorers;

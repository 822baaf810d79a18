import { finalAnswerMatches, noToolErrors, type Scorer, toolCalled } from "@ag2/eval";

/** The scorers `ag2-eval run` loads (the default export): all three are deterministic. */
const scorers: Scorer[] = [
  toolCalled("calculate"),
  noToolErrors(),
  finalAnswerMatches("answer", { matcher: "contains" }),
];

export default scorers;

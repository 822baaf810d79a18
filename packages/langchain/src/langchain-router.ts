import { TracerRouter } from "@ag2/eval-telemetry";
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";
import * as callbacks from "@langchain/core/callbacks/manager";

// OpenInference adds its callback handler to every LangChain callback manager of the
// process, so one instrumentation serves every task; the router sends each span to the task
// whose run started it.
let router: TracerRouter | undefined;

/** The router OpenInference's LangChain instrumentation reports to, set up on first use. */
export function langChainRouter(): TracerRouter {
  if (router) return router;
  router = new TracerRouter();
  // LangChain runs callback handlers on a background queue unless told otherwise: a task's
  // spans could then end after its answer (and be left out of its trace), and a span started
  // from the queue runs in another task's async context. Blocking handlers are LangChain's
  // documented setting for that; a value the host set is kept.
  process.env.LANGCHAIN_CALLBACKS_BACKGROUND ??= "false";
  if (process.env.LANGCHAIN_CALLBACKS_BACKGROUND !== "false") {
    process.emitWarning(
      "LANGCHAIN_CALLBACKS_BACKGROUND is not \"false\": LangChain's spans may end after a task's answer and be missing from its trace, or land in another concurrent task's",
      { code: "AG2_EVAL_LANGCHAIN_BACKGROUND_CALLBACKS" },
    );
  }
  new LangChainInstrumentation({ tracerProvider: router }).manuallyInstrument(callbacks);
  return router;
}

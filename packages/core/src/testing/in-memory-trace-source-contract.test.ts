import { InMemoryTraceSource } from "../trace/in-memory-trace-source.js";
import { describeTraceSourceContract } from "./describe-trace-source-contract.js";

describeTraceSourceContract(
  "InMemoryTraceSource",
  (fixtures) =>
    new InMemoryTraceSource(
      fixtures.map((f) => [{ traceId: f.traceId, taskId: f.taskId }, f.trace]),
    ),
);

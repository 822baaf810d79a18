/*
 * `@ag2/eval-core/schema`: the run file's zod schemas. They live on a subpath of their own so
 * that importing the main entry never loads zod (~95 ES modules at start-up); the
 * reader validates with the hand-written checks in run-file-check-shapes.ts, and a test keeps
 * the two in agreement.
 */
export type { RunFile, TaskResultFile } from "../run-file/run-file-schema.js";
export {
  runFileSchema,
  taskResultFileSchema,
  traceEventSchema,
} from "../run-file/run-file-schema.js";

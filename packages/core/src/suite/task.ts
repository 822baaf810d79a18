/**
 * One evaluation unit: the inputs sent to the agent (`inputs.input` is the prompt), the
 * reference outputs scorers compare against, tags for slicing results and free metadata.
 *
 * @example
 * ```ts
 * const task = createTask({ taskId: "capital-fr", inputs: { input: "Capital of France?" },
 *   referenceOutputs: { answer: "Paris" }, tags: ["geo"] });
 * ```
 */
export interface Task {
  readonly taskId: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly referenceOutputs: Readonly<Record<string, unknown>> | null;
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Builds a {@link Task}; a missing id becomes a random UUID, as in the reference. */
export function createTask(init: {
  inputs: Record<string, unknown>;
  taskId?: string;
  referenceOutputs?: Record<string, unknown> | null;
  tags?: readonly string[];
  metadata?: Record<string, unknown>;
}): Task {
  return Object.freeze({
    taskId: init.taskId ?? crypto.randomUUID(),
    inputs: init.inputs,
    referenceOutputs: init.referenceOutputs ?? null,
    tags: Object.freeze([...(init.tags ?? [])]),
    metadata: init.metadata ?? {},
  });
}

import { type Context, context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";

let checked = false;
/** The manager installed here, when it became the global one. */
let installed: AsyncLocalStorageContextManager | null = null;

/** Parent links across `await`s need a context manager; install one unless the host has. */
export function ensureContextManager(): void {
  if (checked) return;
  checked = true;
  const manager = new AsyncLocalStorageContextManager().enable();
  if (context.setGlobalContextManager(manager)) installed = manager;
  else manager.disable();
}

/**
 * The context the manager {@link ensureContextManager} installed holds right now, if that
 * manager is the global one: what `context.with` entered through it follows the code across
 * `await`s. Undefined, or the root context, when another manager (the host's, whose
 * propagation is unknown) or none is in use, or ours was disabled.
 */
export function ownManagerContext(): Context | undefined {
  return installed?.active();
}

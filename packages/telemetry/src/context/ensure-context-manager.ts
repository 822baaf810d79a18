import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";

let checked = false;
/** The manager installed here, while it is the global one. */
let installed: AsyncLocalStorageContextManager | null = null;

/** Ours forgets being global when disabled, as `context.disable()` does to the global one. */
class OwnContextManager extends AsyncLocalStorageContextManager {
  override disable(): this {
    if (installed === this) installed = null;
    return super.disable();
  }
}

/** Parent links across `await`s need a context manager; install one unless the host has. */
export function ensureContextManager(): void {
  if (checked) return;
  checked = true;
  const manager = new OwnContextManager().enable();
  if (context.setGlobalContextManager(manager)) installed = manager;
  else manager.disable();
}

/**
 * Whether the global context manager is the one {@link ensureContextManager} installed: then
 * what `context.with` enters follows the code across `await`s. False when another manager
 * (the host's, whose propagation is unknown) or none is in use, or ours was disabled. The API
 * lets a global manager be replaced only after `context.disable()`, which disables it.
 */
export function ownManagerIsGlobal(): boolean {
  return installed !== null;
}

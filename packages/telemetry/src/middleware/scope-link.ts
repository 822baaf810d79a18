import { AsyncLocalStorage } from "node:async_hooks";
import { type Context, createContextKey } from "@opentelemetry/api";
import { ownManagerIsGlobal } from "../context/ensure-context-manager.js";
import { LinkedContext } from "../context/linked-context.js";

/**
 * One middleware call's scope (what calls of the same middleware nested in its span inherit:
 * the span's context, the agent's name), linked to the scopes of the calls it runs inside.
 */
export interface ScopeLink {
  readonly owner: object;
  readonly context: Context;
  readonly agentName: string;
  readonly outer: ScopeLink | undefined;
}

const SCOPE_KEY = createContextKey("ag2-eval telemetry scope");

// One storage for every instance: Node tags each async resource with a slot per enabled
// AsyncLocalStorage, and never frees a slot, so one per task made every promise of a
// long run carry thousands of slots (quadratic time and memory). It is enabled only when no
// context manager of ours carries the scope: then every promise of the process pays one slot
// fewer.
const scopes = new AsyncLocalStorage<ScopeLink>();

/** The innermost scope the current code runs in, of any middleware; `active` is `context.active()`. */
export function currentScopeLink(active: Context): ScopeLink | undefined {
  // the storage first: it is only ever filled when the context may not carry the link
  return scopes.getStore() ?? (active.getValue(SCOPE_KEY) as ScopeLink | undefined);
}

/** `active` with `link` in it: the context to run {@link runInScope} in. */
export function withScopeLink(active: Context, link: ScopeLink): Context {
  return new LinkedContext(active, SCOPE_KEY, link);
}

/**
 * Runs `fn(arg)` inside `link`'s scope; meant to be called through `context.with(active, …)`
 * (arguments instead of a closure: this runs for every span). The context carries the link
 * when our context manager holds it; otherwise the link goes into the shared storage too.
 */
export function runInScope<A, T>(link: ScopeLink, fn: (arg: A) => T, arg: A): T {
  if (ownManagerIsGlobal()) return fn(arg);
  return scopes.run(link, fn, arg);
}

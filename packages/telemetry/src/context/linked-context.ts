import { type Context, createContextKey, ROOT_CONTEXT, type Span, trace } from "@opentelemetry/api";

/**
 * A context holding one value over its parent. The API's own context copies its parent's
 * whole map (and makes three closures) on every `setValue`; a span recorded by the middleware
 * sets two values, for every span of every task. Any code may derive from it as from any
 * context: `setValue` and `deleteValue` add a node, lookups walk up to the first holder.
 */
export class LinkedContext implements Context {
  readonly #parent: Context;
  readonly #key: symbol;
  readonly #value: unknown;

  constructor(parent: Context, key: symbol, value: unknown) {
    this.#parent = parent;
    this.#key = key;
    this.#value = value;
  }

  getValue(key: symbol): unknown {
    // a loop, not recursion: a chain as deep as an agent's nesting never overflows the stack
    let node: Context = this;
    while (node instanceof LinkedContext) {
      if (node.#key === key) return node.#value;
      node = node.#parent;
    }
    return node.getValue(key);
  }

  setValue(key: symbol, value: unknown): Context {
    return new LinkedContext(this, key, value);
  }

  deleteValue(key: symbol): Context {
    return new LinkedContext(this, key, undefined);
  }
}

// The API's keys are `Symbol.for(description)`, shared by every copy of the API; checked once
// here, so an API that changes how it keys the span falls back to its own `setSpan`.
const SPAN_KEY = createContextKey("OpenTelemetry Context Key SPAN");
const linkedSpanWorks = (() => {
  const probe = trace.wrapSpanContext({
    traceId: "1".repeat(32),
    spanId: "1".repeat(16),
    traceFlags: 1,
  });
  return trace.getSpan(new LinkedContext(ROOT_CONTEXT, SPAN_KEY, probe)) === probe;
})();

/** `trace.setSpan(parent, span)`, as one {@link LinkedContext} node. */
export function withSpan(parent: Context, span: Span): Context {
  return linkedSpanWorks ? new LinkedContext(parent, SPAN_KEY, span) : trace.setSpan(parent, span);
}

import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Loaded } from "./data.ts";
import { pretty, visible } from "./format.ts";

/** Characters of one text shown before a "Show all" button. */
const SHOWN = 20_000;

/** Run text, as text: control characters made visible, very long text cut until asked. */
export function Text(props: { value: string; limit?: number }) {
  const limit = props.limit ?? SHOWN;
  const [all, setAll] = useState(false);
  if (all || props.value.length <= limit) return <>{visible(props.value)}</>;
  return (
    <>
      {visible(props.value.slice(0, limit))}
      <span class="cut">… </span>
      <button type="button" class="link" onClick={() => setAll(true)}>
        Show all ({props.value.length.toLocaleString("en-US")} characters)
      </button>
    </>
  );
}

/** A preformatted block: a string as is, anything else as indented JSON. */
export function Code(props: { value: unknown; class?: string }) {
  return (
    <pre class={`code ${props.class ?? ""}`}>
      <Text value={pretty(props.value)} />
    </pre>
  );
}

export type Status = "pass" | "fail" | "error" | "mixed" | "none" | "score";

export function Chip(props: { status: Status; children: ComponentChildren; title?: string }) {
  return (
    <span class={`chip chip-${props.status}`} title={props.title}>
      {props.children}
    </span>
  );
}

export function Card(props: {
  title?: ComponentChildren;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <section class={`card ${props.class ?? ""}`}>
      {props.title !== undefined && <h3 class="card-title">{props.title}</h3>}
      {props.children}
    </section>
  );
}

export function Stat(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="stat">
      <div class="stat-label">{props.label}</div>
      <div class="stat-value">{props.children}</div>
    </div>
  );
}

export function Empty(props: { children: ComponentChildren }) {
  return <p class="empty">{props.children}</p>;
}

/** Renders `ready` once loaded; a line while loading; the reason when loading failed. */
export function Await<T>(props: { loaded: Loaded<T>; ready: (value: T) => ComponentChildren }) {
  const { loaded } = props;
  if (loaded.state === "loading") return <p class="empty">Loading…</p>;
  if (loaded.state === "error")
    return <p class="problem">Could not load: {visible(loaded.message)}</p>;
  return <>{props.ready(loaded.value)}</>;
}

export function Select(props: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <label class="select">
      <span>{props.label}</span>
      <select
        aria-label={props.label}
        value={props.value}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {visible(text)}
          </option>
        ))}
      </select>
    </label>
  );
}

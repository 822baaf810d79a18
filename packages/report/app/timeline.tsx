import type { EventJSON, TaskResultJSON } from "@ag2/eval-core/internal";
import { count, duration, prettyJsonText } from "./format.ts";
import { Code, Text } from "./ui.tsx";

const str = (value: unknown): string =>
  typeof value === "string" ? value : value == null ? "" : JSON.stringify(value);

type ToolCallJSON = { id?: unknown; name?: unknown; arguments?: unknown };

/** The trace of one task run, event by event, each tool call with its result or error. */
export function Timeline(props: { task: TaskResultJSON }) {
  const { events } = props.task;
  const results = new Map<string, EventJSON>();
  for (const event of events) {
    if (event.type === "ToolResultEvent" || event.type === "ToolErrorEvent")
      results.set(str(event.parent_id), event);
  }
  const shownWithCall = new Set<EventJSON>();
  for (const event of events) {
    if (event.type === "ToolCallEvent") {
      const result = results.get(str(event.id));
      if (result) shownWithCall.add(result);
    }
  }
  const start = typeof events[0]?.created_at === "number" ? (events[0].created_at as number) : null;
  const at = (event: EventJSON) =>
    start !== null && typeof event.created_at === "number"
      ? `+${duration((event.created_at - start) * 1000)}`
      : "";
  if (events.length === 0) return <p class="empty">This trace has no events.</p>;
  return (
    <ol class="timeline">
      {events.map((event, i) =>
        shownWithCall.has(event) ? null : (
          <li class={`event event-${event.type}`} key={i}>
            <div class="event-head">
              <span class="event-type">{label(event.type)}</span>
              <span class="muted small">{at(event)}</span>
            </div>
            <EventBody
              event={event}
              result={event.type === "ToolCallEvent" ? results.get(str(event.id)) : undefined}
            />
          </li>
        ),
      )}
    </ol>
  );
}

function label(type: string): string {
  const names: Record<string, string> = {
    ModelResponse: "Model response",
    ToolCallEvent: "Tool call",
    ToolResultEvent: "Tool result",
    ToolErrorEvent: "Tool error",
    HumanInputRequest: "Human input requested",
    HumanMessage: "Human input",
  };
  return names[type] ?? type;
}

function EventBody(props: { event: EventJSON; result: EventJSON | undefined }) {
  const { event } = props;
  switch (event.type) {
    case "ModelResponse": {
      const usage = (event.usage ?? {}) as Record<string, unknown>;
      const calls = Array.isArray(event.tool_calls) ? (event.tool_calls as ToolCallJSON[]) : [];
      return (
        <>
          <div class="meta small">
            {event.model != null && (
              <span>
                model{" "}
                <b>
                  <Text value={str(event.model)} limit={80} />
                </b>
              </span>
            )}
            {event.finish_reason != null && (
              <span>
                finish{" "}
                <b>
                  <Text value={str(event.finish_reason)} limit={40} />
                </b>
              </span>
            )}
            {typeof usage.input_tokens === "number" && <span>{count(usage.input_tokens)} in</span>}
            {typeof usage.output_tokens === "number" && (
              <span>{count(usage.output_tokens)} out</span>
            )}
          </div>
          {event.content != null && <Code value={str(event.content)} />}
          {calls.map((call, i) => (
            <div class="call" key={i}>
              <div class="small">
                calls{" "}
                <b>
                  <Text value={str(call.name)} limit={80} />
                </b>
              </div>
              <Code value={prettyJsonText(str(call.arguments))} />
            </div>
          ))}
        </>
      );
    }
    case "ToolCallEvent":
      return (
        <>
          <div class="small">
            <b>
              <Text value={str(event.name)} limit={80} />
            </b>{" "}
            with arguments
          </div>
          <Code value={prettyJsonText(str(event.arguments))} />
          {props.result && <ToolOutcome event={props.result} />}
        </>
      );
    case "ToolResultEvent":
    case "ToolErrorEvent":
      return <ToolOutcome event={event} />;
    case "HumanInputRequest":
      return <Code value={str(event.prompt)} />;
    case "HumanMessage":
      return <Code value={str(event.content)} />;
    default:
      return <Code value={event} />;
  }
}

function ToolOutcome(props: { event: EventJSON }) {
  const { event } = props;
  if (event.type === "ToolErrorEvent") {
    const error = (event.error ?? {}) as Record<string, unknown>;
    return (
      <div class="outcome bad">
        <div class="small">
          failed:{" "}
          <b>
            <Text value={str(error.type)} limit={80} />
          </b>
        </div>
        <Code value={str(error.message)} />
      </div>
    );
  }
  return (
    <div class="outcome">
      <div class="small">returned</div>
      <Code value={prettyJsonText(str(event.result))} />
    </div>
  );
}

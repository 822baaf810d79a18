import type { HumanInputRequest, ModelCallRequest } from "@ag2/eval-core";
import type { ToolExecutionRequest, TurnRequest } from "@ag2/eval-core/internal";
import type { AttributeValue } from "@opentelemetry/api";
import { inputMessagesJson, toolDefinitionsJson } from "../conventions/genai-messages.js";
import { ATTR, SPAN_TYPE } from "../conventions/semconv.js";

/**
 * A span's attributes as {@link TelemetryMiddleware} builds them: into one object that already
 * holds the attributes to put first (the task's, the caller's), key by key, so no partial
 * object is spread into another. Assigning keeps the order and precedence a spread would.
 */
export type SpanAttributes = { [key: string]: AttributeValue | undefined };

/** What names a turn or a model call's model. */
interface ModelNames {
  readonly provider: string | undefined;
  readonly model: string | undefined;
}

function putModel(attributes: SpanAttributes, { provider, model }: ModelNames): void {
  if (provider) attributes[ATTR.providerName] = provider;
  if (model) attributes[ATTR.requestModel] = model;
}

/** `invoke_agent`: the agent, its model when known, the user's input when captured. */
export function turnAttributes(
  attributes: SpanAttributes,
  request: TurnRequest,
  names: ModelNames & { readonly agentName: string; readonly capture: boolean },
): SpanAttributes {
  attributes[ATTR.spanType] = SPAN_TYPE.agent;
  attributes[ATTR.operationName] = "invoke_agent";
  attributes[ATTR.agentName] = names.agentName;
  putModel(attributes, names);
  if (names.capture) {
    attributes[ATTR.inputMessages] = inputMessagesJson([{ role: "user", content: request.input }]);
  }
  return attributes;
}

/** `chat`: the model, the messages and tool definitions when captured. */
export function modelCallAttributes(
  attributes: SpanAttributes,
  request: ModelCallRequest,
  names: ModelNames & { readonly capture: boolean },
): SpanAttributes {
  attributes[ATTR.spanType] = SPAN_TYPE.llm;
  attributes[ATTR.operationName] = "chat";
  putModel(attributes, names);
  if (names.capture) {
    attributes[ATTR.inputMessages] = inputMessagesJson(request.messages);
    if (request.tools.length > 0) {
      attributes[ATTR.toolDefinitions] = toolDefinitionsJson(request.tools);
    }
  }
  return attributes;
}

/** `execute_tool`: the tool and call id, the arguments when captured. */
export function toolAttributes(
  attributes: SpanAttributes,
  call: ToolExecutionRequest,
  capture: boolean,
): SpanAttributes {
  attributes[ATTR.spanType] = SPAN_TYPE.tool;
  attributes[ATTR.operationName] = "execute_tool";
  attributes[ATTR.toolName] = call.name;
  attributes[ATTR.toolCallId] = call.id;
  attributes[ATTR.toolType] = "function";
  if (capture) attributes[ATTR.toolArguments] = call.arguments;
  return attributes;
}

/** `await_human_input`: the agent asking, the prompt when captured. */
export function humanInputAttributes(
  attributes: SpanAttributes,
  request: HumanInputRequest,
  names: { readonly agentName: string; readonly capture: boolean },
): SpanAttributes {
  attributes[ATTR.spanType] = SPAN_TYPE.humanInput;
  attributes[ATTR.operationName] = "await_human_input";
  attributes[ATTR.agentName] = names.agentName;
  if (names.capture) attributes[ATTR.humanPrompt] = request.prompt;
  return attributes;
}

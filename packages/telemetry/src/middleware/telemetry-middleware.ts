import type {
  HumanInputRequest,
  HumanMessage,
  Middleware,
  ModelCallRequest,
  ModelResponse,
} from "@ag2/eval-core";
import type {
  ToolExecutionRequest,
  ToolExecutionResult,
  TurnRequest,
  TurnResult,
} from "@ag2/eval-core/internal";
import { type Span, SpanKind } from "@opentelemetry/api";
import { outputMessagesJson } from "../conventions/genai-messages.js";
import { ATTR } from "../conventions/semconv.js";
import { markSpanErrorInfo } from "./mark-span-error.js";
import {
  humanInputAttributes,
  modelCallAttributes,
  toolAttributes,
  turnAttributes,
} from "./middleware-span-attributes.js";
import { modelResponseAttributes } from "./model-response-attributes.js";
import { SpanRecorder } from "./span-recorder.js";
import type { TelemetryMiddlewareOptions } from "./telemetry-middleware-options.js";

/**
 * Records what an agent does as OpenTelemetry spans following the GenAI semantic
 * conventions: `invoke_agent <agent>` around a turn, `chat <model>` (CLIENT) around each model
 * call, `execute_tool <tool>` around each tool and `await_human_input <agent>` around a
 * question to a person. Errors become an `exception` event with the original type, an
 * `error.type` attribute and status ERROR; a tool error the agent handled marks only the tool
 * span. Children are parented explicitly, so nesting holds even without a context manager;
 * the agent's own code runs with the turn span active for libraries that trace themselves.
 * With `continueTrace`, follow-up turns join the first turn's trace instead of starting new ones.
 *
 * @example
 * ```ts
 * const telemetry = new TelemetryMiddleware({ tracerProvider: provider, agentName: "weather" });
 * await agent.ask("Weather in Tokyo?", { middleware: [telemetry] });
 * ```
 */
export class TelemetryMiddleware implements Middleware {
  readonly #options: TelemetryMiddlewareOptions;
  readonly #capture: boolean;
  readonly #recorder: SpanRecorder;

  constructor(options: TelemetryMiddlewareOptions = {}) {
    this.#options = options;
    this.#capture = options.captureContent ?? true;
    this.#recorder = new SpanRecorder(options);
  }

  readonly onTurn = (
    request: TurnRequest,
    next: (request: TurnRequest) => Promise<TurnResult>,
  ): Promise<TurnResult> => {
    const agentName = this.#options.agentName ?? (request.agentName || "unknown");
    const provider = this.#options.providerName ?? request.provider;
    const model = this.#options.modelName ?? request.model;
    const attributes = turnAttributes(this.#recorder.baseAttributes(), request, {
      agentName,
      provider,
      model,
      capture: this.#capture,
    });
    return this.#recorder.record(
      `invoke_agent ${agentName}`,
      SpanKind.INTERNAL,
      attributes,
      agentName,
      next,
      request,
      this.#afterTurn,
      this,
    );
  };

  #afterTurn(span: Span, result: TurnResult): void {
    if (this.#capture) span.setAttribute(ATTR.outputMessages, outputMessagesJson(result));
  }

  readonly onModelCall = (
    request: ModelCallRequest,
    next: (request: ModelCallRequest) => Promise<ModelResponse>,
  ): Promise<ModelResponse> => {
    const provider = request.provider ?? this.#options.providerName;
    const model = request.model ?? this.#options.modelName;
    const attributes = modelCallAttributes(this.#recorder.baseAttributes(), request, {
      provider,
      model,
      capture: this.#capture,
    });
    return this.#recorder.record(
      model ? `chat ${model}` : "chat",
      SpanKind.CLIENT,
      attributes,
      null,
      next,
      request,
      this.#afterModelCall,
      this,
    );
  };

  #afterModelCall(span: Span, response: ModelResponse, request: ModelCallRequest): void {
    const provider = request.provider ?? this.#options.providerName;
    const model = request.model ?? this.#options.modelName;
    if (response.model && response.model !== model) span.updateName(`chat ${response.model}`);
    span.setAttributes(modelResponseAttributes(response, { capture: this.#capture, provider }));
  }

  readonly onToolExecution = (
    call: ToolExecutionRequest,
    next: (call: ToolExecutionRequest) => Promise<ToolExecutionResult>,
  ): Promise<ToolExecutionResult> => {
    const attributes = toolAttributes(this.#recorder.baseAttributes(), call, this.#capture);
    return this.#recorder.record(
      `execute_tool ${call.name}`,
      SpanKind.INTERNAL,
      attributes,
      null,
      next,
      call,
      this.#afterTool,
      this,
    );
  };

  #afterTool(span: Span, result: ToolExecutionResult): void {
    if (result.type === "ToolErrorEvent") markSpanErrorInfo(span, result.error);
    else if (this.#capture) span.setAttribute(ATTR.toolResult, result.result);
  }

  readonly onHumanInput = (
    request: HumanInputRequest,
    next: (request: HumanInputRequest) => Promise<HumanMessage>,
  ): Promise<HumanMessage> => {
    const agentName = this.#recorder.activeAgentName() ?? this.#options.agentName ?? "unknown";
    const attributes = humanInputAttributes(this.#recorder.baseAttributes(), request, {
      agentName,
      capture: this.#capture,
    });
    return this.#recorder.record(
      `await_human_input ${agentName}`,
      SpanKind.INTERNAL,
      attributes,
      null,
      next,
      request,
      this.#afterHumanInput,
      this,
    );
  };

  #afterHumanInput(span: Span, message: HumanMessage): void {
    if (this.#capture) span.setAttribute(ATTR.humanResponse, message.content);
  }
}

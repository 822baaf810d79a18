import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ChatScript, isFailure, type WireMessage } from "./chat-script.js";
import { completionBody, completionChunks } from "./completion-body.js";

/** Options of {@link startMockOpenAI}. */
export interface MockOpenAIOptions {
  readonly script: ChatScript;
  /** The model name the server reports. Default "mock-gpt". */
  readonly model?: string | undefined;
}

/** One request the server received, as JSON. */
export interface ReceivedRequest {
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** A running mock server; see {@link startMockOpenAI}. */
export interface MockOpenAIServer {
  /** The API root to give a client, ending in `/v1` (no trailing slash). */
  readonly baseURL: string;
  /** Every request received so far, in order. */
  readonly requests: readonly ReceivedRequest[];
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: Json) => (part?.type === "text" && typeof part.text === "string" ? part.text : ""))
    .join("");
}

function wireMessages(body: Json): WireMessage[] {
  const messages = Array.isArray(body.messages) ? (body.messages as Json[]) : [];
  return messages.map((message) => ({
    role: String(message.role),
    content: textOf(message.content),
    toolCallId: typeof message.tool_call_id === "string" ? message.tool_call_id : undefined,
    toolNames: Array.isArray(message.tool_calls)
      ? (message.tool_calls as Json[]).map((call) => String((call.function as Json)?.name))
      : undefined,
  }));
}

function send(response: ServerResponse, status: number, body: Json, headers: Json = {}): void {
  // `connection: close` so no idle socket keeps a finished process (or a closing server) alive
  response.writeHead(status, {
    "content-type": "application/json",
    connection: "close",
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function readJson(request: IncomingMessage): Promise<Json | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        resolve(typeof parsed === "object" && parsed !== null ? (parsed as Json) : null);
      } catch {
        resolve(null);
      }
    });
  });
}

/**
 * Starts an OpenAI-compatible `POST /v1/chat/completions` server on 127.0.0.1 (a free port)
 * whose model is `options.script`: plain and streamed (`stream: true`, server-sent events)
 * completions, usage as OpenAI reports it, and scripted HTTP failures. Anything else is a
 * 404 with an OpenAI-style error body. The listening socket does not keep the process alive.
 *
 * @example
 * ```ts
 * const server = await startMockOpenAI({ script: weatherScript() });
 * const config = new OpenAICompatibleConfig({ baseURL: server.baseURL, model: "mock-gpt" });
 * // … run the agent …
 * await server.close();
 * ```
 */
export async function startMockOpenAI(options: MockOpenAIOptions): Promise<MockOpenAIServer> {
  const model = options.model ?? "mock-gpt";
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    const path = request.url ?? "";
    const index = requests.length;
    requests.push({ path, body: body ?? {} });
    if (request.method !== "POST" || !path.startsWith("/v1/chat/completions") || !body) {
      send(response, 404, { error: { message: `no route ${request.method} ${path}` } });
      return;
    }
    const reply = options.script({ messages: wireMessages(body), index });
    if (isFailure(reply)) {
      send(response, reply.status, { error: { message: reply.message } }, reply.headers);
      return;
    }
    const id = `chatcmpl-${index + 1}`;
    if (body.stream !== true) {
      send(response, 200, completionBody(reply, model, id));
      return;
    }
    const includeUsage = (body.stream_options as Json | undefined)?.include_usage === true;
    response.writeHead(200, { "content-type": "text/event-stream", connection: "close" });
    for (const chunk of completionChunks(reply, model, id, includeUsage)) {
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
    }
    response.end("data: [DONE]\n\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

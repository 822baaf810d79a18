import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Test helper: a chat-completions server on 127.0.0.1 with a random port. */

export type Json = Record<string, unknown>;

export interface Received {
  readonly url: string | undefined;
  readonly headers: IncomingMessage["headers"];
  readonly body: Json;
}

export type Handler = (request: Received, response: ServerResponse) => void;

export interface ChatServer {
  readonly baseURL: string;
  /** Requests received since the last `reset()`. */
  readonly received: Received[];
  /** How the server answers; the default holds every request open. */
  handler: Handler;
  reset(): void;
  close(): Promise<void>;
}

export async function startChatServer(): Promise<ChatServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = {
        url: request.url,
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json,
      };
      state.received.push(entry);
      state.handler(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const state: ChatServer = {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`,
    received: [],
    handler: () => {},
    reset() {
      state.received.length = 0;
      state.handler = () => {};
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

/** A chat completion body whose first choice carries `message`. */
export function completion(message: Json, extra: Json = {}): string {
  return JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion",
    model: "served-model",
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: "stop" }],
    ...extra,
  });
}

export function reply(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Json = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(body);
}

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback OpenAI-compatible chat-completions server whose answers come from `reply`. */
export interface OpenAIServer {
  readonly baseURL: string;
  /** Every request body received, in order. */
  readonly bodies: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 (an ephemeral port) that answers each chat completion with
 * `reply(body)` as the assistant's content. Tests close it in `after`.
 */
export async function startOpenAIServer(
  reply: (body: Record<string, unknown>) => string,
): Promise<OpenAIServer> {
  const bodies: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      bodies.push(body);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: `cmpl-${bodies.length}`,
          object: "chat.completion",
          model: body.model,
          choices: [
            {
              index: 0,
              finish_reason: "stop",
              message: { role: "assistant", content: reply(body) },
            },
          ],
          usage: { prompt_tokens: 50, completion_tokens: 10 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    baseURL,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The chat messages of one received request body (empty when there is none). */
export function messagesOf(
  body: Record<string, unknown> | undefined,
): { role: string; content: string }[] {
  return (body?.messages ?? []) as { role: string; content: string }[];
}

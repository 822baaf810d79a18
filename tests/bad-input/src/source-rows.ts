import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { TempoTraceSource } from "@ag2/eval";
import { type BadInputRow, rejectsClearly } from "./bad-input-row.js";

/** A loopback Tempo that holds every request open, for the time `work` takes. */
async function withSilentTempo(work: (base: string) => Promise<void>): Promise<void> {
  const held: ServerResponse[] = [];
  const server = createServer((_request, response) => {
    held.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    for (const response of held) response.destroy();
    server.closeAllConnections();
    server.close();
  }
}

export const SOURCE_ROWS: readonly BadInputRow[] = [
  {
    name: "TempoTraceSource: a server that never answers fails at the timeout, naming URL and limit",
    async check() {
      await withSilentTempo(async (base) => {
        const source = new TempoTraceSource(base, { timeoutMs: 200 });
        await rejectsClearly(
          async () => {
            for await (const _ of source.list()) break;
          },
          {
            name: "TempoRequestError",
            message: [/GET http:\/\/127\.0\.0\.1:\d+\/api\/search/, /within 200 ms/, /timeoutMs/],
          },
        );
      });
    },
  },
];

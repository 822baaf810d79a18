// A loopback TCP proxy in front of a database, so a test can stall the server's answers or cut
// every connection at a chosen moment, the same way for PGlite and for a real server.
import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  /** `url` with its host and port replaced by the proxy's. */
  readonly url: string;
  /** Bytes the clients sent so far. */
  clientBytes(): number;
  /** Calls `action` once, as soon as the clients sent more than `bytes` in total. */
  whenClientSent(bytes: number, action: () => void): void;
  /** From now on, the server's answers are held back (a server that went slow). */
  stall(): void;
  /** Destroys every open connection, both sides. */
  drop(): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (a port the OS picks) forwarding to the server of `url`. */
export async function startTcpProxy(url: string): Promise<TcpProxy> {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  let sent = 0;
  let stalled = false;
  const watchers: { bytes: number; action: () => void }[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    client.on("data", (chunk: Buffer) => {
      sent += chunk.length;
      upstream.write(chunk);
      for (const watcher of watchers.splice(0)) {
        if (sent > watcher.bytes) watcher.action();
        else watchers.push(watcher);
      }
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!stalled) client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address !== "object") throw new Error("proxy has no port");
  const proxied = new URL(url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(address.port);
  return {
    url: proxied.toString(),
    clientBytes: () => sent,
    whenClientSent: (bytes, action) => watchers.push({ bytes, action }),
    stall: () => {
      stalled = true;
    },
    drop: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

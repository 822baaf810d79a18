/**
 * Reads a response body as text, refusing more than `maxBytes`: a `Content-Length` above the
 * limit is refused before anything is read, and a body without one is counted as it arrives
 * and abandoned at the first chunk past the limit. So a server announcing gigabytes, or
 * streaming without end, costs at most `maxBytes` of memory. Resolves to `null` when the
 * body is too large (the caller names the limit); the stream is cancelled either way.
 *
 * @example
 * ```ts
 * const text = await readLimitedBody(response, 64 * 1024 * 1024);
 * if (text === null) throw new Error("body larger than 64 MiB");
 * ```
 */
export async function readLimitedBody(
  response: Response,
  maxBytes: number,
): Promise<string | null> {
  const announced = Number(response.headers.get("content-length"));
  if (Number.isFinite(announced) && announced > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

/**
 * The message of anything thrown, never throwing itself: user code may throw a Proxy or an
 * Error whose `message` getter throws, and the printer that reports it must still print.
 *
 * @example
 * ```ts
 * io.stderr.write(`error: ${describeThrown(error).message}\n`);
 * ```
 */
export function describeThrown(error: unknown): { message: string; stack: string | null } {
  let isError = false;
  try {
    isError = error instanceof Error;
  } catch {
    return { message: "(a thrown value whose type could not be read)", stack: null };
  }
  const read = (what: () => unknown, fallback: string): string => {
    try {
      return String(what());
    } catch {
      return fallback;
    }
  };
  if (!isError) {
    return {
      message: read(() => error, "(a thrown value that could not be turned into text)"),
      stack: null,
    };
  }
  const thrown = error as Error;
  return {
    message: read(
      () => thrown.message,
      "(the error's message could not be read: reading it threw)",
    ),
    stack: read(() => thrown.stack ?? thrown.message, "") || null,
  };
}

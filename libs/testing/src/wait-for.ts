export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  what?: string;
}

/** Polls until `check` returns true; fails with what it was waiting for. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  options: WaitOptions = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
      if ((error as Error).message?.includes('exited during startup')) throw error;
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
  const why = lastError ? ` (last error: ${(lastError as Error).message})` : '';
  throw new Error(`timed out waiting for ${options.what ?? 'condition'}${why}`);
}

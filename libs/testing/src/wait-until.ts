export interface WaitUntilOptions {
  /** 10 s by default. */
  timeoutMs?: number;
  /** Pause between probes, 50 ms by default. */
  intervalMs?: number;
  /** What is awaited, for the timeout message ("the e-mail to be sent"). */
  description?: string;
}

/** What a truthy value can be: T without null, undefined, false, 0 and ''. */
export type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

/**
 * Probes until `probe` returns a truthy value, and returns it. A probe that throws counts as not
 * yet; on timeout the error names what was awaited and the last value or error seen.
 */
export async function waitUntil<T>(probe: () => T | Promise<T>, options: WaitUntilOptions = {}): Promise<Truthy<T>> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await probe();
      if (last) return last as Truthy<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? `last error: ${last.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.description ?? 'a condition'} (${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

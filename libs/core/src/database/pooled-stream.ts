import { pipeline, Transform, type Readable } from 'node:stream';
import type { PoolClient } from 'pg';

/** How long a stream may hold its pool connection. */
export interface PooledStreamLimits {
  /** Longest wait for the reader to take the next row (a stalled or vanished client). */
  stallMs: number;
  /** Longest the whole stream may take (a client reading, but at a crawl). */
  totalMs: number;
}

/** A minute without progress, or a quarter of an hour in all: far beyond any export a browser fetches. */
export const EXPORT_STREAM_LIMITS: PooledStreamLimits = { stallMs: 60_000, totalMs: 15 * 60_000 };

/** Why a stream was cut short. */
export class PooledStreamTimeout extends Error {
  constructor(limit: 'stallMs' | 'totalMs', ms: number) {
    super(limit === 'stallMs' ? `no row was read for ${ms} ms` : `still streaming after ${ms} ms`);
  }
}

/**
 * Pipes `rows`, read on `client` (a server-side cursor), through `stages` and returns the last
 * stage, for the response. Backpressure reads the cursor only as fast as the client reads the
 * file, so a client that stalls or crawls would hold a pool connection for as long as it liked:
 * past the limits the stream is cut (the client sees a broken transfer, never a short file that
 * looks whole). The connection goes back to the pool when the stream ends; one whose cursor was
 * not read to the end (failed, abandoned or cut) is discarded. `failed` hears of every failure but
 * the client going away.
 */
export function streamOnPooledClient(
  client: PoolClient,
  rows: Readable,
  stages: [Transform, ...Transform[]],
  failed: (error: Error) => void,
  limits: PooledStreamLimits = EXPORT_STREAM_LIMITS,
): Readable {
  const cut = (limit: keyof PooledStreamLimits) => () => rows.destroy(new PooledStreamTimeout(limit, limits[limit]));
  const stalled = setTimeout(cut('stallMs'), limits.stallMs);
  const overdue = setTimeout(cut('totalMs'), limits.totalMs);
  // A row taken from the cursor is progress: it is only taken when the reader made room.
  const progress = new Transform({
    objectMode: true,
    transform(row: unknown, _encoding, done) {
      stalled.refresh();
      done(null, row);
    },
  });
  pipeline(rows, progress, ...stages, (error) => {
    clearTimeout(stalled);
    clearTimeout(overdue);
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') failed(error);
    client.release(error ?? undefined);
  });
  return stages[stages.length - 1];
}

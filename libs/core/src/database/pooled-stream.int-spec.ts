import { finished } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { Pool } from 'pg';
import { PooledStreamTimeout, streamOnPooledClient } from './pooled-stream';

/**
 * A CSV export's stream on a real pool connection: given back when read to the end, discarded
 * when its reader stalls or crawls past the limits, so a slow client cannot keep it.
 */
describe('streamOnPooledClient', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  afterAll(() => pool.end());

  /** Rows numbered from 1, `count` of them (endless by default), and a stage making them lines. */
  function open(count = Infinity) {
    const rows = Readable.from(
      (function* () {
        for (let n = 1; n <= count; n += 1) yield { n };
      })(),
    );
    const lines = new Transform({
      writableObjectMode: true,
      transform(row: { n: number }, _encoding, done) {
        done(null, `${row.n}\r\n`);
      },
    });
    return { rows, lines };
  }

  function failures() {
    let report: (error: Error) => void = () => undefined;
    const failure = new Promise<Error>((resolve) => (report = resolve));
    return { failure, failed: (error: Error) => report(error) };
  }

  it('gives the connection back once the reader took every row', async () => {
    const client = await pool.connect();
    const { rows, lines } = open(1000);
    const out = streamOnPooledClient(client, rows, [lines], () => undefined, { stallMs: 1000, totalMs: 5000 });
    let text = '';
    for await (const chunk of out) text += String(chunk);
    expect(text.split('\r\n')).toHaveLength(1001);
    expect([pool.totalCount, pool.idleCount]).toEqual([1, 1]);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('cuts a stream its reader stopped reading, and discards the connection', async () => {
    const client = await pool.connect();
    const { rows, lines } = open();
    const { failure, failed } = failures();
    const out = streamOnPooledClient(client, rows, [lines], failed, { stallMs: 300, totalMs: 60_000 });
    out.read(); // a first chunk, then nothing: the buffers fill and no row is taken any more
    const started = Date.now();
    const error = await failure;
    expect(error).toBeInstanceOf(PooledStreamTimeout);
    expect(error.message).toBe('no row was read for 300 ms');
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(finished(out)).rejects.toBe(error);
    expect(pool.totalCount).toBe(0);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('cuts a stream still read, but too slowly to end in time', async () => {
    const client = await pool.connect();
    const { rows, lines } = open();
    const { failure, failed } = failures();
    const out = streamOnPooledClient(client, rows, [lines], failed, { stallMs: 5000, totalMs: 500 });
    const crawl = setInterval(() => out.read(64), 20);
    try {
      const error = await failure;
      expect(error.message).toBe('still streaming after 500 ms');
    } finally {
      clearInterval(crawl);
    }
    expect(pool.totalCount).toBe(0);
  });
});

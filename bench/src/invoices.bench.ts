import { isDeepStrictEqual } from 'node:util';
import { LoadClient } from './load-client';
import { deployMembers, statementsPerRequest, type Deployment, type Server } from './member-deployment';
import { seedInvoices } from './seed-invoices';
import { describeCpu, interleaved, percentile, report, startServer, timed, type Side } from './support';

const MEMBERS = Number(process.env.BENCH_INVOICES_MEMBERS ?? 5000);
const PER_MEMBER = 24;
const REQUESTS = Number(process.env.BENCH_INVOICES_REQUESTS ?? 8000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const ROUNDS = 8;
const CONCURRENCY = 16;
const READERS = 16;
/** One page holds a member's every document. */
const QUERY = `?pageSize=${PER_MEMBER}`;

/**
 * GET /me/invoices — a member's 24 documents, with MEMBERS members seeded — through the API and
 * through a raw Fastify + pg server answering the same JSON from the repository's query, side by
 * side (interleaved rounds). Targets: API ≥ 0.6× raw, p99 ≤ 4× median, no non-2xx.
 */
export async function invoicesBench(): Promise<void> {
  const deployment = await deployMembers(MEMBERS, 'inv', READERS);
  try {
    const started = performance.now();
    const documents = await seedInvoices(deployment.pool, PER_MEMBER);
    console.log(
      `  (seeded ${documents.toLocaleString('en')} documents in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    // BENCH_RAW_NODE_ARGS (e.g. --cpu-prof) profiles the baseline as BENCH_API_NODE_ARGS does the API.
    const rawArgs = (process.env.BENCH_RAW_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const raw = await startServer('bench/dist/raw-invoices-server.js', deployment.env, '/health', rawArgs);
    try {
      await compare(deployment, raw);
    } finally {
      await raw.stop();
    }
  } finally {
    await deployment.close();
  }
}

async function compare(deployment: Deployment, raw: Server): Promise<void> {
  const clients = {
    api: await LoadClient.open(deployment.api.port, CONCURRENCY),
    raw: await LoadClient.open(raw.port, CONCURRENCY),
  };
  try {
    await measure(deployment, raw, clients);
  } finally {
    // Open keep-alive connections would hold the servers' shutdown.
    for (const client of Object.values(clients)) client.close();
  }
}

async function measure(
  deployment: Deployment,
  raw: Server,
  clients: { api: LoadClient; raw: LoadClient },
): Promise<void> {
  const latencies = { api: [] as number[], raw: [] as number[] };
  const failures = { api: new Map<number, number>(), raw: new Map<number, number>() };
  const request = (side: 'api' | 'raw', record: boolean) => async (i: number) => {
    const reader = deployment.readers[i % READERS];
    const path = `${side === 'api' ? '/api/v1' : ''}/me/invoices${QUERY}`;
    const started = performance.now();
    const response = await clients[side].get(path, { authorization: `Bearer ${reader.token}` });
    if (record) latencies[side].push(performance.now() - started);
    if (response.status < 200 || response.status > 299)
      failures[side].set(response.status, (failures[side].get(response.status) ?? 0) + 1);
    return response.body;
  };
  const sides = (record: boolean): Side[] => [
    { apiPid: deployment.api.process.pid, task: request('api', record) },
    { apiPid: raw.process.pid, task: request('raw', record) },
  ];

  const [viaApi, viaRaw] = sides(false);
  for (let i = 0; i < READERS; i++) {
    const [fromApi, fromRaw] = [JSON.parse(String(await viaApi.task(i))), JSON.parse(String(await viaRaw.task(i)))];
    if (!isDeepStrictEqual(fromApi, fromRaw))
      throw new Error(`The raw server's answer differs from the API's for reader ${i}`);
    if ((fromApi as { items: unknown[] }).items.length !== PER_MEMBER)
      throw new Error(
        `Reader ${i} sees ${(fromApi as { items: unknown[] }).items.length} documents, not ${PER_MEMBER}`,
      );
  }
  const [apiStatements, rawStatements] = await statementsPerRequest(deployment.pool, sides(false));
  for (const side of sides(false)) await timed(WARMUP, CONCURRENCY, side.task);

  const [api, baseline] = await interleaved(sides(true), REQUESTS, CONCURRENCY, ROUNDS);
  report(
    `Invoices: GET /me/invoices, ${PER_MEMBER} documents each (${REQUESTS} each, ${CONCURRENCY} at a time, answers compared: same JSON)`,
    [
      { label: `API, ${MEMBERS.toLocaleString('en')} members (target)`, count: REQUESTS, ms: api.ms },
      { label: `baseline: raw Fastify + pg, same query`, count: REQUESTS, ms: baseline.ms },
    ],
  );
  const [median, p99] = [50, 99].map((p) => percentile(latencies.api, p));
  const [rawMedian, rawP99] = [50, 99].map((p) => percentile(latencies.raw, p));
  const non2xx = (side: 'api' | 'raw') =>
    [...failures[side].values()].reduce((sum, count) => sum + count, 0) +
    (failures[side].size > 0 ? ` (${JSON.stringify(Object.fromEntries(failures[side]))})` : '');
  console.log(`  statements per request: API ${apiStatements.toFixed(2)}, raw ${rawStatements.toFixed(2)}`);
  console.log(
    `  latency through the API: median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${(p99 / median).toFixed(2)}× median); ` +
      `raw: median ${rawMedian.toFixed(1)} ms, p99 ${rawP99.toFixed(1)} ms (${(rawP99 / rawMedian).toFixed(2)}×)`,
  );
  console.log(`  non-2xx: API ${non2xx('api')}, raw ${non2xx('raw')}`);
  console.log(`  CPU per request through the API: ${describeCpu(api.cpu, REQUESTS)}`);
  console.log(`  CPU per raw request: ${describeCpu(baseline.cpu, REQUESTS, 'raw server')}`);
  const share = baseline.ms / api.ms;
  console.log(
    `  targets: API ≥ 0.6× raw → ${share.toFixed(2)}× ${share >= 0.6 ? 'met' : 'NOT met'}; ` +
      `p99 ≤ 4× median → ${p99 <= 4 * median ? 'met' : 'NOT met'}; ` +
      `zero non-2xx → ${failures.api.size === 0 ? 'met' : 'NOT met'}`,
  );
}

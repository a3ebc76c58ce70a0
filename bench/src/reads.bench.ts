import { isDeepStrictEqual } from 'node:util';
import { LoadClient } from './load-client';
import { deployMembers, statementsPerRequest, type Deployment, type Server } from './member-deployment';
import { describeCpu, interleaved, percentile, report, startServer, timed, type Side } from './support';

const SMALL = Number(process.env.BENCH_READS_SMALL ?? 2000);
const LARGE = Number(process.env.BENCH_READS_LARGE ?? 100_000);
const REQUESTS = Number(process.env.BENCH_READS_REQUESTS ?? 8000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const ROUNDS = 8;
const CONCURRENCY = 16;
/** Signed-in members the requests rotate through, spread over the seed (persons and organisations' contacts). */
const READERS = 16;

/**
 * GET /me and GET /members/{id} (a member's own page) with LARGE members seeded, through the API
 * and through a raw Fastify + pg server answering the same JSON in two statements, side by side
 * (interleaved rounds); and through the API over SMALL members, so a cost that grows with the
 * association shows. Targets: API ≥ 0.6× raw, p99 ≤ 4× median, API at LARGE ≥ 0.8× API at SMALL.
 */
export async function readsBench(): Promise<void> {
  const large = await deployMembers(LARGE, 'large', READERS);
  const small = await deployMembers(SMALL, 'small', READERS);
  const raw = await startServer('bench/dist/raw-reads-server.js', large.env, '/health');
  try {
    await compare(large, small, raw);
  } finally {
    await raw.stop();
    await large.close();
    await small.close();
  }
}

async function compare(large: Deployment, small: Deployment, raw: Server): Promise<void> {
  const clients = {
    large: await LoadClient.open(large.api.port, CONCURRENCY),
    small: await LoadClient.open(small.api.port, CONCURRENCY),
    raw: await LoadClient.open(raw.port, CONCURRENCY),
  };
  try {
    await measure(large, small, raw, clients);
  } finally {
    // Open keep-alive connections would hold the servers' shutdown.
    for (const client of Object.values(clients)) client.close();
  }
}

async function measure(
  large: Deployment,
  small: Deployment,
  raw: Server,
  clients: { large: LoadClient; small: LoadClient; raw: LoadClient },
): Promise<void> {
  const latencies = {
    api: { me: [] as number[], member: [] as number[] },
    raw: { me: [] as number[], member: [] as number[] },
  };
  const request =
    (client: LoadClient, deployment: Deployment, prefix: string, page: 'me' | 'member', record?: 'api' | 'raw') =>
    async (i: number) => {
      const reader = deployment.readers[i % READERS];
      const path = page === 'me' ? `${prefix}/me` : `${prefix}/members/${reader.memberId}`;
      const started = performance.now();
      const response = await client.get(path, { authorization: `Bearer ${reader.token}` });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.body}`);
      if (record) latencies[record][page].push(performance.now() - started);
      return response.body;
    };
  const sides = (page: 'me' | 'member', record: boolean): Side[] => [
    { apiPid: large.api.process.pid, task: request(clients.large, large, '/api/v1', page, record ? 'api' : undefined) },
    { apiPid: raw.process.pid, task: request(clients.raw, large, '', page, record ? 'raw' : undefined) },
    { apiPid: small.api.process.pid, task: request(clients.small, small, '/api/v1', page) },
  ];

  for (const page of ['me', 'member'] as const) {
    const [viaApi, viaRaw] = sides(page, false);
    const same = isDeepStrictEqual(JSON.parse(String(await viaApi.task(0))), JSON.parse(String(await viaRaw.task(0))));
    if (!same) throw new Error(`The raw server's ${page} differs from the API's`);
  }
  const [meApi, meRaw] = sides('me', false);
  const [memberApi, memberRaw] = sides('member', false);
  const [apiMe, rawMe, apiMember, rawMember] = await statementsPerRequest(large.pool, [
    meApi,
    meRaw,
    memberApi,
    memberRaw,
  ]);
  const statements = { me: [apiMe, rawMe], member: [apiMember, rawMember] };
  for (const page of ['me', 'member'] as const)
    for (const side of sides(page, false)) await timed(WARMUP, CONCURRENCY, side.task);

  for (const page of ['me', 'member'] as const) {
    const [api, baseline, apiSmall] = await interleaved(sides(page, true), REQUESTS, CONCURRENCY, ROUNDS);
    const path = page === 'me' ? 'GET /me' : 'GET /members/{id} (a member, their own)';
    report(`Reads: ${path} (${REQUESTS} each, ${CONCURRENCY} at a time, answers compared: same JSON)`, [
      { label: `API, ${LARGE.toLocaleString('en')} members (target)`, count: REQUESTS, ms: api.ms },
      { label: `API, ${SMALL.toLocaleString('en')} members`, count: REQUESTS, ms: apiSmall.ms },
      { label: `baseline: raw Fastify + pg, ${LARGE.toLocaleString('en')} members`, count: REQUESTS, ms: baseline.ms },
    ]);
    const median = percentile(latencies.api[page], 50);
    const p99 = percentile(latencies.api[page], 99);
    const [rawMedian, rawP99] = [50, 99].map((p) => percentile(latencies.raw[page], p));
    const [apiStatements, rawStatements] = statements[page];
    console.log(`  statements per request: API ${apiStatements.toFixed(2)}, raw ${rawStatements.toFixed(2)}`);
    console.log(
      `  latency through the API: median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${(p99 / median).toFixed(2)}× median); ` +
        `raw: median ${rawMedian.toFixed(1)} ms, p99 ${rawP99.toFixed(1)} ms (${(rawP99 / rawMedian).toFixed(2)}×)`,
    );
    console.log(`  CPU per request through the API: ${describeCpu(api.cpu, REQUESTS)}`);
    console.log(`  … with ${SMALL.toLocaleString('en')} members: ${describeCpu(apiSmall.cpu, REQUESTS)}`);
    console.log(`  CPU per raw request: ${describeCpu(baseline.cpu, REQUESTS, 'raw server')}`);
    const share = baseline.ms / api.ms;
    const growth = apiSmall.ms / api.ms;
    console.log(
      `  targets: API ≥ 0.6× raw → ${share.toFixed(2)}× ${share >= 0.6 ? 'met' : 'NOT met'}; ` +
        `p99 ≤ 4× median → ${p99 <= 4 * median ? 'met' : 'NOT met'}; ` +
        `API at ${LARGE.toLocaleString('en')} ≥ 0.8× at ${SMALL.toLocaleString('en')} → ${growth.toFixed(2)}× ${growth >= 0.8 ? 'met' : 'NOT met'}`,
    );
  }
}

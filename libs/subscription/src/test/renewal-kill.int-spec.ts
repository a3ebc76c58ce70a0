import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { ANNOUNCE_DOCUMENT_JOB } from '@tessera/billing';
import { MembersModule } from '@tessera/members';
import { PlansModule, PlansService } from '@tessera/plans';
import { createWorkerTestingModule, seedMembers, seedYearlySubscriptions } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { RenewalRunsService } from '../renewals/renewal-runs.service';
import { SubscriptionModule } from '../subscription.module';

const SUBSCRIPTIONS = 3000;
const BATCH = 100;
const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * A worker executing a renewal run in a real child process, killed with SIGKILL while it is in
 * the middle of a batch (it has committed some batches and is working on the next), then the run
 * executed again: exactly one pro-forma per subscription, one announcement (e-mail) each, numbers
 * gapless from 1. The killed batch's transaction dies with its connection: its numbers and rows
 * are not kept.
 */
describe('a renewal run killed with SIGKILL and run again', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({
      imports: [SubscriptionModule, PlansModule, MembersModule],
      queues: [],
    });
    db = moduleRef.get(DataSource);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await moduleRef.close();
  });

  /** The worker in its own process, from the sources (ts-node, @tessera/* mapped to src as in Jest). */
  function startWorker(runId: string): ChildProcess {
    return spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        join(ROOT, 'libs/testing/src/jest/resolve-workspace-sources.ts'),
        join(__dirname, 'renewal-run.child.ts'),
        runId,
        String(BATCH),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'libs/subscription/tsconfig.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  }

  /** Resolves at the first "issued n" line with n > 0: the worker has committed a batch and goes on. */
  function firstBatchCommitted(worker: ChildProcess): Promise<number> {
    let stderr = '';
    worker.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve, reject) => {
      worker.stdout!.on('data', (chunk: Buffer) => {
        const issued = /issued (\d+)/.exec(chunk.toString());
        if (issued && Number(issued[1]) > 0) resolve(Number(issued[1]));
      });
      worker.once('exit', (code) => reject(new Error(`The worker exited (${code}) before a batch: ${stderr}`)));
    });
  }

  const count = async (sql: string): Promise<number> => ((await db.query(sql)) as { n: number }[])[0].n;

  it('issues exactly one pro-forma and one announcement per due subscription, numbered without gaps', async () => {
    const plan = await moduleRef.get(PlansService).create({
      code: 'killed-run',
      name: 'Yearly membership',
      applicantKinds: ['individual'],
      price: { amount: 4000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      taxRateBps: 2100,
      renewalLeadDays: 30,
    } as never);
    await seedMembers(db, { count: SUBSCRIPTIONS, planId: plan.id, passwordHash: 'x', tag: 'kill' });
    expect(await seedYearlySubscriptions(db, { planId: plan.id, firstStart: '2026-01-01', spreadDays: 28 })).toBe(
      SUBSCRIPTIONS,
    );
    const runs = moduleRef.get(RenewalRunsService);
    const runId = (await runs.start('2027-01-15', 'staff', null)) as string;

    child = startWorker(runId);
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    expect(await firstBatchCommitted(child)).toBe(BATCH);
    child.kill('SIGKILL');
    expect(await exited).toBeNull(); // the exit code: none, it was killed
    const killed = await count(`SELECT count(*)::int AS n FROM billing_documents WHERE kind = 'pro-forma'`);
    expect(killed).toBeGreaterThanOrEqual(BATCH);
    expect(killed).toBeLessThan(SUBSCRIPTIONS);
    expect(killed % BATCH).toBe(0); // whole batches only: the one it was in died with its connection

    const run = await runs.execute(runId, undefined, 500);
    expect(run).toMatchObject({ state: 'done', issued: SUBSCRIPTIONS });
    const [numbers] = (await db.query(
      `SELECT count(*)::int AS count, count(DISTINCT subject_id)::int AS subjects,
              min(right(number, 6)::int) AS min, max(right(number, 6)::int) AS max,
              count(DISTINCT number)::int AS distinct
         FROM billing_documents WHERE kind = 'pro-forma'`,
    )) as { count: number; subjects: number; min: number; max: number; distinct: number }[];
    expect(numbers).toEqual({
      count: SUBSCRIPTIONS,
      subjects: SUBSCRIPTIONS,
      min: 1,
      max: SUBSCRIPTIONS,
      distinct: SUBSCRIPTIONS,
    });
    expect(await count(`SELECT count(*)::int AS n FROM billing_document_lines`)).toBe(SUBSCRIPTIONS);
    // One announcement (PDF and e-mail) per pro-forma, none for a document that does not exist.
    expect(
      await count(
        `SELECT count(DISTINCT d.id)::int AS n FROM outbox_messages o
           JOIN billing_documents d ON d.id = (o.payload->>'documentId')::uuid
          WHERE o.job_name = '${ANNOUNCE_DOCUMENT_JOB}' AND d.kind = 'pro-forma'`,
      ),
    ).toBe(SUBSCRIPTIONS);
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_messages WHERE job_name = '${ANNOUNCE_DOCUMENT_JOB}'`),
    ).toBe(SUBSCRIPTIONS);
    const [series] = (await db.query(`SELECT last_number FROM billing_number_series WHERE series = 'PRO'`)) as {
      last_number: number;
    }[];
    expect(series.last_number).toBe(SUBSCRIPTIONS);
  }, 120_000);
});

import type { TestingModule } from '@nestjs/testing';
import { RedisServer, createWorkerTestingModule, waitUntil } from '@tessera/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Transactions } from '../database/transactions';
import type { QueueDefinition } from '../queue/queue-definition';
import { redisOptions } from '../queue/redis-connection';
import { outboxSchema } from './outbox.schema';
import { OutboxCompletion } from './outbox-completion';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';

const relayed: QueueDefinition = { name: 'relay-test', defaultJobOptions: { attempts: 3 } };
const other: QueueDefinition = { name: 'relay-test-other', defaultJobOptions: {} };
// relayed only by the relay whose Redis goes down (the other relay shares the database)
const offline: QueueDefinition = { name: 'relay-test-offline', defaultJobOptions: {}, redeliverAfterMs: 1000 };

interface OutboxRow {
  id: string;
  dispatched_at: Date | null;
  completed_at: Date | null;
  relay_attempts: number;
}

/** The relay alone (no processors): what it moves is left waiting in the queues. */
function bootRelay(queues: QueueDefinition[], env: Record<string, string> = {}): Promise<TestingModule> {
  return createWorkerTestingModule({ imports: [], queues, schema: outboxSchema, env });
}

function queueAt(redisUrl: string, name = relayed.name): Queue {
  return new Queue(name, {
    connection: redisOptions(redisUrl, { maxRetriesPerRequest: 1 }),
    prefix: process.env.QUEUE_PREFIX,
  });
}

describe('OutboxRelay', () => {
  let app: TestingModule;
  let queue: Queue;
  let transactions: Transactions;
  let outbox: OutboxService;
  let dataSource: DataSource;

  const row = async (id: string): Promise<OutboxRow | undefined> =>
    (
      await dataSource.query(
        `SELECT id, dispatched_at, completed_at, relay_attempts FROM outbox_messages WHERE id = $1`,
        [id],
      )
    )[0];
  const publish = (payload: object, queueName = relayed.name) =>
    transactions.run(() => outbox.publish({ queue: queueName, name: 'do-it', payload }));

  beforeAll(async () => {
    app = await bootRelay([relayed, other]);
    transactions = app.get(Transactions);
    outbox = app.get(OutboxService);
    dataSource = app.get(DataSource);
    queue = queueAt(process.env.REDIS_URL as string);
  });

  afterAll(async () => {
    const otherQueue = queueAt(process.env.REDIS_URL as string, other.name);
    await Promise.all([queue.obliterate({ force: true }), otherQueue.obliterate({ force: true })]);
    await Promise.all([queue.close(), otherQueue.close()]);
    await app?.close();
  });

  it('moves a committed row to its queue as one job whose id is the outbox id, and marks it dispatched', async () => {
    const id = await publish({ n: 1 });

    const dispatched = await waitUntil(async () => (await row(id))?.dispatched_at, {
      description: 'the row to be relayed',
    });
    expect(dispatched).toBeInstanceOf(Date);
    expect((await row(id))?.relay_attempts).toBe(1);
    const job = await queue.getJob(id);
    expect(job).toBeDefined();
    expect(job?.name).toBe('do-it');
    expect(job?.data).toEqual({ n: 1 });
    // the queue's default job options apply to relayed jobs
    expect(job?.opts.attempts).toBe(3);
  });

  it('puts each row in its own queue', async () => {
    const id = await publish({ n: 2 }, other.name);
    await waitUntil(async () => (await row(id))?.dispatched_at, { description: 'the row to be relayed' });
    const otherQueue = queueAt(process.env.REDIS_URL as string, other.name);
    try {
      expect(await otherQueue.getJob(id)).toBeDefined();
      expect(await queue.getJob(id)).toBeUndefined();
    } finally {
      await otherQueue.close();
    }
  });

  it('never relays a row whose transaction rolled back', async () => {
    let id = '';
    await expect(
      transactions.run(async () => {
        id = await outbox.publish({ queue: relayed.name, name: 'do-it', payload: { n: 'rolled back' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // a later commit wakes the relay; once it is relayed, the rolled-back one had its chance
    const later = await publish({ n: 'later' });
    await waitUntil(async () => (await row(later))?.dispatched_at, { description: 'the later row to be relayed' });
    await app.get(OutboxRelay).wake();

    expect(id).not.toBe('');
    expect(await row(id)).toBeUndefined();
    expect(await queue.getJob(id)).toBeUndefined();
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    expect(jobs.map((job) => job.data)).not.toContainEqual({ n: 'rolled back' });
  });

  describe('publishWith (a statement and its message in one round trip)', () => {
    const notes = async (note: string) =>
      (await dataSource.query(`SELECT id FROM publish_with_notes WHERE note = $1`, [note])) as { id: number }[];
    const insertNote = (note: string) => ({
      sql: `INSERT INTO publish_with_notes (note) VALUES ($1) RETURNING id, note`,
      params: [note],
    });

    beforeAll(async () => {
      await dataSource.query(`CREATE TABLE publish_with_notes (id serial PRIMARY KEY, note text NOT NULL)`);
    });

    it("returns the statement's row, and the message is relayed like any other", async () => {
      const row = await transactions.run(() =>
        outbox.publishWith<{ id: number; note: string }>(insertNote('kept'), {
          queue: relayed.name,
          name: 'do-it',
          payload: { note: 'kept' },
        }),
      );
      expect(row).toEqual({ id: expect.any(Number), note: 'kept' });
      expect(await notes('kept')).toEqual([{ id: row!.id }]);
      const job = await waitUntil(
        async () => (await queue.getJobs(['waiting'])).find((waiting) => waiting.data.note === 'kept'),
        { description: 'the message to be relayed' },
      );
      expect(job.name).toBe('do-it');
    });

    it('keeps neither the row nor the message when the transaction rolls back', async () => {
      await expect(
        transactions.run(async () => {
          await outbox.publishWith(insertNote('rolled back'), {
            queue: relayed.name,
            name: 'do-it',
            payload: { note: 'rolled back' },
          });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await notes('rolled back')).toEqual([]);
      const messages = await dataSource.query(`SELECT id FROM outbox_messages WHERE payload->>'note' = 'rolled back'`);
      expect(messages).toEqual([]);
    });

    it('records no message when the statement changes nothing', async () => {
      const nothing = { sql: `DELETE FROM publish_with_notes WHERE note = $1 RETURNING id`, params: ['none'] };
      const before = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages`);
      const row = await transactions.run(() =>
        outbox.publishWith(nothing, { queue: relayed.name, name: 'do-it', payload: { note: 'none' } }),
      );
      expect(row).toBeUndefined();
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages`)).toEqual(before);
    });

    it('refuses a statement that returns more than one row, and keeps nothing of it in a transaction', async () => {
      await dataSource.query(`INSERT INTO publish_with_notes (note) VALUES ('twice'), ('twice')`);
      const both = {
        sql: `UPDATE publish_with_notes SET note = 'changed' WHERE note = $1 RETURNING id`,
        params: ['twice'],
      };
      await expect(
        transactions.run(() =>
          outbox.publishWith(both, { queue: relayed.name, name: 'do-it', payload: { note: 'twice' } }),
        ),
      ).rejects.toThrow(/returned 2 rows, not one/);
      expect(await notes('twice')).toHaveLength(2);
      const messages = await dataSource.query(`SELECT id FROM outbox_messages WHERE payload->>'note' = 'twice'`);
      expect(messages).toEqual([]);
    });
  });

  it('makes one job of a row relayed twice (a relay that died before marking it dispatched)', async () => {
    const id = await publish({ n: 3 });
    await waitUntil(async () => (await row(id))?.dispatched_at, { description: 'the row to be relayed' });
    const before = await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed');

    await dataSource.query(`UPDATE outbox_messages SET dispatched_at = NULL WHERE id = $1`, [id]);
    await app.get(OutboxRelay).wake();
    await waitUntil(async () => (await row(id))?.relay_attempts === 2, { description: 'the row to be relayed again' });

    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active', 'completed', 'failed')).toBe(before);
    expect((await queue.getJobs(['waiting'])).filter((job) => job.id === id)).toHaveLength(1);
  });

  describe('while Redis is down', () => {
    let redis: RedisServer;
    let isolated: TestingModule;

    beforeAll(async () => {
      redis = await new RedisServer().start();
      isolated = await bootRelay([offline], { REDIS_URL: redis.url });
    });

    afterAll(async () => {
      if (!redis.running) await redis.start();
      await isolated?.close();
      await redis.stop();
    });

    it('keeps committed rows, and relays them once Redis is back', async () => {
      await redis.stop();
      const id = await isolated
        .get(Transactions)
        .run(() => isolated.get(OutboxService).publish({ queue: offline.name, name: 'do-it', payload: { n: 4 } }));
      await new Promise((resolve) => setTimeout(resolve, 2500)); // a few failed polls
      await isolated.get(OutboxRelay).wake();
      expect(await row(id)).toMatchObject({ dispatched_at: null, relay_attempts: 0 });

      await redis.start();
      await waitUntil(async () => (await row(id))?.dispatched_at, {
        timeoutMs: 60_000,
        description: 'the row to be relayed after Redis came back',
      });
      const restarted = queueAt(redis.url, offline.name);
      try {
        expect((await restarted.getJob(id))?.data).toEqual({ n: 4 });
      } finally {
        await restarted.close();
      }
    }, 90_000); // a reconnection under load has been seen to take ~30 s

    it('hands a job Redis lost (restarted empty) over again, and not one that finished', async () => {
      const publishOffline = (n: number) =>
        isolated
          .get(Transactions)
          .run(() => isolated.get(OutboxService).publish({ queue: offline.name, name: 'do-it', payload: { n } }));
      const lost = await publishOffline(5);
      const finished = await publishOffline(6);
      await waitUntil(async () => (await row(lost))?.dispatched_at && (await row(finished))?.dispatched_at, {
        description: 'both rows to be relayed',
      });
      await isolated.get(OutboxCompletion).finished(finished); // its processor did the work
      expect((await row(finished))?.completed_at).toBeInstanceOf(Date);

      await redis.restart(); // empty: both jobs are gone
      const restarted = queueAt(redis.url, offline.name);
      try {
        const job = await waitUntil(() => restarted.getJob(lost), {
          timeoutMs: 60_000,
          description: 'the lost job to be relayed again',
        });
        expect(job.data).toEqual({ n: 5 });
        await waitUntil(async () => ((await row(lost))?.relay_attempts ?? 0) >= 2, {
          description: 'the second relay to commit',
        });
        await new Promise((resolve) => setTimeout(resolve, 1500)); // longer than the queue's 1 s
        expect(await restarted.getJob(finished)).toBeUndefined();
        expect((await row(finished))?.relay_attempts).toBe(1);
      } finally {
        await restarted.close();
      }
    }, 90_000);
  });
});

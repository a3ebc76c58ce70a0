import type { TestingModule } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { DynamicModule } from '@nestjs/common';
import { JOB_SCHEDULE_CHECK_MS, ManualClock } from '@tessera/core';
import { RedisServer, createWorkerTestingModule, waitUntil } from '@tessera/testing';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { ApprovalRemindersService } from '../approval-reminders.service';
import { ApprovalService } from '../approval.service';
import { APPROVAL_QUEUE, REMINDER_EVERY_MS, REMINDER_SCHEDULER_ID, SEND_REMINDERS_JOB } from '../approval.queue';
import { ApprovalWorkerModule } from '../approval.worker.module';
import { DAY_MS } from '../approval.types';
import {
  bootApproval,
  createFlow,
  createUser,
  emailsAbout,
  eventTypes,
  level,
  openRequest,
  type TestUser,
} from './approval-testing';

const HOUR_MS = 60 * 60 * 1000;

describe('approval reminders against the real database', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let clock: ManualClock;
  let reminders: ApprovalRemindersService;
  let ann: TestUser;
  let bob: TestUser;
  let claire: TestUser;

  beforeAll(async () => {
    ({ moduleRef, db, clock } = await bootApproval());
    reminders = moduleRef.get(ApprovalRemindersService);
    ann = await createUser(db, 'Ann Approver', ['approver'], { locale: 'fr' });
    bob = await createUser(db, 'Bob Approver', ['approver']);
    claire = await createUser(db, 'Claire Approver', ['approver']);
  });
  afterAll(() => moduleRef.close());

  const reminded = async (requestId: string) =>
    (await emailsAbout(db, requestId, 'approval-reminder')).map((m) => m.recipient);

  it('reminds the pending approvers of an overdue level once a day, in their locale, and records it', async () => {
    const flowId = await createFlow(moduleRef, 'Two days', [
      level({ name: 'Review', approverUserIds: [ann.id, bob.id, claire.id], policy: 'all', dueInDays: 2 }),
    ]);
    const { id } = await openRequest(moduleRef, flowId);
    await moduleRef.get(ApprovalService).approve(id, claire.principal, null); // decided: never reminded

    clock.advance(2 * DAY_MS - HOUR_MS);
    await reminders.sendReminders();
    expect(await reminded(id)).toEqual([]); // not due yet

    clock.advance(2 * HOUR_MS);
    await reminders.sendReminders();
    const first = await emailsAbout(db, id, 'approval-reminder');
    expect(first.map((m) => [m.recipient, m.locale])).toEqual([
      [ann.email, 'fr'],
      [bob.email, 'en'],
    ]);
    expect(first[0].data).toMatchObject({ levelName: 'Review', dueDate: '2026-03-04', overdueDays: 1 });

    // Hourly sweeps the same day send nothing more; the next day, again once each.
    for (let hour = 0; hour < 23; hour += 1) {
      clock.advance(HOUR_MS);
      await reminders.sendReminders();
    }
    expect(await reminded(id)).toHaveLength(2);
    clock.advance(HOUR_MS);
    await reminders.sendReminders();
    expect(await reminded(id)).toHaveLength(4);
    expect((await eventTypes(db, id)).filter((type) => type === 'reminded')).toHaveLength(4);
  });

  it('sends once when sweeps run concurrently (two workers, or a restart mid-run)', async () => {
    const flowId = await createFlow(moduleRef, 'One day', [
      level({ name: 'Quick', approverUserIds: [ann.id, bob.id], dueInDays: 1 }),
    ]);
    const requests = await Promise.all(Array.from({ length: 5 }, () => openRequest(moduleRef, flowId)));
    clock.advance(DAY_MS + HOUR_MS);
    const counts = await Promise.all(Array.from({ length: 4 }, () => reminders.sendReminders()));
    for (const { id } of requests) expect((await reminded(id)).sort()).toEqual([ann.email, bob.email].sort());
    // Every request of this test and the one before are overdue by now: the sweeps shared the work.
    const total: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM approval_assignments WHERE reminded_at = $1`,
      [clock.now()],
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total[0].n);
  });

  it('stops reminding once the level is decided', async () => {
    const flowId = await createFlow(moduleRef, 'Decided', [
      level({ name: 'Fast', approverUserIds: [bob.id], dueInDays: 1 }),
    ]);
    const { id } = await openRequest(moduleRef, flowId);
    await moduleRef.get(ApprovalService).approve(id, bob.principal, null);
    clock.advance(3 * DAY_MS);
    await reminders.sendReminders();
    expect(await reminded(id)).toEqual([]);
  });
});

describe('the reminder schedule in the worker', () => {
  it('upserts one hourly job scheduler, however often the worker starts', async () => {
    const boot = () => createWorkerTestingModule({ imports: [ApprovalWorkerModule], queues: [] });
    const first = await boot();
    const second = await boot();
    try {
      const queue = first.get<Queue>(getQueueToken(APPROVAL_QUEUE));
      const scheduled = async () => (await queue.getJobSchedulers()).map((s) => [s.key, s.name, Number(s.every)]);
      const expected = [[REMINDER_SCHEDULER_ID, SEND_REMINDERS_JOB, REMINDER_EVERY_MS]];
      // onApplicationBootstrap does not wait for Redis; wait for the schedule to land.
      for (let attempt = 0; attempt < 100 && (await scheduled()).length === 0; attempt += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await scheduled()).toEqual(expected);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('puts none in place on a worker told to keep no schedulers (SCHEDULED_JOBS=false)', async () => {
    const worker = await createWorkerTestingModule({
      imports: [ApprovalWorkerModule],
      queues: [],
      env: { SCHEDULED_JOBS: 'false', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-unscheduled` },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await worker.get<Queue>(getQueueToken(APPROVAL_QUEUE)).getJobSchedulers()).toEqual([]);
    } finally {
      await worker.close();
    }
  });
});

/** Keepers check their job schedulers every `ms` (30 s in the worker). */
function checkSchedulersEvery(ms: number): DynamicModule {
  class ScheduleCheckInterval {}
  return {
    module: ScheduleCheckInterval,
    global: true,
    providers: [{ provide: JOB_SCHEDULE_CHECK_MS, useValue: ms }],
    exports: [JOB_SCHEDULE_CHECK_MS],
  };
}

describe('the reminder schedule when Redis forgets it', () => {
  const redis = new RedisServer();
  let worker: TestingModule;

  beforeAll(async () => {
    await redis.start();
    worker = await createWorkerTestingModule({
      imports: [ApprovalWorkerModule, checkSchedulersEvery(500)],
      queues: [],
      env: { REDIS_URL: redis.url },
    });
  });
  afterAll(async () => {
    await worker?.close();
    await redis.stop();
  });

  const scheduledIds = async () =>
    (await worker.get<Queue>(getQueueToken(APPROVAL_QUEUE)).getJobSchedulers()).map((s) => s.key);
  const reappears = () =>
    waitUntil(async () => (await scheduledIds()).includes(REMINDER_SCHEDULER_ID), {
      timeoutMs: 40_000,
      description: 'the reminder scheduler to be put back',
    });

  it('puts the scheduler back when it was removed, and after Redis restarted empty', async () => {
    await reappears();
    await worker.get<Queue>(getQueueToken(APPROVAL_QUEUE)).removeJobScheduler(REMINDER_SCHEDULER_ID);
    expect(await scheduledIds()).toEqual([]);
    await reappears();

    await redis.restart();
    await reappears();
    expect(await scheduledIds()).toEqual([REMINDER_SCHEDULER_ID]);
  }, 90_000);
});

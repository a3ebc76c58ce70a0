import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { Transactions } from '../database/transactions';
import { OutboxService } from '../outbox/outbox.service';

export type TrackedRunState = 'queued' | 'running' | 'done' | 'failed';

/** What every tracked run's row has (renewal runs, status sweeps), beside its own counters. */
export interface TrackedRun {
  id: string;
  state: TrackedRunState;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** How a domain keeps its runs' rows; `insert` answers null when the run was already recorded. */
export interface TrackedRunStore<R extends TrackedRun> {
  insert(fields: Omit<R, 'id'>): Promise<string | null>;
  lock(id: string): Promise<R | null>;
  save(run: R): Promise<void>;
}

/**
 * A long job with a row of its own that people follow (renewal runs, status sweeps): recorded
 * queued with its job in the outbox in one transaction, then marked running by the worker, its
 * counters saved as it goes. One way for every such run, so they share states and meanings.
 */
@Injectable()
export class TrackedRuns {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a run, queued with `fields` (its own counters at zero), and its job in one
   * transaction; null, and no job, when the store says it was already recorded.
   */
  start<R extends TrackedRun, P extends object>(
    store: TrackedRunStore<R>,
    fields: Omit<R, keyof TrackedRun>,
    job: { queue: string; name: string; payload: (id: string) => P },
  ): Promise<string | null> {
    return this.transactions.run(async () => {
      const id = await store.insert({
        ...fields,
        state: 'queued',
        error: null,
        createdAt: this.clock.now(),
        startedAt: null,
        finishedAt: null,
      } as Omit<R, 'id'>);
      if (id) await this.outbox.publish<P>({ queue: job.queue, name: job.name, payload: job.payload(id) });
      return id;
    });
  }

  /**
   * The worker takes a run up: locked, marked running (first start kept, last error cleared).
   * A run already done is answered as it is; `notFound` when there is no such run.
   */
  begin<R extends TrackedRun>(store: TrackedRunStore<R>, id: string, notFound: () => Error): Promise<R> {
    return this.transactions.run(async () => {
      const run = await store.lock(id);
      if (!run) throw notFound();
      if (run.state === 'done') return run;
      run.state = 'running';
      run.startedAt ??= this.clock.now();
      run.error = null;
      await store.save(run);
      return run;
    });
  }
}

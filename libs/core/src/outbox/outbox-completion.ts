import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Job ids the relay gives are outbox ids; scheduled jobs (`repeat:…`) and others have no row. */
const OUTBOX_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Marks outbox messages whose job finished, so the relay stops handing them over again. */
@Injectable()
export class OutboxCompletion {
  constructor(private readonly dataSource: DataSource) {}

  /** The job `jobId` did its work. Does nothing for jobs not from the outbox. */
  async finished(jobId: string | undefined): Promise<void> {
    if (!jobId || !OUTBOX_ID.test(jobId)) return;
    await this.dataSource.query(
      `UPDATE outbox_messages SET completed_at = now() WHERE id = $1 AND completed_at IS NULL`,
      [jobId],
    );
  }

  /** The job `jobId` failed for good: finished for the relay, and marked failed with its last error. */
  async failed(jobId: string | undefined, reason: string): Promise<void> {
    if (!jobId || !OUTBOX_ID.test(jobId)) return;
    await this.dataSource.query(
      `UPDATE outbox_messages SET completed_at = coalesce(completed_at, now()), failed_at = now(), failure = left($2, 2000)
        WHERE id = $1`,
      [jobId, reason],
    );
  }

  /** Jobs that failed for good since `since` (health and monitoring). */
  async failedSince(since: Date): Promise<number> {
    const [{ count }] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE failed_at >= $1`,
      [since],
    )) as { count: number }[];
    return count;
  }
}

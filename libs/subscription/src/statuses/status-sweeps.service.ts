import { Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  Clock,
  pageOf,
  ProblemException,
  TrackedRuns,
  Transactions,
  type Page,
  type TrackedRunStore,
  type PageQueryDto,
} from '@tessera/core';
import { MEMBER_STATUSES, type MemberStatus } from '@tessera/members';
import { EmailRenderer, LOCALES } from '@tessera/notifications';
import type { StatusSweep, StatusSweepTrigger } from '../entities/status-sweep.entity';
import type { StatusForecastDto, StatusForecastMembersDto, StatusSweepDto } from '../dto/member-status.dto';
import { portalUrl } from './status-mailer';
import { StatusSweepRepository } from './status-sweep.repository';
import { RUN_STATUS_SWEEP_JOB, STATUS_SWEEPS_QUEUE, type RunStatusSweepPayload } from './status-sweeps.queue';

/** Subscriptions moved per transaction: big enough for set-based speed, small enough to keep locks short. */
export const STATUS_SWEEP_BATCH_SIZE = 5000;
/** Batches moved at once: the database's two cores both work (one connection leaves one idle). */
export const STATUS_SWEEP_CONNECTIONS = 2;

const SWEEP_TEMPLATES = ['membership-grace-started', 'membership-suspended', 'membership-ended'];

/**
 * The daily status sweep: one set-based pass moving every member whose status time has changed
 * (grace starts, suspension, lapse or an end date passed), with history rows and e-mails, and
 * nothing for the others. Run again the same day it finds nobody left to move.
 */
@Injectable()
export class StatusSweepsService {
  private readonly logger = new Logger(StatusSweepsService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly sweeps: StatusSweepRepository,
    private readonly runs: TrackedRuns,
    private readonly renderer: EmailRenderer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private readonly store: TrackedRunStore<StatusSweep> = {
    insert: (fields) => this.sweeps.insertSweep(fields),
    lock: (id) => this.sweeps.lockSweep(id),
    save: (sweep) => this.sweeps.saveSweep(sweep),
  };

  /** Records a sweep and its job in one transaction; null when the day's scheduled sweep already was. */
  async start(asOf: string, trigger: StatusSweepTrigger, startedByUserId: string | null): Promise<string | null> {
    return this.runs.start(
      this.store,
      { asOf, trigger, startedByUserId, examined: 0, changed: 0, changes: {} },
      {
        queue: STATUS_SWEEPS_QUEUE,
        name: RUN_STATUS_SWEEP_JOB,
        payload: (sweepId): RunStatusSweepPayload => ({ sweepId }),
      },
    );
  }

  /**
   * Does a sweep's work: chooses the subscriptions due (one index range read), then moves them
   * batch by batch on `connections` connections at once (batches share no subscription and no
   * member), each batch its own transaction with the sweep's counters. A sweep done does nothing;
   * one interrupted carries on (the rule is re-checked, so nobody moves twice).
   */
  async execute(
    sweepId: string,
    batchSize = STATUS_SWEEP_BATCH_SIZE,
    connections = STATUS_SWEEP_CONNECTIONS,
  ): Promise<StatusSweep> {
    for (const template of SWEEP_TEMPLATES) for (const locale of LOCALES) this.renderer.assertExists(template, locale);
    const sweep = await this.runs.begin(this.store, sweepId, sweepNotFound);
    if (sweep.state === 'done') return sweep;
    try {
      const due = await this.sweeps.dueSubscriptionIds(sweep.asOf);
      sweep.examined = due.length;
      await this.sweeps.saveSweep(sweep);
      const batches: string[][] = [];
      for (let from = 0; from < due.length; from += batchSize) batches.push(due.slice(from, from + batchSize));
      let failed = false;
      const work = async () => {
        for (let batch = batches.shift(); batch && !failed; batch = batches.shift()) {
          const moved = await this.moveBatch(sweep, batch).catch((error: unknown) => {
            failed = true;
            throw error;
          });
          for (const [status, count] of Object.entries(moved)) {
            sweep.changes[status] = (sweep.changes[status] ?? 0) + count;
            sweep.changed += count;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(connections, batches.length) }, work));
      sweep.state = 'done';
      sweep.finishedAt = this.clock.now();
      await this.sweeps.saveSweep(sweep);
      this.logger.log(`Status sweep ${sweep.id} as of ${sweep.asOf}: ${sweep.examined} due, ${sweep.changed} moved`);
      return sweep;
    } catch (error) {
      sweep.error = error instanceof Error ? error.message.slice(0, 2000) : String(error);
      await this.sweeps.saveSweep(sweep).catch(() => undefined);
      throw error;
    }
  }

  /**
   * One batch, one transaction: the subscriptions dated on first (which locks them, so a payment
   * arriving now waits, or has already moved them out of the batch), then the members moved, and
   * the sweep's counters added to.
   */
  private moveBatch(sweep: StatusSweep, batch: string[]): Promise<Partial<Record<MemberStatus, number>>> {
    return this.transactions.run(async () => {
      await this.sweeps.advanceStatusChanges(sweep.asOf, batch);
      const moved = await this.sweeps.move(sweep.asOf, batch, this.clock.now(), portalUrl(this.config));
      await this.sweeps.addCounts(sweep.id, moved);
      return moved;
    });
  }

  async list(query: PageQueryDto): Promise<Page<StatusSweepDto>> {
    const [rows, total] = await this.sweeps.listSweeps(query.offset, query.pageSize);
    return pageOf(rows.map(sweepDtoOf), total, query);
  }

  async get(id: string): Promise<StatusSweepDto> {
    const row = await this.sweeps.findSweep(id);
    if (!row) throw sweepNotFound();
    return sweepDtoOf(row);
  }

  /** Members by status as of `asOf` if nothing but time happened, and how many of them change. */
  async forecast(asOf: string, today: string): Promise<StatusForecastDto> {
    if (asOf < today)
      throw ProblemException.validation([{ field: 'asOf', message: `must be today (${today}) or later` }]);
    const { now, moves } = await this.sweeps.forecastCounts(asOf);
    const counts = new Map<MemberStatus, number>(MEMBER_STATUSES.map((status) => [status, 0]));
    for (const row of now) counts.set(row.status, row.count);
    for (const move of moves) {
      counts.set(move.from, (counts.get(move.from) ?? 0) - move.count);
      counts.set(move.to, (counts.get(move.to) ?? 0) + move.count);
    }
    return {
      asOf,
      today,
      counts: MEMBER_STATUSES.map((status) => ({
        status,
        now: now.find((row) => row.status === status)?.count ?? 0,
        then: counts.get(status) ?? 0,
      })),
      moves,
      changing: moves.reduce((sum, move) => sum + move.count, 0),
    };
  }

  /** A page of the members whose status would change between today and `asOf`. */
  async forecastMembers(asOf: string, today: string, query: PageQueryDto): Promise<StatusForecastMembersDto> {
    if (asOf < today)
      throw ProblemException.validation([{ field: 'asOf', message: `must be today (${today}) or later` }]);
    const { moves } = await this.sweeps.forecastCounts(asOf);
    const rows = await this.sweeps.forecastMembers(asOf, query.offset, query.pageSize);
    return {
      ...pageOf(
        rows,
        moves.reduce((sum, move) => sum + move.count, 0),
        query,
      ),
      asOf,
    };
  }
}

function sweepNotFound(): ProblemException {
  return ProblemException.notFound('No status sweep has this id.', 'status-sweep-not-found');
}

function sweepDtoOf(sweep: StatusSweep): StatusSweepDto {
  return {
    id: sweep.id,
    asOf: sweep.asOf,
    trigger: sweep.trigger,
    state: sweep.state,
    examined: sweep.examined,
    changed: sweep.changed,
    changes: sweep.changes,
    error: sweep.error,
    createdAt: new Date(sweep.createdAt).toISOString(),
    startedAt: sweep.startedAt ? new Date(sweep.startedAt).toISOString() : null,
    finishedAt: sweep.finishedAt ? new Date(sweep.finishedAt).toISOString() : null,
  };
}

import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { Transactions } from '../database/transactions';
import { ProblemException } from '../errors/problem';
import { IdempotencyKeyRepository, type StoredResponse } from './idempotency-key.repository';
import { idempotencyKeyOf, idempotencyScope } from './idempotency-scope';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The request and reply `Idempotency.once` reads the key from and replays into (see `Idempotent`). */
export interface IdempotentCall {
  request: FastifyRequest & { user?: Principal };
  reply: FastifyReply;
}

/**
 * Runs a handler's work at most once per Idempotency-Key (see `Idempotent`, which marks the
 * handler's `IdempotentCall` parameter). The key, the work and
 * its response are one transaction: two requests racing with one key have the effect of one, and
 * a request that fails leaves no key behind, so it can be retried. Called by the handler rather
 * than as a Nest interceptor: an interceptor's Observable plumbing cost every request to these
 * routes ~0.15 ms of CPU, key or not (see bench/).
 */
@Injectable()
export class Idempotency {
  constructor(
    private readonly transactions: Transactions,
    private readonly keys: IdempotencyKeyRepository,
    private readonly clock: Clock,
  ) {}

  once<T>({ request, reply }: IdempotentCall, work: () => Promise<T>): Promise<T> {
    const key = idempotencyKeyOf(request.headers);
    if (key === undefined) return work();
    const scope = idempotencyScope(request.user, request.method, request.url, key);
    const requestHash = requestFingerprint(request.method, request.url, request.body);
    return this.transactions.run(async () => {
      const now = this.clock.now();
      if (!(await this.keys.claim(scope, requestHash, now, new Date(now.getTime() + KEY_LIFETIME_MS)))) {
        return replay(await this.keys.find(scope), requestHash, reply) as T;
      }
      // Run in here, the work joins this transaction (Transactions keeps it per async context).
      const body = await work();
      await this.keys.saveResponse(scope, reply.statusCode, body);
      await this.keys.purgeExpired(now);
      return body;
    });
  }
}

function replay(stored: StoredResponse | undefined, requestHash: string, reply: FastifyReply): unknown {
  if (!stored || stored.status === null) {
    // Only if the key expired and was purged between the two statements.
    throw ProblemException.conflict(
      'A request with this Idempotency-Key is in progress. Retry.',
      'idempotency-key-busy',
    );
  }
  if (stored.requestHash !== requestHash) {
    throw ProblemException.unprocessable(
      'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
      'idempotency-key-reused',
    );
  }
  void reply.status(stored.status).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
  return stored.body ?? undefined;
}

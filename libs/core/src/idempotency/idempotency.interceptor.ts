import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import type { Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import { Transactions } from '../database/transactions';
import { ProblemException } from '../errors/problem';
import { IdempotencyKeyRepository, type StoredResponse } from './idempotency-key.repository';
import { idempotencyKeyOf, idempotencyScope, type IdempotencyScope } from './idempotency-scope';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

type IdempotentRequest = FastifyRequest & { user?: Principal };

/**
 * Runs the handler at most once per Idempotency-Key (see `Idempotent`). The key, the handler's
 * work and its response are one transaction: two requests racing with one key have the effect of
 * one, and a request that fails leaves no key behind, so it can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly transactions: Transactions,
    private readonly keys: IdempotencyKeyRepository,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const key = idempotencyKeyOf(request.headers);
    if (key === undefined) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const scope = idempotencyScope(request.user, request.method, request.url, key);
    const requestHash = requestFingerprint(request.method, request.url, request.body);
    return defer(() => this.once(scope, requestHash, reply, next));
  }

  private once(scope: IdempotencyScope, requestHash: string, reply: FastifyReply, next: CallHandler) {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      if (!(await this.keys.claim(scope, requestHash, now, new Date(now.getTime() + KEY_LIFETIME_MS)))) {
        return replay(await this.keys.find(scope), requestHash, reply);
      }
      // Subscribed in here, the handler joins this transaction (Transactions keeps it per async context).
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
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

import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import type { IdempotencyScope } from './idempotency-scope';

export interface StoredResponse {
  requestHash: string;
  /** Null only while the claiming transaction is still running. */
  status: number | null;
  body: unknown;
}

const SCOPE = 'principal = $1 AND method = $2 AND path = $3 AND key = $4';
const scopeValues = (scope: IdempotencyScope) => [scope.principal, scope.method, scope.path, scope.key];

/** Idempotency keys and the response each produced; all in the caller's transaction. */
@Injectable()
export class IdempotencyKeyRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Takes the key for this request; false if another request holds it. If that request's
   * transaction is still open, the INSERT waits for it to end: committed, the key is taken (and
   * its response complete); rolled back, this request takes the key. A key past its expiry is
   * taken over, even before the purge gets to it.
   */
  async claim(scope: IdempotencyScope, requestHash: string, now: Date, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.transactions.manager.query(
      `INSERT INTO idempotency_keys (principal, method, path, key, request_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (principal, method, path, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response_status = NULL, response_body = NULL,
             created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
       RETURNING 1`,
      [...scopeValues(scope), requestHash, now, expiresAt],
    );
    return rows.length > 0;
  }

  async find(scope: IdempotencyScope): Promise<StoredResponse | undefined> {
    const [row]: StoredResponse[] = await this.transactions.manager.query(
      `SELECT request_hash AS "requestHash", response_status AS status, response_body AS body
         FROM idempotency_keys WHERE ${SCOPE}`,
      scopeValues(scope),
    );
    return row;
  }

  async saveResponse(scope: IdempotencyScope, status: number, body: unknown): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE idempotency_keys SET response_status = $5, response_body = $6::json WHERE ${SCOPE}`,
      [...scopeValues(scope), status, body === undefined ? null : JSON.stringify(body)],
    );
  }

  /** Deletes a batch of expired keys, skipping rows other transactions hold rather than waiting. */
  async purgeExpired(now: Date): Promise<void> {
    await this.transactions.manager.query(
      `DELETE FROM idempotency_keys WHERE (principal, method, path, key) IN (
         SELECT principal, method, path, key FROM idempotency_keys
          WHERE expires_at < $1 LIMIT 100 FOR UPDATE SKIP LOCKED)`,
      [now],
    );
  }
}

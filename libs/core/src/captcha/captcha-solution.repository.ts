import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';

/** Captcha answers already accepted, kept until their challenge expires. */
@Injectable()
export class CaptchaSolutionRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Records an answer as used, in the caller's transaction; false if it already was. A concurrent
   * insert of the same answer waits for the first transaction, then finds it (or, if that one
   * rolled back, takes its place): one answer, one accepted request.
   */
  async claim(signature: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.transactions.manager.query(
      `INSERT INTO captcha_solutions (signature, expires_at) VALUES ($1, $2)
       ON CONFLICT (signature) DO NOTHING RETURNING signature`,
      [signature, expiresAt],
    );
    return rows.length > 0;
  }

  /** Deletes a batch of expired answers, skipping rows other transactions hold rather than waiting. */
  async purgeExpired(now: Date): Promise<void> {
    await this.transactions.manager.query(
      `DELETE FROM captcha_solutions WHERE signature IN (
         SELECT signature FROM captcha_solutions WHERE expires_at < $1 LIMIT 100 FOR UPDATE SKIP LOCKED)`,
      [now],
    );
  }
}

import { Injectable } from '@nestjs/common';
import {
  ProblemException,
  rateLimited,
  rateLimitUnavailable,
  RateLimitStore,
  RateLimitStoreUnavailable,
  Transactions,
} from '@tessera/core';
import { MEMBERS_WITH_CONTACT } from '@tessera/members';

/** Receivers a signed-in person may fail to name, before every further try waits for the window. */
export const RECEIVER_MISSES = { limit: 10, windowMs: 60 * 60_000 };

/**
 * One answer whether the number or the e-mail address is wrong, or no such member exists: it
 * must not tell who is a member. Where it goes next is the member's to find out.
 */
export const receiverUnknown = () =>
  ProblemException.badRequest(
    'No member has this number with this e-mail address. Check both with the receiver; someone who is not a ' +
      'member yet subscribes for shares first.',
    'share-receiver-unknown',
    [{ field: 'toHolderNumber', message: 'does not go with this e-mail address', code: 'shareReceiverUnknown' }],
  );

/**
 * Finds the member a holder names as a transfer's receiver, by their member or cooperator number
 * and their e-mail address (a person's, or an organisation's contact's) — both must match one
 * member. Each miss counts against the asker in Redis (as sign-in failures do), so numbers
 * cannot be tried one after another against an address; a find gives its try back.
 */
@Injectable()
export class ShareReceiverLookup {
  constructor(
    private readonly transactions: Transactions,
    private readonly store: RateLimitStore,
  ) {}

  /** The receiver's member id; 400 `share-receiver-unknown` otherwise, 429 after too many misses. */
  async memberIdOf(userId: string, receiver: { number: string; email: string }): Promise<string> {
    const subject = `share-receiver-miss:user:${userId}`;
    const counted = await this.count(subject);
    if (counted.count > RECEIVER_MISSES.limit) throw rateLimited(counted.resetInMs);
    const memberId = await this.find(receiver.number, receiver.email);
    if (!memberId) throw receiverUnknown();
    await this.store.refund([subject]).catch(() => undefined);
    return memberId;
  }

  private async find(number: string, email: string): Promise<string | null> {
    const rows = (await this.transactions.manager.query(
      `SELECT m.id ${MEMBERS_WITH_CONTACT}
        WHERE m.id IN (SELECT id FROM members WHERE number = $1
                       UNION ALL SELECT member_id FROM cooperators WHERE number = $1)
          AND coalesce(p.email, c.email) = $2`,
      [number, email],
    )) as { id: string }[];
    return rows.length === 1 ? rows[0].id : null;
  }

  private async count(subject: string) {
    try {
      const [counted] = await this.store.hit([{ subject, windowMs: RECEIVER_MISSES.windowMs }]);
      return counted;
    } catch (error) {
      // Uncounted, numbers could be tried freely: better a moment's wait.
      throw error instanceof RateLimitStoreUnavailable ? rateLimitUnavailable() : error;
    }
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import {
  CAPTCHA_FIELD,
  CaptchaService,
  ProblemException,
  problemType,
  rateLimited,
  rateLimitUnavailable,
  RateLimitStore,
  RateLimitStoreUnavailable,
  type BucketCount,
} from '@tessera/core';

/** Failed sign-ins one client address may make, for any accounts (password spraying). */
export const CLIENT_FAILURES = { limit: 10, windowMs: 10 * 60_000 };
/** Failed sign-ins an account takes before every further attempt needs a solved captcha. */
export const ACCOUNT_FAILURES = { free: 5, windowMs: 15 * 60_000 };

const captchaRequired = () =>
  new ProblemException({
    type: problemType('captcha-required'),
    title: 'Captcha required',
    status: HttpStatus.TOO_MANY_REQUESTS,
    detail: 'This account has had several failed sign-ins. Solve the captcha and sign in again.',
    errors: [{ field: CAPTCHA_FIELD, message: 'Solve the captcha to sign in.' }],
  });

export interface LoginAttempt {
  client: string;
  email: string;
  captcha?: string;
}

/**
 * Bounds password guessing on POST /auth/login, whoever calls (a bearer token buys nothing here).
 * Each attempt is counted up front, per client address and per account, in Redis (atomic, shared
 * by every API process); only attempts that checked a password and found it wrong stay counted,
 * every other one is given back:
 * - a client address over CLIENT_FAILURES gets 429 + Retry-After, whichever e-mails it tries;
 * - an account over ACCOUNT_FAILURES.free is never locked (an attacker could lock its owner out on
 *   purpose); instead each further attempt must carry a solved captcha, i.e. costs proof of work.
 * Without Redis, sign-in answers 503: uncounted guessing is worse than a short outage.
 */
@Injectable()
export class LoginAttempts {
  constructor(
    private readonly store: RateLimitStore,
    private readonly captcha: CaptchaService,
  ) {}

  async run<T>(attempt: LoginAttempt, signIn: () => Promise<T>): Promise<T> {
    const subjects = [`login:client:${attempt.client}`, `login:account:${attempt.email.trim().toLowerCase()}`];
    const [byClient, byAccount] = await this.count(subjects);
    let wrongCredentials = false;
    try {
      if (byClient.count > CLIENT_FAILURES.limit) throw rateLimited(byClient.resetInMs);
      if (byAccount.count > ACCOUNT_FAILURES.free) {
        if (!attempt.captcha) throw captchaRequired();
        await this.captcha.verify(attempt.captcha);
      }
      return await signIn();
    } catch (error) {
      wrongCredentials = error instanceof ProblemException && error.getStatus() === HttpStatus.UNAUTHORIZED;
      throw error;
    } finally {
      // At worst (Redis gone meanwhile) an attempt stays counted that should not have.
      if (!wrongCredentials) await this.store.refund(subjects).catch(() => undefined);
    }
  }

  private async count([client, account]: string[]): Promise<BucketCount[]> {
    try {
      return await this.store.hit([
        { subject: client, windowMs: CLIENT_FAILURES.windowMs },
        { subject: account, windowMs: ACCOUNT_FAILURES.windowMs },
      ]);
    } catch (error) {
      throw error instanceof RateLimitStoreUnavailable ? rateLimitUnavailable() : error;
    }
  }
}

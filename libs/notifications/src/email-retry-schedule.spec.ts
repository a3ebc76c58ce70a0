import { EmailDeferredError, EmailRetrySchedule, retryDelayOf } from './email-retry-schedule';
import { EMAIL_RETRY_DELAYS_MS, emailQueue } from './notifications.queue';

const HOUR = 3_600_000;

describe('the e-mail retry schedule', () => {
  it('backs off like a mail server, from seconds to hours, for more than a day', () => {
    const total = EMAIL_RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0);
    expect(total).toBeGreaterThanOrEqual(24 * HOUR);
    expect(EMAIL_RETRY_DELAYS_MS[0]).toBeLessThanOrEqual(60_000);
    expect(Math.max(...EMAIL_RETRY_DELAYS_MS)).toBeLessThanOrEqual(4 * HOUR);
    expect([...EMAIL_RETRY_DELAYS_MS].sort((a, b) => a - b)).toEqual(EMAIL_RETRY_DELAYS_MS);
  });

  it('gives the e-mail queue one attempt more than waits, and no wait after the last', () => {
    const schedule = new EmailRetrySchedule();
    expect(emailQueue.defaultJobOptions.attempts).toBe(EMAIL_RETRY_DELAYS_MS.length + 1);
    expect(schedule.delayAfter(1)).toBe(EMAIL_RETRY_DELAYS_MS[0]);
    expect(schedule.delayAfter(EMAIL_RETRY_DELAYS_MS.length)).toBe(4 * HOUR);
    expect(schedule.delayAfter(EMAIL_RETRY_DELAYS_MS.length + 1)).toBeNull();
  });

  it("retries after the failed attempt's own wait, else the queue's delay", () => {
    expect(retryDelayOf(3, 'email-retry-schedule', new EmailDeferredError('refused', 120_000))).toBe(120_000);
    const job = { opts: { backoff: { type: 'email-retry-schedule', delay: 500 } } };
    expect(retryDelayOf(3, 'email-retry-schedule', new Error('connection lost'), job as never)).toBe(500);
  });
});

import { EMAIL_QUEUE, SEND_EMAIL_JOB } from './notifications.queue';

/**
 * SQL of e-mails written set-based by another domain's statement (the status sweep), beside the
 * table it writes: what `MailService.send` does for one e-mail, for every row of `source`
 * (columns recipient, template, locale, data jsonb). The caller checks its templates exist
 * (`EmailRenderer.assertExists`) and that recipients are addresses. CTEs `mails` and `mail_jobs`;
 * `now` is the placeholder of the time.
 */
export function queuedEmailsSql(source: string, now: string): string {
  return `
    mails AS (
      INSERT INTO email_messages (recipient, template, locale, data, state, attempts, created_at, updated_at)
      SELECT recipient, template, locale, data, 'queued', 0, ${now}, ${now} FROM ${source}
      RETURNING id),
    mail_jobs AS (
      INSERT INTO outbox_messages (queue, job_name, payload)
      SELECT '${EMAIL_QUEUE}', '${SEND_EMAIL_JOB}', jsonb_build_object('emailId', id) FROM mails)`;
}

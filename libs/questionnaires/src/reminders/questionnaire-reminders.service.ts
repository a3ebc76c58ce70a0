import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, localDateIn, localTimeIn, Transactions, type LocalDate } from '@tessera/core';
import { memberContactSql } from '@tessera/members';
import { EmailRenderer, queuedEmailsSql } from '@tessera/notifications';
import { OrganisationSettingsService } from '@tessera/settings';
import { myQuestionnairesUrl } from '../portal-links';
import { REMINDER_INTERVAL_DAYS } from './questionnaire-reminders.queue';

/**
 * The daily reminders of questionnaires past due, at the organisation's status sweep time (the
 * daily runs' time) in its time zone. One statement marks and e-mails: an assignment is claimed by
 * setting `last_reminded_on` to today only if it was never reminded or not in the last 7 days, so
 * two workers, or two ticks of one day, remind each member once (the second run's UPDATE waits for
 * the first's row locks, then re-checks the condition on the updated row and skips it).
 */
@Injectable()
export class QuestionnaireRemindersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly settings: OrganisationSettingsService,
    private readonly renderer: EmailRenderer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Sends today's reminders if the time has come; how many were sent (null: not yet time). */
  async tick(): Promise<number | null> {
    const { timeZone, statusSweepTime } = await this.settings.billingTerms();
    const now = this.clock.now();
    if (localTimeIn(timeZone, now) < statusSweepTime) return null;
    return this.remind(localDateIn(timeZone, now));
  }

  /** Reminds every live assignment due before `today` not reminded in the last 7 days. */
  async remind(today: LocalDate): Promise<number> {
    this.renderer.assertExists('questionnaire-reminder', 'en');
    const rows = (await this.transactions.manager.query(
      `WITH reminded AS (
         UPDATE questionnaire_assignments a SET last_reminded_on = $1::date
          WHERE a.state <> 'submitted' AND a.due_date < $1::date
            AND (a.last_reminded_on IS NULL OR a.last_reminded_on <= $1::date - ${REMINDER_INTERVAL_DAYS})
         RETURNING a.id, a.questionnaire_id, a.version, a.member_id, a.due_date),
       outgoing AS (
         SELECT contact.email AS recipient, contact.locale, 'questionnaire-reminder' AS template,
                jsonb_build_object('name', contact.name, 'title', v.title ->> contact.locale,
                                   'dueDate', to_char(r.due_date, 'YYYY-MM-DD'), 'url', $3 || '/' || r.id) AS data
           FROM reminded r
           JOIN questionnaire_versions v ON v.questionnaire_id = r.questionnaire_id AND v.version = r.version
           CROSS JOIN LATERAL ${memberContactSql('r.member_id')} contact
          WHERE contact.email IS NOT NULL),
       ${queuedEmailsSql('outgoing', '$2')}
       SELECT count(*)::int AS n FROM reminded`,
      [today, this.clock.now(), myQuestionnairesUrl(this.config)],
    )) as { n: number }[];
    return rows[0].n;
  }
}

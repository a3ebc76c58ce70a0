import { memberContactSql } from '@tessera/members';
import { queuedEmailsSql } from '@tessera/notifications';

/**
 * The statement set that assigns: `source` is SQL of rows (questionnaire_id, version, member_id,
 * due_date); each row becomes a pending assignment unless the member already has that
 * questionnaire to answer (the partial unique index decides, under any concurrency), and each
 * member assigned is e-mailed in their language. Counts the rows offered and those assigned.
 * Placeholders: `origin`, `now` and `url` (the portal's questionnaires page) are the caller's.
 */
export function assignSql(source: string, p: { origin: string; now: string; url: string }): string {
  return `WITH offered AS (${source}),
    inserted AS (
      INSERT INTO questionnaire_assignments (questionnaire_id, version, member_id, state, origin, due_date, assigned_at)
      SELECT questionnaire_id, version, member_id, 'pending', ${p.origin}, due_date, ${p.now} FROM offered
      ON CONFLICT (questionnaire_id, member_id) WHERE state <> 'submitted' DO NOTHING
      RETURNING id, questionnaire_id, version, member_id, due_date),
    outgoing AS (
      SELECT contact.email AS recipient, contact.locale, 'questionnaire-assigned' AS template,
             jsonb_build_object('name', contact.name, 'title', v.title ->> contact.locale,
                                'dueDate', to_char(i.due_date, 'YYYY-MM-DD'),
                                'url', ${p.url} || '/' || i.id) AS data
        FROM inserted i
        JOIN questionnaire_versions v ON v.questionnaire_id = i.questionnaire_id AND v.version = i.version
        CROSS JOIN LATERAL ${memberContactSql('i.member_id')} contact
       WHERE contact.email IS NOT NULL),
    ${queuedEmailsSql('outgoing', p.now)}
    SELECT (SELECT count(*) FROM offered)::int AS offered, (SELECT count(*) FROM inserted)::int AS assigned`;
}

/** The rule's member kind of a member (`members.kind` is person or organisation). */
export const RULE_KIND_SQL = (kind: string) => `(CASE ${kind} WHEN 'person' THEN 'individual' ELSE 'organisation' END)`;

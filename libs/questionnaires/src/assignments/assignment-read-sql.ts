import { isoTimestampSql } from '@tessera/core';

/** A member as an assignment names it: id, name (person's full name or legal name), number. */
const MEMBER_JSON = `(SELECT json_build_object('id', rm.id, 'number', rm.number,
      'name', coalesce((SELECT rp.first_name || ' ' || rp.last_name FROM persons rp WHERE rp.id = rm.person_id),
                       (SELECT ro.legal_name FROM organisations ro WHERE ro.id = rm.organisation_id)))
    FROM members rm WHERE rm.id = a.member_id)`;

/**
 * AssignmentSummaryDto's columns over `questionnaire_assignments a` joined to its version `v`;
 * `today` is the placeholder of the organisation's date (overdue).
 */
export function assignmentSummaryColumns(today: string): string {
  return `a.id, a.questionnaire_id AS "questionnaireId", v.title, ${MEMBER_JSON} AS member, a.state,
    to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
    (a.state <> 'submitted' AND a.due_date < ${today}::date) AS overdue,
    ${isoTimestampSql('a.assigned_at')} AS "assignedAt", ${isoTimestampSql('a.submitted_at')} AS "submittedAt",
    a.version`;
}

/** AssignmentDetailDto's further columns. */
export const ASSIGNMENT_DETAIL_COLUMNS = `v.introduction, v.sections, a.answers,
    ${isoTimestampSql('a.draft_saved_at')} AS "draftSavedAt",
    (SELECT coalesce(json_agg(json_build_object('fileId', f.id, 'filename', f.filename,
              'contentType', f.content_type, 'size', f.size) ORDER BY f.created_at), '[]'::json)
       FROM questionnaire_files f WHERE f.assignment_id = a.id) AS files`;

export const ASSIGNMENT_FROM = `FROM questionnaire_assignments a
  JOIN questionnaire_versions v ON v.questionnaire_id = a.questionnaire_id AND v.version = a.version`;

import type { MemberListFilterContribution } from '@tessera/members';

/** `any`, or a questionnaire's id. */
const ANY_OR_QUESTIONNAIRE_ID = /^(any|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The members list's `pendingQuestionnaire`: members who still owe answers, to any questionnaire or to one. */
export const PENDING_QUESTIONNAIRE_FILTER: MemberListFilterContribution = {
  name: 'pendingQuestionnaire',
  description: 'Only members who still owe answers (not submitted): `any` questionnaire, or the one with this id',
  example: 'any',
  pattern: ANY_OR_QUESTIONNAIRE_ID,
  message: 'must be any or a questionnaire id',
  condition(value, param) {
    const which = value === 'any' ? '' : ` AND qa.questionnaire_id = ${param(value)}`;
    return `EXISTS (SELECT 1 FROM questionnaire_assignments qa
        WHERE qa.member_id = m.id AND qa.state <> 'submitted'${which})`;
  },
};

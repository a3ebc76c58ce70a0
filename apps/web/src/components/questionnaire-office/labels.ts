import type { StatusLook, TagType } from '@/components/common/status-look';
import { translatedLabels } from '@/i18n/labels';
import { activeLocale } from '@/i18n/locale';
import { translate } from '@/i18n/translate';
import { formatDateTime } from '@/utils/format';
import { formatLocalDate } from '@/utils/local-date';
import { QUESTION_KINDS } from './builder-model';
import type { LocalisedText, RuleMemberKind } from './types';

export const QUESTION_KIND_LABELS = translatedLabels('questionnaireOffice.kinds', QUESTION_KINDS);

export const RULE_MEMBER_KINDS: readonly RuleMemberKind[] = ['individual', 'organisation'];
export const RULE_MEMBER_KIND_LABELS = translatedLabels('questionnaireOffice.memberKinds', RULE_MEMBER_KINDS);

/** Where an assignment stands: answered, started (a draft), waiting, or not answered past its due date. */
export type AssignmentLook = 'submitted' | 'draft' | 'pending' | 'overdue';
export const ASSIGNMENT_LOOKS: readonly AssignmentLook[] = ['pending', 'draft', 'submitted', 'overdue'];
export const ASSIGNMENT_LABELS = translatedLabels('questionnaireOffice.assignmentState', ASSIGNMENT_LOOKS);
const ASSIGNMENT_TYPES: Record<AssignmentLook, TagType> = {
  pending: 'info',
  draft: 'info',
  submitted: 'success',
  overdue: 'warning',
};
export const ASSIGNMENT_LOOK: StatusLook<AssignmentLook> = {
  labels: ASSIGNMENT_LABELS,
  types: ASSIGNMENT_TYPES,
  testid: 'assignment-state',
};

export function assignmentLook(assignment: { state: string; overdue: boolean }): AssignmentLook {
  if (assignment.state === 'submitted') return 'submitted';
  if (assignment.overdue) return 'overdue';
  return assignment.state === 'draft' ? 'draft' : 'pending';
}

/** A text in the SPA's language, or the other one when that is empty. */
export function localised(text: LocalisedText | null | undefined): string {
  if (!text) return '';
  const mine = activeLocale.value === 'fr' ? text.fr : text.en;
  return mine || text.en || text.fr;
}

/** "Answered Mar 3, 2026, 10:05", "Due Apr 1, 2026" or "No due date". */
export function assignmentWhen(assignment: { submittedAt: string | null; dueDate: string | null }): string {
  if (assignment.submittedAt)
    return translate('questionnaireOffice.assignments.submittedOn', { date: formatDateTime(assignment.submittedAt) });
  return assignment.dueDate
    ? translate('questionnaireOffice.assignments.dueOn', { date: formatLocalDate(assignment.dueDate) })
    : translate('questionnaireOffice.assignments.noDueDate');
}

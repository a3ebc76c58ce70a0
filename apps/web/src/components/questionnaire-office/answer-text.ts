import { activeLocale } from '@/i18n/locale';
import { translate } from '@/i18n/translate';
import { formatLocalDate } from '@/utils/local-date';
import { localised } from './labels';
import type { AnswerValue, Question, QuestionnaireSection } from './types';

/** Shown when it has no condition, or the question it depends on is shown and has the value (as the API decides). */
export function visibleQuestions(
  sections: readonly QuestionnaireSection[],
  answers: Record<string, AnswerValue>,
): Set<string> {
  const visible = new Set<string>();
  for (const question of sections.flatMap((section) => section.questions)) {
    const condition = question.showIf;
    if (!condition) {
      visible.add(question.key);
      continue;
    }
    const answer = answers[condition.questionKey];
    const met = Array.isArray(answer) ? answer.includes(condition.equals as string) : answer === condition.equals;
    if (visible.has(condition.questionKey) && met) visible.add(question.key);
  }
  return visible;
}

function optionLabel(question: Question, value: string): string {
  const option = question.options?.find((item) => item.value === value);
  return option ? localised(option.label) : value;
}

/** An answer as a reader sees it, in the SPA's language; null when there is none. */
export function answerText(question: Question, answer: AnswerValue | undefined): string | null {
  if (answer === undefined || answer === null || answer === '') return null;
  switch (question.kind) {
    case 'single-choice':
      return optionLabel(question, String(answer));
    case 'multiple-choice':
      return Array.isArray(answer) && answer.length
        ? answer.map((value) => optionLabel(question, value)).join(', ')
        : null;
    case 'yes-no':
      return translate(answer === true ? 'questionnaireOffice.answers.yes' : 'questionnaireOffice.answers.no');
    case 'date':
      return formatLocalDate(String(answer));
    case 'number':
      return typeof answer === 'number' ? new Intl.NumberFormat(activeLocale.value).format(answer) : String(answer);
    default:
      return String(answer);
  }
}

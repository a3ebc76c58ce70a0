import type { AppLocale } from '@/i18n/locale';
import type { AnswerMap, AnswerValue, Localised, QuestionnaireSection } from './types';

/** A text in the reader's language (English when a translation is missing). */
export function inLocale(text: Localised | null | undefined, locale: AppLocale): string {
  if (!text) return '';
  return text[locale] || text.en;
}

const isEmpty = (value: AnswerValue | null | undefined) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * The questions shown for these answers, as the API decides on submit: a question with a
 * condition shows when the question it names is shown and answered with the value (for multiple
 * choice: among those chosen).
 */
export function visibleKeys(sections: readonly QuestionnaireSection[], answers: AnswerMap): Set<string> {
  const visible = new Set<string>();
  for (const question of sections.flatMap((section) => section.questions)) {
    const condition = question.showIf;
    if (!condition) {
      visible.add(question.key);
      continue;
    }
    if (!visible.has(condition.questionKey)) continue;
    const answer = answers[condition.questionKey];
    const shown = Array.isArray(answer)
      ? answer.includes(condition.equals as string)
      : answer === (condition.equals as AnswerValue);
    if (shown) visible.add(question.key);
  }
  return visible;
}

/** What is sent: the answered questions only (an empty answer is no answer). */
export function answersToSend(answers: AnswerMap): Record<string, AnswerValue> {
  const sent: Record<string, AnswerValue> = {};
  for (const [key, value] of Object.entries(answers)) if (!isEmpty(value)) sent[key] = value as AnswerValue;
  return sent;
}

/** `answers.<key>` server field errors → the question key they name. */
export function questionKeyOf(field: string): string | null {
  return field.startsWith('answers.') ? field.slice('answers.'.length) : null;
}

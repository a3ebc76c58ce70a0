import { CHOICE_KINDS, type Question, type Section } from './questionnaire-content';

/**
 * The content as stored: every optional field present (null when not set), options only on
 * choices and a range only on numbers, and nothing a client added. Stored and served alike.
 */
export function normaliseSections(sections: readonly Section[]): Section[] {
  return sections.map((section) => ({
    key: section.key,
    title: localised(section.title),
    questions: section.questions.map(normaliseQuestion),
  }));
}

function normaliseQuestion(question: Question): Question {
  const choice = CHOICE_KINDS.includes(question.kind);
  const number = question.kind === 'number';
  return {
    key: question.key,
    kind: question.kind,
    label: localised(question.label),
    help: question.help ? localised(question.help) : null,
    required: question.required,
    options: choice
      ? (question.options ?? []).map((option) => ({ value: option.value, label: localised(option.label) }))
      : [],
    min: number ? (question.min ?? null) : null,
    max: number ? (question.max ?? null) : null,
    showIf: question.showIf ? { questionKey: question.showIf.questionKey, equals: question.showIf.equals } : null,
  };
}

function localised(text: { en: string; fr: string }): { en: string; fr: string } {
  return { en: text.en, fr: text.fr };
}

import type { FieldErrorDto } from '@tessera/core';
import { CHOICE_KINDS, questionsOf, type Question, type Section } from './questionnaire-content';

/**
 * What the DTO's field rules cannot see: keys unique across the questionnaire, options exactly
 * for choice questions (unique values), min ≤ max only for numbers, and a condition that names
 * an EARLIER question and a value that question can take. Field names follow the request body.
 */
export function contentErrors(sections: readonly Section[]): FieldErrorDto[] {
  const errors: FieldErrorDto[] = [];
  const sectionKeys = new Set<string>();
  const earlier = new Map<string, Question>();
  const allKeys = new Set(questionsOf(sections).map((question) => question.key));
  sections.forEach((section, s) => {
    if (sectionKeys.has(section.key))
      errors.push({ field: `sections[${s}].key`, message: `"${section.key}" is used by another section` });
    sectionKeys.add(section.key);
    section.questions.forEach((question, q) => {
      const at = `sections[${s}].questions[${q}]`;
      if (earlier.has(question.key))
        errors.push({ field: `${at}.key`, message: `"${question.key}" is used by another question` });
      errors.push(...optionErrors(question, at), ...rangeErrors(question, at));
      if (question.showIf) errors.push(...conditionErrors(question, at, earlier, allKeys));
      earlier.set(question.key, question);
    });
  });
  return errors;
}

function optionErrors(question: Question, at: string): FieldErrorDto[] {
  const options = question.options ?? [];
  if (!CHOICE_KINDS.includes(question.kind))
    return options.length > 0 ? [{ field: `${at}.options`, message: `only choice questions have options` }] : [];
  if (options.length < 2) return [{ field: `${at}.options`, message: 'a choice question needs at least 2 options' }];
  const seen = new Set<string>();
  const errors: FieldErrorDto[] = [];
  options.forEach((option, o) => {
    if (seen.has(option.value))
      errors.push({ field: `${at}.options[${o}].value`, message: `"${option.value}" is used by another option` });
    seen.add(option.value);
  });
  return errors;
}

function rangeErrors(question: Question, at: string): FieldErrorDto[] {
  const min = question.min ?? null;
  const max = question.max ?? null;
  if (question.kind !== 'number')
    return min !== null || max !== null ? [{ field: `${at}.min`, message: 'only number questions have a range' }] : [];
  return min !== null && max !== null && min > max ? [{ field: `${at}.max`, message: 'must be at least min' }] : [];
}

function conditionErrors(
  question: Question,
  at: string,
  earlier: Map<string, Question>,
  allKeys: Set<string>,
): FieldErrorDto[] {
  const { questionKey, equals } = question.showIf!;
  const field = `${at}.showIf.questionKey`;
  const target = earlier.get(questionKey);
  if (!target)
    return [
      {
        field,
        message: allKeys.has(questionKey)
          ? `"${questionKey}" must come before this question`
          : `no question has the key "${questionKey}"`,
      },
    ];
  const expected = conditionValueProblem(target, equals);
  return expected ? [{ field: `${at}.showIf.equals`, message: expected }] : [];
}

/** Why `equals` is not a value the question can take (null if it is). */
function conditionValueProblem(target: Question, equals: unknown): string | null {
  switch (target.kind) {
    case 'yes-no':
      return typeof equals === 'boolean' ? null : `"${target.key}" is a yes/no question: must be true or false`;
    case 'number':
      return typeof equals === 'number' ? null : `"${target.key}" is a number question: must be a number`;
    case 'single-choice':
    case 'multiple-choice':
      return (target.options ?? []).some((option) => option.value === equals)
        ? null
        : `must be one of the options of "${target.key}"`;
    case 'file':
      return `a condition cannot depend on a file question`;
    default:
      return typeof equals === 'string' ? null : `"${target.key}" is a text question: must be a string`;
  }
}

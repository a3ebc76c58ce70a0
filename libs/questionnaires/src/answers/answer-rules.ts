import type { FieldErrorDto } from '@tessera/core';
import { questionsOf, type Question, type Section } from '../content/questionnaire-content';

export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

export const MAX_SHORT_TEXT = 500;
export const MAX_LONG_TEXT = 10_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AnswerCheck {
  /** The answers kept: known, visible questions, values cleaned (text trimmed); empty ones dropped. */
  answers: Answers;
  /** `answers.<questionKey>` for each refused answer, with its `code`. */
  errors: FieldErrorDto[];
}

/**
 * Checks answers against a version's questions. A draft may be incomplete (only the values given
 * are checked) and keeps what the member wrote even under a question a condition now hides; a
 * submission needs every visible required question, and the answers of hidden questions are
 * dropped (a hidden question is never required). `fileIds`: files uploaded for this assignment.
 */
export function checkAnswers(
  sections: readonly Section[],
  given: Record<string, unknown>,
  mode: 'draft' | 'submit',
  fileIds: ReadonlySet<string> = new Set(),
): AnswerCheck {
  const questions = questionsOf(sections);
  const known = new Set(questions.map((question) => question.key));
  const errors: FieldErrorDto[] = Object.keys(given)
    .filter((key) => !known.has(key))
    .map((key) => ({
      field: `answers.${key}`,
      message: 'is not a question of this questionnaire',
      code: 'unknownQuestion',
    }));
  const answers: Answers = {};
  const visible = new Set<string>();
  for (const question of questions) {
    const shown = isShown(question, answers, visible);
    if (shown) visible.add(question.key);
    const raw = given[question.key];
    if (isEmpty(raw)) {
      if (mode === 'submit' && shown && question.required)
        errors.push({ field: `answers.${question.key}`, message: 'is required', code: 'required' });
      continue;
    }
    const checked = checkValue(question, raw, fileIds);
    if ('code' in checked) errors.push({ field: `answers.${question.key}`, ...checked });
    else if (shown || mode === 'draft') answers[question.key] = checked.value;
  }
  return { answers, errors };
}

/** Shown when it has no condition, or its question is shown and answered with the value. */
export function isShown(question: Question, answers: Answers, visible: ReadonlySet<string>): boolean {
  if (!question.showIf) return true;
  const { questionKey, equals } = question.showIf;
  if (!visible.has(questionKey)) return false;
  const answer = answers[questionKey];
  return Array.isArray(answer) ? answer.includes(equals as string) : answer === equals;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** A refused answer: `code` lets clients word it themselves (the portal does, in its language). */
interface Refusal {
  code: AnswerErrorCode;
  message: string;
}

export type AnswerErrorCode =
  | 'unknownQuestion'
  | 'required'
  | 'text'
  | 'tooLong'
  | 'option'
  | 'options'
  | 'number'
  | 'min'
  | 'max'
  | 'date'
  | 'yesNo'
  | 'file';

const refuse = (code: AnswerErrorCode, message: string): Refusal => ({ code, message });

/** The cleaned value, or why it is refused. */
function checkValue(question: Question, raw: unknown, fileIds: ReadonlySet<string>): { value: AnswerValue } | Refusal {
  const options = new Set((question.options ?? []).map((option) => option.value));
  switch (question.kind) {
    case 'short-text':
    case 'long-text': {
      if (typeof raw !== 'string') return refuse('text', 'must be text');
      const max = question.kind === 'short-text' ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
      const text = raw.trim();
      return text.length > max ? refuse('tooLong', `must be at most ${max} characters`) : { value: text };
    }
    case 'single-choice':
      return typeof raw === 'string' && options.has(raw)
        ? { value: raw }
        : refuse('option', 'must be one of the options');
    case 'multiple-choice': {
      if (!Array.isArray(raw) || raw.some((value) => typeof value !== 'string' || !options.has(value)))
        return refuse('options', 'must be a list of options');
      const values = raw as string[];
      if (new Set(values).size !== values.length) return refuse('options', 'must not repeat an option');
      return { value: values };
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return refuse('number', 'must be a number');
      if (question.min != null && raw < question.min) return refuse('min', `must be at least ${question.min}`);
      if (question.max != null && raw > question.max) return refuse('max', `must be at most ${question.max}`);
      return { value: raw };
    }
    case 'date':
      return typeof raw === 'string' && isRealDate(raw)
        ? { value: raw }
        : refuse('date', 'must be a date written YYYY-MM-DD');
    case 'yes-no':
      return typeof raw === 'boolean' ? { value: raw } : refuse('yesNo', 'must be yes (true) or no (false)');
    case 'file':
      return typeof raw === 'string' && UUID.test(raw) && fileIds.has(raw.toLowerCase())
        ? { value: raw.toLowerCase() }
        : refuse('file', 'must be the id of a file uploaded for this questionnaire');
  }
}

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

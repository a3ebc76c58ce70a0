import type { Question, Section } from '../content/questionnaire-content';

const text = (en: string) => ({ en, fr: `${en} (fr)` });

/** A question with the defaults the API stores. */
export function question(key: string, kind: Question['kind'], extra: Partial<Question> = {}): Question {
  return {
    key,
    kind,
    label: text(key),
    help: null,
    required: false,
    options: [],
    min: null,
    max: null,
    showIf: null,
    ...extra,
  };
}

export const options = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));

/** A company section: has employees (yes/no) → how many (shown only on yes, required), and a sector. */
export function companySections(): Section[] {
  return [
    {
      key: 'company',
      title: text('Company'),
      questions: [
        question('has-employees', 'yes-no', { required: true }),
        question('employees', 'number', {
          required: true,
          min: 1,
          max: 10000,
          showIf: { questionKey: 'has-employees', equals: true },
        }),
        question('sector', 'single-choice', { required: true, options: options('food', 'retail', 'other') }),
        question('sector-other', 'short-text', { required: true, showIf: { questionKey: 'sector', equals: 'other' } }),
      ],
    },
    {
      key: 'more',
      title: text('More'),
      questions: [
        question('founded', 'date'),
        question('channels', 'multiple-choice', { options: options('web', 'shop', 'market') }),
        question('web-address', 'short-text', { required: true, showIf: { questionKey: 'channels', equals: 'web' } }),
        question('notes', 'long-text'),
        question('statutes', 'file'),
      ],
    },
  ];
}

import { answersToSend, inLocale, questionKeyOf, visibleKeys } from './questionnaire-logic';
import type { Question, QuestionnaireSection } from './types';

const text = (en: string) => ({ en, fr: `${en} FR` });
const question = (key: string, kind: Question['kind'], showIf: Question['showIf'] = null): Question => ({
  key,
  kind,
  label: text(key),
  help: null,
  required: true,
  showIf,
});

const sections: QuestionnaireSection[] = [
  {
    key: 's',
    title: text('S'),
    questions: [
      question('has-staff', 'yes-no'),
      question('staff', 'number', { questionKey: 'has-staff', equals: true }),
      question('over-ten', 'yes-no', { questionKey: 'staff', equals: 11 }),
      question('channels', 'multiple-choice'),
      question('url', 'short-text', { questionKey: 'channels', equals: 'web' }),
    ],
  },
];

describe('visibleKeys', () => {
  it('shows a conditional question only when the earlier answer matches', () => {
    expect([...visibleKeys(sections, {})]).toEqual(['has-staff', 'channels']);
    expect([...visibleKeys(sections, { 'has-staff': true, channels: ['shop', 'web'] })]).toEqual([
      'has-staff',
      'staff',
      'channels',
      'url',
    ]);
  });

  it('hides a question whose condition names a hidden question', () => {
    expect(visibleKeys(sections, { 'has-staff': false, staff: 11 }).has('over-ten')).toBe(false);
    expect(visibleKeys(sections, { 'has-staff': true, staff: 11 }).has('over-ten')).toBe(true);
  });
});

describe('answersToSend', () => {
  it('leaves out unanswered questions', () => {
    expect(answersToSend({ a: null, b: '', c: [], d: 0, e: false, f: 'x' })).toEqual({ d: 0, e: false, f: 'x' });
  });
});

describe('inLocale and questionKeyOf', () => {
  it('reads the reader’s language and the question of a field error', () => {
    expect(inLocale(text('Hello'), 'fr')).toBe('Hello FR');
    expect(inLocale({ en: 'Hello', fr: '' }, 'fr')).toBe('Hello');
    expect(questionKeyOf('answers.has-staff')).toBe('has-staff');
    expect(questionKeyOf('answers')).toBeNull();
  });
});

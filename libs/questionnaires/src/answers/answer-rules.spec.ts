import { companySections } from '../test/sample-content';
import { checkAnswers, MAX_SHORT_TEXT } from './answer-rules';

const FILE_ID = '3f1c7c1e-8a2b-4c3d-9e4f-5a6b7c8d9e0f';

describe('checkAnswers', () => {
  const sections = companySections();

  describe('on submit', () => {
    it('accepts complete answers and keeps them cleaned', () => {
      const result = checkAnswers(
        sections,
        { 'has-employees': true, employees: 12, sector: 'food', notes: '  hello  ', founded: '2020-02-29' },
        'submit',
      );
      expect(result.errors).toEqual([]);
      expect(result.answers).toEqual({
        'has-employees': true,
        employees: 12,
        sector: 'food',
        notes: 'hello',
        founded: '2020-02-29',
      });
    });

    it('names every missing required question that is shown', () => {
      const result = checkAnswers(sections, { 'has-employees': true }, 'submit');
      expect(result.errors).toEqual([
        { field: 'answers.employees', message: 'is required', code: 'required' },
        { field: 'answers.sector', message: 'is required', code: 'required' },
      ]);
    });

    it('does not require a question its condition hides, and drops its answer', () => {
      const result = checkAnswers(sections, { 'has-employees': false, employees: 5, sector: 'retail' }, 'submit');
      expect(result.errors).toEqual([]);
      expect(result.answers).toEqual({ 'has-employees': false, sector: 'retail' });
    });

    it('requires a conditional question once its condition holds (single choice)', () => {
      const result = checkAnswers(sections, { 'has-employees': false, sector: 'other' }, 'submit');
      expect(result.errors).toEqual([{ field: 'answers.sector-other', message: 'is required', code: 'required' }]);
    });

    it('shows a question whose condition is one of the options chosen in a multiple choice', () => {
      const shown = checkAnswers(
        sections,
        { 'has-employees': false, sector: 'food', channels: ['shop', 'web'] },
        'submit',
      );
      expect(shown.errors).toEqual([{ field: 'answers.web-address', message: 'is required', code: 'required' }]);
      const hidden = checkAnswers(sections, { 'has-employees': false, sector: 'food', channels: ['shop'] }, 'submit');
      expect(hidden.errors).toEqual([]);
    });

    it('treats empty text and empty lists as missing', () => {
      const result = checkAnswers(sections, { 'has-employees': '  ', sector: [] }, 'submit');
      expect(result.errors.map((error) => error.field)).toEqual(['answers.has-employees', 'answers.sector']);
    });

    it('hides a question whose condition depends on a hidden question', () => {
      const chained = [
        {
          ...sections[0],
          questions: [
            ...sections[0].questions,
            {
              ...sections[0].questions[3],
              key: 'other-detail',
              showIf: { questionKey: 'employees', equals: 3 },
            },
          ],
        },
      ];
      const result = checkAnswers(chained, { 'has-employees': false, employees: 3, sector: 'food' }, 'submit');
      expect(result.errors).toEqual([]);
    });
  });

  describe('kinds', () => {
    it.each([
      ['has-employees', 'yes', 'must be yes (true) or no (false)'],
      ['employees', '12', 'must be a number'],
      ['employees', 0, 'must be at least 1'],
      ['employees', 10001, 'must be at most 10000'],
      ['sector', 'banking', 'must be one of the options'],
      ['channels', 'web', 'must be a list of options'],
      ['channels', ['web', 'moon'], 'must be a list of options'],
      ['channels', ['web', 'web'], 'must not repeat an option'],
      ['founded', '2021-02-29', 'must be a date written YYYY-MM-DD'],
      ['founded', '01/02/2020', 'must be a date written YYYY-MM-DD'],
      ['notes', 42, 'must be text'],
      ['sector-other', 'x'.repeat(MAX_SHORT_TEXT + 1), `must be at most ${MAX_SHORT_TEXT} characters`],
      ['statutes', FILE_ID, 'must be the id of a file uploaded for this questionnaire'],
      ['statutes', 'not-an-id', 'must be the id of a file uploaded for this questionnaire'],
    ])('refuses %s = %j: %s', (key, value, message) => {
      const result = checkAnswers(sections, { 'has-employees': true, sector: 'other', [key]: value }, 'draft');
      expect(result.errors).toEqual([{ field: `answers.${key}`, message, code: expect.any(String) }]);
    });

    it('accepts a file uploaded for the assignment', () => {
      const result = checkAnswers(sections, { statutes: FILE_ID.toUpperCase() }, 'draft', new Set([FILE_ID]));
      expect(result).toEqual({ answers: { statutes: FILE_ID }, errors: [] });
    });

    it('refuses answers to questions the version does not have', () => {
      const result = checkAnswers(sections, { colour: 'blue' }, 'draft');
      expect(result.errors).toEqual([
        { field: 'answers.colour', message: 'is not a question of this questionnaire', code: 'unknownQuestion' },
      ]);
    });
  });

  describe('drafts', () => {
    it('need no required answer and keep answers a condition now hides', () => {
      const result = checkAnswers(sections, { 'has-employees': false, employees: 4 }, 'draft');
      expect(result).toEqual({ answers: { 'has-employees': false, employees: 4 }, errors: [] });
    });
  });
});

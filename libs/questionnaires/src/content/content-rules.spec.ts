import { companySections, options, question } from '../test/sample-content';
import { contentErrors } from './content-rules';

const text = { en: 'A', fr: 'A' };

describe('contentErrors', () => {
  it('accepts well-formed content with conditions on earlier questions', () => {
    expect(contentErrors(companySections())).toEqual([]);
  });

  it('refuses a condition on a later question, or on no question', () => {
    const sections = [
      {
        key: 's',
        title: text,
        questions: [
          question('a', 'short-text', { showIf: { questionKey: 'b', equals: 'x' } }),
          question('b', 'short-text'),
          question('c', 'short-text', { showIf: { questionKey: 'zzz', equals: 'x' } }),
          question('d', 'short-text', { showIf: { questionKey: 'd', equals: 'x' } }),
        ],
      },
    ];
    expect(contentErrors(sections)).toEqual([
      { field: 'sections[0].questions[0].showIf.questionKey', message: '"b" must come before this question' },
      { field: 'sections[0].questions[2].showIf.questionKey', message: 'no question has the key "zzz"' },
      { field: 'sections[0].questions[3].showIf.questionKey', message: '"d" must come before this question' },
    ]);
  });

  it('refuses a condition value the question cannot take', () => {
    const sections = [
      {
        key: 's',
        title: text,
        questions: [
          question('yes', 'yes-no'),
          question('pick', 'single-choice', { options: options('a', 'b') }),
          question('n', 'number'),
          question('f', 'file'),
          question('q1', 'short-text', { showIf: { questionKey: 'yes', equals: 'true' } }),
          question('q2', 'short-text', { showIf: { questionKey: 'pick', equals: 'c' } }),
          question('q3', 'short-text', { showIf: { questionKey: 'n', equals: '3' } }),
          question('q4', 'short-text', { showIf: { questionKey: 'f', equals: 'x' } }),
        ],
      },
    ];
    expect(contentErrors(sections).map((error) => error.field)).toEqual([
      'sections[0].questions[4].showIf.equals',
      'sections[0].questions[5].showIf.equals',
      'sections[0].questions[6].showIf.equals',
      'sections[0].questions[7].showIf.equals',
    ]);
  });

  it('refuses keys used twice, across sections too', () => {
    const sections = [
      { key: 's', title: text, questions: [question('a', 'short-text')] },
      { key: 's', title: text, questions: [question('a', 'long-text')] },
    ];
    expect(contentErrors(sections)).toEqual([
      { field: 'sections[1].key', message: '"s" is used by another section' },
      { field: 'sections[1].questions[0].key', message: '"a" is used by another question' },
    ]);
  });

  it('wants options exactly on choices, unique, at least two', () => {
    const sections = [
      {
        key: 's',
        title: text,
        questions: [
          question('a', 'single-choice', { options: options('x') }),
          question('b', 'multiple-choice', { options: options('x', 'x') }),
          question('c', 'short-text', { options: options('x', 'y') }),
        ],
      },
    ];
    expect(contentErrors(sections)).toEqual([
      { field: 'sections[0].questions[0].options', message: 'a choice question needs at least 2 options' },
      { field: 'sections[0].questions[1].options[1].value', message: '"x" is used by another option' },
      { field: 'sections[0].questions[2].options', message: 'only choice questions have options' },
    ]);
  });

  it('wants a range only on numbers, min not above max', () => {
    const sections = [
      {
        key: 's',
        title: text,
        questions: [question('a', 'number', { min: 5, max: 1 }), question('b', 'date', { min: 1 })],
      },
    ];
    expect(contentErrors(sections)).toEqual([
      { field: 'sections[0].questions[0].max', message: 'must be at least min' },
      { field: 'sections[0].questions[1].min', message: 'only number questions have a range' },
    ]);
  });
});

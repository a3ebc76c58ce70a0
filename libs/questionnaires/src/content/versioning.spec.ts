import { companySections } from '../test/sample-content';
import type { QuestionnaireContent } from './questionnaire-content';
import { contentEdit, sameContent } from './versioning';

const content = (): QuestionnaireContent => ({
  title: { en: 'Survey', fr: 'Enquête' },
  introduction: { en: 'Hi', fr: 'Salut' },
  sections: companySections(),
});

describe('contentEdit', () => {
  it('changes nothing when the content is the same (whatever the key order)', () => {
    const original = content();
    const reordered: QuestionnaireContent = {
      sections: original.sections.map((section) => ({
        questions: section.questions.map((question) => Object.fromEntries(Object.entries(question).reverse()) as never),
        title: { fr: section.title.fr, en: section.title.en },
        key: section.key,
      })),
      introduction: original.introduction,
      title: original.title,
    };
    expect(sameContent(content(), reordered)).toBe(true);
    expect(contentEdit(content(), reordered, true)).toBe('none');
  });

  it('rewrites the current version while nobody has answered it', () => {
    const next = { ...content(), title: { en: 'Survey 2026', fr: 'Enquête 2026' } };
    expect(contentEdit(content(), next, false)).toBe('in-place');
  });

  it('makes a new version once someone has answered (a draft counts)', () => {
    const next = content();
    next.sections[0].questions[0].required = false;
    expect(contentEdit(content(), next, true)).toBe('new-version');
  });
});

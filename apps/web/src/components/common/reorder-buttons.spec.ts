import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n, type I18nOptions } from 'vue-i18n';
import { reorderButtons, type ReorderPlace } from './reorder-buttons';

/** The SPA's own messages of the namespaces the lists use, in both languages. */
function messages(lang: 'en' | 'fr') {
  const read = (namespace: string): unknown =>
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'i18n', 'locales', lang, `${namespace}.json`), 'utf8'));
  return { common: read('common'), questionnaireOffice: read('questionnaireOffice'), approvals: read('approvals') };
}

const i18n = createI18n({
  legacy: false as const,
  locale: 'en',
  messages: { en: messages('en'), fr: messages('fr') } as I18nOptions['messages'],
});
const t = (key: string, values: Record<string, unknown> = {}) => i18n.global.t(key, values);

function place(overrides: Partial<ReorderPlace> = {}): ReorderPlace {
  return { item: 'question 3', first: false, last: false, removable: true, testid: 'question', ...overrides };
}

describe('reorderButtons', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en';
  });

  it('gives up, down and remove in that order, each with its test id, all enabled mid-list', () => {
    expect(reorderButtons(place(), t)).toEqual([
      { action: 'up', label: 'Move question 3 up', testid: 'question-up', disabled: false },
      { action: 'down', label: 'Move question 3 down', testid: 'question-down', disabled: false },
      { action: 'remove', label: 'Remove question 3', testid: 'question-remove', disabled: false },
    ]);
  });

  it('cannot move the first row up nor the last one down; a row the list must keep cannot go', () => {
    const disabled = (overrides: Partial<ReorderPlace>) =>
      reorderButtons(place(overrides), t).map((button) => button.disabled);
    expect(disabled({ first: true })).toEqual([true, false, false]);
    expect(disabled({ last: true })).toEqual([false, true, false]);
    expect(disabled({ first: true, last: true, removable: false })).toEqual([true, true, true]);
  });

  it('names each kind of row as before, in English and in French', () => {
    const labels = (itemKey: string) =>
      reorderButtons(place({ item: t(itemKey, { number: 2 }) }), t).map((button) => button.label);
    const items = [
      'questionnaireOffice.builder.sectionItem',
      'questionnaireOffice.builder.questionItem',
      'questionnaireOffice.builder.optionItem',
      'approvals.flowLevel.item',
    ];
    expect(items.map(labels)).toEqual([
      ['Move section 2 up', 'Move section 2 down', 'Remove section 2'],
      ['Move question 2 up', 'Move question 2 down', 'Remove question 2'],
      ['Move option 2 up', 'Move option 2 down', 'Remove option 2'],
      ['Move level 2 up', 'Move level 2 down', 'Remove level 2'],
    ]);

    i18n.global.locale.value = 'fr';
    expect(items.map(labels)).toEqual([
      ['Monter la section 2', 'Descendre la section 2', 'Supprimer la section 2'],
      ['Monter la question 2', 'Descendre la question 2', 'Supprimer la question 2'],
      ['Monter l’option 2', 'Descendre l’option 2', 'Supprimer l’option 2'],
      ['Monter le niveau 2', 'Descendre le niveau 2', 'Supprimer le niveau 2'],
    ]);
  });
});

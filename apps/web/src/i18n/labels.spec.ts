import { createI18n } from 'vue-i18n';
import { translatedLabels } from './labels';

// The app's instance loads its files through Vite (import.meta.glob); a small one stands in.
jest.mock('./index', () => ({
  i18n: createI18n({
    legacy: false,
    locale: 'en',
    messages: {
      en: { demo: { status: { open: 'Open', closed: 'Closed' } } },
      fr: { demo: { status: { open: 'Ouverte', closed: 'Fermée' } } },
    },
  }),
}));

describe('translatedLabels', () => {
  it('reads each label in the language of the moment, not the one it was made in', () => {
    const { i18n } = jest.requireMock<{ i18n: { global: { locale: { value: string } } } }>('./index');
    const labels = translatedLabels('demo.status', ['open', 'closed'] as const);
    expect({ ...labels }).toEqual({ open: 'Open', closed: 'Closed' });

    i18n.global.locale.value = 'fr';
    expect(labels.open).toBe('Ouverte');
    expect(Object.keys(labels)).toEqual(['open', 'closed']);
  });
});

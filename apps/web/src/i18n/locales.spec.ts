import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LOCALES } from './locale';

const root = join(__dirname, 'locales');

function messages(lang: string): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(join(root, lang))
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(root, lang, file), 'utf8'))]),
  );
}

describe('SPA messages', () => {
  const [reference, ...others] = SUPPORTED_LOCALES;
  const referenceKeys = Object.keys(flatten(messages(reference))).sort();

  it.each(others)('has every English key in %s, and no key English lacks', (lang) => {
    const keys = Object.keys(flatten(messages(lang))).sort();
    expect({
      missing: referenceKeys.filter((key) => !keys.includes(key)),
      extra: keys.filter((key) => !referenceKeys.includes(key)),
    }).toEqual({ missing: [], extra: [] });
  });

  it.each(SUPPORTED_LOCALES)('has no empty message in %s', (lang) => {
    const empty = Object.entries(flatten(messages(lang))).filter(
      ([, value]) => typeof value !== 'string' || value.trim() === '',
    );
    expect(empty).toEqual([]);
  });

  it('has the same namespaces in every language', () => {
    const files = (lang: string) => readdirSync(join(root, lang)).sort();
    for (const lang of others) expect(files(lang)).toEqual(files(reference));
  });
});

/** Every leaf message, by its dotted key ("office.menu.members"). */
function flatten(tree: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(flatten(value as Record<string, unknown>, path))
        : [[path, value]];
    }),
  );
}

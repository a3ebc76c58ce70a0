import { activeLocale } from '@/i18n/locale';
import { formatBytes } from './files';

describe('formatBytes', () => {
  afterEach(() => {
    activeLocale.value = 'en';
  });

  it('spells bytes out and abbreviates larger units, in English', () => {
    activeLocale.value = 'en';
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(525)).toBe('525 bytes');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MB');
  });

  it('in French (its spaces are no-break spaces)', () => {
    activeLocale.value = 'fr';
    const plain = (bytes: number) => formatBytes(bytes).replace(/\s/gu, ' ');
    expect(plain(525)).toBe('525 octets');
    expect(plain(1536)).toBe('1,5 ko');
    expect(plain(3 * 1024 * 1024)).toBe('3 Mo');
  });
});

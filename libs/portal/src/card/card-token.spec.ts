import { randomUUID } from 'node:crypto';
import { cardTokenKey, readCardToken, signCardToken } from './card-token';

describe('card tokens', () => {
  const key = cardTokenKey('a secret of the app, long enough for tests');
  const id = randomUUID();

  it('names the card it was signed for, in 43 URL-safe characters', () => {
    const token = signCardToken(id, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readCardToken(token, key)).toBe(id);
    expect(signCardToken(id, key)).toBe(token);
  });

  it('refuses a token signed with another key, altered, cut short or made up', () => {
    const token = signCardToken(id, key);
    expect(readCardToken(signCardToken(id, cardTokenKey('another secret of another app')), key)).toBeNull();
    const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    expect(readCardToken(flipped, key)).toBeNull();
    expect(readCardToken(token.slice(0, 42), key)).toBeNull();
    expect(readCardToken(`${token}A`, key)).toBeNull();
    expect(readCardToken('not a token at all', key)).toBeNull();
    expect(readCardToken('', key)).toBeNull();
  });

  it('cannot be moved to another card: the signature covers the id', () => {
    const other = randomUUID();
    const forged = Buffer.concat([
      Buffer.from(other.replace(/-/g, ''), 'hex'),
      Buffer.from(signCardToken(id, key), 'base64url').subarray(16),
    ]).toString('base64url');
    expect(readCardToken(forged, key)).toBeNull();
  });
});

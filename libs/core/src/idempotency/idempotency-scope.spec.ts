import type { Principal } from '../auth/principal';
import { ProblemException } from '../errors/problem';
import { idempotencyKeyOf, idempotencyScope } from './idempotency-scope';

describe('idempotencyKeyOf', () => {
  it('reads the header, or nothing when it is not sent', () => {
    expect(idempotencyKeyOf({ 'idempotency-key': '3f0c6a1e-7b1f-4c55-9d3e-2a8c1d2e9f10' })).toBe(
      '3f0c6a1e-7b1f-4c55-9d3e-2a8c1d2e9f10',
    );
    expect(idempotencyKeyOf({ 'idempotency-key': ' ~'.repeat(127) + 'x' })).toHaveLength(255);
    expect(idempotencyKeyOf({})).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['not ASCII', 'clé'],
    ['a control character', 'a\tb'],
    ['repeated', ['a', 'b']],
  ])('refuses a key that is %s with a 400 problem', (_, key) => {
    try {
      idempotencyKeyOf({ 'idempotency-key': key });
      throw new Error('expected a problem');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      expect((error as ProblemException).problem).toMatchObject({
        status: 400,
        type: 'urn:tessera:problem:invalid-idempotency-key',
      });
    }
  });
});

describe('idempotencyScope', () => {
  it('scopes keys by principal, method and path (without the query)', () => {
    expect(idempotencyScope(undefined, 'POST', '/api/v1/applications?x=1', 'k')).toEqual({
      principal: 'public',
      method: 'POST',
      path: '/api/v1/applications',
      key: 'k',
    });
    const user: Principal = { kind: 'user', userId: 'u1', sessionId: 's1', roles: [] };
    expect(idempotencyScope(user, 'POST', '/a', 'k').principal).toBe('user:u1');
    const apiKey: Principal = { kind: 'api-key', apiKeyId: 'k1', scopes: [] };
    expect(idempotencyScope(apiKey, 'POST', '/a', 'k').principal).toBe('api-key:k1');
  });
});

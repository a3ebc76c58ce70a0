import { ProblemException } from '@tessera/core';
import { assertStrongPassword, passwordWeakness } from './password-policy';

describe('password policy', () => {
  it.each([
    ['short', /at least 12/],
    ['x'.repeat(257), /at most 256/],
    ['Password1234', /too common/],
    ['qwertyuiop123', /too common/],
    ['aaaaaaaaaaaaaaaa', /repetitive/],
    ['abababababababab', /repetitive/],
    ['my-olga.smith-secret', /e-mail/],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password, 'olga.smith@example.org')?.message).toMatch(reason);
  });

  it('accepts a long, uncommon passphrase', () => {
    expect(passwordWeakness('violet tram folds paper', 'olga@example.org')).toBeNull();
  });

  it('throws a validation problem naming the field', () => {
    expect.assertions(2);
    try {
      assertStrongPassword('short', undefined, 'newPassword');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      expect((error as ProblemException).problem.errors).toEqual([
        { field: 'newPassword', code: 'passwordTooShort', message: expect.stringMatching(/12/) },
      ]);
    }
  });
});

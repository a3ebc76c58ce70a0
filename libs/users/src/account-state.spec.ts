import { accountStateOf } from './account-state';

describe('accountStateOf', () => {
  it('is invited until a password is set', () => {
    expect(accountStateOf({ active: true, passwordHash: null })).toBe('invited');
  });
  it('is active once a password is set', () => {
    expect(accountStateOf({ active: true, passwordHash: '$argon2id$…' })).toBe('active');
  });
  it('is disabled whenever staff deactivated the user, password or not', () => {
    expect(accountStateOf({ active: false, passwordHash: '$argon2id$…' })).toBe('disabled');
    expect(accountStateOf({ active: false, passwordHash: null })).toBe('disabled');
  });
});

import { contactOf, joiningReason, type RepresentativeDetails } from './member-intake';

const representative = (email: string, isContact: boolean): RepresentativeDetails => ({
  firstName: 'Grace',
  lastName: 'Hopper',
  email,
  role: 'Director',
  isContact,
});

describe('member intake', () => {
  it('finds the one contact representative', () => {
    const contact = representative('contact@example.test', true);
    expect(contactOf([representative('other@example.test', false), contact])).toBe(contact);
  });

  it.each([
    [[], 0],
    [[representative('a@example.test', false)], 0],
    [[representative('a@example.test', true), representative('b@example.test', true)], 2],
  ])('refuses an organisation without exactly one contact (%#)', (representatives, count) => {
    expect(() => contactOf(representatives)).toThrow(`exactly one contact representative, got ${count}`);
  });

  it('says where the membership came from', () => {
    expect(joiningReason({ type: 'application', id: null, reference: 'APP-2026-000042' })).toBe(
      'Application APP-2026-000042 approved',
    );
    expect(joiningReason({ type: 'order', id: null, reference: 'SO-7' })).toBe('Order SO-7 confirmed');
    expect(joiningReason({ type: 'order', id: null, reference: null })).toBe('Order confirmed');
    expect(joiningReason({ type: 'staff', id: null, reference: null })).toBe('Entered by staff');
  });
});

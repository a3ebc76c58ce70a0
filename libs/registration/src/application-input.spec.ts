import { birthDateProblem, parseApplicationInput, readApplicationJson } from './application-input';

const TODAY = new Date('2026-03-15T10:00:00Z');
const PLAN = '0b6f1d9e-4a8e-4c1b-9d7e-2f5a8c3b1e40';
const address = { line1: '12 Rue de la Loi', postalCode: '1000', city: 'Brussels', country: 'be' };

const individual = () => ({
  kind: 'individual',
  planId: PLAN,
  locale: 'fr',
  consent: { terms: true, privacy: true },
  person: {
    firstName: ' Ada ',
    lastName: 'Lovelace',
    email: ' Ada@Example.ORG ',
    phone: '+32 470 12 34 56',
    birthDate: '1990-12-10',
    address,
    nationality: 'gb',
  },
  professional: { occupation: 'Engineer', employer: 'Analytical Engines', yearsOfExperience: 12 },
});

const organisation = () => ({
  kind: 'organisation',
  planId: PLAN,
  locale: 'en',
  consent: { terms: true, privacy: true },
  organisation: {
    legalName: 'Analytical Engines SA',
    registrationNumber: '0123.456.789',
    vatNumber: 'BE0123456789',
    address,
    website: 'https://engines.example',
    representatives: [
      { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.org', role: 'Director', isContact: true },
      { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.org', role: 'Treasurer', isContact: false },
    ],
  },
});

const parse = (value: unknown) => parseApplicationInput(value, TODAY);
const fieldsOf = (value: unknown) => parse(value).errors.map((error) => error.field);

describe('parseApplicationInput', () => {
  it('accepts a complete individual application, trimmed and normalised', () => {
    const { input, errors } = parse(individual());
    expect(errors).toEqual([]);
    expect(input?.person).toMatchObject({
      firstName: 'Ada',
      email: 'ada@example.org',
      nationality: 'GB',
      address: { country: 'BE' },
    });
    expect(input?.professional).toMatchObject({ occupation: 'Engineer', yearsOfExperience: 12 });
  });

  it('accepts a complete organisation application', () => {
    const { input, errors } = parse(organisation());
    expect(errors).toEqual([]);
    expect(input?.organisation?.representatives).toHaveLength(2);
  });

  it('names the part when it is missing, not JSON, or not an object', () => {
    expect(readApplicationJson(undefined)).toEqual({ document: undefined, errors: [] });
    expect(readApplicationJson(' ')).toEqual({ document: undefined, errors: [] });
    expect(readApplicationJson('{"kind":').errors).toEqual([
      { field: 'application', message: expect.stringContaining('is not valid JSON') },
    ]);
    expect(readApplicationJson('[1,2]')).toEqual({ document: [1, 2], errors: [] });
    expect(parseApplicationInput(undefined, TODAY).errors).toEqual([
      { field: 'application', message: expect.stringContaining('is required') },
    ]);
    expect(parseApplicationInput([1, 2], TODAY).errors).toEqual([
      { field: 'application', message: 'must be a JSON object' },
    ]);
    expect(parseApplicationInput(null, TODAY).errors).toEqual([
      { field: 'application', message: 'must be a JSON object' },
    ]);
    expect(parseApplicationInput('text', TODAY).errors).toEqual([
      { field: 'application', message: 'must be a JSON object' },
    ]);
  });

  it('reports every missing field of an empty object, prefixed with application.', () => {
    expect(fieldsOf({})).toEqual(
      expect.arrayContaining(['application.kind', 'application.planId', 'application.locale', 'application.consent']),
    );
  });

  it('requires the part that matches the kind, and refuses the other', () => {
    const { person: _person, ...withoutPerson } = individual();
    expect(parse(withoutPerson).errors).toContainEqual({
      field: 'application.person',
      code: 'isDefined',
      message: 'is required for an individual application',
    });

    const { organisation: _org, ...withoutOrganisation } = organisation();
    expect(fieldsOf(withoutOrganisation)).toContain('application.organisation');

    const both = { ...organisation(), person: individual().person };
    expect(parse(both).errors).toContainEqual({
      field: 'application.person',
      code: 'onlyForKind',
      message: 'must be left out unless kind is "individual"',
    });
    const professionalForOrganisation = { ...organisation(), professional: { occupation: 'x' } };
    expect(fieldsOf(professionalForOrganisation)).toContain('application.professional');
  });

  it.each([
    ['person.email', { email: 'not-an-email' }],
    ['person.phone', { phone: '12' }],
    ['person.birthDate', { birthDate: '10/12/1990' }],
    ['person.birthDate', { birthDate: '1990-02-30' }],
    ['person.nationality', { nationality: 'XX' }],
    ['person.firstName', { firstName: '   ' }],
    ['person.lastName', { lastName: 'x'.repeat(101) }],
    ['person.address', { address: 'Brussels' }],
    ['person.address.country', { address: { ...address, country: 'Belgium' } }],
    ['person.address.line1', { address: { ...address, line1: undefined } }],
    ['person.address.postalCode', { address: { ...address, postalCode: '<1000>' } }],
  ])('refuses a bad %s', (field, change) => {
    const value = individual();
    value.person = { ...value.person, ...(change as object) } as typeof value.person;
    expect(fieldsOf(value)).toContain(`application.${field}`);
  });

  it.each([
    ['consent.terms', { consent: { terms: false, privacy: true } }],
    ['consent.privacy', { consent: { terms: true } }],
    ['kind', { kind: 'robot' }],
    ['planId', { planId: 'basic' }],
    ['locale', { locale: 'de' }],
    ['professional.occupation', { professional: { employer: 'x' } }],
    ['professional.yearsOfExperience', { professional: { occupation: 'x', yearsOfExperience: 81 } }],
    ['professional.yearsOfExperience', { professional: { occupation: 'x', yearsOfExperience: 2.5 } }],
  ])('refuses a bad %s', (field, change) => {
    expect(fieldsOf({ ...individual(), ...change })).toContain(`application.${field}`);
  });

  it('refuses properties it does not know, at any depth', () => {
    const value = { ...individual(), admin: true };
    (value.person as Record<string, unknown>).isMember = true;
    expect(parse(value).errors).toEqual(
      expect.arrayContaining([
        { field: 'application.admin', code: 'whitelistValidation', message: 'property admin should not exist' },
        {
          field: 'application.person.isMember',
          code: 'whitelistValidation',
          message: 'property isMember should not exist',
        },
      ]),
    );
  });

  it('checks the representatives: 1 to 10, exactly one contact, each valid', () => {
    const withRepresentatives = (representatives: unknown[]) => {
      const value = organisation();
      (value.organisation as { representatives: unknown[] }).representatives = representatives;
      return value;
    };
    const rep = organisation().organisation.representatives[0];
    expect(fieldsOf(withRepresentatives([]))).toContain('application.organisation.representatives');
    expect(parse(withRepresentatives([{ ...rep, isContact: false }])).errors).toContainEqual({
      field: 'application.organisation.representatives',
      code: 'exactlyOneContact',
      message: 'must have exactly one representative with isContact: true',
    });
    expect(fieldsOf(withRepresentatives([rep, rep]))).toContain('application.organisation.representatives');
    expect(
      fieldsOf(withRepresentatives(Array.from({ length: 11 }, (_, i) => ({ ...rep, isContact: i === 0 })))),
    ).toContain('application.organisation.representatives');
    expect(fieldsOf(withRepresentatives([{ ...rep, email: 'nope' }]))).toContain(
      'application.organisation.representatives.0.email',
    );
    expect(fieldsOf(withRepresentatives([{ ...rep, role: '' }]))).toContain(
      'application.organisation.representatives.0.role',
    );
  });

  it.each([
    ['legalName', { legalName: '' }],
    ['registrationNumber', { registrationNumber: '<script>' }],
    ['vatNumber', { vatNumber: '123' }],
    ['website', { website: 'javascript:alert(1)' }],
    ['address', { address: undefined }],
  ])('refuses a bad organisation.%s', (field, change) => {
    const value = organisation();
    value.organisation = { ...value.organisation, ...(change as object) } as typeof value.organisation;
    expect(fieldsOf(value)).toContain(`application.organisation.${field}`);
  });

  it('checks the age against today: in the past, 16 to 120 years old', () => {
    const withBirthDate = (birthDate: string) => {
      const value = individual();
      value.person.birthDate = birthDate;
      return parse(value).errors;
    };
    expect(withBirthDate('2030-01-01')).toEqual([
      { field: 'application.person.birthDate', message: 'must be in the past' },
    ]);
    expect(withBirthDate('2026-03-15')).toEqual([
      { field: 'application.person.birthDate', message: 'must be in the past' },
    ]);
    expect(withBirthDate('2010-03-16')).toEqual([
      { field: 'application.person.birthDate', message: 'the applicant must be at least 16 years old' },
    ]);
    expect(withBirthDate('2010-03-15')).toEqual([]);
    expect(withBirthDate('1905-03-16')).toEqual([]);
    expect(withBirthDate('1905-03-15')).toEqual([
      { field: 'application.person.birthDate', message: 'the applicant must be at most 120 years old' },
    ]);
  });

  it('computes birthdays on 29 February', () => {
    expect(birthDateProblem('2008-02-29', new Date('2024-02-28T12:00:00Z'))).toBe(
      'the applicant must be at least 16 years old',
    );
    expect(birthDateProblem('2008-02-29', new Date('2024-02-29T00:00:00Z'))).toBeNull();
  });
});

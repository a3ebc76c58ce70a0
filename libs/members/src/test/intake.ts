import type { MemberIntake, OrganisationDetails, PersonDetails, RepresentativeDetails } from '../member-intake';

/** Inputs for MembersService.createOrMatchFromApplication, shaped like approved applications. */
let counter = 0;
const next = () => `${(counter += 1)}.${Date.now().toString(36)}`;

export const uniqueEmail = (label = 'person') => `${label}.${next()}@example.test`;

/** A registration number no other test uses, written the way people write them. */
export const uniqueRegistrationNumber = () =>
  `BE 0${String(Date.now() % 1e6).padStart(6, '0')}.${next().replace(/\D/g, '')}`;

const address = { line1: '1 Main Street', postalCode: '1000', city: 'Brussels', country: 'BE' };

export function personDetails(email: string, overrides: Partial<PersonDetails> = {}): PersonDetails {
  return {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email,
    phone: '+32 470 12 34 56',
    birthDate: '1990-12-10',
    address,
    nationality: 'GB',
    ...overrides,
  };
}

export function representative(email: string, isContact: boolean, role = 'Director'): RepresentativeDetails {
  return { firstName: 'Grace', lastName: `Hopper ${role}`, email, role, isContact };
}

export function organisationDetails(
  registrationNumber: string,
  representatives: RepresentativeDetails[],
  overrides: Partial<OrganisationDetails> = {},
): OrganisationDetails {
  return { legalName: 'Engines SA', registrationNumber, address, representatives, ...overrides };
}

export function personIntake(planId: string, person: PersonDetails, reference = 'APP-2026-000001'): MemberIntake {
  return {
    kind: 'person',
    person,
    professional: { occupation: 'Engineer' },
    planId,
    locale: 'en',
    source: { type: 'application', id: null, reference },
  };
}

export function organisationIntake(
  planId: string,
  organisation: OrganisationDetails,
  reference = 'APP-2026-000002',
): MemberIntake {
  return {
    kind: 'organisation',
    organisation,
    planId,
    locale: 'fr',
    source: { type: 'application', id: null, reference },
  };
}

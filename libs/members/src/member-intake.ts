import type { MemberActor, MemberLocale, MemberSource, PostalAddress, ProfessionalDetails } from './members.types';

/** A person as an application gives them (the shape of registration's stored person). */
export interface PersonDetails {
  firstName: string;
  lastName: string;
  /** Compared trimmed and lower-cased. */
  email: string;
  phone?: string | null;
  /** YYYY-MM-DD. */
  birthDate?: string | null;
  address?: PostalAddress | null;
  /** ISO 3166-1 alpha-2. */
  nationality?: string | null;
}

export interface RepresentativeDetails {
  firstName: string;
  lastName: string;
  /** Compared trimmed and lower-cased. */
  email: string;
  phone?: string | null;
  role: string;
  /** Exactly one representative is the contact. */
  isContact: boolean;
}

/** An organisation as an application gives it (the shape of registration's stored organisation). */
export interface OrganisationDetails {
  legalName: string;
  /** As given; matched by its upper-case letters and digits. */
  registrationNumber: string;
  vatNumber?: string | null;
  address?: PostalAddress | null;
  website?: string | null;
  representatives: RepresentativeDetails[];
}

interface IntakeCommon {
  planId: string;
  /** The applicant's language: for persons created now (a match keeps its own). */
  locale: MemberLocale;
  source: MemberSource;
  /** Who approved, for the status history; the system when left out. */
  actor?: MemberActor;
  /**
   * A match leaves an existing member's plan and status as they are: the intake only needs the
   * party's record (a co-operative share subscription must not change anyone's membership).
   */
  keepExistingMembership?: boolean;
  /**
   * The status of a member record made now; `upcoming` (an applicant awaiting their first invoice)
   * when left out. A holder of shares that give no membership is recorded as a `non-member`.
   */
  newMemberStatus?: 'upcoming' | 'non-member';
}

/** What `MembersService.createOrMatchFromApplication` takes. */
export type MemberIntake =
  | (IntakeCommon & { kind: 'person'; person: PersonDetails; professional?: ProfessionalDetails | null })
  | (IntakeCommon & { kind: 'organisation'; organisation: OrganisationDetails });

/** The person e-mails about the membership go to: the member, or the organisation's contact. */
export interface MemberContact {
  personId: string;
  email: string;
  /** First and last name. */
  name: string;
  locale: MemberLocale;
}

/** What `MembersService.createOrMatchFromApplication` returns. */
export interface MemberIntakeResult {
  memberId: string;
  memberNumber: string;
  /** False when the party already had a member record (its plan is then updated). */
  created: boolean;
  contact: MemberContact;
}

/** The one contact among the representatives; an organisation without exactly one is a caller's bug. */
export function contactOf(representatives: RepresentativeDetails[]): RepresentativeDetails {
  const contacts = representatives.filter((representative) => representative.isContact);
  if (contacts.length !== 1)
    throw new Error(`An organisation needs exactly one contact representative, got ${contacts.length}`);
  return contacts[0];
}

/** Why the member got its status from this source, for the status history. */
export function joiningReason(source: MemberSource): string {
  const reference = source.reference ? ` ${source.reference}` : '';
  switch (source.type) {
    case 'application':
      return `Application${reference} approved`;
    case 'order':
      return `Order${reference} confirmed`;
    case 'staff':
      return 'Entered by staff';
  }
}

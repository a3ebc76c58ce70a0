import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicationStatus } from '../application-state';
import type { ApplicantKind, ApplicationLocale, ApplicationSource } from '../registration.types';

export interface StoredAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface StoredPerson {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  birthDate: string;
  address: StoredAddress;
  nationality: string;
}

export interface StoredProfessional {
  occupation: string;
  employer?: string;
  jobTitle?: string;
  sector?: string;
  licenceNumber?: string;
  yearsOfExperience?: number;
}

export interface StoredRepresentative {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  role: string;
  isContact: boolean;
}

export interface StoredOrganisation {
  legalName: string;
  registrationNumber: string;
  vatNumber?: string;
  address: StoredAddress;
  website?: string;
  representatives: StoredRepresentative[];
}

export interface StoredConsent {
  terms: true;
  privacy: true;
  consentedAt: string;
}

/** A membership application, as submitted; the applicant's details are kept as given. */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  kind: ApplicantKind;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'text' })
  locale: ApplicationLocale;

  @Column({ type: 'text' })
  source: ApplicationSource;

  /** The applicant's e-mail (the person's, or the contact representative's), lower-cased. */
  @Column({ type: 'text' })
  email: string;

  /** The company registration number, normalised (organisations only). */
  @Column({ name: 'registration_key', type: 'text', nullable: true })
  registrationKey: string | null;

  /** The person's full name, or the organisation's legal name. */
  @Column({ name: 'applicant_name', type: 'text' })
  applicantName: string;

  /** The contact representative's name (organisations only). */
  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ type: 'jsonb', nullable: true })
  person: StoredPerson | null;

  @Column({ type: 'jsonb', nullable: true })
  professional: StoredProfessional | null;

  @Column({ type: 'jsonb', nullable: true })
  organisation: StoredOrganisation | null;

  @Column({ type: 'jsonb' })
  consent: StoredConsent;

  @Column({ name: 'submitted_by_user_id', type: 'uuid', nullable: true })
  submittedByUserId: string | null;

  @Column({ name: 'submitted_by_api_key_id', type: 'uuid', nullable: true })
  submittedByApiKeyId: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** The member its approval made or matched (set exactly when approved). */
  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  /** When the worker sent the confirmation and opened the approval request (see ApplicationIntakeService). */
  @Column({ name: 'intake_completed_at', type: 'timestamptz', nullable: true })
  intakeCompletedAt: Date | null;

  /** When its intake job failed for good (cleared when staff retry it); the error is in the worker's log. */
  @Column({ name: 'intake_failed_at', type: 'timestamptz', nullable: true })
  intakeFailedAt: Date | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseDto } from '@tessera/core';
import { LOCALES } from '@tessera/notifications';
import type { MemberStatusChange } from '../entities/member-status-change.entity';
import type { Member } from '../entities/member.entity';
import type { Organisation } from '../entities/organisation.entity';
import type { Person } from '../entities/person.entity';
import type { Representation } from '../entities/representation.entity';
import { MEMBER_STATUSES, type MemberStatus } from '../member-status';
import type { MemberRow } from '../member.repository';
import {
  MEMBER_ACTOR_KINDS,
  MEMBER_KINDS,
  MEMBER_SOURCE_TYPES,
  type MemberActorKind,
  type MemberKind,
  type MemberLocale,
  type MemberSourceType,
} from '../members.types';

export class MemberPlanDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Individual membership', description: 'Empty if the plan no longer exists' })
  name: string;
}

/**
 * A member in a list. Response DTOs are plain classes so a domain above members can extend them
 * (portal-users adds `portalAccount`) without members knowing it.
 */
export class MemberSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'M-000042', pattern: '^M-\\d{6,}$' })
  number: string;
  @ApiProperty({ enum: MEMBER_KINDS, enumName: 'MemberKind' })
  kind: MemberKind;
  @ApiProperty({ description: "The person's full name, or the organisation's legal name", example: 'Ada Lovelace' })
  name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The person's e-mail, or the organisation contact's",
    example: 'ada@example.org',
  })
  email: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Organisations only', example: '0123.456.789' })
  registrationNumber: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The person e-mails and the portal account go to: the member, or the organisation’s contact',
  })
  contactPersonId: string | null;
  @ApiProperty({ type: MemberPlanDto })
  plan: MemberPlanDto;
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  status: MemberStatus;
  @ApiProperty({ type: String, format: 'date-time' })
  joinedAt: string;

  static from(row: MemberRow): MemberSummaryDto {
    return {
      id: row.id,
      number: row.number,
      kind: row.kind,
      name: row.name,
      email: row.email,
      registrationNumber: row.registrationNumber,
      contactPersonId: row.contactPersonId,
      plan: { id: row.planId, name: row.planName },
      status: row.status,
      joinedAt: row.joinedAt.toISOString(),
    };
  }
}

export class MemberPageDto extends PageResponseDto(MemberSummaryDto) {}

export class PostalAddressDto {
  @ApiProperty({ example: '12 Rue de la Loi' })
  line1: string;
  @ApiPropertyOptional({ example: 'Box 3' })
  line2?: string;
  @ApiProperty({ example: '1000' })
  postalCode: string;
  @ApiProperty({ example: 'Brussels' })
  city: string;
  @ApiProperty({ example: 'BE', description: 'ISO 3166-1 alpha-2' })
  country: string;
}

export class ProfessionalDetailsDto {
  @ApiProperty({ example: 'Engineer' })
  occupation: string;
  @ApiPropertyOptional()
  employer?: string;
  @ApiPropertyOptional()
  jobTitle?: string;
  @ApiPropertyOptional()
  sector?: string;
  @ApiPropertyOptional()
  licenceNumber?: string;
  @ApiPropertyOptional()
  yearsOfExperience?: number;
}

export class PersonDetailsDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Ada' })
  firstName: string;
  @ApiProperty({ example: 'Lovelace' })
  lastName: string;
  @ApiProperty({ type: String, nullable: true, example: 'ada@example.org' })
  email: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+32 470 12 34 56' })
  phone: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '1990-12-10' })
  birthDate: string | null;
  @ApiProperty({ type: PostalAddressDto, nullable: true })
  address: PostalAddressDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'BE', description: 'ISO 3166-1 alpha-2' })
  nationality: string | null;
  @ApiProperty({ enum: LOCALES, enumName: 'MemberLocale' })
  locale: MemberLocale;
  @ApiProperty({ type: ProfessionalDetailsDto, nullable: true })
  professional: ProfessionalDetailsDto | null;

  static from(person: Person): PersonDetailsDto {
    return {
      id: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      phone: person.phone,
      birthDate: person.birthDate,
      address: person.address,
      nationality: person.nationality,
      locale: person.locale,
      professional: person.professional,
    };
  }
}

export class MemberRepresentativeDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;
  @ApiProperty({ example: 'Grace' })
  firstName: string;
  @ApiProperty({ example: 'Hopper' })
  lastName: string;
  @ApiProperty({ type: String, nullable: true, example: 'grace@example.org' })
  email: string | null;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty({ example: 'Director' })
  role: string;
  @ApiProperty({ description: 'E-mails about the membership go to the contact' })
  isContact: boolean;

  static from(representation: Representation, person: Person): MemberRepresentativeDto {
    return {
      personId: person.id,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      phone: person.phone,
      role: representation.role,
      isContact: representation.isContact,
    };
  }
}

export class OrganisationDetailsDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Analytical Engines SA' })
  legalName: string;
  @ApiProperty({ example: '0123.456.789', description: 'As given' })
  registrationNumber: string;
  @ApiProperty({ type: String, nullable: true, example: 'BE0123456789' })
  vatNumber: string | null;
  @ApiProperty({ type: PostalAddressDto, nullable: true })
  address: PostalAddressDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://example.org' })
  website: string | null;
  @ApiProperty({ type: MemberRepresentativeDto, isArray: true, description: 'The contact first' })
  representatives: MemberRepresentativeDto[];

  static from(organisation: Organisation, representatives: MemberRepresentativeDto[]): OrganisationDetailsDto {
    return {
      id: organisation.id,
      legalName: organisation.legalName,
      registrationNumber: organisation.registrationNumber,
      vatNumber: organisation.vatNumber,
      address: organisation.address,
      website: organisation.website,
      representatives,
    };
  }
}

/** An organisation the member (a person) represents, and its own member record if it has one. */
export class RepresentedOrganisationDto {
  @ApiProperty({ format: 'uuid' })
  organisationId: string;
  @ApiProperty({ example: 'Analytical Engines SA' })
  legalName: string;
  @ApiProperty({ example: '0123.456.789' })
  registrationNumber: string;
  @ApiProperty({ example: 'Director' })
  role: string;
  @ApiProperty()
  isContact: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  memberId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'M-000043' })
  memberNumber: string | null;

  static from(
    representation: Representation,
    organisation: Organisation,
    member: Member | undefined,
  ): RepresentedOrganisationDto {
    return {
      organisationId: organisation.id,
      legalName: organisation.legalName,
      registrationNumber: organisation.registrationNumber,
      role: representation.role,
      isContact: representation.isContact,
      memberId: member?.id ?? null,
      memberNumber: member?.number ?? null,
    };
  }
}

export class MemberActorDto {
  @ApiProperty({ enum: MEMBER_ACTOR_KINDS, enumName: 'MemberActorKind' })
  kind: MemberActorKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user or API key' })
  id: string | null;
}

export class MemberStatusChangeDto {
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus', nullable: true, description: 'Null at creation' })
  from: MemberStatus | null;
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  to: MemberStatus;
  @ApiProperty({ example: 'Application APP-2026-000042 approved', description: 'In English words' })
  reason: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'paid',
    description:
      'The status engine’s reason code (null for changes it did not decide), worded by clients with reasonParams',
  })
  reasonCode: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { document: 'INV-2027-000031', paidOn: '2027-01-03', through: '2027-12-31' },
  })
  reasonParams: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
  @ApiProperty({ type: MemberActorDto })
  actor: MemberActorDto;

  static from(change: MemberStatusChange): MemberStatusChangeDto {
    return {
      from: change.fromStatus,
      to: change.toStatus,
      reason: change.reason,
      reasonCode: change.reasonCode,
      reasonParams: change.reasonParams,
      at: change.occurredAt.toISOString(),
      actor: { kind: change.actorKind, id: change.actorId },
    };
  }
}

export class MemberSourceDto {
  @ApiProperty({ enum: MEMBER_SOURCE_TYPES, enumName: 'MemberSourceType' })
  type: MemberSourceType;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The application or order' })
  id: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'APP-2026-000042' })
  reference: string | null;
}

/** A member with its party, plan, status history and source. */
export class MemberDetailDto extends MemberSummaryDto {
  @ApiProperty({ type: PersonDetailsDto, nullable: true, description: 'Person members only' })
  person: PersonDetailsDto | null;
  @ApiProperty({ type: OrganisationDetailsDto, nullable: true, description: 'Organisation members only' })
  organisation: OrganisationDetailsDto | null;
  @ApiProperty({
    type: RepresentedOrganisationDto,
    isArray: true,
    description: 'Person members: the organisations they represent (empty for organisations)',
  })
  organisationsRepresented: RepresentedOrganisationDto[];
  @ApiProperty({ type: MemberStatusChangeDto, isArray: true, description: 'Oldest first' })
  statusHistory: MemberStatusChangeDto[];
  @ApiProperty({ type: MemberSourceDto })
  source: MemberSourceDto;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}

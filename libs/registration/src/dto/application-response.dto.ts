import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseDto } from '@tessera/core';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application-state';
import type { ApplicationEvent } from '../entities/application-event.entity';
import type { ApplicationFile } from '../entities/application-file.entity';
import type { Application } from '../entities/application.entity';
import {
  ACTOR_KINDS,
  APPLICANT_KINDS,
  APPLICATION_EVENT_TYPES,
  APPLICATION_LOCALES,
  APPLICATION_SOURCES,
  FILE_ROLES,
  STORED_CONTENT_TYPES,
  type ActorKind,
  type ApplicantKind,
  type ApplicationEventType,
  type ApplicationLocale,
  type ApplicationSource,
  type FileRole,
  type StoredContentType,
} from '../registration.types';
import { OrganisationDto, PersonDto, ProfessionalDto } from './application-input.dto';

export class ApplicationCreatedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'APP-2026-000042', pattern: '^APP-\\d{4}-\\d{6,}$' })
  reference: string;
  @ApiProperty({ enum: ['submitted'] })
  status: 'submitted';
}

export class ApplicationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'APP-2026-000042' })
  reference: string;
  @ApiProperty({ enum: APPLICANT_KINDS, enumName: 'ApplicantKind' })
  kind: ApplicantKind;
  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  status: ApplicationStatus;
  @ApiProperty({ description: "The person's full name, or the organisation's legal name", example: 'Ada Lovelace' })
  applicantName: string;
  @ApiProperty({ description: "The person's e-mail, or the contact representative's", example: 'ada@example.org' })
  email: string;
  @ApiProperty({ format: 'uuid' })
  planId: string;
  @ApiProperty({ example: 'Individual membership' })
  planName: string;
  @ApiProperty({ enum: APPLICATION_SOURCES, enumName: 'ApplicationSource' })
  source: ApplicationSource;
  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: string;

  static from(application: Application, planName: string): ApplicationSummaryDto {
    return {
      id: application.id,
      reference: application.reference,
      kind: application.kind,
      status: application.status,
      applicantName: application.applicantName,
      email: application.email,
      planId: application.planId,
      planName,
      source: application.source,
      submittedAt: application.submittedAt.toISOString(),
    };
  }
}

export class ApplicationPageDto extends PageResponseDto(ApplicationSummaryDto) {}

export class ApplicationFileDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: FILE_ROLES, enumName: 'ApplicationFileRole' })
  role: FileRole;
  @ApiProperty({ example: 'diploma.pdf', description: 'Sanitised, with the extension of the detected type' })
  filename: string;
  @ApiProperty({ enum: STORED_CONTENT_TYPES, description: 'Detected from the bytes' })
  contentType: StoredContentType;
  @ApiProperty({ description: 'Bytes' })
  size: number;
  @ApiPropertyOptional({ description: 'Pixels (images only)' })
  width?: number;
  @ApiPropertyOptional({ description: 'Pixels (images only)' })
  height?: number;

  static from(file: ApplicationFile): ApplicationFileDto {
    return {
      id: file.id,
      role: file.role,
      filename: file.filename,
      contentType: file.contentType,
      size: file.size,
      ...(file.width !== null ? { width: file.width } : {}),
      ...(file.height !== null ? { height: file.height } : {}),
    };
  }
}

export class ActorDto {
  @ApiProperty({ enum: ACTOR_KINDS, enumName: 'ApplicationActorKind' })
  kind: ActorKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user or API key' })
  id: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The staff member who acted (kind `user`)' })
  name: string | null;
}

export class ApplicationEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: APPLICATION_EVENT_TYPES, enumName: 'ApplicationEventType' })
  type: ApplicationEventType;
  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus', nullable: true })
  fromStatus: ApplicationStatus | null;
  @ApiProperty({ enum: APPLICATION_STATUSES, enumName: 'ApplicationStatus' })
  toStatus: ApplicationStatus;
  @ApiProperty({ type: ActorDto })
  actor: ActorDto;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  static from(event: ApplicationEvent & { actorName: string | null }): ApplicationEventDto {
    return {
      id: event.id,
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actor: { kind: event.actorKind, id: event.actorId, name: event.actorName },
      reason: event.reason,
      at: event.occurredAt.toISOString(),
    };
  }
}

export class ConsentDto {
  @ApiProperty({ enum: [true] })
  terms: true;
  @ApiProperty({ enum: [true] })
  privacy: true;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the applicant consented (submission time)' })
  consentedAt: string;
}

export const INTAKE_STATES = ['opening', 'done', 'failed'] as const;
export type IntakeState = (typeof INTAKE_STATES)[number];

export class ApplicationDetailDto extends ApplicationSummaryDto {
  @ApiProperty({ enum: APPLICATION_LOCALES, enumName: 'ApplicationLocale' })
  locale: ApplicationLocale;
  @ApiProperty({ type: PersonDto, nullable: true })
  person: PersonDto | null;
  @ApiProperty({ type: ProfessionalDto, nullable: true })
  professional: ProfessionalDto | null;
  @ApiProperty({ type: OrganisationDto, nullable: true })
  organisation: OrganisationDto | null;
  @ApiProperty({ type: ConsentDto })
  consent: ConsentDto;
  @ApiProperty({ type: ApplicationFileDto, isArray: true })
  files: ApplicationFileDto[];
  @ApiProperty({ type: ApplicationEventDto, isArray: true, description: 'Oldest first' })
  history: ApplicationEventDto[];
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The member made or matched on approval' })
  memberId: string | null;
  @ApiProperty({
    enum: INTAKE_STATES,
    enumName: 'ApplicationIntakeState',
    description:
      'What followed the submission (the confirmation e-mail and the approval request): `opening` while the ' +
      'worker does it, `done`, or `failed` when it failed for good (staff may retry it)',
  })
  intake: IntakeState;

  static fromParts(
    application: Application,
    planName: string,
    files: ApplicationFile[],
    events: (ApplicationEvent & { actorName: string | null })[],
  ): ApplicationDetailDto {
    return {
      ...ApplicationSummaryDto.from(application, planName),
      locale: application.locale,
      person: application.person,
      professional: application.professional,
      organisation: application.organisation,
      consent: application.consent,
      files: files.map(ApplicationFileDto.from),
      history: events.map(ApplicationEventDto.from),
      updatedAt: application.updatedAt.toISOString(),
      memberId: application.memberId,
      intake: application.intakeCompletedAt ? 'done' : application.intakeFailedAt ? 'failed' : 'opening',
    };
  }
}

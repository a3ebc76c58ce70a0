import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, Trim } from '@tessera/core';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application-state';
import { APPLICANT_KINDS, type ApplicantKind } from '../registration.types';

export class ListApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: APPLICATION_STATUSES,
    enumName: 'ApplicationStatus',
    description: 'Only applications in this state',
  })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only applications for this plan' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ enum: APPLICANT_KINDS, enumName: 'ApplicantKind', description: 'Persons or organisations' })
  @IsOptional()
  @IsIn(APPLICANT_KINDS)
  kind?: ApplicantKind;

  @ApiPropertyOptional({
    description: 'Submitted at or after: a date (from its start, UTC) or a date-time',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  submittedFrom?: string;

  @ApiPropertyOptional({
    description: 'Submitted before: a date (to its end, inclusive, UTC) or a date-time (exclusive)',
    example: '2026-01-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  submittedTo?: string;

  @ApiPropertyOptional({ description: 'Matches the reference, names, e-mail or legal name (case-insensitive)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}

export class CancelApplicationDto {
  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'The applicant asked us to withdraw the application.' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class FileDownloadQueryDto {
  @ApiPropertyOptional({
    enum: ['1'],
    description: 'Show a PNG or JPEG inline (thumbnails); ignored for PDFs, which always download',
  })
  @IsOptional()
  @IsIn(['1', 'true'])
  inline?: string;
}

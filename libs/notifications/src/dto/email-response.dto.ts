import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '@tessera/core';
import { EMAIL_STATES, type EmailState } from '../email-state';
import { LOCALES, type Locale } from '../mail.types';

/** One e-mail of the mail log. */
export class EmailResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ann@example.org' })
  recipient: string;

  @ApiProperty({ example: 'password-reset' })
  template: string;

  @ApiProperty({ enum: LOCALES, enumName: 'EmailLocale' })
  locale: Locale;

  @ApiProperty({ type: String, nullable: true, description: 'Known once delivery has been attempted' })
  subject: string | null;

  @ApiProperty({ enum: EMAIL_STATES, enumName: 'EmailState' })
  state: EmailState;

  @ApiProperty({ type: 'integer', description: 'Delivery attempts so far, resends included', example: 1 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true, description: 'Error of the last failed attempt' })
  lastError: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a deferred e-mail (a failed attempt, retried for more than a day) is tried next',
  })
  nextAttemptAt: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: [String], description: 'File names of its attachments', example: ['INV-2026-000001.pdf'] })
  attachments: string[];

  @ApiProperty({
    description:
      'Whether staff can resend it: not while queued or deferred, and never once the one-time link it carried has been erased',
  })
  resendable: boolean;
}

export class EmailPageDto extends PageResponseDto(EmailResponseDto) {}

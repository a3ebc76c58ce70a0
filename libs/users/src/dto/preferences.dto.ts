import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Locale } from '../entities/user.entity';
import { LOCALES } from './user.dto';

/** What a signed-in person may change about themselves, whatever their role. */
export class UpdatePreferencesDto {
  @ApiProperty({
    enum: LOCALES,
    example: 'fr',
    description: 'The language of the web app and of the e-mails sent to this person.',
  })
  @IsIn(LOCALES)
  locale: Locale;
}

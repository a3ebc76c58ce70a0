import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsString, Matches } from 'class-validator';

/** A calendar date written `YYYY-MM-DD` (a local date: no time, no zone), and a real one. */
export const LocalDateField = () =>
  applyDecorators(
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: 'must be a real calendar date' }),
  );

import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims strings; leaves anything else for the validators to refuse. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and upper-cases strings (country and currency codes). */
export const UpperCase = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** Trims and lower-cases strings (e-mail addresses). */
export const LowerCase = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** May be left out, but not sent as null (for PATCH fields that cannot be empty). */
export const OptionalNotNull = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);

/** May be left out or sent as null (for PATCH fields that can be cleared). */
export const OptionalNullable = () => ValidateIf((_: unknown, value: unknown) => value !== undefined && value !== null);

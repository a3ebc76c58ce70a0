import { applyDecorators } from '@nestjs/common';
import { Transform, Type as TypeOf } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { markNullable } from './nullability';

// Shared by every domain's DTOs, so the same input is cleaned the same way everywhere.

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

/**
 * May be left out or sent as null (for fields that can be cleared). The only way to accept a
 * null: everywhere else the validation pipe refuses it (see nullability.ts).
 */
export const OptionalNullable = () =>
  applyDecorators(
    ValidateIf((_: unknown, value: unknown) => value !== undefined && value !== null),
    (target: object, property: string | symbol) => markNullable(target, property),
  );

/**
 * A required object of class `type`, validated with its own rules. Without IsObject a missing
 * or non-object value slipped past ValidateNested (`POST /orders` without `customer` was a 500).
 */
export const Nested = (type: () => new () => object) => applyDecorators(IsObject(), ValidateNested(), TypeOf(type));

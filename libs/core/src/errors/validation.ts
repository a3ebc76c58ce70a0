import { ValidationError, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { nullFieldErrors } from '../validation/nullability';
import { textFieldErrors } from '../validation/text-rule';
import { FieldErrorDto, ProblemException } from './problem';

/** Flattens class-validator's tree into `{field: "a.b[0].c", code, message}` items (code: the rule's name). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldErrorDto[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, constraint]) => ({
      field,
      code,
      message: constraint.startsWith(`${error.property} `) ? constraint.slice(error.property.length + 1) : constraint,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * class-validator's pipe plus the rules every input obeys whatever its DTO says: text without
 * control characters or lone surrogates (checked first, on the raw body, query or path
 * parameter, so no validator sees such text) and null only where declared (after transforming).
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const textErrors = textFieldErrors(value, metadata.data ?? '');
    if (textErrors.length > 0) throw ProblemException.validation(textErrors);
    const transformed: unknown = await super.transform(value, metadata);
    const nullErrors = nullFieldErrors(transformed, metadata.data ?? '');
    if (nullErrors.length > 0) throw ProblemException.validation(nullErrors);
    return transformed;
  }
}

/** Whitelists, transforms and turns validation failures into problem+json with field errors. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => ProblemException.validation(toFieldErrors(errors)),
  });
}

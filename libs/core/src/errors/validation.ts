import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Whitelists, transforms and turns validation failures into problem+json with field errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => ProblemException.validation(toFieldErrors(errors)),
  });
}

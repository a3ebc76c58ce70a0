import 'reflect-metadata';
import type { FieldErrorDto } from '../errors/problem';

// Optional is not nullable. class-validator's @IsOptional() lets null through as well as
// undefined, and a null then reached NOT NULL columns (a 500). So a null is refused everywhere
// unless the DTO declares the property nullable with @OptionalNullable(), where null means
// "clear it". The validation pipe applies this to every DTO, nested ones included.

const NULLABLE = Symbol('tessera:nullable');

/** Marks a DTO property that may be sent as null (see OptionalNullable). */
export function markNullable(target: object, property: string | symbol): void {
  Reflect.defineMetadata(NULLABLE, true, target, property);
}

function isNullable(instance: object, property: string): boolean {
  return Reflect.getMetadata(NULLABLE, instance, property) === true;
}

/** True for instances of DTO classes (not plain objects, arrays or built-ins such as Date). */
function isDtoInstance(value: unknown): value is object {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype !== null && prototype !== Object.prototype && !(value instanceof Date);
}

/** Field errors for every null in `dto` (and the DTOs nested in it) on a property not declared nullable. */
export function nullFieldErrors(dto: unknown, parent = ''): FieldErrorDto[] {
  const errors: FieldErrorDto[] = [];
  const pending: [unknown, string][] = [[dto, parent]];
  while (pending.length > 0) {
    const [current, path] = pending.pop() as [unknown, string];
    const children = Array.isArray(current)
      ? current.map((item, index) => [String(index), item] as const)
      : isDtoInstance(current)
        ? Object.entries(current)
        : [];
    for (const [key, child] of children) {
      const field = path ? `${path}.${key}` : key;
      if (child === null && !Array.isArray(current) && !isNullable(current as object, key))
        errors.push({ field, message: 'must not be null' });
      else pending.push([child, field]);
    }
  }
  return errors;
}

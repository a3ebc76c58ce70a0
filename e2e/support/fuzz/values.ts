import { typeOf, type Schema } from './openapi-operations';
import type { Prng } from './prng';

/** Ids of records that exist, for a property naming one (`planId`), so requests reach past the look-up. */
export type References = (property: string) => readonly string[] | undefined;

/**
 * A plausible value for `schema`: the document's example or first enum value, else one that fits
 * its type and format (an existing record's id for a reference). The fuzzer breaks one property of
 * such a value at a time, so each request reaches the rule it aims at instead of failing on the
 * first required field.
 */
export function plausible(
  schema: Schema,
  rng: Prng,
  references: References = () => undefined,
  depth = 0,
  key = '',
): unknown {
  if (schema.example !== undefined) return unique(schema.example, schema, rng);
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 6 || !schema.items
        ? []
        : Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
            plausible(schema.items!, rng, references, depth + 1),
          );
    case 'object':
      return depth > 6
        ? {}
        : Object.fromEntries(
            Object.entries(schema.properties ?? {})
              .filter(([, property]) => property.format !== 'binary')
              .map(([name, property]) => [name, plausible(property, rng, references, depth + 1, name)]),
          );
    default: {
      const known = schema.format === 'uuid' ? references(key) : undefined;
      return known?.length ? known[rng.int(known.length)] : stringFor(schema, rng);
    }
  }
}

function stringFor(schema: Schema, rng: Prng): string {
  switch (schema.format) {
    case 'uuid':
      return rng.uuid();
    case 'email':
      return `fuzz.${rng.int(1e9)}@example.test`;
    case 'date':
      return '1990-06-15';
    case 'date-time':
      return '2026-01-15T10:00:00Z';
    case 'uri':
      return 'https://example.test/';
    default:
      return 'fuzz'.padEnd(Math.max(4, schema.minLength ?? 0), 'z');
  }
}

/** E-mail examples become unique, so per-account limits and unique indexes are not what answers. */
function unique(example: unknown, schema: Schema, rng: Prng): unknown {
  if (typeof example === 'string' && /^[^@\s]+@[^@\s]+$/.test(example)) return `fuzz.${rng.int(1e9)}.${example}`;
  return schema.format === 'uuid' && typeof example !== 'string' ? rng.uuid() : example;
}

/** Nested `depth` levels deep: arrays or objects. */
export const deeplyNested = (depth: number, kind: 'array' | 'object' = 'array'): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
};

/** Strings a hostile client sends to any text field. */
export const HOSTILE_STRINGS: readonly string[] = [
  'a\u0000b',
  'a\ud800b',
  '"a b"@example.test',
  '\u0007\u001b[2J\u007f',
  '\udfff',
  '\u0085\u009f',
  'x'.repeat(20_000),
  "' OR 1=1; -- \\",
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '%00%ff',
  '😀'.repeat(300),
  'a@[127.0.0.1]',
];

/**
 * Values of the wrong type, out of range or absurd, for a property of `schema`: the ones that
 * found bugs before first (null, NUL, a lone surrogate, a quoted address, the wrong type), so a
 * small budget per property still sends them.
 */
export function hostileValues(schema: Schema): unknown[] {
  const type = typeOf(schema);
  const wrongTypes: unknown[] = [12.5, 'a', { a: 1 }, [], true].filter(
    (value) => typeOf({ type: jsonType(value) }) !== type,
  );
  const byType: Record<string, readonly unknown[]> = {
    string: HOSTILE_STRINGS,
    integer: [1e308, '99999999999999999999', 2 ** 63, -1, 0, '1'],
    number: [1e308, -1e308, '1e308', -1, '1'],
    boolean: ['true', 0],
    array: [[null], Array.from({ length: 5000 }, () => 'a'), [deeplyNested(20)], [...HOSTILE_STRINGS], { 0: 'a' }],
    object: [deeplyNested(40, 'object'), [{}], { ['a\u0000']: 1 }],
  };
  const own = byType[type] ?? HOSTILE_STRINGS;
  return [null, ...own.slice(0, 3), wrongTypes[0], ...own.slice(3), ...wrongTypes.slice(1)];
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value;
}

/** Bad values for a path parameter, raw (already percent-encoded where they should be). */
export const HOSTILE_PATH_SEGMENTS: readonly string[] = [
  'not-a-uuid',
  '9'.repeat(40),
  '%00',
  '00000000-0000-0000-0000-000000000000%00',
  '%E0%A4%A',
  'a'.repeat(150),
  '..%2F..%2Fetc%2Fpasswd',
  '-1',
  '1e308',
  '%ED%A0%80',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** Bad values for a query parameter, raw (percent-encoded). */
export const HOSTILE_QUERY_VALUES: readonly string[] = [
  '%00',
  '1e308',
  '99999999999999999999',
  '%ED%A0%80',
  'a%00b',
  '%E0%A4%A',
  '%1B%5B2J',
  '-1',
  '0',
  '1.5',
  '',
  'x'.repeat(5000),
  '%27%20OR%201%3D1--',
];

/** Bad values for a declared request header (what fetch can send: Latin-1, no CR/LF or NUL). */
export const HOSTILE_HEADER_VALUES: readonly string[] = ['x'.repeat(300), ' ', 'a\tb', '\u00ff\u00fe', '${jndi:x}'];

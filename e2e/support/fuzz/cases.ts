import { typeOf, type Operation, type Schema } from './openapi-operations';
import { multipartCases } from './multipart-cases';
import type { Prng } from './prng';
import { deeplyNested, HOSTILE_PATH_SEGMENTS, HOSTILE_QUERY_VALUES, hostileValues, plausible } from './values';

/** One request the fuzzer sends. */
export interface FuzzCase {
  /** What is broken, for the report. */
  label: string;
  method: string;
  /** Path and query, percent-encoded as sent. */
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * Every bad request the fuzzer knows for `operation`: bad path and query parameters, then for its
 * body each property broken in turn (wrong types, null, hostile text, huge values, deep nesting),
 * each required property left out, whole bodies of the wrong shape, wrong media types and
 * malformed multipart. The rest of each request is plausible, so each case tests one thing.
 */
export function casesFor(operation: Operation, rng: Prng): FuzzCase[] {
  const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParams = operation.parameters.filter((parameter) => parameter.in === 'query');
  const plausiblePath = Object.fromEntries(pathParams.map((parameter) => [parameter.name, rng.uuid()]));
  const urlWith = (path: Record<string, string>, query = '') =>
    operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => path[name]) + (query ? `?${query}` : '');
  const url = urlWith(plausiblePath);
  const cases: FuzzCase[] = [];
  const jsonSchema = operation.bodies['application/json'];
  const validJson = jsonSchema ? JSON.stringify(plausible(jsonSchema, rng)) : undefined;
  const base = (): Pick<FuzzCase, 'method' | 'headers' | 'body'> =>
    validJson === undefined
      ? { method: operation.method, headers: {} }
      : { method: operation.method, headers: JSON_TYPE, body: validJson };

  for (const parameter of pathParams)
    for (const segment of HOSTILE_PATH_SEGMENTS)
      cases.push({ ...base(), label: `path ${parameter.name}=${segment.slice(0, 20)}`, url: urlWith({ ...plausiblePath, [parameter.name]: segment }) });

  for (const parameter of queryParams) {
    for (const value of HOSTILE_QUERY_VALUES)
      cases.push({ ...base(), label: `query ${parameter.name}=${value.slice(0, 20)}`, url: urlWith(plausiblePath, `${parameter.name}=${value}`) });
    cases.push({ ...base(), label: `query ${parameter.name} twice`, url: urlWith(plausiblePath, `${parameter.name}=a&${parameter.name}=b`) });
    cases.push({ ...base(), label: `query ${parameter.name}[x]`, url: urlWith(plausiblePath, `${parameter.name}[x]=a`) });
  }

  if (jsonSchema) cases.push(...jsonBodyCases(operation.method, url, jsonSchema, rng));
  const multipartSchema = operation.bodies['multipart/form-data'];
  if (multipartSchema) cases.push(...multipartCases(operation.method, url, multipartSchema));
  if (!jsonSchema && !multipartSchema && operation.method !== 'GET')
    cases.push({ label: 'unexpected JSON body', method: operation.method, url, headers: JSON_TYPE, body: '{"a":[1,2,3]}' });
  return cases;
}

function jsonBodyCases(method: string, url: string, schema: Schema, rng: Prng): FuzzCase[] {
  const valid = plausible(schema, rng) as Record<string, unknown>;
  const json = (label: string, body: unknown): FuzzCase => ({ label, method, url, headers: JSON_TYPE, body: JSON.stringify(body) });
  const raw = (label: string, body: string, contentType = 'application/json'): FuzzCase => ({
    label,
    method,
    url,
    headers: { 'content-type': contentType },
    body,
  });
  const cases: FuzzCase[] = [];
  for (const { path, schema: property, required } of propertiesOf(schema)) {
    for (const value of hostileValues(property)) cases.push(json(`body ${path.join('.')} = ${describe(value)}`, withValue(valid, path, value)));
    if (required) cases.push(json(`body ${path.join('.')} missing`, withValue(valid, path, undefined)));
  }
  cases.push(
    json('body null', null),
    json('body array', [valid, valid]),
    json('body string', 'a'),
    json('body number', 1e308),
    json('body empty object', {}),
    json('body nested 31 deep', deeplyNested(31, 'object')),
    raw('body nested 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000)),
    raw('body truncated JSON', '{"a":'),
    raw('body invalid JSON echoing', '{"x": <script>}'),
    raw('body with __proto__', '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}'),
    raw('body empty with JSON type', ''),
    raw('body as text/plain', 'hello', 'text/plain'),
    raw('body as XML', '<a/>', 'application/xml'),
    raw('body as form', 'a=1&b=2', 'application/x-www-form-urlencoded'),
    raw('body as multipart without boundary', 'x', 'multipart/form-data'),
    raw('body JSON in UTF-16', JSON.stringify(valid), 'application/json; charset=utf-16'),
    raw('body over 1 MiB', JSON.stringify({ a: 'x'.repeat(1_100_000) })),
  );
  return cases;
}

interface PropertyPath {
  path: string[];
  schema: Schema;
  required: boolean;
}

/** Every property of an object schema, nested objects and the first item of arrays included. */
function propertiesOf(schema: Schema, prefix: string[] = [], depth = 0): PropertyPath[] {
  if (depth > 3) return [];
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const path = [...prefix, key];
    const own = { path, schema: property, required: schema.required?.includes(key) ?? false };
    const type = typeOf(property);
    if (type === 'object') return [own, ...propertiesOf(property, path, depth + 1)];
    if (type === 'array' && property.items && typeOf(property.items) === 'object')
      return [own, ...propertiesOf(property.items, [...path, '0'], depth + 1)];
    return [own];
  });
}

/** A copy of `document` with the value at `path` replaced (or removed when undefined). */
function withValue(document: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (target[key] === null || typeof target[key] !== 'object') target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 24 ? `${text.slice(0, 24)}…(${text.length})` : text;
}

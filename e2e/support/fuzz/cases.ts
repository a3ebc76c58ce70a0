import { typeOf, type Operation, type Schema } from './openapi-operations';
import { multipartCases } from './multipart-cases';
import type { Prng } from './prng';
import {
  deeplyNested,
  HOSTILE_HEADER_VALUES,
  HOSTILE_PATH_SEGMENTS,
  HOSTILE_QUERY_VALUES,
  hostileValues,
  plausible,
  type References,
} from './values';

/** One request the fuzzer sends. */
export interface FuzzCase {
  /** What is broken, for the report. */
  label: string;
  /** The parameter, property or aspect the case aims at (cases are drawn evenly across them). */
  target: string;
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
export function casesFor(operation: Operation, rng: Prng, references?: References): FuzzCase[] {
  const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParams = operation.parameters.filter((parameter) => parameter.in === 'query');
  const plausiblePath = Object.fromEntries(pathParams.map((parameter) => [parameter.name, rng.uuid()]));
  const urlWith = (path: Record<string, string>, query = '') =>
    operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => path[name]) + (query ? `?${query}` : '');
  const url = urlWith(plausiblePath);
  const cases: FuzzCase[] = [];
  const jsonSchema = operation.bodies['application/json'];
  const validJson = jsonSchema ? JSON.stringify(plausible(jsonSchema, rng, references)) : undefined;
  const base = (): Pick<FuzzCase, 'method' | 'headers' | 'body'> =>
    validJson === undefined
      ? { method: operation.method, headers: {} }
      : { method: operation.method, headers: JSON_TYPE, body: validJson };

  for (const parameter of pathParams)
    for (const segment of HOSTILE_PATH_SEGMENTS)
      cases.push({
        ...base(),
        label: `path ${parameter.name}=${segment.slice(0, 20)}`,
        target: `path ${parameter.name}`,
        url: urlWith({ ...plausiblePath, [parameter.name]: segment }),
      });

  for (const parameter of queryParams) {
    const query = (label: string, value: string): FuzzCase => ({
      ...base(),
      label: `query ${parameter.name}${label}`,
      target: `query ${parameter.name}`,
      url: urlWith(plausiblePath, value),
    });
    for (const value of HOSTILE_QUERY_VALUES) cases.push(query(`=${value.slice(0, 20)}`, `${parameter.name}=${value}`));
    cases.push(query(' twice', `${parameter.name}=a&${parameter.name}=b`), query('[x]', `${parameter.name}[x]=a`));
  }

  for (const parameter of operation.parameters.filter((p) => p.in === 'header'))
    for (const value of HOSTILE_HEADER_VALUES)
      cases.push({
        ...base(),
        label: `header ${parameter.name}=${JSON.stringify(value).slice(0, 20)}`,
        target: `header ${parameter.name}`,
        url,
        headers: { ...base().headers, [parameter.name]: value },
      });

  if (jsonSchema) cases.push(...jsonBodyCases(operation.method, url, jsonSchema, rng, references));
  const multipartSchema = operation.bodies['multipart/form-data'];
  if (multipartSchema) cases.push(...multipartCases(operation.method, url, multipartSchema));
  if (!jsonSchema && !multipartSchema && operation.method !== 'GET')
    cases.push({
      label: 'unexpected JSON body',
      target: 'body',
      method: operation.method,
      url,
      headers: JSON_TYPE,
      body: '{"a":[1,2,3]}',
    });
  return cases;
}

function jsonBodyCases(method: string, url: string, schema: Schema, rng: Prng, references?: References): FuzzCase[] {
  const valid = plausible(schema, rng, references) as Record<string, unknown>;
  const json = (label: string, body: unknown, target = 'body'): FuzzCase => ({
    label,
    target,
    method,
    url,
    headers: JSON_TYPE,
    body: JSON.stringify(body),
  });
  const raw = (label: string, body: string, contentType = 'application/json'): FuzzCase => ({
    label,
    target: 'body',
    method,
    url,
    headers: { 'content-type': contentType },
    body,
  });
  const cases: FuzzCase[] = [];
  for (const { path, schema: property, required } of propertiesOf(schema)) {
    const field = path.join('.');
    if (required) cases.push(json(`body ${field} missing`, withValue(valid, path, undefined), field));
    for (const value of hostileValues(property))
      cases.push(json(`body ${field} = ${describe(value)}`, withValue(valid, path, value), field));
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

/**
 * `count` of the cases, spread evenly over their targets: the next case of each target in turn
 * (targets in a random order; a target's cases in the order they were made, the likeliest to
 * find a bug first), so every property and parameter is hit before any is hit twice.
 */
export function pickCases(cases: FuzzCase[], count: number, rng: Prng): FuzzCase[] {
  const groups = new Map<string, FuzzCase[]>();
  for (const fuzzCase of cases) groups.set(fuzzCase.target, [...(groups.get(fuzzCase.target) ?? []), fuzzCase]);
  const queues = rng.sample([...groups.values()], groups.size).map((group) => [...group]);
  const picked: FuzzCase[] = [];
  while (picked.length < Math.min(count, cases.length))
    for (const queue of queues) if (queue.length > 0 && picked.length < count) picked.push(queue.shift()!);
  return picked;
}

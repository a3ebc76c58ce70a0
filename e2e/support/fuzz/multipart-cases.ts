import type { FuzzCase } from './cases';
import { typeOf, type Schema } from './openapi-operations';
import { HOSTILE_STRINGS } from './values';

const BOUNDARY = 'fuzzBoundary7MA4YWxkTrZu0gW';

interface RawPart {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}

/** A multipart/form-data body written by hand, so it can be as broken as a hostile client makes it. */
export function multipartBody(parts: RawPart[], { close = true } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.type ? `\r\nContent-Type: ${part.type}` : '';
    chunks.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
      Buffer.from(part.value),
      Buffer.from('\r\n'),
    );
  }
  if (close) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** Malformed and hostile multipart bodies for an operation that takes multipart/form-data. */
export function multipartCases(method: string, url: string, schema: Schema): FuzzCase[] {
  const headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
  const form = (label: string, parts: RawPart[], options?: { close?: boolean }): FuzzCase => ({
    label: `multipart ${label}`,
    target: `multipart ${parts[0]?.name ?? ''}`,
    method,
    url,
    headers,
    body: multipartBody(parts, options),
  });
  const properties = Object.entries(schema.properties ?? {});
  const textFields = properties.filter(([, property]) => property.format !== 'binary' && typeOf(property) !== 'array');
  const fileFields = properties.filter(
    ([, property]) => property.format === 'binary' || property.items?.format === 'binary',
  );
  const cases: FuzzCase[] = [
    {
      label: 'multipart without boundary',
      target: 'multipart',
      method,
      url,
      headers: { 'content-type': 'multipart/form-data' },
      body: 'x',
    },
    {
      label: 'multipart, body not multipart',
      target: 'multipart',
      method,
      url,
      headers,
      body: 'not a multipart body at all',
    },
    form('truncated', [{ name: 'a', value: 'b' }], { close: false }),
    form('empty', []),
    form('unknown field', [{ name: 'unknown\u0000', value: 'x' }]),
    form(
      'too many parts',
      Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, value: 'x' })),
    ),
    form('a file without a name', [{ name: 'file', value: Buffer.from([0, 1, 2]), filename: '' }]),
  ];
  for (const [name] of textFields) {
    for (const value of HOSTILE_STRINGS.slice(0, 6))
      cases.push(form(`${name}=${JSON.stringify(value).slice(0, 20)}`, [{ name, value }]));
    cases.push(
      form(`${name} as JSON nested 100,000 deep`, [
        { name, value: '['.repeat(100_000) + ']'.repeat(100_000), filename: 'a.json', type: 'application/json' },
      ]),
      form(`${name} as invalid JSON`, [{ name, value: '{"a": <script>', type: 'application/json' }]),
      form(`${name} twice`, [
        { name, value: '{}' },
        { name, value: '{}' },
      ]),
      form(`${name} as 2 MiB`, [{ name, value: 'x'.repeat(2 * 1024 * 1024) }]),
    );
  }
  for (const [name] of fileFields)
    cases.push(
      form(`${name} garbage bytes`, [
        { name, value: Buffer.from('GIF89a garbage'), filename: 'x.png', type: 'image/png' },
      ]),
      form(`${name} path in filename`, [
        { name, value: Buffer.from('%PDF-1.4 x'), filename: '../../etc/passwd\u0000.pdf', type: 'application/pdf' },
      ]),
    );
  return cases;
}

import { createHash } from 'node:crypto';
import { ProblemException } from '../errors/problem';
import { isMultipartBody } from '../uploads/multipart';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * What makes two requests "the same" for an idempotency key: method, URL and body. Bodies are
 * compared in a canonical form (object keys sorted), and multipart files by the hash of their
 * bytes, which are never stored.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  const kind = isMultipartBody(body) ? 'multipart' : 'json';
  return sha256(`${method} ${url}\n${kind}\n${canonicalJson(body)}`);
}

function canonicalJson(body: unknown): string {
  try {
    return JSON.stringify(canonical(body));
  } catch (error) {
    // JSON.parse takes nesting that recursion cannot walk: a body of 400 000 nested arrays fits in 1 MiB.
    if (error instanceof RangeError)
      throw ProblemException.badRequest('The body is nested too deeply.', 'body-too-deep');
    throw error;
  }
}

function canonical(value: unknown): unknown {
  if (isMultipartBody(value)) {
    return {
      fields: canonical(value.fields),
      files: value.files.map(({ field, filename, declaredType, bytes }) => [
        field,
        filename,
        declaredType,
        sha256(bytes),
      ]),
    };
  }
  if (Buffer.isBuffer(value)) return sha256(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value ?? null;
}

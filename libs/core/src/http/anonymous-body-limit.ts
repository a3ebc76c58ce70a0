import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bodyRouteConfigOf } from './raw-json-body';

/** Far above any body an anonymous caller has to send as JSON (sign-in, password reset, activation). */
export const ANONYMOUS_BODY_LIMIT = 16 * 1024;

const tooLarge = (limit: number) =>
  Object.assign(new Error(`A request without credentials may send at most ${limit / 1024} KiB.`), {
    statusCode: 413,
  });

// The multipart plugin's own `isMultipart()` is only known once the body parser has run.
const isMultipart = (request: FastifyRequest) => /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');

const hasCredentials = (request: FastifyRequest) =>
  Boolean(request.headers.authorization || request.headers['x-api-key']);

/**
 * Keeps bodies from callers without credentials small: they are parsed before any guard runs, so
 * the 1 MiB limit let anyone make the API parse and validate 1 MiB per request. Multipart is
 * exempt (the public application form; it is read only after the guards, within its own limits).
 * A declared length over the limit is refused before a byte is read; a chunked body when it passes it.
 * A route may set its own limit (@KeepsRawJsonBody: Stripe's signed events can be larger).
 */
export function registerAnonymousBodyLimit(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (hasCredentials(request) || isMultipart(request)) return payload;
    const limit = bodyRouteConfigOf(request).anonymousBodyLimit ?? ANONYMOUS_BODY_LIMIT;
    const declared = request.headers['content-length'];
    if (declared !== undefined) {
      if (Number(declared) > limit) throw tooLarge(limit);
      return payload;
    }
    let received = 0;
    return payload.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.length;
          done(received > limit ? tooLarge(limit) : null, chunk);
        },
      }),
    );
  });
}

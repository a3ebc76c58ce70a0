import type { FastifyInstance } from 'fastify';
import { keepRawBody } from './raw-json-body';

/** Deeper than any document this API accepts; validation would recurse past the stack beyond it. */
export const MAX_JSON_DEPTH = 32;

/** How deeply `value` nests arrays and objects, counted without recursion. */
export function jsonDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(current)) pending.push([child, level]);
  }
  return deepest;
}

/**
 * Fastify's own JSON parser (prototype-poisoning protection included), refusing documents nested
 * deeper than MAX_JSON_DEPTH with a 400 instead of letting validation overflow the stack (a 500).
 * Routes marked @KeepsRawJsonBody() also get the text itself (signed webhooks).
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  // No endpoint takes text: a text/plain body is a 415, not a string handed to a DTO's validation.
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
        return done(
          Object.assign(new Error(`The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep.`), {
            statusCode: 400,
          }),
          undefined,
        );
      keepRawBody(request, body as string);
      done(null, value);
    });
  });
}

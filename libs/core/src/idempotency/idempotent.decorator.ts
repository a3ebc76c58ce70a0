import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-scope';
import { IDEMPOTENT_REPLAYED_HEADER, IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Honours an optional Idempotency-Key on a POST that creates something: the same key with the
 * same request replays the first response (status and body, with `Idempotent-Replayed: true`);
 * with another request it is a 422. Keys are per caller (user, API key, or anonymous), method and
 * path, and kept 24 hours. Only successful responses are kept. For handlers returning JSON.
 */
export function Idempotent() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Any 1–255 printable ASCII characters, e.g. a UUID, new for each new request. Retrying with the same key ' +
        `and body returns the first response again, marked \`${IDEMPOTENT_REPLAYED_HEADER}: true\`.`,
    }),
    ApiUnprocessableEntityResponse({
      type: ProblemDto,
      description: 'The Idempotency-Key was already used with a different request',
    }),
  );
}

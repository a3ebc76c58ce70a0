import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-scope';
import { IDEMPOTENT_REPLAYED_HEADER, type IdempotentCall } from './idempotency.service';

const callOf = createParamDecorator((_: unknown, context: ExecutionContext): IdempotentCall => ({
  request: context.switchToHttp().getRequest(),
  reply: context.switchToHttp().getResponse(),
}));

const documentation = applyDecorators(
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

/**
 * Honours an optional Idempotency-Key on a POST that creates something: the parameter it marks
 * is the call to hand to `Idempotency.once` with the handler's work, and the route's OpenAPI
 * documents the header. The same key with the same request replays the first response (status
 * and body, with `Idempotent-Replayed: true`); with another request it is a 422. Keys are per
 * caller (user, API key, or anonymous), method and path, and kept 24 hours. Only successful
 * responses are kept. For handlers returning JSON.
 */
export function Idempotent(): ParameterDecorator {
  return (target, method, index) => {
    callOf()(target, method, index);
    if (method === undefined) return;
    documentation(target, method, Reflect.getOwnPropertyDescriptor(target, method)!);
  };
}

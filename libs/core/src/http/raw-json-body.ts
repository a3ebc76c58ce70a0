import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

/** What a route's Fastify config may say about its body; read by the JSON parser and the anonymous limit. */
export interface BodyRouteConfig {
  /** Keep the JSON body's exact text as well as its value: a signature is computed over the bytes. */
  rawBody?: boolean;
  /** Bytes a caller without credentials may send to this route, instead of ANONYMOUS_BODY_LIMIT. */
  anonymousBodyLimit?: number;
}

type WithRawBody = FastifyRequest & { rawBody?: string };

export function bodyRouteConfigOf(request: FastifyRequest): BodyRouteConfig {
  return (request.routeOptions?.config ?? {}) as BodyRouteConfig;
}

/** Called by the JSON parser: keeps the text for the routes that asked for it, and only for them. */
export function keepRawBody(request: FastifyRequest, text: string): void {
  if (bodyRouteConfigOf(request).rawBody) (request as WithRawBody).rawBody = text;
}

/**
 * The route receives signed JSON (a webhook): its exact text is kept for @RawJsonBody(), and
 * anonymous callers may send up to `anonymousLimit` bytes to it. Every other route parses JSON
 * as before, without keeping a second copy of the body.
 */
export const KeepsRawJsonBody = (anonymousLimit?: number): MethodDecorator =>
  RouteConfig({ rawBody: true, anonymousBodyLimit: anonymousLimit } satisfies BodyRouteConfig);

/** The JSON body's text as received, on a route marked @KeepsRawJsonBody(); undefined without a JSON body. */
export const RawJsonBody = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<WithRawBody>().rawBody,
);

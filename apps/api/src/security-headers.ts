import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers on every response (no CSP: the API serves JSON, the SPA sets its own).
 * The middleware is built once here; @fastify/helmet built it anew for every request.
 */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  const setHeaders = helmet({ contentSecurityPolicy: false });
  fastify.addHook('onRequest', (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}

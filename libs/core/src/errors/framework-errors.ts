import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { problemType, type ProblemDto } from './problem';

// Fastify answers a few requests before any route (so before Nest's filter) and Node answers
// malformed HTTP on the socket; by default both reply `{error, code, message}`, the bad-URL one
// echoing the URL. These handlers answer problem+json with fixed details instead, never echoing
// the request.

const FRAMEWORK_PROBLEMS: Record<string, { status: number; slug: string; detail: string }> = {
  FST_ERR_BAD_URL: { status: 400, slug: 'bad-url', detail: 'The URL is not valid (a bad percent-encoding).' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, slug: 'uri-too-long', detail: 'A path parameter is too long.' },
};

const CLIENT_PROBLEMS: Record<string, { status: number; slug: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, slug: 'headers-too-large', detail: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, slug: 'request-timeout', detail: 'The request took too long to arrive.' },
};
const MALFORMED = { status: 400, slug: 'malformed-request', detail: 'The request is not valid HTTP.' };

function problemOf({ status, slug, detail }: { status: number; slug: string; detail: string }): ProblemDto {
  return { type: problemType(slug), title: STATUS_CODES[status] ?? 'Bad request', status, detail };
}

/** Fastify's `frameworkErrors`: bad URL escapes and over-long path parameters. */
export function answerFrameworkError(error: Error & { code?: string }, _: FastifyRequest, reply: FastifyReply): void {
  const known = FRAMEWORK_PROBLEMS[error.code ?? ''] ?? { status: 400, slug: 'bad-request', detail: 'Bad request.' };
  void reply.status(known.status).type('application/problem+json').send(problemOf(known));
}

/** Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (431, 408, malformed requests). */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body = JSON.stringify(problemOf(CLIENT_PROBLEMS[error.code ?? ''] ?? MALFORMED));
  const { status } = CLIENT_PROBLEMS[error.code ?? ''] ?? MALFORMED;
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(error);
}

/** The Fastify options that route the framework's own answers through problem+json. */
export const problemFrameworkOptions: Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> = {
  frameworkErrors: answerFrameworkError,
  clientErrorHandler: answerClientError,
};

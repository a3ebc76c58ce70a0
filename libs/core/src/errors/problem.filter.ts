import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { databaseUnavailable, isDatabaseUnavailable } from '../database/database-unavailable';
import { ProblemDto, ProblemException, problemType } from './problem';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
};

/** Turns anything thrown while handling a request into an RFC 9457 problem+json response. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { problem, headers } = this.toProblem(exception);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, reqId: request.id }, 'Unhandled error');
    }
    void reply
      .status(problem.status)
      .headers(headers)
      .type('application/problem+json')
      .send({ ...problem, instance: request.url });
  }

  private toProblem(thrown: unknown): { problem: ProblemDto; headers: Record<string, string> } {
    const exception = isDatabaseUnavailable(thrown) ? databaseUnavailable() : thrown;
    if (exception instanceof ProblemException) {
      const { type, ...rest } = exception.problem;
      return { problem: { type: type ?? 'about:blank', ...rest }, headers: exception.headers };
    }
    if (exception instanceof HttpException) {
      return { problem: fromStatus(exception.getStatus(), messageOf(exception)), headers: {} };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code === '23505') return { problem: fromStatus(409, 'This record already exists.'), headers: {} };
      if (code === '22P02') return { problem: fromStatus(400, 'A value has the wrong format.'), headers: {} };
    }
    const status = statusOf(exception);
    if (status >= 400 && status < 500) {
      return { problem: fromStatus(status, (exception as Error).message), headers: {} };
    }
    return { problem: fromStatus(500, 'Something went wrong on our side. It has been logged.'), headers: {} };
  }
}

function fromStatus(status: number, detail: string): ProblemDto {
  const title = TITLES[status] ?? (status >= 500 ? 'Internal server error' : 'Request failed');
  const slug = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return { type: problemType(slug), title, status, detail };
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Fastify and its plugins (body parser, multipart) throw errors carrying a statusCode. */
function statusOf(exception: unknown): number {
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : HttpStatus.INTERNAL_SERVER_ERROR;
}

import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { readMultipartBody, type MultipartRouteLimits } from './multipart.plugin';

/**
 * Reads a multipart/form-data body into `request.body` once the guards have let the request in
 * (interceptors run after guards), so an upload is never read for a caller who will be refused.
 */
@Injectable()
export class MultipartBodyInterceptor implements NestInterceptor {
  protected readonly limits: MultipartRouteLimits = {};

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.isMultipart()) request.body = await readMultipartBody(request, this.limits);
    return next.handle();
  }
}

/**
 * Marks a route that takes files: only such routes read multipart bodies, and only after
 * authentication, authorization and rate limits. Handlers then take `multipartBody(request)`.
 * `limits.fileSize` raises or lowers the per-file limit for this route (a bank statement is larger
 * than a scan).
 */
export const TakesFiles = (limits?: MultipartRouteLimits) =>
  UseInterceptors(limits ? new LimitedMultipartBodyInterceptor(limits) : MultipartBodyInterceptor);

/** A route's own limits: an instance, so Nest does not try to inject them. */
class LimitedMultipartBodyInterceptor extends MultipartBodyInterceptor {
  constructor(protected override readonly limits: MultipartRouteLimits) {
    super();
  }
}

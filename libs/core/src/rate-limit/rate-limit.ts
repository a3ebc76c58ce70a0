import { applyDecorators, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemDto, ProblemException } from '../errors/problem';

/**
 * Limits anonymous callers (the global guard has already authenticated anyone else: staff and
 * integrators are accountable and may legitimately send many). Counts per client IP and, when the
 * body names one, per e-mail — so one address cannot be hammered from one place, and people
 * behind one NAT do not lock each other out.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Boolean(context.switchToHttp().getRequest<{ user?: unknown }>().user);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const body = request.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `${String(request.ip)}|${email}`;
  }

  protected override async throwThrottlingException(_: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw ProblemException.tooManyRequests(Math.max(1, detail.timeToBlockExpire));
  }
}

/** At most `limit` calls per `windowSeconds` for this route; 429 problem+json with Retry-After beyond. */
export function RateLimit(limit: number, windowSeconds: number) {
  return applyDecorators(
    UseGuards(RateLimitGuard),
    Throttle({ default: { limit, ttl: windowSeconds * 1000 } }),
    ApiTooManyRequestsResponse({ type: ProblemDto, description: 'Too many attempts; see Retry-After' }),
  );
}

/** Registers the throttler storage; routes opt in with @RateLimit. */
export const RateLimitModule = ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 1000 }]);

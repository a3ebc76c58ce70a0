import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  Logger,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { ProblemDto } from '../errors/problem';
import { rateLimited } from './rate-limit-problems';
import { RateLimitStore, RateLimitStoreUnavailable, type Bucket } from './rate-limit-store';

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitPolicy {
  /** Names this route's counters. */
  name: string;
  /** Every request from one client address, whoever is signed in. */
  perClient: RateLimitRule;
  /** Also every request from one client naming the same `email` in its JSON body. */
  perClientAndEmail?: RateLimitRule;
  /**
   * Callers this limit is not for (e.g. staff entering paper applications). Never "anyone with a
   * token": a member's token must not buy unlimited attempts on a public route.
   */
  exempt?: (principal: Principal | undefined) => boolean;
}

const POLICY_KEY = 'tessera:rate-limit';

interface CountedRequest {
  ip: string;
  body?: unknown;
  user?: Principal;
}

/**
 * Counts a request in Redis against its route's policy; 429 problem+json with Retry-After beyond.
 * Without Redis the request goes through uncounted (logged): these routes guess no secret and have
 * other protection (captcha, one-time tokens, mail to the owner only). Sign-in, which does guard a
 * secret, refuses instead (LoginAttempts).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly store: RateLimitStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.get<RateLimitPolicy>(POLICY_KEY, context.getHandler());
    const request = context.switchToHttp().getRequest<CountedRequest>();
    if (policy.exempt?.(request.user)) return true;
    const limited = bucketsOf(policy, request);
    try {
      const counts = await this.store.hit(limited.map(([bucket]) => bucket));
      const over = counts.find((counted, i) => counted.count > limited[i][1]);
      if (over) throw rateLimited(over.resetInMs);
      return true;
    } catch (error) {
      if (!(error instanceof RateLimitStoreUnavailable)) throw error;
      this.logger.warn(`${policy.name}: not rate-limited while Redis is unavailable`);
      return true;
    }
  }
}

function bucketsOf(policy: RateLimitPolicy, request: CountedRequest): [Bucket, number][] {
  const windowMs = (rule: RateLimitRule) => rule.windowSeconds * 1000;
  const client = `${policy.name}:client:${request.ip}`;
  const limited: [Bucket, number][] = [
    [{ subject: client, windowMs: windowMs(policy.perClient) }, policy.perClient.limit],
  ];
  const email = bodyEmail(request.body);
  if (policy.perClientAndEmail && email) {
    const rule = policy.perClientAndEmail;
    limited.push([{ subject: `${client}:email:${email}`, windowMs: windowMs(rule) }, rule.limit]);
  }
  return limited;
}

/** The normalised `email` of a JSON body, if it has one. */
export function bodyEmail(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : undefined;
}

/** Applies `policy` to this route (counted in Redis, shared by every API process). */
export function RateLimit(policy: RateLimitPolicy) {
  return applyDecorators(
    SetMetadata(POLICY_KEY, policy),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({ type: ProblemDto, description: 'Too many attempts; see Retry-After' }),
  );
}

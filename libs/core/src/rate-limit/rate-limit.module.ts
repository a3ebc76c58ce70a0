import { Global, Module } from '@nestjs/common';
import { RateLimitGuard } from './rate-limit';
import { RateLimitStore } from './rate-limit-store';

/** The Redis counters behind @RateLimit and the login throttle (API only). */
@Global()
@Module({ providers: [RateLimitStore, RateLimitGuard], exports: [RateLimitStore, RateLimitGuard] })
export class RateLimitModule {}

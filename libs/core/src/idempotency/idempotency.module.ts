import { Global, Module } from '@nestjs/common';
import { IdempotencyKeyRepository } from './idempotency-key.repository';
import { Idempotency } from './idempotency.service';

/** `Idempotency` for the `@Idempotent()` routes, wherever their controllers are. */
@Global()
@Module({ providers: [IdempotencyKeyRepository, Idempotency], exports: [Idempotency] })
export class IdempotencyModule {}

import { Global, Module } from '@nestjs/common';
import { IdempotencyKeyRepository } from './idempotency-key.repository';

/** What `@Idempotent()` routes need, wherever their controllers are. */
@Global()
@Module({ providers: [IdempotencyKeyRepository], exports: [IdempotencyKeyRepository] })
export class IdempotencyModule {}

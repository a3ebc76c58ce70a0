import { Test, type TestingModule, type TestingModuleBuilder } from '@nestjs/testing';
import {
  AppConfig,
  ClockModule,
  ConfigModule,
  DatabaseModule,
  loadConfig,
  OutboxModule,
  OutboxRelayModule,
  QueueModule,
  type QueueDefinition,
  type SchemaPart,
} from '@tessera/core';
import { tesseraSchema } from '@tessera/schema';

type ModuleImports = NonNullable<Parameters<typeof Test.createTestingModule>[0]['imports']>;

export interface WorkerTestingOptions {
  /** Domain modules, e.g. `[NotificationsModule, NotificationsWorkerModule]`. */
  imports: ModuleImports;
  /** Queues the outbox relay moves to BullMQ, e.g. `[emailQueue]` (with short backoff in tests). */
  queues: QueueDefinition[];
  /** Settings over the test environment (DATABASE_URL, REDIS_URL, SMTP_URL, QUEUE_PREFIX…). */
  env?: Record<string, string>;
  schema?: SchemaPart;
  /** Last changes to the module, e.g. `(builder) => builder.overrideProvider(X).useValue(y)`. */
  configure?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/**
 * What apps/worker runs, as a testing module: config, database, outbox, BullMQ, the given domain
 * modules and the outbox relay, initialised (processors and relay running). `close()` it after.
 * `env` is read into AppConfig only: process.env is left as it is.
 */
export async function createWorkerTestingModule(options: WorkerTestingOptions): Promise<TestingModule> {
  const config = loadConfig({ ...process.env, ...options.env });
  let builder = Test.createTestingModule({
    imports: [
      ConfigModule,
      ClockModule,
      DatabaseModule.forRoot(options.schema ?? tesseraSchema),
      OutboxModule,
      QueueModule.forRoot(),
      ...options.imports,
      OutboxRelayModule.forQueues(options.queues),
    ],
  })
    .overrideProvider(AppConfig)
    .useValue(config);
  if (options.configure) builder = options.configure(builder);
  const moduleRef = await builder.compile();
  await moduleRef.init();
  return moduleRef;
}

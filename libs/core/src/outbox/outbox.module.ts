import { DynamicModule, Global, Module } from '@nestjs/common';
import type { QueueDefinition } from '../queue/queue-definition';
import { OutboxCompletion } from './outbox-completion';
import { OutboxRelay, RELAY_QUEUES } from './outbox.relay';
import { OutboxService } from './outbox.service';

/** OutboxService for every process that writes changes; OutboxCompletion for processors. */
@Global()
@Module({ providers: [OutboxService, OutboxCompletion], exports: [OutboxService, OutboxCompletion] })
export class OutboxModule {}

/** The relay, run by the worker only, for the queues it is given. */
@Module({})
export class OutboxRelayModule {
  static forQueues(queues: QueueDefinition[]): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [{ provide: RELAY_QUEUES, useValue: queues }, OutboxRelay],
      exports: [OutboxRelay],
    };
  }
}

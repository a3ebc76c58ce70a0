import 'reflect-metadata';
import { MembersModule } from '@tessera/members';
import { PlansModule } from '@tessera/plans';
import { createWorkerTestingModule } from '@tessera/testing';
import { RenewalRunsService } from '../renewals/renewal-runs.service';
import { SubscriptionModule } from '../subscription.module';

/**
 * A worker in a process of its own that executes one renewal run (argv: run id, batch size) and
 * prints "issued <n>" after each batch, for a test that kills it midway. Started by
 * renewal-kill.int-spec.ts under ts-node (sources, as Jest runs them).
 */
async function main(): Promise<void> {
  const [runId, batchSize] = process.argv.slice(2);
  const moduleRef = await createWorkerTestingModule({
    imports: [SubscriptionModule, PlansModule, MembersModule],
    queues: [],
  });
  await moduleRef
    .get(RenewalRunsService)
    .execute(runId, ({ issued }) => void process.stdout.write(`issued ${issued}\n`), Number(batchSize));
  await moduleRef.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

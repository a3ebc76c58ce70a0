import { emailOutboxBench } from './email-outbox.bench';
import { registrationBench } from './registration.bench';

/** `pnpm bench`: every benchmark in turn, each with its baseline from the same run. */
async function run(): Promise<void> {
  await emailOutboxBench();
  await registrationBench();
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

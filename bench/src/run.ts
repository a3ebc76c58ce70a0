import { emailOutboxBench } from './email-outbox.bench';

/** `pnpm bench`: every benchmark in turn, each with its baseline from the same run. */
async function run(): Promise<void> {
  await emailOutboxBench();
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

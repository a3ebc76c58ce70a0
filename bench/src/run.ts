import { bankImportBench } from './bank-import.bench';
import { emailOutboxBench } from './email-outbox.bench';
import { invoicesBench } from './invoices.bench';
import { readsBench } from './reads.bench';
import { registrationBench } from './registration.bench';
import { renewalsBench } from './renewals.bench';
import { statusSweepBench } from './status-sweep.bench';

const BENCHES: Record<string, () => Promise<void>> = {
  'email-outbox': emailOutboxBench,
  registration: registrationBench,
  reads: readsBench,
  invoices: invoicesBench,
  renewals: renewalsBench,
  'bank-import': bankImportBench,
  'status-sweep': statusSweepBench,
};

/** `pnpm bench`: every benchmark in turn, each with its baseline from the same run; `pnpm bench reads`: one. */
async function run(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, bench] of Object.entries(BENCHES)) if (only.length === 0 || only.includes(name)) await bench();
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

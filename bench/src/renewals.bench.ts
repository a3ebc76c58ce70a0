import type { TestingModule } from '@nestjs/testing';
import { billingQueue, BillingWorkerModule } from '@tessera/billing';
import { MembersModule } from '@tessera/members';
import { emailQueue, NotificationsWorkerModule } from '@tessera/notifications';
import { PlansModule, PlansService } from '@tessera/plans';
import { RenewalRunsService, SubscriptionModule } from '@tessera/subscription';
import {
  createWorkerTestingModule,
  seedMembers,
  seedYearlySubscriptions,
  SmtpSink,
  waitUntil,
  type SinkMessage,
} from '@tessera/testing';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { benchEnvironment, report, timed } from './support';

const SUBSCRIPTIONS = Number(process.env.BENCH_RENEWALS ?? 100_000);
const EMAILS = Number(process.env.BENCH_RENEWAL_EMAILS ?? 500);
/** Periods start over four weeks of 2026 and end over four weeks around the new year: all due then. */
const FIRST_START = '2026-01-01';
const AS_OF = '2027-01-15';

/**
 * Renewal runs. Issuing: a whole run (100,000 subscriptions due → pro-formas with lines, payment
 * references and announcement outbox rows) beside the raw-SQL floor, the same header rows written
 * by one INSERT … SELECT into a scratch copy of billing_documents; then the same run again (nothing
 * to issue). Announcing: pro-forma e-mails (PDF rendered and attached) from the run to an SMTP
 * sink, beside nodemailer sending the same messages straight to the sink.
 */
export async function renewalsBench(): Promise<void> {
  await issuing();
  await announcing();
}

async function issuing(): Promise<void> {
  const { env, drop } = await benchEnvironment();
  let moduleRef: TestingModule | undefined;
  try {
    moduleRef = await createWorkerTestingModule({
      imports: [SubscriptionModule, PlansModule, MembersModule],
      queues: [],
      env,
    });
    const db = moduleRef.get(DataSource);
    const runs = moduleRef.get(RenewalRunsService);
    await seedDue(moduleRef, SUBSCRIPTIONS, 'renewals');

    const indexedFloor = await floorInsert(db, 'ALL');
    const floor = await floorInsert(db, 'DEFAULTS');

    let started = performance.now();
    const run = await runs.execute((await runs.start(AS_OF, 'staff', null)) as string);
    const whole = performance.now() - started;
    await checkIssued(db, run.issued);

    started = performance.now();
    const again = await runs.execute((await runs.start(AS_OF, 'staff', null)) as string);
    const rerun = performance.now() - started;
    if (again.issued !== 0) throw new Error(`The re-run issued ${again.issued}`);

    report(`Renewal run (${SUBSCRIPTIONS} subscriptions due)`, [
      { label: 'run: due query, pro-formas + lines + references + outbox', count: run.issued, ms: whole },
      { label: 'the header rows by one INSERT … SELECT, with the indexes', count: SUBSCRIPTIONS, ms: indexedFloor },
      { label: 'baseline: the same, into a bare copy (the floor)', count: SUBSCRIPTIONS, ms: floor },
    ]);
    console.log(
      `  whole run ${(whole / 1000).toFixed(2)} s (target ≤ 5 s): ${(whole / floor).toFixed(1)}× the floor ` +
        `(target ≤ 20×), ${(whole / indexedFloor).toFixed(1)}× the indexed floor`,
    );
    console.log(`  re-run the same day: ${again.examined} due, 0 issued, in ${rerun.toFixed(0)} ms (target ≤ 1000 ms)`);
  } finally {
    await moduleRef?.close();
    await drop();
  }
}

/** Members and a plan, each member with a yearly subscription due as of AS_OF. */
async function seedDue(moduleRef: TestingModule, count: number, tag: string): Promise<void> {
  const plan = await moduleRef.get(PlansService).create({
    code: tag,
    name: 'Yearly membership',
    applicantKinds: ['individual'],
    price: { amount: 4000, currency: 'EUR' },
    period: { count: 1, unit: 'year' },
    taxRateBps: 2100,
    renewalLeadDays: 30,
  } as Parameters<PlansService['create']>[0]);
  const db = moduleRef.get(DataSource);
  await seedMembers(db, { count, planId: plan.id, passwordHash: 'x', tag });
  const seeded = await seedYearlySubscriptions(db, { planId: plan.id, firstStart: FIRST_START, spreadDays: 28 });
  if (seeded !== count) throw new Error(`Seeded ${seeded} subscriptions, not ${count}`);
  await db.query('VACUUM ANALYZE');
}

/**
 * The floor: the same header rows (numbers, buyer, amounts, period, reference) written by one
 * INSERT … SELECT into an empty copy of billing_documents — bare (`INCLUDING DEFAULTS`: the
 * issue's floor), or with the same indexes (`INCLUDING ALL`); no lines, no outbox, no foreign keys.
 */
async function floorInsert(db: DataSource, like: 'DEFAULTS' | 'ALL'): Promise<number> {
  await db.query(`CREATE TABLE bench_floor_documents (LIKE billing_documents INCLUDING ${like})`);
  const started = performance.now();
  await db.transaction(async (manager) => {
    await manager.query(`SET LOCAL jit = off`); // as the run's statement: compiling would cost more than it saves
    await manager.query(
      `INSERT INTO bench_floor_documents (kind, state, number, member_id, buyer, locale, currency, net_amount,
            tax_amount, gross_amount, issue_date, due_date, period_start, period_end, payment_reference,
            subject_type, subject_id, issued_at, updated_at)
     SELECT 'pro-forma', 'open', 'PRO-2026-' || lpad((row_number() OVER (ORDER BY s.id))::text, 6, '0'), s.member_id,
            jsonb_build_object('name', 'Seed Person', 'address', '{"line1":"Rue de la Loi 16","postalCode":"1000","city":"Brussels","country":"BE"}'::jsonb,
                               'companyNumber', NULL, 'vatNumber', NULL, 'memberNumber', 'M-000001', 'email', 'seed@seed.test'),
            'en', 'EUR', 4000, 840, 4840, current_date, current_date + 30, s.current_period_end + 1,
            (s.current_period_end + interval '1 year')::date, 'REF' || s.id, 'subscription', s.id, now(), now()
       FROM subscriptions s`,
    );
  });
  const ms = performance.now() - started;
  await db.query(`DROP TABLE bench_floor_documents`);
  return ms;
}

async function checkIssued(db: DataSource, issued: number): Promise<void> {
  const [row] = (await db.query(
    `SELECT (SELECT count(*) FROM billing_documents WHERE kind = 'pro-forma' AND payment_reference IS NOT NULL)::int AS documents,
            (SELECT count(*) FROM billing_document_lines)::int AS lines,
            (SELECT count(*) FROM outbox_messages WHERE job_name = 'announce-document')::int AS announcements`,
  )) as { documents: number; lines: number; announcements: number }[];
  for (const [what, n] of Object.entries({ issued, ...row }))
    if (n !== SUBSCRIPTIONS) throw new Error(`Expected ${SUBSCRIPTIONS} ${what}, found ${n}`);
}

/**
 * A run's pro-formas e-mailed: the worker's whole path (outbox → announce job → PDF rendered and
 * stored → mail log + outbox → e-mail job → SMTP with the PDF attached), then the same messages
 * sent again by nodemailer straight to the sink (same connections as the worker: a pool of 5).
 */
async function announcing(): Promise<void> {
  const { env, drop } = await benchEnvironment();
  const sink = await new SmtpSink().start();
  let moduleRef: TestingModule | undefined;
  try {
    moduleRef = await createWorkerTestingModule({
      imports: [SubscriptionModule, PlansModule, MembersModule, BillingWorkerModule, NotificationsWorkerModule],
      queues: [billingQueue, emailQueue],
      env: { ...env, SMTP_URL: sink.url },
    });
    await seedDue(moduleRef, EMAILS, 'announced');
    const runs = moduleRef.get(RenewalRunsService);
    const started = performance.now();
    await runs.execute((await runs.start(AS_OF, 'staff', null)) as string);
    await waitUntil(() => sink.messages().length >= EMAILS, {
      timeoutMs: 600_000,
      intervalMs: 20,
      description: 'every pro-forma e-mail',
    });
    const delivered = performance.now() - started;
    const messages = sink.messages();
    const withPdf = messages.filter((message) => message.attachments.some((a) => a.contentType === 'application/pdf'));
    if (withPdf.length !== EMAILS) throw new Error(`${withPdf.length} of ${EMAILS} e-mails have their PDF`);

    const direct = createTransport({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 5,
    });
    const directSend = await timed(EMAILS, 10, (i) => direct.sendMail(resent(messages[i])));
    direct.close();
    const pdfKb = withPdf.reduce((sum, message) => sum + message.attachments[0].size, 0) / EMAILS / 1024;

    report(`Renewal e-mails (${EMAILS} pro-formas, PDF attached, ~${pdfKb.toFixed(0)} kB each)`, [
      { label: 'run → outbox → PDF rendered → mail log → SMTP sink', count: EMAILS, ms: delivered },
      { label: 'baseline: nodemailer, the same messages, straight to the sink', count: EMAILS, ms: directSend },
    ]);
  } finally {
    await moduleRef?.close();
    await sink.stop();
    await drop();
  }
}

/** A received message as nodemailer would send it again: same sender, recipient, bodies and attachments. */
function resent(message: SinkMessage) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments.map((a) => ({
      filename: a.filename ?? undefined,
      content: a.content,
      contentType: a.contentType,
    })),
  };
}

import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '@tessera/api';
import { createTesseraClient, type TesseraClient } from '@tessera/api-client';
import { REGISTRATION_QUEUE } from '@tessera/registration';
import { SmtpSink, waitUntil } from '@tessera/testing';
import { WorkerModule } from '@tessera/worker';
import { DataSource } from 'typeorm';

export const ADMIN = { email: 'admin@tessera.test', password: 'Correct-Horse-Battery-9' };

/** The whole product in one process for a test file: API on a free port, worker, SMTP sink. */
export interface Stack {
  baseUrl: string;
  client: TesseraClient;
  sink: SmtpSink;
  api: NestFastifyApplication;
  worker: INestApplicationContext;
  /**
   * Resolves once the worker has completed the intake of every application submitted so far
   * (confirmation e-mail and approval request: see ApplicationIntakeService).
   */
  intakesSettled(): Promise<void>;
  /**
   * Holds the intake of applications back, as a worker that is behind would, until the returned
   * function is called (their jobs wait in the paused queue).
   */
  holdIntakes(): Promise<() => Promise<void>>;
  /** Holds the jobs of a queue back (`registration`, `email`…) in the same way. */
  holdQueue(name: string): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const sink = new SmtpSink();
  await sink.start();
  Object.assign(process.env, {
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // Tests start renewal runs and sweeps themselves; a daily one must not start mid-test.
    SCHEDULED_JOBS: 'false',
  });
  const api = await createApiApp({ logger: false });
  await api.listen({ port: 0, host: '127.0.0.1' });
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  const address = api.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    baseUrl,
    client: createTesseraClient({ baseUrl }),
    sink,
    api,
    worker,
    intakesSettled: () => intakesSettled(api.get(DataSource)),
    holdIntakes: () => holdQueue(worker, REGISTRATION_QUEUE),
    holdQueue: (name) => holdQueue(worker, name),
    async stop() {
      await api.close();
      await worker.close();
      await sink.stop();
    },
  };
}

async function intakesSettled(dataSource: DataSource): Promise<void> {
  await waitUntil(
    async () => {
      const [{ pending }] = (await dataSource.query(
        `SELECT count(*)::int AS pending FROM applications WHERE intake_completed_at IS NULL`,
      )) as { pending: number }[];
      return pending === 0;
    },
    { description: 'every application intake to complete' },
  );
}

async function holdQueue(worker: INestApplicationContext, name: string): Promise<() => Promise<void>> {
  const queue = worker.get<{ pause(): Promise<void>; resume(): Promise<void> }>(getQueueToken(name), {
    strict: false,
  });
  await queue.pause();
  return () => queue.resume();
}

/** A client that sends this bearer token. */
export function authorized(stack: Stack, accessToken: string): TesseraClient {
  return createTesseraClient({ baseUrl: stack.baseUrl, headers: { Authorization: `Bearer ${accessToken}` } });
}

let counter = 0;
/** A unique e-mail address for this test run. */
export function uniqueEmail(label = 'person'): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}.${counter}@example.test`;
}

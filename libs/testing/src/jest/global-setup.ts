import 'reflect-metadata';
import './resolve-workspace-sources';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@tessera/core';
import { tesseraSchema } from '@tessera/schema';
import { ADMIN_DATABASE_URL, newRunId, testEnvironment } from './test-environment';

/**
 * Creates this run's database from the real migrations and exports the environment to the test
 * workers. Runs once even when several Jest projects name it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TESSERA_TEST_RUN) return;
  const env = testEnvironment(newRunId());
  const database = new URL(env.DATABASE_URL).pathname.slice(1);
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const dataSource = new DataSource(dataSourceOptions(env.DATABASE_URL, tesseraSchema));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  Object.assign(process.env, env);
}

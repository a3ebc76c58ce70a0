import 'reflect-metadata';
import { dataSourceOptions, loadConfig } from '@tessera/core';
import { DataSource } from 'typeorm';
import { tesseraSchema } from './tessera-schema';

/** `pnpm migrate`: applies pending migrations to DATABASE_URL, then exits. */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(dataSourceOptions(config.DATABASE_URL, tesseraSchema));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date');
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

import type { DataSourceOptions } from 'typeorm';
import { ResilientPgClient } from './resilient-pg-client';
import type { SchemaPart } from './schema';

/** The single data source definition used by the apps, the migrate command and the tests. */
export function dataSourceOptions(databaseUrl: string, schema: SchemaPart): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, connectionTimeoutMillis: 5000, Client: ResilientPgClient },
  };
}

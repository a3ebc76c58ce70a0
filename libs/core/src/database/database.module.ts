import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import type { SchemaPart } from './schema';
import { Transactions } from './transactions';

/** The one TypeORM data source (migrations only, never synchronize) and the transaction helper. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(schema: SchemaPart): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => dataSourceOptions(config.DATABASE_URL, schema),
        }),
      ],
      providers: [Transactions],
      exports: [Transactions],
    };
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError, Repository } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * One transaction per state change. Services wrap a change in `run`; repositories ask for
 * `repository(Entity)` and so join whatever transaction is open, without passing managers around.
 */
@Injectable()
export class Transactions {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction; a nested call joins the outer transaction. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    return this.dataSource.transaction((manager) => this.current.run(manager, () => work(manager)));
  }

  /** The open transaction's manager, or the pool's outside a transaction. */
  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /**
   * Runs a hot statement as a named prepared statement, parsed and planned once per connection
   * rather than on every call (bench/: a third less database CPU for a one-row INSERT). `name`
   * must always stand for this same text. Joins the open transaction, like `manager`; errors are
   * TypeORM's QueryFailedError, as from `manager.query`.
   */
  async prepared<Row>(name: string, sql: string, params: unknown[]): Promise<Row[]> {
    const runner = this.current.getStore()?.queryRunner;
    const client: Pool | PoolClient = runner
      ? ((await runner.connect()) as PoolClient)
      : (this.dataSource.driver as PostgresDriver).master;
    try {
      return (await client.query({ name, text: sql, values: params })).rows as Row[];
    } catch (error) {
      throw new QueryFailedError(sql, params, error as Error);
    }
  }

  repository<E extends ObjectLiteral>(entity: EntityTarget<E>): Repository<E> {
    return this.manager.getRepository(entity);
  }
}

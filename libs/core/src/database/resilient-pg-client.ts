import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

const logger = new Logger('Database');

/**
 * node-postgres' client, listening for its own 'error' events from birth. pg emits 'error' when
 * its connection dies while no query is in flight (a backend terminated in a failover: 57P01).
 * The pool listens while a client is idle and TypeORM while a query runner holds it, but TypeORM
 * attaches its listener a promise tick after the pool hands the client over: a backend killed
 * as it starts sends ReadyForQuery and the 57P01 in one read, and the error in between had no
 * listener and crashed the process. Here such an error is logged; the client is then
 * unqueryable, so its holder's next statement fails (a 503) and the pool drops it on release.
 */
export class ResilientPgClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', (error: Error) => logger.warn(`A database connection failed: ${error.message}`));
  }
}

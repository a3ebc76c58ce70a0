import { Transform, type Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Clock, localDateIn, streamOnPooledClient } from '@tessera/core';
import type { MemberListFilter, MemberSort } from '@tessera/members';
import { OrganisationSettingsService } from '@tessera/settings';
import { memberCsvRecord, memberCsvWriter } from './member-csv';
import { memberExportSql, type MemberExportRow } from './member-export-sql';

/** Rows fetched from the cursor at a time: memory stays flat however many members match. */
const BATCH_ROWS = 500;

export interface MemberExport {
  filename: string;
  csv: Readable;
}

/**
 * The members list as CSV, streamed: a server-side cursor (pg-query-stream) on a connection of
 * its own, piped through the CSV writer to the response. The connection goes back to the pool
 * when the stream ends, fails, the client goes away or is too slow (streamOnPooledClient).
 */
@Injectable()
export class MemberExportService {
  private readonly logger = new Logger(MemberExportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: OrganisationSettingsService,
    private readonly clock: Clock,
  ) {}

  async open(filter: MemberListFilter & { sort?: MemberSort }): Promise<MemberExport> {
    const { timeZone } = await this.settings.billingTerms();
    const { text, values } = memberExportSql(filter, timeZone);
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const client = await pool.connect();
    const rows = client.query(new QueryStream(text, values, { batchSize: BATCH_ROWS }));
    const records = new Transform({
      objectMode: true,
      transform(row: MemberExportRow, _encoding, done) {
        done(null, memberCsvRecord(row));
      },
    });
    const csv = streamOnPooledClient(client, rows, [records, memberCsvWriter()], (error) =>
      this.logger.error(`Members export failed: ${error.message}`),
    );
    return { filename: `members-${localDateIn(timeZone, this.clock.now())}.csv`, csv };
  }
}

import { Transform, type Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { isoTimestampSql, streamOnPooledClient } from '@tessera/core';
import type { Section } from '../content/questionnaire-content';
import { OrganisationToday } from '../organisation-today';
import { questionnaireNotFound } from '../questionnaire-problems';
import { answerColumns, answerCsvHeader, answerCsvRecord, answerCsvWriter, type AnswerCsvRow } from './answers-csv';

const BATCH_ROWS = 500;

/** Each member's latest submission, by member number. */
const SUBMISSIONS_SQL = `SELECT DISTINCT ON (m.number) m.number,
    coalesce((SELECT p.first_name || ' ' || p.last_name FROM persons p WHERE p.id = m.person_id),
             (SELECT o.legal_name FROM organisations o WHERE o.id = m.organisation_id)) AS name,
    a.version, ${isoTimestampSql('a.submitted_at')} AS "submittedAt", a.answers,
    (SELECT json_object_agg(f.id, f.filename) FROM questionnaire_files f WHERE f.assignment_id = a.id) AS files
  FROM questionnaire_assignments a JOIN members m ON m.id = a.member_id
 WHERE a.questionnaire_id = $1 AND a.state = 'submitted'
 ORDER BY m.number, a.submitted_at DESC`;

/**
 * The answers of a questionnaire as CSV, streamed from a server-side cursor on a connection of
 * its own (as the members export), released when the stream ends, fails, is abandoned or is too
 * slow (streamOnPooledClient).
 */
@Injectable()
export class AnswersExportService {
  private readonly logger = new Logger(AnswersExportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly today: OrganisationToday,
  ) {}

  async open(questionnaireId: string): Promise<{ filename: string; csv: Readable }> {
    const versions = (await this.dataSource.query(
      `SELECT sections FROM questionnaire_versions WHERE questionnaire_id = $1 ORDER BY version DESC`,
      [questionnaireId],
    )) as { sections: Section[] }[];
    if (versions.length === 0) throw questionnaireNotFound();
    const columns = answerColumns(versions.map((version) => version.sections));
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const client = await pool.connect();
    const rows = client.query(new QueryStream(SUBMISSIONS_SQL, [questionnaireId], { batchSize: BATCH_ROWS }));
    const records = new Transform({
      objectMode: true,
      transform(row: AnswerCsvRow, _encoding, done) {
        done(null, answerCsvRecord(row, columns));
      },
    });
    const csv = streamOnPooledClient(client, rows, [records, answerCsvWriter(answerCsvHeader(columns))], (error) =>
      this.logger.error(`Answers export failed: ${error.message}`),
    );
    return { filename: `questionnaire-answers-${await this.today.date()}.csv`, csv };
  }
}

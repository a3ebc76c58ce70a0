import type { EntityManager } from 'typeorm';

/**
 * Writes that happen once per row, whoever comes first: used by the repositories of documents and
 * payments alike. Table and column names come from code, never from input.
 */

/** Where a row keeps its stored PDF. */
export interface PdfColumns {
  table: string;
  key: string;
  sha256: string;
}

/**
 * Records a stored PDF on the row unless one is recorded already, and returns the one kept: of
 * two first renders at once, the first recorded wins (the caller removes the other file).
 */
export async function keepFirstPdf(
  manager: EntityManager,
  columns: PdfColumns,
  id: string,
  pdf: { key: string; sha256: string },
): Promise<{ key: string; sha256: string }> {
  const { table, key, sha256 } = columns;
  // TypeORM answers an UPDATE with [rows, affected count].
  const [rows] = (await manager.query(
    `UPDATE ${table} SET ${key} = $2, ${sha256} = $3 WHERE id = $1 AND ${key} IS NULL
     RETURNING ${key} AS key, ${sha256} AS sha256`,
    [id, pdf.key, pdf.sha256],
  )) as [{ key: string; sha256: string }[], number];
  if (rows[0]) return rows[0];
  const [stored] = (await manager.query(`SELECT ${key} AS key, ${sha256} AS sha256 FROM ${table} WHERE id = $1`, [
    id,
  ])) as { key: string; sha256: string }[];
  return stored;
}

/** Sets a timestamp column that is still empty: true for the one caller that did it. */
export async function stampOnce(
  manager: EntityManager,
  table: string,
  column: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const [rows] = (await manager.query(
    `UPDATE ${table} SET ${column} = $2 WHERE id = $1 AND ${column} IS NULL RETURNING id`,
    [id, at],
  )) as [unknown[], number];
  return rows.length > 0;
}

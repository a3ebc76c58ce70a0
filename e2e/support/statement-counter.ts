import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Records every statement the data source's node-postgres sends from this process (the API runs in it) while
 * `during` runs: a request's statements, when nothing else in the process talks to the database
 * (the API without the worker). Prepared statements count once per execution, like any other.
 */
export async function statementsOf(dataSource: DataSource, work: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  // The pg module the API's data source loaded, whichever copy that is.
  const { Client } = (dataSource.driver as PostgresDriver).postgres as { Client: { prototype: object } };
  const prototype = Client.prototype as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    seen.push(
      typeof first === 'string'
        ? { text: first, values: Array.isArray(second) ? second : [] }
        : { text: (first as Statement).text, values: (first as Statement).values ?? [] },
    );
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return seen;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** The tables a statement's plan reads by a sequential scan (EXPLAIN with the statement's values). */
export async function sequentialScansOf(
  db: { query(sql: string, params: unknown[]): Promise<unknown> },
  statement: Statement,
): Promise<string[]> {
  const [row] = (await db.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values)) as {
    'QUERY PLAN': { Plan: PlanNode }[];
  }[];
  const scans: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) scans.push(node['Relation Name']);
    node.Plans?.forEach(walk);
  };
  walk(row['QUERY PLAN'][0].Plan);
  return scans;
}

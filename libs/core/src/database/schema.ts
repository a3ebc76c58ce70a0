import type { MixedList } from 'typeorm';

/** What each domain contributes to the one data source: its entities and migrations. */
export interface SchemaPart {
  // TypeORM takes classes here; their constructor signatures vary.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

export function combineSchema(...parts: SchemaPart[]): SchemaPart {
  return {
    entities: parts.flatMap((part) => Object.values(part.entities)),
    migrations: parts.flatMap((part) => Object.values(part.migrations)),
  };
}

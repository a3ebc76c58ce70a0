/**
 * A timestamptz as JSON text exactly as `Date.toISOString()` writes it (UTC, milliseconds, `Z`),
 * for read models built in SQL with json_build_object: to_json() would give `+00:00` and
 * microseconds. Null stays null.
 */
export function isoTimestampSql(expression: string): string {
  return `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A json_agg that answers `[]` rather than null when there is nothing to aggregate. */
export function jsonArraySql(element: string, orderBy?: string): string {
  return `coalesce(json_agg(${element}${orderBy ? ` ORDER BY ${orderBy}` : ''}), '[]'::json)`;
}

/**
 * A WHERE condition one domain's repository lends to another domain's statement, so a check and
 * a change are one statement (one snapshot, one round trip) where a look-up first would cost a
 * round trip on a hot path. Named, so plans and logs say whose rule it is; made only by the
 * repository of the table it speaks of, from the caller's placeholders (`$4`), never from values.
 */
export interface SqlCondition {
  /** Whose rule this is, e.g. "plans.openForApplication". */
  readonly name: string;
  readonly sql: string;
}

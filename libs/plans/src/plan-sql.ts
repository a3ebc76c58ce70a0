/**
 * SQL expression: the name of the plan `idSql` (a column or placeholder), '' when it no longer
 * exists. For other domains' read models, so a row and its plan's name come in one statement.
 */
export function planNameSql(idSql: string): string {
  return `coalesce((SELECT plans.name FROM plans WHERE plans.id = ${idSql}), '')`;
}

/** SQL expression: how many days before a period ends the plan `idSql` renews (30 when the plan is gone). */
export function planRenewalLeadDaysSql(idSql: string): string {
  return `coalesce((SELECT plans.renewal_lead_days FROM plans WHERE plans.id = ${idSql}), 30)`;
}

/**
 * SQL condition: the plan `idParam` is active and open to applicants of kind `kindParam` (both
 * placeholders, e.g. `$4`). For other domains' INSERT … SELECT … WHERE, so the check and the
 * change are one statement (and one snapshot) rather than a look-up first (see bench/).
 * `PlansService.planForApplication` says why a plan is not open.
 */
export function planOpenForApplicationSql(idParam: string, kindParam: string): string {
  return `EXISTS (SELECT 1 FROM plans WHERE plans.id = ${idParam}::uuid AND plans.active
                   AND ${kindParam}::text = ANY (plans.applicant_kinds))`;
}

/**
 * SQL expression: the name of the plan `idSql` (a column or placeholder), '' when it no longer
 * exists. For other domains' read models, so a row and its plan's name come in one statement.
 */
export function planNameSql(idSql: string): string {
  return `coalesce((SELECT plans.name FROM plans WHERE plans.id = ${idSql}), '')`;
}

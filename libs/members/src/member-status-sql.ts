import { MEMBER_STATUSES, canTransition } from './member-status';

/**
 * SQL of the members' side of a set-based status change (the daily status sweep), kept here
 * beside the tables it writes. The caller's statement names a relation `source` with columns
 * member_id, from_status, to_status, reason, reason_code, reason_params (jsonb) and whatever else
 * it needs later; these CTEs move the members still in `from_status` (re-checked on the locked
 * row, so a change committed meanwhile wins) and record each change.
 */
export interface StatusChangesSql {
  /** CTE text: `moved` (the members changed: source's columns) and `history`. */
  ctes: string;
}

/**
 * Whether moving from status `from` to `to` (SQL of each) is legal in member-status.ts, as one
 * condition on the row: a `(from, to) IN (VALUES …)` list was planned as a join that looked up
 * each member once per pair.
 */
export function legalStatusMoveSql(from: string, to: string): string {
  const moves = MEMBER_STATUSES.flatMap((a) =>
    MEMBER_STATUSES.filter((b) => canTransition(a, b)).map((b) => `${a}>${b}`),
  );
  return `(${from} || '>' || ${to}) = ANY ('{${moves.join(',')}}'::text[])`;
}

/**
 * `source` and the placeholders of the change's time and actor kind. The override of a member
 * moved ends: the engine is in charge again.
 */
export function statusChangesSql(source: string, placeholders: { now: string; actorKind: string }): StatusChangesSql {
  const { now, actorKind } = placeholders;
  return {
    ctes: `
      moved AS (
        UPDATE members m
           SET status = src.to_status, status_override_basis = NULL, status_override_reason = NULL, updated_at = ${now}
          FROM ${source} src
         WHERE m.id = src.member_id AND m.status = src.from_status
        RETURNING src.*),
      history AS (
        INSERT INTO member_status_changes
          (member_id, from_status, to_status, reason, reason_code, reason_params, actor_kind, actor_id, occurred_at)
        SELECT member_id, from_status, to_status, reason, reason_code, reason_params, ${actorKind}, NULL, ${now}
          FROM moved)`,
  };
}

/**
 * A member's contact as a LATERAL subquery (email, name, locale): the person, or the
 * organisation's contact representative. `memberId` is the SQL of the member's id.
 */
export function memberContactSql(memberId: string): string {
  return `(SELECT coalesce(cp.email, cc.email) AS email,
                  coalesce(cp.first_name || ' ' || cp.last_name, cc.first_name || ' ' || cc.last_name) AS name,
                  coalesce(cp.locale, cc.locale, 'en') AS locale
             FROM members cm
             LEFT JOIN persons cp ON cp.id = cm.person_id
             LEFT JOIN representations ccr ON ccr.organisation_id = cm.organisation_id AND ccr.is_contact
             LEFT JOIN persons cc ON cc.id = ccr.person_id
            WHERE cm.id = ${memberId})`;
}

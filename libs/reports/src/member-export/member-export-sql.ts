import {
  MEMBER_ORDER_SQL,
  MEMBERS_WITH_CONTACT,
  memberListConditionSql,
  type MemberListFilter,
  type MemberSort,
} from '@tessera/members';

/** A row of the members export, as PostgreSQL builds it. */
export interface MemberExportRow {
  number: string;
  name: string;
  email: string | null;
  plan: string;
  status: string;
  /** When the member entered the status: the local date of the latest history row. */
  since: string | null;
  /** The live subscription's current period end, else the last subscription's end. */
  periodEnd: string | null;
  /** What open or partly paid invoices still owe, per currency (minor units), in currency order. */
  due: [currency: string, amount: number][] | null;
}

/**
 * The members list as filtered, one row per member with what a secretary needs. Each extra column
 * is an index look-up per member (history by member and seq, subscriptions and documents by
 * member): the export is read as a stream, never held whole.
 */
export function memberExportSql(
  filter: MemberListFilter & { sort?: MemberSort },
  timeZone: string,
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const condition = memberListConditionSql(filter, param);
  const zone = param(timeZone);
  const text = `
    SELECT m.number,
           coalesce(p.first_name || ' ' || p.last_name, o.legal_name) AS name,
           coalesce(p.email, c.email) AS email,
           coalesce((SELECT pl.name FROM plans pl WHERE pl.id = m.plan_id), '') AS plan,
           m.status,
           (SELECT to_char(h.occurred_at AT TIME ZONE ${zone}, 'YYYY-MM-DD') FROM member_status_changes h
             WHERE h.member_id = m.id ORDER BY h.seq DESC LIMIT 1) AS since,
           (SELECT to_char(CASE WHEN s.state IN ('pending', 'active') THEN s.current_period_end ELSE s.ends_on END,
                           'YYYY-MM-DD')
              FROM subscriptions s WHERE s.member_id = m.id AND s.state <> 'cancelled'
             ORDER BY s.state IN ('pending', 'active') DESC, s.created_at DESC LIMIT 1) AS "periodEnd",
           (SELECT json_agg(json_build_array(d.currency, d.due) ORDER BY d.currency)
              FROM (SELECT currency, sum(gross_amount - allocated_amount)::bigint AS due FROM billing_documents
                     WHERE member_id = m.id AND kind = 'invoice' AND state IN ('open', 'partially-paid')
                     GROUP BY currency) d) AS due
      ${MEMBERS_WITH_CONTACT} ${condition}
     ORDER BY ${MEMBER_ORDER_SQL[filter.sort ?? '-createdAt']}`;
  return { text, values };
}

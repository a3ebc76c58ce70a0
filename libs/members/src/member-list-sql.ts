import type { MemberStatus } from './member-status';
import { MemberListFilters } from './member-list-filters';
import { CONTACT_PERSON_ID_SQL, type ContactPersonCondition } from './member-read-sql';
import type { MemberKind } from './members.types';

// The members list's filters and orders, as SQL over `members m` (with the contact joined as
// `cr` when a contact-person condition is given): one definition for the staff list and the
// reads built on it (reports' CSV export), so a filter means the same everywhere.

/** How the members list may be ordered: a field, `-` first for descending. */
export const MEMBER_SORTS = ['-createdAt', 'createdAt', 'number', '-number', 'status', '-status'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/**
 * Statuses in the order of a membership's life (not alphabetical), as an immutable expression:
 * `members_status_rank_idx` indexes this exact text, so ordering by it reads the index.
 */
export const MEMBER_STATUS_RANK_SQL = `(CASE m.status WHEN 'upcoming' THEN 1 WHEN 'member' THEN 2 WHEN 'in-grace' THEN 3
  WHEN 'suspended' THEN 4 WHEN 'ex-member' THEN 5 ELSE 6 END)`;

const NEWEST_FIRST = 'm.created_at DESC, m.id DESC';

/** Each order ends on a unique key so pages never overlap; within a status, newest first. */
export const MEMBER_ORDER_SQL: Record<MemberSort, string> = {
  '-createdAt': NEWEST_FIRST,
  createdAt: 'm.created_at ASC, m.id ASC',
  number: 'm.number ASC',
  '-number': 'm.number DESC',
  status: `${MEMBER_STATUS_RANK_SQL} ASC, ${NEWEST_FIRST}`,
  '-status': `${MEMBER_STATUS_RANK_SQL} DESC, ${NEWEST_FIRST}`,
};

export interface MemberListFilter {
  kind?: MemberKind;
  status?: MemberStatus;
  planId?: string;
  search?: string;
  /** Values of the filters other domains add (MemberListFilters), by query parameter. */
  added?: Record<string, string>;
  /** A condition on the contact person, written by a domain above members (account state). */
  contactPerson?: ContactPersonCondition;
}

/** `WHERE …` (or '') for the filter; values are bound through `param`. */
export function memberListConditionSql(filter: MemberListFilter, param: (value: unknown) => string): string {
  const where: string[] = [];
  if (filter.kind) where.push(`m.kind = ${param(filter.kind)}`);
  if (filter.status) where.push(`m.status = ${param(filter.status)}`);
  if (filter.planId) where.push(`m.plan_id = ${param(filter.planId)}`);
  if (filter.search) {
    // One branch per table, so each can use its trigram index (search_text is lower-case); a
    // person's name or e-mail also finds the organisations they represent.
    const pattern = param(`%${filter.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
    where.push(`m.id IN (
        SELECT id FROM members WHERE number ILIKE ${pattern}
        UNION SELECT sm.id FROM members sm JOIN persons sp ON sp.id = sm.person_id
          WHERE sp.search_text LIKE ${pattern}
        UNION SELECT sm.id FROM members sm JOIN organisations so ON so.id = sm.organisation_id
          WHERE so.search_text LIKE ${pattern}
        UNION SELECT sm.id FROM members sm JOIN representations sr ON sr.organisation_id = sm.organisation_id
          JOIN persons sp ON sp.id = sr.person_id WHERE sp.search_text LIKE ${pattern})`);
  }
  if (filter.added) where.push(...MemberListFilters.conditions(filter.added, param));
  if (filter.contactPerson) where.push(filter.contactPerson(CONTACT_PERSON_ID_SQL, param));
  return where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
}

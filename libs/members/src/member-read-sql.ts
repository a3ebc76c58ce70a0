import { isoTimestampSql, jsonArraySql } from '@tessera/core';
import { planNameSql } from '@tessera/plans';

// The SQL of the member read model (list rows and the detail), used by MemberRepository only. A
// detail is one statement: the member, its party, plan name, representatives, the organisations
// a person represents and the status history come as JSON columns built by PostgreSQL, each part
// found through an index (bench/reads: 9–11 statements a page before).

/**
 * SQL of one value from a placeholder, written by a domain above members: the person a signed-in
 * account belongs to (portal-users), the signed-in user as JSON (users). `name` names the
 * statements it is part of, which are prepared: it must always stand for the same text.
 */
export interface PersonOfParam {
  name: string;
  sql: (placeholder: string) => string;
}

/**
 * A column a domain above members adds to member rows from the SQL of the contact person's id
 * (portal-users: the portal account, as JSON); comes back as `extra`. Named like PersonOfParam.
 */
export interface ContactPersonColumn {
  name: string;
  sql: (contactPersonIdSql: string) => string;
}

/**
 * A condition on the member's contact person (the person, or the organisation's contact), written
 * by a domain above members (the console filters by account state) without members knowing its
 * tables: given the SQL of the person's id and a function that binds a parameter, a boolean SQL.
 */
export type ContactPersonCondition = (contactPersonIdSql: string, bind: (value: unknown) => string) => string;

export const CONTACT_PERSON_ID_SQL = 'coalesce(m.person_id, cr.person_id)';

export const MEMBER_COLUMNS = `
  m.id, m.number, m.kind, m.status, m.plan_id AS "planId", m.person_id AS "personId",
  m.organisation_id AS "organisationId", m.joined_at AS "joinedAt", m.source_type AS "sourceType",
  m.source_id AS "sourceId", m.source_reference AS "sourceReference", m.created_at AS "createdAt",
  m.updated_at AS "updatedAt",
  coalesce(p.first_name || ' ' || p.last_name, o.legal_name) AS name,
  coalesce(p.email, c.email) AS email,
  o.registration_number AS "registrationNumber",
  ${CONTACT_PERSON_ID_SQL} AS "contactPersonId",
  ${planNameSql('m.plan_id')} AS "planName"`;

/** Members with their party and, for organisations, the contact representative. */
export const MEMBERS_WITH_CONTACT = `
  FROM members m
  LEFT JOIN persons p ON p.id = m.person_id
  LEFT JOIN organisations o ON o.id = m.organisation_id
  LEFT JOIN representations cr ON cr.organisation_id = m.organisation_id AND cr.is_contact
  LEFT JOIN persons c ON c.id = cr.person_id`;

const PERSON_JSON = `json_build_object(
  'id', p.id, 'firstName', p.first_name, 'lastName', p.last_name, 'email', p.email, 'phone', p.phone,
  'birthDate', p.birth_date, 'address', p.address, 'nationality', p.nationality, 'locale', p.locale,
  'professional', p.professional)`;

const REPRESENTATIVES_JSON = `(
  SELECT ${jsonArraySql(`json_build_object('personId', rp.id, 'firstName', rp.first_name, 'lastName', rp.last_name,
           'email', rp.email, 'phone', rp.phone, 'role', r.role, 'isContact', r.is_contact)`)}
    FROM representations r JOIN persons rp ON rp.id = r.person_id WHERE r.organisation_id = o.id)`;

const ORGANISATION_JSON = `json_build_object(
  'id', o.id, 'legalName', o.legal_name, 'registrationNumber', o.registration_number,
  'vatNumber', o.vat_number, 'address', o.address, 'website', o.website,
  'representatives', ${REPRESENTATIVES_JSON})`;

const REPRESENTED_JSON = `(
  SELECT ${jsonArraySql(`json_build_object('organisationId', ro.id, 'legalName', ro.legal_name,
           'registrationNumber', ro.registration_number, 'role', r.role, 'isContact', r.is_contact,
           'memberId', rm.id, 'memberNumber', rm.number)`)}
    FROM representations r JOIN organisations ro ON ro.id = r.organisation_id
    LEFT JOIN members rm ON rm.organisation_id = ro.id
   WHERE r.person_id = p.id)`;

const STATUS_HISTORY_JSON = `(
  SELECT ${jsonArraySql(
    `json_build_object('from', h.from_status, 'to', h.to_status, 'reason', h.reason,
       'reasonCode', h.reason_code, 'reasonParams', h.reason_params,
       'at', ${isoTimestampSql('h.occurred_at')}, 'actor', json_build_object('kind', h.actor_kind, 'id', h.actor_id))`,
    'h.occurred_at, h.seq',
  )}
    FROM member_status_changes h WHERE h.member_id = m.id)`;

const DETAIL_COLUMNS = `
  CASE WHEN p.id IS NULL THEN NULL ELSE ${PERSON_JSON} END AS person,
  CASE WHEN o.id IS NULL THEN NULL ELSE ${ORGANISATION_JSON} END AS organisation,
  CASE WHEN p.id IS NULL THEN '[]'::json ELSE ${REPRESENTED_JSON} END AS "organisationsRepresented",
  ${STATUS_HISTORY_JSON} AS "statusHistory"`;

const extraColumn = (extra?: ContactPersonColumn) => (extra ? `, ${extra.sql(CONTACT_PERSON_ID_SQL)} AS extra` : '');

const statementName = (base: string, ...parts: ({ name: string } | undefined)[]) =>
  [base, ...parts.flatMap((part) => (part ? [part.name] : []))].join('+');

/** Builds each statement's text once: the name stands for the text (see PersonOfParam). */
const built = new Map<string, { name: string; text: string }>();
function once(name: string, text: () => string): { name: string; text: string } {
  let statement = built.get(name);
  if (!statement) built.set(name, (statement = { name, text: text() }));
  return statement;
}

/** The member `$1` in full, or — with `actingPerson` — only if that person (from `$2`) acts for it. */
export function memberDetailSql(view: { actingPerson?: PersonOfParam; extra?: ContactPersonColumn }): {
  name: string;
  text: string;
} {
  return once(statementName('member-detail', view.actingPerson, view.extra), () => {
    const person = view.actingPerson?.sql('$2');
    const acting = person
      ? `AND (m.person_id = ${person} OR EXISTS (SELECT 1 FROM representations ar
               WHERE ar.organisation_id = m.organisation_id AND ar.person_id = ${person} AND ar.is_contact))`
      : '';
    return `SELECT ${MEMBER_COLUMNS}, ${DETAIL_COLUMNS}${extraColumn(view.extra)}
            ${MEMBERS_WITH_CONTACT} WHERE m.id = $1 ${acting}`;
  });
}

/**
 * Every member the person (from `$1`) acts for — their own membership, then the organisations
 * they are the contact of — in full, beside the `caller` column (from `$1` too; NULL without),
 * which comes on a row of its own when they act for none. Two index look-ups joined by UNION ALL:
 * an OR across them would make PostgreSQL filter every member.
 */
export function membersActedForSql(
  actingPerson: PersonOfParam,
  caller?: PersonOfParam,
): { name: string; text: string } {
  return once(statementName('members-acted-for', actingPerson, caller), () => {
    const person = actingPerson.sql('$1');
    return `SELECT ${caller ? caller.sql('$1') : 'NULL'} AS caller, acted.*
             FROM (VALUES (1)) AS one
             LEFT JOIN LATERAL (
               SELECT ${MEMBER_COLUMNS}, ${DETAIL_COLUMNS}
               ${MEMBERS_WITH_CONTACT}
               WHERE m.id IN (SELECT own.id FROM members own WHERE own.person_id = ${person}
                              UNION ALL
                              SELECT om.id FROM representations ar JOIN members om ON om.organisation_id = ar.organisation_id
                               WHERE ar.person_id = ${person} AND ar.is_contact)) AS acted ON true
            ORDER BY acted.kind DESC, acted."createdAt"`;
  });
}

/** The columns of a list row, with the caller's extra column. */
export function memberListColumns(extra?: ContactPersonColumn): string {
  return `${MEMBER_COLUMNS}${extraColumn(extra)}`;
}

/**
 * The ids of the members a person acts for — their own membership and the organisations they are
 * the contact of — from the SQL of the person's id: for a domain above members that shows a
 * member their own records (billing's "my invoices").
 */
export function memberIdsActedForSql(personIdSql: string): string {
  return `(SELECT am.id FROM members am WHERE am.person_id = ${personIdSql}
     UNION ALL SELECT am.id FROM members am
       JOIN representations ar ON ar.organisation_id = am.organisation_id AND ar.is_contact
      WHERE ar.person_id = ${personIdSql})`;
}

/**
 * The ids of the members a person represents — their own membership and every organisation they
 * are a representative of, its contact or not — from the SQL of the person's id: wider than
 * `memberIdsActedForSql`, for what every legal representative may see (an organisation's shares).
 */
export function memberIdsRepresentedSql(personIdSql: string): string {
  return `(SELECT am.id FROM members am WHERE am.person_id = ${personIdSql}
     UNION ALL SELECT am.id FROM members am
       JOIN representations ar ON ar.organisation_id = am.organisation_id
      WHERE ar.person_id = ${personIdSql})`;
}

/**
 * The person a signed-in user is, as SQL from their user id: provided by the domain that links
 * users to persons (portal-users), injected into domains that show members their own records
 * without depending on it (billing's and subscription's /me endpoints).
 */
export abstract class SignedInPerson {
  abstract readonly personOf: PersonOfParam;
}

/**
 * The buyer of a member's documents as JSON (billing's `BillingParty`) and their language, from
 * the SQL of the member's id: for billing's set-based issuing (renewal runs), one row each.
 */
export function memberBuyerSql(memberIdSql: string): { buyer: string; locale: string } {
  const from = `FROM members bm
      LEFT JOIN persons bp ON bp.id = bm.person_id
      LEFT JOIN organisations bo ON bo.id = bm.organisation_id
      LEFT JOIN representations br ON br.organisation_id = bm.organisation_id AND br.is_contact
      LEFT JOIN persons bc ON bc.id = br.person_id
     WHERE bm.id = ${memberIdSql}`;
  return {
    buyer: `(SELECT jsonb_build_object(
        'name', coalesce(bp.first_name || ' ' || bp.last_name, bo.legal_name),
        'address', coalesce(bp.address, bo.address), 'companyNumber', bo.registration_number,
        'vatNumber', bo.vat_number, 'memberNumber', bm.number, 'email', coalesce(bp.email, bc.email))
      ${from})`,
    locale: `(SELECT coalesce(bp.locale, bc.locale, 'en') ${from})`,
  };
}

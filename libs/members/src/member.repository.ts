import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { In } from 'typeorm';
import { MemberStatusChange } from './entities/member-status-change.entity';
import { Member } from './entities/member.entity';
import type { MemberStatus } from './member-status';
import type { MemberKind, MemberSourceType } from './members.types';

export interface MemberFilter {
  kind?: MemberKind;
  status?: MemberStatus;
  planId?: string;
  search?: string;
  contactEmail?: ContactEmailCondition;
  offset: number;
  limit: number;
}

/**
 * A condition on the member's contact e-mail, written by a domain above members (portal accounts
 * filter by account state) without members knowing its tables: given the SQL expression of the
 * e-mail and a function that binds a parameter, it returns a boolean SQL expression.
 */
export type ContactEmailCondition = (emailSql: string, bind: (value: unknown) => string) => string;

const CONTACT_EMAIL_SQL = 'coalesce(p.email, c.email)';

/** A member with the names and e-mail staff recognise it by (a list row, and the head of the detail). */
export interface MemberRow {
  id: string;
  number: string;
  kind: MemberKind;
  status: MemberStatus;
  planId: string;
  personId: string | null;
  organisationId: string | null;
  joinedAt: Date;
  sourceType: MemberSourceType;
  sourceId: string | null;
  sourceReference: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The person's full name, or the organisation's legal name. */
  name: string;
  /** The person's e-mail, or the organisation contact's. */
  email: string | null;
  registrationNumber: string | null;
  /** The person, or the organisation's contact. */
  contactPersonId: string | null;
}

const MEMBER_COLUMNS = `
  SELECT m.id, m.number, m.kind, m.status, m.plan_id AS "planId", m.person_id AS "personId",
         m.organisation_id AS "organisationId", m.joined_at AS "joinedAt", m.source_type AS "sourceType",
         m.source_id AS "sourceId", m.source_reference AS "sourceReference", m.created_at AS "createdAt",
         m.updated_at AS "updatedAt",
         coalesce(p.first_name || ' ' || p.last_name, o.legal_name) AS name,
         coalesce(p.email, c.email) AS email,
         o.registration_number AS "registrationNumber",
         coalesce(p.id, c.id) AS "contactPersonId"`;

/** Members with their party and, for organisations, the contact representative. */
const MEMBERS_WITH_CONTACT = `
  FROM members m
  LEFT JOIN persons p ON p.id = m.person_id
  LEFT JOIN organisations o ON o.id = m.organisation_id
  LEFT JOIN representations cr ON cr.organisation_id = m.organisation_id AND cr.is_contact
  LEFT JOIN persons c ON c.id = cr.person_id`;

/** The only place that speaks SQL for members and their status history; joins the caller's transaction. */
@Injectable()
export class MemberRepository {
  constructor(private readonly transactions: Transactions) {}

  private get members() {
    return this.transactions.repository(Member);
  }

  async nextNumber(): Promise<string> {
    const [row] = (await this.transactions.manager.query(`SELECT nextval('member_number_seq') AS n`)) as {
      n: string;
    }[];
    return row.n;
  }

  /** The party's member, locked for the rest of the transaction. */
  lockByParty(kind: MemberKind, partyId: string): Promise<Member | null> {
    return this.members.findOne({
      where: kind === 'person' ? { personId: partyId } : { organisationId: partyId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Inserts unless the party (or the number) already has a member; the id when inserted, null
   * when another transaction got there first (the unique indexes decide).
   */
  async insertIfAbsent(fields: Omit<Member, 'id'>): Promise<string | null> {
    const result = await this.members
      .createQueryBuilder()
      .insert()
      .into(Member)
      .values(fields)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  save(member: Member): Promise<Member> {
    return this.members.save(member);
  }

  async findRow(id: string): Promise<MemberRow | null> {
    const rows = (await this.transactions.manager.query(`${MEMBER_COLUMNS} ${MEMBERS_WITH_CONTACT} WHERE m.id = $1`, [
      id,
    ])) as MemberRow[];
    return rows[0] ?? null;
  }

  findByOrganisations(organisationIds: string[]): Promise<Member[]> {
    return organisationIds.length === 0
      ? Promise.resolve([])
      : this.members.findBy({ organisationId: In(organisationIds) });
  }

  async addStatusChange(fields: Omit<MemberStatusChange, 'id' | 'seq'>): Promise<void> {
    const changes = this.transactions.repository(MemberStatusChange);
    await changes.insert(changes.create(fields));
  }

  statusChangesOf(memberId: string): Promise<MemberStatusChange[]> {
    return this.transactions
      .repository(MemberStatusChange)
      .find({ where: { memberId }, order: { occurredAt: 'ASC', seq: 'ASC' } });
  }

  /** Members whose contact (the person, or the organisation's contact) has this e-mail; persons first. */
  async findRowsByContactEmail(email: string): Promise<MemberRow[]> {
    return (await this.transactions.manager.query(
      `${MEMBER_COLUMNS} ${MEMBERS_WITH_CONTACT} WHERE ${CONTACT_EMAIL_SQL} = $1 ORDER BY m.kind DESC, m.created_at`,
      [email],
    )) as MemberRow[];
  }

  /** Newest first; `search` matches the number, names, e-mails and registration numbers. */
  async list(filter: MemberFilter): Promise<[MemberRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
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
    if (filter.contactEmail) where.push(filter.contactEmail(CONTACT_EMAIL_SQL, param));
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const counted = (await this.transactions.manager.query(
      `SELECT count(*)::int AS total ${MEMBERS_WITH_CONTACT} ${condition}`,
      params,
    )) as { total: number }[];
    const rows = (await this.transactions.manager.query(
      `${MEMBER_COLUMNS} ${MEMBERS_WITH_CONTACT} ${condition} ORDER BY m.created_at DESC, m.id DESC
       OFFSET ${param(filter.offset)} LIMIT ${param(filter.limit)}`,
      params,
    )) as MemberRow[];
    return [rows, counted[0].total];
  }
}

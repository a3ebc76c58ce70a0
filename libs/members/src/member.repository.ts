import type { MemberBillingDetails } from './members.types';
import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import type {
  MemberStatusChangeDto,
  OrganisationDetailsDto,
  PersonDetailsDto,
  RepresentedOrganisationDto,
} from './dto/member-response.dto';
import { MemberStatusChange } from './entities/member-status-change.entity';
import { Member } from './entities/member.entity';
import type { MemberStatus } from './member-status';
import {
  CONTACT_PERSON_ID_SQL,
  MEMBER_COLUMNS,
  MEMBERS_WITH_CONTACT,
  memberDetailSql,
  memberListColumns,
  membersActedForSql,
  type ContactPersonColumn,
  type ContactPersonCondition,
  type PersonOfParam,
} from './member-read-sql';
import { MEMBER_STATUSES } from './member-status';
import type { MemberKind, MemberSort, MemberSourceType } from './members.types';

/** A membership's life order (MEMBER_STATUSES), for sorting by status. */
const STATUS_ORDER_SQL = `array_position(ARRAY[${MEMBER_STATUSES.map((status) => `'${status}'`).join(',')}]::text[], m.status)`;

const CONTACT_REPRESENTATION_JOIN =
  'LEFT JOIN representations cr ON cr.organisation_id = m.organisation_id AND cr.is_contact';

export interface MemberFilter {
  kind?: MemberKind;
  status?: MemberStatus;
  sort?: MemberSort;
  planId?: string;
  search?: string;
  contactPerson?: ContactPersonCondition;
  extra?: ContactPersonColumn;
  offset: number;
  limit: number;
}

/** A member with the names and e-mail staff recognise it by (a list row, and the head of the detail). */
export interface MemberRow {
  id: string;
  number: string;
  kind: MemberKind;
  status: MemberStatus;
  planId: string;
  planName: string;
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
  /** The column a domain above members asked for (ContactPersonColumn), if any. */
  extra?: unknown;
}

/** A member row with its detail, as built by PostgreSQL (see member-read-sql); lists unsorted. */
export interface MemberDetailRow extends MemberRow {
  person: PersonDetailsDto | null;
  organisation: OrganisationDetailsDto | null;
  organisationsRepresented: RepresentedOrganisationDto[];
  statusHistory: MemberStatusChangeDto[];
}

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

  findById(id: string): Promise<Member | null> {
    return this.members.findOneBy({ id });
  }

  /** The member, locked for the rest of the transaction. */
  lockById(id: string): Promise<Member | null> {
    return this.members.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
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
    const rows = (await this.transactions.manager.query(
      `SELECT ${MEMBER_COLUMNS} ${MEMBERS_WITH_CONTACT} WHERE m.id = $1`,
      [id],
    )) as MemberRow[];
    return rows[0] ?? null;
  }

  /** Who a member's documents are addressed to: the person, or the organisation and its contact. */
  async findBillingDetails(id: string): Promise<MemberBillingDetails | null> {
    const rows = (await this.transactions.manager.query(
      `SELECT m.id AS "memberId", m.number AS "memberNumber",
              coalesce(p.first_name || ' ' || p.last_name, o.legal_name) AS name,
              coalesce(p.address, o.address) AS address,
              o.registration_number AS "companyNumber", o.vat_number AS "vatNumber",
              coalesce(p.email, c.email) AS email, coalesce(p.locale, c.locale, 'en') AS locale
       ${MEMBERS_WITH_CONTACT} WHERE m.id = $1`,
      [id],
    )) as MemberBillingDetails[];
    return rows[0] ?? null;
  }

  /** The member in full (one prepared statement); with `actingPerson`, only if they act for it. */
  async findDetail(
    id: string,
    view: { actingPerson?: { of: PersonOfParam; value: unknown }; extra?: ContactPersonColumn } = {},
  ): Promise<MemberDetailRow | null> {
    const { name, text } = memberDetailSql({ actingPerson: view.actingPerson?.of, extra: view.extra });
    const params = view.actingPerson ? [id, view.actingPerson.value] : [id];
    const [row] = await this.transactions.prepared<MemberDetailRow>(name, text, params);
    return row ?? null;
  }

  /**
   * Every member the person acts for, in full, their own membership first, and the `caller`
   * column (one prepared statement): always one row at least, with a null id when they act for none.
   */
  findDetailsActedFor(
    person: PersonOfParam,
    value: unknown,
    caller?: PersonOfParam,
  ): Promise<(Partial<MemberDetailRow> & { caller: unknown })[]> {
    const { name, text } = membersActedForSql(person, caller);
    return this.transactions.prepared(name, text, [value]);
  }

  async addStatusChange(fields: Omit<MemberStatusChange, 'id' | 'seq'>): Promise<void> {
    await this.transactions.manager.query(
      `INSERT INTO member_status_changes
         (member_id, from_status, to_status, reason, reason_code, reason_params, actor_kind, actor_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        fields.memberId,
        fields.fromStatus,
        fields.toStatus,
        fields.reason,
        fields.reasonCode,
        fields.reasonParams === null ? null : JSON.stringify(fields.reasonParams),
        fields.actorKind,
        fields.actorId,
        fields.occurredAt,
      ],
    );
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
    if (filter.contactPerson) where.push(filter.contactPerson(CONTACT_PERSON_ID_SQL, param));
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // The count needs the contact's representation only for a condition on the contact person.
    const counted = (await this.transactions.manager.query(
      `SELECT count(*)::int AS total FROM members m
       ${filter.contactPerson ? CONTACT_REPRESENTATION_JOIN : ''} ${condition}`,
      params,
    )) as { total: number }[];
    const rows = (await this.transactions.manager.query(
      `SELECT ${memberListColumns(filter.extra)} ${MEMBERS_WITH_CONTACT} ${condition}
       ORDER BY ${filter.sort === 'status' ? `${STATUS_ORDER_SQL}, ` : ''}m.created_at DESC, m.id DESC OFFSET ${param(filter.offset)} LIMIT ${param(filter.limit)}`,
      params,
    )) as MemberRow[];
    return [rows, counted[0].total];
  }
}

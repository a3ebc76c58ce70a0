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
  MEMBER_COLUMNS,
  MEMBERS_WITH_CONTACT,
  memberDetailSql,
  memberListColumns,
  membersActedForSql,
  type ContactPersonColumn,
  type PersonOfParam,
} from './member-read-sql';
import { MEMBER_ORDER_SQL, memberListConditionSql, type MemberListFilter, type MemberSort } from './member-list-sql';
import type { MemberKind, MemberSourceType } from './members.types';

const CONTACT_REPRESENTATION_JOIN =
  'LEFT JOIN representations cr ON cr.organisation_id = m.organisation_id AND cr.is_contact';

export interface MemberFilter extends MemberListFilter {
  sort?: MemberSort;
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

  /** In the filter's order (newest first by default); `search` matches the number, names, e-mails and registration numbers. */
  async list(filter: MemberFilter): Promise<[MemberRow[], number]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const condition = memberListConditionSql(filter, param);
    // The count needs the contact's representation only for a condition on the contact person.
    const counted = (await this.transactions.manager.query(
      `SELECT count(*)::int AS total FROM members m
       ${filter.contactPerson ? CONTACT_REPRESENTATION_JOIN : ''} ${condition}`,
      params,
    )) as { total: number }[];
    const rows = (await this.transactions.manager.query(
      `SELECT ${memberListColumns(filter.extra)} ${MEMBERS_WITH_CONTACT} ${condition}
       ORDER BY ${MEMBER_ORDER_SQL[filter.sort ?? '-createdAt']} OFFSET ${param(filter.offset)} LIMIT ${param(filter.limit)}`,
      params,
    )) as MemberRow[];
    return [rows, counted[0].total];
  }
}

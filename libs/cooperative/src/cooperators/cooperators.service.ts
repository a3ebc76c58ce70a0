import { Injectable } from '@nestjs/common';
import { BillingDocumentsService } from '@tessera/billing';
import { isoTimestampSql, pageOf, ProblemException, Transactions, type Page } from '@tessera/core';
import { MEMBERS_WITH_CONTACT, memberListConditionSql } from '@tessera/members';
import { directionOf, formatRanges, holdingsAsOf, type RegisterMovement } from '../share-register-arithmetic';
import { ShareOperationRepository } from '../share-operations/share-operation.repository';
import { ShareOperationsService } from '../share-operations/share-operations.service';
import type {
  CooperatorDetailDto,
  CooperatorHoldingDto,
  CooperatorSummaryDto,
  ListCooperatorsQueryDto,
} from './cooperator.dto';

type SummaryRow = Omit<CooperatorSummaryDto, 'holdings'>;
type MovementRow = RegisterMovement & { id: string; currency: string; shareClassCode: string };

const COLUMNS = `co.id, co.number, co.state, co.member_id AS "memberId", m.number AS "memberNumber", m.kind,
  coalesce(p.first_name || ' ' || p.last_name, o.legal_name) AS name, coalesce(p.email, c.email) AS email,
  ${isoTimestampSql('co.candidate_since')} AS "candidateSince", ${isoTimestampSql('co.effective_since')} AS "effectiveSince",
  ${isoTimestampSql('co.former_since')} AS "formerSince"`;

export const cooperatorNotFound = () => ProblemException.notFound('No cooperator has this id.', 'cooperator-not-found');

/** Staff's view of cooperators: who, in which state, holding what today, and their history. */
@Injectable()
export class CooperatorsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly billing: BillingDocumentsService,
    private readonly operations: ShareOperationRepository,
    private readonly operationsService: ShareOperationsService,
  ) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.transactions.manager.query(sql, params) as Promise<T[]>;
  }

  /** Newest cooperator numbers first (candidates, without one, first of all), paged like /members. */
  async list(query: ListCooperatorsQueryDto): Promise<Page<CooperatorSummaryDto>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [memberListConditionSql({ kind: query.kind, search: query.q }, param).replace(/^WHERE /, '')];
    if (query.state) where.push(`co.state = ${param(query.state)}`);
    if (query.q) {
      // The member search, or the cooperator number.
      where[0] = `(${where[0]} OR co.number ILIKE ${param(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`)})`;
    }
    if (query.shareClassId)
      where.push(`EXISTS (SELECT 1 FROM share_movements f WHERE f.cooperator_id = co.id
        AND f.share_class_id = ${param(query.shareClassId)} AND f.effective_on <= ${param(await this.billing.today())}
        GROUP BY f.share_class_id HAVING sum(f.quantity * f.direction) > 0)`);
    const condition = `WHERE ${where.filter((part) => part !== '').join(' AND ') || 'true'}`;
    const base = `${MEMBERS_WITH_CONTACT} JOIN cooperators co ON co.member_id = m.id ${condition}`;
    const [{ total }] = await this.query<{ total: number }>(`SELECT count(*)::int AS total ${base}`, params);
    const rows = await this.query<SummaryRow>(
      `SELECT ${COLUMNS} ${base} ORDER BY co.number DESC NULLS FIRST, co.candidate_since DESC, co.id
        LIMIT ${param(query.pageSize)} OFFSET ${param(query.offset)}`,
      params,
    );
    const holdings = await this.holdingsOf(rows.map((row) => row.id));
    return pageOf(
      rows.map((row) => ({ ...row, holdings: holdings.get(row.id) ?? [] })),
      total,
      query,
    );
  }

  async get(id: string): Promise<CooperatorDetailDto> {
    const [row] = await this.query<SummaryRow>(
      `SELECT ${COLUMNS} ${MEMBERS_WITH_CONTACT} JOIN cooperators co ON co.member_id = m.id WHERE co.id = $1`,
      [id],
    );
    if (!row) throw cooperatorNotFound();
    const movements = await this.movementsOf([id]);
    const today = await this.billing.today();
    const certificates = await this.query<CooperatorDetailDto['certificates'][number]>(
      `SELECT sc.id, sc.movement_id AS "movementId", c.code AS "shareClassCode", sm.quantity,
              CASE WHEN sm.first_number = sm.last_number THEN sm.first_number::text
                   ELSE sm.first_number || '–' || sm.last_number END AS "shareNumbers",
              to_char(sm.effective_on, 'YYYY-MM-DD') AS "effectiveOn", ${isoTimestampSql('sc.created_at')} AS "createdAt"
         FROM share_certificates sc JOIN share_movements sm ON sm.id = sc.movement_id
         JOIN share_classes c ON c.id = sm.share_class_id
        WHERE sc.cooperator_id = $1 ORDER BY sc.created_at DESC, sc.id`,
      [id],
    );
    const operations = await this.operations.ofMembers(`(SELECT $1::uuid)`, row.memberId);
    const holder = { cooperatorId: row.id, cooperatorNumber: row.number, memberId: row.memberId, name: row.name };
    return {
      ...row,
      holdings: holdingsDtoOf(movements, today),
      movements: movements.map((m) => ({
        id: m.id,
        kind: m.kind,
        direction: directionOf(m.kind),
        holder,
        shareClass: { id: m.shareClassId, code: m.shareClassCode },
        quantity: m.quantity,
        firstNumber: m.first,
        lastNumber: m.last,
        unitPrice: { amount: m.unitPrice, currency: m.currency },
        effectiveOn: m.effectiveOn,
      })),
      certificates,
      operations: await Promise.all(operations.map((operation) => this.operationsService.dtoOf(operation))),
    };
  }

  /** The cooperator of a member, if any (the portal and the subscription pages link to it). */
  async idOfMember(memberId: string): Promise<string | null> {
    const [row] = await this.query<{ id: string }>(`SELECT id FROM cooperators WHERE member_id = $1`, [memberId]);
    return row?.id ?? null;
  }

  private async holdingsOf(ids: string[]): Promise<Map<string, CooperatorHoldingDto[]>> {
    const movements = await this.movementsOf(ids);
    const today = await this.billing.today();
    const byHolder = new Map<string, MovementRow[]>();
    for (const movement of movements)
      byHolder.set(movement.holderId, [...(byHolder.get(movement.holderId) ?? []), movement]);
    return new Map([...byHolder].map(([id, rows]) => [id, holdingsDtoOf(rows, today)]));
  }

  private movementsOf(ids: string[]): Promise<MovementRow[]> {
    return this.query<MovementRow>(
      `SELECT sm.id, sm.kind, sm.cooperator_id AS "holderId", sm.share_class_id AS "shareClassId", sm.quantity,
              sm.first_number AS first, sm.last_number AS last, sm.unit_price AS "unitPrice", sm.currency,
              to_char(sm.effective_on, 'YYYY-MM-DD') AS "effectiveOn", c.code AS "shareClassCode"
         FROM share_movements sm JOIN share_classes c ON c.id = sm.share_class_id
        WHERE sm.cooperator_id = ANY($1::uuid[])
        ORDER BY sm.effective_on, sm.recorded_at, sm.direction, sm.first_number`,
      [ids],
    );
  }
}

function holdingsDtoOf(movements: MovementRow[], asOf: string): CooperatorHoldingDto[] {
  const classOf = new Map(movements.map((m) => [m.shareClassId, m]));
  return holdingsAsOf(movements, asOf).map((holding) => ({
    shareClassId: holding.shareClassId,
    shareClassCode: classOf.get(holding.shareClassId)!.shareClassCode,
    quantity: holding.quantity,
    capital: { amount: holding.capital, currency: classOf.get(holding.shareClassId)!.currency },
    shareNumbers: formatRanges(holding.ranges),
  }));
}

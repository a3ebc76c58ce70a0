import { Injectable } from '@nestjs/common';
import { Clock, isForeignKeyViolation, isUniqueViolation, ProblemException, Transactions } from '@tessera/core';
import type { CreateShareClassDto, HolderKind, ShareClassDto, UpdateShareClassDto } from './share-class.dto';

/** A share class as the rest of the domain uses it. */
export interface ShareClass {
  id: string;
  code: string;
  name: string;
  unitPrice: number;
  currency: string;
  minShares: number;
  maxShares: number | null;
  holderKinds: HolderKind[];
  makesMember: boolean;
  planId: string;
  approvalFlowId: string | null;
  active: boolean;
}

const COLUMNS = `id, code, name, unit_price AS "unitPrice", currency, min_shares AS "minShares",
  max_shares AS "maxShares", holder_kinds AS "holderKinds", makes_member AS "makesMember",
  plan_id AS "planId", approval_flow_id AS "approvalFlowId", active`;

export function shareClassNotFound(): ProblemException {
  return ProblemException.notFound('No share class has this id.', 'share-class-not-found');
}

/** Share classes (admin): what a share costs, how many a holder may hold, who may hold them. */
@Injectable()
export class ShareClassesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Everything for staff; the active ones for anyone else. */
  async list(all: boolean): Promise<ShareClassDto[]> {
    const rows = (await this.transactions.manager.query(
      `SELECT ${COLUMNS} FROM share_classes ${all ? '' : 'WHERE active'} ORDER BY code`,
    )) as ShareClass[];
    return rows.map(shareClassDtoOf);
  }

  async byId(id: string, lock = false): Promise<ShareClass | null> {
    const [row] = (await this.transactions.manager.query(
      `SELECT ${COLUMNS} FROM share_classes WHERE id = $1 ${lock ? 'FOR SHARE' : ''}`,
      [id],
    )) as ShareClass[];
    return row ?? null;
  }

  async get(id: string): Promise<ShareClassDto> {
    const row = await this.byId(id);
    if (!row) throw shareClassNotFound();
    return shareClassDtoOf(row);
  }

  async create(dto: CreateShareClassDto): Promise<ShareClassDto> {
    assertBounds(dto.minShares, dto.maxShares ?? null);
    const now = this.clock.now();
    const id = await this.write(async () => {
      await this.assertFlow(dto.approvalFlowId ?? null);
      const [row] = (await this.transactions.manager.query(
        `INSERT INTO share_classes (code, name, unit_price, currency, min_shares, max_shares, holder_kinds,
                                    makes_member, plan_id, approval_flow_id, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
        [
          dto.code,
          dto.name,
          dto.unitPrice.amount,
          dto.unitPrice.currency,
          dto.minShares,
          dto.maxShares ?? null,
          dto.holderKinds,
          dto.makesMember,
          dto.planId,
          dto.approvalFlowId ?? null,
          dto.active ?? true,
          now,
        ],
      )) as { id: string }[];
      return row.id;
    });
    return this.get(id);
  }

  /** Changes apply to subscriptions made afterwards; requests made before keep their price. */
  async update(id: string, dto: UpdateShareClassDto): Promise<ShareClassDto> {
    await this.write(async () => {
      const current = await this.byId(id);
      if (!current) throw shareClassNotFound();
      const next: ShareClass = {
        ...current,
        name: dto.name ?? current.name,
        unitPrice: dto.unitPrice?.amount ?? current.unitPrice,
        currency: dto.unitPrice?.currency ?? current.currency,
        minShares: dto.minShares ?? current.minShares,
        maxShares: dto.maxShares === undefined ? current.maxShares : dto.maxShares,
        holderKinds: dto.holderKinds ?? current.holderKinds,
        makesMember: dto.makesMember ?? current.makesMember,
        planId: dto.planId ?? current.planId,
        approvalFlowId: dto.approvalFlowId === undefined ? current.approvalFlowId : dto.approvalFlowId,
        active: dto.active ?? current.active,
      };
      assertBounds(next.minShares, next.maxShares);
      if (dto.approvalFlowId) await this.assertFlow(dto.approvalFlowId);
      await this.transactions.manager.query(
        `UPDATE share_classes SET name = $2, unit_price = $3, currency = $4, min_shares = $5, max_shares = $6,
                holder_kinds = $7, makes_member = $8, plan_id = $9, approval_flow_id = $10, active = $11, updated_at = $12
          WHERE id = $1`,
        [
          id,
          next.name,
          next.unitPrice,
          next.currency,
          next.minShares,
          next.maxShares,
          next.holderKinds,
          next.makesMember,
          next.planId,
          next.approvalFlowId,
          next.active,
          this.clock.now(),
        ],
      );
    });
    return this.get(id);
  }

  /** One transaction; database refusals become the field errors or conflicts they mean. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (isUniqueViolation(error, 'share_classes_code_key'))
        throw ProblemException.conflict('Another share class has this code.', 'share-class-code-taken');
      if (isForeignKeyViolation(error, 'share_classes_plan_id_fkey'))
        throw ProblemException.validation([{ field: 'planId', message: 'is not a plan' }]);
      throw error;
    }
  }

  private async assertFlow(flowId: string | null): Promise<void> {
    if (!flowId) return;
    const rows = (await this.transactions.manager.query(
      `SELECT 1 FROM approval_flows WHERE id = $1 AND subject_type = 'share_subscription'`,
      [flowId],
    )) as unknown[];
    if (rows.length === 0)
      throw ProblemException.validation([
        { field: 'approvalFlowId', message: 'is not an approval flow for share subscriptions' },
      ]);
  }
}

function assertBounds(min: number, max: number | null): void {
  if (max !== null && max < min)
    throw ProblemException.validation([{ field: 'maxShares', message: `must be at least minShares (${min})` }]);
}

export function shareClassDtoOf(row: ShareClass): ShareClassDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    unitPrice: { amount: row.unitPrice, currency: row.currency },
    minShares: row.minShares,
    maxShares: row.maxShares,
    holderKinds: row.holderKinds,
    makesMember: row.makesMember,
    planId: row.planId,
    approvalFlowId: row.approvalFlowId,
    active: row.active,
  };
}

import { Injectable } from '@nestjs/common';
import { BillingDocumentsService } from '@tessera/billing';
import { directionOf, formatRanges, holdingsAsOf } from '../share-register-arithmetic';
import type { ShareRegisterDto } from './share-register.dto';
import { ShareRegisterRepository } from './share-register.repository';

/** The register as of a date: its movements, and holdings and capital derived from them. */
@Injectable()
export class ShareRegisterService {
  constructor(
    private readonly register: ShareRegisterRepository,
    private readonly billing: BillingDocumentsService,
  ) {}

  async asOf(date: string | undefined): Promise<ShareRegisterDto> {
    const asOf = date ?? (await this.billing.today());
    const movements = await this.register.movementsAsOf(asOf);
    const byHolder = new Map(movements.map((m) => [m.holderId, m]));
    const byClass = new Map(movements.map((m) => [m.shareClassId, m]));
    const holderOf = (id: string) => {
      const m = byHolder.get(id)!;
      return { cooperatorId: id, cooperatorNumber: m.cooperatorNumber, memberId: m.memberId, name: m.holderName };
    };
    const classOf = (id: string) => ({ id, code: byClass.get(id)!.shareClassCode });
    const currencyOf = (classId: string) => byClass.get(classId)!.currency;
    const holdings = holdingsAsOf(movements, asOf);
    const totals = new Map<string, { quantity: number; capital: number }>();
    for (const holding of holdings) {
      const total = totals.get(holding.shareClassId) ?? { quantity: 0, capital: 0 };
      total.quantity += holding.quantity;
      total.capital += holding.capital;
      totals.set(holding.shareClassId, total);
    }
    return {
      asOf,
      movements: movements.map((m) => ({
        id: m.id,
        kind: m.kind,
        direction: directionOf(m.kind),
        holder: holderOf(m.holderId),
        shareClass: classOf(m.shareClassId),
        quantity: m.quantity,
        firstNumber: m.first,
        lastNumber: m.last,
        unitPrice: { amount: m.unitPrice, currency: m.currency },
        effectiveOn: m.effectiveOn,
      })),
      holdings: holdings.map((h) => ({
        holder: holderOf(h.holderId),
        shareClass: classOf(h.shareClassId),
        quantity: h.quantity,
        capital: { amount: h.capital, currency: currencyOf(h.shareClassId) },
        shareNumbers: formatRanges(h.ranges),
      })),
      totals: [...totals].map(([classId, total]) => ({
        shareClass: classOf(classId),
        quantity: total.quantity,
        capital: { amount: total.capital, currency: currencyOf(classId) },
      })),
    };
  }
}

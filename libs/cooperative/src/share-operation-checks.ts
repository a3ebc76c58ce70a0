import type { HolderKind } from './share-classes/share-class.dto';
import type { ShareOperationKind } from './share-operation-state';

/** What a check needs of a class. */
export interface ClassRules {
  code: string;
  unitPrice: number;
  minShares: number;
  maxShares: number | null;
  holderKinds: readonly HolderKind[];
  active: boolean;
}

/** A holding the operation changes: whose, of which class, how many they hold now. */
export interface HoldingFacts {
  name: string;
  holderKind: HolderKind;
  shareClass: ClassRules;
  held: number;
}

export interface OperationFacts {
  kind: ShareOperationKind;
  quantity: number;
  /** The shares given up. */
  from: HoldingFacts;
  /** Transfer: the receiver's holding of the same class; conversion: the holder's holding of the new class. */
  to?: HoldingFacts & { receives: number };
  money: (minor: number) => string;
}

const holderWords = (kind: HolderKind) => (kind === 'organisation' ? 'organisations' : 'individuals');

/**
 * Why an operation cannot be done now (null when it can), in words staff and holders understand:
 * checked when it is asked for and again, on locked holdings, when it is executed.
 */
export function operationRefusal(facts: OperationFacts): string | null {
  const { from, quantity } = facts;
  const code = from.shareClass.code;
  if (from.held < quantity) return `${from.name} holds ${from.held} class ${code} shares, not ${quantity}.`;
  const left = from.held - quantity;
  if (left > 0 && left < from.shareClass.minShares)
    return `${from.name} would keep ${left} class ${code} shares, under the class minimum of ${from.shareClass.minShares}: give up all ${from.held} or at most ${from.held - from.shareClass.minShares}.`;
  if (facts.kind === 'redemption') return null;
  const to = facts.to;
  if (!to) throw new Error(`A ${facts.kind} needs its receiving holding`);
  const toCode = to.shareClass.code;
  if (facts.kind === 'conversion' && !to.shareClass.active) return `Class ${toCode} is closed to new shares.`;
  if (!to.shareClass.holderKinds.includes(to.holderKind))
    return `Class ${toCode} shares cannot be held by ${holderWords(to.holderKind)} (${to.name}).`;
  if (to.receives < 1)
    return `${quantity} class ${code} shares (${facts.money(quantity * from.shareClass.unitPrice)}) are worth less than one class ${toCode} share (${facts.money(to.shareClass.unitPrice)}).`;
  const after = to.held + to.receives;
  if (to.shareClass.maxShares !== null && after > to.shareClass.maxShares)
    return `${to.name} would hold ${after} class ${toCode} shares, over the class maximum of ${to.shareClass.maxShares}.`;
  if (after < to.shareClass.minShares)
    return `${to.name} would hold ${after} class ${toCode} shares, under the class minimum of ${to.shareClass.minShares}.`;
  return null;
}

/**
 * A conversion: as many shares of the new class as the value given up buys (at the nominal value
 * of each class), and what is left over (positive: owed to the holder), in minor units.
 */
export function conversionOf(
  quantity: number,
  fromUnitPrice: number,
  toUnitPrice: number,
): { toQuantity: number; valueDifference: number } {
  const value = quantity * fromUnitPrice;
  const toQuantity = Math.floor(value / toUnitPrice);
  return { toQuantity, valueDifference: value - toQuantity * toUnitPrice };
}

/** YYYY-MM-DD plus some days. */
export function addDaysTo(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Share numbers and holdings: the arithmetic of the register, apart from the database. */

/** A block of consecutive share numbers, both ends included. */
export interface ShareRange {
  first: number;
  last: number;
}

/**
 * The numbers of `quantity` new shares of a class whose last number given is `lastGiven` (0 when
 * none yet): the next consecutive block.
 */
export function nextRange(lastGiven: number, quantity: number): ShareRange {
  if (!Number.isInteger(lastGiven) || lastGiven < 0) throw new RangeError(`Bad last share number ${lastGiven}`);
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`Bad quantity of shares ${quantity}`);
  return { first: lastGiven + 1, last: lastGiven + quantity };
}

export function rangeSize(range: ShareRange): number {
  return range.last - range.first + 1;
}

/** Whether two blocks share a number. */
export function overlaps(a: ShareRange, b: ShareRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Every kind of row in the register: shares come in (issue, transfer_in, conversion_in) or go out. */
export const MOVEMENT_KINDS = [
  'issue',
  'redemption',
  'transfer_out',
  'transfer_in',
  'conversion_out',
  'conversion_in',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

const OUTGOING: ReadonlySet<MovementKind> = new Set(['redemption', 'transfer_out', 'conversion_out']);

/** +1 for shares entering a holding, -1 for shares leaving it (every row's quantity is positive). */
export function directionOf(kind: MovementKind): 1 | -1 {
  return OUTGOING.has(kind) ? -1 : 1;
}

/** A row of the register, as holdings are derived from it. */
export interface RegisterMovement {
  kind: MovementKind;
  holderId: string;
  shareClassId: string;
  quantity: number;
  first: number;
  last: number;
  unitPrice: number;
  /** YYYY-MM-DD. */
  effectiveOn: string;
}

/** Shares held in a block, with the price each was paid up at (blocks of one holding never overlap). */
export interface PricedRange extends ShareRange {
  unitPrice: number;
}

export interface Holding {
  holderId: string;
  shareClassId: string;
  quantity: number;
  /** Paid-up capital, in minor units. */
  capital: number;
  /** Ascending, adjacent blocks merged. */
  ranges: ShareRange[];
  /** Ascending, as held (not merged across prices). */
  blocks: PricedRange[];
}

/**
 * What each holder holds of each class on `asOf` (inclusive): the movements effective by then,
 * in date order (rows of one date in the order given), shares coming in added and going out
 * removed by number. Holders left with nothing are left out. A row taking numbers its holder
 * does not hold is a corrupt register: it throws.
 */
export function holdingsAsOf(movements: readonly RegisterMovement[], asOf: string): Holding[] {
  const byKey = new Map<string, { holderId: string; shareClassId: string; blocks: PricedRange[] }>();
  const dated = movements
    .map((movement, index) => ({ movement, index }))
    .filter(({ movement }) => movement.effectiveOn <= asOf)
    .sort((a, b) => a.movement.effectiveOn.localeCompare(b.movement.effectiveOn) || a.index - b.index);
  for (const { movement } of dated) {
    const key = `${movement.holderId}/${movement.shareClassId}`;
    const holding = byKey.get(key) ?? { holderId: movement.holderId, shareClassId: movement.shareClassId, blocks: [] };
    const block = { first: movement.first, last: movement.last, unitPrice: movement.unitPrice };
    holding.blocks =
      directionOf(movement.kind) > 0 ? addBlock(holding.blocks, block) : removeBlock(holding.blocks, block);
    byKey.set(key, holding);
  }
  return [...byKey.values()]
    .filter((holding) => holding.blocks.length > 0)
    .map((holding) => ({
      holderId: holding.holderId,
      shareClassId: holding.shareClassId,
      quantity: holding.blocks.reduce((sum, block) => sum + rangeSize(block), 0),
      capital: holding.blocks.reduce((sum, block) => sum + rangeSize(block) * block.unitPrice, 0),
      ranges: mergeRanges(holding.blocks.map(({ first, last }) => ({ first, last }))),
      blocks: holding.blocks,
    }));
}

/** The blocks with one more, in number order; a number already held is a corrupt register. */
export function addBlock(blocks: readonly PricedRange[], block: PricedRange): PricedRange[] {
  for (const held of blocks)
    if (overlaps(held, block))
      throw new Error(`Share numbers ${block.first}–${block.last} are already held (${held.first}–${held.last})`);
  return [...blocks, { ...block }].sort((a, b) => a.first - b.first);
}

/** The blocks less every number of `range`, which must all be held (else it throws). */
export function removeBlock(blocks: readonly PricedRange[], range: ShareRange): PricedRange[] {
  const held = blocks
    .filter((block) => overlaps(block, range))
    .reduce((sum, block) => {
      return sum + Math.min(block.last, range.last) - Math.max(block.first, range.first) + 1;
    }, 0);
  if (held !== rangeSize(range)) throw new Error(`Share numbers ${range.first}–${range.last} are not all held`);
  const left: PricedRange[] = [];
  for (const block of blocks) {
    if (!overlaps(block, range)) {
      left.push({ ...block });
      continue;
    }
    if (block.first < range.first) left.push({ ...block, last: range.first - 1 });
    if (block.last > range.last) left.push({ ...block, first: range.last + 1 });
  }
  return left;
}

/**
 * The `quantity` highest-numbered shares of a holding, as the blocks to take out (ascending, each
 * with its price): redemptions, transfers and conversions give up the latest shares first.
 */
export function highestShares(blocks: readonly PricedRange[], quantity: number): PricedRange[] {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`Bad quantity of shares ${quantity}`);
  const held = blocks.reduce((sum, block) => sum + rangeSize(block), 0);
  if (quantity > held) throw new RangeError(`Only ${held} shares are held, not ${quantity}`);
  const taken: PricedRange[] = [];
  let left = quantity;
  for (const block of [...blocks].sort((a, b) => b.first - a.first)) {
    if (left === 0) break;
    const size = Math.min(left, rangeSize(block));
    taken.unshift({ first: block.last - size + 1, last: block.last, unitPrice: block.unitPrice });
    left -= size;
  }
  return taken;
}

/** Sorted, with adjacent blocks (…-4, 5-…) joined; overlapping blocks are a corrupt register. */
export function mergeRanges(ranges: readonly ShareRange[]): ShareRange[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const merged: ShareRange[] = [];
  for (const range of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && overlaps(previous, range))
      throw new Error(`Share numbers ${range.first}–${range.last} overlap ${previous.first}–${previous.last}`);
    if (previous && previous.last + 1 === range.first) previous.last = range.last;
    else merged.push({ ...range });
  }
  return merged;
}

/** "1–4, 9–10" (one number alone: "7"). */
export function formatRanges(ranges: readonly ShareRange[]): string {
  return ranges
    .map((range) => (range.first === range.last ? `${range.first}` : `${range.first}–${range.last}`))
    .join(', ');
}

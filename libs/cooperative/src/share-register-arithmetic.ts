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

/** A row of the register, as holdings are derived from it. */
export interface RegisterMovement {
  kind: 'issue';
  holderId: string;
  shareClassId: string;
  quantity: number;
  first: number;
  last: number;
  unitPrice: number;
  /** YYYY-MM-DD. */
  effectiveOn: string;
}

export interface Holding {
  holderId: string;
  shareClassId: string;
  quantity: number;
  /** Paid-up capital, in minor units. */
  capital: number;
  /** Ascending, adjacent blocks merged. */
  ranges: ShareRange[];
}

/**
 * What each holder holds of each class on `asOf` (inclusive): the movements effective by then,
 * summed. Blocks are listed in number order, adjacent ones merged.
 */
export function holdingsAsOf(movements: readonly RegisterMovement[], asOf: string): Holding[] {
  const byKey = new Map<string, Holding>();
  for (const movement of movements) {
    if (movement.effectiveOn > asOf) continue;
    const key = `${movement.holderId}/${movement.shareClassId}`;
    const holding = byKey.get(key) ?? {
      holderId: movement.holderId,
      shareClassId: movement.shareClassId,
      quantity: 0,
      capital: 0,
      ranges: [],
    };
    holding.quantity += movement.quantity;
    holding.capital += movement.quantity * movement.unitPrice;
    holding.ranges.push({ first: movement.first, last: movement.last });
    byKey.set(key, holding);
  }
  return [...byKey.values()].map((holding) => ({ ...holding, ranges: mergeRanges(holding.ranges) }));
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

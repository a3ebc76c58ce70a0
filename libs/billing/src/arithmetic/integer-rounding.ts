/**
 * Exact integer helpers for money in minor units. Everything goes through BigInt so that no
 * product (a quantity times a price times a tax rate) ever passes through a float.
 */

/** Throws unless `value` is a safe integer: a float or an overflow here is a caller's bug. */
export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new Error(`${what} must be a safe integer, got ${value}`);
}

/** Back from BigInt, refusing a result that a number cannot hold exactly. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error(`${what} is beyond the safe integer range: ${value}`);
  }
  return Number(value);
}

/**
 * numerator / denominator rounded half away from zero (2.5 → 3, −2.5 → −3). Away from zero
 * rather than towards +∞ so that a credit note's negative line rounds to exactly the opposite of
 * the invoice line it mirrors: round(−x) = −round(x).
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new Error(`Denominator must be positive, got ${denominator}`);
  const magnitude = numerator < 0n ? -numerator : numerator;
  // floor((2·|n| + d) / 2d) = floor(|n|/d + 1/2); BigInt division truncates, exact on non-negatives.
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

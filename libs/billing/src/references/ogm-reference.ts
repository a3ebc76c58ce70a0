/**
 * Belgian structured communication (OGM / VCS, "gestructureerde mededeling"): twelve digits,
 * printed +++123/4567/89012+++ (or ***…***), where the last two are the first ten modulo 97,
 * with 97 standing for a remainder of 0.
 */
const MAX_BASE = 9_999_999_999n;
/** Printed (+++ or *** on both sides), slashed without delimiters, or bare: spaces tolerated. */
const PRINTED = /^(?:(\+{3}|\*{3})\s*)?(\d{3})\s*\/?\s*(\d{4})\s*\/?\s*(\d{5})(?:\s*(\+{3}|\*{3}))?$/;

/** The printed reference for a base of up to ten digits: 909337554 → `+++090/9337/55493+++`. */
export function ogmReference(base: number | bigint): string {
  if (typeof base === 'number' && !Number.isSafeInteger(base))
    throw new Error(`An OGM base is an integer, got ${base}`);
  const value = BigInt(base);
  if (value < 0n || value > MAX_BASE) throw new Error(`An OGM base has at most ten digits, got ${value}`);
  return formatOgmDigits(`${String(value).padStart(10, '0')}${String(ogmCheck(value)).padStart(2, '0')}`);
}

/** Whether `text` is a valid OGM: `+++…+++`, `***…***` or the bare twelve digits. */
export function isValidOgm(text: string): boolean {
  return ogmDigits(text) !== null;
}

/** The twelve digits of a valid OGM in any accepted form, or null. */
export function ogmDigits(text: string): string | null {
  const match = PRINTED.exec(text.trim());
  if (!match) return null;
  const [, open, a, b, c, close] = match;
  if (open !== close) return null; // both delimiters or none, of the same kind
  const digits = `${a}${b}${c}`;
  return Number(digits.slice(10)) === ogmCheck(BigInt(digits.slice(0, 10))) ? digits : null;
}

/** `090933755493` → `+++090/9337/55493+++`. */
export function formatOgmDigits(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

function ogmCheck(base: bigint): number {
  return Number(base % 97n) || 97;
}

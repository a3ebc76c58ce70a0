import { formatRf, isValidRf } from './creditor-reference';
import { formatOgmDigits, ogmDigits } from './ogm-reference';
import type { PaymentReferenceScheme } from './payment-reference';

export interface FoundReference {
  scheme: PaymentReferenceScheme;
  /** The printed form, as paymentReferenceFor gives it: `RF18 5390 0754 7034`, `+++090/9337/55493+++`. */
  reference: string;
}

/** `RF` and its check digits, not inside a word; the body follows as space-separated tokens. */
const RF_START = /(?<![A-Z0-9])RF ?(\d{2})/gi;
/** One token of a body: optional spaces or tabs (not a line break), then letters and digits. */
const RF_TOKEN = /^[ \t]*([A-Z0-9]+)/i;
const DIGITS = /^\d+$/;
/** Twelve digits grouped 3/4/5 (slashes and spaces tolerated) or bare, optionally in +++ or ***. */
const OGM = /(?<!\d)(?:[+*]{3}[ \t]*)?\d{3}[ \t]*\/?[ \t]*\d{4}[ \t]*\/?[ \t]*\d{5}(?:[ \t]*[+*]{3})?(?!\d)/g;

/**
 * The valid RF and OGM references in free text such as a bank statement line, in order of
 * appearance, each once. Tolerates lower case, spaces inside a reference, slashes and the
 * +++/*** delimiters. Check digits keep false matches out: a candidate is kept only if valid.
 */
export function findStructuredReferences(text: string): FoundReference[] {
  const found: { start: number; end: number; ref: FoundReference }[] = [];
  const overlaps = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);

  for (const match of text.matchAll(RF_START)) {
    const hit = longestValidRf(text, match.index + match[0].length, `RF${match[1]}`);
    if (hit && !overlaps(match.index, hit.end)) found.push({ start: match.index, end: hit.end, ref: hit.ref });
  }
  for (const match of text.matchAll(OGM)) {
    const end = match.index + match[0].length;
    const digits = ogmDigits(match[0]);
    if (digits && !overlaps(match.index, end)) {
      found.push({ start: match.index, end, ref: { scheme: 'ogm', reference: formatOgmDigits(digits) } });
    }
  }

  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => f.ref)
    .filter((ref) => !seen.has(ref.reference) && seen.add(ref.reference));
}

/**
 * A printed body may be split by spaces (`RF18 5390 0754 7034`, or as a person typed it) and
 * may be followed by ordinary words. Which tokens may join the body:
 * - after digits only, only more digits ("RF34 0000 0000 42 thank you" stops before "thank");
 * - once the body has letters, only the printed layout, groups of four (`RF45 G72U UR`).
 * Among the joins, the longest valid one wins (never a split token: `RF18539007547034X` is none).
 * One ambiguity remains: digits that follow a numeric reference ("… 7034 12 items") make a valid
 * longer reference once in 97 times; a reconciler should treat a found reference as a candidate.
 */
function longestValidRf(text: string, bodyStart: number, head: string): { end: number; ref: FoundReference } | null {
  const candidates: { body: string; end: number }[] = [];
  let body = '';
  let previous = '';
  let position = bodyStart;
  for (let token = RF_TOKEN.exec(text.slice(position)); token; token = RF_TOKEN.exec(text.slice(position))) {
    const part = token[1];
    if (body.length + part.length > 21) break;
    if (body && DIGITS.test(body) && !DIGITS.test(part)) break;
    if (body && !DIGITS.test(body + part) && previous.length !== 4) break;
    body += part;
    previous = part;
    position += token[0].length;
    candidates.push({ body, end: position });
  }
  for (const candidate of candidates.reverse()) {
    const electronic = `${head}${candidate.body}`.toUpperCase();
    if (isValidRf(electronic)) return { end: candidate.end, ref: { scheme: 'rf', reference: formatRf(electronic) } };
  }
  return null;
}

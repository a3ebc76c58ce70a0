import { compact, mod97 } from './mod97';

/**
 * ISO 11649 structured creditor references: `RF`, two check digits, then a body of 1 to 21
 * letters or digits chosen by the creditor. Check digits by ISO 7064 MOD 97-10 over the body
 * followed by `RF00`, as 98 − remainder (so always 02–98).
 */
const BODY = /^[A-Z0-9]{1,21}$/;
const ELECTRONIC = /^RF(\d{2})([A-Z0-9]{1,21})$/;

/** The electronic (unspaced) reference for a body, e.g. `539007547034` → `RF18539007547034`. */
export function rfReference(body: string): string {
  const upper = body.toUpperCase();
  if (!BODY.test(upper))
    throw new Error(`A creditor reference body is 1 to 21 letters or digits, got ${JSON.stringify(body)}`);
  const check = 98 - mod97(`${upper}RF00`);
  return `RF${String(check).padStart(2, '0')}${upper}`;
}

/** The printed form, in groups of four from the start: `RF18 5390 0754 7034`. */
export function formatRf(reference: string): string {
  return (compact(reference).match(/.{1,4}/g) ?? []).join(' ');
}

/** Whether `text` is a valid creditor reference, ignoring spaces and case. */
export function isValidRf(text: string): boolean {
  const match = ELECTRONIC.exec(compact(text));
  if (!match) return false;
  const check = Number(match[1]);
  // 00, 01 and 99 pass the remainder test (they are 97, 98 and 2 shifted by 97) but are never issued.
  return check >= 2 && check <= 98 && mod97(`${match[2]}RF${match[1]}`) === 1;
}

/** BE71096123456769 → "BE71 0961 2345 6769": an IBAN (stored compact) as people read and type it. */
export function friendlyIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

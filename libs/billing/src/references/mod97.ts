/**
 * ISO 7064 MOD 97-10, shared by ISO 11649 creditor references and IBANs (ISO 13616): letters
 * become two digits (A = 10 … Z = 35) and the resulting number is reduced modulo 97.
 */
export function mod97(alphanumerics: string): number {
  let remainder = 0;
  for (const char of alphanumerics.toUpperCase()) {
    const code = char.charCodeAt(0);
    // '0'–'9' stay themselves; 'A'–'Z' are 10–35, i.e. two digits shifted in at once.
    if (code >= 48 && code <= 57) remainder = (remainder * 10 + (code - 48)) % 97;
    else if (code >= 65 && code <= 90) remainder = (remainder * 100 + (code - 55)) % 97;
    else throw new Error(`Not an alphanumeric character: ${JSON.stringify(char)}`);
  }
  return remainder;
}

/** Text without any white space, upper-cased: the electronic form of a printed reference. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

import { countryName } from './countries';

/** The parts of a postal address, as every API address has them. */
export interface AddressParts {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  country: string;
}

/** A postal address on several lines (show it with `white-space: pre-line`). */
export function formatAddress(value: AddressParts | null | undefined, fallback = '—'): string {
  if (!value) return fallback;
  return [value.line1, value.line2, `${value.postalCode} ${value.city}`, countryName(value.country)]
    .filter(Boolean)
    .join('\n');
}

import type { CsvMapping } from './csv-mapping';

export interface CsvPreset {
  label: string;
  mapping: CsvMapping;
}

export type CsvPresetName = 'be-fr' | 'nl' | 'fr';

/**
 * Starting points for a bank's CSV export, to be checked against a real file of that bank and
 * adjusted (columns, delimiter, encoding) in the mapping saved for it. They follow the general
 * layout of common Belgian, Dutch and French exports; they are NOT exact formats of any bank,
 * whose exports vary by channel, language and year. Copy a preset before editing it.
 */
export const CSV_PRESETS: Readonly<Record<CsvPresetName, CsvPreset>> = {
  /** Belgian, French-language headers, in the style of BNP Paribas Fortis or KBC exports. */
  'be-fr': {
    label: 'Belgium (French headers, ";" and decimal comma)',
    mapping: {
      delimiter: ';',
      decimalSeparator: ',',
      dateFormat: 'DD/MM/YYYY',
      hasHeader: true,
      encoding: 'utf-8',
      columns: {
        bankReference: 'Numéro de séquence',
        bookingDate: "Date d'exécution",
        valueDate: 'Date valeur',
        amount: 'Montant',
        currency: 'Devise',
        account: 'Numéro de compte',
        counterpartyIban: 'Contrepartie',
        counterpartyName: 'Nom contrepartie',
        remittance: ['Communication'],
      },
    },
  },
  /** Dutch, in the style of ING Netherlands: YYYYMMDD dates and an unsigned amount with "Af"/"Bij". */
  nl: {
    label: 'Netherlands ("Af Bij" column, YYYYMMDD dates)',
    mapping: {
      delimiter: ',',
      decimalSeparator: ',',
      dateFormat: 'YYYYMMDD',
      hasHeader: true,
      encoding: 'utf-8',
      currency: 'EUR',
      columns: {
        bookingDate: 'Datum',
        counterpartyName: 'Naam / Omschrijving',
        account: 'Rekening',
        counterpartyIban: 'Tegenrekening',
        direction: { column: 'Af Bij', credit: 'Bij', debit: 'Af' },
        amount: 'Bedrag (EUR)',
        remittance: ['Mededelingen'],
      },
    },
  },
  /** French, in the style of many French banks: separate debit and credit columns, often Latin-1. */
  fr: {
    label: 'France ("Débit"/"Crédit" columns, Latin-1)',
    mapping: {
      delimiter: ';',
      decimalSeparator: ',',
      dateFormat: 'DD/MM/YYYY',
      hasHeader: true,
      encoding: 'latin1',
      currency: 'EUR',
      columns: {
        bookingDate: 'Date',
        valueDate: 'Date de valeur',
        remittance: ['Libellé'],
        debit: 'Débit',
        credit: 'Crédit',
      },
    },
  },
};

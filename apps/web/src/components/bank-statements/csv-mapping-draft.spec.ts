import type { CsvMapping } from '@/api/types';
import { draftFrom, draftProblems, emptyDraft, mappingFrom } from './csv-mapping-draft';

const beFr: CsvMapping = {
  delimiter: ';',
  decimalSeparator: ',',
  dateFormat: 'DD/MM/YYYY',
  hasHeader: true,
  encoding: 'utf-8',
  columns: {
    bankReference: 'Numéro de séquence',
    bookingDate: "Date d'exécution",
    amount: 'Montant',
    currency: 'Devise',
    counterpartyName: 'Nom contrepartie',
    remittance: ['Communication'],
  },
};
const header = ['Numéro de séquence', "DATE D'EXECUTION", 'Montant', 'Devise', 'Nom contrepartie', 'Communication'];

describe('mapping drafts', () => {
  it('lays a preset over a header, matching names as the server does (case and accents aside)', () => {
    const draft = draftFrom(beFr, header);
    expect(draft.columns).toMatchObject({ bankReference: 0, bookingDate: 1, amount: 2, currency: 3, valueDate: null });
    expect(draft).toMatchObject({ amountStyle: 'signed', remittance: [5], currency: '' });
    expect(draftProblems(draft)).toEqual({});
  });

  it('saves columns by their header name, or by position without a header', () => {
    const draft = draftFrom(beFr, header);
    expect(mappingFrom(draft, header).columns).toMatchObject({
      bookingDate: "DATE D'EXECUTION",
      remittance: ['Communication'],
    });
    expect(mappingFrom({ ...draft, hasHeader: false }, header).columns).toMatchObject({ bookingDate: 1, amount: 2 });
  });

  it('keeps only the amount columns of the style chosen', () => {
    const draft = { ...emptyDraft(), amountStyle: 'split' as const };
    draft.columns = { ...draft.columns, bookingDate: 0, amount: 1, credit: 2, debit: 3 };
    const { columns } = mappingFrom(draft, ['Date', 'Montant', 'Crédit', 'Débit']);
    expect(columns).toEqual({ bookingDate: 'Date', credit: 'Crédit', debit: 'Débit' });
  });

  it('reads and writes a direction column (Dutch "Af Bij")', () => {
    const nl: CsvMapping = {
      ...beFr,
      columns: { bookingDate: 'Datum', amount: 'Bedrag', direction: { column: 'Af Bij', credit: 'Bij', debit: 'Af' } },
    };
    const draft = draftFrom(nl, ['Datum', 'Af Bij', 'Bedrag']);
    expect(draft).toMatchObject({ amountStyle: 'direction', direction: { column: 1, credit: 'Bij', debit: 'Af' } });
    expect(mappingFrom(draft, ['Datum', 'Af Bij', 'Bedrag']).columns.direction).toEqual(nl.columns.direction);
  });

  it('says what is missing: the date, the amount(s), the direction values, a currency', () => {
    expect(draftProblems({ ...emptyDraft(), currency: '' })).toEqual({
      bookingDate: 'bankStatements.mapping.pickColumn',
      amount: 'bankStatements.mapping.pickColumn',
      currency: 'bankStatements.mapping.needsCurrency',
    });
    const split = { ...emptyDraft(), amountStyle: 'split' as const };
    expect(Object.keys(draftProblems(split))).toEqual(['bookingDate', 'credit', 'debit']);
    const direction = { ...emptyDraft(), amountStyle: 'direction' as const };
    direction.direction = { column: 2, credit: 'Bij', debit: '' };
    expect(draftProblems(direction).direction).toBe('bankStatements.mapping.directionValues');
  });
});

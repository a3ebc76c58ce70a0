import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProblemException, type MultipartBody } from '@tessera/core';
import { previewCsv, previewCsvUpload, PREVIEW_ROWS } from './csv-preview';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const form = (fields: Record<string, string>, bytes: Buffer): MultipartBody => ({
  fields,
  files: [{ field: 'file', filename: 'export.csv', declaredType: 'text/csv', bytes }],
});

describe('previewCsv', () => {
  it('guesses the delimiter, reads the header and first rows, and names the Belgian preset', () => {
    const preview = previewCsv(fixture('statement-be-fr.csv'), { skipLines: 0 });
    expect(preview).toMatchObject({ delimiter: ';', encoding: 'utf-8', skipLines: 0, preset: 'be-fr' });
    expect(preview.rows[0].slice(0, 4)).toEqual(['Numéro de séquence', "Date d'exécution", 'Date valeur', 'Montant']);
    // A quoted delimiter stays inside its cell.
    expect(preview.rows.flat()).toContain('Imprimerie Lambert; SRL');
  });

  it('names the Dutch preset for a comma-separated, quoted export', () => {
    const preview = previewCsv(fixture('statement-nl.csv'), { skipLines: 0 });
    expect(preview).toMatchObject({ delimiter: ',', encoding: 'utf-8', preset: 'nl' });
    expect(preview.rows[1][5]).toBe('Bij');
  });

  it('reads a Latin-1 export as Latin-1 (Windows-1252) when it is not valid UTF-8', () => {
    const preview = previewCsv(fixture('statement-fr-latin1.csv'), { skipLines: 0 });
    expect(preview.encoding).toBe('latin1');
    expect(preview.rows[0][0]).toBe('Compte courant n° 12345678901');
    // Past the account and balance lines, the French preset's columns are the header.
    const skipped = previewCsv(fixture('statement-fr-latin1.csv'), { skipLines: 2 });
    expect(skipped).toMatchObject({ delimiter: ';', preset: 'fr' });
    expect(skipped.rows[0]).toEqual(['Date', 'Date de valeur', 'Libellé', 'Débit', 'Crédit']);
  });

  it('keeps to the settings given, skips lines and shows at most a few rows', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i}|a|b`).join('\n');
    const preview = previewCsv(Buffer.from(`Account BE68\nBalance 12\n${rows}`), {
      delimiter: '|',
      encoding: 'utf-8',
      skipLines: 2,
    });
    expect(preview.rows).toHaveLength(PREVIEW_ROWS);
    expect(preview.rows[0]).toEqual(['0', 'a', 'b']);
    expect(preview.preset).toBeNull();
  });
});

describe('previewCsvUpload', () => {
  const problemOf = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      if (error instanceof ProblemException) return error.problem;
      throw error;
    }
    throw new Error('expected a problem');
  };

  it.each([
    ['a long delimiter', { delimiter: ';;' }, 'delimiter'],
    ['an unknown encoding', { encoding: 'utf-16' }, 'encoding'],
    ['too many lines to skip', { skipLines: '101' }, 'skipLines'],
    ['a negative number of lines', { skipLines: '-1' }, 'skipLines'],
    ['an unknown field', { format: 'csv' }, 'format'],
  ])('refuses %s with 400 naming the field', (_what, fields, field) => {
    const problem = problemOf(() => previewCsvUpload(form(fields, Buffer.from('a;b\n'))));
    expect(problem).toMatchObject({ status: 400 });
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
  });

  it('refuses a binary file with 415', () => {
    expect(problemOf(() => previewCsvUpload(form({}, Buffer.from('%PDF-1.4\n'))))).toMatchObject({ status: 415 });
  });
});

import { Injectable } from '@nestjs/common';
import { Clock, ProblemException } from '@tessera/core';
import type { CsvMapping } from './csv-mapping';
import { csvMappingOf } from './csv-mapping-input';
import { CsvMappingRepository, type SavedCsvMapping } from './csv-mapping.repository';
import { validIban } from './statement-text';

export function csvMappingNotFound(): ProblemException {
  return ProblemException.notFound('No CSV mapping is saved for this account.', 'csv-mapping-not-found');
}

/** The account a path or form names: a valid IBAN, compact and upper case; else a 400 naming the field. */
export function accountIbanOf(text: string, field: string): string {
  const iban = validIban(text);
  if (!iban) throw ProblemException.validation([{ field, message: 'must be a valid IBAN' }]);
  return iban;
}

/**
 * Each bank account's CSV layout, saved by finance once (from a preset or the file itself) and
 * used by every later CSV upload of that account.
 */
@Injectable()
export class CsvMappingsService {
  constructor(
    private readonly mappings: CsvMappingRepository,
    private readonly clock: Clock,
  ) {}

  list(offset: number, limit: number): Promise<[SavedCsvMapping[], number]> {
    return this.mappings.list(offset, limit);
  }

  async get(accountIban: string): Promise<SavedCsvMapping> {
    const saved = await this.mappings.find(accountIban);
    if (!saved) throw csvMappingNotFound();
    return saved;
  }

  async save(accountIban: string, mapping: unknown, userId: string | null): Promise<SavedCsvMapping> {
    await this.mappings.save(accountIban, csvMappingOf(mapping), userId, this.clock.now());
    return this.get(accountIban);
  }

  async delete(accountIban: string): Promise<void> {
    if (!(await this.mappings.delete(accountIban))) throw csvMappingNotFound();
  }

  /** The mapping an upload for this account is read with; a 400 on `account` when none is saved. */
  async mappingFor(accountIban: string): Promise<CsvMapping> {
    const saved = await this.mappings.find(accountIban);
    if (!saved)
      throw ProblemException.validation([
        { field: 'account', message: 'has no saved CSV mapping: save one, or choose a preset' },
      ]);
    return saved.mapping;
  }
}

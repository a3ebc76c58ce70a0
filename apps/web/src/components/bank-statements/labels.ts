import type { BankLineState, BankStatementFormat } from '@/api/types';
import type { StatusLook, TagType } from '@/components/common/status-look';
import { translatedLabels } from '@/i18n/labels';

/** Who imports statements and decides their lines (the API's FINANCE). */
export const BANK_ROLES = ['admin', 'finance'] as const;

export const BANK_LINE_STATES: readonly BankLineState[] = [
  'to-review',
  'suggested',
  'matched',
  'resolved',
  'ignored',
  'duplicate',
];
/** Lines still waiting for finance: the review queue. */
export const OPEN_LINE_STATES: readonly BankLineState[] = ['to-review', 'suggested'];

export const BANK_LINE_STATE_LABELS = translatedLabels('bankStatements.state', BANK_LINE_STATES);
export const STATEMENT_FORMAT_LABELS = translatedLabels('bankStatements.format', [
  'camt053',
  'csv',
] as const satisfies readonly BankStatementFormat[]);

const BANK_LINE_STATE_TYPES: Record<BankLineState, TagType> = {
  'to-review': 'warning',
  suggested: 'info',
  matched: 'success',
  resolved: 'success',
  ignored: 'default',
  duplicate: 'default',
};

/** A line's state as a tag (StatusTag), test id `bank-line-state`. */
export const BANK_LINE_STATE_LOOK: StatusLook<BankLineState> = {
  labels: BANK_LINE_STATE_LABELS,
  types: BANK_LINE_STATE_TYPES,
  testid: 'bank-line-state',
};

/** The filter of a list of lines, named as the API's query parameter. */
export const LINE_FILTERS = ['state'] as const;
export type LineFilter = (typeof LINE_FILTERS)[number];

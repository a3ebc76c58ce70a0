import type { BillingDocumentKind, BillingDocumentState } from '@/api/types';
import { confirmationOrder, isConfirmable, isOpenProFormasView, keepSelectable } from './bulk-confirm';

const row = (
  id: string,
  number: string,
  issueDate: string,
  kind: BillingDocumentKind = 'pro-forma',
  state: BillingDocumentState = 'open',
) => ({ id, number, issueDate, kind, state });

describe('bulk confirm', () => {
  it('confirms open pro-formas only', () => {
    expect(isConfirmable({ kind: 'pro-forma', state: 'open' })).toBe(true);
    expect(isConfirmable({ kind: 'pro-forma', state: 'declined' })).toBe(false);
    expect(isConfirmable({ kind: 'invoice', state: 'open' })).toBe(false);
  });

  it('confirms in the order the pro-formas were issued, whatever the list shows', () => {
    const rows = [
      row('c', 'PRO-2026-000010', '2026-06-02'),
      row('a', 'PRO-2026-000002', '2026-06-01'),
      row('b', 'PRO-2026-000009', '2026-06-02'),
    ];
    expect(confirmationOrder(rows).map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });

  it('forgets checked rows that left the list or stopped being confirmable', () => {
    const rows = [row('a', 'PRO-1', '2026-06-01'), row('b', 'PRO-2', '2026-06-01', 'pro-forma', 'confirmed')];
    expect(keepSelectable(['a', 'b', 'gone'], rows)).toEqual(['a']);
  });

  it('knows the "Open pro-formas" view', () => {
    expect(isOpenProFormasView({ kind: 'pro-forma', state: 'open' })).toBe(true);
    expect(isOpenProFormasView({ kind: 'pro-forma', state: '' })).toBe(false);
  });
});

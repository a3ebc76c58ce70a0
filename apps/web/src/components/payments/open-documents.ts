import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { BillingDocumentSummary } from '@/api/types';
import { isPayable, PAYABLE_STATES } from './allocation';

/** The member's documents that still owe something, oldest first (the order a payment settles them). */
export async function fetchPayableDocuments(memberId: string): Promise<BillingDocumentSummary[]> {
  const pages = await Promise.all(
    PAYABLE_STATES.map((state) =>
      unwrap(api.GET('/api/v1/invoices', { params: { query: { memberId, state, pageSize: 200 } } })),
    ),
  );
  return pages
    .flatMap((page) => page.items)
    .filter(isPayable)
    .sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number));
}

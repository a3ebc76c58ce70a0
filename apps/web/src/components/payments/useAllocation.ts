import { computed, reactive } from 'vue';
import { useAsync } from '@/composables/useAsync';
import { spreadPayment } from './allocation';
import { fetchPayableDocuments } from './open-documents';

/** Where an allocation's inputs come from: read again whenever they change. */
export interface AllocationSource {
  /** The member whose documents the money may pay; '' for none yet. */
  memberId: () => string;
  documentIds: () => string[];
  /** The money in minor units; null while it is not a valid amount. */
  amount: () => number | null;
  /** The money's currency when it is fixed (a bank line): other documents are not offered. */
  currency?: () => string | undefined;
}

/**
 * The member's payable documents (loaded by `documents.run()`), those ticked, the payment's
 * currency (fixed, else that of the documents ticked, else of the first open one) and how the
 * amount spreads over the ticked documents, as the API will apply it. Shown by AllocationPicker.
 */
export function useAllocation(source: AllocationSource) {
  const documents = reactive(
    useAsync(() => (source.memberId() ? fetchPayableDocuments(source.memberId()) : Promise.resolve([]))),
  );
  const payable = computed(() => {
    const only = source.currency?.();
    return (documents.data ?? []).filter((document) => !only || document.amountDue.currency === only);
  });
  const chosen = computed(() => payable.value.filter((document) => source.documentIds().includes(document.id)));
  const currency = computed(
    () => source.currency?.() ?? chosen.value[0]?.amountDue.currency ?? payable.value[0]?.amountDue.currency ?? 'EUR',
  );
  const spread = computed(() => {
    const amount = source.amount();
    return amount === null ? null : spreadPayment(amount, chosen.value);
  });
  return reactive({ documents, payable, chosen, currency, spread });
}

export type Allocation = ReturnType<typeof useAllocation>;

import { ref } from 'vue';
import { useMessage } from 'naive-ui';
import { fetchDocumentPdf, fetchReceiptPdf, pdfFileName } from '@/api/billing';
import { saveBlob } from '@/api/applications';
import { errorMessage } from '@/api/problem';
import { translate } from '@/i18n/translate';

/**
 * Saves PDFs read by `fetchPdf` under their numbers; `downloading` is the id on its way, so its
 * button shows busy and a second click waits.
 */
export function usePdfDownload(fetchPdf: (id: string) => Promise<Blob>) {
  const message = useMessage();
  const downloading = ref<string | null>(null);

  async function download(item: { id: string; number: string }, blob?: Blob | null): Promise<void> {
    if (downloading.value) return;
    downloading.value = item.id;
    try {
      saveBlob(blob ?? (await fetchPdf(item.id)), pdfFileName(item.number));
    } catch (error) {
      message.error(
        translate('problems.downloadFailed', { name: pdfFileName(item.number), reason: errorMessage(error) }),
        { duration: 6000 },
      );
    } finally {
      downloading.value = null;
    }
  }

  return { downloading, download };
}

/** Billing documents' PDFs; `own` reads them as the member (/me/invoices), else as staff. */
export function useDocumentDownload(own = false) {
  return usePdfDownload((id) => fetchDocumentPdf(id, own));
}

/** Payments' receipts, saved under their receipt numbers; `own` reads them as the member. */
export function useReceiptDownload(own = false) {
  const { downloading, download } = usePdfDownload((id) => fetchReceiptPdf(id, own));
  return {
    downloading,
    download: (payment: { id: string; receiptNumber: string }) =>
      download({ id: payment.id, number: payment.receiptNumber }),
  };
}

import { ref } from 'vue';
import { useMessage } from 'naive-ui';
import { fetchDocumentPdf, pdfFileName } from '@/api/billing';
import { saveBlob } from '@/api/applications';
import { errorMessage } from '@/api/problem';
import { translate } from '@/i18n/translate';

/**
 * Saves billing documents' PDFs under their numbers; `downloading` is the id on its way. `own`
 * reads them as the member (/me/invoices), else as staff.
 */
export function useDocumentDownload(own = false) {
  const message = useMessage();
  const downloading = ref<string | null>(null);

  async function download(document: { id: string; number: string }, blob?: Blob | null): Promise<void> {
    if (downloading.value) return;
    downloading.value = document.id;
    try {
      saveBlob(blob ?? (await fetchDocumentPdf(document.id, own)), pdfFileName(document.number));
    } catch (error) {
      message.error(
        translate('problems.downloadFailed', { name: pdfFileName(document.number), reason: errorMessage(error) }),
        { duration: 6000 },
      );
    } finally {
      downloading.value = null;
    }
  }

  return { downloading, download };
}

import { reactive } from 'vue';
import { useMessage } from 'naive-ui';
import { fetchApprovalAttachment } from '@/api/approvals';
import { saveBlob } from '@/api/applications';
import { errorMessage } from '@/api/problem';
import { translate } from '@/i18n/translate';
import type { ApprovalAttachment } from '@/api/types';

/** Downloads the attachments of one approval request; `downloading` holds the ids on their way. */
export function useAttachmentDownload(requestId: () => string) {
  const message = useMessage();
  const downloading = reactive(new Set<string>());

  async function download(file: ApprovalAttachment): Promise<void> {
    downloading.add(file.id);
    try {
      saveBlob(await fetchApprovalAttachment(requestId(), file.id), file.filename);
    } catch (error) {
      message.error(translate('problems.downloadFailed', { name: file.filename, reason: errorMessage(error) }), {
        duration: 6000,
      });
    } finally {
      downloading.delete(file.id);
    }
  }

  return { downloading, download };
}

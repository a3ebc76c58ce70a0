import { computed, onScopeDispose, ref } from 'vue';
import { upload, type UploadRequest } from '@/api/upload';

/**
 * One multipart upload at a time, with its progress for a progress bar: `percent` (0–100) while
 * the bytes go up, then `processing` while the server stores them and answers.
 * An upload still running when the component goes away is aborted.
 */
export function useUpload() {
  const loaded = ref(0);
  const total = ref(0);
  const uploading = ref(false);
  let controller: AbortController | null = null;

  const percent = computed(() => (total.value > 0 ? Math.min(100, Math.round((loaded.value / total.value) * 100)) : 0));
  const processing = computed(() => uploading.value && total.value > 0 && loaded.value >= total.value);

  async function send<T>(request: Omit<UploadRequest, 'onProgress' | 'signal'>): Promise<T> {
    controller?.abort();
    controller = new AbortController();
    loaded.value = 0;
    total.value = 0;
    uploading.value = true;
    try {
      return await upload<T>({
        ...request,
        signal: controller.signal,
        onProgress: (progress) => {
          loaded.value = progress.loaded;
          total.value = progress.total;
        },
      });
    } finally {
      uploading.value = false;
      controller = null;
    }
  }

  function abort() {
    controller?.abort();
  }

  onScopeDispose(abort);

  return { send, abort, uploading, processing, percent, loaded, total };
}

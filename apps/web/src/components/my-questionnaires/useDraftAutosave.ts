import { ref, shallowRef } from 'vue';
import { api } from '@/api/client';
import { ApiError, unwrap, type FieldError } from '@/api/problem';
import { useDebouncedFn } from '@/composables/useDebounced';
import type { AnswerValue } from './types';

export type DraftState = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed';

/**
 * Saves the answers as a draft once the member pauses (`delay` ms), one save at a time: changes
 * made during a save are saved right after it. `state` drives the "Saving… / Saved" indicator;
 * a 400 (an answer of the wrong kind) gives its field errors.
 */
export function useDraftAutosave(assignmentId: () => string, answers: () => Record<string, AnswerValue>, delay = 800) {
  const state = ref<DraftState>('idle');
  const savedAt = ref<string | null>(null);
  const errors = shallowRef<FieldError[]>([]);
  let running: Promise<void> | null = null;
  let again = false;

  async function save(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    state.value = 'saving';
    running = (async () => {
      try {
        const saved = await unwrap(
          api.PUT('/api/v1/me/questionnaires/{assignmentId}/draft', {
            params: { path: { assignmentId: assignmentId() } },
            body: { answers: answers() },
          }),
        );
        savedAt.value = saved.draftSavedAt;
        errors.value = [];
        state.value = 'saved';
      } catch (caught) {
        const invalid = caught instanceof ApiError && caught.status === 400;
        errors.value = invalid ? caught.fieldErrors : [];
        state.value = invalid ? 'invalid' : 'failed';
      } finally {
        running = null;
      }
    })();
    await running;
    if (again) {
      again = false;
      await save();
    }
  }

  const schedule = useDebouncedFn(() => void save(), delay);

  /** Waits for the save under way, so a submit never races a draft. */
  async function settle(): Promise<void> {
    schedule.cancel();
    again = false;
    if (running) await running;
  }

  return { state, savedAt, errors, schedule, settle };
}

import { computed, ref } from 'vue';
import { ApiError, tooManyAttempts, type FieldError } from '@/api/problem';
import { NoAccessError } from '@/stores/auth';
import { normalisePath } from '@/utils/path';
import { useCountdown } from './useCountdown';

/** Which fields a screen shows: a list of names, or a test for (dotted) paths. */
export type KnownFields = readonly string[] | ((field: string) => boolean);

/**
 * Maps a server field name ("password", "user.email", "roles[0]", "person.address.city") to a
 * form field: the whole path if the screen shows it, else its longest shown prefix, else its
 * last segment.
 */
function fieldKey(field: string, known: KnownFields): string | null {
  const isKnown = typeof known === 'function' ? known : (name: string) => known.includes(name);
  const parts = normalisePath(field).split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join('.');
    if (isKnown(candidate)) return candidate;
  }
  const tail = parts[parts.length - 1] ?? '';
  return tail && isKnown(tail) ? tail : null;
}

/**
 * Turns API errors (problem+json) into what a screen shows:
 * - `errors[].field` → a message next to the matching field (`fieldErrors`),
 * - everything else (`detail`, unknown fields, network errors) → one alert (`alert`),
 * - 429 → "Too many attempts, try again in N seconds", counting down (`blocked` while it runs).
 *
 * `knownFields` lists the fields the screen displays; errors for other fields go to the alert.
 * `mapField` rewrites server field names first (e.g. drops the name of a multipart part).
 */
export function useProblem(knownFields: KnownFields = [], mapField: (field: string) => string = (field) => field) {
  const fieldErrors = ref<Record<string, string>>({});
  const message = ref<string | null>(null);
  const status = ref<number | null>(null);
  const countdown = useCountdown();

  const alert = computed<string | null>(() =>
    countdown.running.value ? tooManyAttempts(countdown.remaining.value) : message.value,
  );

  function clear() {
    fieldErrors.value = {};
    message.value = null;
    status.value = null;
  }

  function setFieldErrors(errors: readonly FieldError[]): string[] {
    const unmatched: string[] = [];
    const next: Record<string, string> = {};
    for (const { field, message: text } of errors) {
      const key = fieldKey(mapField(field), knownFields);
      if (key) next[key] = next[key] ? `${next[key]} ${text}` : text;
      else unmatched.push(text);
    }
    fieldErrors.value = next;
    return unmatched;
  }

  /** Shows `error`; returns the ApiError (or null for non-API errors) for further handling. */
  function handle(error: unknown): ApiError | null {
    clear();
    if (error instanceof NoAccessError) {
      message.value = error.message;
      return null;
    }
    if (!(error instanceof ApiError)) {
      console.error(error);
      message.value = 'Something went wrong. Please try again.';
      return null;
    }
    status.value = error.status;
    if (error.status === 429) {
      countdown.start(error.retryAfter ?? 30);
      return error;
    }
    const unmatched = setFieldErrors(error.fieldErrors);
    const hasFieldErrors = Object.keys(fieldErrors.value).length > 0;
    if (unmatched.length) message.value = unmatched.join(' ');
    else if (!hasFieldErrors) message.value = error.message;
    return error;
  }

  return {
    fieldErrors,
    alert,
    status,
    /** True while a 429 countdown runs: keep the submit button disabled. */
    blocked: countdown.running,
    handle,
    clear,
    setFieldErrors,
  };
}

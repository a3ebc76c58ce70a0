import { computed, ref, shallowRef } from 'vue';
import { ApiError, fieldErrorMessage, problemMessage, tooManyAttemptsMessage, type FieldError } from '@/api/problem';
import { keyed, messageText, type Message } from '@/i18n/translate';
import { NoAccessError } from '@/stores/no-access-error';
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
 * Messages are kept as keys where the SPA words them itself and translated when read, so a
 * language switch rewords what is on screen.
 *
 * `knownFields` lists the fields the screen displays; errors for other fields go to the alert.
 * `mapField` rewrites server field names first (e.g. drops the name of a multipart part).
 */
export function useProblem(knownFields: KnownFields = [], mapField: (field: string) => string = (field) => field) {
  const fieldErrors = shallowRef<Record<string, Message>>({});
  const message = shallowRef<Message | null>(null);
  const status = ref<number | null>(null);
  const countdown = useCountdown();

  const alert = computed<string | null>(() => {
    if (countdown.running.value) return messageText(tooManyAttemptsMessage(countdown.remaining.value));
    return message.value === null ? null : messageText(message.value);
  });

  function clear() {
    fieldErrors.value = {};
    message.value = null;
    status.value = null;
  }

  function setFieldErrors(errors: readonly FieldError[]): Message[] {
    const unmatched: Message[] = [];
    const next: Record<string, Message> = {};
    for (const error of errors) {
      const key = fieldKey(mapField(error.field), knownFields);
      const text = fieldErrorMessage(error);
      if (!key) unmatched.push(text);
      else next[key] = next[key] === undefined ? text : [next[key], text];
    }
    fieldErrors.value = next;
    return unmatched;
  }

  /** Shows `error`; returns the ApiError (or null for non-API errors) for further handling. */
  function handle(error: unknown): ApiError | null {
    clear();
    if (error instanceof NoAccessError) {
      message.value = keyed('problems.noAccess');
      return null;
    }
    if (!(error instanceof ApiError)) {
      console.error(error);
      message.value = keyed('problems.unexpected');
      return null;
    }
    status.value = error.status;
    if (error.status === 429) {
      countdown.start(error.retryAfter ?? 30);
      return error;
    }
    const unmatched = setFieldErrors(error.fieldErrors);
    const hasFieldErrors = Object.keys(fieldErrors.value).length > 0;
    if (unmatched.length) message.value = unmatched;
    else if (!hasFieldErrors) message.value = problemMessage(error);
    return error;
  }

  return {
    /** Messages by field, untranslated: read them through `messageText`. */
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

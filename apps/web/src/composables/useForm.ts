import { computed, reactive, ref, watch, type UnwrapRef } from 'vue';
import { messageText, type Message } from '@/i18n/translate';
import type { Validator } from '@/utils/validation';
import { expandPath, getPath, hasPath } from '@/utils/path';
import { useProblem } from './useProblem';

/**
 * A field of the model: a top-level key, or a dotted path into nested objects and arrays
 * ("person.address.city", "organisation.representatives.0.email").
 */
export type FieldPath<M> = (keyof M & string) | `${string}.${string}`;

/** Validators per field; a path may use `*` for every item of an array ("reps.*.email"). */
export type FormRules<M> = Partial<Record<FieldPath<M>, Validator<M>[]>>;

export interface FormOptions {
  /** Rewrites server field names before they are matched to fields (e.g. drops a part name). */
  mapServerField?: (field: string) => string;
}

const blobIds = new WeakMap<Blob, number>();
let nextBlobId = 0;

/** A comparable snapshot of a value; files compare by identity (JSON would see `{}`). */
function fingerprint(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) => {
      if (!(item instanceof Blob)) return item;
      if (!blobIds.has(item)) blobIds.set(item, ++nextBlobId);
      return `blob#${blobIds.get(item)}`;
    }) ?? 'undefined'
  );
}

/**
 * Form state for naive-ui forms: the model, client-side validation that mirrors the server,
 * server problem+json errors mapped to fields (via useProblem), and the submit lifecycle.
 *
 * Template use:
 *   <n-form-item label="E-mail" v-bind="form.field('email')"> <n-input v-model:value="form.model.email" /> …
 *   <n-alert v-if="form.alert.value" type="error">{{ form.alert.value }}</n-alert>
 *
 * Nested models work the same way with dotted paths: `form.field('person.address.city')`, and
 * rules such as `'organisation.representatives.*.email': [required()]`.
 *
 * Errors appear on submit; after that a field's error is re-checked as the user corrects it.
 */
export function useForm<M extends Record<string, unknown>>(
  initial: M,
  rules: FormRules<M> = {},
  options: FormOptions = {},
) {
  const model = reactive(structuredClone(initial)) as UnwrapRef<M> & M;
  const problem = useProblem((field) => hasPath(model, field), options.mapServerField);
  const submitting = ref(false);
  const submitted = ref(false);
  const rulePatterns = Object.entries(rules) as [string, Validator<M>[] | undefined][];

  /** Every concrete field path that has rules, for the model as it is now. */
  function ruledFields(): Map<string, Validator<M>[]> {
    const fields = new Map<string, Validator<M>[]>();
    for (const [pattern, validators] of rulePatterns) {
      for (const path of expandPath(model, pattern)) fields.set(path, validators ?? []);
    }
    return fields;
  }

  function check(path: string, validators: Validator<M>[]): Message | null {
    const value = getPath(model, path);
    for (const validate of validators) {
      const error = validate(value, model as M, path);
      if (error) return error;
    }
    return null;
  }

  function clientErrors(): Record<string, Message> {
    const errors: Record<string, Message> = {};
    for (const [path, validators] of ruledFields()) {
      const error = check(path, validators);
      if (error) errors[path] = error;
    }
    return errors;
  }

  /** Runs every rule; puts messages next to fields; returns true when all pass. */
  function validate(): boolean {
    const errors = clientErrors();
    problem.fieldErrors.value = errors;
    return Object.keys(errors).length === 0;
  }

  // Server field errors stay until their field changes; remember the values they were about.
  let serverErrorValues: Record<string, string> = {};

  // Once the user has tried to submit, re-check fields as they change: fixed errors go away and
  // dependent fields (a confirmation) stay in step.
  watch(
    () => fingerprint(model),
    () => {
      if (!submitted.value) return;
      const errors = clientErrors();
      for (const [path, message] of Object.entries(problem.fieldErrors.value)) {
        const remembered = serverErrorValues[path];
        if (!errors[path] && remembered !== undefined && remembered === fingerprint(getPath(model, path))) {
          errors[path] = message;
        }
      }
      problem.fieldErrors.value = errors;
    },
  );

  /** Props for an NFormItem: the message under the field and its error state. */
  function field(key: FieldPath<M>) {
    const feedback = error(key);
    return {
      feedback: feedback ?? undefined,
      validationStatus: feedback ? ('error' as const) : undefined,
    };
  }

  /** The message under a field, in the SPA's language now. */
  function error(key: FieldPath<M>): string | undefined {
    const message = problem.fieldErrors.value[key];
    return message === undefined ? undefined : messageText(message);
  }

  /**
   * Validates, then runs `action`. API errors are shown (fields / alert); returns true on success.
   * Ignored while a previous submit runs or a 429 countdown is on.
   */
  async function submit(action: (values: M) => Promise<void>): Promise<boolean> {
    if (submitting.value || problem.blocked.value) return false;
    submitted.value = true;
    problem.clear();
    serverErrorValues = {};
    if (!validate()) return false;
    submitting.value = true;
    try {
      await action(model as M);
      return true;
    } catch (caught) {
      problem.handle(caught);
      serverErrorValues = Object.fromEntries(
        Object.keys(problem.fieldErrors.value).map((path) => [path, fingerprint(getPath(model, path))]),
      );
      return false;
    } finally {
      submitting.value = false;
    }
  }

  function reset(values: Partial<M> = {}) {
    Object.assign(model, structuredClone({ ...initial, ...values }));
    submitted.value = false;
    problem.clear();
  }

  return {
    model,
    field,
    error,
    validate,
    submit,
    reset,
    submitting,
    alert: problem.alert,
    blocked: problem.blocked,
    status: problem.status,
    fieldErrors: computed(() =>
      Object.fromEntries(
        Object.entries(problem.fieldErrors.value).map(([path, message]) => [path, messageText(message)]),
      ),
    ),
    hasErrors: computed(() => Object.keys(problem.fieldErrors.value).length > 0),
    handleError: problem.handle,
  };
}

import { computed, reactive, ref, watch, type UnwrapRef } from 'vue';
import type { Validator } from '@/utils/validation';
import { useProblem } from './useProblem';

export type FormRules<M> = { [K in keyof M]?: Validator<M>[] };

/**
 * Form state for naive-ui forms: the model, client-side validation that mirrors the server,
 * server problem+json errors mapped to fields (via useProblem), and the submit lifecycle.
 *
 * Template use:
 *   <n-form-item label="E-mail" v-bind="form.field('email')"> <n-input v-model:value="form.model.email" /> …
 *   <n-alert v-if="form.alert.value" type="error">{{ form.alert.value }}</n-alert>
 *
 * Errors appear on submit; after that a field's error is re-checked as the user corrects it.
 */
export function useForm<M extends Record<string, unknown>>(initial: M, rules: FormRules<M> = {}) {
  const model = reactive(structuredClone(initial)) as UnwrapRef<M> & M;
  const fields = Object.keys(initial);
  const problem = useProblem(fields);
  const submitting = ref(false);
  const submitted = ref(false);

  function check(key: string): string | null {
    const validators = (rules as Record<string, Validator<M>[] | undefined>)[key] ?? [];
    for (const validate of validators) {
      const error = validate(model[key], model);
      if (error) return error;
    }
    return null;
  }

  /** Runs every rule; puts messages next to fields; returns true when all pass. */
  function validate(): boolean {
    const errors: Record<string, string> = {};
    for (const key of fields) {
      const error = check(key);
      if (error) errors[key] = error;
    }
    problem.fieldErrors.value = errors;
    return Object.keys(errors).length === 0;
  }

  // Server field errors stay until their field changes; remember the values they were about.
  let serverErrorValues: Record<string, string> = {};

  // Once the user has tried to submit, re-check fields as they change: fixed errors go away and
  // dependent fields (a confirmation) stay in step.
  watch(
    () => fields.map((key) => JSON.stringify(model[key])),
    (values) => {
      if (!submitted.value) return;
      const errors: Record<string, string> = {};
      fields.forEach((key, index) => {
        const clientError = check(key);
        const serverError = problem.fieldErrors.value[key];
        if (clientError) errors[key] = clientError;
        else if (serverError && serverErrorValues[key] === values[index]) errors[key] = serverError;
      });
      problem.fieldErrors.value = errors;
    },
  );

  /** Props for an NFormItem: the message under the field and its error state. */
  function field(key: keyof M & string) {
    const feedback = problem.fieldErrors.value[key];
    return {
      feedback: feedback ?? undefined,
      validationStatus: feedback ? ('error' as const) : undefined,
    };
  }

  function error(key: keyof M & string): string | undefined {
    return problem.fieldErrors.value[key];
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
        Object.keys(problem.fieldErrors.value).map((key) => [key, JSON.stringify(model[key])]),
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
    fieldErrors: problem.fieldErrors,
    hasErrors: computed(() => Object.keys(problem.fieldErrors.value).length > 0),
    handleError: problem.handle,
  };
}

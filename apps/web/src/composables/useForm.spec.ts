import { effectScope, nextTick } from 'vue';
import { ApiError } from '@/api/problem';
import { email, required } from '@/utils/validation';
import { useForm } from './useForm';

type Model = { email: string; person: { city: string } };

/** A form in its own effect scope, as a component would hold it. */
function makeForm() {
  const scope = effectScope();
  const form = scope.run(() =>
    useForm<Model>(
      { email: '', person: { city: '' } },
      {
        email: [required('Enter your e-mail.'), email('Not an e-mail.')],
        'person.city': [required('Enter the city.')],
      },
    ),
  )!;
  return { form, stop: () => scope.stop() };
}

describe('useForm', () => {
  it('shows nothing before the first submit, then every rule’s message next to its field', async () => {
    const { form, stop } = makeForm();
    expect(form.field('email')).toEqual({ feedback: undefined, validationStatus: undefined });
    const action = jest.fn();
    expect(await form.submit(action)).toBe(false);
    expect(action).not.toHaveBeenCalled();
    expect(form.field('email')).toEqual({ feedback: 'Enter your e-mail.', validationStatus: 'error' });
    expect(form.error('person.city')).toBe('Enter the city.');
    stop();
  });

  it('re-checks fields as the user corrects them after a submit', async () => {
    const { form, stop } = makeForm();
    await form.submit(jest.fn());
    form.model.email = 'ada';
    await nextTick();
    expect(form.error('email')).toBe('Not an e-mail.');
    form.model.email = 'ada@example.org';
    await nextTick();
    expect(form.error('email')).toBeUndefined();
    stop();
  });

  it('runs the action with valid values, and is busy meanwhile', async () => {
    const { form, stop } = makeForm();
    form.model.email = 'ada@example.org';
    form.model.person.city = 'Brussels';
    let busyDuring = false;
    const ok = await form.submit(async (values) => {
      busyDuring = form.submitting.value;
      expect(values).toEqual({ email: 'ada@example.org', person: { city: 'Brussels' } });
    });
    expect({ ok, busyDuring, busyAfter: form.submitting.value }).toEqual({
      ok: true,
      busyDuring: true,
      busyAfter: false,
    });
    stop();
  });

  it('puts server field errors next to their fields, each until its field changes', async () => {
    const { form, stop } = makeForm();
    form.model.email = 'taken@example.org';
    form.model.person.city = 'Brussels';
    const problem = {
      type: 'urn:tessera:problem:validation',
      title: 'Validation failed',
      status: 400,
      detail: 'Some fields are invalid.',
      errors: [
        { field: 'email', code: 'isTaken', message: 'is already used' },
        { field: 'person.city', code: 'isNotCity', message: 'is not a city we know' },
      ],
    };
    expect(await form.submit(() => Promise.reject(new ApiError(400, problem)))).toBe(false);
    expect(form.error('email')).toContain('already used');
    expect(form.error('person.city')).toContain('not a city');
    form.model.person.city = 'Liège';
    await nextTick();
    expect(form.error('person.city')).toBeUndefined();
    expect(form.error('email')).toContain('already used');
    stop();
  });

  it('resets to the initial values (or given ones) and forgets the errors', async () => {
    const { form, stop } = makeForm();
    await form.submit(jest.fn());
    form.reset({ email: 'ada@example.org' });
    expect(form.model).toEqual({ email: 'ada@example.org', person: { city: '' } });
    expect(form.hasErrors.value).toBe(false);
    stop();
  });
});

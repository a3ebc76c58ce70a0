import { effectScope } from 'vue';
import { useForm, type FormRules } from '@/composables/useForm';
import {
  BUILDER_RULES,
  bodyOf,
  builderServerField,
  emptyModel,
  modelOf,
  move,
  nameOptions,
  newOption,
  newQuestion,
  newSection,
  nextKey,
  pruneConditions,
  slug,
  type BuilderModel,
  type QuestionModel,
} from './builder-model';
import type { Questionnaire } from './types';

const both = (en: string, fr = `${en} (fr)`) => ({ en, fr });

/** A filled-in questionnaire: a yes/no question, then a number shown only when it is answered yes. */
function validModel(): BuilderModel {
  const model = emptyModel();
  model.title = both('Company profile');
  const section = model.sections[0]!;
  section.title = both('Your company');
  const hasStaff = section.questions[0]!;
  hasStaff.kind = 'yes-no';
  hasStaff.label = both('Do you employ staff?');
  const staff = newQuestion(model, 'number');
  staff.label = both('How many?');
  staff.min = 1;
  staff.showIf = { questionKey: hasStaff.key, equals: true };
  section.questions.push(staff);
  return model;
}

function errorsOf(model: BuilderModel): Record<string, string> {
  const scope = effectScope();
  const form = scope.run(() => useForm<BuilderModel>(model, BUILDER_RULES as FormRules<BuilderModel>))!;
  form.validate();
  const errors = { ...form.fieldErrors.value };
  scope.stop();
  return errors;
}

describe('questionnaire builder model', () => {
  it('gives questions and sections the next free key, never reusing a number', () => {
    expect(nextKey('q', ['q1', 'q3', 'other'])).toBe('q4');
    expect(nextKey('s', [])).toBe('s1');
    const model = emptyModel();
    expect(model.sections[0]!.key).toBe('s1');
    expect(model.sections[0]!.questions[0]!.key).toBe('q1');
    expect(newSection(model).questions[0]!.key).toBe('q2');
  });

  it('names options from their English label once, unique within the question', () => {
    expect(slug('Plus de 50 employés !')).toBe('plus-de-50-employes');
    const options = [newOption({ label: both('Small') }), newOption({ label: both('Small') }), newOption()];
    nameOptions(options);
    expect(options.map((option) => option.value)).toEqual(['small', 'small-2', 'option-3']);
    options[0]!.label.en = 'Tiny';
    nameOptions(options);
    expect(options[0]!.value).toBe('small');
  });

  it('passes a complete questionnaire with a condition, and sends it as the API takes it', () => {
    const model = validModel();
    expect(errorsOf(model)).toEqual({});
    expect(bodyOf(model)).toEqual({
      title: both('Company profile'),
      introduction: { en: '', fr: '' },
      active: true,
      dueInDays: 30,
      rules: { planIds: [], memberKinds: [] },
      sections: [
        {
          key: 's1',
          title: both('Your company'),
          questions: [
            { key: 'q1', kind: 'yes-no', label: both('Do you employ staff?'), help: null, required: false },
            {
              key: 'q2',
              kind: 'number',
              label: both('How many?'),
              help: null,
              required: false,
              min: 1,
              showIf: { questionKey: 'q1', equals: true },
            },
          ],
        },
      ],
    });
  });

  it('asks for every text in both languages, next to each field', () => {
    const model = validModel();
    model.title.fr = ' ';
    model.sections[0]!.title.en = '';
    model.sections[0]!.questions[1]!.label = both('');
    model.sections[0]!.questions[0]!.help = { en: 'Only paid staff', fr: '' };
    expect(errorsOf(model)).toEqual({
      title: 'questionnaireOffice.builder.needsTitle',
      'sections.0.title': 'questionnaireOffice.builder.needsSectionTitle',
      'sections.0.questions.1.label': 'questionnaireOffice.builder.needsLabel',
      'sections.0.questions.0.help': 'questionnaireOffice.builder.needsBothLanguages',
    });
  });

  it('checks a choice question’s options and a number’s range', () => {
    const model = validModel();
    const choice = newQuestion(model, 'single-choice');
    choice.label = both('Size');
    choice.options = [newOption({ label: both('Small') })];
    model.sections[0]!.questions.push(choice);
    model.sections[0]!.questions[1]!.max = 0;
    const errors = errorsOf(model);
    expect(errors).toEqual({
      'sections.0.questions.2.options': 'questionnaireOffice.builder.needsOptions',
      'sections.0.questions.1.max': 'questionnaireOffice.builder.maxBelowMin',
    });
    choice.options.push(newOption({ label: { en: 'Large', fr: '' } }));
    expect(errorsOf(model)).toEqual({
      'sections.0.questions.2.options.1.label': 'questionnaireOffice.builder.needsOptionLabel',
      'sections.0.questions.1.max': 'questionnaireOffice.builder.maxBelowMin',
    });
  });

  it('needs the answer a condition waits for, of the right type', () => {
    const model = validModel();
    const condition = model.sections[0]!.questions[1]!.showIf;
    condition.equals = null;
    expect(errorsOf(model)).toEqual({
      'sections.0.questions.1.showIf.equals': 'questionnaireOffice.builder.needsConditionValue',
    });
    condition.equals = 'yes';
    expect(errorsOf(model)).toEqual({
      'sections.0.questions.1.showIf.equals': 'questionnaireOffice.builder.needsConditionValue',
    });
  });

  it('refuses a condition on a question moved after it, and drops one whose question is removed', () => {
    const model = validModel();
    const questions = model.sections[0]!.questions;
    move(questions, 1, -1);
    expect(questions.map((question: QuestionModel) => question.key)).toEqual(['q2', 'q1']);
    expect(errorsOf(model)).toEqual({
      'sections.0.questions.0.showIf.equals': 'questionnaireOffice.builder.conditionMoved',
    });
    move(questions, 0, -1); // nothing above the first
    expect(questions[0]!.key).toBe('q2');
    questions.splice(1, 1);
    pruneConditions(model);
    expect(questions[0]!.showIf).toEqual({ questionKey: null, equals: null });
    expect(errorsOf(model)).toEqual({});
  });

  it('needs a question in every section', () => {
    const model = validModel();
    model.sections.push({ ...newSection(model), title: both('Empty'), questions: [] });
    expect(errorsOf(model)).toEqual({ 'sections.1.questions': 'questionnaireOffice.builder.needsQuestion' });
  });

  it('reads a saved questionnaire back into the same body', () => {
    const body = bodyOf(validModel());
    const saved = {
      ...body,
      id: 'b5f3c1de-0000-4000-8000-000000000001',
      version: 2,
      progress: { assigned: 1, submitted: 1, pending: 0, overdue: 0 },
      createdAt: '2026-12-01T10:00:00Z',
      updatedAt: '2026-12-01T10:00:00Z',
    } as Questionnaire;
    expect(bodyOf(modelOf(saved))).toEqual(body);
  });

  it('shows the API’s field errors where the builder has the field', () => {
    expect(builderServerField('title.fr')).toBe('title');
    expect(builderServerField('sections[0].questions[1].label.en')).toBe('sections[0].questions[1].label');
    expect(builderServerField('sections[0].questions[2].options[1].value')).toBe(
      'sections[0].questions[2].options[1].label',
    );
    expect(builderServerField('sections[1].questions[0].key')).toBe('sections[1].questions[0].label');
    expect(builderServerField('sections[1].key')).toBe('sections[1].title');
    expect(builderServerField('sections[0].questions[1].showIf.equals')).toBe('sections[0].questions[1].showIf.equals');
    expect(builderServerField('rules.planIds[0]')).toBe('planIds');
    expect(builderServerField('dueInDays')).toBe('dueInDays');
  });
});

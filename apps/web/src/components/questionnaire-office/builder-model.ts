import { keyed, type Message } from '@/i18n/translate';
import { getPath } from '@/utils/path';
import { integerBetween, type Validator } from '@/utils/validation';
import type {
  LocalisedText,
  Question,
  QuestionKind,
  Questionnaire,
  QuestionnaireBody,
  QuestionnaireSection,
  RuleMemberKind,
  ShowIfValue,
} from './types';

/**
 * The questionnaire builder's form model and its checks. Questions and sections get a key when
 * they are added (q1, q2… / s1, s2…) that never changes, so answers, CSV columns and conditions
 * keep pointing at the same question however it is reworded or moved. An option's value is taken
 * from its English label the first time it is named, for the same reason.
 */
export interface OptionModel {
  uid: number;
  value: string;
  label: LocalisedText;
}

export interface QuestionModel {
  uid: number;
  key: string;
  kind: QuestionKind;
  label: LocalisedText;
  help: LocalisedText;
  required: boolean;
  options: OptionModel[];
  min: number | null;
  max: number | null;
  /** Shown only when the earlier question `questionKey` has the answer `equals` (both null: always). */
  showIf: { questionKey: string | null; equals: ShowIfValue | null };
}

export interface SectionModel {
  uid: number;
  key: string;
  title: LocalisedText;
  questions: QuestionModel[];
}

export type BuilderModel = {
  title: LocalisedText;
  introduction: LocalisedText;
  active: boolean;
  dueInDays: number | null;
  planIds: string[];
  memberKinds: RuleMemberKind[];
  sections: SectionModel[];
};

export const QUESTION_KINDS: readonly QuestionKind[] = [
  'short-text',
  'long-text',
  'single-choice',
  'multiple-choice',
  'number',
  'date',
  'yes-no',
  'file',
];

/** Kinds whose answer is one of the question's options. */
export const CHOICE_KINDS: readonly QuestionKind[] = ['single-choice', 'multiple-choice'];
/** Kinds whose answer "show only when" can compare with a value. */
export const CONDITION_KINDS: readonly QuestionKind[] = ['single-choice', 'multiple-choice', 'yes-no', 'number'];

export const isChoice = (kind: QuestionKind) => CHOICE_KINDS.includes(kind);

/** The server's limits (QuestionnaireContent DTOs). */
export const LIMITS = { text: 2000, introduction: 10000, options: 50, questions: 100 } as const;

let uids = 0;
const nextUid = () => ++uids;

const text = (value?: Partial<LocalisedText> | null): LocalisedText => ({ en: value?.en ?? '', fr: value?.fr ?? '' });

/** The next free key with `prefix` ("q" → "q4" when q1…q3 exist). */
export function nextKey(prefix: string, taken: Iterable<string>): string {
  let highest = 0;
  for (const key of taken) {
    const match = new RegExp(`^${prefix}(\\d+)$`).exec(key);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}${highest + 1}`;
}

export function questionKeys(model: Pick<BuilderModel, 'sections'>): string[] {
  return model.sections.flatMap((section) => section.questions.map((question) => question.key));
}

export function newOption(values: Partial<OptionModel> = {}): OptionModel {
  return { uid: nextUid(), value: '', label: text(), ...values };
}

export function newQuestion(model: Pick<BuilderModel, 'sections'>, kind: QuestionKind = 'short-text'): QuestionModel {
  return {
    uid: nextUid(),
    key: nextKey('q', questionKeys(model)),
    kind,
    label: text(),
    help: text(),
    required: false,
    options: isChoice(kind) ? [newOption(), newOption()] : [],
    min: null,
    max: null,
    showIf: { questionKey: null, equals: null },
  };
}

export function newSection(model: Pick<BuilderModel, 'sections'>): SectionModel {
  const section: SectionModel = {
    uid: nextUid(),
    key: nextKey(
      's',
      model.sections.map((item) => item.key),
    ),
    title: text(),
    questions: [],
  };
  section.questions.push(newQuestion(model));
  return section;
}

export function emptyModel(): BuilderModel {
  const model: BuilderModel = {
    title: text(),
    introduction: text(),
    active: true,
    dueInDays: 30,
    planIds: [],
    memberKinds: [],
    sections: [],
  };
  model.sections.push(newSection(model));
  return model;
}

function questionModel(question: Question): QuestionModel {
  return {
    uid: nextUid(),
    key: question.key,
    kind: question.kind,
    label: text(question.label),
    help: text(question.help ?? undefined),
    required: question.required,
    options: (question.options ?? []).map((option) => newOption({ value: option.value, label: text(option.label) })),
    min: question.min ?? null,
    max: question.max ?? null,
    showIf: { questionKey: question.showIf?.questionKey ?? null, equals: question.showIf?.equals ?? null },
  };
}

export function modelOf(questionnaire: Questionnaire): BuilderModel {
  return {
    title: text(questionnaire.title),
    introduction: text(questionnaire.introduction),
    active: questionnaire.active,
    dueInDays: questionnaire.dueInDays,
    planIds: [...questionnaire.rules.planIds],
    memberKinds: [...questionnaire.rules.memberKinds],
    sections: questionnaire.sections.map((section) => ({
      uid: nextUid(),
      key: section.key,
      title: text(section.title),
      questions: section.questions.map(questionModel),
    })),
  };
}

/** "Member since 2020?" → "member-since-2020"; '' when nothing is left. */
export function slug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/** Gives a value to the options that have none yet (from the English label), unique in the question. */
export function nameOptions(options: OptionModel[]): void {
  const taken = new Set(options.map((option) => option.value).filter(Boolean));
  options.forEach((option, index) => {
    if (option.value) return;
    const base = slug(option.label.en) || slug(option.label.fr) || `option-${index + 1}`;
    let value = base;
    for (let n = 2; taken.has(value); n += 1) value = `${base}-${n}`;
    option.value = value;
    taken.add(value);
  });
}

const trimmed = (value: LocalisedText): LocalisedText => ({ en: value.en.trim(), fr: value.fr.trim() });
const localisedOrNull = (value: LocalisedText): LocalisedText | null =>
  value.en.trim() || value.fr.trim() ? trimmed(value) : null;

function questionBody(question: QuestionModel): Question {
  const body: Question = {
    key: question.key,
    kind: question.kind,
    label: trimmed(question.label),
    help: localisedOrNull(question.help),
    required: question.required,
  };
  if (isChoice(question.kind)) {
    nameOptions(question.options);
    body.options = question.options.map((option) => ({ value: option.value, label: trimmed(option.label) }));
  }
  if (question.kind === 'number') {
    if (question.min !== null) body.min = question.min;
    if (question.max !== null) body.max = question.max;
  }
  if (question.showIf.questionKey !== null && question.showIf.equals !== null) {
    body.showIf = { questionKey: question.showIf.questionKey, equals: question.showIf.equals };
  }
  return body;
}

export function bodyOf(model: BuilderModel): QuestionnaireBody {
  return {
    title: trimmed(model.title),
    introduction: trimmed(model.introduction),
    active: model.active,
    dueInDays: model.dueInDays,
    rules: { planIds: model.planIds, memberKinds: model.memberKinds },
    sections: model.sections.map((section): QuestionnaireSection => ({
      key: section.key,
      title: trimmed(section.title),
      questions: section.questions.map(questionBody),
    })),
  };
}

/** Every question before `key`, in the order members meet them. */
export function questionsBefore(model: Pick<BuilderModel, 'sections'>, key: string): QuestionModel[] {
  const all = model.sections.flatMap((section) => section.questions);
  const index = all.findIndex((question) => question.key === key);
  return index === -1 ? [] : all.slice(0, index);
}

/** The options "show only when" can compare an earlier choice question with (values as they will be saved). */
export function conditionOptions(question: QuestionModel): { value: string; label: LocalisedText }[] {
  if (!isChoice(question.kind)) return [];
  const options = question.options.map((option) => ({ ...option }));
  nameOptions(options);
  return options.map((option) => ({ value: option.value, label: option.label }));
}

// ---- Checks (useForm rules) -------------------------------------------------------------------

/** The object that holds the field at `path` ("sections.0.questions.1.max" → the question). */
function parentOf<T>(model: unknown, path: string | undefined, depth = 1): T | undefined {
  if (!path) return undefined;
  return getPath(model, path.split('.').slice(0, -depth).join('.')) as T | undefined;
}

const both =
  (message: Message): Validator<BuilderModel> =>
  (value) => {
    const item = value as LocalisedText | undefined;
    return item && item.en.trim() && item.fr.trim() ? null : message;
  };

const bothWithin =
  (max: number): Validator<BuilderModel> =>
  (value) => {
    const item = value as LocalisedText | undefined;
    return item && Math.max(item.en.length, item.fr.length) > max ? keyed('validation.maxLength', { max }) : null;
  };

/** Help is optional, but once written it is written in both languages. */
const bothOrNone: Validator<BuilderModel> = (value) => {
  const item = value as LocalisedText | undefined;
  if (!item) return null;
  return Boolean(item.en.trim()) === Boolean(item.fr.trim())
    ? null
    : keyed('questionnaireOffice.builder.needsBothLanguages');
};

const enoughOptions: Validator<BuilderModel> = (value, _model, path) => {
  const question = parentOf<QuestionModel>(_model, path);
  if (!question || !isChoice(question.kind)) return null;
  const options = value as OptionModel[];
  if (options.length < 2) return keyed('questionnaireOffice.builder.needsOptions');
  if (options.length > LIMITS.options)
    return keyed('questionnaireOffice.builder.tooManyOptions', { max: LIMITS.options });
  const labels = options.map((option) => option.label.en.trim().toLowerCase());
  return new Set(labels).size === labels.length ? null : keyed('questionnaireOffice.builder.duplicateOptions');
};

const optionLabel: Validator<BuilderModel> = (value, model, path) => {
  const question = parentOf<QuestionModel>(model, path, 3);
  if (!question || !isChoice(question.kind)) return null;
  return both(keyed('questionnaireOffice.builder.needsOptionLabel'))(value, model, path);
};

const maxAboveMin: Validator<BuilderModel> = (value, model, path) => {
  const question = parentOf<QuestionModel>(model, path);
  if (!question || question.kind !== 'number' || value === null || question.min === null) return null;
  return (value as number) >= question.min ? null : keyed('questionnaireOffice.builder.maxBelowMin');
};

const numberLimit: Validator<BuilderModel> = (value) =>
  value === null || value === undefined || (typeof value === 'number' && Number.isFinite(value))
    ? null
    : keyed('questionnaireOffice.builder.needsNumber');

/** A condition names an earlier question that can be compared, and one of its answers. */
const conditionValue: Validator<BuilderModel> = (value, model, path) => {
  const showIf = parentOf<QuestionModel['showIf']>(model, path);
  const question = parentOf<QuestionModel>(model, path, 2);
  if (!showIf?.questionKey || !question) return null;
  const earlier = questionsBefore(model, question.key).find((item) => item.key === showIf.questionKey);
  if (!earlier || !CONDITION_KINDS.includes(earlier.kind)) return keyed('questionnaireOffice.builder.conditionMoved');
  const needs = keyed('questionnaireOffice.builder.needsConditionValue');
  if (earlier.kind === 'yes-no') return typeof value === 'boolean' ? null : needs;
  if (earlier.kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? null : needs;
  const values = conditionOptions(earlier).map((item) => item.value);
  return typeof value === 'string' && values.includes(value) ? null : needs;
};

const hasQuestions: Validator<BuilderModel> = (value) =>
  Array.isArray(value) && value.length > 0 ? null : keyed('questionnaireOffice.builder.needsQuestion');
const tooManyQuestions: Validator<BuilderModel> = (value) =>
  Array.isArray(value) && value.length > LIMITS.questions
    ? keyed('questionnaireOffice.builder.tooManyQuestions', { max: LIMITS.questions })
    : null;

export const BUILDER_RULES: Partial<Record<string, Validator<BuilderModel>[]>> = {
  title: [both(keyed('questionnaireOffice.builder.needsTitle')), bothWithin(LIMITS.text)],
  introduction: [bothWithin(LIMITS.introduction)],
  dueInDays: [integerBetween(1, 3650)],
  sections: [hasQuestions],
  'sections.*.title': [both(keyed('questionnaireOffice.builder.needsSectionTitle')), bothWithin(LIMITS.text)],
  'sections.*.questions': [hasQuestions, tooManyQuestions],
  'sections.*.questions.*.label': [both(keyed('questionnaireOffice.builder.needsLabel')), bothWithin(LIMITS.text)],
  'sections.*.questions.*.help': [bothOrNone, bothWithin(LIMITS.text)],
  'sections.*.questions.*.options': [enoughOptions],
  'sections.*.questions.*.options.*.label': [optionLabel, bothWithin(LIMITS.text)],
  'sections.*.questions.*.min': [numberLimit],
  'sections.*.questions.*.max': [numberLimit, maxAboveMin],
  'sections.*.questions.*.showIf.equals': [conditionValue],
};

/**
 * Where the builder shows an API field error: texts under the whole English/French pair, the
 * rules under their field, an option's value under its label, a duplicate key under the label
 * or title it belongs to ("sections[0].questions[1].label.fr" → "sections[0].questions[1].label").
 */
export function builderServerField(field: string): string {
  return field
    .replace(/^rules\./, '')
    .replace(/^(planIds|memberKinds)\[\d+\]$/, '$1')
    .replace(/(options\[\d+\])\.value$/, '$1.label')
    .replace(/(questions\[\d+\])\.key$/, '$1.label')
    .replace(/(sections\[\d+\])\.key$/, '$1.title')
    .replace(/\.(en|fr)$/, '');
}

/** Moves `list[index]` by `by` places (−1 up, +1 down); nothing at either end. */
export function move<T>(list: T[], index: number, by: number): void {
  const target = index + by;
  if (target < 0 || target >= list.length) return;
  [list[index], list[target]] = [list[target]!, list[index]!];
}

/** Drops conditions that no longer point at an earlier question (after a move or a removal). */
export function pruneConditions(model: Pick<BuilderModel, 'sections'>): void {
  for (const section of model.sections) {
    for (const question of section.questions) {
      const key = question.showIf.questionKey;
      if (key && !questionsBefore(model, question.key).some((item) => item.key === key)) {
        question.showIf = { questionKey: null, equals: null };
      }
    }
  }
}

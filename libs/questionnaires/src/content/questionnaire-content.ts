/** The content of a questionnaire version, as stored (JSON) and served. */

export const QUESTION_KINDS = [
  'short-text',
  'long-text',
  'single-choice',
  'multiple-choice',
  'number',
  'date',
  'yes-no',
  'file',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTIONNAIRE_MEMBER_KINDS = ['individual', 'organisation'] as const;
export type QuestionnaireMemberKind = (typeof QUESTIONNAIRE_MEMBER_KINDS)[number];

/** Stable keys: answers, CSV columns and conditions name questions by them. */
export const CONTENT_KEY = /^[a-z0-9][a-z0-9-]*$/;

export interface Localised {
  en: string;
  fr: string;
}

export interface QuestionOption {
  value: string;
  label: Localised;
}

export type ShowIfValue = string | number | boolean;

export interface ShowIf {
  questionKey: string;
  equals: ShowIfValue;
}

export interface Question {
  key: string;
  kind: QuestionKind;
  label: Localised;
  help: Localised | null;
  required: boolean;
  options?: QuestionOption[];
  min?: number | null;
  max?: number | null;
  showIf?: ShowIf | null;
}

export interface Section {
  key: string;
  title: Localised;
  questions: Question[];
}

export interface QuestionnaireContent {
  title: Localised;
  introduction: Localised;
  sections: Section[];
}

/** Every question in order, across sections. */
export function questionsOf(sections: readonly Section[]): Question[] {
  return sections.flatMap((section) => section.questions);
}

export const CHOICE_KINDS: readonly QuestionKind[] = ['single-choice', 'multiple-choice'];

/**
 * The questionnaire API's shapes as the back office reads them (issue 19's contract).
 * TEMPORARY: hand-written until the generated client has them.
 */
export interface LocalisedText {
  en: string;
  fr: string;
}

export type QuestionKind =
  | 'short-text'
  | 'long-text'
  | 'single-choice'
  | 'multiple-choice'
  | 'number'
  | 'date'
  | 'yes-no'
  | 'file';

export type ShowIfValue = string | number | boolean;

export interface QuestionOption {
  value: string;
  label: LocalisedText;
}

export interface Question {
  key: string;
  kind: QuestionKind;
  label: LocalisedText;
  help: LocalisedText | null;
  required: boolean;
  options?: QuestionOption[];
  min?: number | null;
  max?: number | null;
  showIf?: { questionKey: string; equals: ShowIfValue } | null;
}

export interface QuestionnaireSection {
  key: string;
  title: LocalisedText;
  questions: Question[];
}

export type RuleMemberKind = 'individual' | 'organisation';

export interface Questionnaire {
  id: string;
  title: LocalisedText;
  introduction: LocalisedText;
  version: number;
  active: boolean;
  sections: QuestionnaireSection[];
  rules: { planIds: string[]; memberKinds: RuleMemberKind[] };
  dueInDays: number | null;
  progress: { assigned: number; submitted: number; pending: number; overdue: number };
  createdAt: string;
  updatedAt: string;
}

export type QuestionnaireBody = Pick<
  Questionnaire,
  'title' | 'introduction' | 'active' | 'sections' | 'rules' | 'dueInDays'
>;

export type AssignmentState = 'pending' | 'draft' | 'submitted';

export interface Assignment {
  id: string;
  questionnaireId: string;
  title: LocalisedText;
  member: { id: string; name: string; number: string };
  state: AssignmentState;
  dueDate: string | null;
  overdue: boolean;
  assignedAt: string;
  submittedAt: string | null;
  version: number;
}

export type AnswerValue = string | number | boolean | string[];

export interface AssignmentDetail extends Assignment {
  introduction: LocalisedText;
  sections: QuestionnaireSection[];
  answers: Record<string, unknown>;
  files: { fileId: string; filename: string; contentType: string; size: number }[];
  draftSavedAt: string | null;
}

export interface AssignmentFilter {
  status?: string;
  planId?: string;
  kind?: 'person' | 'organisation';
  q?: string;
}

export interface AssignBody {
  memberIds?: string[];
  filter?: AssignmentFilter;
  dueDate?: string | null;
}

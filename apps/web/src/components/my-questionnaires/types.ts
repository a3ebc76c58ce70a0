import type { components, paths } from '@tessera/api-client';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The member's questionnaires API as the portal uses it (issue 19). */
export type MyQuestionnaireList = JsonOf<paths['/api/v1/me/questionnaires']['get']['responses'][200]>;
export type MyAssignmentSummary = MyQuestionnaireList['pending'][number];
export type MyAssignment = components['schemas']['AssignmentDetailDto'];
export type AnswerFile = components['schemas']['AnswerFileDto'];
export type Question = components['schemas']['QuestionDto'];
export type QuestionnaireSection = components['schemas']['QuestionnaireSectionDto'];
export type Localised = components['schemas']['LocalisedTextDto'];

export type AnswerValue = string | number | boolean | string[];
/** Answers by question key; null while a question is unanswered. */
export type AnswerMap = Record<string, AnswerValue | null>;

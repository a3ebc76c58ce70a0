/** The questionnaire API's shapes as the back office reads them, from the generated client. */
import type { components } from '@tessera/api-client';

type Schemas = components['schemas'];

export type LocalisedText = Schemas['LocalisedTextDto'];
export type QuestionKind = Schemas['QuestionKind'];
export type QuestionOption = Schemas['QuestionOptionDto'];
export type ShowIfValue = Schemas['QuestionConditionDto']['equals'];
export type Question = Schemas['QuestionDto'];
export type QuestionnaireSection = Schemas['QuestionnaireSectionDto'];
export type RuleMemberKind = Schemas['QuestionnaireMemberKind'];
export type Questionnaire = Schemas['QuestionnaireDto'];
export type QuestionnaireBody = Schemas['CreateQuestionnaireDto'];
export type AssignmentState = Schemas['QuestionnaireAssignmentState'];
export type Assignment = Schemas['AssignmentSummaryDto'];
export type AssignmentDetail = Schemas['AssignmentDetailDto'];
export type AssignmentFilter = Schemas['AssignmentMemberFilterDto'];
export type AssignBody = Schemas['AssignQuestionnaireDto'];

/** What an answer holds, by question kind (see AssignmentDetailDto.answers). */
export type AnswerValue = string | number | boolean | string[];

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  LocalDateField,
  Nested,
  OptionalNotNull,
  OptionalNullable,
  PageQueryDto,
  PageResponseDto,
  Trim,
} from '@tessera/core';
import { MEMBER_KINDS, MEMBER_STATUSES, type MemberKind, type MemberStatus } from '@tessera/members';
import { ASSIGNMENT_STATES, type AssignmentState } from '../assignments/assignment-state';
import { LocalisedLongTextDto, LocalisedTextDto, QuestionnaireSectionDto } from './questionnaire-content.dto';

export const MAX_ASSIGN_MEMBER_IDS = 5000;

/** The members list's filter (GET /members), to assign every member it finds. */
export class AssignmentMemberFilterDto {
  @ApiPropertyOptional({ enum: MEMBER_STATUSES, enumName: 'MemberStatus', description: 'Only members in this status' })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only members on this plan' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ enum: MEMBER_KINDS, enumName: 'MemberKind', description: 'Persons or organisations' })
  @IsOptional()
  @IsIn(MEMBER_KINDS)
  kind?: MemberKind;

  @ApiPropertyOptional({ description: 'The members list search (numbers, names, e-mails, registration numbers)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}

export class AssignQuestionnaireDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    maxItems: MAX_ASSIGN_MEMBER_IDS,
    description: 'These members (one or many). Give `memberIds` or `filter`, not both',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ASSIGN_MEMBER_IDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds?: string[];

  @ApiPropertyOptional({
    type: AssignmentMemberFilterDto,
    description: 'Every member the members list finds with this filter (an empty filter: every member)',
  })
  @OptionalNotNull()
  @Nested(() => AssignmentMemberFilterDto)
  filter?: AssignmentMemberFilterDto;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-12-31',
    description: 'When the answers are due (YYYY-MM-DD); null or left out: no due date',
  })
  @OptionalNullable()
  @LocalDateField()
  dueDate?: string | null;
}

export class AssignmentResultDto {
  @ApiProperty({ description: 'Members assigned now (and e-mailed)' })
  assigned: number;
  @ApiProperty({ description: 'Members left alone: they already had the questionnaire to answer' })
  alreadyAssigned: number;
}

export class AssignmentMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
  @ApiProperty({ example: 'M-000042' })
  number: string;
}

export const ASSIGNMENT_FILTERS = ['pending', 'submitted', 'overdue'] as const;
export type AssignmentFilter = (typeof ASSIGNMENT_FILTERS)[number];

export class ListAssignmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ASSIGNMENT_FILTERS,
    description: '`pending`: not answered yet (drafts included); `submitted`; `overdue`: pending past due',
  })
  @IsOptional()
  @IsIn(ASSIGNMENT_FILTERS)
  state?: AssignmentFilter;
}

export class AssignmentSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  questionnaireId: string;
  @ApiProperty({ type: LocalisedTextDto, description: 'The title of the version it answers' })
  title: LocalisedTextDto;
  @ApiProperty({ type: AssignmentMemberDto })
  member: AssignmentMemberDto;
  @ApiProperty({ enum: ASSIGNMENT_STATES, enumName: 'QuestionnaireAssignmentState' })
  state: AssignmentState;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  dueDate: string | null;
  @ApiProperty({ description: 'Not submitted and past its due date' })
  overdue: boolean;
  @ApiProperty({ format: 'date-time' })
  assignedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: string | null;
  @ApiProperty({ description: 'The version of the questionnaire it answers' })
  version: number;
}

export class AssignmentPageDto extends PageResponseDto(AssignmentSummaryDto) {}

export class AnswerFileDto {
  @ApiProperty({ format: 'uuid', description: 'The answer of a file question' })
  fileId: string;
  @ApiProperty({ example: 'statutes.pdf' })
  filename: string;
  @ApiProperty({ example: 'application/pdf' })
  contentType: string;
  @ApiProperty({ description: 'Bytes' })
  size: number;
}

const ANSWERS_DOC = {
  type: 'object',
  additionalProperties: true,
  example: { employees: 12, 'has-premises': true },
  description:
    'Answers by question key: text and single choice a string (the option value), multiple choice a list of ' +
    'option values, number a number, date YYYY-MM-DD, yes/no a boolean, file the `fileId` of an upload',
} as const;

/** An assignment with its answers and the content of the version it answers. */
export class AssignmentDetailDto extends AssignmentSummaryDto {
  @ApiProperty({ type: LocalisedLongTextDto })
  introduction: LocalisedLongTextDto;
  @ApiProperty({ type: QuestionnaireSectionDto, isArray: true, description: 'The questions of its version' })
  sections: QuestionnaireSectionDto[];
  @ApiProperty(ANSWERS_DOC)
  answers: Record<string, unknown>;
  @ApiProperty({ type: AnswerFileDto, isArray: true, description: 'Files uploaded for it' })
  files: AnswerFileDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the draft was last saved' })
  draftSavedAt: string | null;
}

export class AssignmentDetailListDto {
  @ApiProperty({ type: AssignmentDetailDto, isArray: true, description: 'Newest first' })
  items: AssignmentDetailDto[];
}

export class AnswersDto {
  @ApiProperty(ANSWERS_DOC)
  @IsObject()
  answers: Record<string, unknown>;
}

export class MyQuestionnaireListDto {
  @ApiProperty({ type: AssignmentSummaryDto, isArray: true, description: 'To answer, soonest due first' })
  pending: AssignmentSummaryDto[];
  @ApiProperty({ type: AssignmentSummaryDto, isArray: true, description: 'Submitted, newest first' })
  done: AssignmentSummaryDto[];
}

export class DraftSavedDto {
  @ApiProperty({ enum: ASSIGNMENT_STATES, enumName: 'QuestionnaireAssignmentState' })
  state: AssignmentState;
  @ApiProperty({ format: 'date-time' })
  draftSavedAt: string;
  @ApiProperty(ANSWERS_DOC)
  answers: Record<string, unknown>;
}

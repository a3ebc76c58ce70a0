import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Nested, OptionalNotNull, OptionalNullable, PageQueryDto, PageResponseDto } from '@tessera/core';
import { QUESTIONNAIRE_MEMBER_KINDS, type QuestionnaireMemberKind } from '../content/questionnaire-content';
import { LocalisedLongTextDto, LocalisedTextDto, QuestionnaireSectionDto } from './questionnaire-content.dto';

export class QuestionnaireRulesDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: 'Members who join or move to one of these plans are assigned the questionnaire automatically',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  planIds: string[];

  @ApiProperty({
    enum: QUESTIONNAIRE_MEMBER_KINDS,
    enumName: 'QuestionnaireMemberKind',
    isArray: true,
    description: 'Only members of these kinds are assigned by the plan rule; empty: both kinds',
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(QUESTIONNAIRE_MEMBER_KINDS, { each: true })
  memberKinds: QuestionnaireMemberKind[];
}

export class QuestionnaireProgressDto {
  @ApiProperty({ description: 'Assignments made (every version)' })
  assigned: number;
  @ApiProperty({ description: 'Assignments answered' })
  submitted: number;
  @ApiProperty({ description: 'Assignments not answered yet (drafts included)' })
  pending: number;
  @ApiProperty({ description: 'Pending assignments past their due date' })
  overdue: number;
}

export class QuestionnaireDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: LocalisedTextDto })
  title: LocalisedTextDto;
  @ApiProperty({ type: LocalisedLongTextDto })
  introduction: LocalisedLongTextDto;
  @ApiProperty({ description: 'The current version (1 and up); a change after answers makes the next' })
  version: number;
  @ApiProperty({ description: 'Inactive questionnaires are not assigned by rules or by hand' })
  active: boolean;
  @ApiProperty({ type: QuestionnaireSectionDto, isArray: true })
  sections: QuestionnaireSectionDto[];
  @ApiProperty({ type: QuestionnaireRulesDto })
  rules: QuestionnaireRulesDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Automatic assignments are due this many days later' })
  dueInDays: number | null;
  @ApiProperty({ type: QuestionnaireProgressDto })
  progress: QuestionnaireProgressDto;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class QuestionnairePageDto extends PageResponseDto(QuestionnaireDto) {}

const DUE_DOC = {
  type: Number,
  nullable: true,
  minimum: 1,
  maximum: 3650,
  description: 'Automatic assignments are due this many days after they are made; null: no due date',
};

export class CreateQuestionnaireDto {
  @ApiProperty({ type: LocalisedTextDto })
  @Nested(() => LocalisedTextDto)
  title: LocalisedTextDto;

  @ApiProperty({ type: LocalisedLongTextDto })
  @Nested(() => LocalisedLongTextDto)
  introduction: LocalisedLongTextDto;

  @ApiPropertyOptional({ description: 'Left out: true' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ type: QuestionnaireSectionDto, isArray: true, description: '1 to 30 sections' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => QuestionnaireSectionDto)
  sections: QuestionnaireSectionDto[];

  @ApiPropertyOptional({ type: QuestionnaireRulesDto, description: 'Default: no automatic assignment' })
  @OptionalNotNull()
  @Nested(() => QuestionnaireRulesDto)
  rules?: QuestionnaireRulesDto;

  @ApiPropertyOptional(DUE_DOC)
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(3650)
  dueInDays?: number | null;
}

/** Any subset; a change of title, introduction or sections after answers makes a new version. */
export class UpdateQuestionnaireDto {
  @ApiPropertyOptional({ type: LocalisedTextDto })
  @OptionalNotNull()
  @Nested(() => LocalisedTextDto)
  title?: LocalisedTextDto;

  @ApiPropertyOptional({ type: LocalisedLongTextDto })
  @OptionalNotNull()
  @Nested(() => LocalisedLongTextDto)
  introduction?: LocalisedLongTextDto;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: QuestionnaireSectionDto, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => QuestionnaireSectionDto)
  sections?: QuestionnaireSectionDto[];

  @ApiPropertyOptional({ type: QuestionnaireRulesDto })
  @OptionalNotNull()
  @Nested(() => QuestionnaireRulesDto)
  rules?: QuestionnaireRulesDto;

  @ApiPropertyOptional(DUE_DOC)
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(3650)
  dueInDays?: number | null;
}

export class ListQuestionnairesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only active (true) or inactive (false) ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}

export class QuestionnaireVersionDto {
  @ApiProperty()
  version: number;
  @ApiProperty({ type: LocalisedTextDto })
  title: LocalisedTextDto;
  @ApiProperty({ type: LocalisedLongTextDto })
  introduction: LocalisedLongTextDto;
  @ApiProperty({ type: QuestionnaireSectionDto, isArray: true })
  sections: QuestionnaireSectionDto[];
  @ApiProperty({ description: 'Assignments that answer (or will answer) this version' })
  assignments: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class QuestionnaireVersionListDto {
  @ApiProperty({ type: QuestionnaireVersionDto, isArray: true, description: 'Newest first' })
  items: QuestionnaireVersionDto[];
}

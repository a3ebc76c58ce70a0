import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Nested, OptionalNullable, Trim } from '@tessera/core';
import {
  CONTENT_KEY,
  QUESTION_KINDS,
  type Localised,
  type Question,
  type QuestionKind,
  type QuestionOption,
  type Section,
  type ShowIf,
  type ShowIfValue,
} from '../content/questionnaire-content';

const KEY_RULE = { message: 'must be lower-case letters, digits and dashes, starting with a letter or digit' };
const KEY_DOC = {
  example: 'employees',
  pattern: CONTENT_KEY.source,
  description: 'Stable key (answers and CSV columns use it)',
};

/** A text in English and French. */
export class LocalisedTextDto implements Localised {
  @ApiProperty({ example: 'How many employees?', maxLength: 2000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  en: string;

  @ApiProperty({ example: 'Combien d’employés ?', maxLength: 2000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  fr: string;
}

/** A longer text in English and French (an introduction). */
export class LocalisedLongTextDto implements Localised {
  @ApiProperty({ maxLength: 10000 })
  @Trim()
  @IsString()
  @MaxLength(10000)
  en: string;

  @ApiProperty({ maxLength: 10000 })
  @Trim()
  @IsString()
  @MaxLength(10000)
  fr: string;
}

export class QuestionOptionDto implements QuestionOption {
  @ApiProperty({ example: 'small', pattern: CONTENT_KEY.source, description: 'The value stored as the answer' })
  @IsString()
  @MaxLength(60)
  @Matches(CONTENT_KEY, KEY_RULE)
  value: string;

  @ApiProperty({ type: LocalisedTextDto })
  @Nested(() => LocalisedTextDto)
  label: LocalisedTextDto;
}

const isShowIfValue = (value: unknown) =>
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length > 0 && value.length <= 500);

export class QuestionConditionDto implements ShowIf {
  @ApiProperty({ example: 'has-employees', description: 'The key of an EARLIER question' })
  @IsString()
  @Matches(CONTENT_KEY, KEY_RULE)
  questionKey: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    example: true,
    description:
      'The answer that shows the question: a boolean for yes/no, a number for numbers, an option value for choices ' +
      '(for multiple choice: when it is among those chosen), a text for text questions',
  })
  @ValidateBy({
    name: 'isShowIfValue',
    validator: {
      validate: isShowIfValue,
      defaultMessage: () => 'must be a string, a number or a boolean',
    },
  })
  equals: ShowIfValue;
}

export class QuestionDto implements Question {
  @ApiProperty(KEY_DOC)
  @IsString()
  @MaxLength(60)
  @Matches(CONTENT_KEY, KEY_RULE)
  key: string;

  @ApiProperty({ enum: QUESTION_KINDS, enumName: 'QuestionKind' })
  @IsIn(QUESTION_KINDS)
  kind: QuestionKind;

  @ApiProperty({ type: LocalisedTextDto })
  @Nested(() => LocalisedTextDto)
  label: LocalisedTextDto;

  @ApiProperty({ type: LocalisedTextDto, nullable: true, description: 'Help shown under the question' })
  @OptionalNullable()
  @Nested(() => LocalisedTextDto)
  help: LocalisedTextDto | null;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ type: QuestionOptionDto, isArray: true, description: 'Choices only: 2 to 50 options' })
  @OptionalNullable()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options?: QuestionOptionDto[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Numbers only: the smallest answer allowed' })
  @OptionalNullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Numbers only: the largest answer allowed' })
  @OptionalNullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max?: number | null;

  @ApiPropertyOptional({
    type: QuestionConditionDto,
    nullable: true,
    description: 'Shown only when an earlier question has this answer; otherwise not asked (and never required)',
  })
  @OptionalNullable()
  @Nested(() => QuestionConditionDto)
  showIf?: QuestionConditionDto | null;
}

export class QuestionnaireSectionDto implements Section {
  @ApiProperty({ ...KEY_DOC, example: 'company' })
  @IsString()
  @MaxLength(60)
  @Matches(CONTENT_KEY, KEY_RULE)
  key: string;

  @ApiProperty({ type: LocalisedTextDto })
  @Nested(() => LocalisedTextDto)
  title: LocalisedTextDto;

  @ApiProperty({ type: QuestionDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions: QuestionDto[];
}

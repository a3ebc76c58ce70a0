import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Authorize,
  contentDisposition,
  CurrentPrincipal,
  downloadResponse,
  ProblemDto,
  type Page,
  type Principal,
} from '@tessera/core';
import {
  AssignmentDetailDto,
  AssignmentPageDto,
  AssignmentResultDto,
  AssignmentSummaryDto,
  AssignQuestionnaireDto,
  ListAssignmentsQueryDto,
} from '../dto/assignment.dto';
import {
  CreateQuestionnaireDto,
  ListQuestionnairesQueryDto,
  QuestionnaireDto,
  QuestionnairePageDto,
  QuestionnaireVersionListDto,
  UpdateQuestionnaireDto,
} from '../dto/questionnaire.dto';
import { AssignmentQueriesService } from '../assignments/assignment-queries.service';
import { AssignmentsService } from '../assignments/assignments.service';
import { AnswersExportService } from '../answers/answers-export.service';
import { AnswerFilesService } from '../files/answer-files.service';
import { QuestionnairesService } from '../content/questionnaires.service';
import { answerFileNotFound, assignmentNotFound, questionnaireNotFound } from '../questionnaire-problems';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => questionnaireNotFound() });
const assignmentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => assignmentNotFound() });
const fileIdPipe = new ParseUUIDPipe({ exceptionFactory: () => answerFileNotFound() });

const EDITORS = ['admin', 'officer'] as const;

@ApiTags('questionnaires')
@Controller('questionnaires')
export class QuestionnairesController {
  constructor(
    private readonly questionnaires: QuestionnairesService,
    private readonly assignments: AssignmentsService,
    private readonly queries: AssignmentQueriesService,
    private readonly exports: AnswersExportService,
    private readonly files: AnswerFilesService,
  ) {}

  @Get()
  @Authorize([...EDITORS], ['questionnaires:read'])
  @ApiOperation({
    summary: 'Questionnaires, newest first, with their progress',
    description: 'Officers, admins and API keys with `questionnaires:read`. `active` narrows the list.',
  })
  @ApiOkResponse({ type: QuestionnairePageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ListQuestionnairesQueryDto): Promise<Page<QuestionnaireDto>> {
    return this.questionnaires.list(query);
  }

  @Post()
  @Authorize([...EDITORS])
  @ApiOperation({
    summary: 'Create a questionnaire',
    description:
      'Officers and admins. Title and introduction in English and French, sections of questions (keys unique ' +
      'across the questionnaire; a condition names an earlier question), and the plan rules that assign it.',
  })
  @ApiCreatedResponse({ type: QuestionnaireDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid content (field errors) or an unknown plan' })
  create(@Body() dto: CreateQuestionnaireDto): Promise<QuestionnaireDto> {
    return this.questionnaires.create(dto);
  }

  @Get(':id')
  @Authorize([...EDITORS], ['questionnaires:read'])
  @ApiOperation({
    summary: 'A questionnaire: its current version and progress',
    description: 'Officers, admins and API keys.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The questionnaire' })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('id', idPipe) id: string): Promise<QuestionnaireDto> {
    return this.questionnaires.get(id);
  }

  @Patch(':id')
  @Authorize([...EDITORS])
  @ApiOperation({
    summary: 'Change a questionnaire',
    description:
      'Officers and admins. Changing the title, introduction or sections of a version that has answers (a draft ' +
      'or a submission) makes a new version: answers keep the version they answered, and assignments not ' +
      'started yet move to the new one. Rules, due days and `active` change in place.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The questionnaire' })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  update(@Param('id', idPipe) id: string, @Body() dto: UpdateQuestionnaireDto): Promise<QuestionnaireDto> {
    return this.questionnaires.update(id, dto);
  }

  @Get(':id/versions')
  @Authorize([...EDITORS], ['questionnaires:read'])
  @ApiOperation({
    summary: 'Every version of a questionnaire, newest first',
    description: 'Officers, admins and API keys.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The questionnaire' })
  @ApiOkResponse({ type: QuestionnaireVersionListDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  versions(@Param('id', idPipe) id: string): Promise<QuestionnaireVersionListDto> {
    return this.questionnaires.versions(id);
  }

  @Post(':id/assignments')
  @HttpCode(HttpStatus.OK)
  @Authorize([...EDITORS], ['questionnaires:write'])
  @ApiOperation({
    summary: 'Assign the questionnaire to members, by id or by the members list filter',
    description:
      'Officers, admins and API keys with `questionnaires:write`. One statement set however many members; a ' +
      'member who already has it to answer is counted in `alreadyAssigned` and left alone. Each member assigned ' +
      'is e-mailed (in their language). An inactive questionnaire is a 409.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The questionnaire' })
  @ApiOkResponse({ type: AssignmentResultDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Neither or both of memberIds and filter, unknown members' })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'The questionnaire is inactive' })
  assign(
    @Param('id', idPipe) id: string,
    @Body() dto: AssignQuestionnaireDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AssignmentResultDto> {
    return this.assignments.assignByHand(id, dto, principal);
  }

  @Get(':id/assignments')
  @Authorize([...EDITORS], ['questionnaires:read'])
  @ApiOperation({
    summary: 'Who was assigned the questionnaire, and where they are',
    description: 'Officers, admins and API keys. Newest first; `state` narrows to pending, submitted or overdue.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The questionnaire' })
  @ApiOkResponse({ type: AssignmentPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  listAssignments(
    @Param('id', idPipe) id: string,
    @Query() query: ListAssignmentsQueryDto,
  ): Promise<Page<AssignmentSummaryDto>> {
    return this.queries.listOf(id, query);
  }

  @Get(':id/assignments/:assignmentId')
  @Authorize([...EDITORS], ['questionnaires:read'])
  @ApiOperation({
    summary: 'One assignment with its answers and the questions of its version',
    description: 'Officers, admins and API keys. Draft answers are shown as saved.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The questionnaire' })
  @ApiParam({ name: 'assignmentId', format: 'uuid', description: 'The assignment' })
  @ApiOkResponse({ type: AssignmentDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  getAssignment(
    @Param('id', idPipe) id: string,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
  ): Promise<AssignmentDetailDto> {
    return this.queries.detailOf(id, assignmentId);
  }

  @Get(':id/assignments/:assignmentId/files/:fileId')
  @Authorize([...EDITORS], ['questionnaires:read'])
  @ApiOperation({
    summary: 'Download a file answered to the questionnaire',
    description: 'Officers, admins and API keys: the stored bytes with their detected type, as an attachment.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The questionnaire' })
  @ApiParam({ name: 'assignmentId', format: 'uuid', description: 'The assignment' })
  @ApiParam({ name: 'fileId', format: 'uuid', description: 'The file' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary', description: 'The file' } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async download(
    @Param('id', idPipe) id: string,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
    @Param('fileId', fileIdPipe) fileId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadResponse(reply, await this.files.openForStaff(id, assignmentId, fileId));
  }

  @Get(':id/answers.csv')
  @Authorize([...EDITORS], ['questionnaires:read'])
  @ApiOperation({
    summary: 'The submitted answers as CSV: one row per member, one column per question',
    description:
      'Officers, admins and API keys. Columns are the questions of every version (by key, in order of the ' +
      'newest); a member who answered twice appears with their latest submission. Streamed; UTF-8 with a byte ' +
      'order mark, CRLF rows; cells starting with = + - @, tab or CR get a leading apostrophe.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The questionnaire' })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async answersCsv(
    @Param('id', idPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { filename, csv } = await this.exports.open(id);
    void reply.headers({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: contentDisposition('attachment', filename),
    });
  }
}

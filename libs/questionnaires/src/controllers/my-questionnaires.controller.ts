import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Authorize,
  CurrentPrincipal,
  downloadResponse,
  multipartBody,
  ProblemDto,
  TakesFiles,
  userIdOf,
  type Principal,
} from '@tessera/core';
import {
  AnswerFileDto,
  AnswersDto,
  AssignmentDetailDto,
  DraftSavedDto,
  MyQuestionnaireListDto,
} from '../dto/assignment.dto';
import { MyQuestionnairesService } from '../answers/my-questionnaires.service';
import { AnswerFilesService } from '../files/answer-files.service';
import { answerFileNotFound, assignmentNotFound } from '../questionnaire-problems';

const assignmentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => assignmentNotFound() });
const fileIdPipe = new ParseUUIDPipe({ exceptionFactory: () => answerFileNotFound() });

@ApiTags('portal')
@Authorize(['member'])
@Controller('me/questionnaires')
export class MyQuestionnairesController {
  constructor(
    private readonly mine: MyQuestionnairesService,
    private readonly files: AnswerFilesService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Their questionnaires: to answer and answered',
    description:
      'The questionnaires of the memberships the signed-in member acts for (their own, and those of the ' +
      'organisations they are the contact of).',
  })
  @ApiOkResponse({ type: MyQuestionnaireListDto })
  list(@CurrentPrincipal() principal: Principal): Promise<MyQuestionnaireListDto> {
    return this.mine.list(userIdOf(principal));
  }

  @Get(':assignmentId')
  @ApiOperation({
    summary: 'A questionnaire to answer (or answered): its questions and their saved answers',
    description: 'The content of the version assigned, with the draft or the submitted answers.',
  })
  @ApiParam({ name: 'assignmentId', format: 'uuid', description: 'The assignment' })
  @ApiOkResponse({ type: AssignmentDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Not one of theirs' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
  ): Promise<AssignmentDetailDto> {
    return this.mine.get(userIdOf(principal), assignmentId);
  }

  @Put(':assignmentId/draft')
  @ApiOperation({
    summary: 'Save the answers so far (a draft)',
    description:
      'Replaces the saved draft. Only the answers given are checked (kinds, options, ranges): required ' +
      'questions are checked on submit. 400 names each refused answer `answers.<questionKey>`.',
  })
  @ApiParam({ name: 'assignmentId', format: 'uuid', description: 'The assignment' })
  @ApiOkResponse({ type: DraftSavedDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Not one of theirs' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already submitted' })
  saveDraft(
    @CurrentPrincipal() principal: Principal,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
    @Body() dto: AnswersDto,
  ): Promise<DraftSavedDto> {
    return this.mine.saveDraft(userIdOf(principal), assignmentId, dto.answers);
  }

  @Post(':assignmentId/submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Submit the answers',
    description:
      'Every required question that is shown must be answered; questions hidden by their condition are not ' +
      'required and their answers are dropped. 400 names each missing or refused answer `answers.<questionKey>`. ' +
      'Submitted answers are final.',
  })
  @ApiParam({ name: 'assignmentId', format: 'uuid', description: 'The assignment' })
  @ApiOkResponse({ type: AssignmentDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Not one of theirs' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already submitted' })
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
    @Body() dto: AnswersDto,
  ): Promise<AssignmentDetailDto> {
    return this.mine.submit(userIdOf(principal), assignmentId, dto.answers);
  }

  @Post(':assignmentId/files')
  @TakesFiles()
  @ApiOperation({
    summary: 'Upload a file to answer a file question',
    description:
      'multipart/form-data with one part `file`: a PDF, PNG or JPEG of at most 10 MB, judged from its content as ' +
      'for applications. Answer the file question with the `fileId` returned.',
  })
  @ApiParam({ name: 'assignmentId', format: 'uuid', description: 'The assignment' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: AnswerFileDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'No file, or other parts' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Not one of theirs' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already submitted' })
  @ApiResponse({ status: 413, type: ProblemDto, description: 'The file is too large' })
  @ApiResponse({ status: 415, type: ProblemDto, description: 'Not a PDF, PNG or JPEG' })
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
    @Req() request: FastifyRequest,
  ): Promise<AnswerFileDto> {
    return this.files.upload(userIdOf(principal), assignmentId, multipartBody(request));
  }

  @Get(':assignmentId/files/:fileId')
  @ApiOperation({
    summary: 'Download a file they uploaded for a questionnaire',
    description: 'The stored bytes with their detected type, as an attachment.',
  })
  @ApiParam({ name: 'assignmentId', format: 'uuid', description: 'The assignment' })
  @ApiParam({ name: 'fileId', format: 'uuid', description: 'The file' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary', description: 'The file' } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('assignmentId', assignmentIdPipe) assignmentId: string,
    @Param('fileId', fileIdPipe) fileId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadResponse(reply, await this.files.openForMember(userIdOf(principal), assignmentId, fileId));
  }
}

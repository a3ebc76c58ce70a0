import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiSecurity,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  downloadResponse,
  ApiJsonBodyAlternative,
  Authorize,
  CurrentPrincipal,
  Idempotency,
  Idempotent,
  type IdempotentCall,
  isMultipartBody,
  ProblemDto,
  ProblemException,
  Public,
  RateLimit,
  TakesFiles,
  type Page,
  type Principal,
} from '@tessera/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApplicationsService, submitsAsStaff, type ApplicationSubmission } from '../applications.service';
import { ApplicationInputDto } from '../dto/application-input.dto';
import { CancelApplicationDto, FileDownloadQueryDto, ListApplicationsQueryDto } from '../dto/application-query.dto';
import {
  ApplicationCreatedDto,
  ApplicationDetailDto,
  ApplicationPageDto,
  ApplicationSummaryDto,
} from '../dto/application-response.dto';

const applicationIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No application has this id.', 'application-not-found'),
});
const fileIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('This application has no file with this id.', 'file-not-found'),
});

/** The multipart form, or an application sent as application/json (no files). */
function submissionOf(request: FastifyRequest): ApplicationSubmission {
  if (isMultipartBody(request.body)) return request.body;
  if (request.body === undefined)
    throw ProblemException.unsupportedMediaType(
      'Send the application as multipart/form-data, or as application/json when it has no files.',
    );
  return { document: request.body };
}

const binary = (description: string) => ({ type: 'string', format: 'binary', description });

@ApiTags('applications')
@ApiExtraModels(ApplicationInputDto)
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly idempotency: Idempotency,
  ) {}

  @Post()
  @Public()
  @TakesFiles()
  @RateLimit({ name: 'applications', perClient: { limit: 10, windowSeconds: 600 }, exempt: submitsAsStaff })
  @ApiSecurity({}) // anonymous callers too (with the captcha)
  @ApiBearerAuth()
  @ApiSecurity('apiKey')
  @ApiOperation({
    summary: 'Apply for membership',
    description:
      'multipart/form-data; staff and API keys may instead send an application without files as an ' +
      'application/json body (the application document itself). Anonymous callers (the public form) must send a solved captcha in `altcha` ' +
      '(GET /captcha/challenge) and a `signature`; officers, administrators and API keys with the scope ' +
      'applications:write need neither. Files are checked by their content: documents PDF/JPEG/PNG up to ' +
      '10 MB each (at most 10), photo JPEG/PNG up to 5 MB and 100–8000 px, signature PNG up to 1 MB. ' +
      'Everything is validated before anything is stored, and the application, its files, its history and ' +
      'the confirmation e-mail are stored together or not at all. One application under review per e-mail ' +
      'and per company registration number. Honours Idempotency-Key.',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiJsonBodyAlternative(ApplicationInputDto)
  @ApiBody({
    schema: {
      type: 'object',
      required: ['application'],
      properties: {
        application: { $ref: getSchemaPath(ApplicationInputDto) },
        documents: { type: 'array', maxItems: 10, items: binary('PDF, JPEG or PNG, up to 10 MB') },
        photo: binary('JPEG or PNG, up to 5 MB, 100–8000 px wide and high'),
        signature: binary('PNG, up to 1 MB; required for anonymous (online) submissions'),
        altcha: { type: 'string', description: 'The solved captcha (anonymous callers)' },
      },
    },
    encoding: {
      application: { contentType: 'application/json' },
      documents: { contentType: 'application/pdf, image/jpeg, image/png' },
      photo: { contentType: 'image/jpeg, image/png' },
      signature: { contentType: 'image/png' },
    },
  })
  @ApiCreatedResponse({ type: ApplicationCreatedDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'Invalid application (field errors `application.…`), unknown plan, files or captcha',
  })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'API key without the applications:write scope' })
  @ApiConflictResponse({ type: ProblemDto, description: 'An application for this e-mail is already under review' })
  @ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'A file is over its size limit' })
  @ApiUnsupportedMediaTypeResponse({
    type: ProblemDto,
    description: 'Neither multipart nor JSON, anonymous JSON, or a file of the wrong type',
  })
  submit(
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal | undefined,
    @Idempotent() call: IdempotentCall,
  ): Promise<ApplicationCreatedDto> {
    return this.idempotency.once(call, () => this.applications.submit(submissionOf(request), principal));
  }

  @Get()
  @Authorize(['admin', 'officer', 'approver'])
  @ApiOperation({ summary: 'Applications, newest first', description: 'Filter by status, plan, kind, dates or text.' })
  @ApiOkResponse({ type: ApplicationPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ListApplicationsQueryDto): Promise<Page<ApplicationSummaryDto>> {
    return this.applications.list(query);
  }

  @Get(':id')
  @Authorize(['admin', 'officer', 'approver'])
  @ApiOperation({
    summary: 'An application with its files and history',
    description:
      "Staff. The applicant's details, the plan, uploaded files (download links), the history of states with who acted, and the approval request's state.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApplicationDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No application has this id' })
  get(@Param('id', applicationIdPipe) id: string): Promise<ApplicationDetailDto> {
    return this.applications.get(id);
  }

  @Get(':id/files/:fileId')
  @Authorize(['admin', 'officer', 'approver'])
  @ApiOperation({
    summary: 'Download a file of an application',
    description: 'The stored bytes with their detected type, as an attachment; `?inline=1` shows a PNG or JPEG inline.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'fileId', format: 'uuid' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: binary('The file') })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such application, or no such file in it' })
  async download(
    @Param('id', applicationIdPipe) id: string,
    @Param('fileId', fileIdPipe) fileId: string,
    @Query() query: FileDownloadQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadResponse(reply, await this.applications.openFile(id, fileId, query.inline !== undefined));
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @Authorize(['admin', 'officer'])
  @ApiOperation({ summary: 'Cancel an application under review', description: 'A reason is required.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApplicationDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Missing or invalid reason' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No application has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Not under review any more (approved, refused or cancelled)' })
  cancel(
    @Param('id', applicationIdPipe) id: string,
    @Body() dto: CancelApplicationDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<ApplicationDetailDto> {
    return this.applications.cancel(id, dto.reason, actor);
  }

  @Post(':id/intake/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @Authorize(['admin', 'officer'])
  @ApiOperation({
    summary: 'Retry the confirmation and approval request of an application',
    description:
      'Staff. After a submission the worker e-mails the confirmation and opens the approval request, retrying ' +
      'for hours; when that failed for good (`intake: "failed"`), this runs it again.',
  })
  @ApiAcceptedResponse({ type: ApplicationDetailDto, description: 'Queued: `intake` is `opening` again' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No application has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: '`intake-done` or `intake-running`: nothing to retry' })
  retryIntake(@Param('id', applicationIdPipe) id: string): Promise<ApplicationDetailDto> {
    return this.applications.retryIntake(id);
  }
}

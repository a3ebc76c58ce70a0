import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, ProblemDto, ProblemException, type Page } from '@tessera/core';
import { EmailPageDto, EmailResponseDto } from '../dto/email-response.dto';
import { ListEmailsQueryDto } from '../dto/list-emails-query.dto';
import { EmailLogService } from '../email-log.service';

/** A malformed id names no e-mail: 404 problem, like an unknown one. */
export const emailIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No e-mail has this id.', 'email-not-found'),
});

@ApiTags('emails')
@Authorize(['admin', 'officer'])
@Controller('emails')
export class EmailsController {
  constructor(private readonly log: EmailLogService) {}

  @Get()
  @ApiOperation({
    summary: 'The mail log',
    description: 'Every e-mail the system sent or will send, newest first, with its delivery state.',
  })
  @ApiOkResponse({ type: EmailPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ListEmailsQueryDto): Promise<Page<EmailResponseDto>> {
    return this.log.list(query);
  }

  @Post(':id/resend')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Resend an e-mail',
    description:
      'Queues a sent or failed e-mail again. An e-mail that carried a one-time link cannot be resent once ' +
      'sent (the link is erased): issue a new one with the action that created it.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: EmailResponseDto, description: 'Queued again' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No e-mail has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already queued, or its one-time link was erased' })
  resend(@Param('id', emailIdPipe) id: string): Promise<EmailResponseDto> {
    return this.log.resend(id);
  }
}

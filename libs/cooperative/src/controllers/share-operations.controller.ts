import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, STAFF_ROLES, type Page, type Principal } from '@tessera/core';
import {
  CreateShareOperationDto,
  ListShareOperationsQueryDto,
  ShareOperationDto,
  ShareOperationPageDto,
} from '../share-operations/share-operation.dto';
import { operationNotFound } from '../share-operations/share-operation-transitions.service';
import { ShareOperationsService } from '../share-operations/share-operations.service';

export const operationIdPipe = new ParseUUIDPipe({ exceptionFactory: () => operationNotFound() });

@ApiTags('shares')
@Controller('share-operations')
export class ShareOperationsController {
  constructor(private readonly operations: ShareOperationsService) {}

  @Post()
  @Authorize(['officer', 'admin'])
  @ApiOperation({
    summary: 'Ask for a redemption, transfer or conversion of shares (staff)',
    description:
      'Checked against the holdings now (the holder holds enough and keeps 0 or at least the class minimum; a ' +
      'transfer receiver or a conversion class is eligible, within its minimum and maximum), then an approval ' +
      'request is opened (subject `share_redemption`, `share_transfer` or `share_conversion`). Approved, it is ' +
      'executed in the register in the decision’s transaction, checked again on locked holdings. 409 ' +
      '`share-operation-refused` says why it cannot be done.',
  })
  @ApiCreatedResponse({ type: ShareOperationDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Not enough shares, or the receiver is not eligible' })
  request(@Body() dto: CreateShareOperationDto, @CurrentPrincipal() principal: Principal): Promise<ShareOperationDto> {
    return this.operations.request(dto, { principal, via: 'staff' });
  }

  @Get()
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'Operations on shares, newest first',
    description: 'Filters: state, kind, member (giving up or receiving shares). Staff.',
  })
  @ApiOkResponse({ type: ShareOperationPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(@Query() query: ListShareOperationsQueryDto): Promise<Page<ShareOperationDto>> {
    return this.operations.list(query);
  }

  @Get(':id')
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'One operation on shares',
    description: 'Its state, parties, classes, rows in the register once executed, and a redemption’s reimbursement.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The operation’s id' })
  @ApiOkResponse({ type: ShareOperationDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('id', operationIdPipe) id: string): Promise<ShareOperationDto> {
    return this.operations.get(id);
  }
}

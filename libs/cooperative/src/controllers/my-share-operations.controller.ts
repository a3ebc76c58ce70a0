import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, type Principal } from '@tessera/core';
import { CreateMyShareOperationDto, MyShareOperationListDto } from '../share-operations/my-share-operation.dto';
import { ShareOperationDto } from '../share-operations/share-operation.dto';
import { MyShareOperationsService } from '../share-operations/my-share-operations.service';
import { RECEIVER_MISSES } from '../share-operations/share-receiver-lookup';
import { operationIdPipe } from './share-operations.controller';

@ApiTags('portal')
@Authorize(['member'])
@Controller('me/share-operations')
export class MyShareOperationsController {
  constructor(private readonly operations: MyShareOperationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Their operations on shares, newest first',
    description: 'Those of the signed-in person and of the organisations they represent, given up or received.',
  })
  @ApiOkResponse({ type: MyShareOperationListDto })
  async list(@CurrentPrincipal() principal: Principal): Promise<MyShareOperationListDto> {
    return { items: await this.operations.list(principal) };
  }

  @Post()
  @ApiOperation({
    summary: 'Ask to redeem, transfer or convert their shares',
    description:
      'As `POST /share-operations`, for a holder who is the signed-in person or an organisation they represent ' +
      '(404 otherwise). A transfer names its receiver — an existing member, person or organisation — by ' +
      '`toHolderNumber` (member or cooperator number) and `toHolderEmail`, which must both be theirs: otherwise one ' +
      'and the same 400 `share-receiver-unknown` (field `toHolderNumber`), whichever is wrong; after ' +
      `${RECEIVER_MISSES.limit} such misses in an hour, 429. Someone who is not a member yet subscribes for ` +
      'shares first. A receiver who may not hold the class (or would go over its maximum) is a 409 in words. Opens the approval request (subject ' +
      '`share_transfer` for a transfer) and confirms it by e-mail; nothing is written on any error.',
  })
  @ApiCreatedResponse({ type: ShareOperationDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid, or no member with this number and e-mail' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'The holder is not theirs' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Not enough shares, or the receiver is not eligible' })
  @ApiTooManyRequestsResponse({ type: ProblemDto, description: 'Too many receivers not found; see Retry-After' })
  request(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateMyShareOperationDto,
  ): Promise<ShareOperationDto> {
    return this.operations.request(principal, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Withdraw a pending operation on their shares',
    description: 'Cancels its approval request; a decided one is a 409 saying what happened.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The operation’s id' })
  @ApiOkResponse({ type: ShareOperationDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'It was decided already' })
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', operationIdPipe) id: string,
  ): Promise<ShareOperationDto> {
    return this.operations.withdraw(principal, id);
  }
}

import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, type Principal } from '@tessera/core';
import { CreateMemberRequestDto } from '../dto/member-request-input.dto';
import {
  MemberRequestDto,
  MemberRequestListDto,
  RequestOptionsDto,
  RequestPreviewDto,
} from '../dto/member-request-response.dto';
import { MemberRequestsService } from '../member-requests.service';
import { requestNotFound } from '../member-request-transitions.service';

const uuidPipe = new ParseUUIDPipe({ exceptionFactory: () => requestNotFound() });

@ApiTags('portal')
@Authorize(['member'])
@Controller('me/requests')
export class MyRequestsController {
  constructor(private readonly requests: MemberRequestsService) {}

  @Get()
  @ApiOperation({
    summary: 'Their plan change and termination requests, newest first, each with its history',
    description: 'The signed-in member’s own requests only.',
  })
  @ApiOkResponse({ type: MemberRequestListDto })
  async list(@CurrentPrincipal() principal: Principal): Promise<MemberRequestListDto> {
    return { items: await this.requests.mine(principal) };
  }

  @Get('options')
  @ApiOperation({
    summary: 'What they may ask for: their membership, the plans they may move to, the termination reasons',
    description: 'Plans open to their kind, in the same currency and billing cycle as their subscription.',
  })
  @ApiOkResponse({ type: RequestOptionsDto })
  options(@CurrentPrincipal() principal: Principal): Promise<RequestOptionsDto> {
    return this.requests.options(principal);
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'What a request would do if approved today (prices, pro-rata amount, dates); nothing is written',
    description:
      'The portal shows this summary before the member confirms; bad input is a 400 as for the request itself.',
  })
  @ApiOkResponse({ type: RequestPreviewDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'No active membership, or the change is not allowed' })
  preview(@CurrentPrincipal() principal: Principal, @Body() dto: CreateMemberRequestDto): Promise<RequestPreviewDto> {
    return this.requests.preview(principal, dto);
  }

  @Post()
  @ApiOperation({
    summary: 'Ask to change plan or to end their membership',
    description:
      'Opens an approval request (the approvers are e-mailed) and confirms it to the member. One pending request ' +
      'of each kind: a second is a 409 `member-request-pending` saying when the first was made (`pendingSince`).',
  })
  @ApiCreatedResponse({ type: MemberRequestDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiConflictResponse({
    type: ProblemDto,
    description: 'A pending request of this kind, no active membership, or not allowed',
  })
  submit(@CurrentPrincipal() principal: Principal, @Body() dto: CreateMemberRequestDto): Promise<MemberRequestDto> {
    return this.requests.submit(principal, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Withdraw their own pending request (its approval request is cancelled)',
    description: 'Only a pending request of the signed-in member; a decided one is a 409.',
  })
  @ApiOkResponse({ type: MemberRequestDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Not one of their requests' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already decided or withdrawn' })
  withdraw(@CurrentPrincipal() principal: Principal, @Param('id', uuidPipe) id: string): Promise<MemberRequestDto> {
    return this.requests.withdraw(principal, id);
  }
}

import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, STAFF_ROLES, type Page, type Principal } from '@tessera/core';
import {
  ListShareReimbursementsQueryDto,
  PayShareReimbursementDto,
  ShareReimbursementDto,
  ShareReimbursementPageDto,
} from '../reimbursements/share-reimbursement.dto';
import { reimbursementNotFound, ShareReimbursementsService } from '../reimbursements/share-reimbursements.service';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => reimbursementNotFound() });

@ApiTags('shares')
@Controller('share-reimbursements')
export class ShareReimbursementsController {
  constructor(private readonly reimbursements: ShareReimbursementsService) {}

  @Get()
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'Reimbursements of redeemed shares',
    description: 'Due ones first, soonest payable first, then paid ones. Filter: state. Staff.',
  })
  @ApiOkResponse({ type: ShareReimbursementPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(@Query() query: ListShareReimbursementsQueryDto): Promise<Page<ShareReimbursementDto>> {
    return this.reimbursements.list(query);
  }

  @Post(':id/paid')
  @HttpCode(HttpStatus.OK)
  @Authorize(['finance', 'admin'])
  @ApiOperation({
    summary: 'Record that a reimbursement was paid (finance)',
    description:
      'Once, and not dated before it is payable (the statutory waiting period): 409 ' +
      '`share-reimbursement-not-payable` otherwise.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The reimbursement’s id' })
  @ApiOkResponse({ type: ShareReimbursementDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Paid already, or not payable yet on that date' })
  pay(
    @Param('id', idPipe) id: string,
    @Body() dto: PayShareReimbursementDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShareReimbursementDto> {
    return this.reimbursements.pay(id, dto, principal);
  }
}

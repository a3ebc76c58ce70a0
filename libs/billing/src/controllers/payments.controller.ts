import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import {
  Authorize,
  CurrentPrincipal,
  Idempotency,
  Idempotent,
  type IdempotentCall,
  ProblemDto,
  ProblemException,
  type Page,
  type Principal,
  type Role,
} from '@tessera/core';
import {
  ListPaymentsQueryDto,
  MemberBalanceDto,
  PaymentDto,
  PaymentPageDto,
  RecordPaymentDto,
  ReversePaymentDto,
} from '../dto/payment.dto';
import { PaymentActionsService } from '../payments/payment-actions.service';
import { paymentNotFound } from '../payments/payments.service';

export const paymentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => paymentNotFound() });
const memberIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No member has this id.', 'member-not-found'),
});
const FINANCE: Role[] = ['admin', 'finance'];

@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentActionsService,
    private readonly idempotency: Idempotency,
  ) {}

  @Get('payments')
  @Authorize([...FINANCE, 'officer'])
  @ApiOperation({ summary: 'Payments, newest first', description: 'Filter by member, method and date.' })
  @ApiOkResponse({ type: PaymentPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ListPaymentsQueryDto): Promise<Page<PaymentDto>> {
    return this.payments.list(query);
  }

  @Post('payments')
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'Record a payment',
    description:
      'Cash, transfer, cheque…: allocated to the member’s documents in the order given (a pro-forma is ' +
      'confirmed into its invoice first; at most what each owes is applied); the rest becomes the member’s ' +
      'credit, used first on their next invoice. Gets the next receipt number. Honours Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: PaymentDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'Invalid amount, allocations beyond the payment, another member’s document',
  })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member or document has this id' })
  record(
    @Body() dto: RecordPaymentDto,
    @CurrentPrincipal() principal: Principal,
    @Idempotent() call: IdempotentCall,
  ): Promise<PaymentDto> {
    return this.idempotency.once(call, () => this.payments.record(dto, principal));
  }

  @Get('payments/:id')
  @Authorize([...FINANCE, 'officer'])
  @ApiOperation({
    summary: 'A payment and its allocations',
    description:
      'Its receipt number, member, method, the documents it paid and what is left as credit; reversal if any.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PaymentDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No payment has this id' })
  get(@Param('id', paymentIdPipe) id: string): Promise<PaymentDto> {
    return this.payments.get(id);
  }

  @Post('payments/:id/reverse')
  @HttpCode(HttpStatus.OK)
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'Reverse a mistaken payment',
    description: 'Never deleted: the reversal is kept with its reason; what it paid is due again and its credit gone.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PaymentDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Missing reason' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No payment has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already reversed' })
  reverse(
    @Param('id', paymentIdPipe) id: string,
    @Body() dto: ReversePaymentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaymentDto> {
    return this.payments.reverse(id, dto.reason, principal);
  }

  @Get('members/:id/balance')
  @Authorize([...FINANCE, 'officer'])
  @ApiOperation({ summary: 'A member’s credit', description: 'Money paid beyond what they owed, per currency.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MemberBalanceDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id' })
  balance(@Param('id', memberIdPipe) id: string): Promise<MemberBalanceDto> {
    return this.payments.balance(id);
  }
}

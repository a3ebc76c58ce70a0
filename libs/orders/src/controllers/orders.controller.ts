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
import { CancelOrderDto, CreateOrderDto } from '../dto/create-order.dto';
import { ListOrdersQueryDto } from '../dto/order-query.dto';
import { OrderConfirmationDto, OrderDto, OrderPageDto } from '../dto/order-response.dto';
import { OrdersService } from '../orders.service';

const orderIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No order has this id.', 'order-not-found'),
});
const SELLERS: Role[] = ['admin', 'officer', 'finance'];

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly idempotency: Idempotency,
  ) {}

  @Post()
  @Authorize(SELLERS, ['orders:write'])
  @ApiOperation({
    summary: 'Record a sale',
    description:
      'A package (lines of active plans, priced now, one currency) sold to a customer. The order is `pending` ' +
      'until confirmed. Honours Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: OrderDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid body, or a line on a plan that is not active' })
  create(
    @Body() dto: CreateOrderDto,
    @CurrentPrincipal() principal: Principal,
    @Idempotent() call: IdempotentCall,
  ): Promise<OrderDto> {
    return this.idempotency.once(call, () => this.orders.create(dto, principal));
  }

  @Get()
  @Authorize(SELLERS, ['orders:write'])
  @ApiOperation({
    summary: 'Orders, newest first',
    description:
      "Staff and API keys with the orders scope. Filter by status; `q` matches the reference, the customer's name or e-mail.",
  })
  @ApiOkResponse({ type: OrderPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ListOrdersQueryDto): Promise<Page<OrderDto>> {
    return this.orders.list(query);
  }

  @Get(':id')
  @Authorize(SELLERS, ['orders:write'])
  @ApiOperation({
    summary: 'An order',
    description: 'An order with its lines, customer and state.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrderDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No order has this id' })
  get(@Param('id', orderIdPipe) id: string): Promise<OrderDto> {
    return this.orders.get(id);
  }

  @Post(':id/confirm')
  @HttpCode(HttpStatus.OK)
  @Authorize(SELLERS, ['orders:write'])
  @ApiOperation({
    summary: 'Confirm a sale',
    description:
      "Creates the customer's portal account (and e-mails the invitation) if no account has this e-mail, and " +
      'answers with the message the website shows after the purchase. Confirming again — or twice at once — ' +
      'never creates a second account and returns the same answer. Honours Idempotency-Key.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrderConfirmationDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No order has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The order was cancelled' })
  confirm(@Param('id', orderIdPipe) id: string, @Idempotent() call: IdempotentCall): Promise<OrderConfirmationDto> {
    return this.idempotency.once(call, () => this.orders.confirm(id));
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @Authorize(SELLERS, ['orders:write'])
  @ApiOperation({ summary: 'Cancel a pending sale', description: 'A reason is required.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrderDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Missing or invalid reason' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No order has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already confirmed or cancelled' })
  cancel(@Param('id', orderIdPipe) id: string, @Body() dto: CancelOrderDto): Promise<OrderDto> {
    return this.orders.cancel(id, dto.reason);
  }
}

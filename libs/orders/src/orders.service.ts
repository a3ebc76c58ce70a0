import { Injectable } from '@nestjs/common';
import {
  Clock,
  formatYearlyReference,
  normaliseEmail,
  pageOf,
  ProblemException,
  Transactions,
  type FieldErrorDto,
  type Page,
  type Principal,
} from '@tessera/core';
import { MembersService, type MemberIntake } from '@tessera/members';
import { PlansService, type PlanDto } from '@tessera/plans';
import { PortalAccountsService } from '@tessera/portal-users';
import { SubscriptionService } from '@tessera/subscription';
import type { CreateOrderDto } from './dto/create-order.dto';
import type { ListOrdersQueryDto } from './dto/order-query.dto';
import { OrderConfirmationDto, OrderDto } from './dto/order-response.dto';
import type { Order, OrderSource } from './entities/order.entity';
import { OrderRepository } from './order.repository';
import { transitionRefusal, type OrderStatus } from './order-state';

/**
 * Sales of packages (lines of plans) to a customer. Confirming one makes sure the customer has a
 * portal account — created once per e-mail, however often or concurrently it is confirmed.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OrderRepository,
    private readonly plans: PlansService,
    private readonly accounts: PortalAccountsService,
    private readonly members: MembersService,
    private readonly subscriptions: SubscriptionService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateOrderDto, principal: Principal): Promise<OrderDto> {
    const plans = await this.plans.activePlansByIds(dto.lines.map((line) => line.planId));
    const lines = dto.lines.map((line, position) => ({
      position,
      plan: plans.get(line.planId),
      quantity: line.quantity ?? 1,
    }));
    assertSellable(lines);
    const priced = lines as { position: number; plan: PlanDto; quantity: number }[];
    const now = this.clock.now();
    return this.transactions.run(async () => {
      const order = {
        reference: formatYearlyReference('ORD', now.getUTCFullYear(), await this.orders.nextReferenceNumber()),
        status: 'pending',
        customerEmail: normaliseEmail(dto.customer.email),
        customerName: dto.customer.name,
        customerLocale: dto.customer.locale ?? 'en',
        externalReference: dto.externalReference ?? null,
        totalAmount: priced.reduce((sum, line) => sum + line.plan.price.amount * line.quantity, 0),
        currency: priced[0].plan.price.currency,
        ...creatorOf(principal),
        createdAt: now,
        confirmedAt: null,
        portalAccountCreated: null,
        accountOutcome: null,
        cancelledAt: null,
        cancelReason: null,
        lines: priced.map((line) => ({
          position: line.position,
          planId: line.plan.id,
          planName: line.plan.name,
          quantity: line.quantity,
          unitAmount: line.plan.price.amount,
        })),
      } as Order;
      return OrderDto.from(await this.orders.insert(order));
    });
  }

  async list(query: ListOrdersQueryDto): Promise<Page<OrderDto>> {
    const [orders, total] = await this.orders.list({
      status: query.status,
      search: query.q,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(orders.map(OrderDto.from), total, query);
  }

  async get(id: string): Promise<OrderDto> {
    const order = await this.orders.findById(id);
    if (!order) throw notFound();
    return OrderDto.from(order);
  }

  /**
   * Confirms the sale, in one transaction: the customer becomes a member (matched by e-mail),
   * subscribed to the first line's plan and invoiced for the order's lines, with a portal account.
   * The order row is locked first, so a second (or concurrent) confirmation waits, finds it
   * confirmed and answers exactly as the first did.
   */
  async confirm(id: string): Promise<OrderConfirmationDto> {
    return this.transactions.run(async () => {
      const order = await this.orders.lockById(id);
      if (!order) throw notFound();
      if (order.status === 'confirmed') return OrderConfirmationDto.from(order);
      this.assertCanMove(order.status, 'confirmed');
      const member = await this.members.createOrMatchFromApplication(customerIntakeOf(order));
      await this.subscriptions.subscribe({
        memberId: member.memberId,
        planId: order.lines[0].planId,
        origin: { type: 'order', id: order.id, reference: order.reference },
        charges: order.lines.map((line) => ({
          planId: line.planId,
          quantity: line.quantity,
          unitPrice: line.unitAmount,
        })),
      });
      const account = await this.accounts.ensureAccount({
        // Linked to the member's person, so the portal shows them their membership and invoices.
        personId: member.contact.personId,
        email: order.customerEmail,
        name: order.customerName,
        locale: order.customerLocale,
        origin: 'order',
        sourceReference: order.reference,
        autoRegistered: true,
      });
      order.status = 'confirmed';
      order.confirmedAt = this.clock.now();
      order.portalAccountCreated = account.created;
      order.accountOutcome = account.created ? 'created' : account.state;
      await this.orders.save(order);
      return OrderConfirmationDto.from(order);
    });
  }

  async cancel(id: string, reason: string): Promise<OrderDto> {
    return this.transactions.run(async () => {
      const order = await this.orders.lockById(id);
      if (!order) throw notFound();
      this.assertCanMove(order.status, 'cancelled');
      order.status = 'cancelled';
      order.cancelledAt = this.clock.now();
      order.cancelReason = reason;
      await this.orders.save(order);
      return OrderDto.from(order);
    });
  }

  private assertCanMove(from: OrderStatus, to: OrderStatus): void {
    const refusal = transitionRefusal(from, to);
    if (refusal) throw ProblemException.conflict(refusal, 'illegal-transition');
  }
}

/** Every line on an active plan, all in one currency: else field errors, nothing stored. */
function assertSellable(lines: { position: number; plan: PlanDto | undefined }[]): void {
  const errors: FieldErrorDto[] = lines
    .filter((line) => !line.plan)
    .map((line) => ({ field: `lines.${line.position}.planId`, message: 'is not an active plan' }));
  const currencies = new Set(lines.flatMap((line) => (line.plan ? [line.plan.price.currency] : [])));
  if (currencies.size > 1) errors.push({ field: 'lines', message: 'must all be priced in one currency' });
  if (errors.length > 0) throw ProblemException.validation(errors);
}

function creatorOf(principal: Principal): {
  source: OrderSource;
  createdByUserId: string | null;
  createdByApiKeyId: string | null;
} {
  return principal.kind === 'api-key'
    ? { source: 'api', createdByUserId: null, createdByApiKeyId: principal.apiKeyId }
    : { source: 'staff', createdByUserId: principal.userId, createdByApiKeyId: null };
}

/**
 * The customer as a person member: matched by e-mail, or made from the name the shop gave
 * (everything before the last word is the first name; a single word is both).
 */
function customerIntakeOf(order: Order): MemberIntake {
  const words = order.customerName.split(/\s+/).filter(Boolean);
  const lastName = words.length > 1 ? words[words.length - 1] : words[0];
  const firstName = words.length > 1 ? words.slice(0, -1).join(' ') : words[0];
  return {
    kind: 'person',
    planId: order.lines[0].planId,
    locale: order.customerLocale,
    source: { type: 'order', id: order.id, reference: order.reference },
    person: { firstName, lastName, email: order.customerEmail },
  };
}

function notFound(): ProblemException {
  return ProblemException.notFound('No order has this id.', 'order-not-found');
}

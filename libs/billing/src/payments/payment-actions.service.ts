import { Injectable } from '@nestjs/common';
import { pageOf, userIdOf, type Page, type Principal } from '@tessera/core';
import { memberIdsActedForSql, MembersService, SignedInPerson } from '@tessera/members';
import {
  PaymentDto,
  type ListPaymentsQueryDto,
  type MemberBalanceDto,
  type MyBalanceDto,
  type RecordPaymentDto,
} from '../dto/payment.dto';
import { PaymentQueries } from './payment-queries';
import { paymentNotFound, PaymentsService } from './payments.service';

/** What the payment endpoints do: a change or a read, then the payment as the caller sees it. */
@Injectable()
export class PaymentActionsService {
  constructor(
    private readonly payments: PaymentsService,
    private readonly queries: PaymentQueries,
    private readonly members: MembersService,
    private readonly signedIn: SignedInPerson,
  ) {}

  async record(dto: RecordPaymentDto, principal: Principal): Promise<PaymentDto> {
    await this.members.get(dto.memberId);
    const { payment } = await this.payments.record({
      memberId: dto.memberId,
      amount: dto.amount.amount,
      currency: dto.amount.currency,
      method: dto.method,
      source: 'staff',
      paidOn: dto.date,
      payer: dto.payer ?? null,
      externalReference: dto.reference ?? null,
      allocations: dto.allocations,
      recordedByUserId: principal.kind === 'user' ? principal.userId : null,
    });
    return this.get(payment.id);
  }

  async reverse(id: string, reason: string, principal: Principal): Promise<PaymentDto> {
    await this.payments.reverse(id, reason, principal.kind === 'user' ? principal.userId : null);
    return this.get(id);
  }

  async list(query: ListPaymentsQueryDto): Promise<Page<PaymentDto>> {
    const [rows, total] = await this.queries.list(filterOf(query));
    return pageOf(rows.map(PaymentDto.fromRow), total, query);
  }

  async get(id: string): Promise<PaymentDto> {
    const row = await this.queries.find(id);
    if (!row) throw paymentNotFound();
    return PaymentDto.fromRow(row);
  }

  /** The payments of the members the signed-in person acts for. */
  async listOwn(principal: Principal, query: ListPaymentsQueryDto): Promise<Page<PaymentDto>> {
    const person = this.signedIn.personOf;
    const [rows, total] = await this.queries.list(filterOf(query), {
      sql: (placeholder) => memberIdsActedForSql(person.sql(placeholder)),
      value: userIdOf(principal),
    });
    return pageOf(rows.map(PaymentDto.fromRow), total, query);
  }

  /** The credit of the members the signed-in person acts for. */
  async ownBalance(principal: Principal): Promise<MyBalanceDto> {
    const rows = await this.queries.creditOf({
      sql: (placeholder) => memberIdsActedForSql(this.signedIn.personOf.sql(placeholder)),
      value: userIdOf(principal),
    });
    return {
      credit: rows.map((row) => ({
        member: { id: row.memberId, number: row.memberNumber, name: row.memberName },
        amount: { amount: row.amount, currency: row.currency },
      })),
    };
  }

  async balance(memberId: string): Promise<MemberBalanceDto> {
    await this.members.get(memberId);
    return { credit: await this.payments.creditOf(memberId) };
  }
}

function filterOf(query: ListPaymentsQueryDto) {
  return {
    memberId: query.memberId,
    method: query.method,
    paidFrom: query.paidFrom,
    paidTo: query.paidTo,
    offset: query.offset,
    limit: query.pageSize,
  };
}

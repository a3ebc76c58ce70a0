import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import type { Order } from '../entities/order.entity';
import { confirmationMessage } from '../confirmation-message';
import { ORDER_STATUSES, type OrderStatus } from '../order-state';

export class OrderLineDto {
  @ApiProperty({ format: 'uuid' })
  planId: string;
  @ApiProperty({ example: 'Individual membership' })
  planName: string;
  @ApiProperty({ example: 1 })
  quantity: number;
  @ApiProperty({ type: MoneyDto })
  unitPrice: MoneyDto;
  @ApiProperty({ type: MoneyDto })
  total: MoneyDto;
}

export class OrderCustomerViewDto {
  @ApiProperty()
  email: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: ['en', 'fr'] })
  locale: 'en' | 'fr';
}

export class OrderDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'ORD-2026-000042' })
  reference: string;
  @ApiProperty({ enum: ORDER_STATUSES, enumName: 'OrderStatus' })
  status: OrderStatus;
  @ApiProperty({ type: OrderCustomerViewDto })
  customer: OrderCustomerViewDto;
  @ApiProperty({ type: String, nullable: true })
  externalReference: string | null;
  @ApiProperty({ type: [OrderLineDto] })
  lines: OrderLineDto[];
  @ApiProperty({ type: MoneyDto })
  total: MoneyDto;
  @ApiProperty({ enum: ['staff', 'api'] })
  source: 'staff' | 'api';
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Set on confirmation: did it create the portal account?' })
  portalAccountCreated: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: 'The after-purchase message (once confirmed)' })
  message: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  cancelReason: string | null;

  static from(order: Order): OrderDto {
    const money = (amount: number) => ({ amount, currency: order.currency });
    return {
      id: order.id,
      reference: order.reference,
      status: order.status,
      customer: { email: order.customerEmail, name: order.customerName, locale: order.customerLocale },
      externalReference: order.externalReference,
      lines: [...(order.lines ?? [])]
        .sort((a, b) => a.position - b.position)
        .map((line) => ({
          planId: line.planId,
          planName: line.planName,
          quantity: line.quantity,
          unitPrice: money(line.unitAmount),
          total: money(line.unitAmount * line.quantity),
        })),
      total: money(order.totalAmount),
      source: order.source,
      createdAt: order.createdAt.toISOString(),
      confirmedAt: order.confirmedAt?.toISOString() ?? null,
      portalAccountCreated: order.portalAccountCreated,
      message: order.accountOutcome ? confirmationMessage(order.accountOutcome) : null,
      cancelledAt: order.cancelledAt?.toISOString() ?? null,
      cancelReason: order.cancelReason,
    };
  }
}

export class OrderPageDto extends PageResponseDto(OrderDto) {}

/** What POST /orders/{id}/confirm answers — the same on every replay. */
export class OrderConfirmationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'ORD-2026-000042' })
  reference: string;
  @ApiProperty({ enum: ['confirmed'] })
  status: 'confirmed';
  @ApiProperty({ description: 'True when this confirmation created the customer’s portal account' })
  portalAccountCreated: boolean;
  @ApiProperty({ example: 'Your account has been created — check your e-mail to activate it.' })
  message: string;

  static from(order: Order): OrderConfirmationDto {
    if (order.status !== 'confirmed' || order.portalAccountCreated === null || !order.accountOutcome)
      throw new Error(`Order ${order.id} is not confirmed`);
    return {
      id: order.id,
      reference: order.reference,
      status: 'confirmed',
      portalAccountCreated: order.portalAccountCreated,
      message: confirmationMessage(order.accountOutcome),
    };
  }
}

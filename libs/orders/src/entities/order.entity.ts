import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { AccountOutcome } from '../confirmation-message';
import type { OrderStatus } from '../order-state';
import { OrderLine } from './order-line.entity';

export type OrderSource = 'staff' | 'api';

/** A sale of a package (lines of plans) to a customer, recorded by staff or a shop. */
@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `ORD-<year>-<number>`. */
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  status: OrderStatus;

  /** Normalised (trimmed, lower-case). */
  @Column({ name: 'customer_email', type: 'text' })
  customerEmail: string;

  @Column({ name: 'customer_name', type: 'text' })
  customerName: string;

  @Column({ name: 'customer_locale', type: 'text' })
  customerLocale: 'en' | 'fr';

  /** The shop's own id for the sale, if it sent one. */
  @Column({ name: 'external_reference', type: 'text', nullable: true })
  externalReference: string | null;

  @Column({ name: 'total_amount', type: 'int' })
  totalAmount: number;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text' })
  source: OrderSource;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ name: 'created_by_api_key_id', type: 'uuid', nullable: true })
  createdByApiKeyId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** Whether confirming this order created the customer's portal account (set once, on confirmation). */
  @Column({ name: 'portal_account_created', type: 'boolean', nullable: true })
  portalAccountCreated: boolean | null;

  @Column({ name: 'account_outcome', type: 'text', nullable: true })
  accountOutcome: AccountOutcome | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @OneToMany(() => OrderLine, (line) => line.order, { cascade: ['insert'] })
  lines: OrderLine[];
}

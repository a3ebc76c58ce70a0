import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Order } from './order.entity';

/** One plan of an order, priced when the order was recorded. */
@Entity('order_lines')
export class OrderLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne('Order', (order: Order) => order.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order: Order;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  /** The plan's name when sold (plans may be renamed later). */
  @Column({ name: 'plan_name', type: 'text' })
  planName: string;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ name: 'unit_amount', type: 'int' })
  unitAmount: number;
}

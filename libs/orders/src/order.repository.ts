import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { Order } from './entities/order.entity';
import type { OrderStatus } from './order-state';

@Injectable()
export class OrderRepository {
  constructor(private readonly transactions: Transactions) {}

  private get orders() {
    return this.transactions.repository(Order);
  }

  async nextReferenceNumber(): Promise<string> {
    const [row] = (await this.transactions.manager.query(`SELECT nextval('order_reference_seq') AS n`)) as {
      n: string;
    }[];
    return row.n;
  }

  /** Inserts the order with its lines (cascade) and returns it as stored. */
  async insert(order: Order): Promise<Order> {
    return this.orders.save(this.orders.create(order));
  }

  findById(id: string): Promise<Order | null> {
    return this.orders.findOne({ where: { id }, relations: { lines: true }, order: { lines: { position: 'ASC' } } });
  }

  /** Locks the order row for the rest of the transaction: concurrent confirmations queue here. */
  async lockById(id: string): Promise<Order | null> {
    const locked = await this.orders.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return locked ? this.findById(id) : null;
  }

  async save(order: Order): Promise<void> {
    const { lines: _lines, ...columns } = order;
    await this.orders.update({ id: order.id }, columns);
  }

  async list(options: {
    status?: OrderStatus;
    search?: string;
    offset: number;
    limit: number;
  }): Promise<[Order[], number]> {
    const query = this.orders
      .createQueryBuilder('o')
      .leftJoinAndSelect('o.lines', 'line')
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC');
    if (options.status) query.andWhere('o.status = :status', { status: options.status });
    if (options.search)
      query.andWhere(
        `(o.reference ILIKE :pattern OR o.external_reference ILIKE :pattern OR o.customer_email ILIKE :pattern OR o.customer_name ILIKE :pattern)`,
        { pattern: `%${options.search.replace(/[\\%_]/g, '\\$&')}%` },
      );
    // Page over orders, not joined rows: take/skip make TypeORM page by distinct ids.
    return query.skip(options.offset).take(options.limit).getManyAndCount();
  }
}

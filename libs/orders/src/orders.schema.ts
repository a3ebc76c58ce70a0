import type { SchemaPart } from '@tessera/core';
import { OrderLine } from './entities/order-line.entity';
import { Order } from './entities/order.entity';
import { CreateOrders1763840000000 } from './migrations/1763840000000-create-orders';

export const ordersSchema: SchemaPart = {
  entities: [Order, OrderLine],
  migrations: [CreateOrders1763840000000],
};

import { Module } from '@nestjs/common';
import { OrdersController } from './controllers/orders.controller';
import { OrdersModule } from './orders.module';

/** POST/GET /orders, /orders/{id}/confirm and /cancel. */
@Module({
  imports: [OrdersModule],
  controllers: [OrdersController],
})
export class OrdersHttpModule {}

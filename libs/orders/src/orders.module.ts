import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { PlansModule } from '@tessera/plans';
import { PortalUsersModule } from '@tessera/portal-users';
import { OrderRepository } from './order.repository';
import { OrdersService } from './orders.service';

/** Sales and their confirmation (services and repository; no controllers). */
@Module({
  imports: [ClockModule, PlansModule, PortalUsersModule],
  providers: [OrderRepository, OrdersService],
  exports: [OrdersService],
})
export class OrdersModule {}

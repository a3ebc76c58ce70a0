import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { PlansModule } from '@tessera/plans';
import { MembersModule } from '@tessera/members';
import { PortalUsersModule } from '@tessera/portal-users';
import { SubscriptionModule } from '@tessera/subscription';
import { OrderRepository } from './order.repository';
import { OrdersService } from './orders.service';

/** Sales and their confirmation (services and repository; no controllers). */
@Module({
  imports: [ClockModule, PlansModule, PortalUsersModule, MembersModule, SubscriptionModule],
  providers: [OrderRepository, OrdersService],
  exports: [OrdersService],
})
export class OrdersModule {}

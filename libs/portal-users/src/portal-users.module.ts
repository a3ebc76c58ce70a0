import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { UsersModule } from '@tessera/users';
import { PortalAccountRepository } from './portal-account.repository';
import { PortalAccountsService } from './portal-accounts.service';

/** Members' portal accounts (services and repository; no controllers). */
@Module({
  imports: [ClockModule, UsersModule],
  providers: [PortalAccountRepository, PortalAccountsService],
  exports: [PortalAccountsService],
})
export class PortalUsersModule {}

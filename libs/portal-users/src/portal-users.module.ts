import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { UsersModule } from '@tessera/users';
import { PortalAccountRepository } from './portal-account.repository';
import { MeService } from './me.service';
import { MemberConsoleService } from './member-console.service';
import { PortalAccountsService } from './portal-accounts.service';

/** Members' portal accounts, the staff console and /me (services and repository; no controllers). */
@Module({
  imports: [ClockModule, UsersModule, MembersModule],
  providers: [PortalAccountRepository, PortalAccountsService, MemberConsoleService, MeService],
  exports: [PortalAccountsService, MemberConsoleService, MeService],
})
export class PortalUsersModule {}

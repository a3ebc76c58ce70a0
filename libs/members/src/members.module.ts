import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { PlansModule } from '@tessera/plans';
import { MemberPlanListeners } from './member-plan-listeners';
import { MemberRepository } from './member.repository';
import { MembersService } from './members.service';
import { PartyRepository } from './party.repository';

/** Members and their parties: service and repositories (needs DatabaseModule from the app). No controllers. */
@Module({
  imports: [ClockModule, PlansModule],
  providers: [PartyRepository, MemberRepository, MembersService, MemberPlanListeners],
  exports: [MembersService, MemberPlanListeners],
})
export class MembersModule {}

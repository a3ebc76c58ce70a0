import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { PlansModule } from '@tessera/plans';
import { MemberRepository } from './member.repository';
import { MembersService } from './members.service';
import { PartyRepository } from './party.repository';

/** Members and their parties: service and repositories (needs DatabaseModule from the app). No controllers. */
@Module({
  imports: [ClockModule, PlansModule],
  providers: [PartyRepository, MemberRepository, MembersService],
  exports: [MembersService],
})
export class MembersModule {}

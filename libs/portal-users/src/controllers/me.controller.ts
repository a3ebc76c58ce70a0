import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ProblemDto, SignedIn, type Principal } from '@tessera/core';
import { UpdateContactDetailsDto } from '@tessera/members';
import { MeDto } from '../dto/me.dto';
import { MeService } from '../me.service';

@ApiTags('auth')
@SignedIn()
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in person, and for a member their membership' })
  @ApiOkResponse({ type: MeDto })
  get(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.me.me(principal);
  }

  @Patch('contact-details')
  @ApiOperation({ summary: "Change the member's own phone, address or language" })
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid phone, address or language' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'The signed-in person is not a member' })
  updateContactDetails(
    @CurrentPrincipal() principal: Principal,
    @Body() changes: UpdateContactDetailsDto,
  ): Promise<MeDto> {
    return this.me.updateContactDetails(principal, changes);
  }
}

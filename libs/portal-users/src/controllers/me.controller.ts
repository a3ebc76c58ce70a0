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
  @ApiOperation({
    summary: 'The signed-in person, and for a member their membership',
    description:
      "Any signed-in person. The account (name, e-mail, roles, language) and, for a member, their member record, plan and status, and the organisations they represent. Reads only the caller's own data.",
  })
  @ApiOkResponse({ type: MeDto })
  get(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.me.me(principal);
  }

  @Patch('contact-details')
  @ApiOperation({
    summary: "Change the member's own phone, address or language",
    description:
      'Members only, for their own record: phone, postal address and the language of e-mails and the portal. Send only what changes; null clears the phone or address. The name and e-mail are changed by staff.',
  })
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

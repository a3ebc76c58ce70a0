import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, Public, STAFF_ROLES, userIdOf, type Principal } from '@tessera/core';
import {
  OrganisationSettingsDto,
  PublicOrganisationDto,
  UpdateOrganisationSettingsDto,
} from '../dto/organisation-settings.dto';
import { OrganisationSettingsService } from '../organisation-settings.service';

@ApiTags('settings')
@Controller('settings/organisation')
export class OrganisationSettingsController {
  constructor(private readonly settings: OrganisationSettingsService) {}

  @Get()
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: "The organisation's settings",
    description: 'Staff. The name, contact details and links that members see in e-mails and on the public pages.',
  })
  @ApiOkResponse({ type: OrganisationSettingsDto })
  get(): Promise<OrganisationSettingsDto> {
    return this.settings.get();
  }

  @Put()
  @Authorize(['admin'])
  @ApiOperation({
    summary: "Change the organisation's settings",
    description:
      'Admins only. Replaces the settings: send every field (null clears an optional one). E-mails sent from now on and the public pages show the new values.',
  })
  @ApiOkResponse({ type: OrganisationSettingsDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid fields; see errors[]' })
  update(
    @Body() dto: UpdateOrganisationSettingsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OrganisationSettingsDto> {
    return this.settings.update(dto, userIdOf(principal));
  }

  @Get('public')
  @Public()
  @ApiOperation({
    summary: 'Who the organisation is, for public pages',
    description: 'Anyone. The name, contact details and the links to the membership terms and privacy notice.',
  })
  @ApiOkResponse({ type: PublicOrganisationDto })
  getPublic(): Promise<PublicOrganisationDto> {
    return this.settings.getPublic();
  }
}

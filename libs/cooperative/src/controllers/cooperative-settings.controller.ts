import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, ProblemDto, STAFF_ROLES } from '@tessera/core';
import { CooperativeSettingsDto } from '../cooperative-settings/cooperative-settings.dto';
import { CooperativeSettingsService } from '../cooperative-settings/cooperative-settings.service';

@ApiTags('shares')
@Controller('cooperative-settings')
export class CooperativeSettingsController {
  constructor(private readonly settings: CooperativeSettingsService) {}

  @Get()
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: "The co-operative's settings",
    description: 'The statutory waiting period of reimbursements. Staff.',
  })
  @ApiOkResponse({ type: CooperativeSettingsDto })
  get(): Promise<CooperativeSettingsDto> {
    return this.settings.get();
  }

  @Put()
  @Authorize(['admin'])
  @ApiOperation({
    summary: "Change the co-operative's settings",
    description: 'Administrators. A new waiting period applies to redemptions executed from now on.',
  })
  @ApiOkResponse({ type: CooperativeSettingsDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  update(@Body() dto: CooperativeSettingsDto): Promise<CooperativeSettingsDto> {
    return this.settings.update(dto);
  }
}

import { Body, Controller, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ProblemDto, SignedIn, type Principal } from '@tessera/core';
import { UpdatePreferencesDto } from '../dto/preferences.dto';
import { UserDto } from '../dto/user.dto';
import { UsersService } from '../users.service';

@ApiTags('auth')
@SignedIn()
@Controller('me')
export class PreferencesController {
  constructor(private readonly users: UsersService) {}

  @Patch('preferences')
  @ApiOperation({
    summary: "Change the signed-in person's own preferences",
    description:
      'Any signed-in person (staff or member) sets the language the web app speaks to them and their e-mails are written in. Returns their user as sign-in does.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'A language the product does not speak' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Called with an API key, which has no person' })
  update(@CurrentPrincipal() principal: Principal, @Body() dto: UpdatePreferencesDto): Promise<UserDto> {
    return this.users.updatePreferences(principal, dto);
  }
}

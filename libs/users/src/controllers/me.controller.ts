import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, SignedIn, type Principal } from '@tessera/core';
import { MeDto } from '../dto/auth.dto';
import { UsersService } from '../users.service';

@ApiTags('auth')
@SignedIn()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.users.me(principal);
  }
}

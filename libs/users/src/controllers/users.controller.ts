import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, type Page, type Principal } from '@tessera/core';
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto, UserQueryDto } from '../dto/user.dto';
import { UsersService } from '../users.service';

@ApiTags('users')
@Authorize(['admin'])
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'Staff users, newest first',
    description:
      'Admins only. Lists staff accounts by default; `kind=member` lists portal-only accounts (members are managed under /members) and `kind=all` both. `q` matches name or e-mail.',
  })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A user',
    description:
      "Admins only. The account's roles, language, whether it is active and whether its owner has set a password.",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Invite a staff user',
    description:
      'Admins only. Creates the account without a password and e-mails an activation link (single-use, expiring). 409 when the e-mail is taken.',
  })
  @ApiCreatedResponse({ type: UserDto, description: 'Created; an invitation e-mail with an activation link is sent' })
  @ApiConflictResponse({ type: ProblemDto, description: 'A user with this e-mail exists' })
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() actor: Principal): Promise<UserDto> {
    return this.users.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a user's name, roles, language or active state",
    description:
      'Admins only. Deactivating a user ends their sessions at once. You cannot remove your own admin role or deactivate yourself (409).',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Would lock yourself out' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentPrincipal() actor: Principal,
  ): Promise<UserDto> {
    return this.users.update(id, dto, actor);
  }

  @Post(':id/invitation')
  @ApiOperation({
    summary: 'Send a new activation link',
    description: 'Admins only, for accounts whose owner has not set a password yet. Earlier links stop working.',
  })
  @HttpCode(202)
  @ApiAcceptedResponse({ type: UserDto, description: 'A new activation link is e-mailed; earlier links stop working' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already activated' })
  resendInvitation(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() actor: Principal): Promise<UserDto> {
    return this.users.resendInvitation(id, actor);
  }
}

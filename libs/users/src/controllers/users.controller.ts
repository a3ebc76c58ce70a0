import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
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
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto, description: 'Created; an invitation e-mail with an activation link is sent' })
  @ApiConflictResponse({ type: ProblemDto, description: 'A user with this e-mail exists' })
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() actor: Principal): Promise<UserDto> {
    return this.users.create(dto, actor);
  }

  @Patch(':id')
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
  @HttpCode(202)
  @ApiAcceptedResponse({ type: UserDto, description: 'A new activation link is e-mailed; earlier links stop working' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already activated' })
  resendInvitation(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() actor: Principal): Promise<UserDto> {
    return this.users.resendInvitation(id, actor);
  }
}

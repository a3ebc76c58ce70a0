import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, userIdOf, type Principal } from '@tessera/core';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from '../api-keys/api-key.dto';
import { ApiKeysService } from '../api-keys/api-keys.service';

@ApiTags('api-keys')
@Authorize(['admin'])
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: ApiKeyListDto })
  list(): Promise<ApiKeyListDto> {
    return this.keys.list();
  }

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto, description: 'The key is in this response only' })
  create(@Body() dto: CreateApiKeyDto, @CurrentPrincipal() actor: Principal): Promise<CreatedApiKeyDto> {
    return this.keys.create(dto, userIdOf(actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; requests with it now get 401' })
  @ApiNotFoundResponse({ type: ProblemDto })
  revoke(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.keys.revoke(id);
  }
}

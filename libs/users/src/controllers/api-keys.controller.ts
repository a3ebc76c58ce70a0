import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, userIdOf, type Principal } from '@tessera/core';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from '../api-keys/api-key.dto';
import { ApiKeysService } from '../api-keys/api-keys.service';

@ApiTags('api-keys')
@Authorize(['admin'])
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOperation({
    summary: 'API keys',
    description: 'Admins only. Names, scopes, prefixes and last use; never the keys themselves.',
  })
  @ApiOkResponse({ type: ApiKeyListDto })
  list(): Promise<ApiKeyListDto> {
    return this.keys.list();
  }

  @Post()
  @ApiOperation({
    summary: 'Create an API key',
    description:
      'Admins only. The key is returned once, in this response, and stored only as a hash. Integrators send it as the X-Api-Key header; it reaches only the operations its scopes name.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto, description: 'The key is in this response only' })
  create(@Body() dto: CreateApiKeyDto, @CurrentPrincipal() actor: Principal): Promise<CreatedApiKeyDto> {
    return this.keys.create(dto, userIdOf(actor));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke an API key',
    description: 'Admins only. Requests with the key get 401 from now on.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; requests with it now get 401' })
  @ApiNotFoundResponse({ type: ProblemDto })
  revoke(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.keys.revoke(id);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, isStaff, ProblemDto, Public, type Principal } from '@tessera/core';
import { CreateShareClassDto, ShareClassDto, UpdateShareClassDto } from '../share-classes/share-class.dto';
import { shareClassNotFound, ShareClassesService } from '../share-classes/share-classes.service';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => shareClassNotFound() });

@ApiTags('shares')
@Controller('share-classes')
export class ShareClassesController {
  constructor(private readonly classes: ShareClassesService) {}

  @Get()
  @Public()
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Share classes', description: 'Active classes for anyone; every class for staff.' })
  @ApiOkResponse({ type: ShareClassDto, isArray: true })
  list(@CurrentPrincipal() principal: Principal | undefined): Promise<ShareClassDto[]> {
    return this.classes.list(principal !== undefined && isStaff(principal));
  }

  @Post()
  @Authorize(['admin'])
  @ApiOperation({
    summary: 'Create a share class',
    description: 'Administrators. The code is unique (409 when taken); prices in minor units.',
  })
  @ApiCreatedResponse({ type: ShareClassDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'The code is taken' })
  create(@Body() dto: CreateShareClassDto): Promise<ShareClassDto> {
    return this.classes.create(dto);
  }

  @Patch(':id')
  @Authorize(['admin'])
  @ApiOperation({ summary: 'Change a share class', description: 'Requests made before keep their price.' })
  @ApiOkResponse({ type: ShareClassDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  update(@Param('id', idPipe) id: string, @Body() dto: UpdateShareClassDto): Promise<ShareClassDto> {
    return this.classes.update(id, dto);
  }
}

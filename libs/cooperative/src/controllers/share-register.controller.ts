import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, ProblemDto, STAFF_ROLES } from '@tessera/core';
import { ShareRegisterDto, ShareRegisterQueryDto } from '../share-register/share-register.dto';
import { ShareRegisterService } from '../share-register/share-register.service';

@ApiTags('shares')
@Controller('share-register')
export class ShareRegisterController {
  constructor(private readonly register: ShareRegisterService) {}

  @Get()
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'The share register as of a date: movements, holdings and capital per class',
    description:
      'Holdings are derived from the append-only movements effective on or before `asOf` (today by default). Staff.',
  })
  @ApiOkResponse({ type: ShareRegisterDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  get(@Query() query: ShareRegisterQueryDto): Promise<ShareRegisterDto> {
    return this.register.asOf(query.asOf);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, STAFF_ROLES } from '@tessera/core';
import { DashboardDto } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboards: DashboardService) {}

  @Get()
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'The figures of the back-office home',
    description:
      'Staff. Members by status; applications in review and submitted in the last 30 days; pending approval ' +
      'requests; renewals due in the next 30 days; revenue received this month and this year and what invoices ' +
      'still owe, per currency (minor units); members by status at the end of each of the last 12 months (from ' +
      'the status history) and revenue by month. Dates are local to the organisation’s time zone.',
  })
  @ApiOkResponse({ type: DashboardDto })
  get(): Promise<DashboardDto> {
    return this.dashboards.dashboard();
  }
}

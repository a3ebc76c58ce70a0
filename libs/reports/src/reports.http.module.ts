import { Module } from '@nestjs/common';
import { SettingsModule } from '@tessera/settings';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardRepository } from './dashboard/dashboard.repository';
import { DashboardService } from './dashboard/dashboard.service';
import { MemberExportController } from './member-export/member-export.controller';
import { MemberExportService } from './member-export/member-export.service';

/** Read models across domains: GET /dashboard and GET /members/export.csv. */
@Module({
  imports: [SettingsModule],
  providers: [DashboardRepository, DashboardService, MemberExportService],
  controllers: [DashboardController, MemberExportController],
})
export class ReportsHttpModule {}

import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Public } from '@tessera/core';
import type { FastifyReply } from 'fastify';
import { HealthService, type HealthReport } from './health.service';

class HealthReportDto implements HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status: 'ok' | 'degraded';
  @ApiProperty({ example: { database: 'up', redis: 'up' } })
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' };
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0,
    description: 'Background jobs (e-mails, application intakes…) that failed for good in the last 24 hours',
  })
  failedJobsLastDay: number | null;
}

class VersionDto {
  @ApiProperty({ example: 'tessera' })
  name: string;
  @ApiProperty({ example: '0.1.0' })
  version: string;
  @ApiProperty({ example: 'a1b2c3d', description: 'GIT_COMMIT of the build, or "dev"' })
  commit: string;
}

@ApiTags('health')
@Public()
@Controller('api')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @ApiOperation({
    summary: 'Is the service up?',
    description:
      'Anyone. 200 when the database and Redis answer, 503 with the failing dependency otherwise; for load balancers and monitoring.',
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'Database and Redis reachable' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A dependency is down' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReportDto> {
    const report = await this.health.check();
    if (report.status !== 'ok') void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  @Get('version')
  @ApiOperation({
    summary: 'Which build is running',
    description: "Anyone. The application's name, version and commit.",
  })
  @ApiOkResponse({ type: VersionDto })
  version(): VersionDto {
    return {
      name: 'tessera',
      version: this.health.version,
      // Not the Node version: it would tell an attacker which runtime vulnerabilities to try.
      commit: process.env.GIT_COMMIT ?? 'dev',
    };
  }
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class CertificatePdfQueryDto {
  @ApiPropertyOptional({ enum: ['1'], description: 'Send it as a download (attachment) rather than inline' })
  @IsOptional()
  @IsIn(['1', 'true'])
  download?: string;
}

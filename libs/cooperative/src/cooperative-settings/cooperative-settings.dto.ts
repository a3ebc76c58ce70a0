import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class CooperativeSettingsDto {
  @ApiProperty({
    example: 365,
    minimum: 0,
    maximum: 3650,
    description: 'Days after a redemption before its reimbursement may be paid (the statutory waiting period)',
  })
  @IsInt()
  @Min(0)
  @Max(3650)
  redemptionWaitingDays: number;
}

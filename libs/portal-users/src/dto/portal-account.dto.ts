import { ApiProperty } from '@nestjs/swagger';
import {
  ACCOUNT_ORIGINS,
  PORTAL_ACCOUNT_STATES,
  type AccountOrigin,
  type PortalAccountState,
} from '../portal-account.types';

/** A member's portal account as the staff console shows it. */
export class PortalAccountDto {
  @ApiProperty({ enum: PORTAL_ACCOUNT_STATES })
  state: PortalAccountState;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId: string | null;
  @ApiProperty({ enum: ACCOUNT_ORIGINS, nullable: true, description: 'What created the account' })
  createdFrom: AccountOrigin | null;
  @ApiProperty({ type: String, nullable: true, example: 'APP-2026-000123' })
  sourceReference: string | null;
  @ApiProperty({ description: 'Created by the system (approval, order) rather than by staff' })
  autoCreated: boolean;
  @ApiProperty({ description: 'Auto-created and not yet acknowledged by staff (the "auto-registered" alert)' })
  needsAcknowledgement: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the latest invitation was sent',
  })
  invitedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLoginAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  createdAt: string | null;

  static none(): PortalAccountDto {
    return {
      state: 'none',
      userId: null,
      createdFrom: null,
      sourceReference: null,
      autoCreated: false,
      needsAcknowledgement: false,
      invitedAt: null,
      lastLoginAt: null,
      createdAt: null,
    };
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { EmailAddress } from '@tessera/core';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../auth/password-policy';
import { UserDto } from './user.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LoginDto {
  @ApiProperty({ example: 'admin@tessera.local' })
  @Transform(trim)
  @EmailAddress()
  email: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'member@example.org' })
  @Transform(trim)
  @EmailAddress()
  email: string;
}

/** The token of an invitation link that expired or was replaced. */
export class RenewActivationLinkDto {
  @ApiProperty({ description: 'The token from the old invitation link' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export const ACTIVATION_LINK_RENEWED_MESSAGE =
  'If this invitation is still waiting to be accepted, a new link is on its way to its e-mail address.';

/** A one-time link token and the new password (reset and activation alike). */
export class SetPasswordWithTokenDto {
  @ApiProperty({ description: 'The token from the e-mailed link' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: MAX_PASSWORD_LENGTH })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

export class AuthResponseDto {
  @ApiProperty({ description: 'Short-lived JWT for the Authorization: Bearer header' })
  accessToken: string;
  @ApiProperty({ description: 'Single-use token for POST /auth/refresh' })
  refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;
  @ApiProperty({ type: UserDto })
  user: UserDto;
}

export class MessageDto {
  @ApiProperty({ example: 'If an account exists for this e-mail, we have sent a link to reset the password.' })
  message: string;
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { EmailAddress, OptionalNotNull } from '@tessera/core';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../auth/password-policy';
import { UserDto } from './user.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const REFRESH_TOKEN_TRANSPORTS = ['body', 'cookie'] as const;
export type RefreshTokenTransport = (typeof REFRESH_TOKEN_TRANSPORTS)[number];

const TRANSPORT_DESCRIPTION =
  'Where the refresh token goes: `body` (the default, for programs that keep it themselves) or ' +
  '`cookie` (for browsers: an HttpOnly, Secure, SameSite=Strict cookie sent only to POST /auth/refresh, ' +
  'so page scripts never see it; `refreshToken` is then left out of the answer)';

/** Chosen when a session starts (sign-in, activation); a refresh answers the way its token came. */
const RefreshTokenTransportProperty = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: REFRESH_TOKEN_TRANSPORTS, description: TRANSPORT_DESCRIPTION, example: 'body' }),
    IsOptional(),
    IsIn(REFRESH_TOKEN_TRANSPORTS),
  );

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

  @ApiProperty({
    required: false,
    example: 'eyJhbGdvcml0aG0iOiJQQktERjIvU0hBLTI1NiIsIm51bWJlciI6MTIzNDV9',
    description:
      'A solved captcha (GET /captcha/challenge), required once an account has had several failed ' +
      'sign-ins: the 429 problem `captcha-required` says so',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(8192)
  altcha?: string;

  @RefreshTokenTransportProperty()
  refreshTokenTransport?: RefreshTokenTransport;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'The refresh token, when it was delivered in the body; without it, the refresh cookie is used',
    example: 'Jt3Qm0b8xV2nYk5cL9aWq1Zr7Fh4Ds6UeB0gPo2Ni8M',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken?: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'member@example.org' })
  @Transform(trim)
  @EmailAddress()
  email: string;
}

/** The token of an invitation link that expired or was replaced. */
export class RenewActivationLinkDto {
  @ApiProperty({
    description: 'The token from the old invitation link',
    example: 'q8Yc2mVt0LwZ5nRb7Ue1Kx3Ah9Gp4Jd6Sf0Oi2Tl8E',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export const ACTIVATION_LINK_RENEWED_MESSAGE =
  'If this invitation is still waiting to be accepted, a new link is on its way to its e-mail address.';

/** A one-time link token and the new password (reset and activation alike). */
export class SetPasswordWithTokenDto {
  @ApiProperty({
    description: 'The token from the e-mailed link (after `#token=`)',
    example: 'q8Yc2mVt0LwZ5nRb7Ue1Kx3Ah9Gp4Jd6Sf0Oi2Tl8E',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: MAX_PASSWORD_LENGTH, example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

/** The invitation's token and the first password, and where the refresh token of the new session goes. */
export class ActivateDto extends SetPasswordWithTokenDto {
  @RefreshTokenTransportProperty()
  refreshTokenTransport?: RefreshTokenTransport;
}

export class AuthResponseDto {
  @ApiProperty({ description: 'Short-lived JWT for the Authorization: Bearer header' })
  accessToken: string;
  @ApiPropertyOptional({
    description: 'Single-use token for POST /auth/refresh; absent when it was set as a cookie',
  })
  refreshToken?: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;
  @ApiProperty({ type: UserDto })
  user: UserDto;
}

/** A new session's tokens as the service issues them; the controller delivers the refresh token. */
export interface IssuedSession extends AuthResponseDto {
  refreshToken: string;
  sessionExpiresAt: Date;
}

export class MessageDto {
  @ApiProperty({ example: 'If an account exists for this e-mail, we have sent a link to reset the password.' })
  message: string;
}

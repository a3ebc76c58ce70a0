import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { EmailAddress } from '@tessera/core';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../auth/password-policy';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The password in use, which every change of sign-in details asks for again. */
class WithCurrentPassword {
  @ApiProperty({ description: 'The password in use now', example: 'the current passphrase' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;
}

export class ChangePasswordDto extends WithCurrentPassword {
  @ApiProperty({ minLength: 12, maxLength: MAX_PASSWORD_LENGTH, example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}

export class ChangeEmailDto extends WithCurrentPassword {
  @ApiProperty({ description: 'The address to sign in with from now on, once confirmed', example: 'ada@example.org' })
  @Transform(trim)
  @EmailAddress()
  newEmail: string;
}

export class ConfirmEmailChangeDto {
  @ApiProperty({
    description: 'The token from the confirmation link (after `#token=`)',
    example: 'q8Yc2mVt0LwZ5nRb7Ue1Kx3Ah9Gp4Jd6Sf0Oi2Tl8E',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export class EmailChangeRequestedDto {
  @ApiProperty({ example: 'We have sent a confirmation link to ada@example.org. It is valid for 24 hours.' })
  message: string;
  @ApiProperty({ example: 'ada@example.org', description: 'The address the link went to (normalised)' })
  newEmail: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the link stops working' })
  expiresAt: string;
}

export class EmailChangedDto {
  @ApiProperty({ example: 'Your sign-in e-mail is now ada@example.org.' })
  message: string;
  @ApiProperty({ example: 'ada@example.org' })
  email: string;
}

import { ApiProperty } from '@nestjs/swagger';

class CaptchaParametersDto {
  @ApiProperty({ example: 'PBKDF2/SHA-256' })
  algorithm: string;
  @ApiProperty({ description: 'PBKDF2 iterations per attempt', example: 1000 })
  cost: number;
  @ApiProperty({ description: 'Unix time (seconds) after which answers are refused' })
  expiresAt: number;
  @ApiProperty({ example: 32 })
  keyLength: number;
  @ApiProperty({ description: 'Hex prefix the derived key must start with' })
  keyPrefix: string;
  @ApiProperty({ description: 'Server signature of the expected key' })
  keySignature: string;
  @ApiProperty()
  nonce: string;
  @ApiProperty()
  salt: string;
}

/** An ALTCHA v2 challenge, as the altcha widget reads it. */
export class CaptchaChallengeDto {
  @ApiProperty({ type: CaptchaParametersDto })
  parameters: CaptchaParametersDto;
  @ApiProperty({ description: 'HMAC of the parameters' })
  signature: string;
}

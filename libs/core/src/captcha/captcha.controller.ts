import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { CaptchaChallengeDto } from './captcha-challenge.dto';
import { CaptchaService } from './captcha.service';

@ApiTags('captcha')
@Public()
@Controller('captcha')
export class CaptchaController {
  constructor(private readonly captcha: CaptchaService) {}

  @Get('challenge')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A proof-of-work challenge for a public form',
    description:
      'ALTCHA v2, for the altcha widget. Solve it and send the base64 payload in the form field `altcha`; ' +
      'it expires after 10 minutes and is accepted once.',
  })
  @ApiOkResponse({ type: CaptchaChallengeDto })
  challenge(): Promise<Record<string, unknown>> {
    return this.captcha.challenge();
  }
}

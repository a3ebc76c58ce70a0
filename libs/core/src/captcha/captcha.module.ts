import { Global, Module } from '@nestjs/common';
import { CaptchaSolutionRepository } from './captcha-solution.repository';
import { CaptchaService } from './captcha.service';

/** CaptchaService for every module with a public form. */
@Global()
@Module({ providers: [CaptchaService, CaptchaSolutionRepository], exports: [CaptchaService] })
export class CaptchaModule {}

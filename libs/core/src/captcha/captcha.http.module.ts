import { Module } from '@nestjs/common';
import { CaptchaController } from './captcha.controller';
import { CaptchaModule } from './captcha.module';

/** GET /captcha/challenge (imported by apps/api only). */
@Module({ imports: [CaptchaModule], controllers: [CaptchaController] })
export class CaptchaHttpModule {}

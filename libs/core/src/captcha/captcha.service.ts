import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { ProblemException } from '../errors/problem';
import { captchaSecrets, checkCaptchaAnswer, createCaptchaChallenge, type CaptchaSecrets } from './altcha';
import { CaptchaSolutionRepository } from './captcha-solution.repository';

export const CAPTCHA_FIELD = 'altcha';
const CHALLENGE_TTL_MS = 10 * 60 * 1000;

const refused = (slug: string, message: string) =>
  ProblemException.badRequest(`${message} Please complete the captcha again.`, slug, [
    { field: CAPTCHA_FIELD, message },
  ]);

/** Proof-of-work captcha (ALTCHA, see altcha.ts) for public forms: each answer is accepted once. */
@Injectable()
export class CaptchaService {
  private readonly secrets: CaptchaSecrets;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
    private readonly solutions: CaptchaSolutionRepository,
  ) {
    // A key of its own when configured; otherwise one derived from (never equal to) JWT_SECRET.
    this.secrets = captchaSecrets(config.CAPTCHA_HMAC_KEY ?? config.JWT_SECRET);
  }

  /** A signed challenge, valid for 10 minutes, as the altcha widget expects it. */
  challenge(): Promise<Record<string, unknown>> {
    return createCaptchaChallenge(this.secrets, new Date(this.clock.now().getTime() + CHALLENGE_TTL_MS));
  }

  /**
   * Accepts a solved challenge once, recording it in the caller's transaction (so a request that
   * fails afterwards leaves the answer usable). Throws a 400 problem otherwise. Expiry is judged
   * by both the Clock and altcha-lib, which only knows the wall clock.
   */
  async verify(payload: string | undefined): Promise<void> {
    if (!payload) throw refused('captcha-missing', 'The captcha answer is missing.');
    const verdict = await checkCaptchaAnswer(payload, this.secrets);
    const now = this.clock.now();
    if (verdict.outcome === 'expired' || (verdict.outcome === 'solved' && verdict.expiresAt <= now)) {
      throw refused('captcha-expired', 'The captcha has expired.');
    }
    if (verdict.outcome !== 'solved') throw refused('captcha-invalid', 'The captcha answer is not valid.');
    await this.solutions.purgeExpired(now);
    if (!(await this.solutions.claim(verdict.signature, verdict.expiresAt))) {
      throw refused('captcha-replayed', 'This captcha answer has already been used.');
    }
  }
}

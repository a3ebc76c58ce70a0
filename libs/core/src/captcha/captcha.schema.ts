import type { SchemaPart } from '../database/schema';
import { CreateCaptchaSolutions1763795100000 } from './migrations/1763795100000-create-captcha-solutions';

/** Raw SQL in its repository, so no entities. */
export const captchaSchema: SchemaPart = {
  entities: [],
  migrations: [CreateCaptchaSolutions1763795100000],
};

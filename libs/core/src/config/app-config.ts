import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIP,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { publishedSecretProblems } from './demo-secrets';
import { IsTrustedProxyList } from './trusted-proxies';

const url = (protocols: string[]) => ({
  protocols,
  require_protocol: true,
  require_tld: false,
});

/**
 * Every setting the processes read, validated once at start-up.
 * A missing or bad value stops the process with a message naming the variable.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL: string;

  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM: string;

  @IsUrl(url(['http', 'https']))
  PUBLIC_URL: string;

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Where the API listens: every interface (containers) unless told, e.g. 127.0.0.1 on a workstation. */
  @IsIP()
  HOST = '0.0.0.0';

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET: string;

  @IsString()
  @MinLength(1)
  STORAGE_DIR: string;

  /** Signs captcha challenges; without it a key is derived from JWT_SECRET. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  CAPTCHA_HMAC_KEY?: string;

  @IsOptional()
  @Matches(/^(sk|rk)_(test|live)_\w+$/, { message: 'must be a Stripe secret key (sk_…)' })
  STRIPE_SECRET_KEY?: string;

  @IsOptional()
  @Matches(/^whsec_\w+$/, { message: 'must be a Stripe webhook secret (whsec_…)' })
  STRIPE_WEBHOOK_SECRET?: string;

  /**
   * Where the Stripe SDK sends its API requests instead of https://api.stripe.com (its `protocol`,
   * `host` and `port`): the tests point it at a local server that plays Stripe's API.
   */
  @IsOptional()
  @IsUrl(url(['http', 'https']))
  STRIPE_API_BASE?: string;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /** Prefix for Redis keys, so test runs and deployments sharing a Redis stay apart. */
  @IsString()
  @Matches(/^[a-z0-9_-]+$/i)
  QUEUE_PREFIX = 'tessera';

  /**
   * Whether this worker keeps the recurring jobs' schedulers (the daily renewal run, reminders…)
   * in Redis. `false` on a worker meant only to process jobs, and in the end-to-end tests, which
   * start those runs themselves and must not see one start at whatever time of day they run.
   */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  SCHEDULED_JOBS = true;

  /**
   * The reverse proxies whose X-Forwarded-For the API believes (the client is the last address
   * before them): IPs, CIDRs, `loopback`, `linklocal`, `uniquelocal`, comma-separated.
   */
  @IsTrustedProxyList()
  TRUSTED_PROXIES = 'loopback';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Minutes without a refresh after which a staff session ends (any role besides `member`). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(15)
  @Max(7 * 24 * 60)
  SESSION_IDLE_MINUTES_STAFF = 30;

  /** The same for members of the portal: longer, they hold less. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(15)
  @Max(30 * 24 * 60)
  SESSION_IDLE_MINUTES_MEMBER = 24 * 60;

  get stripeEnabled(): boolean {
    return Boolean(this.STRIPE_SECRET_KEY && this.STRIPE_WEBHOOK_SECRET);
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  const problems = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property} ${message}`,
    ),
  );
  if (config.NODE_ENV === 'production') problems.push(...publishedSecretProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

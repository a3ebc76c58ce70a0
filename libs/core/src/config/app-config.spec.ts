import { ConfigError, loadConfig } from './app-config';
import { DEMO_STAFF_PASSWORD } from './demo-secrets';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tessera',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  MAIL_FROM: 'Tessera <no-reply@example.org>',
  PUBLIC_URL: 'http://localhost:5173',
  JWT_SECRET: 'x'.repeat(32),
  STORAGE_DIR: '/tmp/tessera',
};

describe('loadConfig', () => {
  it('accepts a complete environment and fills defaults', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.QUEUE_PREFIX).toBe('tessera');
    expect(config.stripeEnabled).toBe(false);
    expect(config.SCHEDULED_JOBS).toBe(true);
  });

  it('reads SCHEDULED_JOBS as true or false, and nothing else', () => {
    expect(loadConfig({ ...valid, SCHEDULED_JOBS: 'false' }).SCHEDULED_JOBS).toBe(false);
    expect(loadConfig({ ...valid, SCHEDULED_JOBS: 'true' }).SCHEDULED_JOBS).toBe(true);
    expect(() => loadConfig({ ...valid, SCHEDULED_JOBS: 'no' })).toThrow(/SCHEDULED_JOBS must be true or false/);
  });

  it('parses PORT and enables Stripe only with both keys', () => {
    const config = loadConfig({
      ...valid,
      PORT: '8080',
      STRIPE_SECRET_KEY: 'sk_test_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
    });
    expect(config.PORT).toBe(8080);
    expect(config.stripeEnabled).toBe(true);
    // One of the two is not enough: no Pay button without a way to hear that the money came.
    expect(loadConfig({ ...valid, STRIPE_SECRET_KEY: 'sk_test_abc' }).stripeEnabled).toBe(false);
    expect(loadConfig({ ...valid, STRIPE_WEBHOOK_SECRET: 'whsec_abc' }).stripeEnabled).toBe(false);
  });

  it.each([
    ['DATABASE_URL', undefined, /DATABASE_URL must be a postgres:\/\/ URL/],
    ['REDIS_URL', 'http://x', /REDIS_URL must be a redis:\/\/ URL/],
    ['JWT_SECRET', 'short', /JWT_SECRET must be at least 32 characters/],
    ['PORT', 'eighty', /PORT/],
    ['PUBLIC_URL', 'not a url', /PUBLIC_URL/],
    ['ADMIN_EMAIL', 'nope', /ADMIN_EMAIL/],
    ['STRIPE_SECRET_KEY', 'pk_live_x', /STRIPE_SECRET_KEY must be a Stripe secret key/],
    ['TRUSTED_PROXIES', '10.0.0.0/33', /TRUSTED_PROXIES must be a comma-separated list/],
    ['TRUSTED_PROXIES', 'nginx', /TRUSTED_PROXIES must be a comma-separated list/],
    ['TRUSTED_PROXIES', ' , ', /TRUSTED_PROXIES must be a comma-separated list/],
    // an idle timeout shorter than an access token's 15 minutes could not be kept
    ['SESSION_IDLE_MINUTES_STAFF', '5', /SESSION_IDLE_MINUTES_STAFF/],
    ['SESSION_IDLE_MINUTES_MEMBER', 'a day', /SESSION_IDLE_MINUTES_MEMBER/],
  ])('names %s when it is missing or bad', (name, value, message) => {
    const env: Record<string, string | undefined> = { ...valid, [name]: value };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('trusts loopback proxies by default, and the configured addresses and ranges otherwise', () => {
    expect(loadConfig(valid).TRUSTED_PROXIES).toBe('loopback');
    const list = '172.28.0.10, 10.0.0.0/8,fd00::/8,loopback';
    expect(loadConfig({ ...valid, TRUSTED_PROXIES: list }).TRUSTED_PROXIES).toBe(list);
  });

  describe('in production', () => {
    const production = { ...valid, NODE_ENV: 'production', ADMIN_EMAIL: 'admin@example.org' };

    it('starts with secrets of its own', () => {
      expect(loadConfig({ ...production, ADMIN_PASSWORD: 'a-long-unpublished-passphrase' }).NODE_ENV).toBe(
        'production',
      );
    });

    it.each([
      ['JWT_SECRET', "compose's old default", 'local-only-jwt-secret-do-not-use-in-production'],
      ['ADMIN_PASSWORD', "compose's old default", 'change-me-on-first-login'],
      ['ADMIN_PASSWORD', "the seed's demo password", DEMO_STAFF_PASSWORD],
    ])('refuses %s set to %s', (name, _, value) => {
      const env = { ...production, [name]: value };
      expect(() => loadConfig(env)).toThrow(new RegExp(`${name} is a published demo value`));
      // The same values are fine on a workstation.
      expect(() => loadConfig({ ...env, NODE_ENV: 'development' })).not.toThrow();
    });
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({});
      throw new Error('expected a ConfigError');
    } catch (error) {
      const names = (error as ConfigError).problems.map((problem) => problem.split(' ')[0]);
      expect(names).toEqual(
        expect.arrayContaining([
          'DATABASE_URL',
          'REDIS_URL',
          'SMTP_URL',
          'MAIL_FROM',
          'PUBLIC_URL',
          'JWT_SECRET',
          'STORAGE_DIR',
        ]),
      );
    }
  });
});

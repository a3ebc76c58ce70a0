/**
 * Values published in this repository (compose's old defaults, the README's demo accounts):
 * anyone can read them, so a production process refuses to start with them.
 */
export const DEMO_STAFF_PASSWORD = 'Tessera-demo-2026';

const PUBLISHED: Record<'JWT_SECRET' | 'ADMIN_PASSWORD', readonly string[]> = {
  JWT_SECRET: ['local-only-jwt-secret-do-not-use-in-production'],
  ADMIN_PASSWORD: ['change-me-on-first-login', DEMO_STAFF_PASSWORD],
};

/** One message per setting that holds a published value. */
export function publishedSecretProblems(settings: { JWT_SECRET?: string; ADMIN_PASSWORD?: string }): string[] {
  return (Object.keys(PUBLISHED) as (keyof typeof PUBLISHED)[])
    .filter((name) => settings[name] !== undefined && PUBLISHED[name].includes(settings[name]))
    .map((name) => `${name} is a published demo value; set your own secret when NODE_ENV=production`);
}

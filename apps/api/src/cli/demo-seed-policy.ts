/**
 * `pnpm seed` adds staff whose password is published in the README: never on a production
 * database. Returns the refusal, or null when seeding may go ahead.
 */
export function demoSeedRefusal(nodeEnv: string | undefined): string | null {
  return nodeEnv === 'production'
    ? 'pnpm seed adds demo staff with a published password, so it refuses to run with NODE_ENV=production. ' +
        'The API creates the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD on start.'
    : null;
}

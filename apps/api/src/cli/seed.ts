import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@tessera/core';
import { UsersService } from '@tessera/users';
import { AppModule } from '../app.module';

/** Demo staff, one per role, all with the same known password (README lists them). */
export const DEMO_PASSWORD = 'Tessera-demo-2026';
const DEMO_STAFF = [
  { email: 'officer@tessera.local', name: 'Olivia Officer', roles: ['officer' as const] },
  { email: 'approver@tessera.local', name: 'Arthur Approver', roles: ['approver' as const] },
  { email: 'finance@tessera.local', name: 'Fiona Finance', roles: ['finance' as const], locale: 'fr' as const },
];

/** `pnpm seed`: the first admin (from ADMIN_EMAIL/ADMIN_PASSWORD) and demo staff; safe to re-run. */
async function seed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const users = app.get(UsersService);
  const config = app.get(AppConfig);
  await users.ensureFirstAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  for (const staff of DEMO_STAFF) {
    const created = await users.seedUser({ ...staff, password: DEMO_PASSWORD });
    console.log(`${created ? 'Created' : 'Kept'} ${staff.email} (${staff.roles.join(', ')})`);
  }
  await app.close();
}

seed().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

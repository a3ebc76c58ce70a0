import { Module } from '@nestjs/common';
import { AuthGuardsModule } from '@tessera/core';
import { AccountController } from './controllers/account.controller';
import { ApiKeysController } from './controllers/api-keys.controller';
import { AuthController } from './controllers/auth.controller';
import { PreferencesController } from './controllers/preferences.controller';
import { SessionsController } from './controllers/sessions.controller';
import { UsersController } from './controllers/users.controller';
import { LoginAttempts } from './auth/login-attempts';
import { FirstAdminSeeder } from './first-admin.seeder';
import { UsersModule } from './users.module';

/** The auth, me, users and api-keys endpoints, and the global authentication guard. */
@Module({
  imports: [UsersModule, AuthGuardsModule.register(UsersModule)],
  controllers: [
    AuthController,
    SessionsController,
    PreferencesController,
    AccountController,
    UsersController,
    ApiKeysController,
  ],
  providers: [FirstAdminSeeder, LoginAttempts],
})
export class UsersHttpModule {}

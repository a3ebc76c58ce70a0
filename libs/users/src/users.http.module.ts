import { Module } from '@nestjs/common';
import { AuthGuardsModule } from '@tessera/core';
import { ApiKeysController } from './controllers/api-keys.controller';
import { AuthController } from './controllers/auth.controller';
import { PreferencesController } from './controllers/preferences.controller';
import { UsersController } from './controllers/users.controller';
import { FirstAdminSeeder } from './first-admin.seeder';
import { UsersModule } from './users.module';

/** The auth, me, users and api-keys endpoints, and the global authentication guard. */
@Module({
  imports: [UsersModule, AuthGuardsModule.register(UsersModule)],
  controllers: [AuthController, PreferencesController, UsersController, ApiKeysController],
  providers: [FirstAdminSeeder],
})
export class UsersHttpModule {}

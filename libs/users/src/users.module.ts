import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig, PrincipalResolver } from '@tessera/core';
import { NotificationsModule } from '@tessera/notifications';
import { ApiKeyRepository } from './api-key.repository';
import { AccountService } from './account/account.service';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthService } from './auth/auth.service';
import { PasswordHasher } from './auth/password-hasher';
import { SessionPrincipalResolver } from './auth/session-principal.resolver';
import { SessionRepository } from './session.repository';
import { StaffDirectory } from './staff-directory';
import { UserRepository } from './user.repository';
import { UserTokenRepository } from './user-token.repository';
import { InvitationService } from './invitation.service';
import { UsersService } from './users.service';

@Module({
  imports: [
    NotificationsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [
    UserRepository,
    SessionRepository,
    UserTokenRepository,
    ApiKeyRepository,
    PasswordHasher,
    AuthService,
    AccountService,
    InvitationService,
    UsersService,
    ApiKeysService,
    StaffDirectory,
    { provide: PrincipalResolver, useClass: SessionPrincipalResolver },
  ],
  exports: [
    AuthService,
    AccountService,
    InvitationService,
    UsersService,
    ApiKeysService,
    StaffDirectory,
    PrincipalResolver,
  ],
})
export class UsersModule {}

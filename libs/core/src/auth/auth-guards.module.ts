import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthenticationGuard } from './authentication.guard';
import { JwtStrategy } from './jwt.strategy';

/** Installs the global guard; `resolverModule` must export a PrincipalResolver. */
@Module({})
export class AuthGuardsModule {
  static register(resolverModule: Type): DynamicModule {
    return {
      module: AuthGuardsModule,
      imports: [PassportModule, resolverModule],
      providers: [JwtStrategy, { provide: APP_GUARD, useClass: AuthenticationGuard }],
    };
  }
}

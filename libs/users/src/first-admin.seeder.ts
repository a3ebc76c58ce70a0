import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@tessera/core';
import { UsersService } from './users.service';

/** On API start: the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD, once, if no user exists. */
@Injectable()
export class FirstAdminSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.users.ensureFirstAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
  }
}

export * from './portal-users.module';
export * from './portal-users.http.module';
export * from './portal-users.schema';
export * from './portal-account.types';
export * from './portal-accounts.service';
export * from './dto/portal-account.dto';
export * from './dto/member-account.dto';
export * from './dto/me.dto';

export * from './settings.module';
export * from './settings.http.module';
export * from './settings.schema';
export * from './organisation-settings.service';
export * from './dto/organisation-settings.dto';

export * from './tessera-schema';
export * from './platform.module';

export { createApiApp, API_PREFIX } from './bootstrap';
export { AppModule } from './app.module';
export { buildOpenApiDocument } from './openapi/openapi';

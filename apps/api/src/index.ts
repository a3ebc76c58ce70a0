export { createApiApp, API_PREFIX } from './bootstrap';
export { buildOpenApiDocument } from './openapi/openapi';

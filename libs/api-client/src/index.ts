import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
export type Schemas = components['schemas'];
export type TesseraClient = Client<paths>;

/**
 * A typed client for the Tessera REST API, generated from its OpenAPI document
 * (`pnpm openapi` regenerates `schema.ts`; CI fails when it is stale).
 * `baseUrl` is the server origin, e.g. http://localhost:3000.
 */
export function createTesseraClient(options: ClientOptions = {}): TesseraClient {
  return createClient<paths>(options);
}

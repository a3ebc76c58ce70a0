import { Module, type Provider, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, createApiApp } from '@tessera/api';
import { ADMIN } from './stack';

export interface ApiWith {
  api: NestFastifyApplication;
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The API as built for production plus test-only controllers, on a free port, without the
 * worker: for journeys through infrastructure (uploads, idempotency) no product endpoint uses yet.
 */
export async function startApiWith(controllers: Type[], providers: Provider[] = []): Promise<ApiWith> {
  Object.assign(process.env, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  @Module({ imports: [AppModule], controllers, providers })
  class ApiWithProbes {}
  const api = await createApiApp({ logger: false }, ApiWithProbes);
  await api.listen({ port: 0, host: '127.0.0.1' });
  const address = api.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { api, baseUrl, stop: () => api.close() };
}

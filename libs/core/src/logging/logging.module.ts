import type { IncomingMessage } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** The path of a URL: query strings carry search terms and e-mail addresses, which logs must not keep. */
function withoutQuery(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Structured JSON logs (pino). Each request line carries Fastify's request id (`req.id`, see
 * request-id.ts), the one echoed in X-Request-Id.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Nest 11's path syntax for "every route" (the default '*' logs a conversion warning).
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.LOG_LEVEL,
          // What a request line says, and no more: no headers, so no credentials (cheaper than redacting
          // them), and the path without its query string.
          serializers: {
            req: (request: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
              id: request.id,
              method: request.method,
              url: withoutQuery(request.url),
              remoteAddress: request.remoteAddress,
            }),
            res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          },
          autoLogging: { ignore: (request: IncomingMessage) => withoutQuery(request.url ?? '') === '/api/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}

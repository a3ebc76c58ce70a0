import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

const REQUEST_ID_HEADER = 'x-request-id';

/** Structured JSON logs (pino) carrying a request id, echoed back in X-Request-Id. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Nest 11's path syntax for "every route" (the default '*' logs a conversion warning).
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (request: IncomingMessage, response: ServerResponse) => {
            const incoming = request.headers[REQUEST_ID_HEADER];
            const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
            response.setHeader('X-Request-Id', id);
            return id;
          },
          redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
          autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}

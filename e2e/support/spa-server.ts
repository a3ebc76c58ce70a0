import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { SPA_SECURITY_HEADERS } from '../../apps/web/security-headers';

/** Where `pnpm build` puts the SPA. */
export const SPA_DIST = resolve(__dirname, '..', '..', 'apps', 'web', 'dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * The built SPA on a free port, with its security headers (CSP…) and `/api/*` passed on to the API,
 * as nginx does in production.
 */
export interface SpaServer {
  /** `http://127.0.0.1:<port>`, what PUBLIC_URL must be for e-mailed links to open this SPA. */
  origin: string;
  /** Where `/api/*` goes (`http://127.0.0.1:<port>`); until it is set, `/api` answers 502. */
  setApiTarget(baseUrl: string): void;
  close(): Promise<void>;
}

export async function startSpaServer(root = SPA_DIST): Promise<SpaServer> {
  const indexHtml = join(root, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(`The built SPA is missing (${indexHtml}): run pnpm build first.`);
  }
  let apiTarget: URL | undefined;
  // No keep-alive towards the API, so closing the API never waits for this proxy's idle sockets.
  const agent = new Agent({ keepAlive: false });

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://spa.invalid').pathname;
    if (path === '/api' || path.startsWith('/api/')) return proxy(req, res);
    serveFile(req, res, path).catch((error: unknown) => fail(res, 500, String(error)));
  });

  function proxy(req: IncomingMessage, res: ServerResponse): void {
    if (!apiTarget) return fail(res, 502, 'The API is not started yet');
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = request(
      {
        agent,
        hostname: apiTarget.hostname,
        port: apiTarget.port,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          'x-forwarded-for': forwardedFor,
          'x-forwarded-host': req.headers.host ?? '',
          'x-forwarded-proto': 'http',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => fail(res, 502, `API unreachable: ${error.message}`));
    req.pipe(upstream);
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'Method not allowed');
    const file = resolve(root, `.${decodeURIComponent(path)}`);
    const inside = file === root || file.startsWith(root + sep);
    const stats = inside ? await stat(file).catch(() => null) : null;
    if (stats?.isFile()) return send(req, res, file, stats.size, 'public, max-age=0');
    // A missing asset is a 404; any other path is a route of the SPA: index.html.
    if (!inside || extname(path)) return fail(res, 404, 'Not found');
    const index = await stat(indexHtml);
    return send(req, res, indexHtml, index.size, 'no-cache');
  }

  function send(req: IncomingMessage, res: ServerResponse, file: string, size: number, cacheControl: string): void {
    res.writeHead(200, {
      ...SPA_SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': cacheControl,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => done());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    setApiTarget(baseUrl) {
      apiTarget = new URL(baseUrl);
    },
    close() {
      return new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        agent.destroy();
      });
    },
  };
}

function fail(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(message);
}

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SmtpSink } from '@tessera/testing';
import { inboxPage, messagePage, notFoundPage, type MessageView } from './pages';

export interface InboxServerOptions {
  sink: SmtpSink;
  /** Where the SMTP side listens, shown on the pages ("127.0.0.1:1025"). */
  smtpAddress: string;
}

/**
 * The web inbox over the sink's messages:
 * - `GET /` the inbox page, newest first
 * - `GET /messages/:id[?view=html|text|headers]` one message
 * - `GET /api/messages` all messages as JSON (newest first), `DELETE /api/messages` clears them
 * - `GET /api/messages/:id` one message as JSON
 * - `GET /api/summary` `{count, latestId}`, polled by the inbox page to refresh itself
 */
export function createInboxServer(options: InboxServerOptions): Server {
  return createServer((request, response) => {
    try {
      route(options, request, response);
    } catch (error) {
      console.error('Mail catcher: request failed', error);
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error' });
      else response.destroy();
    }
  });
}

function route({ sink, smtpAddress }: InboxServerOptions, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://mailcatcher.invalid');
  const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const nonce = randomBytes(16).toString('base64');
  const context = { nonce, smtpAddress };

  if (path === '/') {
    if (method !== 'GET') return methodNotAllowed(response, 'GET, HEAD');
    return sendHtml(response, 200, inboxPage(sink.messages(), context), nonce);
  }

  const messageMatch = /^\/messages\/([^/]+)$/.exec(path);
  if (messageMatch) {
    if (method !== 'GET') return methodNotAllowed(response, 'GET, HEAD');
    const message = sink.message(decode(messageMatch[1]));
    if (!message) return sendHtml(response, 404, notFoundPage(context), nonce);
    const requested = url.searchParams.get('view');
    const view: MessageView = isView(requested) ? requested : message.html ? 'html' : 'text';
    return sendHtml(response, 200, messagePage(message, view, context), nonce);
  }

  if (path === '/api/messages') {
    if (method === 'GET') return sendJson(response, 200, sink.messages().reverse());
    if (method === 'DELETE') {
      sink.clear();
      response.writeHead(204).end();
      return;
    }
    return methodNotAllowed(response, 'GET, HEAD, DELETE');
  }

  const apiMessageMatch = /^\/api\/messages\/([^/]+)$/.exec(path);
  if (apiMessageMatch) {
    if (method !== 'GET') return methodNotAllowed(response, 'GET, HEAD');
    const message = sink.message(decode(apiMessageMatch[1]));
    return message ? sendJson(response, 200, message) : sendJson(response, 404, { error: 'No such message' });
  }

  if (path === '/api/summary') {
    if (method !== 'GET') return methodNotAllowed(response, 'GET, HEAD');
    const messages = sink.messages();
    return sendJson(response, 200, { count: messages.length, latestId: messages.at(-1)?.id ?? '' });
  }

  if (path.startsWith('/api/')) return sendJson(response, 404, { error: 'Not found' });
  return sendHtml(response, 404, notFoundPage(context), nonce);
}

function isView(value: string | null): value is MessageView {
  return value === 'html' || value === 'text' || value === 'headers';
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sendHtml(response: ServerResponse, status: number, html: string, nonce: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Message HTML is shown in a sandboxed srcdoc frame, which inherits this policy: it may load
    // images, styles and fonts from anywhere, but runs no script (only ours carry the nonce).
    'Content-Security-Policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      "style-src 'unsafe-inline' *",
      'img-src * data: blob:',
      'font-src * data:',
      "connect-src 'self'",
      "base-uri 'self'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  });
  response.end(html);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

function methodNotAllowed(response: ServerResponse, allow: string): void {
  response.writeHead(405, { Allow: allow, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('Method not allowed\n');
}

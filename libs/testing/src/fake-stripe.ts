import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake received, its form body decoded into objects and arrays. */
export interface FakeStripeRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** A Checkout Session as the fake keeps it: the fields Tessera and its webhook read. */
export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  url: string;
  amount_total: number;
  amount_subtotal: number;
  currency: string;
  customer_email: string | null;
  customer_details: { email: string | null; name: string | null } | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  locale: string | null;
  success_url: string;
  cancel_url: string;
  line_items: { name: string; amount: number; currency: string; quantity: number }[];
  created: number;
  livemode: false;
}

/** A Stripe event, ready to be signed and sent to the webhook. */
export interface FakeStripeEvent {
  id: string;
  object: 'event';
  type: string;
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  data: { object: Record<string, unknown> };
}

/**
 * A local HTTP server playing the part of Stripe's API that Tessera calls — creating and reading
 * Checkout Sessions — for the real SDK, pointed at it with its `protocol`/`host`/`port` options
 * (STRIPE_API_BASE). Like Stripe, it answers a repeated Idempotency-Key with the first response.
 * It also writes the events Stripe would send about its sessions; tests sign them with the SDK's
 * `webhooks.generateTestHeaderString`.
 */
export class FakeStripe {
  readonly requests: FakeStripeRequest[] = [];
  readonly sessions = new Map<string, FakeCheckoutSession>();
  private readonly byIdempotencyKey = new Map<string, string>();
  private server: Server | null = null;
  private counter = 0;
  /** When set, the next calls answer this HTTP status with a Stripe error (an outage). */
  failWith: number | null = null;

  constructor(private readonly secretKey = 'sk_test_tessera') {}

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  /** What STRIPE_API_BASE should say. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get key(): string {
    return this.secretKey;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server)
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  /** The requests that created Checkout Sessions (idempotent replays included). */
  sessionCreations(): FakeStripeRequest[] {
    return this.requests.filter((request) => request.method === 'POST' && request.path === '/v1/checkout/sessions');
  }

  /** The member pays: the session is complete and paid (or, for a delayed method, complete and unpaid). */
  pay(sessionId: string, options: { paymentStatus?: 'paid' | 'unpaid'; payer?: string } = {}): FakeCheckoutSession {
    const session = this.session(sessionId);
    session.status = 'complete';
    session.payment_status = options.paymentStatus ?? 'paid';
    session.payment_intent ??= this.nextId('pi_test');
    session.customer_details = { email: session.customer_email, name: options.payer ?? null };
    return session;
  }

  /** `checkout.session.completed` (or another `checkout.session.*` type) about a session as it stands. */
  sessionEvent(sessionId: string, type = 'checkout.session.completed'): FakeStripeEvent {
    return this.event(type, { ...this.session(sessionId) });
  }

  /** `charge.refunded` for the charge of a paid session: in full unless `amountRefunded` says less. */
  refundEvent(sessionId: string, amountRefunded?: number): FakeStripeEvent {
    const session = this.session(sessionId);
    if (!session.payment_intent) throw new Error(`Session ${sessionId} was not paid`);
    const refunded = amountRefunded ?? session.amount_total;
    return this.event('charge.refunded', {
      id: `ch_${session.payment_intent.slice(3)}`,
      object: 'charge',
      amount: session.amount_total,
      amount_captured: session.amount_total,
      amount_refunded: refunded,
      refunded: refunded >= session.amount_total,
      captured: true,
      paid: true,
      currency: session.currency,
      payment_intent: session.payment_intent,
      metadata: session.metadata,
      status: 'succeeded',
    });
  }

  /** Any event, e.g. of a type Tessera ignores. */
  event(type: string, object: Record<string, unknown>): FakeStripeEvent {
    return {
      id: this.nextId('evt_test'),
      object: 'event',
      type,
      api_version: '2025-01-01',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object },
    };
  }

  private session(id: string): FakeCheckoutSession {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`The fake Stripe has no session ${id}`);
    return session;
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${Date.now().toString(36)}${String(this.counter).padStart(6, '0')}`;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake-stripe');
    const text = await readBody(request);
    const recorded: FakeStripeRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      headers: request.headers,
      body: decodeForm(text),
    };
    this.requests.push(recorded);
    if (request.headers.authorization !== `Bearer ${this.secretKey}`)
      return send(response, 401, stripeError('invalid_request_error', 'Invalid API Key provided.'));
    if (this.failWith !== null) return send(response, this.failWith, stripeError('api_error', 'The fake is down.'));
    if (recorded.method === 'POST' && recorded.path === '/v1/checkout/sessions') {
      const key = headerOf(request, 'idempotency-key');
      const known = key ? this.byIdempotencyKey.get(key) : undefined;
      if (known) return send(response, 200, this.sessions.get(known), { 'idempotent-replayed': 'true' });
      const session = this.createSession(recorded.body);
      if (key) this.byIdempotencyKey.set(key, session.id);
      return send(response, 200, session);
    }
    const read = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(recorded.path);
    if (recorded.method === 'GET' && read) {
      const session = this.sessions.get(decodeURIComponent(read[1]));
      return session
        ? send(response, 200, session)
        : send(response, 404, stripeError('invalid_request_error', `No such checkout.session: '${read[1]}'`));
    }
    send(
      response,
      404,
      stripeError('invalid_request_error', `Unrecognized request URL (${recorded.method}: ${url.pathname}).`),
    );
  }

  private createSession(body: Record<string, unknown>): FakeCheckoutSession {
    const items = (body.line_items ?? []) as {
      quantity?: string;
      price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } };
    }[];
    const lines = items.map((item) => ({
      name: item.price_data?.product_data?.name ?? '',
      amount: Number(item.price_data?.unit_amount ?? 0),
      currency: item.price_data?.currency ?? '',
      quantity: Number(item.quantity ?? 1),
    }));
    const total = lines.reduce((sum, line) => sum + line.amount * line.quantity, 0);
    const id = this.nextId('cs_test');
    const session: FakeCheckoutSession = {
      id,
      object: 'checkout.session',
      mode: String(body.mode ?? 'payment'),
      status: 'open',
      payment_status: 'unpaid',
      url: `${this.baseUrl}/pay/${id}`,
      amount_total: total,
      amount_subtotal: total,
      currency: lines[0]?.currency ?? 'eur',
      customer_email: (body.customer_email as string | undefined) ?? null,
      customer_details: null,
      client_reference_id: (body.client_reference_id as string | undefined) ?? null,
      metadata: (body.metadata ?? {}) as Record<string, string>,
      payment_intent: null,
      locale: (body.locale as string | undefined) ?? null,
      success_url: String(body.success_url ?? ''),
      cancel_url: String(body.cancel_url ?? ''),
      line_items: lines,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
    };
    this.sessions.set(id, session);
    return session;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_fake', ...headers });
  response.end(JSON.stringify(body));
}

function stripeError(type: string, message: string) {
  return { error: { type, message } };
}

/**
 * The SDK's form encoding (`line_items[0][price_data][currency]=eur`) back into objects; keys that
 * are all indexes become arrays.
 */
export function decodeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const [rawKey, rawValue = ''] = pair.split('=');
    const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    if (path.some((part) => part === '__proto__' || part === 'constructor' || part === 'prototype')) continue;
    let node = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return arraysOf(root) as Record<string, unknown>;
}

function arraysOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, child]) => [key, arraysOf(child)] as const,
  );
  if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key)))
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => child);
  return Object.fromEntries(entries);
}

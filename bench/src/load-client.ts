import { connect, type Socket } from 'node:net';

interface Pending {
  resolve(answer: { status: number; body: string }): void;
  reject(error: Error): void;
}

/**
 * One keep-alive HTTP/1.1 connection that sends requests one after another and reads each
 * answer by its Content-Length. Load equipment, not a general client: the load generator shares
 * this machine's two cores with the API and the database, and Node's own http client cost it
 * ~0.6 ms of CPU per request (fetch with FormData ~1.2 ms) — CPU the API's rate then paid for,
 * where a load tool on another machine would take none. This one costs ~0.15 ms.
 */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending?: Pending;
  /** The server closed it (e.g. its keep-alive timeout, 72 s in Fastify, while a bench waited). */
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.pending?.reject(error));
    socket.on('close', () => {
      this.closed = true;
      this.pending?.reject(new Error('the connection closed'));
    });
  }

  static open(port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new Connection(socket)));
      socket.once('error', reject);
    });
  }

  send(request: Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = this.buffer.subarray(0, headerEnd).toString('latin1');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    const end = headerEnd + 4 + length;
    if (this.buffer.length < end) return;
    const body = this.buffer.subarray(headerEnd + 4, end).toString('utf8');
    this.buffer = this.buffer.subarray(end);
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve({ status: Number(head.slice(9, 12)), body });
  }
}

/** A pool of `size` connections; each task takes one, so at most `size` requests are in flight. */
export class LoadClient {
  private readonly idle: Connection[] = [];

  private constructor(private readonly port: number) {}

  static async open(port: number, size: number): Promise<LoadClient> {
    const client = new LoadClient(port);
    for (let i = 0; i < size; i++) client.idle.push(await Connection.open(port));
    return client;
  }

  /** POSTs `body` to `path` (e.g. /api/v1/applications) with these headers. */
  post(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    return this.send('POST', path, body, headers);
  }

  /** GETs `path` with these headers. */
  get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    return this.send('GET', path, null, headers);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: Buffer | null,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: string }> {
    let connection = this.idle.pop();
    while (connection?.closed) connection = this.idle.pop();
    connection ??= await Connection.open(this.port);
    const head = [
      `${method} ${path} HTTP/1.1`,
      `host: 127.0.0.1:${this.port}`,
      ...Object.entries(body ? { ...headers, 'content-length': String(body.length) } : headers).map(
        ([name, value]) => `${name}: ${value}`,
      ),
    ].join('\r\n');
    try {
      const request = Buffer.from(`${head}\r\n\r\n`, 'latin1');
      return await connection.send(body ? Buffer.concat([request, body]) : request);
    } finally {
      this.idle.push(connection);
    }
  }

  close(): void {
    for (const connection of this.idle.splice(0)) connection.close();
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';

export interface RedisServerOptions {
  /** Port to listen on; by default a free one is picked on the first start and kept for restarts. */
  port?: number;
  /** Interface to listen on, 127.0.0.1 by default. */
  host?: string;
  /** The redis-server binary, `redis-server` (from PATH) by default. */
  binary?: string;
  /** How long to wait for the server to accept connections, 10 s by default. */
  startTimeoutMs?: number;
}

/**
 * A disposable, in-memory `redis-server` process of its own, for tests that take Redis down and
 * bring it back without disturbing the shared Redis. Nothing is persisted: after `restart()` the
 * server is empty, on the same port, so clients reconnect to it.
 */
export class RedisServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  private boundPort: number | undefined;
  private output = '';
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  constructor(private readonly options: RedisServerOptions = {}) {}

  get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  /** The port; known after the first `start()`, and kept while stopped. */
  get port(): number {
    if (this.boundPort === undefined) throw new Error('RedisServer was never started: call start() first');
    return this.boundPort;
  }

  /** `redis://host:port`, ready for REDIS_URL (also valid while the server is stopped). */
  get url(): string {
    return `redis://${this.host}:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  async start(): Promise<this> {
    if (this.child) throw new Error('RedisServer is already running');
    const fixed = this.boundPort ?? this.options.port;
    for (let tries = 0; ; tries++) {
      const port = fixed ?? (await freePort(this.host));
      try {
        await this.spawn(port);
        this.boundPort = port;
        return this;
      } catch (error) {
        // Someone took the free port between our probe and redis binding it: pick another.
        if (fixed !== undefined || tries >= 3 || !/address already in use/i.test(this.output)) throw error;
      }
    }
  }

  /** Stops the server (SIGTERM, SIGKILL after 5 s) and waits until the process has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }

  /** Stops and starts again on the same port, empty. */
  async restart(): Promise<this> {
    await this.stop();
    return this.start();
  }

  private spawn(port: number): Promise<void> {
    this.output = '';
    const child = spawn(
      this.options.binary ?? 'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        this.host,
        '--save',
        '',
        '--appendonly',
        'no',
        '--protected-mode',
        'no',
        '--dir',
        tmpdir(),
        '--loglevel',
        'notice',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    process.once('exit', this.killOnExit);
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        process.off('exit', this.killOnExit);
        if (this.child === child) this.child = undefined;
        resolve();
      });
    });

    return new Promise<void>((resolve, reject) => {
      const timeoutMs = this.options.startTimeoutMs ?? 10_000;
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const onData = (chunk: Buffer) => {
        this.output = (this.output + chunk.toString()).slice(-10_000);
        if (/Ready to accept connections/.test(this.output)) settle();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (error) => settle(new Error(`Cannot run redis-server: ${error.message}`)));
      child.once('exit', (code, signal) =>
        settle(new Error(`redis-server exited (${signal ?? `code ${code}`}) before it was ready:\n${this.output}`)),
      );
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        settle(new Error(`redis-server was not ready after ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
    });
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

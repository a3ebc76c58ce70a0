import Redis from 'ioredis';
import { RedisServer } from './redis-server';

jest.setTimeout(20_000);

const ready = (client: Redis) =>
  new Promise<void>((resolve) => (client.status === 'ready' ? resolve() : client.once('ready', () => resolve())));

describe('RedisServer', () => {
  const server = new RedisServer();

  afterAll(() => server.stop());

  it('starts an empty redis-server of its own, stops it, and restarts it empty on the same port', async () => {
    expect(() => server.url).toThrow(/never started/);
    await server.start();
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(server.port).not.toBe(6379);

    const client = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => 50, lazyConnect: true });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.set('key', 'value');
      expect(await client.get('key')).toBe('value');

      const port = server.port;
      await server.stop();
      expect(server.running).toBe(false);
      await expect(client.get('key')).rejects.toThrow();

      await server.start();
      expect(server.port).toBe(port);
      await ready(client);
      expect(await client.get('key')).toBeNull();

      await server.restart();
      expect(server.port).toBe(port);
      expect(server.running).toBe(true);
      await ready(client);
    } finally {
      await client.quit().catch(() => client.disconnect());
    }
  });

  it('refuses to start twice', async () => {
    if (!server.running) await server.start();
    await expect(server.start()).rejects.toThrow(/already running/);
  });
});

import type { Server } from 'node:http';
import { catcherSink } from './catcher-sink';
import { createInboxServer } from './inbox-server';

/**
 * Local mail catcher: point SMTP_URL at smtp://127.0.0.1:1025 and read the mail at
 * http://127.0.0.1:1080. Settings: MAILCATCHER_SMTP_PORT (1025), MAILCATCHER_HTTP_PORT (1080),
 * MAILCATCHER_HOST (127.0.0.1; 0.0.0.0 to accept mail from containers). Keeps the last 1000 messages,
 * each Message-ID once (see catcherSink).
 */
async function main(): Promise<void> {
  const host = process.env.MAILCATCHER_HOST?.trim() || '127.0.0.1';
  const smtpPort = portFromEnv('MAILCATCHER_SMTP_PORT', 1025);
  const httpPort = portFromEnv('MAILCATCHER_HTTP_PORT', 1080);

  const sink = catcherSink({ host, port: smtpPort });
  await sink.start().catch((error: unknown) => {
    throw new Error(describeListenError(error, 'SMTP', host, smtpPort, 'MAILCATCHER_SMTP_PORT'));
  });
  const server = createInboxServer({ sink, smtpAddress: `${host}:${sink.port}` });
  const boundHttpPort = await listen(server, host, httpPort).catch(async (error: unknown) => {
    await sink.stop();
    throw new Error(describeListenError(error, 'HTTP', host, httpPort, 'MAILCATCHER_HTTP_PORT'));
  });

  const anyInterface = host === '0.0.0.0' || host === '::';
  const browserHost = anyInterface ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  console.log(`Mail catcher: SMTP ${host}:${sink.port}, inbox http://${browserHost}:${boundHttpPort}`);
  sink.onMessage((message) => {
    const time = message.date.toTimeString().slice(0, 8);
    console.log(`${time}  ${message.to.join(', ')}  ${JSON.stringify(message.subject)}`);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second Ctrl-C does not wait
    stopping = true;
    console.log(`Mail catcher: ${signal}, stopping`);
    setTimeout(() => process.exit(0), 3000).unref();
    server.close();
    server.closeAllConnections();
    sink.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`${name} must be a port number (0-65535), not "${raw}"`);
  return port;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function describeListenError(error: unknown, what: string, host: string, port: number, variable: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `${what} port ${host}:${port} is already in use (choose another with ${variable})`;
  if (code === 'EACCES')
    return `not allowed to listen on ${what} port ${host}:${port} (choose another with ${variable})`;
  return `cannot listen for ${what} on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
}

main().catch((error: unknown) => {
  console.error(`Mail catcher could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import type { AddressInfo } from 'node:net';
import { createConnection } from 'node:net';
import type { Server } from 'node:http';
import type { SmtpSink } from '@tessera/testing';
import { catcherSink } from './catcher-sink';
import { createInboxServer } from './inbox-server';
import { escapeHtml } from './pages';

describe('mail catcher inbox', () => {
  let sink: SmtpSink;
  let server: Server;
  let base: string;

  beforeEach(async () => {
    sink = await catcherSink().start();
    server = createInboxServer({ sink, smtpAddress: `127.0.0.1:${sink.port}` });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await sink.stop();
  });

  const hostile = `<img src=x onerror="alert(1)"> & 'quotes'`;

  async function sendHostileMail(): Promise<string> {
    await sendMail(sink.port, {
      from: 'Tessera <no-reply@tessera.test>',
      to: 'ann@example.org',
      subject: hostile,
      text: 'Activate: https://tessera.test/activate?token=a&b=1 <now>',
      html: '<html><head><title>x</title></head><body><p>Hello</p><script>alert("in mail")</script></body></html>',
    });
    return sink.messages()[0].id;
  }

  it('shows an empty inbox with a strict content security policy', async () => {
    const response = await fetch(`${base}/`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('No mail yet');
    const nonce = /script-src 'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script nonce="${nonce}">`);
  });

  it('lists messages newest first with everything escaped', async () => {
    const id = await sendHostileMail();
    await sendMail(sink.port, { from: 'a@example.org', to: 'bob@example.org', subject: 'Second', text: 'two' });

    const html = await (await fetch(`${base}/`)).text();
    expect(html).not.toContain(hostile);
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain(`href="/messages/${id}"`);
    expect(html.indexOf('Second')).toBeLessThan(html.indexOf(escapeHtml(hostile)));
  });

  it('shows a message in a sandboxed frame that cannot run scripts', async () => {
    const id = await sendHostileMail();
    const html = await (await fetch(`${base}/messages/${id}`)).text();

    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain(hostile);
    const frame = /<iframe[^>]*>/.exec(html)?.[0] ?? '';
    expect(frame).toMatch(/sandbox="[^"]*"/);
    expect(frame).not.toContain('allow-scripts');
    const srcdoc = /srcdoc="([^"]*)"/.exec(frame)?.[1] ?? '';
    expect(srcdoc).toContain('&lt;head&gt;&lt;base target=&quot;_blank&quot;&gt;&lt;title&gt;');
    expect(html).toContain('Tessera &lt;no-reply@tessera.test&gt;');
    expect(html).toContain('ann@example.org');
  });

  it('shows the text part with its links', async () => {
    const id = await sendHostileMail();
    const html = await (await fetch(`${base}/messages/${id}?view=text`)).text();
    expect(html).toContain(
      'Activate: <a href="https://tessera.test/activate?token=a&amp;b=1" target="_blank" rel="noreferrer">' +
        'https://tessera.test/activate?token=a&amp;b=1</a> &lt;now&gt;',
    );
    expect(html).not.toContain('<iframe');
  });

  it('shows the headers', async () => {
    const id = await sendHostileMail();
    const html = await (await fetch(`${base}/messages/${id}?view=headers`)).text();
    expect(html).toContain(`<tr><th>subject</th><td>${escapeHtml(hostile)}</td></tr>`);
  });

  it('serves the messages as JSON and clears them', async () => {
    await sendHostileMail();
    await sendMail(sink.port, { from: 'a@example.org', to: 'bob@example.org', subject: 'Second', text: 'two' });

    const list = (await (await fetch(`${base}/api/messages`)).json()) as Array<{
      id: string;
      subject: string;
      date: string;
    }>;
    expect(list.map((m) => m.subject)).toEqual(['Second', hostile]);
    expect(new Date(list[0].date).toISOString()).toBe(list[0].date);
    await expect((await fetch(`${base}/api/messages/${list[1].id}`)).json()).resolves.toMatchObject({
      subject: hostile,
    });
    await expect((await fetch(`${base}/api/summary`)).json()).resolves.toEqual({ count: 2, latestId: list[0].id });

    const cleared = await fetch(`${base}/api/messages`, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    await expect((await fetch(`${base}/api/messages`)).json()).resolves.toEqual([]);
    await expect((await fetch(`${base}/api/summary`)).json()).resolves.toEqual({ count: 0, latestId: '' });
  });

  it('shows a message sent again with the same Message-ID once, and accepts both', async () => {
    const mail = { from: 'no-reply@tessera.test', to: 'ann@example.org', text: 'hello' };
    const messageId = '<0b7c8e52-5a1e-4c38-9d7e-4f4b2f1a9c11@tessera.test>';
    await sendMail(sink.port, { ...mail, subject: 'Welcome', messageId });
    await sendMail(sink.port, { ...mail, subject: 'Welcome', messageId }); // rejecting it would make us retry
    await sendMail(sink.port, { ...mail, subject: 'Other', messageId: '<other@tessera.test>' });
    await sendMail(sink.port, { ...mail, subject: 'No id' });
    await sendMail(sink.port, { ...mail, subject: 'No id' });

    const list = (await (await fetch(`${base}/api/messages`)).json()) as { subject: string }[];
    expect(list.map((m) => m.subject)).toEqual(['No id', 'No id', 'Other', 'Welcome']);
  });

  it('answers unknown messages with 404 and wrong methods with 405', async () => {
    expect((await fetch(`${base}/messages/nope`)).status).toBe(404);
    expect((await fetch(`${base}/api/messages/nope`)).status).toBe(404);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    const post = await fetch(`${base}/api/messages`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, DELETE');
  });
});

/** Sends a multipart/alternative message over a plain SMTP conversation. */
function sendMail(
  port: number,
  mail: { from: string; to: string; subject: string; text: string; html?: string; messageId?: string },
): Promise<void> {
  const boundary = 'b-' + Math.random().toString(36).slice(2);
  const encode = (value: string) => `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;
  const part = (type: string, body: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
    `${Buffer.from(body).toString('base64')}\r\n`;
  const message =
    `From: ${mail.from}\r\nTo: ${mail.to}\r\nSubject: ${encode(mail.subject)}\r\nMIME-Version: 1.0\r\n` +
    (mail.messageId ? `Message-ID: ${mail.messageId}\r\n` : '') +
    `Content-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n` +
    part('text/plain', mail.text) +
    (mail.html ? part('text/html', mail.html) : '') +
    `--${boundary}--\r\n.`;
  const envelopeFrom = /<([^>]+)>/.exec(mail.from)?.[1] ?? mail.from;
  const commands = ['EHLO test', `MAIL FROM:<${envelopeFrom}>`, `RCPT TO:<${mail.to}>`, 'DATA', message, 'QUIT'];

  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('close', () => resolve());
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (!buffer.endsWith('\r\n')) return;
      const lastLine = buffer.trimEnd().split('\r\n').at(-1) ?? '';
      buffer = '';
      if (!/^\d{3} /.test(lastLine)) return;
      if (/^[45]/.test(lastLine)) return reject(new Error(`SMTP: ${lastLine}`));
      const next = commands.shift();
      if (next !== undefined) socket.write(`${next}\r\n`);
    });
  });
}

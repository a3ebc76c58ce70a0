import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import type * as Nodemailer from 'nodemailer';
import { extractLinks, SmtpSink } from './smtp-sink';

// nodemailer is not a dependency of @tessera/testing; smtp-server depends on it, so take that copy.
const nodemailer = require(
  require.resolve('nodemailer', { paths: [dirname(require.resolve('smtp-server'))] }),
) as typeof Nodemailer;

describe('SmtpSink', () => {
  let sink: SmtpSink;
  let transport: Nodemailer.Transporter;

  beforeEach(async () => {
    sink = await new SmtpSink().start();
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false });
  });

  afterEach(async () => {
    transport.close();
    await sink.stop();
  });

  it('listens on a random port and exposes it', () => {
    expect(sink.port).toBeGreaterThan(0);
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
  });

  it('parses a multipart message and keeps it once sendMail has resolved', async () => {
    await transport.sendMail({
      from: 'Tessera <no-reply@tessera.test>',
      to: 'Ann Member <ann@example.org>',
      cc: 'office@example.org',
      bcc: 'audit@example.org',
      subject: 'Activate your account – Ünïcödé',
      text: 'Hello Ann,\nactivate: https://tessera.test/activate?token=abc&x=1.\n',
      html: '<p>Hello <b>Ann</b>, <a href="https://tessera.test/activate?token=abc&amp;x=1">activate</a></p>',
      headers: { 'X-Template': 'portal-invitation' },
      attachments: [{ filename: 'card.txt', content: 'member card' }],
    });

    const [message] = sink.messages();
    expect(sink.messages()).toHaveLength(1);
    expect(message).toMatchObject({
      from: 'no-reply@tessera.test',
      to: ['ann@example.org', 'office@example.org', 'audit@example.org'],
      subject: 'Activate your account – Ünïcödé',
      text: 'Hello Ann,\nactivate: https://tessera.test/activate?token=abc&x=1.\n',
      html: '<p>Hello <b>Ann</b>, <a href="https://tessera.test/activate?token=abc&amp;x=1">activate</a></p>',
      attachments: [{ filename: 'card.txt', contentType: 'text/plain', size: 11 }],
    });
    expect(message.id).toEqual(expect.any(String));
    expect(message.date).toBeInstanceOf(Date);
    expect(message.attachments[0].content.toString()).toBe('member card');
    expect(message.attachments[0].sha256).toBe('69333fa3aaa103d8980c39f24b9df944a545386e4d6326e7106f20fb4fb8f960');
    expect(message.headers['x-template']).toBe('portal-invitation');
    expect(message.headers.to).toBe('Ann Member <ann@example.org>');
    expect(message.headers.bcc).toBeUndefined();
    expect(sink.message(message.id)).toBe(message);
    expect(extractLinks(message)).toEqual(['https://tessera.test/activate?token=abc&x=1']);
  });

  it('leaves text or html empty when the message has no such part', async () => {
    await transport.sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'H', html: '<p>Hello</p>' });
    await transport.sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'T', text: 'Hello' });
    expect(sink.messages()).toMatchObject([
      { subject: 'H', html: '<p>Hello</p>', text: '' },
      { subject: 'T', html: '', text: 'Hello' },
    ]);
  });

  it('finds messages by recipient, ignoring case', async () => {
    await transport.sendMail({ from: 'a@example.org', to: 'Ann@Example.org', subject: 'one', text: '1' });
    await transport.sendMail({ from: 'a@example.org', to: 'bob@example.org', subject: 'two', text: '2' });
    await transport.sendMail({ from: 'a@example.org', to: 'ann@example.org', subject: 'three', text: '3' });

    expect(sink.messagesTo('ann@example.org').map((m) => m.subject)).toEqual(['one', 'three']);
    expect(sink.messagesTo('nobody@example.org')).toEqual([]);
  });

  it('clears the messages it holds', async () => {
    await transport.sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'x', text: 'x' });
    const before = sink.messages();
    sink.clear();
    expect(sink.messages()).toEqual([]);
    expect(before).toHaveLength(1);
  });

  describe('waitFor', () => {
    it('resolves at once with a message that has already arrived', async () => {
      await transport.sendMail({ from: 'a@example.org', to: 'ann@example.org', subject: 'Welcome', text: 'hi' });
      const message = await sink.waitFor((m) => m.subject === 'Welcome', { timeoutMs: 50 });
      expect(message.to).toEqual(['ann@example.org']);
    });

    it('resolves with the first matching message that arrives later', async () => {
      const waiting = sink.waitFor((m) => m.to.includes('ann@example.org'), { timeoutMs: 2000 });
      await transport.sendMail({ from: 'a@example.org', to: 'bob@example.org', subject: 'not this', text: '1' });
      await transport.sendMail({ from: 'a@example.org', to: 'ann@example.org', subject: 'this one', text: '2' });
      await transport.sendMail({ from: 'a@example.org', to: 'ann@example.org', subject: 'not this either', text: '3' });
      await expect(waiting).resolves.toMatchObject({ subject: 'this one' });
    });

    it('rejects after the timeout, listing what did arrive', async () => {
      await transport.sendMail({ from: 'a@example.org', to: 'bob@example.org', subject: 'Your receipt', text: 'x' });
      const started = Date.now();
      const error = await sink
        .waitFor((m) => m.to.includes('ann@example.org'), {
          timeoutMs: 150,
          description: 'the e-mail to ann@example.org',
        })
        .catch((e: unknown) => e as Error);

      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(
        'Timed out after 150 ms waiting for the e-mail to ann@example.org. 1 e-mail(s) were received:\n' +
          '  - to bob@example.org: "Your receipt"',
      );
    });

    it('says so when nothing arrived at all', async () => {
      await expect(sink.waitFor(() => true, { timeoutMs: 20 })).rejects.toThrow(
        'Timed out after 20 ms waiting for a matching e-mail. No e-mail was received.',
      );
    });

    it('rejects when the predicate throws', async () => {
      const rejected = expect(sink.waitFor((m) => JSON.parse(m.text) as boolean, { timeoutMs: 2000 })).rejects;
      const assertion = rejected.toThrow(SyntaxError);
      await transport.sendMail({ from: 'a@example.org', to: 'b@example.org', subject: 'x', text: 'not json' });
      await assertion;
    });

    it('rejects pending waits when the sink stops', async () => {
      const waiting = sink.waitFor(() => true, { timeoutMs: 5000 });
      await sink.stop();
      await expect(waiting).rejects.toThrow('SmtpSink was stopped while waiting for an e-mail');
    });
  });

  it('accepts a plain SMTP exchange without authentication and does not offer STARTTLS or AUTH', async () => {
    const transcript = await rawSmtp(sink.port, [
      'EHLO client.test',
      'MAIL FROM:<raw@example.org>',
      'RCPT TO:<ann@example.org>',
      'DATA',
      'Subject: Raw\r\nFrom: Raw Sender <raw@example.org>\r\n\r\nRaw body\r\n.',
      'QUIT',
    ]);
    expect(transcript).not.toMatch(/STARTTLS|AUTH/);
    expect(sink.messages()).toMatchObject([
      { from: 'raw@example.org', to: ['ann@example.org'], subject: 'Raw', text: 'Raw body', html: '' },
    ]);
  });

  it('keeps at most maxMessages, dropping the oldest', async () => {
    const small = await new SmtpSink({ maxMessages: 2 }).start();
    const smallTransport = nodemailer.createTransport({ host: '127.0.0.1', port: small.port });
    try {
      for (const subject of ['1', '2', '3']) {
        await smallTransport.sendMail({ from: 'a@example.org', to: 'b@example.org', subject, text: subject });
      }
      expect(small.messages().map((m) => m.subject)).toEqual(['2', '3']);
    } finally {
      smallTransport.close();
      await small.stop();
    }
  });

  it('refuses to report a port before it is started, and fails to start on a port in use', async () => {
    expect(() => new SmtpSink().port).toThrow('SmtpSink is not started');
    await expect(new SmtpSink({ port: sink.port }).start()).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('extractLinks', () => {
  it('finds links in HTML attributes and text, decoded and without duplicates', () => {
    const links = extractLinks({
      html:
        '<a href="https://a.test/x?one=1&amp;two=2">go</a> <a href=\'http://b.test/y\'>y</a>' +
        '<p>Or paste https://a.test/x?one=1&#38;two=2 into your browser.</p>',
      text: 'See https://c.test/path_(1) and (https://d.test/z), or <https://e.test/q>. Done: https://f.test.',
    });
    expect(links).toEqual([
      'https://a.test/x?one=1&two=2',
      'http://b.test/y',
      'https://c.test/path_(1)',
      'https://d.test/z',
      'https://e.test/q',
      'https://f.test',
    ]);
  });

  it('returns nothing for a message without links', () => {
    expect(extractLinks({ text: 'no links here', html: '' })).toEqual([]);
  });
});

/** Sends each command, waiting for the server's reply, and returns the whole transcript. */
function rawSmtp(port: number, commands: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let transcript = '';
    let pending = [...commands];
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('close', () => resolve(transcript));
    socket.on('data', (chunk: string) => {
      transcript += chunk;
      // a reply is complete when its last line has a space after the code ("250 OK")
      const lines = transcript.trimEnd().split('\r\n');
      if (!/^\d{3} /.test(lines[lines.length - 1]) || !transcript.endsWith('\r\n')) return;
      const next = pending[0];
      if (next === undefined) return;
      pending = pending.slice(1);
      socket.write(`${next}\r\n`);
    });
  });
}

import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One e-mail as received by the {@link SmtpSink}. */
export interface SinkMessage {
  /** Identifier assigned by the sink (not the Message-ID header, which is in `headers`). */
  id: string;
  /** Address of the From header, or the envelope sender (MAIL FROM) when there is none. */
  from: string;
  /** Envelope recipients (RCPT TO), so Cc and Bcc recipients are included. */
  to: string[];
  subject: string;
  /** Plain-text body as the sender passed it, or '' when the message has no text part. */
  text: string;
  /** HTML body as the sender passed it, or '' when the message has no HTML part. */
  html: string;
  /**
   * Headers by lower-case name, with encoded words (RFC 2047) decoded; a header that occurs more
   * than once is joined with ", ".
   */
  headers: Record<string, string>;
  /** When the sink received the message (the Date header is in `headers.date`). */
  date: Date;
  attachments: SinkAttachment[];
}

export interface SinkAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  /** The decoded bytes, and their hex SHA-256 (to check a file arrived intact). */
  content: Buffer;
  sha256: string;
}

export interface SmtpSinkOptions {
  /** Port to listen on; 0 (the default) picks a free one, read it from `.port` after `start()`. */
  port?: number;
  /** Interface to listen on, 127.0.0.1 by default. */
  host?: string;
  /** Keep at most this many messages, dropping the oldest (unlimited by default). */
  maxMessages?: number;
  /**
   * Accept a message whose Message-ID was already received, but keep only the first, as receiving
   * servers do (Tessera sends a message again with the same Message-ID). Off by default, so tests
   * see every delivery.
   */
  dropDuplicates?: boolean;
  /** Runs once a message is stored, before the server answers the client (to inject faults). */
  beforeReply?: (message: SinkMessage) => Promise<void> | void;
}

export interface WaitForOptions {
  /** How long to wait, 5000 ms by default. */
  timeoutMs?: number;
  /** What is being waited for, used in the timeout error ("the activation e-mail to ann@x.org"). */
  description?: string;
}

type Waiter = {
  predicate: (message: SinkMessage) => boolean;
  resolve: (message: SinkMessage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/**
 * An SMTP server that accepts every message (no TLS, no authentication), parses it and keeps it
 * in memory. Used by end-to-end tests and by the local mail catcher.
 *
 * A message is stored before the server acknowledges it, so once a client's `sendMail()` has
 * resolved the message is already in `messages()`.
 */
export class SmtpSink {
  private readonly options: Required<Omit<SmtpSinkOptions, 'beforeReply'>> & Pick<SmtpSinkOptions, 'beforeReply'>;
  private readonly messageIds = new Set<string>();
  private server: SMTPServer | undefined;
  private boundPort: number | undefined;
  private readonly received: SinkMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<(message: SinkMessage) => void>();

  constructor(options: SmtpSinkOptions = {}) {
    this.options = {
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      maxMessages: options.maxMessages ?? Number.POSITIVE_INFINITY,
      dropDuplicates: options.dropDuplicates ?? false,
      beforeReply: options.beforeReply,
    };
  }

  /** The port the server listens on; only known after `start()`. */
  get port(): number {
    if (this.boundPort === undefined) throw new Error('SmtpSink is not started: call start() first');
    return this.boundPort;
  }

  get host(): string {
    return this.options.host;
  }

  /** `smtp://host:port`, ready for SMTP_URL. */
  get url(): string {
    return `smtp://${this.options.host}:${this.port}`;
  }

  async start(): Promise<this> {
    if (this.server) throw new Error('SmtpSink is already started');
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      allowInsecureAuth: true,
      logger: false,
      banner: 'Tessera SMTP sink',
      closeTimeout: 1000,
      disableReverseLookup: true,
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      server.once('error', onError);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', onError);
        resolve();
      });
    });
    // Errors on single connections (a client hanging up mid-message) must not crash the process.
    server.on('error', () => undefined);
    this.server = server;
    this.boundPort = (server.server.address() as AddressInfo).port;
    return this;
  }

  /** Stops the server; waits that are still pending are rejected. Messages are kept. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.boundPort = undefined;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('SmtpSink was stopped while waiting for an e-mail'));
    }
    this.waiters.clear();
    if (!server) return;
    await new Promise<void>((resolve) => {
      let done = false;
      server.close(() => {
        if (!done) {
          done = true;
          resolve();
        }
      });
    });
  }

  /** All messages received so far, oldest first (a copy: later messages do not change it). */
  messages(): SinkMessage[] {
    return [...this.received];
  }

  message(id: string): SinkMessage | undefined {
    return this.received.find((message) => message.id === id);
  }

  /** Messages whose envelope recipients include `email` (case-insensitive), oldest first. */
  messagesTo(email: string): SinkMessage[] {
    const wanted = email.trim().toLowerCase();
    return this.received.filter((message) => message.to.some((to) => to.toLowerCase() === wanted));
  }

  clear(): void {
    this.received.length = 0;
    this.messageIds.clear();
  }

  /**
   * Resolves with the first message, already received or arriving later, for which `predicate`
   * is true. Rejects after `timeoutMs` (5000 by default) with an error that lists what did arrive,
   * and at once if the predicate throws.
   */
  waitFor(predicate: (message: SinkMessage) => boolean, options: WaitForOptions = {}): Promise<SinkMessage> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const description = options.description ?? 'a matching e-mail';
    return new Promise<SinkMessage>((resolve, reject) => {
      try {
        const existing = this.received.find(predicate);
        if (existing) return resolve(existing);
      } catch (error) {
        return reject(error);
      }
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}. ${this.describeReceived()}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Calls `listener` for every message received from now on; returns a function that unsubscribes. */
  onMessage(listener: (message: SinkMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const email = await PostalMime.parse(raw);

    const headers: Record<string, string> = {};
    for (const header of email.headers) {
      const { key } = header;
      const value = PostalMime.decodeWords(header.value);
      headers[key] = Object.hasOwn(headers, key) ? `${headers[key]}, ${value}` : value;
    }
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const message: SinkMessage = {
      id: randomUUID(),
      from: email.from?.address ?? email.from?.group?.[0]?.address ?? envelopeFrom,
      to: session.envelope.rcptTo.map((recipient) => recipient.address),
      subject: email.subject ?? '',
      text: withoutFinalLineBreak(email.text),
      html: withoutFinalLineBreak(email.html),
      headers,
      date: new Date(),
      attachments: email.attachments.map((attachment) => {
        const content = bytesOf(attachment.content);
        return {
          filename: attachment.filename,
          contentType: attachment.mimeType,
          size: content.length,
          content,
          sha256: createHash('sha256').update(content).digest('hex'),
        };
      }),
    };
    if (this.store(message)) await this.options.beforeReply?.(message);
  }

  /** Keeps the message; false when it is a duplicate that is dropped. */
  private store(message: SinkMessage): boolean {
    const messageId = message.headers['message-id'];
    if (this.options.dropDuplicates && messageId) {
      if (this.messageIds.has(messageId)) return false;
      this.messageIds.add(messageId);
    }
    this.received.push(message);
    while (this.received.length > this.options.maxMessages) {
      const dropped = this.received.shift();
      this.messageIds.delete(dropped?.headers['message-id'] ?? '');
    }
    for (const waiter of [...this.waiters]) {
      let matches: boolean;
      try {
        matches = waiter.predicate(message);
      } catch (error) {
        this.settle(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matches) {
        this.settle(waiter);
        waiter.resolve(message);
      }
    }
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // a listener's failure is its own business; the message is stored and acknowledged
      }
    }
    return true;
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }

  private describeReceived(): string {
    if (this.received.length === 0) return 'No e-mail was received.';
    const lines = this.received.map(
      (message) => `  - to ${message.to.join(', ') || '(nobody)'}: ${JSON.stringify(message.subject)}`,
    );
    return `${this.received.length} e-mail(s) were received:\n${lines.join('\n')}`;
  }
}

/** postal-mime ends every body part with a line break of its own; drop it. */
function withoutFinalLineBreak(body: string | undefined): string {
  return (body ?? '').replace(/\r?\n$/, '');
}

function bytesOf(content: ArrayBuffer | Uint8Array | string): Buffer {
  if (typeof content === 'string') return Buffer.from(content);
  return content instanceof ArrayBuffer
    ? Buffer.from(content)
    : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;

/**
 * The http(s) URLs in a message's HTML (including href attributes, with entities such as `&amp;`
 * decoded) and text, without duplicates, in order of appearance (HTML first).
 */
export function extractLinks(message: Pick<SinkMessage, 'text' | 'html'>): string[] {
  const links = new Set<string>();
  for (const source of [decodeHtmlEntities(message.html ?? ''), message.text ?? '']) {
    for (const match of source.matchAll(URL_PATTERN)) links.add(trimUrl(match[0]));
  }
  return [...links];
}

/** Drops punctuation that ends a sentence rather than the URL, and unbalanced closing brackets. */
function trimUrl(url: string): string {
  let result = url;
  for (;;) {
    const last = result.at(-1);
    if (last && '.,;:!?'.includes(last)) {
      result = result.slice(0, -1);
    } else if (
      (last === ')' && count(result, '(') < count(result, ')')) ||
      (last === ']' && count(result, '[') < count(result, ']'))
    ) {
      result = result.slice(0, -1);
    } else {
      return result;
    }
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeHtmlEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

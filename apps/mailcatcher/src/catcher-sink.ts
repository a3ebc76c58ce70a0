import { SmtpSink } from '@tessera/testing';

/**
 * The catcher's SMTP side: the last 1000 messages, each Message-ID once. Tessera sends an e-mail
 * again, with the same Message-ID, when it could not record that the first one went out; like a
 * receiving server, the catcher accepts the copy and drops it.
 */
export function catcherSink(options: { host?: string; port?: number } = {}): SmtpSink {
  return new SmtpSink({ ...options, maxMessages: 1000, dropDuplicates: true });
}

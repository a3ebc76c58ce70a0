import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tessera/core';
import { createTransport } from 'nodemailer';

export interface MailToSend {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** `<unique@domain>`, kept the same when the message is sent again. */
  messageId: string;
  headers?: Record<string, string>;
  /** Files with their bytes, as nodemailer takes them. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** The way out to SMTP. A class so tests and other transports can stand in for it. */
export abstract class MailTransport {
  /** Resolves once the SMTP server has accepted the message; rejects otherwise. */
  abstract send(mail: MailToSend): Promise<void>;
}

/** One pooled SMTP transport per process, built from SMTP_URL and closed on shutdown. */
@Injectable()
export class SmtpMailTransport extends MailTransport implements OnApplicationShutdown {
  private readonly transporter;

  constructor(config: AppConfig) {
    super();
    this.transporter = createTransport({
      url: config.SMTP_URL,
      pool: true,
      maxConnections: 5,
      // Fail an attempt in seconds, not minutes: the queue retries with backoff.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: MailToSend): Promise<void> {
    await this.transporter.sendMail(mail);
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { FileStorage, Transactions } from '@tessera/core';
import { SmtpSink, waitUntil } from '@tessera/testing';
import { ListEmailsQueryDto } from '../dto/list-emails-query.dto';
import { EmailLogService } from '../email-log.service';
import { MailService } from '../mail.service';
import type { EmailAttachment } from '../mail.types';
import { bootEmailWorker, emailRow, fastEmailQueue, resetData, sleep, uniqueAddress } from './notifications-testing';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Stored files attached to e-mails: read from FileStorage at delivery, sent intact over real SMTP. */
describe('E-mail attachments', () => {
  let sink: SmtpSink;
  let app: TestingModule;
  let storage: FileStorage;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    const storageDir = mkdtempSync(join(tmpdir(), 'tessera-mail-attachments-'));
    // Five attempts, so a failure that were retried would show in `attempts`.
    app = await bootEmailWorker({ SMTP_URL: sink.url, STORAGE_DIR: storageDir }, fastEmailQueue(5, 50));
    storage = app.get(FileStorage);
  });

  afterAll(async () => {
    await app?.close();
    await sink.stop();
  });

  const send = (to: string, attachments: EmailAttachment[]) =>
    app
      .get(Transactions)
      .run(() =>
        app.get(MailService).send({ to, template: 'password-reset', locale: 'en', data: resetData(), attachments }),
      );

  it('sends the stored files with the e-mail, byte for byte, and names them in the mail log', async () => {
    // Binary content of every byte value, across several base64 lines.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(70_000)]);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(3000)]);
    const storedPdf = await storage.save(pdf, 'pdf');
    const storedPng = await storage.save(png, 'png');
    const to = uniqueAddress('invoice');
    const id = await send(to, [
      { filename: 'INV-2026-000001.pdf', storageKey: storedPdf.key, contentType: 'application/pdf' },
      { filename: 'Logo éléphant.png', storageKey: storedPng.key, contentType: 'image/png' },
    ]);

    const message = await sink.waitFor((m) => m.to.includes(to), { description: 'the e-mail with attachments' });
    expect(
      message.attachments.map(({ filename, contentType, size, sha256: hash }) => ({
        filename,
        contentType,
        size,
        hash,
      })),
    ).toEqual([
      { filename: 'INV-2026-000001.pdf', contentType: 'application/pdf', size: pdf.length, hash: sha256(pdf) },
      { filename: 'Logo éléphant.png', contentType: 'image/png', size: png.length, hash: sha256(png) },
    ]);
    expect(message.attachments[0].content.equals(pdf)).toBe(true);

    const row = await waitUntil(async () => {
      const current = await emailRow(app, id);
      return current?.state === 'sent' && current;
    });
    expect((row as unknown as { attachments: EmailAttachment[] }).attachments).toEqual([
      { filename: 'INV-2026-000001.pdf', storageKey: storedPdf.key, contentType: 'application/pdf' },
      { filename: 'Logo éléphant.png', storageKey: storedPng.key, contentType: 'image/png' },
    ]);
    const log = await app.get(EmailLogService).list(Object.assign(new ListEmailsQueryDto(), { recipient: to }));
    expect(log.items.map((email) => email.attachments)).toEqual([['INV-2026-000001.pdf', 'Logo éléphant.png']]);
  });

  it('sends an e-mail without attachments as before', async () => {
    const to = uniqueAddress('plain');
    await send(to, []);
    const message = await sink.waitFor((m) => m.to.includes(to));
    expect(message.attachments).toEqual([]);
  });

  it('fails an e-mail whose file is gone from storage at once, records why, and sends nothing', async () => {
    const stored = await storage.save(Buffer.from('%PDF-1.4 soon gone'), 'pdf');
    await storage.remove([stored.key]);
    const to = uniqueAddress('missing');
    const id = await send(to, [
      { filename: 'INV-2026-000002.pdf', storageKey: stored.key, contentType: 'application/pdf' },
    ]);

    const row = await waitUntil(async () => {
      const current = await emailRow(app, id);
      return current?.state === 'failed' && current;
    });
    expect(row).toMatchObject({ attempts: 1, next_attempt_at: null, sent_at: null });
    expect(row.last_error).toBe('Attachment "INV-2026-000002.pdf" is not in storage (ENOENT)');
    // Not retried: the attempts stay at one while retries would have run.
    await sleep(500);
    expect((await emailRow(app, id))?.attempts).toBe(1);
    expect(sink.messagesTo(to)).toEqual([]);
  });

  it('refuses an attachment without a name or a content type in the caller', async () => {
    const stored = await storage.save(Buffer.from('%PDF-1.4'), 'pdf');
    await expect(
      send('x@example.test', [{ filename: '../x.pdf', storageKey: stored.key, contentType: 'application/pdf' }]),
    ).rejects.toThrow(/Invalid attachment file name/);
    await expect(
      send('x@example.test', [{ filename: 'x.pdf', storageKey: stored.key, contentType: '' }]),
    ).rejects.toThrow(/needs a storage key and a content type/);
  });
});

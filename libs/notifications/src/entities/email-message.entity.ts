import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EmailState } from '../email-state';
import type { EmailAttachment, Locale } from '../mail.types';

/** One e-mail of the mail log: what was asked for, and what happened to it. */
@Entity('email_messages')
export class EmailMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text' })
  locale: Locale;

  /** Template data without the secrets. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  /** Secret template data (one-time links), erased once the e-mail is sent. */
  @Column({ type: 'jsonb', nullable: true })
  secrets: Record<string, unknown> | null;

  @Column({ name: 'secrets_erased_at', type: 'timestamptz', nullable: true })
  secretsErasedAt: Date | null;

  /** Stored files sent with it (names and keys only; the bytes stay in FileStorage). */
  @Column({ type: 'jsonb' })
  attachments: EmailAttachment[];

  @Column({ type: 'text' })
  state: EmailState;

  /** Rendered subject, known after the first delivery attempt. */
  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** When a deferred e-mail's next delivery attempt is due. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** The Message-ID it was sent with, `<id@domain>`: the same on every attempt, so receivers can drop a duplicate. */
  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  /** A worker delivering this e-mail holds it until then, so two jobs never send it twice at once. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}

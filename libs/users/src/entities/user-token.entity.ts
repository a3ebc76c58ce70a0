import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type UserTokenPurpose = 'password-reset' | 'activation' | 'email-change';

/** A single-use, expiring link token (reset, activation, e-mail change), stored only as its SHA-256. */
@Entity('user_tokens')
export class UserToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  purpose: UserTokenPurpose;

  @Column({ name: 'token_hash' })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** The sign-in address an `email-change` token confirms (normalised); null for other purposes. */
  @Column({ name: 'new_email', type: 'text', nullable: true })
  newEmail: string | null;

  /** Set when used, or when a newer token of the same purpose supersedes it. */
  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt: Date | null;
}

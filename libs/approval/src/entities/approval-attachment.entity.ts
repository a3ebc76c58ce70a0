import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AllowedContentType } from '@tessera/core';

/** A document attached to a request; its bytes are in FileStorage under `storageKey`. */
@Entity('approval_attachments')
export class ApprovalAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  /** The uploaded name, sanitised, with the extension of the detected type. */
  @Column({ type: 'text' })
  filename: string;

  /** Decided from the bytes. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: AllowedContentType;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'uploaded_by_name', type: 'text' })
  uploadedByName: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}

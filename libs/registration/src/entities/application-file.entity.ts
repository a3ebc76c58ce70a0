import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FileRole, StoredContentType } from '../registration.types';

/** A file sent with an application; its bytes are in FileStorage under `storageKey`. */
@Entity('application_files')
export class ApplicationFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  role: FileRole;

  /** Order within its role, as uploaded. */
  @Column({ type: 'int' })
  position: number;

  /** The uploaded name, sanitised, with the extension of the detected type. */
  @Column({ type: 'text' })
  filename: string;

  /** Decided from the bytes, never from the name or the declared type. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: StoredContentType;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'int', nullable: true })
  width: number | null;

  @Column({ type: 'int', nullable: true })
  height: number | null;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

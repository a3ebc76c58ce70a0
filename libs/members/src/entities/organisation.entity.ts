import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PostalAddress } from '../members.types';

/** A company or association; matched by its normalised registration number. */
@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'legal_name', type: 'text' })
  legalName: string;

  /** As given, e.g. "0123.456.789". */
  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber: string;

  /** Upper-case letters and digits of the registration number; unique. */
  @Column({ name: 'registration_key', type: 'text' })
  registrationKey: string;

  @Column({ name: 'vat_number', type: 'text', nullable: true })
  vatNumber: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address: PostalAddress | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
